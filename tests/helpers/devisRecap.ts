import type { Cellule } from "../core/devis/outils";

/**
 * A small detailed devis and its recap sheets, shared by the tests of which sheet is read and which one is its recap
 * (tests/core/devis/trouver.test.ts, tests/cli/devis-recap-non-prouve.test.ts).
 * Chapter 1: 12 500,00 €; chapter 2: 12 200,50 €; chapter 8: 3 000,00 €; total 27 700,50 €.
 */
export const DEVIS_DETAILLE: Cellule[][] = [
  ["Code", "Libellé", "Montant"],
  ["1 - DROITS ARTISTIQUES"],
  ["1.1", "Droits d'auteur", 10000],
  ["1.2", "Droits musicaux", 2500],
  ["2 - PERSONNEL"],
  ["2.1", "Réalisateur", 8000],
  ["2.2", "Chef opérateur", 4200.5],
  ["8 - POST-PRODUCTION"],
  ["8.1", "Montage", 3000],
];

/** A recap sheet of chapters 1, 2, 8 and the total, with the amounts given in that order. */
export const recapDevis = (montants: [number, number, number, number]): Cellule[][] => [
  ["N°", "Poste", "Montant"],
  [1, "Droits artistiques", montants[0]],
  [2, "Personnel", montants[1]],
  [8, "Post-production", montants[2]],
  [null, "Total", montants[3]],
];
