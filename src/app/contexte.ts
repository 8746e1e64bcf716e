import type { RegimeCredit } from "../core/creditImpot/modele";
import type { TypeOeuvre } from "../core/devis/model";
import type { ContexteProduction } from "../core/production/contexte";
import type { OptionsDevis } from "./commandes/devis";

/**
 * What the production context means for the use cases, for the pane's pages and the « Tableau de bord » alike
 * (one reading of the context, not one per page).
 */

/** The tax-credit regime a page starts from: the one chosen, else the kind of work. */
export const regimeDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): RegimeCredit =>
  c.regime ?? c.oeuvre ?? "audiovisuel";

/** The kind of work (financing plan ceilings): the one chosen, else the regime's when it names one. */
export const oeuvreDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): TypeOeuvre =>
  c.oeuvre ?? (c.regime === "audiovisuel" ? "audiovisuel" : "cinema");

/** The current year, the default year of expenses. */
export const anneeCourante = () => String(new Date().getFullYear());

/** The devis options of the production context; a duration that is not a positive number is refused in French. */
export function optionsDevisDe(c: ContexteProduction): OptionsDevis {
  const duree = c.duree ?? "";
  const minutes = Number(duree.replace(",", "."));
  if (duree.trim() && !(minutes > 0))
    throw new Error(`Durée « ${duree} » invalide : un nombre de minutes positif est attendu.`);
  return {
    feuille: c.feuilleDevis || undefined,
    genre: c.genre,
    dureeMinutes: duree.trim() ? minutes : undefined,
    typeOeuvre: c.oeuvre,
  };
}
