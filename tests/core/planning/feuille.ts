import type { CellData, SheetData } from "../../../src/core/port/workbook";

/** A SheetData from plain rows (tests only). */
export function feuille(name: string, rows: (string | number | boolean | null)[][]): SheetData {
  const w = Math.max(...rows.map((r) => r.length));
  return {
    name,
    merges: [],
    rows: rows.map((r) => Array.from({ length: w }, (_, i): CellData => ({ v: r[i] ?? null }))),
  };
}
