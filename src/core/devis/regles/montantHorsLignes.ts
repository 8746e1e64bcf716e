import type { Regle } from "../../controles/constat";
import { ZERO } from "../../money/cents";
import type { MontantHorsLignes } from "../model";
import { cite, ContexteDevis, eur } from "./contexte";
import { attenduEnMots } from "../recapitulatif";
import { valeurEnMots } from "../natureChiffre";

const MOTIFS: Record<MontantHorsLignes["motif"], string> = {
  derive: "calculé à partir du total (TVA, TTC, coût par minute…), ce n'est ni une ligne ni un total de lignes",
  recapitulatif: "répète un montant dans un récapitulatif, il est déjà compté par les lignes détaillées",
  rappel: "rappelle un chapitre sous le total du devis, ses lignes sont comptées au-dessus",
  report: "reporte d'une page à l'autre la somme des lignes au-dessus (somme au centime), déjà comptées",
  page: "totalise les lignes de sa page (somme au centime), déjà comptées",
  detail: "détaille la ligne au-dessus, déjà comptée",
  auDessus: "est écrit au-dessus de la ligne d'en-tête du devis, hors de ses lignes",
  sousEntete: "est écrit dans le récapitulatif placé sous la ligne d'en-tête, hors de sa colonne des montants",
  aCote: "est écrit dans le récapitulatif placé à côté du tableau, hors de sa colonne des montants",
};

const sansFeuille = (cellule: string) => cellule.replace(/^.*!/, "");
/** Why it is not counted; above a table stacked lower, that table's header named by its cell. */
const motif = (h: MontantHorsLignes) =>
  h.entete ? MOTIFS[h.motif].replace("du devis", `du tableau en ${sansFeuille(h.entete)}`) : MOTIFS[h.motif];

/** A recap's figure or a chapter repeated under the total that the devis's lines do not make. */
const MOTIFS_ECART = {
  recapitulatif: "répète un montant dans un récapitulatif",
  rappel: "rappelle un chapitre sous le total du devis",
} as const;

/** Amounts of the amount column that are neither lines nor totals: named, so that nothing read goes unsaid. */
export const montantHorsLignes: Regle<ContexteDevis> = {
  id: "montant-hors-lignes",
  description: "Chaque montant lu qui n'est ni une ligne ni un total prouvé est nommé avec sa cellule.",
  verifier({ devis }) {
    // A figure above a header whose unit proves it no amount (« Durée | 90 | min »): named as a number, never in euros.
    const nombres = (devis.nombresHorsLignes ?? []).map((x) => ({
      regle: "montant-hors-lignes",
      gravite: "info" as const,
      message:
        `${x.cellule} ${cite(x.libelle)} : ${valeurEnMots(x)} est écrit au-dessus de la ligne d'en-tête ` +
        `${x.entete ? `du tableau en ${sansFeuille(x.entete)}` : "du devis"} ; ` +
        `${x.nature === "date" ? "c'est une date" : "c'est un nombre"}, pas un montant : il n'est ni lu en euros ni ` +
        `compté dans le devis.`,
      cellule: x.cellule,
    }));
    return [...nombres, ...montants(devis.horsLignes ?? [])];
  },
};

/** The amounts apart from the lines, each with why it is not counted (and both amounts when it differs). */
function montants(horsLignes: readonly MontantHorsLignes[]) {
  return horsLignes.map((h) =>
    h.motif === "detail" && h.detailDe
      ? {
          regle: "montant-hors-lignes",
          gravite: h.detailDe.depasse ? ("alerte" as const) : ("info" as const),
          message:
            `${h.cellule} ${cite(h.libelle)} : ${eur(h.montant)} n'est pas compté dans le devis ; ce montant ` +
            `détaille la ligne au-dessus (${h.detailDe.cellule} ${cite(h.detailDe.libelle)}, ` +
            `${eur(h.detailDe.montant)}), déjà comptée.` +
            (h.detailDe.depasse
              ? " Ses « dont » dépassent cette ligne : vérifiez son montant, ou saisissez ce détail comme une ligne s'il en est une."
              : ""),
          cellule: h.cellule,
        }
      : h.motif === "page" && !h.prouve
        ? {
            regle: "report-non-prouve",
            gravite: "alerte" as const,
            message:
              `${h.cellule} ${cite(h.libelle)} : ${eur(h.montant)} n'est pas compté dans le devis. Ce total de page ne ` +
              `vaut ni la somme des lignes de sa page (${eur(h.sommePage ?? ZERO)}) ni celle des lignes ` +
              `au-dessus (${eur(h.cumul ?? ZERO)}) : une ligne manque ou est en trop, ou le total est faux ; ` +
              `corrigez-le, ou saisissez ce montant comme une ligne s'il en est une.`,
            cellule: h.cellule,
          }
        : h.motif === "report" && !h.prouve
          ? {
              regle: "report-non-prouve",
              gravite: "alerte" as const,
              message:
                `${h.cellule} ${cite(h.libelle)} : ${eur(h.montant)} n'est pas compté dans le devis. Ce report ne vaut ` +
                `ni la somme des lignes au-dessus (${eur(h.cumul ?? ZERO)}) ni le report qui le précède : une ` +
                `ligne manque ou est en trop d'une page à l'autre, ou le report est faux ; corrigez-le, ou saisissez ce ` +
                `montant comme une ligne s'il en est une.`,
              cellule: h.cellule,
            }
          : h.ecart && !h.prouve
            ? {
                regle: "montant-hors-lignes",
                gravite: "alerte" as const,
                message:
                  `${h.cellule} ${cite(h.libelle)} : ${eur(h.montant)} n'est pas compté dans le devis ; ce montant ` +
                  `${MOTIFS_ECART[h.motif === "rappel" ? "rappel" : "recapitulatif"]}, mais il diffère du devis : ` +
                  // A sous-chapitre: the sum of its chapter's sous-chapitres is what differs, said with it.
                  (h.ecart.libelle === h.libelle && h.ecart.montant === h.montant
                    ? attenduEnMots(h.ecart)
                    : `« ${h.ecart.libelle} » : ${eur(h.ecart.montant)}, ${attenduEnMots(h.ecart)}`) +
                  `. Vérifiez cette cellule : ce sont les lignes du devis qui sont comptées.`,
                cellule: h.cellule,
              }
            : {
                regle: "montant-hors-lignes",
                gravite: "info" as const,
                message:
                  `${h.cellule} ${cite(h.libelle)} : ${eur(h.montant)} n'est pas compté dans le devis ; ` +
                  `ce montant ${motif(h)}` +
                  (h.motif === "rappel" && h.prouve
                    ? " (somme au centime des lignes de ce chapitre)."
                    : h.motif === "recapitulatif" && h.prouve
                      ? " (égal, au centime, à la somme des lignes qu'il reprend)."
                      : h.motif === "auDessus" && h.prouve
                        ? ", et il est égal, au centime, au total du devis, déjà compté par ses lignes."
                        : h.motif === "auDessus" || h.motif === "sousEntete" || h.motif === "aCote"
                          ? " : ce n'est ni une ligne ni un total prouvé. Vérifiez cette cellule : si c'est une ligne " +
                            "du devis, placez-la sous l'en-tête, avec les autres."
                          : "."),
                cellule: h.cellule,
              },
  );
}
