import Decimal from "decimal.js";
import { Cents, cents, centsDeDecimale, MONTANT_MAX_CENTIMES } from "./cents";
import { deviseEcrite } from "./devises";

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
  // The minus sign U+2212 (« −300 », as a PDF or Word writes it) is a minus: anywhere else than a sign's place the
  // text is refused below, as « 1-2 » is.
  if (s.includes("\u2212")) s = s.replace(/\u2212/g, "-");
  let negatif = false;
  // "1 500 € HT": the currency and the tax mention may both follow the figure.
  const sansDevise = (x: string) => {
    for (let i = 0; i < 2; i++) x = x.replace(/(€|eur(os?)?|h\.?t|t\.?t\.?c)\.?$/i, "").trim();
    return x.replace(/^(€|eur)\s*/i, "").trim();
  };
  s = sansDevise(s);
  // The accountant's negative, the currency inside or outside its brackets: « (1 200,00) », « (300,00 €) », « (250,00) € ».
  if (/^\(.*\)$/.test(s)) {
    negatif = true;
    s = sansDevise(s.slice(1, -1).trim());
  }
  // Grouping spaces: plain, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009), apostrophe (Swiss).
  const espaces = /\d[\s\u00a0\u202f\u2009']+\d/.test(s);
  // A space groups thousands only before exactly three digits: « 12 34 », « 1 2000,00 » or « 2024 1500 » is no
  // amount (two figures in one cell, a typo), never read as 1 234 or 12 000.
  if (espaces && /\d{4}[\s\u00a0\u202f\u2009']+\d|\d[\s\u00a0\u202f\u2009']+(?=\d)(?!\d{3}(?!\d))/.test(s))
    return undefined;
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

/** The plain decimal writing of `normal` (« .5 » → « 0.5 », « 12. » → « 12 »); undefined when it is not one. */
function chiffresDe(normal: string): string | undefined {
  if (normal.startsWith(".")) normal = "0" + normal;
  if (normal.endsWith(".")) normal = normal.slice(0, -1);
  return /^\d+(\.\d+)?$/.test(normal) ? normal : undefined;
}

function decimal(chiffres: string, negatif: boolean): Decimal {
  const d = new Decimal(chiffres);
  return negatif ? d.negated() : d;
}

/**
 * What analyserNombre reads, as plain decimal writings (digits and a dot, no sign) rather than Decimals: the
 * amounts' cents are read from these digits without building a Decimal. `resolue`: an ambiguous text that
 * `convention` decided (then no convention of its own).
 */
type Ecriture =
  | { type: "nombre"; chiffres: string; negatif: boolean; convention?: Convention; resolue?: true }
  | { type: "ambigu"; decimale: string; milliers: string; negatif: boolean }
  | { type: "invalide" };

const INVALIDE: Ecriture = { type: "invalide" };

function ecriture(input: string, convention?: Convention): Ecriture {
  const b = brut(input);
  if (!b) return INVALIDE;
  const { s, negatif } = b;
  const virgules = (s.match(/,/g) || []).length;
  const points = (s.match(/\./g) || []).length;
  const ok = (normal: string, conv?: Convention): Ecriture => {
    const chiffres = chiffresDe(normal);
    return chiffres === undefined ? INVALIDE : { type: "nombre", chiffres, negatif, convention: conv };
  };
  if (virgules && points) {
    // The last separator is the decimal one: "1.234,56" or "1,234.56".
    const dernier = Math.max(s.lastIndexOf(","), s.lastIndexOf("."));
    const dec = s[dernier];
    const grp = dec === "," ? "." : ",";
    const partie = s.slice(0, dernier);
    if (partie.includes(dec) || !/^\d{1,3}([.,]\d{3})*$/.test(partie)) return INVALIDE;
    return ok(partie.split(grp).join("") + "." + s.slice(dernier + 1), dec === "," ? "fr" : "en");
  }
  if (virgules > 1 || points > 1) {
    const sep = virgules ? "," : ".";
    if (!new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s)) return INVALIDE;
    return ok(s.split(sep).join(""), sep === "," ? "en" : "fr");
  }
  if (!virgules && !points) return ok(s);
  const sep = virgules ? "," : ".";
  const convSep: Convention = sep === "," ? "fr" : "en";
  if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(s) && !b.espaces) {
    const lectureDecimale = chiffresDe(s.replace(sep, ".")) as string;
    const lectureMilliers = chiffresDe(s.replace(sep, "")) as string;
    if (convention === undefined)
      return { type: "ambigu", decimale: lectureDecimale, milliers: lectureMilliers, negatif };
    return {
      type: "nombre",
      chiffres: convention === convSep ? lectureDecimale : lectureMilliers,
      negatif,
      resolue: true,
    };
  }
  return ok(s.replace(sep, "."), /\d[.,]\d/.test(s) ? convSep : undefined);
}

/**
 * Reads a number as producers and accountants type it: "1 234,56 €", "1234.56", "-1 234,56", "−1 234,56" (the
 * minus sign U+2212), "(1 234,56)", "1.234,56", "1,234.56", "EUR 12", "1.500.000"; "12 k€" is NOT accepted.
 * Non-breaking and narrow spaces are grouping separators. « 12.500 » and « 2,345 » are ambiguous unless
 * `convention` (what the rest of the sheet proves, see `conventionProuvee`) says which separator is the decimal one.
 */
export function analyserNombre(input: string | number, convention?: Convention): AnalyseNombre {
  if (typeof input === "number")
    return Number.isFinite(input) ? { type: "nombre", valeur: new Decimal(input) } : { type: "invalide" };
  const e = ecriture(input, convention);
  if (e.type === "invalide") return { type: "invalide" };
  if (e.type === "ambigu")
    return { type: "ambigu", decimale: decimal(e.decimale, e.negatif), milliers: decimal(e.milliers, e.negatif) };
  if (e.resolue) return { type: "nombre", valeur: decimal(e.chiffres, e.negatif) };
  return { type: "nombre", valeur: decimal(e.chiffres, e.negatif), convention: e.convention };
}

/** The magnitude a text writes (its number, or for « 12.500 » its larger reading); undefined when not a number. */
export function grandeurEcrite(input: string, convention?: Convention): number | undefined {
  const e = ecriture(input, convention);
  return e.type === "nombre" ? Number(e.chiffres) : e.type === "ambigu" ? Number(e.milliers) : undefined;
}

/**
 * The convention a set of texts proves: the one all the texts that prove one agree on; undefined when none
 * proves it or when they disagree (the sheet mixes « 1 234,56 » and « 1,234.56 »).
 */
export function conventionProuvee(textes: Iterable<string>): Convention | undefined {
  const vues = new Set<Convention>();
  for (const t of textes) {
    const a = ecriture(t);
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
  /**
   * Not an amount in euros. `devise`: the text is a figure in another currency (« $1,500 », « 1 500 £ »), named in
   * French (« dollars », « livres sterling »): never converted nor read as euros.
   */
  | { type: "invalide"; devise?: string };

/** The refusal of a text that is no amount in euros, naming its currency when it is written in another one. */
function invalide(input: string | number): AnalyseMontant {
  const devise = typeof input === "string" ? deviseEcrite(input) : undefined;
  return devise ? { type: "invalide", devise } : { type: "invalide" };
}

function enCents(d: Decimal): Cents | undefined {
  const c = d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return c.abs().greaterThan(MONTANT_MAX_CENTIMES) ? undefined : cents(c.toNumber());
}

/** An amount in euros (number or text) → cents, half-up, saying when the text is ambiguous, sub-cent or absurd. */
export function analyserMontant(input: string | number, convention?: Convention): AnalyseMontant {
  // A text of at most 13 integer digits and 20 digits in all (Decimal's precision: enCents' product is exact) that
  // is not « -0 »: its cents read from its digits, as enCents would.
  if (typeof input === "string") {
    const e = ecriture(input, convention);
    if (e.type === "invalide") return invalide(input);
    const c = e.type === "nombre" && e.chiffres.length <= 21 ? centsDeDecimale(e.chiffres) : undefined;
    if (e.type === "nombre" && c !== undefined && !(e.negatif && c === 0)) {
      const decimales = e.chiffres.split(".")[1] ?? "";
      if (/[1-9]/.test(decimales.slice(2)))
        return { type: "montant", cents: cents(e.negatif ? -c : c), sousCentime: decimal(e.chiffres, e.negatif) };
      return { type: "montant", cents: cents(e.negatif ? -c : c) };
    }
  }
  const a = analyserNombre(input, convention);
  if (a.type === "invalide") return invalide(input);
  if (a.type === "ambigu") {
    // Ambiguous means 1 to 3 digits, a lone separator, 3 digits: at most 999 999 €, far within the limit.
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
 * Lenient reading of an amount: "1 234,56 €", "1234.56", "(1 234,56)", "1.234,56", "1,234.56", "1.500.000".
 * Returns undefined when the text is not an amount, is beyond ±2^51 cents, or is ambiguous: a lone separator before
 * three digits (« 12.500 », « 2,345 ») is never guessed (it was read 12,50 € while « 1.500.000 » is 1 500 000 €).
 * For what a user typed (devis cells, plan de financement, ledger CSV, Paramètres, function arguments, CLI options),
 * use `analyserMontant`, which names both readings of an ambiguous text.
 */
export function parseMontant(input: string | number | null | undefined): Cents | undefined {
  if (input === null || input === undefined) return undefined;
  const a = analyserNombre(input);
  return a.type === "nombre" ? enCents(a.valeur) : undefined;
}

/**
 * parseMontant's grammar, returning the exact decimal (quantities, rates with more than 2 decimals), for sources
 * whose convention is fixed elsewhere (emission factors, charge rates): there a lone separator before three digits
 * is the decimal one (« 282,125 »).
 */
export function parseDecimalFr(input: string | number | null | undefined): Decimal | undefined {
  if (input === null || input === undefined) return undefined;
  const a = analyserNombre(input);
  return a.type === "nombre" ? a.valeur : a.type === "ambigu" ? a.decimale : undefined;
}
