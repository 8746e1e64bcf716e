import type { Regle } from "../../controles/constat";
import type { ContexteDevis } from "./contexte";

/** The sheet read as the devis, found by Prodbook, is hidden in the workbook: the user may not know it is there. */
export const feuilleLue: Regle<ContexteDevis> = {
  id: "feuille-lue",
  description: "Quand la feuille lue comme devis, trouvée par Prodbook, est masquée dans le classeur, c'est dit.",
  verifier({ devis }) {
    if (!devis.feuilleMasquee) return [];
    return [
      {
        regle: "feuille-lue",
        gravite: "info",
        message:
          `La feuille « ${devis.feuille} » est masquée dans le classeur ; c'est elle qui ressemble le plus à un ` +
          `devis et qui est lue. Si le devis est dans une autre feuille, indiquez laquelle lire.`,
      },
    ];
  },
};
