import {
  CLE_CONTEXTE_PRODUCTION,
  contexteInitial,
  detecterContexte,
  ecrireContexte,
  lireContexte,
  type ContexteDetecte,
  type ContexteProduction,
} from "../../core/production/contexte";
import type { SheetData, WorkbookPort } from "../../core/port/workbook";
import { estFeuilleParametres } from "../../core/regles/parametres";
import { commandesClasseur } from "./classeur";

export interface ProductionLue {
  /** What the pages start from: the saved context, completed by what was detected. */
  contexte: ContexteProduction;
  /** As saved in the workbook (empty the first time). */
  enregistre: ContexteProduction;
  detecte: ContexteDetecte;
  /** The user's sheets (Prodbook's own apart), in workbook order. */
  feuilles: string[];
  /** False where the workbook cannot keep settings (outside Office): the context then lives for the session. */
  enregistrable: boolean;
}

/** The production context shared by the pane's pages, saved in the workbook's document settings. */
export const commandesProduction = {
  async lireProduction(wb: WorkbookPort, _args: Record<string, never>): Promise<ProductionLue> {
    const { feuilles } = await commandesClasseur.listerFeuilles(wb, {});
    const lues: SheetData[] = [];
    for (const n of feuilles.filter((f) => !estFeuilleParametres(f))) {
      const s = await wb.readSheet(n);
      if (s) lues.push(s);
    }
    const detecte = detecterContexte(lues);
    const enregistre = lireContexte(wb.lireReglage ? await wb.lireReglage(CLE_CONTEXTE_PRODUCTION) : undefined);
    // A sheet renamed or deleted since: back to detection rather than a page that fails on its first click.
    if (enregistre.feuilleDevis && !feuilles.some((f) => f.toLowerCase() === enregistre.feuilleDevis!.toLowerCase()))
      delete enregistre.feuilleDevis;
    return {
      contexte: contexteInitial(enregistre, detecte),
      enregistre,
      detecte,
      feuilles,
      enregistrable: Boolean(wb.ecrireReglage),
    };
  },

  async enregistrerProduction(
    wb: WorkbookPort,
    args: { contexte: ContexteProduction },
  ): Promise<{ enregistre: boolean }> {
    if (!wb.ecrireReglage) return { enregistre: false };
    await wb.ecrireReglage(CLE_CONTEXTE_PRODUCTION, ecrireContexte(args.contexte));
    return { enregistre: true };
  },
};
