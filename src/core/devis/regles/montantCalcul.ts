import type { Regle } from "../../controles/constat";
import { montantLigne, subCents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { celluleMontant, cite, ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";

const nb = (s: string) => s.replace(".", ",");

/** A line's amount must equal quantité × nombre × taux (missing factors count as 1), to the cent. */
export const montantCalcul: Regle<ContexteDevis> = {
  id: "montant-calcul",
  description: "Le montant d'une ligne est égal à quantité × nombre × taux (à un centime près).",
  verifier({ devis }) {
    return devis.lignes.flatMap((l) => {
      if (
        l.montantCalcule ||
        l.pourcentage ||
        l.taux === undefined ||
        (l.quantite === undefined && l.nombre === undefined)
      )
        return [];
      const attendu = montantLigne(l.quantite ?? 1, l.nombre ?? 1, l.taux);
      const ecart = subCents(l.montant, attendu);
      if (Math.abs(ecart) <= TOLERANCE_CENTIMES) return [];
      const facteurs = [l.quantite, l.nombre]
        .filter((x): x is string => x !== undefined)
        .map(nb)
        .join(" × ");
      const taux = formatMontantFr(montantLigne(1, 1, l.taux));
      return [
        {
          regle: "montant-calcul",
          gravite: "erreur" as const,
          message:
            `${celluleMontant(l)} ${cite(l.libelle)} : le montant ${eur(l.montant)} ne correspond pas au calcul ` +
            `${facteurs} × ${taux} = ${eur(attendu)} (écart ${eur(ecart)}).`,
          cellule: celluleMontant(l),
        },
      ];
    });
  },
};
