import type { SheetData, WorkbookPort } from "../core/port/workbook";

/**
 * The workbook as one use case sees it: each sheet read once. The duration taken from the workbook
 * (`avecDureeDuClasseur`) and the devis found afterwards read the same sheets; through this port the second reading
 * is the first one's. A write forgets every reading (the sheets it replaces are read anew). Reads with options (an
 * adapter may then read less) are not kept.
 */
export function memoriserLectures(wb: WorkbookPort): WorkbookPort {
  const lues = new Map<string, Promise<SheetData | undefined>>();
  return {
    listSheets: () => wb.listSheets(),
    readSheet: (name, options) => {
      if (options) return wb.readSheet(name, options);
      let lue = lues.get(name);
      if (!lue) {
        lue = wb.readSheet(name);
        lues.set(name, lue);
        // A failed reading is not kept: the next one asks the workbook again (and fails the same way, with its message).
        lue.catch(() => lues.delete(name));
      }
      return lue;
    },
    feuillesProdbook: () => wb.feuillesProdbook(),
    writeSheets: (specs, onProgress) => {
      lues.clear();
      return wb.writeSheets(specs, onProgress);
    },
    ...(wb.selectCell ? { selectCell: (ref: string) => wb.selectCell!(ref) } : {}),
    ...(wb.lireReglage ? { lireReglage: (cle: string) => wb.lireReglage!(cle) } : {}),
    ...(wb.ecrireReglage ? { ecrireReglage: (cle: string, v: string) => wb.ecrireReglage!(cle, v) } : {}),
  };
}
