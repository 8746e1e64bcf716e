import { creditImpotClasseur, type OptionsClasseur } from "../../core/creditImpot/creditImpotClasseur";
import type { ResultatCreditImpot } from "../../core/creditImpot/modele";
import type { WorkbookPort } from "../../core/port/workbook";

export type OptionsCreditImpotPane = Omit<OptionsClasseur, "ecrire" | "surcharges">;

/** What the pane shows: the result without the line detail (the sheet has it). */
export type ApercuCreditImpot = Omit<ResultatCreditImpot, "lignes"> & { source: string; feuillesEcrites: string[] };

function apercu(r: Awaited<ReturnType<typeof creditImpotClasseur>>): ApercuCreditImpot {
  const { lignes: _lignes, ...reste } = r.resultat;
  return { ...reste, source: r.source, feuillesEcrites: r.feuillesEcrites };
}

/**
 * Tax-credit commands: « Calculer » reads only; « Créer la feuille » writes « Crédit d'impôt » (and the Paramètres
 * template on request).
 */
export const commandesCreditImpot = {
  async calculerCreditImpot(wb: WorkbookPort, args: OptionsCreditImpotPane): Promise<ApercuCreditImpot> {
    return apercu(await creditImpotClasseur(wb, { ...args, ecrire: false }));
  },
  async creerFeuilleCreditImpot(wb: WorkbookPort, args: OptionsCreditImpotPane): Promise<ApercuCreditImpot> {
    return apercu(await creditImpotClasseur(wb, { ...args, ecrire: true }));
  },
};
