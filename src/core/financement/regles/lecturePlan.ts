import type { Regle } from "../../controles/constat";
import type { ContexteFinancement } from "../contexte";

/**
 * How the producer's plan was read, cell by cell: what could not be read (amounts, dates, statuses), what was read
 * but not counted (negative amounts, other currencies, a second table below the total, an amount outside the amount
 * column) and totals that do not match — one id, titled « Lecture du plan de financement ».
 */
export const lecturePlan: Regle<ContexteFinancement> = {
  id: "lecture-plan",
  description: "Chaque montant, date et statut du plan est lu, ou nommé avec sa cellule.",
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
