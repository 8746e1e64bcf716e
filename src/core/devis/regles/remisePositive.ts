import type { Regle } from "../../controles/constat";
import { negCents } from "../../money/cents";
import { norm } from "../lecture";
import { celluleMontant, cite, ContexteDevis, eur } from "./contexte";

/**
 * A rebate or discount by its label (« Remise 10 % », « Rabais loueur », « Remise de fin d'année »). Not a « remise »
 * that is a cost or a delivery: « Remise en état du décor », « Remise du PAD », « Remise des éléments », « Remise de
 * la copie », « Remise des prix ».
 */
const DEDUCTION = new RegExp(
  "\\b(remises?|rabais|ristournes?|escomptes?|discount|rebate)\\b" +
    // Not a repair or an update (« remise en état », « à niveau »), nor a delivery (« remise du PAD », « des éléments »).
    "(?! (en|a) (etat|forme|place|ordre|niveau|jour)| (du|des|de la|de l|d)\\b| (pad|copies?|elements|prix)\\b)",
);

/** Whether a devis label announces a deduction (its words only; the amount's sign is the rule's business). */
export function annonceDeduction(libelle: string): boolean {
  return DEDUCTION.test(norm(libelle));
}

/**
 * A line whose label announces a deduction but whose amount is positive (« Remise 10 % | 500 »): counted as read, an
 * added cost, never turned negative by its words. Said, so that a rebate typed without its minus sign is not counted
 * twice in the wrong direction in silence.
 */
export const remisePositive: Regle<ContexteDevis> = {
  id: "remise-positive",
  description:
    "Une ligne dont le libellé annonce une déduction (remise, rabais, ristourne, escompte) mais dont le montant est " +
    "positif : comptée en plus, comme elle est écrite, et c'est dit.",
  verifier({ devis }) {
    return devis.lignes
      .filter((l) => l.montant > 0 && annonceDeduction(l.libelle))
      .map((l) => ({
        regle: "remise-positive",
        gravite: "alerte" as const,
        message:
          `${celluleMontant(l)} ${cite(l.libelle)} : le libellé annonce une déduction, mais le montant ${eur(l.montant)} ` +
          `est positif : il est compté en plus dans le devis, pas déduit. Si c'est une remise, écrivez-le en négatif ` +
          `(${eur(negCents(l.montant))}), puis relancez.`,
        cellule: celluleMontant(l),
      }));
  },
};
