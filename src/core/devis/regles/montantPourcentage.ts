import type { Constat, Regle } from "../../controles/constat";
import { cents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { pourcentageAffiche } from "../../port/devises";
import type { ContexteDevis } from "./contexte";
import type { Devis, PourcentageMontant } from "../model";
import { basePourcentage, estCout } from "../totaux";
import { pourcentFr, sommeDeTauxFr } from "./montantIllisible";

/**
 * A line below the total (frais généraux, imprévus…) whose amount cell holds a percentage (0,1 shown « 10 % »): read
 * as the line's rate on the coût hors frais, never as 0,10 €, and said; an alert when the label says another rate, or one
 * not read (« 1.500 % » none of whose readings is the cell's, a range « 5-10 % », a sum « 5 + 10 % » whose total is not
 * the cell's). Likewise a rate in the Taux column against the label's (alert naming both cells).
 */
export const montantPourcentage: Regle<ContexteDevis> = {
  id: "montant-pourcentage",
  description:
    "Un pourcentage dans la colonne des montants d'une ligne de frais généraux ou d'imprévus est lu comme son taux " +
    "sur le coût hors frais, jamais comme un montant en euros, et c'est dit ; une remise en pourcentage sans " +
    "montant (« Remise -10 % ») est nommée, jamais calculée ; un libellé qui dit un autre taux que la cellule (montant " +
    "ou colonne des taux), ou un taux non lu (fourchette, somme de taux), est signalé ; un taux qui ne donne pas le " +
    "montant saisi sur sa base (au centime) est signalé, le montant saisi compté.",
  verifier({ devis }) {
    return constatsPourcentages(devis);
  },
};

/**
 * The rule's findings on a devis as read: what `devis` and `valider` say, and what `credit-impot` repeats (its alerts
 * only, constatsTauxLibelles).
 */
function constatsPourcentages(devis: Devis): Constat[] {
  const remises = (devis.remisesSansMontant ?? []).map((r) => ({
    regle: "montant-pourcentage",
    gravite: "alerte" as const,
    message:
      `${r.cellule} « ${r.libelle} » : une remise de ${pourcentageAffiche(Number(r.pourcentage))} sans montant n'est ` +
      `ni calculée ni comptée (rien ne dit sur quoi elle porte) ; le total du devis ne la déduit pas. Saisissez son ` +
      `montant (négatif) dans la colonne des montants, puis relancez.`,
    cellule: r.cellule,
  }));
  return [...remises, ...pourcentagesLus(devis), ...pourcentagesTaux(devis), ...tauxContreMontant(devis)];
}

/**
 * For a command that computes on the devis without listing its findings (credit-impot): the rule's alerts, each with
 * its cell and the same words as `devis` says them — a rate read in the amount or Taux cell while the label says another
 * one or one not read (a range, a sum of rates, « 1.500 % »), a rebate in percent without its amount.
 */
export function constatsTauxLibelles(devis: Devis): Constat[] {
  return constatsPourcentages(devis).filter((c) => c.gravite === "alerte");
}

/** What a label says of its rate besides the cell's: another rate, or one not read (both readings, a range, a sum). */
function libelleDit(
  pourcentageLibelle: string | undefined,
  nonLu: PourcentageMontant["pourcentageLibelleNonLu"],
): string | undefined {
  if (pourcentageLibelle) return pourcentageAffiche(Number(pourcentageLibelle));
  if (!nonLu) return undefined;
  return (
    `« ${nonLu.texte} »` +
    (nonLu.lectures
      ? `, qui peut se lire ${pourcentFr(nonLu.lectures.decimale)} ou ` + pourcentFr(nonLu.lectures.milliers)
      : nonLu.fourchette
        ? ", une fourchette"
        : nonLu.somme
          ? `, ${sommeDeTauxFr(nonLu.somme)} et non un taux unique`
          : ", qui n'est pas un pourcentage lisible")
  );
}

/**
 * A line whose Taux column holds its rate while its label says another one, or one not read: both cells and both
 * readings named, the Taux cell's rate read (an alert: one of the two is wrong).
 */
function pourcentagesTaux(devis: Devis) {
  return (devis.pourcentagesTaux ?? []).map((p) => {
    const ligne = devis.lignes.find((l) => l.id === p.ligne);
    const pct = pourcentageAffiche(Number(p.pourcentage));
    const calcul =
      ligne?.montantCalcule && !ligne.taux
        ? ` : ${pct} du ${baseFr(devis, ligne)}, soit ${formatMontantFr(ligne.montant)}`
        : "";
    return {
      regle: "montant-pourcentage",
      gravite: "alerte" as const,
      message:
        `${p.cellule} « ${p.libelle} » : le taux « ${pct} » de la colonne des taux est lu comme le taux de la ` +
        `ligne${calcul}. Le libellé (${p.celluleLibelle}) dit ${libelleDit(p.pourcentageLibelle, p.pourcentageLibelleNonLu)} : ` +
        `c'est le taux de la cellule qui est lu ; corrigez celui des deux qui est faux.`,
      cellule: p.cellule,
    };
  });
}

function pourcentagesLus(devis: Devis) {
  return (devis.pourcentagesMontant ?? []).map((p) => {
    const ligne = devis.lignes.find((l) => l.id === p.ligne);
    const pct = pourcentageAffiche(Number(p.pourcentage));
    const calcul = ligne ? ` : ${pct} du ${baseFr(devis, ligne)}, soit ${formatMontantFr(ligne.montant)}` : "";
    const dit = libelleDit(p.pourcentageLibelle, p.pourcentageLibelleNonLu);
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

/** « coût hors frais (15 000,00 €) »: the base the line's rate was computed on (basePourcentage), never another. */
function baseFr(devis: Devis, ligne: Devis["lignes"][number]): string {
  const b = basePourcentage(devis.lignes, ligne);
  return `${b.nom} (${formatMontantFr(b.montant)})`;
}

/**
 * « Imprévus 7 % » with 1 000,00 € typed where 7 % of the coût hors frais gives 1 050,00 €: the amount typed is counted,
 * the rate's cell, the base, the computed and the typed amounts named (an alert: one of the two is wrong).
 */
function tauxContreMontant(devis: Devis): Constat[] {
  return (devis.tauxContreMontant ?? []).map((t) => {
    const pct = pourcentageAffiche(Number(t.pourcentage));
    const dit = t.dans === "taux" ? `le taux de la colonne des taux (${t.celluleTaux}) dit` : "le libellé dit";
    if (t.autreBase)
      return {
        regle: "montant-pourcentage",
        gravite: "info" as const,
        message:
          `${t.cellule} « ${t.libelle} » : le montant saisi, ${formatMontantFr(t.montant)}, est ${pct} du total ` +
          `« ${t.autreBase.libelle} » (${t.autreBase.cellule} : ${formatMontantFr(t.autreBase.montant)}), et non du ` +
          `${t.nomBase} lu (${formatMontantFr(t.base)}, dont ${pct} donnerait ${formatMontantFr(t.calcule)}) ; c'est ` +
          `le montant saisi qui est compté.`,
        cellule: t.cellule,
      };
    // A cost line of chapters 1 to 9 at a rate (a commission on one fee, an insurance on part of the cost): its base is
    // Prodbook's convention, not a rule of the devis; the difference is said (info) with the amount counted, never
    // alerted as if one of the two were wrong.
    const ligne = devis.lignes.find((l) => l.id === t.ligne);
    if (ligne && estCout(ligne))
      return {
        regle: "montant-pourcentage",
        gravite: "info" as const,
        message:
          `${t.cellule} « ${t.libelle} » : ${dit} ${pct} ; le montant saisi, ${formatMontantFr(t.montant)}, n'est pas ` +
          `${pct} du ${t.nomBase} (${formatMontantFr(t.base)}, soit ${formatMontantFr(t.calcule)}) : le taux porte ` +
          `sur une autre base (un cachet, une partie du coût ?). C'est le montant saisi qui est compté ; vérifiez la base ` +
          `du taux.`,
        cellule: t.cellule,
      };
    return {
      regle: "montant-pourcentage",
      gravite: "alerte" as const,
      message:
        `${t.cellule} « ${t.libelle} » : ${dit} ${pct} du ${t.nomBase} (${formatMontantFr(t.base)}), soit ` +
        `${formatMontantFr(t.calcule)} ; le montant saisi est ${formatMontantFr(t.montant)} (écart de ` +
        `${formatMontantFr(cents(t.montant - t.calcule))}). C'est le montant saisi qui est compté ; corrigez celui des deux ` +
        `qui est faux.`,
      cellule: t.cellule,
    };
  });
}
