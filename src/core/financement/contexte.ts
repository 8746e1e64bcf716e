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
  cout?: { montant: Cents; origine: string; cellule?: string; texte?: true };
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
/**
 * A share compared with thresholds: rounded half-up like every other percentage Prodbook shows (the pane's headline,
 * the sheets), except where that rounding would misplace it against a threshold it is compared with — then away from
 * the threshold, so that 24,999 % never reads « 25,00 % » below 25 % nor 50,001 % « 50,00 % » above 50 %.
 */
export function pctVers(d: Decimal, ...seuils: Decimal[]): string {
  let r = d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  for (const s of seuils) {
    if (d.lessThan(s) && !r.lessThan(s)) r = d.toDecimalPlaces(4, Decimal.ROUND_DOWN);
    else if (d.greaterThan(s) && !r.greaterThan(s)) r = d.toDecimalPlaces(4, Decimal.ROUND_UP);
  }
  return formatPourcentFr(r, 2);
}

/**
 * The one parenthesis after a figure of the rules: its `precision` (« 20 000,00 € par heure »), and « chiffre à vérifier »
 * when the figure is not backed by a primary text, joined by « ; » in the same parenthesis — never two in a row
 * (« (20 000,00 € par heure) (chiffre à vérifier) »). Empty when there is nothing to say.
 */
export function mentionConfiance(c: Confiance, precision?: string): string {
  const notes = [precision, aVerifier(c) ? "chiffre à vérifier" : undefined].filter((x) => !!x);
  return notes.length ? ` (${notes.join(" ; ")})` : "";
}
