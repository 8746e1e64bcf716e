import Decimal from "decimal.js";
import { type Cents, negCents } from "./cents";

const NBSP = "\u202f"; // what fr-FR Intl uses as the thousands separator

/**
 * The minus sign of a negative number written for a reader (U+2212, « −1 200,00 € »), never the hyphen-minus « - »:
 * the pane, the sheets' notes, the CLI text and its `--explique` trees write the same sign. Machine values (the CLI
 * `--json` decimal strings « -1200.00 », formulas, the FEC) keep the hyphen-minus.
 */
export const MOINS = "\u2212";

/** « -12,5 » → « −12,5 »: the leading hyphen-minus of a number written in French becomes the minus sign. */
export function signeMoinsFr(nombre: string): string {
  return nombre.startsWith("-") ? `${MOINS}${nombre.slice(1)}` : nombre;
}

/** 123456 → "1 234,56 €", -123456 → "−1 234,56 €" (narrow no-break space grouping, comma decimal, minus sign U+2212). */
export function formatMontantFr(c: Cents, avecSymbole = true): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const entier = grouper(Math.floor(abs / 100).toString());
  const dec = (abs % 100).toString().padStart(2, "0");
  return `${neg ? MOINS : ""}${entier},${dec}${avecSymbole ? "\u00a0€" : ""}`;
}

/**
 * An amount in euros too large to be Cents (a reference pasted as an amount, named by the « dépasse la limite »
 * message): « 12 345 678 901 234 567,00 € », rounded half-up to the cent, grouped and signed as formatMontantFr.
 */
export function formatGrandMontantFr(euros: Decimal.Value): string {
  const d = new Decimal(euros).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [entier, dec] = d.abs().toFixed(2).split(".");
  return `${d.isNeg() && !d.isZero() ? MOINS : ""}${grouper(entier)},${dec}\u00a0€`;
}

/**
 * A variance, signed as French typography writes it: 125000 → « +1 250,00 € » (over budget), -30000 → « −300,00 € »
 * (the minus sign U+2212, under budget), 0 → « 0,00 € ».
 */
export function formatEcartFr(c: Cents): string {
  if (c === 0) return formatMontantFr(c);
  return `${c > 0 ? "+" : MOINS}${formatMontantFr(c > 0 ? c : negCents(c))}`;
}

/**
 * Digits grouped by three from the right with NBSP ("1234567" → "1 234 567"): what the regular expression
 * /\B(?=(\d{3})+(?!\d))/g gives, without its look-ahead from every digit (5 000 notes of a comparison write 20 000
 * amounts).
 */
/** « 1250 » → « 1 250 » (narrow no-break space every three digits). */
export function grouper(chiffres: string): string {
  const n = chiffres.length;
  if (n <= 3) return chiffres;
  let i = n % 3 || 3;
  let out = chiffres.slice(0, i);
  for (; i < n; i += 3) out += NBSP + chiffres.slice(i, i + 3);
  return out;
}

/** 0.2516 → "25,16 %", -0.2 → "−20,00 %" (minus sign U+2212; a rate rounded to zero is « 0,00 % », unsigned). */
export function formatPourcentFr(r: Decimal.Value, decimales = 2): string {
  const d = new Decimal(r).times(100).toDecimalPlaces(decimales, Decimal.ROUND_HALF_UP);
  const texte = (d.isZero() ? d.abs() : d).toFixed(decimales).replace(".", ",");
  return `${signeMoinsFr(texte)}\u00a0%`;
}

/**
 * Two shares of one whole (a + b = 1, or both 0 when there is nothing to share) as percentages that add up to
 * 100 %: b is printed as the complement of a once rounded, so « 0.8795 / 0.1205 » reads « 88,0 % / 12,0 % », not
 * « 88,0 % / 12,1 % ».
 */
export function pourcentsComplementaires(a: Decimal.Value, b: Decimal.Value, decimales = 1): [string, string] {
  const premier = new Decimal(a).toDecimalPlaces(decimales + 2, Decimal.ROUND_HALF_UP);
  const second = new Decimal(a).isZero() && new Decimal(b).isZero() ? 0 : new Decimal(1).minus(premier);
  return [formatPourcentFr(premier, decimales), formatPourcentFr(second, decimales)];
}

/** Excel number formats (locale-neutral codes; Excel displays them with the user's separators). */
export const FORMAT_EXCEL = {
  montant: '#,##0.00 "€";-#,##0.00 "€";"-"',
  montantSansSymbole: "#,##0.00",
  // "General": "#,##0.##" would show a dangling separator on whole quantities ("10,").
  quantite: "General",
  pourcent: "0.00%",
  date: "dd/mm/yyyy",
  texte: "@",
} as const;
