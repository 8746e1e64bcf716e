import { eurosToCents, subCents, sumCents, type Cents } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { celluleRef } from "../util/adresse";
import { normaliser } from "../util/texte";

/** The chapter totals of Prodbook's « Écarts » sheet, as Excel last computed them. */
export interface TotauxEcarts {
  chapitres: number;
  budget: Cents;
  realise: Cents;
  estimation: Cents;
  /** Réalisé − budget. */
  ecart: Cents;
  /** Estimation finale − budget. */
  ecartEstime: Cents;
  /** Chapters the sheet flags « Alerte » (écart estimé over both thresholds). */
  alertes: string[];
  /** Cells whose value is not a number (an Excel error, a text): left out of the sums, named. */
  illisibles: string[];
  /**
   * Formula cells saved without their computed value (a file written by a tool that does not calculate, Excel in
   * manual calculation): the sums would be false, so they are named and the totals must not be shown as figures.
   * A formula whose value is 0 has the value 0 and is not here.
   */
  sansValeur: string[];
}

/**
 * Reads the chapters block of an « Écarts » sheet written by Prodbook (header Code … Budget … Réalisé …
 * Estimation finale, one row per chapter, then « Total »). Columns are found by their header, so a sheet
 * written by an earlier version still reads; undefined when the block is not there.
 */
export function lireTotauxEcarts(s: SheetData): TotauxEcarts | undefined {
  const h = s.rows.findIndex(
    (r) => normaliser(String(r[0]?.v ?? "")) === "code" && r.some((c) => normaliser(String(c.v ?? "")) === "realise"),
  );
  if (h < 0) return undefined;
  const col = (nom: string) => s.rows[h].findIndex((c) => normaliser(String(c.v ?? "")) === nom);
  const cBudget = col("budget");
  const cRealise = col("realise");
  const cEstimation = col("estimation finale");
  const cAlerte = col("alerte");
  if (cBudget < 0 || cRealise < 0 || cEstimation < 0) return undefined;
  const budget: Cents[] = [];
  const realise: Cents[] = [];
  const estimation: Cents[] = [];
  const alertes: string[] = [];
  const illisibles: string[] = [];
  const sansValeur: string[] = [];
  let chapitres = 0;
  for (let i = h + 1; i < s.rows.length; i++) {
    const code = s.rows[i][0]?.v;
    if (code === null || code === undefined || code === "" || normaliser(String(code)) === "total") break;
    chapitres++;
    const lire = (c: number, vers: Cents[]) => {
      const x = s.rows[i][c];
      if (x && !x.erreur && typeof x.v === "number") vers.push(eurosToCents(x.v));
      else if (x && x.f && (x.v === null || x.v === "")) sansValeur.push(celluleRef(s.name, i, c));
      else if (x && x.v !== null && x.v !== "") illisibles.push(celluleRef(s.name, i, c));
    };
    lire(cBudget, budget);
    lire(cRealise, realise);
    lire(cEstimation, estimation);
    if (cAlerte >= 0 && normaliser(String(s.rows[i][cAlerte]?.v ?? "")) === "alerte") alertes.push(String(code));
  }
  if (chapitres === 0) return undefined;
  const b = sumCents(budget);
  const r = sumCents(realise);
  const e = sumCents(estimation);
  return {
    chapitres,
    budget: b,
    realise: r,
    estimation: e,
    ecart: subCents(r, b),
    ecartEstime: subCents(e, b),
    alertes,
    illisibles,
    sansValeur,
  };
}
