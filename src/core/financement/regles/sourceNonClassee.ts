import type { Regle } from "../../controles/constat";
import { ContexteFinancement, euros } from "../contexte";

/** Lines whose nature matched no category: counted as « Autre » (private) until the producer says more. */
export const sourceNonClassee: Regle<ContexteFinancement> = {
  id: "source-non-classee",
  description: "Chaque source du plan est rattachée à une catégorie (apport producteur, diffuseur, CNC, région…).",
  verifier(ctx) {
    return ctx.plan.nonClasses.map((n) => ({
      regle: "source-non-classee",
      gravite: "alerte" as const,
      cellule: n.cellule,
      message:
        `${n.cellule} : « ${n.texte} » (${euros(n.montant)}) n'a pas pu être classé ; compté en « Autre » (financement ` +
        `privé). Précisez la nature (ex. « préachat », « région », « SOFICA »).`,
    }));
  },
};
