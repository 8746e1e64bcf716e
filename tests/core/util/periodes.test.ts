import { periodesEnLettres } from "../../../src/core/util/texte";

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
