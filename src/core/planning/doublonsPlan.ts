import type { Constat } from "../controles/constat";
import { hhmm } from "./cellules";
import { dateEnLettres } from "./dates";
import type { PlanDeTravail, Vacation } from "./planDeTravail";

/** « Yann Le Goff (Chef opérateur) »: who a row of the plan is for. */
export const qui = (v: Vacation) => (v.fonction ? `${v.nom} (${v.fonction})` : v.nom);

/** « 07:00–13:00, pause 30 min »: a row's hours. */
export const plageHoraire = (v: Vacation) =>
  `${hhmm(v.debut)}–${hhmm(v.fin)}${v.pauseMinutes ? `, pause ${v.pauseMinutes} min` : ""}`;

/**
 * The rows of the plan de travail that repeat another exactly (same person, day, start, end and pause): one day of work
 * written twice, read once (lirePlanDeTravail keeps the first), each named with both rows' cells so the user removes
 * the copy or corrects its hours. `comptee` says where the row is counted once: `planning` lists its working-time uses;
 * by default (carbone, credit-impot, through src/app/planDeTravailLu), every reading of the plan.
 */
export function constatsDoublons(
  plan: PlanDeTravail,
  comptee = "dans tout ce qui est lu du plan de travail",
): Constat[] {
  return (plan.doublons ?? []).map(({ gardee: v, ligne, cellules }) => ({
    regle: "ligne-en-double",
    gravite: "alerte" as const,
    message:
      `${qui(v)} le ${dateEnLettres(v.date)} : la ligne ${ligne} (${cellules.nom}, ${cellules.date}, ${cellules.debut}, ` +
      `${cellules.fin}) répète la ligne ${v.ligne} (${v.cellules.nom}, ${v.cellules.date}, ${v.cellules.debut}, ` +
      `${v.cellules.fin}) : même personne, même jour, mêmes horaires (${plageHoraire(v)}). ` +
      `Comptée une seule fois ${comptee} : ` +
      `supprimez la ligne en double, ou corrigez-la si elle devait dire une autre personne, un autre jour ou d'autres horaires.`,
    cellule: cellules.nom,
  }));
}
