import Decimal from "decimal.js";
import { Cents } from "./cents";

const NBSP = "\u202f"; // what fr-FR Intl uses as the thousands separator

/** 123456 → "1 234,56 €" (narrow no-break space grouping, comma decimal). */
export function formatMontantFr(c: Cents, avecSymbole = true): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const entier = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const dec = (abs % 100).toString().padStart(2, "0");
  return `${neg ? "-" : ""}${entier},${dec}${avecSymbole ? "\u00a0€" : ""}`;
}

/** 0.2516 → "25,16 %". */
export function formatPourcentFr(r: Decimal.Value, decimales = 2): string {
  const d = new Decimal(r).times(100).toDecimalPlaces(decimales, Decimal.ROUND_HALF_UP);
  return `${d.toFixed(decimales).replace(".", ",")}\u00a0%`;
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
