import type { Regle } from "../../controles/constat";
import { subCents, sumCents } from "../../money/cents";
import { ContexteFinancement, euros } from "../contexte";

/** The producer's own « Total » row against the sum of the sources read. */
export const totalPlan: Regle<ContexteFinancement> = {
  id: "total-plan",
  description: "La ligne « Total » du plan du producteur est égale à la somme des sources.",
  verifier(ctx) {
    const t = ctx.plan.totalProducteur;
    if (!t) return [];
    const lu = sumCents(ctx.sources.filter((s) => s.classement !== "calcul").map((s) => s.montant));
    // The producer's total may include their own « reste à financer » line.
    if (t.montant === lu || (ctx.plan.resteIndique && t.montant === lu + ctx.plan.resteIndique.montant)) return [];
    return [
      {
        regle: "total-plan",
        gravite: "alerte",
        cellule: t.cellule,
        message:
          `${t.cellule} : le total du producteur (${euros(t.montant)}) diffère de la somme des sources (` +
          `${euros(lu)}), écart ${euros(subCents(t.montant, lu))}.`,
      },
    ];
  },
};
