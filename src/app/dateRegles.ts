import { premierJourDesRegles } from "../core/regles/audit";
import { ANNEES_VRAISEMBLABLES_MAX } from "../core/util/saisie";
import { dateEnLettres } from "../core/util/texte";
import { invalide, verifierDate } from "./arguments";

// Apart from ./arguments: the first day of the rule tables is read from every table, which the pane's first load
// (using ./arguments for its fields) must not carry; only the use cases that read the tables import this module.

/**
 * The last day a date of the rule tables may be: the end of the year ANNEES_VRAISEMBLABLES_MAX years after today's
 * (`aujourdhui`, AAAA-MM-JJ), the bound the plan de financement puts on its payment dates.
 */
export function dernierJourDesRegles(aujourdhui = new Date().toISOString().slice(0, 10)): string {
  return `${String(Number(aujourdhui.slice(0, 4)) + ANNEES_VRAISEMBLABLES_MAX).padStart(4, "0")}-12-31`;
}

/**
 * A date the rule tables are read at (devis, carbone, « Règles et sources »): a real AAAA-MM-JJ day, not before the
 * first version of any table (« 1850-01-01 », « 0001-01-01 » would be answered with no table at all), nor more than
 * ANNEES_VRAISEMBLABLES_MAX years ahead (« 9999-12-31 » would be answered with today's tables, as if foreseen).
 */
export function verifierDateRegles(valeur: string | undefined, champ: string): void {
  verifierDate(valeur, champ);
  if (valeur === undefined) return;
  const premier = premierJourDesRegles();
  if (valeur < premier)
    throw invalide(
      champ,
      `attend une date à partir du ${dateEnLettres(premier)} : les tables de règles de Prodbook commencent en ` +
        `${premier.slice(0, 4)}, reçu « ${dateEnLettres(valeur)} »`,
    );
  const dernier = dernierJourDesRegles();
  if (valeur > dernier)
    throw invalide(
      champ,
      `attend une date jusqu'au ${dateEnLettres(dernier)} : Prodbook ne lit pas les tables de règles à plus de ` +
        `${ANNEES_VRAISEMBLABLES_MAX} ans d'aujourd'hui, reçu « ${dateEnLettres(valeur)} »`,
    );
}
