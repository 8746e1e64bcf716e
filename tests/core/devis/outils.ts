import ExcelJS from "exceljs";
import * as path from "path";
import { chargerXlsx, lireFeuille } from "../../../src/xlsx/read";
import type { SheetData } from "../../../src/core/port/workbook";

export type Cellule =
  | string
  | number
  | null
  | undefined
  | { formula: string; result?: number | string | { error: string } }
  | { n: number; fmt: string };

/** Writes rows into a real .xlsx (in memory) with ExcelJS, then reads the sheet back through the xlsx adapter. */
export async function feuilleXlsx(
  nom: string,
  rows: Cellule[][],
  opts: { merges?: string[] } = {},
): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(nom);
  remplir(ws, rows);
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const relu = await chargerXlsx(buf, `${nom}.xlsx`);
  return lireFeuille(relu.getWorksheet(nom) as ExcelJS.Worksheet);
}

export function remplir(ws: ExcelJS.Worksheet, rows: Cellule[][]): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (typeof v === "object" && "n" in v) {
        cell.value = v.n;
        cell.numFmt = v.fmt;
      } else cell.value = v as ExcelJS.CellValue;
    }),
  );
}

/** Writes `rows` into the sheet « Devis » of a real .xlsx file `dossier/nom` (columns `masquees` hidden); its path. */
export async function classeurDevis(dossier: string, nom: string, rows: Cellule[][], masquees: number[] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  remplir(ws, rows);
  for (const c of masquees) ws.getColumn(c).hidden = true;
  const f = path.join(dossier, nom);
  await wb.xlsx.writeFile(f);
  return f;
}
