import type { Regle } from "../../controles/constat";
import type { ColonneMontantNommee } from "../model";
import type { ContexteDevis } from "./contexte";

const NATURE: Record<ColonneMontantNommee["nature"], string> = {
  ht: "",
  montant: " (sans mention de taxe, lue comme hors taxes)",
  ttc: " faute de colonne hors taxes : les montants du devis sont TTC",
  tva: "",
};

/**
 * Columns the import chose rather than read from a header: the amount column among several (« Montant TTC |
 * Montant TVA | Montant HT »), the labels of an unheaded column. Said with their cells, never silent.
 */
export const colonnesLues: Regle<ContexteDevis> = {
  id: "colonnes-lues",
  description:
    "Quand l'en-tête a plusieurs colonnes de montant (HT, TVA, TTC) ou que les libellés n'ont pas d'en-tête, " +
    "la colonne lue est nommée.",
  verifier({ devis }) {
    const out = [];
    const m = devis.colonneMontant;
    if (m) {
      const r = m.retenue;
      const autres = m.ecartees.map((e) => `« ${e.entete} » (${e.colonne})`).join(", ");
      out.push({
        regle: "colonnes-lues",
        gravite: "info" as const,
        message:
          `${r.cellule} : plusieurs colonnes de montant ; la colonne ${r.colonne} « ${r.entete} » est lue${NATURE[r.nature]}. ` +
          `${autres} ${m.ecartees.length > 1 ? "ne sont pas comptées" : "n'est pas comptée"}` +
          (r.nature === "ttc" ? "." : " : la TVA et le TTC se déduisent du hors taxes."),
        cellule: r.cellule,
      });
    }
    const l = devis.colonneLibelles;
    if (l)
      out.push({
        regle: "colonnes-lues",
        gravite: "info" as const,
        message:
          `${l.aGaucheDe.cellule} : l'en-tête ne nomme pas la colonne des libellés ; ` +
          `ils sont lus dans la colonne ${l.colonne}, sans en-tête, à gauche de « ${l.aGaucheDe.entete} ».`,
        cellule: l.aGaucheDe.cellule,
      });
    return out;
  },
};
