import type { RegimeCredit } from "../core/creditImpot/modele";
import type { TypeOeuvre } from "../core/devis/model";
import type { ContexteProduction } from "../core/production/contexte";
import { saisieDuree } from "../core/money/saisie";
import { ErreurDonnees } from "../core/erreurs";
import type { OptionsDevis } from "./commandes/devis";

/**
 * What the production context means for the use cases, for the pane's pages and the « Tableau de bord » alike
 * (one reading of the context, not one per page).
 */

/** The tax-credit regime a page starts from: the one chosen, else the kind of work. */
export const regimeDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): RegimeCredit =>
  c.regime ?? c.oeuvre ?? "audiovisuel";

/**
 * The kind of work (financing plan ceilings): the one chosen, else the regime's (cinéma for the cinema and
 * international credits). With neither, audiovisuel, as regimeDe: the Financement page and the Crédit d'impôt page
 * of one production never start one on « Cinéma », the other on « Audiovisuel ».
 */
export const oeuvreDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): TypeOeuvre =>
  c.oeuvre ?? (regimeDe(c) === "audiovisuel" ? "audiovisuel" : "cinema");

/** The current year, the default year of expenses. */
export const anneeCourante = () => String(new Date().getFullYear());

/**
 * The duration of the production context in minutes; undefined when not given. Read by the shared parser: « 1.500 »
 * (1,5 or 1 500 minutes?) and what is not a positive number are refused in French.
 */
export function dureeDe(c: ContexteProduction): number | undefined {
  const s = saisieDuree(c.duree ?? "");
  if (s.type === "refus") throw new ErreurDonnees(`Durée (minutes) : ${s.message}`);
  return s.type === "ok" ? s.valeur.toNumber() : undefined;
}

/** The devis options of the production context; a duration that is not a positive number is refused in French. */
export function optionsDevisDe(c: ContexteProduction): OptionsDevis {
  return {
    feuille: c.feuilleDevis || undefined,
    genre: c.genre,
    dureeMinutes: dureeDe(c),
    typeOeuvre: c.oeuvre,
  };
}
