import type { Constat } from "../../controles/constat";
import type { Devis } from "../model";

/**
 * The devis's cells whose amount was not read — an Excel error, a date, an ambiguous text, a figure in another
 * currency, in the amount column of a line or in its « dont France » or charges — outside the producer's totals (those
 * are only not compared), merged cells (counted on their own row) and errors outside the lines (above the header).
 * A factor or a label's rate unreadable beside an amount read is not one: the line is counted with it.
 */
export function cellulesNonLues(devis: Pick<Devis, "illisibles" | "ambigus" | "devises">): string[] {
  // A factor, or the label's rate (« Frais généraux 1,500 % », « Imprévus 5-10 % »), not read beside the line's amount
  // read: the line is counted with that amount, which was read.
  const facteur = (c: string | undefined) => c === "quantite" || c === "nombre" || c === "taux" || c === "libelle";
  return [
    ...(devis.illisibles ?? [])
      .filter((x) => !x.total && !x.fusionneAvec && !x.region && !(facteur(x.colonne) && x.compte !== undefined))
      .map((x) => x.cellule),
    ...(devis.ambigus ?? []).filter((x) => !x.total).map((x) => x.cellule),
    ...(devis.devises ?? []).filter((x) => !x.total).map((x) => x.cellule),
  ];
}

/**
 * For the commands that compute on the devis without listing its findings (credit-impot, écarts): one sentence saying
 * that the figure leaves out the devis's amounts not read, and which cells. `calcul`: « le crédit d'impôt est
 * calculé », « le budget est compté ».
 */
export function constatsMontantsNonLus(
  devis: Pick<Devis, "feuille" | "illisibles" | "ambigus" | "devises">,
  calcul: string,
): Constat[] {
  const cellules = [...new Set(cellulesNonLues(devis))];
  if (!cellules.length) return [];
  const cites = cellules.slice(0, 6).join(", ") + (cellules.length > 6 ? `… (${cellules.length} en tout)` : "");
  return [
    {
      regle: "montants-non-lus",
      gravite: "alerte",
      message:
        `${cellules.length === 1 ? "Une cellule" : `${cellules.length} cellules`} du devis « ${devis.feuille} » ` +
        `sans montant lu (${cites}) : ${calcul} sans ${cellules.length === 1 ? "elle" : "elles"}. ` +
        (cellules.length === 1
          ? "Le contrôle du devis dit pourquoi ; corrigez-la, puis relancez."
          : "Le contrôle du devis dit pourquoi pour chacune ; corrigez-les, puis relancez."),
      cellule: cellules[0],
    },
  ];
}
