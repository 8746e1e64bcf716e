import * as path from "path";
import type { SheetData, SheetSpec, WorkbookPort } from "../../src/core/port/workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { MemoryWorkbook } from "./memoryWorkbook";

const RACINE = path.join(__dirname, "../..");

/**
 * A workbook made of the user's sheets of several .xlsx files (read by the xlsx adapter: formats, dates as ISO
 * text), Prodbook's own sheets written in memory (`ecrit`). The browser tests' classeurProduction() as a port.
 */
export class ClasseurLu implements WorkbookPort {
  readonly ecrit = new MemoryWorkbook();
  constructor(private readonly utilisateur: SheetData[]) {}
  static async depuis(...fichiers: string[]): Promise<ClasseurLu> {
    const out: SheetData[] = [];
    for (const f of fichiers) {
      const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, f));
      for (const n of await wb.listSheets()) out.push((await wb.readSheet(n)) as SheetData);
    }
    return new ClasseurLu(out);
  }
  async listSheets() {
    return [...this.utilisateur.map((s) => s.name), ...(await this.ecrit.listSheets())];
  }
  async readSheet(n: string) {
    return this.utilisateur.find((s) => s.name.toLowerCase() === n.toLowerCase()) ?? this.ecrit.readSheet(n);
  }
  feuillesProdbook() {
    return this.ecrit.feuillesProdbook();
  }
  writeSheets(specs: SheetSpec[], p?: (f: number, t: number) => void) {
    return this.ecrit.writeSheets(specs, p);
  }
}
