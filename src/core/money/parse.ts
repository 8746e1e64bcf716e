import Decimal from "decimal.js";
import { Cents, eurosToCents } from "./cents";

/**
 * Parses an amount as producers and accountants type it:
 * "1 234,56 €", "1234.56", "-1 234,56", "(1 234,56)", "1.234,56", "1,234.56", "EUR 12", "12 k€" is NOT accepted.
 * Non-breaking and narrow spaces are grouping separators. Returns undefined when the text is not an amount.
 */
export function parseMontant(input: string | number | null | undefined): Cents | undefined {
  const d = parseDecimalFr(input);
  return d === undefined ? undefined : eurosToCents(d);
}

/** Same grammar as parseMontant, returning the exact decimal (quantities, rates with more than 2 decimals). */
export function parseDecimalFr(input: string | number | null | undefined): Decimal | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number") return Number.isFinite(input) ? new Decimal(input) : undefined;
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
  const virgules = (s.match(/,/g) || []).length;
  const points = (s.match(/\./g) || []).length;
  let normal: string;
  if (virgules && points) {
    // The last separator is the decimal one: "1.234,56" or "1,234.56".
    const dernier = Math.max(s.lastIndexOf(","), s.lastIndexOf("."));
    const dec = s[dernier];
    const grp = dec === "," ? "." : ",";
    const partie = s.slice(0, dernier);
    if (partie.includes(dec)) return undefined;
    if (!/^\d{1,3}([.,]\d{3})*$/.test(partie)) return undefined;
    normal = partie.split(grp).join("") + "." + s.slice(dernier + 1);
  } else if (virgules) {
    if (virgules > 1) {
      if (!/^\d{1,3}(,\d{3})+$/.test(s)) return undefined;
      normal = s.replace(/,/g, "");
    } else normal = s.replace(",", ".");
  } else if (points > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return undefined;
    normal = s.replace(/\./g, "");
  } else normal = s;
  if (normal.startsWith(".")) normal = "0" + normal;
  if (normal.endsWith(".")) normal = normal.slice(0, -1);
  if (!/^\d+(\.\d+)?$/.test(normal)) return undefined;
  const d = new Decimal(normal);
  return negatif ? d.negated() : d;
}
