import type { LigneDevis } from "../../../src/core/devis/model";
import { controlerDevis } from "../../../src/core/devis/regles";
import { devis, salaireTechnicien } from "./fabrique";

/**
 * IDCC 3097 (cinema) minima at their exact boundaries: each grid's first day (1 April 2022, 1 September 2023,
 * 1 April 2024) and the day before, the weekly minimum and one cent below, the daily minimum derived from the
 * weekly one (× 0,25, rounded half-up to the cent) and one cent below. tests/cli/devis-cinema.test.ts runs the same
 * grids on a real cinema devis.
 */
const sal = salaireTechnicien;
const minima = (l: LigneDevis, date = "2025-09-01") =>
  controlerDevis(devis([l], { typeOeuvre: "cinema", genre: "fiction" }), date).filter(
    (c) => c.regle === "salaire-minimum",
  );

describe("salaire-minimum, IDCC 3097 : aux bornes", () => {
  it("1er assistant opérateur : 1 364,56 € par semaine passe, 1 364,55 € déclenche (grille à vérifier, en alerte)", () => {
    expect(minima(sal("1er assistant opérateur", "1364.56", "semaine"))).toEqual([]);
    const c = minima(sal("1er assistant opérateur", "1364.55", "semaine"));
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ gravite: "alerte", cellule: expect.stringMatching(/^Budget!F\d+$/) });
    expect(c[0].message).toMatch(
      /1\u202f364,55\u00a0€ par semaine, sous le minimum IDCC 3097 de la fonction « 1er assistant opérateur » : 1\u202f364,56\u00a0€ par semaine \(table idcc3097-minima en vigueur au 1er\u00a0avril\u00a02024, titre II, annexe I, base 39 h, à vérifier/,
    );
  });

  it("régisseur général à la journée : 1 436,49 € × 0,25 = 359,1225 → 359,12 € passe, 359,11 € déclenche", () => {
    expect(minima(sal("Régisseur général", "359.12", "jour"))).toEqual([]);
    const c = minima(sal("Régisseur général", "359.11", "jour"));
    expect(c).toHaveLength(1);
    // A plancher at H: the 2022 grid read in KALI; the 2024 minimum is higher, so the message says « plancher connu ».
    expect(c[0].message).toMatch(
      /359,11\u00a0€ par jour, sous le plancher connu IDCC 3097 .*359,12\u00a0€ par jour \(1\u202f436,49\u00a0€ par semaine × 0,25\)/,
    );
    expect(c[0].message).not.toMatch(/à vérifier/);
  });

  it("chaque version à son premier jour : 1er avril 2022, 1er septembre 2023, 1er avril 2024 ; rien le 31 mars 2022", () => {
    const l = sal("Chef monteur", "1000", "semaine");
    expect(minima(l, "2022-03-31")).toEqual([]);
    const version = (date: string) => /en vigueur au ([^,]+),/.exec(minima(l, date)[0].message)![1];
    expect(version("2022-04-01")).toBe("1er\u00a0avril\u00a02022");
    expect(version("2023-08-31")).toBe("1er\u00a0avril\u00a02022");
    expect(version("2023-09-01")).toBe("1er\u00a0septembre\u00a02023");
    expect(version("2024-03-31")).toBe("1er\u00a0septembre\u00a02023");
    expect(version("2024-04-01")).toBe("1er\u00a0avril\u00a02024");
    const c = minima(l, "2024-04-01");
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(
      /1\u202f790,05\u00a0€ par semaine \(table idcc3097-minima en vigueur au 1er\u00a0avril\u00a02024/,
    );
  });

  it("grille du 1er avril 2022 (avenant du 25 février 2022, lu) : 1 321,56 € passe, 1 321,55 € déclenche, sans « à vérifier »", () => {
    expect(minima(sal("1er assistant opérateur", "1321.56", "semaine"), "2023-08-31")).toEqual([]);
    const c = minima(sal("1er assistant opérateur", "1321.55", "semaine"), "2023-08-31");
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(
      /1\u202f321,55\u00a0€ par semaine, sous le minimum IDCC 3097 de la fonction « 1er assistant opérateur » : 1\u202f321,56\u00a0€ par semaine \(table idcc3097-minima en vigueur au 1er\u00a0avril\u00a02022, titre II, annexe I, base 39 h ;/,
    );
    expect(c[0].message).not.toMatch(/à vérifier|plancher/);
    // « Maquilleur » has no heading in the 2022 grid: not checked in that version (the 2012 floor is used from 2023-09).
    expect(minima(sal("Maquilleur", "100", "semaine"), "2023-08-31")).toEqual([]);
    expect(minima(sal("Maquilleur", "100", "semaine"), "2023-09-01")).toHaveLength(1);
  });
});
