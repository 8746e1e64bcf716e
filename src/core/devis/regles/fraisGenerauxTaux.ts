import type { Regle } from "../../controles/constat";
import type { ContexteDevis } from "./contexte";
import { verifierTauxAccord } from "./tauxAccord";

export const fraisGenerauxTaux: Regle<ContexteDevis> = {
  id: "frais-generaux-taux",
  description:
    "Les frais généraux ne dépassent pas le taux de l'accord transparence pour le genre (œuvres audiovisuelles).",
  verifier: (ctx) => verifierTauxAccord(ctx, "FG", "fraisGeneraux", "frais-generaux-taux", "les frais généraux"),
};
