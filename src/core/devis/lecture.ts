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

/**
 * What a percentage cell says: a number with a % format (0.15), or a text that is a figure followed by « % » (« 15 % »,
 * « 15% », « −20 % » with the minus sign U+2212, « 1 500 % » grouped with a space, a no-break or a narrow no-break
 * space), its figure read by the shared number reader with the sheet's `convention`. A text « 1.500 % » the convention
 * does not decide is `ambigu` with both readings (never picked); a figure that reads as no number (« 1 2 % ») is
 * `illisible`. Undefined when the cell is no percentage at all (a plain number, a word, « Imprévus 7 % »).
 */
export type AnalysePourcent =
  | { type: "pourcent"; valeur: Decimal }
  | { type: "ambigu"; decimale: Decimal; milliers: Decimal }
  | { type: "illisible" };

const POURCENT_TEXTE = /^\s*([-+\u2212]?\s*\d[\d\s.,']*?)\s*%\s*$/;

export function analyserPourcent(c: CellData | undefined, convention?: Convention): AnalysePourcent | undefined {
  if (!c || c.v === null || c.erreur) return undefined;
  if (typeof c.v === "number")
    return estFormatPourcentage(c.fmt) && Number.isFinite(c.v)
      ? { type: "pourcent", valeur: new Decimal(c.v) }
      : undefined;
  if (typeof c.v !== "string") return undefined;
  const m = POURCENT_TEXTE.exec(c.v);
  if (!m) return undefined;
  const a = analyserNombre(m[1], convention);
  if (a.type === "nombre") return { type: "pourcent", valeur: a.valeur.dividedBy(100) };
  if (a.type === "ambigu")
    return { type: "ambigu", decimale: a.decimale.dividedBy(100), milliers: a.milliers.dividedBy(100) };
  return { type: "illisible" };
}

/**
 * A percentage: "15 %", "15%", a number with a % format (0.15) → 0.15 as a Decimal fraction (see analyserPourcent).
 * Undefined for an ambiguous or unreadable percentage text: pourcentNonLu names it.
 */
export function pourcentCellule(c: CellData | undefined, convention?: Convention): Decimal | undefined {
  const a = analyserPourcent(c, convention);
  return a?.type === "pourcent" ? a.valeur : undefined;
}

/**
 * A percentage text that is not read (see analyserPourcent): « 1.500 % » the sheet does not decide (`lectures`, as
 * fractions: 0.015 or 15), or a figure that reads as no number. Each caller names it with its cell, never drops it.
 */
export function pourcentNonLu(
  c: CellData | undefined,
  convention?: Convention,
): { texte: string; pourcent: true; lectures?: { decimale: Decimal; milliers: Decimal } } | undefined {
  const a = analyserPourcent(c, convention);
  if (!a || a.type === "pourcent") return undefined;
  const texte = texteCellule(c);
  return a.type === "ambigu"
    ? { texte, pourcent: true, lectures: { decimale: a.decimale, milliers: a.milliers } }
    : { texte, pourcent: true };
}

/**
 * The percentage a label writes (« Imprévus 7 % », « Frais généraux (7,5%) », « Imprévus −5 % »), as a percentage cell
 * is read (analyserPourcent): its figure, the one just before the label's first « % », read by the shared number reader
 * with the sheet's `convention`; « 1 500 % » grouped with a space (or a no-break, a narrow no-break space) is 1 500 %,
 * « 1.500 % » or « 1,500 % » the convention does not decide is `ambigu` with both readings (never picked), a figure
 * that reads as no number (« 1.2.3 % ») `illisible`. `texte`: the figure with its « % » as typed.
 *
 * A sign is a minus only glued to the figure, after the label's start, a blank or a bracket, and with no figure right
 * before it (blanks apart): « − 5 % » is a dash, « 5 -10 % » a range. A range is no rate, whatever its order: « 5-10 % »,
 * « 5 -10 % », « 5 à 10 % », « 5 ou 10 % », « 10 à 5 % », « 5 % à 10 % » are `illisible` with `fourchette` (no bound
 * ever picked). One exception: a year (four digits, 1900 to 2100) before a dash spaced on both sides is no bound
 * (« Budget 2025 - 5 % » is 5 %; « Budget 2025-5 % » stays a range). A number before the figure that cannot head a
 * grouped figure never joins it: « Budget 2025 10 % » is 10 %, but « 1 2 % » is unreadable.
 *
 * A sum of rates is no rate either: « 5 + 10 % », « 5 % + 10 % », « 5+10% » are `illisible` with `somme` (never one
 * term picked, never added unsaid); `somme.termes` holds each term as a fraction when every one reads as a number (for
 * a caller that reads their total only where an amount proves it by arithmetic). A plus sign with no figure before it
 * (« Imprévus +10 % ») stays a sign.
 *
 * Only the FENETRE_POURCENT characters before the « % » (and as many after it) are looked at: a figure running beyond
 * them is no rate (`illisible`), and a long label costs no more than a short one. Undefined when the label writes no
 * percentage.
 */
export type PourcentLibelle = AnalysePourcent & {
  texte: string;
  fourchette?: true;
  somme?: { termes?: Decimal[] };
};

/** How many characters before a label's « % » (and after it) its figure and a range's other bound are looked for in. */
export const FENETRE_POURCENT = 64;

const BLANC = String.raw`[\s\u00a0\u202f]`;
/** Between a range's bounds: « à », « ou », a hyphen, an en or em dash, a minus sign. */
const ENTRE_BORNES = String.raw`(à|ou\b|[-\u2013\u2014\u2212])`;
/** A range's other bound before the figure (« 5-10 % », « 5 à 10 % »): a figure, a separator, up to the figure. */
const BAS_DE_FOURCHETTE = new RegExp(String.raw`(\d[\d.,]*)(${BLANC}*)${ENTRE_BORNES}(${BLANC}*)$`);
/** A range's other bound after the « % » (« 5 % à 10 % »): a separator, a figure and its « % ». */
const HAUT_DE_FOURCHETTE = new RegExp(
  String.raw`^${BLANC}*${ENTRE_BORNES}${BLANC}*[-+\u2212]?\d[\d.,'\u00a0\u202f ]*%`,
);
/** A term of a sum of rates before the figure (« 5 + 10 % », « 5 % + 10 % », « 5+10% »): a figure, its « % » maybe, a plus. */
const TERME_AVANT = new RegExp(String.raw`(\d[\d.,]*)(?:${BLANC}*%)?${BLANC}*\+${BLANC}*$`);
/** A term of a sum of rates after the « % » (« 5 % + 10 % »): a plus, a figure and its « % ». */
const TERME_APRES = new RegExp(String.raw`^${BLANC}*\+${BLANC}*(\d[\d.,]*)${BLANC}*%`);
const FIN_FIGURE = /([-+\u2212]?)([\d.,'\u00a0\u202f ]*\d)$/;
/** A character a figure (or its sign) may go on with, before a slice's start. */
const SUITE_DE_FIGURE = /[\d.,'\s\u00a0\u202f+\-\u2212]/;

export function analyserPourcentDansTexte(s: string, convention?: Convention): PourcentLibelle | undefined {
  const m = /\d[\s\u00a0\u202f]*%/.exec(s);
  if (!m) return undefined;
  const fin = m.index + m[0].length;
  // The slice before the « % » looked at, up to the figure's last digit.
  const base = Math.max(0, m.index + 1 - FENETRE_POURCENT);
  const w = s.slice(base, m.index + 1);
  const f = FIN_FIGURE.exec(w) as RegExpExecArray;
  const lue = f[2].replace(/^[\s\u00a0\u202f]+/, "");
  const debutLue = base + f.index + f[1].length + f[2].length - lue.length;
  const debutFigure = f[1] && lue === f[2] ? base + f.index : debutLue;
  // A figure reaching the slice's start may go on before it: too long for a rate, never cut and read.
  if (debutFigure === base && base > 0 && SUITE_DE_FIGURE.test(s.charAt(base - 1)))
    return { type: "illisible", texte: s.slice(base, fin).trim() };
  // A sign glued to the figure, at the label's start or after a blank or a bracket, with no figure right before it: a
  // minus; else a dash (« 5 -10 % » is a range).
  const avantSigne = w.slice(0, f.index);
  const signe =
    f[1] &&
    lue === f[2] &&
    (base + f.index === 0 || /[\s\u00a0\u202f(]/.test(s.charAt(base + f.index - 1))) &&
    !/\d[\s\u00a0\u202f]*$/.test(avantSigne)
      ? f[1]
      : "";
  const texte = (signe + s.slice(debutLue, fin)).trim();
  // « 5 % à 10 % », « 5 % - 10 % »: a range, named whatever its order, never one bound picked.
  const haut = HAUT_DE_FOURCHETTE.exec(s.slice(fin, fin + FENETRE_POURCENT));
  const finFourchette = haut ? fin + haut[0].length : fin;
  // « 5-10 % », « 5 -10 % », « 5 à 10 % », « 10 à 5 % »: likewise, but for a year before a dash spaced on both sides.
  const bas = signe ? null : BAS_DE_FOURCHETTE.exec(w.slice(0, debutLue - base));
  if (bas) {
    const annee =
      (base === 0 || bas.index > 0) &&
      /^\d{4}$/.test(bas[1]) &&
      Number(bas[1]) >= 1900 &&
      Number(bas[1]) <= 2100 &&
      /^[-\u2013\u2014\u2212]$/.test(bas[3]) &&
      bas[2] !== "" &&
      bas[4] !== "";
    if (!annee) return { type: "illisible", texte: s.slice(base + bas.index, finFourchette).trim(), fourchette: true };
  }
  if (haut) return { type: "illisible", texte: (signe + s.slice(debutLue, finFourchette)).trim(), fourchette: true };
  // « 5 + 10 % », « 5 % + 10 % »: a sum of rates, named with its terms, never one of them picked nor their total.
  const avant: string[] = [];
  let debutSomme = debutLue;
  if (!signe)
    for (let t = TERME_AVANT.exec(s.slice(base, debutSomme)); t; t = TERME_AVANT.exec(s.slice(base, debutSomme))) {
      // « Budget 2025 + 10 % »: a year without its « % » before a plus spaced on both sides is no term, as before a
      // dash (« Budget 2025 - 5 % » reads 5 %).
      const annee =
        /^\d{4}$/.test(t[1]) &&
        Number(t[1]) >= 1900 &&
        Number(t[1]) <= 2100 &&
        !t[0].includes("%") &&
        /[\s\u00a0\u202f]\+[\s\u00a0\u202f]/.test(t[0]);
      if (annee) break;
      avant.unshift(t[1]);
      debutSomme = base + t.index;
    }
  const apres: string[] = [];
  let finSomme = fin;
  for (let t = TERME_APRES.exec(s.slice(fin, fin + FENETRE_POURCENT)); t;) {
    apres.push(t[1]);
    finSomme += t[0].length;
    t = finSomme - fin < FENETRE_POURCENT ? TERME_APRES.exec(s.slice(finSomme, fin + FENETRE_POURCENT)) : null;
  }
  if (avant.length || apres.length) {
    const lus = [...avant, signe + lue, ...apres].map((x) => analyserNombre(x, convention));
    const termes = lus.every((a) => a.type === "nombre")
      ? lus.map((a) => (a as { valeur: Decimal }).valeur.dividedBy(100))
      : undefined;
    return { type: "illisible", texte: s.slice(debutSomme, finSomme).trim(), somme: termes ? { termes } : {} };
  }
  // The figure, then (when it reads as no number) the words after each blank: « 2025 10 » → « 10 ».
  const parties = lue.split(/[\s\u00a0\u202f]+/);
  for (let i = 0; i < parties.length; i++) {
    const figure = parties.slice(i).join(" ");
    const a = analyserNombre((i === 0 ? signe : "") + figure, convention);
    const t = i === 0 ? texte : `${figure} %`;
    if (a.type === "nombre") return { type: "pourcent", valeur: a.valeur.dividedBy(100), texte: t };
    if (a.type === "ambigu")
      return { type: "ambigu", decimale: a.decimale.dividedBy(100), milliers: a.milliers.dividedBy(100), texte: t };
    // « 1 2 % »: « 1 » may head a grouped figure mistyped: not dropped, the figure is unreadable.
    if (/^\d{1,3}$/.test(parties[i])) break;
  }
  return { type: "illisible", texte };
}

/**
 * The readings of the percentage a label writes: its one reading, or both of « 1.500 % » the convention does not
 * decide, the total of a sum of rates (« 45 + 20 % ») whose terms all read; none when the label writes no percentage
 * or an unreadable one. For a caller that keeps only the reading an
 * amount proves by arithmetic (the crédit d'impôt's charges rates).
 */
export function lecturesPourcentDansTexte(s: string, convention?: Convention): Decimal[] {
  const a = analyserPourcentDansTexte(s, convention);
  if (a?.type === "illisible") return totalSomme(a) ? [totalSomme(a) as Decimal] : [];
  return a?.type === "pourcent" ? [a.valeur] : a?.type === "ambigu" ? [a.decimale, a.milliers] : [];
}

/** The total of a label's sum of rates (« 5 + 10 % » → 0.15) when every term reads: only where an amount proves it. */
export function totalSomme(a: PourcentLibelle | undefined): Decimal | undefined {
  const termes = a?.somme?.termes;
  return termes ? termes.reduce((x, y) => x.plus(y), new Decimal(0)) : undefined;
}

/**
 * A rate as a fraction: 0.62, 62 (→ 0.62), "62 %", "0,62". A percentage text not read (« 1.500 % ») is undefined:
 * pourcentNonLu names it.
 */
export function fractionCellule(c: CellData | undefined, convention?: Convention): Decimal | undefined {
  const p = pourcentCellule(c, convention);
  if (p) return p;
  const d = decimalCellule(c, convention);
  if (!d) return undefined;
  return d.greaterThan(1.5) ? d.dividedBy(100) : d;
}

/**
 * The number a « Territoire » cell holds: a number cell's (`formatPourcent` when shown as a percentage), or a text that
 * is only a number (« 80 », « 0,8 », « 80,5 »: digits, separators and a sign, no « % », no currency, no word) read by
 * the shared reader with the sheet's `convention`. A text « 1.500 » or « 12,500 » the convention does not decide is
 * `ambigu` with both readings (never picked). Undefined for anything else (« 80 % » is pourcentCellule's).
 */
export type NombreTerritoire =
  | { type: "nombre"; valeur: Decimal; formatPourcent: boolean }
  | { type: "ambigu"; decimale: Decimal; milliers: Decimal };

const NOMBRE_NU = /^[-+\u2212]?\s*\d[\d\s\u00a0\u202f.,]*$/;

export function nombreTerritoire(c: CellData | undefined, convention?: Convention): NombreTerritoire | undefined {
  if (!c || c.erreur || c.v === null) return undefined;
  if (typeof c.v === "number")
    return Number.isFinite(c.v)
      ? { type: "nombre", valeur: new Decimal(c.v), formatPourcent: estFormatPourcentage(c.fmt) }
      : undefined;
  if (typeof c.v !== "string") return undefined;
  const t = texteCellule(c);
  if (!NOMBRE_NU.test(t)) return undefined;
  const a = analyserNombre(t, convention);
  if (a.type === "nombre") return { type: "nombre", valeur: a.valeur, formatPourcent: false };
  if (a.type === "ambigu") return { type: "ambigu", decimale: a.decimale, milliers: a.milliers };
  return undefined;
}

/**
 * What a « Territoire » column's bare numbers prove of its convention: `fraction` counts the cells that can only be
 * fractions (a number shown as a percentage, a bare number strictly between 0 and 1), `pourcent` the bare numbers above
 * 1 up to 100 (« 80 » for 80 %). A text that is only a number (« 80 », « 0,8 ») proves as the same number does. 0, 1,
 * other texts and numbers above 100 prove nothing.
 */
export interface PreuvesTerritoire {
  fraction: number;
  pourcent: number;
}

/** The convention evidence of one « Territoire » cell (see PreuvesTerritoire). */
export function preuveTerritoire(
  c: CellData | undefined,
  convention?: Convention,
): keyof PreuvesTerritoire | undefined {
  const n = nombreTerritoire(c, convention);
  if (n?.type !== "nombre") return undefined;
  if (n.formatPourcent) return "fraction";
  const v = n.valeur;
  if (v.greaterThan(0) && v.lessThan(1)) return "fraction";
  if (v.greaterThan(1) && v.lessThanOrEqualTo(100)) return "pourcent";
  return undefined;
}

/**
 * The convention a « Territoire » column proves for one of its bare numbers, the cell's own evidence aside:
 * `pourcent` (« 80 », « 50 » elsewhere, no fraction), `fraction` (« 0,8 » or « 80 % » elsewhere, no bare number above
 * 1), `contradictoire` (both), undefined (neither).
 */
function conventionTerritoire(
  c: CellData | undefined,
  preuves: PreuvesTerritoire | undefined,
  convention?: Convention,
): "pourcent" | "fraction" | "contradictoire" | undefined {
  const propre = preuveTerritoire(c, convention);
  const pourcent = (preuves?.pourcent ?? 0) - (propre === "pourcent" ? 1 : 0);
  const fraction = (preuves?.fraction ?? 0) - (propre === "fraction" ? 1 : 0);
  if (pourcent > 0 && fraction > 0) return "contradictoire";
  return pourcent > 0 ? "pourcent" : fraction > 0 ? "fraction" : undefined;
}

/**
 * A bare number above 1 up to 100 in a « Territoire » cell (« 1,5 », as a number or a text): 1,5 % or 150 %. Read as a
 * percentage when the column's other bare numbers are (« 80 », « 50 »), as a fraction when they are fractions or
 * percent-formatted (then 150 %, out of range, named by the devis), else neither: both readings returned, the cell is
 * named. A bare 1 is 100 % (a fraction) unless the column proves percentages (then 1 %); when the column proves both,
 * 1 is named too (1 % or 100 %).
 */
export function territoireAmbigu(
  c: CellData | undefined,
  preuves: PreuvesTerritoire | undefined,
  convention?: Convention,
): { pourcent: Decimal; fraction: Decimal } | undefined {
  const n = nombreTerritoire(c, convention);
  if (n?.type !== "nombre" || n.formatPourcent) return undefined;
  const v = n.valeur;
  const conv = conventionTerritoire(c, preuves, convention);
  const ambigu = v.equals(1)
    ? conv === "contradictoire"
    : v.greaterThan(1) && v.lessThanOrEqualTo(100) && (conv === undefined || conv === "contradictoire");
  return ambigu ? { pourcent: v.dividedBy(100), fraction: v } : undefined;
}

/**
 * Countries of foreign shooting, written in French (accents, case and hyphens aside): a « Territoire » cell naming
 * one says the line is spent abroad (0 % in France). No French territory is among them (overseas departments and
 * territories are not read: named as unreadable, as any other word).
 */
const PAYS_ETRANGERS = new Set(
  [
    "allemagne",
    "angleterre",
    "autriche",
    "belgique",
    "bulgarie",
    "canada",
    "croatie",
    "danemark",
    "ecosse",
    "espagne",
    "etats-unis",
    "usa",
    "finlande",
    "grece",
    "hongrie",
    "irlande",
    "islande",
    "italie",
    "luxembourg",
    "malte",
    "maroc",
    "norvege",
    "pays-bas",
    "pologne",
    "portugal",
    "republique tcheque",
    "tchequie",
    "roumanie",
    "royaume-uni",
    "serbie",
    "slovaquie",
    "slovenie",
    "suede",
    "suisse",
    "tunisie",
    "turquie",
    "afrique du sud",
    "georgie",
    "japon",
    "mexique",
    "senegal",
  ].map((p) => p.replace(/-/g, " ")),
);

/**
 * Share spent in France from a « Territoire » cell: France → 1, Étranger (or a foreign country, « Belgique ») → 0,
 * "80 %" → 0.8, 0.8 → 0.8, a text « 0,8 » as the number 0.8. A bare number above 1 follows the column's proven
 * convention (`preuves`, see territoireAmbigu); unproven, it is not read (undefined) and territoireAmbigu names it. A
 * bare 1 is 100 %, or 1 % in a column of percentages. Above 100 it is a percentage (150 → 1.5, out of range either
 * way). Anything else (« moitié », « 80 pour cent », a text « 1.500 » the sheet does not decide) is not read:
 * territoireIllisible names it.
 */
export function partFranceCellule(
  c: CellData | undefined,
  preuves?: PreuvesTerritoire,
  convention?: Convention,
): Decimal | undefined {
  if (!c) return undefined;
  const p = analyserPourcent(c, convention);
  if (p) return p.type === "pourcent" ? p.valeur : undefined;
  const n = nombreTerritoire(c, convention);
  if (n?.type === "ambigu") return undefined;
  if (n) {
    const v = n.valeur;
    if (v.lessThan(1) || n.formatPourcent) return v;
    if (v.greaterThan(100)) return v.dividedBy(100);
    if (territoireAmbigu(c, preuves, convention)) return undefined;
    const conv = conventionTerritoire(c, preuves, convention);
    if (v.equals(1)) return conv === "pourcent" ? v.dividedBy(100) : v;
    return conv === "fraction" ? v : v.dividedBy(100);
  }
  if (typeof c.v !== "string") return undefined;
  const s = normaliser(texteCellule(c));
  if (!s) return undefined;
  if (/^(france|fr|f|fra|metropole|dom|france metropolitaine)$/.test(s)) return new Decimal(1);
  if (/^(etranger|etr|foreign|abroad|hors france|international|intl|export)$/.test(s)) return new Decimal(0);
  if (PAYS_ETRANGERS.has(s.replace(/-/g, " "))) return new Decimal(0);
  return undefined;
}

/**
 * A filled « Territoire » cell whose share is neither read nor ambiguous between % and fraction: a word that is no
 * territory (« moitié », « 80 pour cent »), a text « 1.500 » or « 1.500 % » whose separator the sheet does not decide
 * (`lectures`, as fractions when `pourcent`: the text is a percentage), a boolean or an Excel error. Named (finding
 * `territoire-illisible`), never dropped: credit-impot refuses it.
 */
export function territoireIllisible(
  c: CellData | undefined,
  preuves?: PreuvesTerritoire,
  convention?: Convention,
): { texte: string; pourcent?: true; lectures?: { decimale: Decimal; milliers: Decimal } } | undefined {
  if (!c || c.v === null || c.v === undefined) return undefined;
  const texte = c.erreur ? String(c.v) : typeof c.v === "boolean" ? (c.v ? "VRAI" : "FAUX") : texteCellule(c);
  if (!texte) return undefined;
  if (!c.erreur && typeof c.v !== "boolean") {
    if (partFranceCellule(c, preuves, convention) !== undefined) return undefined;
    if (territoireAmbigu(c, preuves, convention)) return undefined;
  }
  const p = pourcentNonLu(c, convention);
  if (p) return p;
  const n = nombreTerritoire(c, convention);
  return n?.type === "ambigu" ? { texte, lectures: { decimale: n.decimale, milliers: n.milliers } } : { texte };
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
