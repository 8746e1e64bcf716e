import type { Regle } from "../../controles/constat";
import { celluleMontant, cite, ContexteDevis, eur } from "./contexte";

/**
 * A formula saved without its result (file written by a program that does not calculate) on a line that has
 * its factors: the amount was recomputed, not read — said, so that nobody takes it for the producer's figure.
 */
export const formuleRecalculee: Regle<ContexteDevis> = {
  id: "formule-recalculee",
  description: "Un montant en formule enregistrée sans résultat est recalculé depuis quantité × nombre × taux, et signalé.",
  verifier({ devis }) {
    return devis.lignes
      .filter((l) => l.montantFormule && l.montantCalcule && !l.pourcentage)
      .map((l) => ({
        regle: "formule-recalculee",
        gravite: "info" as const,
        message:
          `${celluleMontant(l)} ${cite(l.libelle)} : la formule du montant a été enregistrée sans son résultat ; ` +
          `montant recalculé (quantité × nombre × taux) : ${eur(l.montant)}.`,
        cellule: celluleMontant(l),
      }));
  },
};
