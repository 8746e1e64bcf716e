import Decimal from "decimal.js";
import type { Genre, TypeOeuvre } from "../devis/model";
import { Cents, formatMontantFr, formatPourcentFr } from "../money";
import { aVerifier, Confiance } from "../regles/table";
import type { PlanFinancement, SourceFinancement } from "./model";
import type { PlafondApplicable } from "./plafonds";
import type { SyntheseFinancement } from "./synthese";

/** Everything the financing rules look at. */
export interface ContexteFinancement {
  plan: PlanFinancement;
  /** Sources checked: the plan's, plus the computed crédit d'impôt when it was added. */
  sources: SourceFinancement[];
  /** Production cost (devis total) and where it comes from ("Budget!F88", "--cout"). */
  cout?: { montant: Cents; origine: string; cellule?: string };
  typeOeuvre: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  premierOuDeuxiemeFilm: boolean;
  /** Audiovisual « œuvre difficile » declared by the producer (art. D331-17). */
  oeuvreDifficile?: boolean;
  /** ISO date choosing the rule versions. */
  date: string;
  plafond: PlafondApplicable;
  synthese: SyntheseFinancement;
}

export const euros = (c: Cents) => formatMontantFr(c);
export const pct = (d: Decimal) => formatPourcentFr(d, 2);
/** A share compared with a threshold, rounded away from it so that 24,999 % never reads « 25,00 % » below 25 %. */
export const pctVers = (d: Decimal, sens: "haut" | "bas") =>
  formatPourcentFr(d.toDecimalPlaces(4, sens === "haut" ? Decimal.ROUND_UP : Decimal.ROUND_DOWN), 2);

/** « (à vérifier) » after a figure that is not backed by a primary text. */
export function mentionConfiance(c: Confiance): string {
  return aVerifier(c) ? " (chiffre à vérifier)" : "";
}
