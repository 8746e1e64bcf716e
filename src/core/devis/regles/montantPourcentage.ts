import type { Regle } from "../../controles/constat";
import { formatMontantFr } from "../../money/format";
import { pourcentageAffiche } from "../../port/devises";
import type { ContexteDevis } from "./contexte";
import { pourcentFr } from "./montantIllisible";

/**
 * A line below the total (frais généraux, imprévus…) whose amount cell holds a percentage (0,1 shown « 10 % »): read
 * as the line's rate on the coût hors frais, never as 0,10 €, and said; an alert when the label says another rate, or one
 * not read (« 1.500 % » none of whose readings is the cell's, a range « 5-10 % »).
 */
export const montantPourcentage: Regle<ContexteDevis> = {
  id: "montant-pourcentage",
  description:
    "Un pourcentage dans la colonne des montants d'une ligne de frais généraux ou d'imprévus est lu comme son taux " +
    "sur le coût hors frais, jamais comme un montant en euros, et c'est dit ; une remise en pourcentage sans " +
    "montant (« Remise -10 % ») est nommée, jamais calculée.",
  verifier({ devis }) {
    const remises = (devis.remisesSansMontant ?? []).map((r) => ({
      regle: "montant-pourcentage",
      gravite: "alerte" as const,
      message:
        `${r.cellule} « ${r.libelle} » : une remise de ${pourcentageAffiche(Number(r.pourcentage))} sans montant n'est ` +
        `ni calculée ni comptée (rien ne dit sur quoi elle porte) ; le total du devis ne la déduit pas. Saisissez son ` +
        `montant (négatif) dans la colonne des montants, puis relancez.`,
      cellule: r.cellule,
    }));
    return [...remises, ...pourcentagesLus(devis)];
  },
};

function pourcentagesLus(devis: ContexteDevis["devis"]) {
  return (devis.pourcentagesMontant ?? []).map((p) => {
    const ligne = devis.lignes.find((l) => l.id === p.ligne);
    const pct = pourcentageAffiche(Number(p.pourcentage));
    const calcul = ligne
      ? ` : ${pct} du coût hors frais (${formatMontantFr(devis.totalHorsFrais)}), soit ${formatMontantFr(ligne.montant)}`
      : "";
    const nonLu = p.pourcentageLibelleNonLu;
    const dit = p.pourcentageLibelle
      ? pourcentageAffiche(Number(p.pourcentageLibelle))
      : nonLu
        ? `« ${nonLu.texte} »` +
          (nonLu.lectures
            ? `, qui peut se lire ${pourcentFr(nonLu.lectures.decimale)} ou ` + pourcentFr(nonLu.lectures.milliers)
            : nonLu.fourchette
              ? ", une fourchette"
              : ", qui n'est pas un pourcentage lisible")
        : undefined;
    const libelle = dit
      ? ` Le libellé dit ${dit} : c'est le taux de la cellule qui est lu ; corrigez celui des deux qui est faux.`
      : "";
    return {
      regle: "montant-pourcentage",
      gravite: dit ? ("alerte" as const) : ("info" as const),
      message:
        `${p.cellule} « ${p.libelle} » : « ${pct} » dans la colonne des montants est lu comme le taux de la ligne, ` +
        `pas comme un montant${calcul}.${libelle}`,
      cellule: p.cellule,
    };
  });
}
