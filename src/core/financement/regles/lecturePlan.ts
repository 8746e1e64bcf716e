import type { Regle } from "../../controles/constat";
import type { ContexteFinancement } from "../contexte";

/** What could not be read in the producer's plan (amounts, dates, statuses), cell by cell. */
export const lecturePlan: Regle<ContexteFinancement> = {
  id: "lecture-plan",
  description: "Chaque montant, date et statut du plan est lisible.",
  verifier(ctx) {
    return ctx.plan.avertissements
      .filter((a) => !a.sansDate)
      .map((a) => ({
        regle: "lecture-plan",
        gravite: a.gravite,
        cellule: a.cellule,
        message: a.message,
      }));
  },
};
