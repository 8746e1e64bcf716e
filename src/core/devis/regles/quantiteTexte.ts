import type { Regle } from "../../controles/constat";
import { montantLigne } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { decimalFr } from "../../util/texte";
import { cite, ContexteDevis, eur } from "./contexte";

/**
 * A line whose amount cell is empty, computed from a quantity (or a number) written as text: « 3 j », « 3 jours »
 * (the figure and its unit, as the quantity parser reads them), « 2,5 » typed as text. Counted, and said with the cells:
 * the producer's sheet holds no amount for that line, and an Excel formula multiplying « 3 j » gives #VALEUR!.
 */
export const quantiteTexte: Regle<ContexteDevis> = {
  id: "quantite-texte",
  description:
    "Une ligne au montant vide dont la quantité (ou le nombre) est écrite en texte (« 3 j », « 3 jours ») : le montant " +
    "est calculé avec ce qui y est lu, compté, et la cellule nommée.",
  verifier({ devis }) {
    return (devis.facteursTexte ?? []).map((l) => {
      const lus = l.facteurs.map(
        (f) =>
          `${f.colonne === "quantite" ? "la quantité" : "le nombre"} écrit${f.colonne === "quantite" ? "e" : ""} en ` +
          `texte en ${f.cellule} « ${f.texte} » (lu${f.colonne === "quantite" ? "e" : ""} ${decimalFr(f.valeur)}` +
          `${f.unite ? `, unité « ${f.unite} »` : ""})`,
      );
      const calcul = [l.quantite, l.nombre]
        .filter((x): x is string => x !== undefined)
        .map(decimalFr)
        .concat(formatMontantFr(montantLigne(1, 1, l.taux)))
        .join(" × ");
      return {
        regle: "quantite-texte",
        gravite: "alerte" as const,
        message:
          `${l.cellule} ${cite(l.libelle)} : montant vide, calculé avec ${lus.join(" et ")} : ${calcul} = ` +
          `${eur(l.montant)}, compté dans le devis. Vérifiez cette valeur ; saisissez-la comme nombre (l'unité à ` +
          `part) ou écrivez le montant, puis relancez.`,
        cellule: l.cellule,
      };
    });
  },
};
