import type { Regle } from "../../controles/constat";
import type { ContexteDevis } from "./contexte";
import { verifierTauxAccord } from "./tauxAccord";

export const imprevusTaux: Regle<ContexteDevis> = {
  id: "imprevus-taux",
  description: "Les imprévus ne dépassent pas le taux de l'accord transparence pour le genre (œuvres audiovisuelles).",
  verifier: (ctx) => verifierTauxAccord(ctx, "IMP", "imprevus", "imprevus-taux", "les imprévus"),
};
