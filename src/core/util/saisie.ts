import { ErreurDonnees } from "../erreurs";
import { analyserMontant, formatMontantFr, type Cents } from "../money";
import type { CellData, SheetData } from "../port/workbook";
import { celluleRef } from "./adresse";

/**
 * The most years a date typed lies from the day of the analysis (a payment of the plan de financement, the --date of
 * the rule tables): further, it is a typing slip (« 1899 », « 2206 », « 9999-12-31 »), named, never used.
 */
export const ANNEES_VRAISEMBLABLES_MAX = 20;

/**
 * What the user typed in a cell of a sheet Prodbook refreshes and whose typed values it keeps (« Écarts », « Bilan
 * carbone »): the cell, or undefined when it is empty or holds Prodbook's formula.
 */
export function celluleSaisie(s: SheetData, ligne: number, col: number): CellData | undefined {
  const c = s.rows[ligne]?.[col];
  if (!c || c.f || c.v === null || c.v === undefined || (typeof c.v === "string" && !c.v.trim())) return undefined;
  return c;
}

/**
 * The refusal of a typed value of such a sheet, naming its cell and column: the correction is never dropped (the
 * refreshed sheet would lose it) nor guessed.
 */
export function refusSaisie(s: SheetData, ligne: number, col: number, colonne: string, raison: string): ErreurDonnees {
  return new ErreurDonnees(
    `${celluleRef(s.name, ligne, col)} (${colonne}) : ${raison} ; corrigez la cellule (Prodbook garde les saisies de ` +
      `la feuille « ${s.name} » à chaque mise à jour et n'en devine aucune).`,
  );
}

/**
 * An amount typed in such a sheet: a number, or a number typed as text (« 1 200 », « 2 880,50 ») read with the devis's
 * parser; a text that is no amount, an ambiguous one (« 1.200 »), one past the centime or an Excel error is refused
 * naming the cell (refusSaisie). `quoi` names what was expected (« un réalisé », « un montant »).
 */
export function montantSaisi(
  s: SheetData,
  ligne: number,
  col: number,
  colonne: string,
  quoi: string,
): Cents | undefined {
  const c = celluleSaisie(s, ligne, col);
  if (!c) return undefined;
  const refus = (raison: string) => refusSaisie(s, ligne, col, colonne, raison);
  const brut = typeof c.v === "number" ? c.v : String(c.v).trim();
  if (c.erreur) throw refus(`l'erreur Excel ${brut} n'est pas ${quoi}`);
  if (typeof c.v === "boolean") throw refus(`« ${brut} » n'est pas ${quoi}`);
  const a = analyserMontant(brut);
  if (a.type === "ambigu")
    throw refus(`« ${brut} » peut se lire ${formatMontantFr(a.decimale)} ou ${formatMontantFr(a.milliers)}`);
  if (a.type === "hors-limite") throw refus(`le montant ${brut} dépasse la limite de Prodbook`);
  if (a.type !== "montant") throw refus(`« ${brut} » n'est pas un montant en euros (par exemple « 2 880,00 »)`);
  if (a.sousCentime) throw refus(`« ${brut} » a plus de deux décimales ; un montant s'écrit au centime`);
  return a.cents;
}
