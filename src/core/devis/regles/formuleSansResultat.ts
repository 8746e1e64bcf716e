import type { Regle } from "../../controles/constat";
import { celluleMontant, cite, ContexteDevis, eur } from "./contexte";

/**
 * Formulas saved without their result (a file written by a program that does not calculate). On a line with
 * its factors the amount was recomputed, not read; on a producer's subtotal or total, nothing could be
 * compared. Both are said, so that nobody takes them for the producer's figures. (Lines without factors are
 * `montant-illisible`.)
 */
export const formuleSansResultat: Regle<ContexteDevis> = {
  id: "formule-sans-resultat",
  description:
    "Une formule enregistrée sans son résultat : montant de ligne recalculé depuis quantité × nombre × taux, ou sous-total du " +
    "producteur non comparé.",
  verifier({ devis }) {
    const lignes = devis.lignes
      .filter((l) => l.montantFormule && l.montantCalcule && !l.pourcentage)
      .map((l) => ({
        regle: "formule-sans-resultat",
        gravite: "info" as const,
        message:
          `${celluleMontant(l)} ${cite(l.libelle)} : la formule du montant a été enregistrée sans son résultat ; ` +
          `montant recalculé (quantité × nombre × taux) : ${eur(l.montant)}.`,
        cellule: celluleMontant(l),
      }));
    const totaux = (devis.totauxSansResultat ?? []).map((t) => ({
      regle: "formule-sans-resultat",
      gravite: "info" as const,
      message:
        `${t.cellule} ${cite(t.libelle)} : la formule ${t.formule} a été enregistrée sans son résultat ; ce total du ` +
        `producteur n'est pas comparé.`,
      cellule: t.cellule,
    }));
    return [...lignes, ...totaux];
  },
};
