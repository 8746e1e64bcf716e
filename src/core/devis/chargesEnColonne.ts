import type Decimal from "decimal.js";
import { Cents, eurosToCents } from "../money/cents";
import type { Convention } from "../money/parse";
import type { CellData } from "../port/workbook";
import { decimalCellule, pourcentCellule } from "./lecture";
import type { LigneDevis } from "./model";

/**
 * A "Charges" cell next to a gross salary: an amount in euros, or a rate when typed as a percentage or as a
 * plain fraction (0.55: charges of 55 cents are not a thing).
 */
export function chargesEnColonne(
  c: CellData | undefined,
  convention?: Convention,
): { montant?: Cents; taux?: Decimal } {
  const taux = pourcentCellule(c, convention);
  if (taux) return { taux };
  const d = decimalCellule(c, convention);
  if (!d || d.isZero()) return {};
  return d.abs().lessThan(1) ? { taux: d } : { montant: eurosToCents(d) };
}

/**
 * The employer charges the producer wrote on the salary's own row: a line of chapter 4 (Charges sociales), as
 * the CNC devis wants them, pointing to the charges cell.
 */
export function ligneDeCharges(salaire: LigneDevis, montant: Cents, cellule: string, taux?: Decimal): LigneDevis {
  return {
    id: `${salaire.id}:charges`,
    chargesDe: { salaire: salaire.id, ...(taux ? { taux: taux.toString() } : {}) },
    libelle: `Charges sociales — ${salaire.libelle}`,
    montant,
    categorie: "charges-sociales",
    partFrance: salaire.partFrance,
    eligibleCI: salaire.eligibleCI,
    source: { feuille: salaire.source.feuille, ligne: salaire.source.ligne, cellules: { montant: cellule } },
  };
}
