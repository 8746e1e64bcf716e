import type { Regle } from "../../controles/constat";
import { negCents } from "../../money/cents";
import { norm } from "../lecture";
import { celluleMontant, cite, ContexteDevis, eur } from "./contexte";

/** A rebate or discount by its label (« Remise 10 % », « Rabais loueur »), not « Remise en état du décor ». */
const DEDUCTION =
  /\b(remises?|rabais|ristournes?|escomptes?|discount|rebate)\b(?! (en|a) (etat|forme|place|ordre|niveau|jour))/;

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
      .filter((l) => l.montant > 0 && DEDUCTION.test(norm(l.libelle)))
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
