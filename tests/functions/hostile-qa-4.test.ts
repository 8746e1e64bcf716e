import { erreurDe } from "./customFunctionsStub";
import {
  charges,
  creditImpot,
  dateRetroPlanning,
  intensiteAidesPubliques,
  joursOuvres,
  plafondMinute,
  resteAFinancer,
} from "../../src/functions/functions";
import type { Valeur } from "../../src/functions/arguments";

/**
 * PROD.* called as Excel may call them with what a hostile (or hurried) user puts in the cells: a TRUE cell, a
 * negative expense, an error cell in a range, a fractional serial. Each is a #VALUE! with a French message naming the
 * argument, never an exception nor an English word.
 */
const commeExcel = (f: (...a: never[]) => number, ...args: unknown[]): number =>
  (f as unknown as (...a: unknown[]) => number)(...args);
const message = (f: () => unknown) => {
  const e = erreurDe(f);
  expect(e.code).toBe("#VALUE!");
  return e.message;
};

describe("une cellule VRAI donnée pour un texte ou une date", () => {
  it.each([
    // Before: « Catégorie de charges « true » inconnue ».
    [() => commeExcel(charges, 1000, true, 2025), "L'argument « categorie » vaut VRAI : un texte est attendu."],
    // Before: « Genre inconnu « true » ».
    [
      () => commeExcel(creditImpot, "audiovisuel", true, 1000000, 52, 2000000, 2025),
      "L'argument « genre » vaut VRAI : un texte est attendu.",
    ],
    [() => commeExcel(plafondMinute, false, 10000, 2025), "L'argument « genre » vaut FAUX : un texte est attendu."],
    // Before: « L'argument « debut » (« true ») n'est pas une date ».
    [() => commeExcel(joursOuvres, true, 46053, null), "L'argument « debut » vaut VRAI : une date est attendue."],
    [() => commeExcel(dateRetroPlanning, 46053, 10, true), "L'argument « zone » vaut VRAI : un texte est attendu."],
  ] as [() => unknown, string][])("%#", (f, attendu) => {
    expect(message(f)).toBe(attendu);
  });
});

describe("des dépenses négatives ne donnent pas un crédit d'impôt négatif", () => {
  it.each([
    // Before: -0,25 € of credit.
    [
      () => creditImpot("audiovisuel", "fiction", -1, 52, 2000000, 2025),
      "L'argument « base » doit être positif (reçu -1).",
    ],
    // Before: 0 (the work called ineligible).
    [
      () => creditImpot("audiovisuel", "fiction", 1000000, 52, "-45 000,50", 2025),
      "L'argument « cout_total » doit être positif (reçu -45000,5).",
    ],
    // Before: 1 250 € per minute, the lowest ceiling.
    [() => plafondMinute("fiction", -1, 2025), "L'argument « cout_par_minute » doit être positif (reçu -1)."],
  ] as [() => unknown, string][])("%#", (f, attendu) => {
    expect(message(f)).toBe(attendu);
  });

  it("zéro reste un montant valable", () => {
    expect(creditImpot("audiovisuel", "fiction", 0, 52, 2000000, 2025)).toBe(0);
  });
});

describe("une cellule en erreur dans une plage", () => {
  const div0 = { code: "#DIV/0!", message: "" } as unknown as Valeur;
  it("PROD.RESTE.A.FINANCER la nomme (avant : « input.trim is not a function »)", () => {
    expect(message(() => commeExcel(resteAFinancer, [[100], [div0]], 1000))).toBe(
      "montants, ligne 2 colonne 1 : une erreur Excel (#DIV/0!).",
    );
  });

  it("PROD.INTENSITE.AIDES aussi, dans les montants comme dans les catégories", () => {
    expect(message(() => commeExcel(intensiteAidesPubliques, [[div0]], [["CNC"]], 1000))).toBe(
      "montants, ligne 1 colonne 1 : une erreur Excel (#DIV/0!).",
    );
    expect(message(() => commeExcel(intensiteAidesPubliques, [[100]], [[div0]], 1000))).toBe(
      "categories, ligne 1 colonne 1 : une erreur Excel (#DIV/0!).",
    );
    // Before: « catégorie « true » inconnue ».
    expect(message(() => commeExcel(intensiteAidesPubliques, [[100]], [[true]], 1000))).toBe(
      "categories, ligne 1 colonne 1 : VRAI n'est pas une catégorie.",
    );
  });
});

describe("une date en nombre décimal est citée à la française", () => {
  it("0,5 (avant : « (0.5) »)", () => {
    expect(message(() => joursOuvres(0.5, 46053))).toBe("L'argument « debut » (0,5) n'est pas une date Excel valide.");
  });
});
