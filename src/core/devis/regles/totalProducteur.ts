import type { Regle } from "../../controles/constat";
import type { ContexteDevis } from "./contexte";
import { verifierTotaux } from "./sousTotalProducteur";

export const totalProducteur: Regle<ContexteDevis> = {
  id: "total-producteur",
  description: "Chaque ligne de total du devis source est égale à la somme des lignes au-dessus d'elle.",
  verifier: (ctx) => verifierTotaux(ctx, "total", "total-producteur"),
};
