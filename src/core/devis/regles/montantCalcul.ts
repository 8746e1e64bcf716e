import type { Regle } from "../../controles/constat";
import { montantLigne, subCents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { celluleMontant, cite, ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";

const nb = (s: string) => s.replace(".", ",");

/**
 * A line's amount must equal quantité × nombre × taux (empty factors count as 1), to the cent. A factor whose cell
 * holds something unreadable (« NaN », « 10 à 12 », #REF!, a date) is never taken as 1: the line is not checked, and
 * montant-illisible names that cell.
 */
export const montantCalcul: Regle<ContexteDevis> = {
  id: "montant-calcul",
  description: "Le montant d'une ligne est égal à quantité × nombre × taux (à un centime près).",
  verifier({ devis }) {
    const facteursIllisibles = new Set(
      (devis.illisibles ?? [])
        .filter((m) => m.colonne === "quantite" || m.colonne === "nombre" || m.colonne === "taux")
        .map((m) => m.cellule),
    );
    const illisible = (c: string | undefined) => c !== undefined && facteursIllisibles.has(c);
    return devis.lignes.flatMap((l) => {
      const { quantite: cq, nombre: cn, taux: ct } = l.source.cellules;
      if (
        illisible(cq) ||
        illisible(cn) ||
        illisible(ct) ||
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
