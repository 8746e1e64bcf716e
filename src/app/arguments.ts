import { ErreurDonnees } from "../core/erreurs";
import { decimalFr, MOIS } from "../core/util/texte";
import { JOURS_MAX } from "../core/planning/modele";
import { DUREE_MAX_MINUTES } from "../core/money/saisie";

/**
 * An argument of a use case is wrong (the user's input, not a bug). `champ` is the use case's argument name
 * (`dureeMinutes`); the pane shows `message` (which names the field in French), the CLI names its option instead
 * (`L'option --duree ${detail}.`, see src/cli/runner.ts `champs`).
 */
export class ArgumentInvalideError extends ErreurDonnees {
  constructor(
    public readonly champ: string,
    libelle: string,
    /** What is expected, starting with a verb, without the final period: « attend une date AAAA-MM-JJ, reçu … ». */
    public readonly detail: string,
  ) {
    super(`« ${libelle} » ${detail}.`);
  }
}

/** French names of the arguments shared by the use cases, as the pane labels them. */
export const LIBELLES_ARGUMENTS: Record<string, string> = {
  dureeMinutes: "Durée (minutes)",
  date: "Date",
  annee: "Année des dépenses",
  cout: "Coût de production",
  depensesVfxFrance: "Dépenses d'effets visuels en France",
  subventionsPubliques: "Subventions publiques",
  partFinancementEtranger: "Part des financements étrangers",
  joursTournageFrance: "Jours de tournage en France",
  joursTournage: "Jours de tournage",
  livraison: "Date de livraison",
  debut: "Date de début",
  feuilleDeService: "Date de la feuille de service",
  jeunesse: "Fiction jeunesse",
  langue: "Langue de l'œuvre",
  zone: "Jours fériés",
  typeOeuvre: "Type d'œuvre",
};

export function invalide(champ: string, detail: string): ArgumentInvalideError {
  return new ArgumentInvalideError(champ, LIBELLES_ARGUMENTS[champ] ?? champ, detail);
}

const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date AAAA-MM-JJ that exists (no 2025-02-30). */
export function verifierDate(valeur: string | undefined, champ: string): void {
  if (valeur === undefined) return;
  const m = DATE_ISO.exec(valeur);
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw invalide(champ, detailDate(valeur));
}

/**
 * What a date option expects, and why « valeur » is not it, for the pane and the CLI (« L'option --date … »):
 * « 2026-02-31 » (février 2026 n'a que 28 jours), « 2026/13/01 » (il n'y a pas de mois 13), « 15/04/2025 » (écrivez
 * « 2025-04-15 »): a French date is named in the form asked for, never guessed silently.
 */
export function detailDate(valeur: string): string {
  const base = `attend une date AAAA-MM-JJ, reçu « ${valeur} »`;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(valeur);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(valeur);
  const parties = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : undefined;
  if (!parties) return base;
  const [a, m, j] = parties;
  const mois = Number(m);
  if (mois < 1 || mois > 12) return `${base} : il n'y a pas de mois ${m}`;
  const jours = new Date(Date.UTC(Number(a), mois, 0)).getUTCDate();
  const jour = Number(j);
  if (jour < 1) return `${base} : il n'y a pas de jour ${j}`;
  if (jour > jours) return `${base} : ${MOIS[mois - 1]} ${a} n'a que ${jours} jours`;
  return `${base} : écrivez « ${a}-${m.padStart(2, "0")}-${j.padStart(2, "0")} »`;
}

/** The longest duration taken, in minutes (core/money/saisie.ts, the pane's field alike). */
export { DUREE_MAX_MINUTES };

/**
 * What a duration must be, for the pane (« Durée (minutes) ») and the CLI (--duree): one rule, one wording. A value
 * that is no number written in figures (« abc », « 1e3 », « 0x10 ») is told so, not that it should exceed 0; one past
 * DUREE_MAX_MINUTES is told its bound.
 */
export const detailDuree = (recu: string | number, lisible = true, tropLongue = false): string =>
  !lisible
    ? `attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu « ${recu} »`
    : tropLongue
      ? `attend une durée d'au plus 100\u202f000 minutes (plus de 1\u202f600 heures), reçu « ${recu} »`
      : `attend une durée en minutes supérieure à 0, reçu « ${recu} »`;

/** A duration in minutes, > 0 and at most DUREE_MAX_MINUTES. */
export function verifierDuree(valeur: number | undefined, champ = "dureeMinutes"): void {
  if (valeur === undefined) return;
  if (!Number.isFinite(valeur) || valeur <= 0 || valeur > DUREE_MAX_MINUTES)
    throw invalide(champ, detailDuree(valeur, Number.isFinite(valeur), valeur > DUREE_MAX_MINUTES));
}

/**
 * The most days a count of days takes (shooting days, in France or in all): ten years of working days, the bound of a
 * step of the retroplanning. More is a date, an amount or a reference typed instead (« 99999999999 » shooting days
 * were taken and the credit computed on them).
 */
export { JOURS_MAX };

/**
 * A whole number from `min` to `max` (the pane's field and the CLI's option alike); `recu` is the value as typed
 * (« 2,5 »), named in the message.
 */
/** A year of expenses AAAA (the tax credit's rules are dated by it): the pane, the CLI and PROD.* alike. */
export function verifierAnnee(annee: number | undefined): void {
  if (annee !== undefined && !(Number.isInteger(annee) && annee >= 1000 && annee <= 9999))
    throw invalide("annee", `attend une année AAAA, reçu « ${annee} »`);
}

export function verifierEntier(
  valeur: number | undefined,
  champ: string,
  min: number,
  unite: string,
  { max, recu = String(valeur) }: { max?: number; recu?: string } = {},
): void {
  if (valeur === undefined) return;
  if (!Number.isInteger(valeur)) throw invalide(champ, `attend un nombre entier de ${unite}, reçu « ${recu} »`);
  if (valeur < min)
    throw invalide(
      champ,
      `attend un nombre entier de ${unite}${min > 0 ? ` (au moins ${min})` : " positif ou nul"}, reçu « ${recu} »`,
    );
  if (max !== undefined && valeur > max)
    throw invalide(champ, `attend au plus ${decimalFr(String(max))} ${unite}, reçu « ${recu} »`);
}
