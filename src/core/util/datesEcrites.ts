/**
 * Dates typed as text in a French sheet (« 15/04/2025 », « 15 avril 2025 », « mercredi 15 avril 2026 », « 1er mai
 * 2026 »): the one reader of dates in words, shared by the devis (a date where an amount belongs), the plan de travail
 * (its « Date » column) and the steps sheet (the delivery date written in a title). The months' names in full are
 * those of `MOIS` (util/texte); the abbreviations a sheet writes (« avr. », « sept. ») are read here, and
 * tests/core/util/datesEcrites.test.ts checks that each of `MOIS` is read.
 */
/** The months as a French sheet writes them, in full or cut (« avr. », « sept. »), accents optional, by number. */
const MOIS: readonly [RegExp, number][] = [
  [/^janv(?:ier)?$/, 1],
  [/^f[eé]v(?:r(?:ier)?)?$/, 2],
  [/^mars$/, 3],
  [/^avr(?:il)?$/, 4],
  [/^mai$/, 5],
  [/^juin$/, 6],
  [/^juil(?:let)?$/, 7],
  [/^ao[uû]t$/, 8],
  [/^sept(?:embre)?$/, 9],
  [/^oct(?:obre)?$/, 10],
  [/^nov(?:embre)?$/, 11],
  [/^d[eé]c(?:embre)?$/, 12],
];

/** The days of the week in French, Monday first (ISO order). */
export const JOURS_SEMAINE = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

const JOUR = `(?:(${JOURS_SEMAINE.join("|")})\\s+)?`;
const CORPS = `(\\d{1,2})(?:er)?\\s+([a-zéû]+)\\.?\\s+(\\d{4})`;

/** « 15 avril 2025 », « 1er avr. 2025 », « mardi 15 avril 2025 »: a date written in words. */
export const DATE_EN_MOTS = new RegExp(`^\\s*${JOUR}${CORPS}\\s*$`, "i");

/** The same within a longer text (« PAD au diffuseur le vendredi 30 octobre 2026 »), or « 30/10/2026 ». */
const DATE_DANS_TEXTE = new RegExp(
  `(?<![\\p{L}\\d])(?:${JOUR}${CORPS}|(\\d{1,2})/(\\d{1,2})/(\\d{4}))(?![\\p{L}\\d])`,
  "giu",
);

/** The ISO date of a day, month, year when that day exists (any year of four digits, never 0025 read as 1925). */
function isoDe(j: number, m: number | undefined, a: number): string | undefined {
  if (m === undefined || j < 1 || m < 1 || m > 12) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(a, m - 1, j);
  if (d.getUTCFullYear() !== a || d.getUTCDate() !== j || d.getUTCMonth() !== m - 1) return undefined;
  return `${String(a).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(j).padStart(2, "0")}`;
}

export const numeroMois = (mot: string) => MOIS.find(([re]) => re.test(mot.toLowerCase()))?.[1];

/** The day of the week of an ISO date, in French (« mercredi »). */
export function jourDeLaSemaine(iso: string): string {
  const [a, m, j] = iso.split("-").map(Number);
  const d = new Date(0);
  d.setUTCFullYear(a, m - 1, j);
  return JOURS_SEMAINE[(d.getUTCDay() + 6) % 7];
}

/** A date in words as read: its ISO date (undefined when no such day) and the day of the week written, if any. */
export interface DateEnMots {
  iso?: string;
  /** The day of the week written before it (« mercredi »), lower case; compare with `jourDeLaSemaine(iso)`. */
  jourEcrit?: string;
}

/**
 * A cell's text that is a date in words (« mercredi 15 avril 2026 », « 1er mai 2026 »), read; undefined when the text
 * is not of that form. `iso` is undefined for an unknown month or a day that does not exist (« 31 avril 2026 »).
 */
export function dateEnMots(s: string): DateEnMots | undefined {
  const m = DATE_EN_MOTS.exec(s);
  if (!m) return undefined;
  const iso = isoDe(Number(m[2]), numeroMois(m[3]), Number(m[4]));
  return { ...(iso ? { iso } : {}), ...(m[1] ? { jourEcrit: m[1].toLowerCase() } : {}) };
}

/**
 * A date typed as text (« 15/04/2025 », « 15-04-25 », « 15 avril 2025 », « 1er avr. 2025 ») as its ISO date
 * (« 2025-04-15 »), day first as a French sheet writes it; « 1.500.000 », a month unknown or a day that does not
 * exist (« 31/02/2025 ») is none: undefined.
 */
export function dateEcrite(s: string): string | undefined {
  const mots = dateEnMots(s);
  if (mots) return mots.iso;
  const n = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(s);
  if (!n || /^\s*\d{1,3}(\.\d{3})+\s*$/.test(s)) return undefined;
  return isoDe(Number(n[1]), Number(n[2]), n[3].length === 2 ? 2000 + Number(n[3]) : Number(n[3]));
}

/**
 * The dates written within a text (« PAD au diffuseur le vendredi 30 octobre 2026 », « Livraison : 30/10/2026 »), in
 * order, each with the words that wrote it; a date that does not exist, or whose day of the week is not its own
 * (« lundi 30 octobre 2026 »), is kept with `iso` undefined, so that the caller names it rather than skip it.
 */
export function datesDansTexte(s: string): { texte: string; iso?: string }[] {
  const out: { texte: string; iso?: string }[] = [];
  for (const m of s.matchAll(DATE_DANS_TEXTE)) {
    const iso = m[3] ? isoDe(Number(m[2]), numeroMois(m[3]), Number(m[4])) : isoDe(+m[5], +m[6], +m[7]);
    const jourFaux = iso && m[1] && jourDeLaSemaine(iso) !== m[1].toLowerCase();
    // A word that is no month (« 12 semaines 2026 ») is no date written: not kept.
    if (m[3] && numeroMois(m[3]) === undefined) continue;
    out.push({ texte: m[0].trim(), ...(iso && !jourFaux ? { iso } : {}) });
  }
  return out;
}
