import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { creerFauxExcel, type FauxExcel, type FixtureExcel } from "./fake-excel";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import type { SheetData } from "../../src/core/port/workbook";

/**
 * What the tests of hidden columns and rows read inside Excel (tests/office) share: the same devis given to the fake
 * Excel and written by ExcelJS to a real .xlsx, a host with or without an ExcelApi set.
 */
export type Cellule = string | number | null | { f: string; v: number };

/** The fake Excel, installed as the `Excel` global for OfficeWorkbook. */
export function installerExcel(fx: FixtureExcel): FauxExcel {
  const excel = creerFauxExcel(fx);
  (globalThis as unknown as { Excel: FauxExcel }).Excel = excel;
  return excel;
}

/** The rows in the fake's fixture form (a formula starts with « = »). */
export const cellulesExcel = (rows: Cellule[][]) =>
  rows.map((l) => l.map((x) => (x !== null && typeof x === "object" ? { f: `=${x.f}`, v: x.v } : x)));

/** `rows` as sheet « Budget » of an .xlsx written by ExcelJS (`preparer` hides what it hides), read back. */
export async function lireXlsx(rows: Cellule[][], preparer: (ws: ExcelJS.Worksheet) => void): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  rows.forEach((l, r) =>
    l.forEach((x, c) => {
      if (x !== null) ws.getCell(r + 1, c + 1).value = typeof x === "object" ? { formula: x.f, result: x.v } : x;
    }),
  );
  preparer(ws);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-masquage-"));
  try {
    const fichier = path.join(dir, "budget.xlsx");
    await wb.xlsx.writeFile(fichier);
    return (await (await XlsxWorkbook.ouvrir(fichier)).readSheet("Budget"))!;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Office.context.requirements of a host answering `supporte` (apiExcel reads it on each call); undone after each test. */
export function hote(supporte: (version: string) => boolean): void {
  (globalThis as { Office?: unknown }).Office = {
    context: { requirements: { isSetSupported: (_: string, v: string) => supporte(v) } },
  };
}
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});
