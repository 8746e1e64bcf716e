import type { Regle } from "../../controles/constat";
import type { MontantHorsLignes } from "../model";
import { cite, ContexteDevis, eur } from "./contexte";

const MOTIFS: Record<MontantHorsLignes["motif"], string> = {
  derive: "calculé à partir du total (TVA, TTC, coût par minute…), ce n'est ni une ligne ni un total de lignes",
  recapitulatif: "répète un montant dans un récapitulatif, il est déjà compté par les lignes détaillées",
  rappel: "rappelle un chapitre sous le total du devis, ses lignes sont comptées au-dessus",
};

/** Amounts of the amount column that are neither lines nor totals: named, so that nothing read goes unsaid. */
export const montantHorsLignes: Regle<ContexteDevis> = {
  id: "montant-hors-lignes",
  description: "Chaque montant lu qui n'est ni une ligne ni un total prouvé est nommé avec sa cellule.",
  verifier({ devis }) {
    return (devis.horsLignes ?? []).map((h) => ({
      regle: "montant-hors-lignes",
      gravite: "info" as const,
      message: `${h.cellule} ${cite(h.libelle)} : ${eur(h.montant)} n'est pas compté dans le devis ; ce montant ${MOTIFS[h.motif]}.`,
      cellule: h.cellule,
    }));
  },
};
