import type { Constat, Regle } from "../../controles/constat";
import { formatMontantFr } from "../../money/format";
import { pluriel } from "../../util/texte";
import type { Devis } from "../model";
import type { ContexteDevis } from "./contexte";

/**
 * The finding when the sheet read as the devis, found by Prodbook, is hidden: for `devis` (through the rule) and for
 * the other commands that read the devis (écarts, carbone, planning), through src/app.
 */
export function constatsFeuilleLue(devis: Pick<Devis, "feuille" | "feuilleMasquee" | "autresFeuilles">): Constat[] {
  const autres: Constat[] = (devis.autresFeuilles ?? []).map((a) => ({
    regle: "feuille-lue",
    gravite: "alerte",
    message:
      `La feuille « ${a.feuille} » ressemble aussi à un devis et tient des montants (${a.cellule} et dessous : ` +
      `${pluriel(a.cellules, "cellule")}, somme ${formatMontantFr(a.somme)}) ; elle n'est pas lue : seule la ` +
      `feuille « ${devis.feuille} » l'est. Si elle fait partie du devis, réunissez les deux feuilles en une ; si ` +
      `c'est elle le devis, indiquez-la comme feuille à lire.`,
    cellule: a.cellule,
  }));
  if (!devis.feuilleMasquee) return autres;
  return [
    ...autres,
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
  description:
    "Quand la feuille lue comme devis, trouvée par Prodbook, est masquée dans le classeur, c'est dit ; les autres " +
    "feuilles qui ressemblent à un devis et tiennent des montants sont nommées avec leur somme.",
  verifier({ devis }) {
    return constatsFeuilleLue(devis);
  },
};
