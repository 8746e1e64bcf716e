import Decimal from "decimal.js";
import { tablesRegles } from "../../../src/core/regles/audit";
import { aVerifier, versionEnVigueur } from "../../../src/core/regles/table";

/**
 * IDCC 3097, titre II, annexe III (films under a budget limit): the text gives the formula « socle + 35 % (salaire
 * hebdomadaire annexe I – socle) » and its own grids. The table's socle and part, applied to the annexe I minimum of a
 * function, must give the minimum printed in those grids to the cent (half-up): the 2019 grid (socle 779,22 €,
 * KALITEXT000041698920) and the 1 April 2022 grid (socle 790,91 €, KALITEXT000046044080), both read in the KALI base.
 */
interface Annexe3 {
  socle: number;
  partAuDela: string;
  budgetMaxFiction: number;
  budgetMaxDocumentaire: number;
}

const table = tablesRegles().find((t) => t.id === "idcc3097-annexe3")!;
const le = (date: string) => versionEnVigueur(table, date)!;
const valeurs = (date: string) => le(date).valeurs as Annexe3;

/** The annexe III minimum in cents from the annexe I minimum in cents; below the socle the function is not eligible. */
function minimumAnnexe3(annexe1: number, v: Annexe3): number | "non éligible" {
  if (annexe1 < v.socle) return "non éligible";
  const mg = new Decimal(v.socle).plus(new Decimal(v.partAuDela).times(annexe1 - v.socle));
  return mg.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

describe("IDCC 3097, annexe III : la formule de la table redonne les grilles du texte", () => {
  it.each([
    // [fonction, minimum annexe I, minimum annexe III imprimé] — grille de l'avenant du 25 octobre 2019
    ["1er assistant opérateur cinéma", 130203, 96220],
    ["Directeur de la photographie cinéma", 267499, 144274],
    ["Habilleur cinéma", 85700, 80644],
    ["Réalisateur cinéma", 292834, 153141],
    ["Secrétaire de production cinéma", 90321, 82262],
  ])("2020–2022 (socle 779,22 €, 35 %) : %s, %i → %i", (_f, annexe1, imprime) => {
    expect(minimumAnnexe3(annexe1, valeurs("2021-06-01"))).toBe(imprime);
  });

  it.each([
    // grille « Annexe 3 du titre II en application de l'accord du 25 octobre 2019 » de l'avenant du 25 février 2022
    ["1er assistant opérateur cinéma", 132156, 97664],
    ["Directeur de la photographie cinéma", 271511, 146438],
    ["Habilleur cinéma", 86986, 81854],
  ])("depuis le 1er avril 2022 (socle 790,91 €, 35 %) : %s, %i → %i", (_f, annexe1, imprime) => {
    expect(minimumAnnexe3(annexe1, valeurs("2022-04-01"))).toBe(imprime);
  });

  it("une fonction dont le minimum de l'annexe I est sous le socle n'est pas éligible (auxiliaire de réalisation)", () => {
    // 2019 grid: « Auxiliaire de réalisation cinéma | 484,47 | 0,00 | 484,47 » — the annexe I minimum, no deferral.
    expect(minimumAnnexe3(48447, valeurs("2021-06-01"))).toBe("non éligible");
    expect(minimumAnnexe3(77922, valeurs("2021-06-01"))).toBe(77922);
    expect(minimumAnnexe3(77921, valeurs("2021-06-01"))).toBe("non éligible");
  });
});

describe("IDCC 3097, annexe III : versions aux bornes, et ce qui reste à vérifier", () => {
  it("le socle change le 1er avril 2022, le 1er septembre 2023 et le 11 avril 2025 ; la part de 35 % devient 37 %", () => {
    expect(versionEnVigueur(table, "2020-04-10")).toBeUndefined();
    expect([valeurs("2020-04-11").socle, valeurs("2022-03-31").socle]).toEqual([77922, 77922]);
    expect([valeurs("2022-04-01").socle, valeurs("2023-08-31").socle]).toEqual([79091, 79091]);
    expect([valeurs("2023-09-01").socle, valeurs("2025-04-10").socle]).toEqual([82100, 82100]);
    expect([valeurs("2025-04-10").partAuDela, valeurs("2025-04-11").partAuDela]).toEqual(["0.35", "0.37"]);
    expect(valeurs("2025-04-11").socle).toBe(85000);
    expect(valeurs("2026-12-05").budgetMaxFiction).toBe(310000000);
  });

  it("H seulement pour les socles lus dans le texte (2020 et 2022) ; 821 € et 850 € / 37 % restent à vérifier", () => {
    expect(["2021-06-01", "2022-04-01", "2023-09-01", "2025-04-11"].map((d) => le(d).confiance)).toEqual([
      "H",
      "H",
      "M",
      "M",
    ]);
    expect(aVerifier(le("2025-04-11").confiance)).toBe(true);
    expect(le("2025-04-11").motifConfiance).toMatch(/accord du 26 mars 2025/);
    expect(le("2021-06-01").sources[0].url).toContain("legifrance.gouv.fr/conv_coll/id/KALITEXT000041698920");
  });
});
