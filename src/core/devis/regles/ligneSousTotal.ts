import type { Constat, Regle } from "../../controles/constat";
import type { LigneDevis } from "../model";
import { libelleChapitre } from "../nomenclature";
import { celluleMontant, cite, ContexteDevis, eur, rattachement } from "./contexte";
import { lignesReprises } from "./ligneSommeLignes";

/**
 * A line read below the producer's grand total (« TOTAL GÉNÉRAL »), that its code, its label or a « Chapitre » column
 * places in a chapter: counted there, so the devis read exceeds the producer's total. Either it is outside the devis
 * or a line of that chapter written in the wrong place: both said, with what to do. (Unplaced, it is said by
 * ligne-hors-chapitre: not counted.) A line whose formula only adds up other lines counted is said by ligne-somme-lignes
 * instead, below the total named there: one finding per cell, never « add its amount to the total » for euros counted
 * twice already.
 */
export const ligneSousTotal: Regle<ContexteDevis> = {
  id: "ligne-sous-total",
  description:
    "Une ligne écrite sous le total général du devis n'est comptée dans un chapitre que si elle en fait partie ; " +
    "sinon elle est hors devis.",
  verifier({ devis }) {
    let reprises: ReadonlyMap<LigneDevis, unknown> | undefined;
    return devis.lignes.flatMap((l): Constat[] => {
      const t = l.sousLeTotal;
      const ch = l.chapitre;
      if (!t || !ch) return [];
      reprises ??= lignesReprises(devis);
      if (reprises.has(l)) return [];
      const cellule = celluleMontant(l);
      const par = rattachement(l);
      return [
        {
          regle: "ligne-sous-total",
          gravite: "alerte",
          message:
            `${cellule} ${cite(l.libelle)} : cette ligne est sous le total du devis ${cite(t.libelle)} (${t.cellule}, ` +
            `${eur(t.montant)}), mais ${par} la rattache au chapitre ${ch} « ${libelleChapitre(ch)} » : son montant ` +
            `${eur(l.montant)} est compté dans ce chapitre, en plus de ce total. Si elle fait partie du chapitre ${ch}, ` +
            `déplacez-la dans ce chapitre, au-dessus de son sous-total, et ajoutez son montant au sous-total et au ` +
            `total. Si elle est hors devis, déplacez-la sur une autre feuille : elle ne doit pas être comptée. Puis ` +
            `relancez.`,
          cellule,
        },
      ];
    });
  },
};
