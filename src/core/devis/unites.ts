import { normaliser } from "../util/texte";

/**
 * A unit of thousands or millions of euros (« k€ », « KEUR », « milliers d'euros », « en milliers », « M€ », « MEUR »,
 * « millions d'euros »), on normalised text (lower case, no accents), its groups telling which.
 */
const UNITE =
  String.raw`(?:(k ?€|k ?eur(?:o?s)?|keur(?:o?s)?|milliers?(?: (?:d'|de )?(?:euros?|€))?)|` +
  String.raw`(m ?€|m ?eur(?:o?s)?|meur(?:o?s)?|millions?(?: (?:d'|de )?(?:euros?|€))?))`;

/**
 * The unit written as such (not a figure: « 850 k€ » states an amount, not the unit of a column); « milliers » and
 * « millions » alone only after « en » or « ( » (« en milliers », « (millions) »).
 */
const ECHELLE = new RegExp(String.raw`(?<![\p{L}\d])(?<!\d[ .,])${UNITE}(?![\p{L}\d])`, "u");

/** 1 000 for a text stating thousands of euros, 1 000 000 for millions; undefined otherwise. */
export function echelleDite(texte: string): 1000 | 1000000 | undefined {
  if (!/k|milli|m ?€|meur|m ?eur/i.test(texte)) return undefined;
  const s = normaliser(texte);
  const m = ECHELLE.exec(s);
  if (!m) return undefined;
  const mot = m[1] ?? m[2];
  // « milliers », « millions » alone say a unit only after « en » or « ( ».
  if (/^milli(er|on)s?$/.test(mot) && !/(\ben |\()$/.test(s.slice(0, m.index))) return undefined;
  return m[1] !== undefined ? 1000 : 1000000;
}

/** True when the (raw) text states that its figures are thousands (or millions) of euros. */
export function ditMilliers(texte: string): boolean {
  return echelleDite(texte) !== undefined;
}

/**
 * A header's normalised text without the thousands- or millions-of-euros unit it states: « montant (k€) »,
 * « montant en k€ », « total keur », « budget (en milliers d'euros) », « montant (m€) » → « montant », « total »,
 * « budget »; the unit alone (« keur », « k€ », « en milliers d'euros ») → « montant ». Any other text is returned as
 * it is.
 */
export function sansUniteMilliers(s: string): string {
  if (!ditMilliers(s)) return s;
  const t = s
    .replace(new RegExp(String.raw`\(\s*(?:en |montants? en )?${UNITE}(?: ht)?\s*\)`, "g"), " ")
    .replace(new RegExp(String.raw`(?:^|[\s,;:-]+)(?:en |montants? en )?${UNITE}(?= ht$|$)`), " ")
    .replace(/\s+/g, " ")
    .trim();
  return t === "" || t === "en" || t === "ht" ? "montant" + (t === "ht" ? " ht" : "") : t;
}
