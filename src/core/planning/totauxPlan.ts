import type { Constat } from "../controles/constat";
import type { PlanDeTravail, TotalPlanDeTravail } from "./planDeTravail";

/** How each number of a producer's total row was proven, as the finding says it. */
const PREUVES_TOTAL: Record<TotalPlanDeTravail["montants"][number]["preuve"], string> = {
  somme: "somme de sa colonne au-dessus",
  formule: "formule sur sa colonne au-dessus",
  durees: "somme des durées de travail effectif des journées au-dessus, à la minute",
  amplitudes: "somme des amplitudes des journées au-dessus, à la minute",
  "formule-journees": "formule sur toutes les lignes des journées au-dessus",
};

/**
 * The producer's total rows (« TOTAL » under the days), proven by arithmetic or formula: not a day of work, read in no
 * duration, each named with its cells and how its numbers were proven.
 */
export function constatsTotauxPlan(plan: PlanDeTravail): Constat[] {
  return (plan.totaux ?? []).map((t) => ({
    regle: "total-plan-de-travail",
    gravite: "info" as const,
    message:
      `${t.cellule} : ligne ${t.ligne}${t.libelle ? ` « ${t.libelle} »` : ""} lue comme un total du plan de travail, ` +
      `pas comme une journée : ${t.montants
        .map((m) => {
          const valeur =
            m.minutes !== undefined
              ? `${Math.floor(m.minutes / 60)}:${String(m.minutes % 60).padStart(2, "0")}`
              : String(Math.round(m.valeur * 1e6) / 1e6).replace(".", ",");
          const formule = m.formule !== undefined ? `, =${m.formule}` : "";
          return `${m.cellule} (${valeur}${formule}) : ${PREUVES_TOTAL[m.preuve]}`;
        })
        .join(" ; ")}. Non comptée dans les durées ni les quantités.`,
    cellule: t.cellule,
  }));
}
