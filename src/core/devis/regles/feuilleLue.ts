import type { Constat, Regle } from "../../controles/constat";
import type { Devis } from "../model";
import type { ContexteDevis } from "./contexte";

/**
 * The finding when the sheet read as the devis, found by Prodbook, is hidden: for `devis` (through the rule) and for
 * the other commands that read the devis (écarts, carbone, planning), through src/app.
 */
export function constatsFeuilleLue(devis: Pick<Devis, "feuille" | "feuilleMasquee">): Constat[] {
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
}

/** The sheet read as the devis, found by Prodbook, is hidden in the workbook: the user may not know it is there. */
export const feuilleLue: Regle<ContexteDevis> = {
  id: "feuille-lue",
  description: "Quand la feuille lue comme devis, trouvée par Prodbook, est masquée dans le classeur, c'est dit.",
  verifier({ devis }) {
    return constatsFeuilleLue(devis);
  },
};
