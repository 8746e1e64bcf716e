import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis, eur } from "./contexte";

/**
 * A line's text amount written with the other tax mention than the column read (« 1 200 TTC » in the HT column,
 * « 1 200 HT » in a TTC one): the figure typed is counted as it is, and said, never converted.
 */
export const montantTaxeEcrite: Regle<ContexteDevis> = {
  id: "montant-taxe-ecrite",
  description:
    "Un montant écrit « TTC » dans la colonne des montants hors taxes (ou « HT » dans une colonne TTC) est compté tel " +
    "qu'écrit et signalé.",
  verifier({ devis }) {
    return (devis.taxesEcrites ?? []).map((m) => ({
      regle: "montant-taxe-ecrite",
      gravite: "alerte" as const,
      message:
        `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » : montant écrit ${m.ecrit} dans la colonne des montants ` +
        `${m.colonne} : ${eur(m.montant)} compté tel quel ; vérifiez s'il faut le montant ${m.colonne}.`,
      cellule: m.cellule,
    }));
  },
};
