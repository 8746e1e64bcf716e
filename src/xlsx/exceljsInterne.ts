import type ExcelJS from "exceljs";

/**
 * The only module that touches ExcelJS's private fields, each because its public API has no equivalent.
 * ExcelJS's version is pinned exactly in package.json (EXCELJS_VERSION) and tests/xlsx/exceljsInterne.test.ts
 * checks every accessor below against that version: an upgrade that changes these shapes fails there.
 */
export const EXCELJS_VERSION = "4.4.0";

interface FeuilleInterne {
  /** Tab position: ExcelJS saves sheets sorted by it (no public setter; addWorksheet appends). */
  orderNo: number;
  /** Tables by name (public getTables() is typed wrongly as [Table, void][]). */
  tables?: Record<string, { table?: { style?: unknown } }>;
  /** Validations by range (the public cell.dataValidation expands a range to one entry per cell). */
  dataValidations: { add(plage: string, v: ExcelJS.DataValidation): void };
}

const interne = (ws: ExcelJS.Worksheet) => ws as unknown as FeuilleInterne;

/**
 * ExcelJS's Workbook class, required from its own module: the package's entry (lib/exceljs.nodejs.js) also loads
 * the streaming reader and writer (unzipper, archiver…), 40 % of the time ExcelJS takes to load, which Prodbook
 * never uses. Required on first use, so that commands that open no workbook (`prodbook fec`) do not pay for it.
 */
export function classeExcelJS(): typeof ExcelJS.Workbook {
  return require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
}

/** The sheet's tab position (ExcelJS's orderNo). */
export function positionOnglet(ws: ExcelJS.Worksheet): number {
  return interne(ws).orderNo;
}

/** Moves a sheet to a tab position taken from `positionOnglet` of the sheet it replaces. */
export function placerOnglet(ws: ExcelJS.Worksheet, position: number): void {
  interne(ws).orderNo = position;
}

/** Names of the sheet's Excel tables. */
export function nomsTables(ws: ExcelJS.Worksheet): string[] {
  return Object.keys(interne(ws).tables ?? {});
}

/** Tables read from other programs may lack a style (LibreOffice writes none): ExcelJS cannot save them so. */
export function completerStylesTables(ws: ExcelJS.Worksheet): void {
  for (const t of Object.values(interne(ws).tables ?? {})) if (t.table && !t.table.style) t.table.style = {};
}

/** One validation over a whole range, kept as one <dataValidation sqref> (not one per cell). */
export function ajouterValidation(ws: ExcelJS.Worksheet, plage: string, v: ExcelJS.DataValidation): void {
  interne(ws).dataValidations.add(plage, v);
}
