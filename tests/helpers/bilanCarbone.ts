import type ExcelJS from "exceljs";

/** The row of the « Bilan carbone » sheet whose column A holds the activity id `id` (a test fails if it is absent). */
export function ligneDe(ws: ExcelJS.Worksheet, id: string): number {
  let n = 0;
  ws.eachRow((row, i) => {
    if (row.getCell(1).value === id) n = i;
  });
  if (!n) throw new Error(`ligne ${id} absente`);
  return n;
}
