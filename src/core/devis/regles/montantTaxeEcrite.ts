import type { Constat, Regle } from "../../controles/constat";
import { subCents } from "../../money/cents";
import type { MontantTaxeEcrite } from "../model";
import { cite, ContexteDevis, eur, horsChapitre, SUITE_HORS_CHAPITRE } from "./contexte";

/** « 20 % », « 5,5 % ». */
const pourcent = (taux: string) => `${taux.replace(".", ",")} %`;

/** « Catering | 1 000 | 1 200 TTC »: the TVA cell writes the line's amount another way. */
function dansTva(m: MontantTaxeEcrite, t: NonNullable<MontantTaxeEcrite["dansTva"]>): string {
  const tva =
    m.ecrit === "TTC" && m.colonne === "HT" && m.montant > t.montantLigne
      ? subCents(m.montant, t.montantLigne)
      : undefined;
  return (
    `${m.cellule} ${cite(m.libelle)} : la colonne « ${t.entete} » tient « ${m.texte} », un montant ${m.ecrit} et non ` +
    `une TVA ; il n'est ni ajouté au devis ni lu comme TVA. La ligne est comptée pour son montant ${m.colonne} ` +
    `${eur(t.montantLigne)} (${t.cellule.replace(/^.*!/, "")}). Écrivez la TVA de cette ligne dans la colonne ` +
    `« ${t.entete} »${tva ? ` (${eur(tva)} si ce ${m.ecrit} est juste)` : ""}, puis relancez.`
  );
}

/** « TOTAL | 14 400 TTC » over HT lines: what the total was compared with, and what the devis counts. */
function total(m: MontantTaxeEcrite, t: NonNullable<MontantTaxeEcrite["total"]>): { message: string; info: boolean } {
  const quoi = t.type === "total" ? "total" : "sous-total";
  const tete = `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » : ${quoi} écrit ${m.ecrit} dans la colonne des montants ${m.colonne}`;
  if (t.prouve)
    return {
      info: false,
      message:
        `${tete} ; il est pourtant la somme, au centime, des lignes qu'il couvre (${eur(t.somme)}), lues comme ` +
        `${m.colonne}. Le devis compte ces lignes telles qu'écrites : vérifiez si elles sont ${m.ecrit} ou si la ` +
        `mention « ${m.ecrit} » du ${quoi} est fausse.`,
    };
  if (t.taux)
    return {
      info: true,
      message:
        `${tete} : ${eur(m.montant)} ${m.ecrit} correspond aux lignes qu'il couvre (${eur(t.somme)} ${m.colonne}) ` +
        `avec une TVA à ${pourcent(t.taux)} ; il n'est pas compté, le devis compte ses lignes ${m.colonne}.`,
    };
  return {
    info: false,
    message:
      `${tete} : ${eur(m.montant)} ne se compare pas aux lignes ${m.colonne} qu'il couvre (${eur(t.somme)}) ` +
      `${t.ligne ? "; il est compté comme une ligne du devis" : "; il n'est pas compté"}, le devis compte ses lignes ` +
      `${m.colonne}. Vérifiez ce ${quoi} et sa mention « ${m.ecrit} ».`,
  };
}

/**
 * A line's text amount written with the other tax mention than the column read (« 1 200 TTC » in the HT column,
 * « 1 200 HT » in a TTC one): the figure typed is counted as it is, and said, never converted. The same mention on a
 * total (« TOTAL | 14 400 TTC » over HT lines) or in the TVA column beside a line's amount is said too, with what the
 * devis counts instead.
 */
export const montantTaxeEcrite: Regle<ContexteDevis> = {
  id: "montant-taxe-ecrite",
  description:
    "Un montant écrit « TTC » dans la colonne des montants hors taxes (ou « HT » dans une colonne TTC) est compté tel " +
    "qu'écrit et signalé ; la même mention sur un total, ou dans la colonne TVA, est signalée avec ce que le devis compte.",
  verifier({ devis }) {
    return (devis.taxesEcrites ?? []).map((m): Constat => {
      const base = { regle: "montant-taxe-ecrite", cellule: m.cellule };
      if (m.dansTva) return { ...base, gravite: "alerte", message: dansTva(m, m.dansTva) };
      if (m.total) {
        const t = total(m, m.total);
        return { ...base, gravite: t.info ? "info" : "alerte", message: t.message };
      }
      const tete = `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » : montant écrit ${m.ecrit} dans la colonne des montants`;
      if (horsChapitre(devis, m.cellule))
        return {
          ...base,
          gravite: "alerte",
          message: `${tete} ${m.colonne}, lu tel quel (${eur(m.montant)}) ; ${SUITE_HORS_CHAPITRE}.`,
        };
      return {
        ...base,
        gravite: "alerte",
        message: `${tete} ${m.colonne} : ${eur(m.montant)} compté tel quel ; vérifiez s'il faut le montant ${m.colonne}.`,
      };
    });
  },
};
