import Decimal from "decimal.js";
import type { Regle } from "../../controles/constat";
import { centsToDecimal, eurosToCents, montantLigne } from "../../money/cents";
import { versionEnVigueur } from "../../regles/table";
import { normaliser } from "../../util/texte";
import type { CategorieLigne, LigneDevis } from "../model";
import { surchargeMontant } from "../../regles/parametres";
import { CLE_MINIMUM, celluleMontant, cite, ContexteDevis, eur } from "./contexte";
import { fonctionDuLibelle, TABLE_MINIMA_2642 } from "./donnees";

/**
 * Weekly minimum derived from the daily one. Domain-facts §6.1: for a CDDU of ≤ 4 days the daily minimum is the
 * weekly minimum ÷ 4.5. If the grid's daily figures are those "extra" rates, the weekly minimum is daily × 4.5;
 * if they were weekly ÷ 5, it would be daily × 5. We use 4.5, the lower of the two readings [L]: a weekly rate
 * flagged here is below the minimum under either reading (no false alarm), at the cost of missing some.
 */
export const JOURS_PAR_SEMAINE = "4.5";

const JOUR = /^(j|jr|jrs|jour|jours|journee|journees|day|days|jour\(s\)|\/j|par jour)$/;
const SEMAINE = /^(s|sem|sem\.|semaine|semaines|week|weeks|wk|hebdo|semaine\(s\)|\/sem|par semaine)$/;
const SALARIES: readonly (CategorieLigne | undefined)[] = ["salaire-technicien", "salaire-permanent", undefined];

/** Unit rate of a line: its taux, or its amount ÷ (quantité × nombre). */
function tauxUnitaire(l: LigneDevis): Decimal | undefined {
  if (l.taux !== undefined) return new Decimal(l.taux);
  const q = new Decimal(l.quantite ?? 1).times(l.nombre ?? 1);
  if ((l.quantite === undefined && l.nombre === undefined) || q.isZero()) return undefined;
  return new Decimal(l.montant).dividedBy(100).dividedBy(q);
}

export const salaireMinimum: Regle<ContexteDevis> = {
  id: "salaire-minimum",
  description:
    "Un salaire journalier ou hebdomadaire n'est pas inférieur au minimum conventionnel de la fonction (IDCC 2642).",
  verifier({ devis, date, surcharges }) {
    if (devis.typeOeuvre === "cinema") return []; // IDCC 3097: grid not available (domain-facts §6.2)
    const version = versionEnVigueur(TABLE_MINIMA_2642, date);
    if (!version) return [];
    const grille = version.valeurs;
    const aVerifier = version.confiance === "H" ? "" : ", source secondaire : à vérifier";
    const dateGrille = version.effetDu.split("-").reverse().join("/");
    return devis.lignes.flatMap((l) => {
      if (!SALARIES.includes(l.categorie) || l.pourcentage) return [];
      const u = normaliser(l.unite ?? "");
      const parSemaine = SEMAINE.test(u);
      if (!parSemaine && !JOUR.test(u)) return [];
      const f = fonctionDuLibelle(l.libelle, grille);
      const taux = tauxUnitaire(l);
      if (!f || !taux) return [];
      const surcharge = surcharges && surchargeMontant(surcharges, CLE_MINIMUM(f.id));
      const journalier = surcharge ? centsToDecimal(surcharge.valeur) : f.journalier;
      const minimum = montantLigne(1, parSemaine ? JOURS_PAR_SEMAINE : 1, journalier);
      const paye = eurosToCents(taux);
      if (paye >= minimum) return [];
      const unite = parSemaine ? "semaine" : "jour";
      const derive = parSemaine
        ? ` (${eur(eurosToCents(journalier))} × ${JOURS_PAR_SEMAINE.replace(".", ",")} jours)`
        : "";
      const origine = surcharge
        ? `paramètre ${surcharge.cellule}`
        : `catégorie ${grille.categorie}, base ${grille.baseHeures} h, grille au ${dateGrille}${aVerifier}`;
      const cellule = l.source.cellules.taux ?? celluleMontant(l);
      return [
        {
          regle: "salaire-minimum",
          gravite: "erreur" as const,
          message:
            `${cellule} ${cite(l.libelle)} : ${eur(paye)} par ${unite}, sous le minimum ${grille.convention} de la fonction ` +
            `« ${f.libelle} » : ${eur(minimum)} par ${unite}${derive} (${origine}).`,
          cellule,
        },
      ];
    });
  },
};
