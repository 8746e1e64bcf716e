import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis, eur } from "./contexte";

const sansFeuille = (cellule: string) => cellule.replace(/^.*!/, "");

/**
 * « Montant HT | TVA | Montant TTC »: on each line, HT + TVA = TTC to the cent. The devis counts the HT column;
 * a line whose TTC says otherwise is named with its three cells and amounts.
 */
export const htTvaTtc: Regle<ContexteDevis> = {
  id: "ht-tva-ttc",
  description: "Quand le devis a des colonnes HT, TVA et TTC, chaque ligne vérifie HT + TVA = TTC au centime près.",
  verifier({ devis }) {
    return (devis.taxes ?? [])
      .filter((t) => t.ecart !== 0)
      .map((t) => {
        const base = t.base === "ht" ? "HT" : "Montant";
        return {
          regle: "ht-tva-ttc",
          gravite: "alerte" as const,
          message:
            `${t.ht.cellule} + ${sansFeuille(t.tva.cellule)} ≠ ${sansFeuille(t.ttc.cellule)} ${cite(t.libelle)} : ` +
            `${base} ${eur(t.ht.montant)} + TVA ${eur(t.tva.montant)} ≠ TTC ${eur(t.ttc.montant)} ` +
            `(écart ${eur(t.ecart)}) ; le devis compte le ${base === "HT" ? "HT" : "montant"} ${eur(t.ht.montant)}.`,
          cellule: t.ttc.cellule,
        };
      });
  },
};
