import type { Regle } from "../../controles/constat";
import { formatMontantFr } from "../../money/format";
import type { ColonneMontantNommee, ColonnesMontant } from "../model";
import type { ContexteDevis } from "./contexte";

const NATURE: Record<ColonneMontantNommee["nature"], string> = {
  ht: "",
  montant: " (sans mention de taxe, lue comme hors taxes)",
  ttc: " faute de colonne hors taxes : les montants du devis sont TTC",
  tva: "",
};

const POURQUOI: Record<string, string> = {
  version: "la version la plus récente",
  visible: "la seule visible, les autres étant masquées",
  aDroite: "la plus à droite",
  seule: "la seule qui contient des montants",
};

/** « G « Montant » (Devis!G3, somme 8 400,00 €) ». */
function decrire(c: ColonneMontantNommee): string {
  const somme = c.somme === undefined ? "" : `, somme ${formatMontantFr(c.somme)}`;
  return `${c.colonne} « ${c.entete} » (${c.cellule}${somme})`;
}

/**
 * Columns alike (« Montant | Montant », « Montant V1 | Montant V2 »): nothing proves which one is the devis. The
 * column read and those not read, with their header cells and sums; an information only when they are identical.
 */
function colonnesPareilles(m: ColonnesMontant) {
  const r = m.retenue;
  const autres = m.ecartees.filter((e) => e.nature === r.nature);
  const liste = autres.map(decrire).join(", ");
  if (m.identiques)
    return {
      regle: "colonnes-lues",
      gravite: "info" as const,
      message:
        `${r.cellule} : les colonnes ${liste} et ${decrire(r)} sont identiques ligne à ligne ; ` +
        `la colonne ${r.colonne} est lue, une seule fois.`,
      cellule: r.cellule,
    };
  const n = autres.length > 1;
  return {
    regle: "colonnes-lues",
    gravite: m.choix === "seule" || m.choix === "visible" ? ("info" as const) : ("alerte" as const),
    message:
      `${r.cellule} : ${autres.length + 1} colonnes de montant semblables ; la colonne ${decrire(r)} est lue, ` +
      `${POURQUOI[m.choix ?? "aDroite"]}. ${liste} ${n ? "ne sont pas comptées" : "n'est pas comptée"}` +
      (m.choix === "seule" || m.choix === "visible"
        ? "."
        : ` : rien dans le classeur ne prouve laquelle est le devis ; vérifiez que c'est la bonne, ` +
          `sinon masquez la colonne à écarter ou renommez son en-tête.`),
    cellule: r.cellule,
  };
}

/**
 * Columns the import chose rather than read from a header: the amount column among several (« Montant TTC |
 * Montant TVA | Montant HT »), the labels of an unheaded column. Said with their cells, never silent.
 */
export const colonnesLues: Regle<ContexteDevis> = {
  id: "colonnes-lues",
  description:
    "Quand l'en-tête a plusieurs colonnes de montant (HT, TVA, TTC, deux « Montant », des versions) ou que les " +
    "libellés n'ont pas d'en-tête, la colonne lue et celles écartées sont nommées, avec leurs sommes.",
  verifier({ devis }) {
    const out = [];
    const m = devis.colonneMontant;
    if (m && m.choix && m.choix !== "taxes") {
      if (m.choix !== "seule" || m.ecartees.some((e) => e.somme)) out.push(colonnesPareilles(m));
    } else if (m) {
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
