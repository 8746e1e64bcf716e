import type { SheetData, WorkbookPort } from "../core/port/workbook";

/**
 * The workbook as one use case sees it: each sheet read once. The duration taken from the workbook
 * (`avecDureeDuClasseur`) and the devis found afterwards read the same sheets; through this port the second reading
 * is the first one's. A write forgets every reading (the sheets it replaces are read anew). Reads with options (an
 * adapter may then read less) are not kept.
 */
export function memoriserLectures(wb: WorkbookPort): WorkbookPort {
  const lues = new Map<string, Promise<SheetData | undefined>>();
  // The sheet list too: every use case and its shared readers (duration, Paramètres, plan de travail) ask for it.
  let feuilles: Promise<string[]> | undefined;
  return {
    listSheets: () => {
      if (!feuilles) {
        const liste = wb.listSheets();
        feuilles = liste;
        liste.catch(() => (feuilles = undefined));
      }
      // A copy each time: a caller that sorts or filters its list in place does not change the next one's.
      return feuilles.then((l) => [...l]);
    },
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
      feuilles = undefined;
      return wb.writeSheets(specs, onProgress);
    },
    ...(wb.selectCell ? { selectCell: (ref: string) => wb.selectCell!(ref) } : {}),
    ...(wb.lireReglage ? { lireReglage: (cle: string) => wb.lireReglage!(cle) } : {}),
    ...(wb.ecrireReglage ? { ecrireReglage: (cle: string, v: string) => wb.ecrireReglage!(cle, v) } : {}),
  };
}
