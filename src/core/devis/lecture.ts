import { estFormatPourcentage } from "../port/devises";
import Decimal from "decimal.js";
import type { CellData } from "../port/workbook";
import { analyserNombre, type Convention } from "../money/parse";
import { normaliser } from "../util/texte";

const BLANCS_A_REDUIRE = /\s\s|[^\S ]/;

/** Text of a cell ("" when empty); numbers as typed (a code 23 → "23"). */
export function texteCellule(c: CellData | undefined): string {
  if (!c || c.v === null || c.erreur) return "";
  // Spaces are collapsed only where a text has a run of them or another blank (tab, line break, no-break space…).
  if (typeof c.v === "string") return (BLANCS_A_REDUIRE.test(c.v) ? c.v.replace(/\s+/g, " ") : c.v).trim();
  if (typeof c.v === "number") return String(c.v);
  return "";
}

/** Something is in the cell (a text that is not blank, a number, an Excel error): the left edge of a row's block. */
export function cellulePleine(c: CellData | undefined): boolean {
  return !!c && c.v !== null && c.v !== undefined && String(c.v).trim() !== "";
}

/**
 * A number read from a number cell, a formula's cached value or text ("1 234,56 €"); undefined otherwise. A text
 * « 1.500 » is read with `convention` (what the sheet proves); without one, its separator is taken as decimal.
 */
export function decimalCellule(c: CellData | undefined, convention?: Convention): Decimal | undefined {
  if (!c || c.v === null || c.erreur || typeof c.v === "boolean") return undefined;
  if (typeof c.v === "number") return Number.isFinite(c.v) ? new Decimal(c.v) : undefined;
  if (/%\s*$/.test(c.v)) return undefined;
  const a = analyserNombre(c.v, convention);
  return a.type === "nombre" ? a.valeur : a.type === "ambigu" ? a.decimale : undefined;
}

/**
 * A factor of a line (quantité, nombre, taux): a number cell's own number (no Decimal built for it: Decimal reads a
 * number through its shortest writing, as `chaineFacteur` and `montantLigne` do), otherwise the Decimal read.
 */
export type Facteur = number | Decimal;

/** decimalCellule, keeping a number cell's number as is. */
export function facteurCellule(c: CellData | undefined, convention?: Convention): Facteur | undefined {
  if (c && typeof c.v === "number" && !c.erreur) return Number.isFinite(c.v) ? c.v : undefined;
  return decimalCellule(c, convention);
}

/** A number's shortest writing when plain (no exponent): what `new Decimal(n).toFixed()` gives. */
const ECRITURE_SIMPLE = /^-?\d+(\.\d+)?$/;

/** A factor as an exact plain decimal string ("0.62", "20"), as chaineDecimale. */
export function chaineFacteur(f: Facteur): string {
  if (typeof f !== "number") return f.toFixed();
  const s = String(f);
  return ECRITURE_SIMPLE.test(s) && !Object.is(f, -0) ? s : new Decimal(f).toFixed();
}

const QUANTITE_AVEC_UNITE = new RegExp(
  String.raw`^(\d+(?:[.,]\d+)?)\s*(j|jrs?|jours?|sem\.?|semaines?|h|heures?|mois|cachets?|` +
    String.raw`forfaits?|fft?|u|unites?|pers\.?|personnes?|x|days?|weeks?|hours?|nuits?|` +
    String.raw`nuitees?|nights?)$`,
);

/** A quantity, possibly typed with its unit ("10 j", "2 sem", "3 jours"): the number and the unit as typed. */
export function quantiteCellule(
  c: CellData | undefined,
  convention?: Convention,
): { valeur?: Facteur; unite?: string } {
  const d = facteurCellule(c, convention);
  if (d !== undefined || !c || typeof c.v !== "string") return { valeur: d };
  const m = QUANTITE_AVEC_UNITE.exec(normaliser(c.v));
  if (!m) return {};
  return { valeur: new Decimal(m[1].replace(",", ".")), unite: c.v.trim().slice(m[1].length).trim() };
}

/** A percentage: "15 %", "15%", a number with a % format (0.15), or "0,15" → 0.15 as a Decimal fraction. */
export function pourcentCellule(c: CellData | undefined): Decimal | undefined {
  if (!c || c.v === null || c.erreur) return undefined;
  if (typeof c.v === "number") return estFormatPourcentage(c.fmt) ? new Decimal(c.v) : undefined;
  if (typeof c.v !== "string") return undefined;
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*%\s*$/.exec(c.v);
  return m ? new Decimal(m[1].replace(",", ".")).dividedBy(100) : undefined;
}

/** "Imprévus 7 %", "Frais généraux (15%)" → 0.15. */
export function pourcentDansTexte(s: string): Decimal | undefined {
  const m = /(\d+(?:[.,]\d+)?)\s*%/.exec(s);
  return m ? new Decimal(m[1].replace(",", ".")).dividedBy(100) : undefined;
}

/** A rate as a fraction: 0.62, 62 (→ 0.62), "62 %", "0,62". */
export function fractionCellule(c: CellData | undefined): Decimal | undefined {
  const p = pourcentCellule(c);
  if (p) return p;
  const d = decimalCellule(c);
  if (!d) return undefined;
  return d.greaterThan(1.5) ? d.dividedBy(100) : d;
}

/**
 * What a « Territoire » column's bare numbers prove of its convention: `fraction` counts the cells that can only be
 * fractions (a number shown as a percentage, a bare number strictly between 0 and 1), `pourcent` the bare numbers above
 * 1 up to 100 (« 80 » for 80 %). 0, 1, texts and numbers above 100 prove nothing.
 */
export interface PreuvesTerritoire {
  fraction: number;
  pourcent: number;
}

/** The convention evidence of one « Territoire » cell (see PreuvesTerritoire). */
export function preuveTerritoire(c: CellData | undefined): keyof PreuvesTerritoire | undefined {
  if (!c || c.erreur || typeof c.v !== "number") return undefined;
  if (estFormatPourcentage(c.fmt)) return "fraction";
  if (c.v > 0 && c.v < 1) return "fraction";
  if (c.v > 1 && c.v <= 100) return "pourcent";
  return undefined;
}

/**
 * A bare number above 1 up to 100 in a « Territoire » cell (« 1,5 »): 1,5 % or 150 %. Read as a percentage when the
 * column's other bare numbers are (« 80 », « 50 »), as a fraction when they are fractions or percent-formatted (then
 * 150 %, out of range, named by the devis), else neither: both readings returned, the cell is named.
 */
export function territoireAmbigu(
  c: CellData | undefined,
  preuves: PreuvesTerritoire | undefined,
): { pourcent: Decimal; fraction: Decimal } | undefined {
  if (!c || c.erreur || typeof c.v !== "number" || estFormatPourcentage(c.fmt)) return undefined;
  if (!(c.v > 1 && c.v <= 100)) return undefined;
  const pourcent = (preuves?.pourcent ?? 0) - 1; // the other cells only
  const fraction = preuves?.fraction ?? 0;
  if (pourcent > 0 !== fraction > 0) return undefined;
  return { pourcent: new Decimal(c.v).dividedBy(100), fraction: new Decimal(c.v) };
}

/**
 * Share spent in France from a « Territoire » cell: France → 1, Étranger → 0, "80 %" → 0.8, 0.8 → 0.8. A bare number
 * above 1 follows the column's proven convention (`preuves`, see territoireAmbigu); unproven, it is not read
 * (undefined) and territoireAmbigu names it. Above 100 it is a percentage (150 → 1.5, out of range either way).
 */
export function partFranceCellule(c: CellData | undefined, preuves?: PreuvesTerritoire): Decimal | undefined {
  if (!c) return undefined;
  const p = pourcentCellule(c);
  if (p) return p;
  if (c && typeof c.v === "number") {
    if (c.v <= 1) return new Decimal(c.v);
    if (c.v > 100) return new Decimal(c.v).dividedBy(100);
    if (territoireAmbigu(c, preuves)) return undefined;
    return (preuves?.fraction ?? 0) > 0 ? new Decimal(c.v) : new Decimal(c.v).dividedBy(100);
  }
  const s = normaliser(texteCellule(c));
  if (!s) return undefined;
  if (/^(france|fr|f|fra|metropole|dom|france metropolitaine)$/.test(s)) return new Decimal(1);
  if (/^(etranger|etr|foreign|abroad|hors france|international|intl|export)$/.test(s)) return new Decimal(0);
  return undefined;
}

/** A decimal as an exact plain string ("0.62", "20"). */
export function chaineDecimale(d: Decimal): string {
  return d.toFixed();
}

/** True when the text is in capitals (a title): at least three letters and no lower case. */
export function enMajuscules(s: string): boolean {
  const lettres = s.replace(/[^A-Za-zÀ-ÖØ-öø-ÿ]/g, "");
  return lettres.length >= 3 && lettres === lettres.toUpperCase();
}

const CACHE = new Map<string, string>();
/** normaliser() memoised: a row's texts are tested by several recognisers in turn. */
export function norm(s: string): string {
  let r = CACHE.get(s);
  if (r === undefined) {
    if (CACHE.size > 20000) CACHE.clear();
    r = normaliser(s);
    CACHE.set(s, r);
  }
  return r;
}
