import Decimal from "decimal.js";
import { Cents, cents, MONTANT_MAX_CENTIMES } from "./cents";

/**
 * How a text writes its decimal separator: « fr » 1 234,56 (comma decimal, dot or space grouping), « en »
 * 1,234.56 (dot decimal, comma grouping).
 */
export type Convention = "fr" | "en";

/** What a number typed as text says, when it says it unambiguously. */
export type AnalyseNombre =
  | {
      type: "nombre";
      valeur: Decimal;
      /** The convention this text proves by itself (« 1 234,56 », « 1,234.56 », « 12,5 »), if any. */
      convention?: Convention;
    }
  /**
   * A single « . » or « , » followed by exactly three digits (« 12.500 », « 2,345 »): a decimal or a thousands
   * separator, and nothing in the text tells which. `decimale` reads it as the decimal one (12.5), `milliers` as
   * the grouping one (12500).
   */
  | { type: "ambigu"; decimale: Decimal; milliers: Decimal }
  | { type: "invalide" };

interface Brut {
  negatif: boolean;
  /** Digits, dots and commas only. */
  s: string;
  /** The text grouped its thousands with spaces (then a lone separator is the decimal one). */
  espaces: boolean;
}

/** Strips signs, brackets, currency, tax mentions and grouping spaces; undefined when not a number at all. */
function brut(input: string): Brut | undefined {
  let s = input.trim();
  if (s === "") return undefined;
  let negatif = false;
  if (/^\(.*\)$/.test(s)) {
    negatif = true;
    s = s.slice(1, -1).trim();
  }
  // "1 500 € HT": the currency and the tax mention may both follow the figure.
  for (let i = 0; i < 2; i++) s = s.replace(/(€|eur(os?)?|ht|ttc)\.?$/i, "").trim();
  s = s.replace(/^(€|eur)\s*/i, "").trim();
  // Grouping spaces: plain, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009), apostrophe (Swiss).
  const espaces = /\d[\s\u00a0\u202f\u2009']+\d/.test(s);
  s = s.replace(/[\s\u00a0\u202f\u2009']/g, "");
  // "1 200,-" / "1200.-": no cents (Swiss and German usage), not the accountant's trailing minus.
  s = s.replace(/\d[.,]-$/, (m) => m[0]);
  if (s.startsWith("-")) {
    negatif = !negatif;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  } else if (s.endsWith("-")) {
    negatif = !negatif;
    s = s.slice(0, -1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return undefined;
  return { negatif, s, espaces };
}

function decimal(normal: string, negatif: boolean): Decimal | undefined {
  if (normal.startsWith(".")) normal = "0" + normal;
  if (normal.endsWith(".")) normal = normal.slice(0, -1);
  if (!/^\d+(\.\d+)?$/.test(normal)) return undefined;
  const d = new Decimal(normal);
  return negatif ? d.negated() : d;
}

/**
 * Reads a number as producers and accountants type it: "1 234,56 €", "1234.56", "-1 234,56", "(1 234,56)",
 * "1.234,56", "1,234.56", "EUR 12", "1.500.000"; "12 k€" is NOT accepted. Non-breaking and narrow spaces are
 * grouping separators. « 12.500 » and « 2,345 » are ambiguous unless `convention` (what the rest of the sheet
 * proves, see `conventionProuvee`) says which separator is the decimal one.
 */
export function analyserNombre(input: string | number, convention?: Convention): AnalyseNombre {
  if (typeof input === "number")
    return Number.isFinite(input) ? { type: "nombre", valeur: new Decimal(input) } : { type: "invalide" };
  const b = brut(input);
  if (!b) return { type: "invalide" };
  const { s, negatif } = b;
  const virgules = (s.match(/,/g) || []).length;
  const points = (s.match(/\./g) || []).length;
  const ok = (normal: string, conv?: Convention): AnalyseNombre => {
    const d = decimal(normal, negatif);
    return d === undefined ? { type: "invalide" } : { type: "nombre", valeur: d, convention: conv };
  };
  if (virgules && points) {
    // The last separator is the decimal one: "1.234,56" or "1,234.56".
    const dernier = Math.max(s.lastIndexOf(","), s.lastIndexOf("."));
    const dec = s[dernier];
    const grp = dec === "," ? "." : ",";
    const partie = s.slice(0, dernier);
    if (partie.includes(dec) || !/^\d{1,3}([.,]\d{3})*$/.test(partie)) return { type: "invalide" };
    return ok(partie.split(grp).join("") + "." + s.slice(dernier + 1), dec === "," ? "fr" : "en");
  }
  if (virgules > 1 || points > 1) {
    const sep = virgules ? "," : ".";
    if (!new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s)) return { type: "invalide" };
    return ok(s.split(sep).join(""), sep === "," ? "en" : "fr");
  }
  if (!virgules && !points) return ok(s);
  const sep = virgules ? "," : ".";
  const convSep: Convention = sep === "," ? "fr" : "en";
  if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(s) && !b.espaces) {
    const lectureDecimale = decimal(s.replace(sep, "."), negatif) as Decimal;
    const lectureMilliers = decimal(s.replace(sep, ""), negatif) as Decimal;
    if (convention === undefined) return { type: "ambigu", decimale: lectureDecimale, milliers: lectureMilliers };
    return { type: "nombre", valeur: convention === convSep ? lectureDecimale : lectureMilliers };
  }
  return ok(s.replace(sep, "."), /\d[.,]\d/.test(s) ? convSep : undefined);
}

/**
 * The convention a set of texts proves: the one all the texts that prove one agree on; undefined when none
 * proves it or when they disagree (the sheet mixes « 1 234,56 » and « 1,234.56 »).
 */
export function conventionProuvee(textes: Iterable<string>): Convention | undefined {
  const vues = new Set<Convention>();
  for (const t of textes) {
    const a = analyserNombre(t);
    if (a.type === "nombre" && a.convention) vues.add(a.convention);
    if (vues.size > 1) return undefined;
  }
  return vues.size === 1 ? [...vues][0] : undefined;
}

/** What an amount typed as a number or a text says. */
export type AnalyseMontant =
  | {
      type: "montant";
      cents: Cents;
      /** A text with more than two decimals (« 0,125 »): the exact value, rounded half-up into `cents`. */
      sousCentime?: Decimal;
    }
  | { type: "ambigu"; decimale: Cents; milliers: Cents }
  /** Beyond ±2^51 cents (a 16-digit reference pasted as an amount): no production costs that much. */
  | { type: "hors-limite"; valeur: Decimal }
  | { type: "invalide" };

function enCents(d: Decimal): Cents | undefined {
  const c = d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return c.abs().greaterThan(MONTANT_MAX_CENTIMES) ? undefined : cents(c.toNumber());
}

/** An amount in euros (number or text) → cents, half-up, saying when the text is ambiguous, sub-cent or absurd. */
export function analyserMontant(input: string | number, convention?: Convention): AnalyseMontant {
  const a = analyserNombre(input, convention);
  if (a.type === "invalide") return a;
  if (a.type === "ambigu") {
    const decimale = enCents(a.decimale) as Cents;
    const milliers = enCents(a.milliers) as Cents;
    return { type: "ambigu", decimale, milliers };
  }
  const c = enCents(a.valeur);
  if (c === undefined) return { type: "hors-limite", valeur: a.valeur };
  if (typeof input === "string" && !a.valeur.times(100).isInteger())
    return { type: "montant", cents: c, sousCentime: a.valeur };
  return { type: "montant", cents: c };
}

/**
 * Lenient reading for sources whose convention is fixed elsewhere (emission factors, charge rates):
 * "1 234,56 €", "1234.56", "(1 234,56)", "1.234,56", "1,234.56"; a lone separator before three digits is read as
 * the decimal one. Returns undefined when the text is not an amount or is beyond ±2^51 cents. For what a user
 * typed (devis cells, plan de financement, ledger CSV, Paramètres, function arguments, CLI options), use
 * `analyserMontant`, which names ambiguity.
 */
export function parseMontant(input: string | number | null | undefined): Cents | undefined {
  const d = parseDecimalFr(input);
  return d === undefined ? undefined : enCents(d);
}

/** Same grammar as parseMontant, returning the exact decimal (quantities, rates with more than 2 decimals). */
export function parseDecimalFr(input: string | number | null | undefined): Decimal | undefined {
  if (input === null || input === undefined) return undefined;
  const a = analyserNombre(input);
  return a.type === "nombre" ? a.valeur : a.type === "ambigu" ? a.decimale : undefined;
}
