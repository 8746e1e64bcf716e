import type { WorkbookPort } from "../../core/port/workbook";

/** Workbook-level commands every page may use. */
export const commandesClasseur = {
  /** The user's sheets (Prodbook's own sheets apart), for the « source sheet » pickers. */
  async listerFeuilles(
    wb: WorkbookPort,
    _args: Record<string, never>,
  ): Promise<{ feuilles: string[]; prodbook: string[] }> {
    const [toutes, prodbook] = await Promise.all([wb.listSheets(), wb.feuillesProdbook()]);
    const aNous = new Set(prodbook.map((n) => n.toLowerCase()));
    return { feuilles: toutes.filter((n) => !aNous.has(n.toLowerCase()) && n !== "_prodbook"), prodbook };
  },

  /** Selects a finding's cell ("Feuille!B12"). */
  async selectionnerCellule(wb: WorkbookPort, args: { cellule: string }): Promise<void> {
    if (wb.selectCell) await wb.selectCell(args.cellule);
  },
};
