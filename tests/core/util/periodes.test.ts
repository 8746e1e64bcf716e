import { periodesEnLettres } from "../../../src/core/util/texte";
import { fusionnerPeriodes } from "../../../src/core/util/periodes";

describe("periodesEnLettres : les périodes couvertes par les versions d'une table", () => {
  test("deux versions qui se suivent au jour près font une seule période", () => {
    expect(periodesEnLettres([{ effetDu: "2023-02-01" }, { effetDu: "2016-01-01", effetAu: "2023-01-31" }])).toBe(
      "du 1er\u00a0janvier\u00a02016 à ce jour",
    );
  });
  test("un jour de trou entre deux versions reste visible", () => {
    expect(
      periodesEnLettres([
        { effetDu: "2016-01-01", effetAu: "2023-01-30" },
        { effetDu: "2023-02-01", effetAu: "2024-12-31" },
      ]),
    ).toBe(
      "du 1er\u00a0janvier\u00a02016 au 30\u00a0janvier\u00a02023, du 1er\u00a0février\u00a02023 au 31\u00a0décembre\u00a02024",
    );
  });
  test("fin de mois et d'année : le lendemain du 31 décembre est le 1er janvier", () => {
    expect(
      periodesEnLettres([
        { effetDu: "2021-01-01", effetAu: "2024-12-31" },
        { effetDu: "2025-01-01", effetAu: null },
      ]),
    ).toBe("du 1er\u00a0janvier\u00a02021 à ce jour");
  });
});

describe("fusionnerPeriodes : une seule fusion des périodes datées (textes des règles, crédit d'impôt)", () => {
  test("un trou d'un jour ou plus sépare deux périodes ; le lendemain les joint", () => {
    expect(
      fusionnerPeriodes([
        { effetDu: "2016-01-01", effetAu: "2020-12-31" },
        { effetDu: "2021-01-01", effetAu: "2021-06-30" },
        { effetDu: "2021-07-02", effetAu: "2022-12-31" },
      ]),
    ).toEqual([
      { du: "2016-01-01", au: "2021-06-30" },
      { du: "2021-07-02", au: "2022-12-31" },
    ]);
  });
  test("des périodes qui se chevauchent ou s'emboîtent n'en font qu'une, jusqu'à la fin la plus tardive", () => {
    expect(
      fusionnerPeriodes([
        { effetDu: "2016-01-01", effetAu: "2020-12-31" },
        { effetDu: "2018-03-01", effetAu: "2019-12-31" },
        { effetDu: "2020-06-01", effetAu: "2023-05-31" },
      ]),
    ).toEqual([{ du: "2016-01-01", au: "2023-05-31" }]);
  });
  test("une période sans fin (null, absente ou vide) couvre toutes les suivantes et reste ouverte", () => {
    expect(
      fusionnerPeriodes([
        { effetDu: "2016-01-01", effetAu: null },
        { effetDu: "2030-01-01", effetAu: "2031-12-31" },
      ]),
    ).toEqual([{ du: "2016-01-01" }]);
    expect(
      fusionnerPeriodes([
        { effetDu: "2016-01-01", effetAu: "2020-12-31" },
        { effetDu: "2019-01-01", effetAu: "" },
        { effetDu: "2024-01-01", effetAu: "2024-12-31" },
      ]),
    ).toEqual([{ du: "2016-01-01" }]);
    expect(fusionnerPeriodes([{ effetDu: "2025-03-01" }])).toEqual([{ du: "2025-03-01" }]);
  });
  test("l'ordre donné ne compte pas, et la liste donnée n'est pas modifiée", () => {
    const versions = [
      { effetDu: "2024-02-01" },
      { effetDu: "2010-01-01", effetAu: "2012-12-31" },
      { effetDu: "2016-01-01", effetAu: "2024-01-31" },
    ];
    const copie = structuredClone(versions);
    expect(fusionnerPeriodes(versions)).toEqual([{ du: "2010-01-01", au: "2012-12-31" }, { du: "2016-01-01" }]);
    expect(versions).toEqual(copie);
    expect(periodesEnLettres(versions)).toBe(
      "du 1er\u00a0janvier\u00a02010 au 31\u00a0décembre\u00a02012, du 1er\u00a0janvier\u00a02016 à ce jour",
    );
  });
  test("fin de février d'une année bissextile : le lendemain du 28 est le 29", () => {
    expect(
      fusionnerPeriodes([
        { effetDu: "2024-02-29", effetAu: "2024-12-31" },
        { effetDu: "2023-01-01", effetAu: "2024-02-28" },
      ]),
    ).toEqual([{ du: "2023-01-01", au: "2024-12-31" }]);
    expect(fusionnerPeriodes([])).toEqual([]);
  });
});
