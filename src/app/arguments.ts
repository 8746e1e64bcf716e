import { ErreurDonnees } from "../core/erreurs";

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
  annee: "Année",
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
    throw invalide(champ, `attend une date AAAA-MM-JJ, reçu « ${valeur} »`);
}

/** What a duration must be, for the pane (« Durée (minutes) ») and the CLI (--duree): one rule, one wording. */
export const detailDuree = (recu: string | number): string =>
  `attend une durée en minutes supérieure à 0, reçu « ${recu} »`;

/** A duration in minutes, > 0. */
export function verifierDuree(valeur: number | undefined, champ = "dureeMinutes"): void {
  if (valeur === undefined) return;
  if (!Number.isFinite(valeur) || valeur <= 0) throw invalide(champ, detailDuree(valeur));
}

/** A whole number ≥ min. */
export function verifierEntier(valeur: number | undefined, champ: string, min: number, unite: string): void {
  if (valeur === undefined) return;
  if (!Number.isInteger(valeur) || valeur < min)
    throw invalide(
      champ,
      `attend un nombre entier de ${unite}${min > 0 ? ` (au moins ${min})` : ""}, reçu « ${valeur} »`,
    );
}
