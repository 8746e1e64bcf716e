import type { Regle } from "../../controles/constat";
import type { ContexteFinancement } from "../contexte";

/**
 * A cash payment (a source's amount or one of its tranches) beside an empty date cell: named with its cell, placed in
 * no month of the échéancier (never a guessed month), and counted in its « sans date » total.
 */
export const versementSansDate: Regle<ContexteFinancement> = {
  id: "versement-sans-date",
  description:
    "Chaque versement en numéraire du plan a une date ; sans elle, il n'est placé dans aucun mois de l'échéancier.",
  verifier(ctx) {
    return ctx.plan.avertissements
      .filter((a) => a.sansDate)
      .map((a) => ({ regle: "versement-sans-date", gravite: a.gravite, cellule: a.cellule, message: a.message }));
  },
};
