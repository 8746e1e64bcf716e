import { normaliser } from "../util/texte";

/**
 * « k€ », « K€ », « KEUR », « k euros », « milliers d'euros », « milliers € », « en milliers » written as a unit (not
 * a figure: « 850 k€ » states an amount, not the unit of a column), on normalised text (lower case, no accents).
 */
const MILLIERS = new RegExp(
  String.raw`(?<![\p{L}\d])(?<!\d[ .,])(?:k ?€|k ?eur(?:o?s)?|keur(?:o?s)?|milliers? (?:d'|de )?(?:euros?|€)|` +
    String.raw`(?<=\ben |\()milliers)(?![\p{L}\d])`,
  "u",
);

/** True when the (raw) text states that its figures are thousands of euros. */
export function ditMilliers(texte: string): boolean {
  return /k|milli/i.test(texte) && MILLIERS.test(normaliser(texte));
}

/**
 * A header's normalised text without the thousands-of-euros unit it states: « montant (k€) », « montant en k€ »,
 * « total keur », « budget (en milliers d'euros) » → « montant », « total », « budget »; the unit alone (« keur »,
 * « k€ », « en milliers d'euros ») → « montant ». Any other text is returned as it is.
 */
export function sansUniteMilliers(s: string): string {
  if (!MILLIERS.test(s)) return s;
  const unite = String.raw`(?:k ?€|k ?eur(?:o?s)?|keur(?:o?s)?|milliers?(?: (?:d'|de )?(?:euros?|€))?)`;
  const t = s
    .replace(new RegExp(String.raw`\(\s*(?:en |montants? en )?${unite}(?: ht)?\s*\)`, "g"), " ")
    .replace(new RegExp(String.raw`(?:^|[\s,;:-]+)(?:en |montants? en )?${unite}(?= ht$|$)`), " ")
    .replace(/\s+/g, " ")
    .trim();
  return t === "" || t === "en" || t === "ht" ? "montant" + (t === "ht" ? " ht" : "") : t;
}
