import { ErreurDonnees } from "../erreurs";
import { estSerieDate, isoDepuisSerie } from "../util/serieExcel";
import { dateEnLettres } from "../util/texte";
import { JOURS_SEMAINE } from "../util/datesEcrites";
/**
 * ISO dates ("YYYY-MM-DD") as day numbers (days since 1970-01-01, UTC): no local time anywhere, so a
 * schedule computed in Paris, Montréal or a CI container is the same.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_JOUR = 86_400_000;

export class DateInvalideError extends ErreurDonnees {
  constructor(public readonly valeur: string) {
    super(`Date invalide « ${valeur} » (attendu AAAA-MM-JJ, date existante)`);
  }
}

export function estDateIso(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Valid dates already converted: a plan de travail repeats the same few hundred dates thousands of times. */
const jours = new Map<string, number>();

/** "2026-05-01" → day number; throws DateInvalideError for "2026-02-30" or any other text. */
export function jourDepuisIso(s: string): number {
  const connu = jours.get(s);
  if (connu !== undefined) return connu;
  if (!estDateIso(s)) throw new DateInvalideError(s);
  const m = ISO.exec(s)!;
  const j = Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_JOUR;
  if (jours.size >= 100_000) jours.clear();
  jours.set(s, j);
  return j;
}

export function isoDepuisJour(j: number): string {
  return new Date(j * MS_JOUR).toISOString().slice(0, 10);
}

export function ajouterJours(iso: string, n: number): string {
  return isoDepuisJour(jourDepuisIso(iso) + n);
}

/** 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function jourSemaine(j: number): number {
  return ((((j + 3) % 7) + 7) % 7) + 1;
}

const JOURS = JOURS_SEMAINE;

/** « vendredi » of an ISO date: its day of the week in French. */
export const nomJour = (iso: string): string => JOURS[jourSemaine(jourDepuisIso(iso)) - 1];

/** ISO week "2026-W19" of a day number (weeks start on Monday; week 1 holds the first Thursday). */
export function semaineIso(j: number): string {
  const jeudi = j - jourSemaine(j) + 4;
  const annee = new Date(jeudi * MS_JOUR).getUTCFullYear();
  const premier = Date.UTC(annee, 0, 1) / MS_JOUR;
  const n = Math.floor((jeudi - premier) / 7) + 1;
  return `${annee}-W${String(n).padStart(2, "0")}`;
}

/**
 * An ISO week key (« 2026-W20 », what semaineIso gives and the sheets keep) as a French sentence writes it: « semaine
 * 20 (du lundi 11 mai 2026) ». A key that is not a week is returned as it is.
 */
export function texteSemaine(cle: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(cle);
  if (!m) return cle;
  const lundi = lundiSemaine(+m[1], Number(m[2]));
  return `semaine ${Number(m[2])} (du lundi ${dateEnLettres(isoDepuisJour(lundi))})`;
}

/**
 * An ISO week key (« 2026-W20 ») as the « Semaine » column of the Plan de travail writes it: « S20 – 11 mai 2026 »,
 * the week's number (two digits, so the weeks of a year sort in order) and its Monday in words. Text, never a date:
 * the same key gives the same label on every run. A key that is not a week is returned as it is.
 */
export function libelleSemaine(cle: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(cle);
  if (!m) return cle;
  return `S${m[2]} – ${dateEnLettres(isoDepuisJour(lundiSemaine(+m[1], Number(m[2]))))}`;
}

/** Day number of the Monday of ISO week `n` of `annee`. */
function lundiSemaine(annee: number, n: number): number {
  const quatre = Date.UTC(annee, 0, 4) / MS_JOUR; // 4 January is always in week 1
  return quatre - (jourSemaine(quatre) - 1) + (n - 1) * 7;
}

export { dateEnLettres, dateFr } from "../util/texte";

/**
 * A date as a spreadsheet hands it over: an Excel serial (1900 system), ISO text or « 15/05/2026 ».
 * Throws a French RangeError naming `nom` otherwise.
 */
export function dateDepuisValeur(v: number | string, nom: string): string {
  if (typeof v === "number") {
    if (!estSerieDate(v))
      throw new RangeError(`L'argument « ${nom} » (${String(v).replace(".", ",")}) n'est pas une date Excel valide.`);
    return isoDepuisSerie(v);
  }
  const s = v.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = fr ? `${fr[3]}-${fr[2].padStart(2, "0")}-${fr[1].padStart(2, "0")}` : s;
  if (!estDateIso(iso))
    throw new RangeError(
      `L'argument « ${nom} » (« ${v} ») n'est pas une date : attendu une date Excel, AAAA-MM-JJ ou JJ/MM/AAAA.`,
    );
  return iso;
}
