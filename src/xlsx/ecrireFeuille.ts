import type ExcelJS from "exceljs";
import type { CellSpec, RangeFormat, SheetSpec, TableSpec } from "../core/port/workbook";
import { adresse, parseAdresse } from "../core/util/adresse";
import type { TotauxTable } from "./graphiques";
import { listeInline } from "../core/port/listes";
import { FORMAT_DATE_DEFAUT } from "../core/port/dates";
import { ajouterValidation } from "./exceljsInterne";

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();

export function isoVersDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Date invalide « ${iso} » (AAAA-MM-JJ attendu)`);
  // UTC midnight: ExcelJS converts dates to serials in UTC.
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}

/** The ExcelJS value for a CellSpec; plain strings stay strings (ExcelJS never parses them as formulas). */
export function valeurExcelJS(c: CellSpec, ou: string): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  if (typeof c === "number") {
    if (!Number.isFinite(c)) throw new RangeError(`Valeur numérique invalide (${c}) pour la cellule ${ou}`);
    return c;
  }
  if (typeof c === "string" || typeof c === "boolean") return c;
  if ("formula" in c) {
    const formula = c.formula.replace(/^=/, "");
    return c.result === undefined
      ? ({ formula, date1904: false } as ExcelJS.CellFormulaValue)
      : ({ formula, result: c.result, date1904: false } as ExcelJS.CellFormulaValue);
  }
  return isoVersDate(c.date);
}

export interface Plage {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function parsePlage(a1: string): Plage {
  const [a, b] = a1.replace(/^.*!/, "").split(":");
  const p = parseAdresse(a);
  const q = b ? parseAdresse(b) : p;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/** ExcelJS's default column width, which it does not write as a column's own width. */
const LARGEUR_DEFAUT_EXCELJS = 9;

/**
 * Fills a fresh worksheet from its spec (everything except charts, which are added to the saved zip).
 * Returns the custom totals-row formulas of its tables, also completed in the zip.
 */
export function ecrireFeuille(ws: ExcelJS.Worksheet, spec: SheetSpec): TotauxTable[] {
  // ExcelJS leaves out a column whose width is its own default, 9: Excel would then show the sheet's default (8.43).
  // Such a sheet states 9 as its default width, so a column asked at 9 is 9 in Excel and LibreOffice.
  if (spec.columns?.some((c) => c?.width === LARGEUR_DEFAUT_EXCELJS))
    ws.properties.defaultColWidth = LARGEUR_DEFAUT_EXCELJS;
  (spec.columns ?? []).forEach((col, i) => {
    const c = ws.getColumn(i + 1);
    if (col.width !== undefined) c.width = col.width;
    if (col.numFmt) c.numFmt = col.numFmt;
  });
  spec.rows.forEach((row, r) => {
    if (!row || row.length === 0) return;
    const xr = ws.getRow(r + 1);
    row.forEach((c, col) => {
      if (c === null || c === undefined) return;
      const cell = xr.getCell(col + 1);
      cell.value = valeurExcelJS(c, adresse(r, col));
      if (typeof c === "object" && "date" in c && !spec.columns?.[col]?.numFmt) cell.numFmt = FORMAT_DATE_DEFAUT;
    });
  });
  for (const f of spec.formats ?? []) appliquerFormat(ws, f);
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  const totaux = (spec.tables ?? []).map((t) => ajouterTable(ws, t));
  for (const v of spec.validations ?? []) {
    const formulae = Array.isArray(v.list) ? [`"${listeInline(v.list, v.range)}"`] : [v.list.source.replace(/^=/, "")];
    const strict = v.strict !== false;
    const dv: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae,
      showErrorMessage: true,
      errorStyle: strict ? "stop" : "warning",
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    };
    ajouterValidation(ws, v.range, dv);
  }
  (spec.conditionalFormats ?? []).forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.fill)
      style.fill = {
        type: "pattern",
        pattern: "solid",
        bgColor: { argb: argb(cf.fill) },
        fgColor: { argb: argb(cf.fill) },
      };
    if (cf.fontColor || cf.bold)
      style.font = {
        ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}),
        ...(cf.bold ? { bold: true } : {}),
      };
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", priority: i + 1, formulae: [cf.formula.replace(/^=/, "")], style }],
    });
  });
  if (spec.freeze && (spec.freeze.rows > 0 || (spec.freeze.columns ?? 0) > 0)) {
    const x = spec.freeze.columns ?? 0,
      y = spec.freeze.rows;
    ws.views = [{ state: "frozen", xSplit: x, ySplit: y, topLeftCell: adresse(y, x) }];
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  if (spec.print) {
    const p = spec.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: p.landscape ? "landscape" : "portrait",
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(p.repeatRows ? { printTitlesRow: `1:${p.repeatRows}` } : {}),
    };
  }
  if (spec.hidden) ws.state = "hidden";
  // Notes are plain text (ExcelJS writes a string note as the comment's text run, never as a formula).
  for (const n of spec.notes ?? []) ws.getCell(n.cell).note = n.text;
  return totaux;
}

function chaqueCellule(ws: ExcelJS.Worksheet, a1: string, fn: (c: ExcelJS.Cell) => void): void {
  const p = parsePlage(a1);
  for (let r = p.r1; r <= p.r2; r++) {
    const row = ws.getRow(r + 1);
    for (let c = p.c1; c <= p.c2; c++) fn(row.getCell(c + 1));
  }
}

function appliquerFormat(ws: ExcelJS.Worksheet, f: RangeFormat): void {
  chaqueCellule(ws, f.range, (cell) => {
    if (f.numFmt) cell.numFmt = f.numFmt;
    if (f.bold !== undefined || f.italic !== undefined || f.fontColor) {
      cell.font = {
        ...cell.font,
        ...(f.bold !== undefined ? { bold: f.bold } : {}),
        ...(f.italic !== undefined ? { italic: f.italic } : {}),
        ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}),
      };
    }
    if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
    if (f.wrap !== undefined || f.align) {
      cell.alignment = {
        ...cell.alignment,
        ...(f.wrap !== undefined ? { wrapText: f.wrap } : {}),
        ...(f.align ? { horizontal: f.align } : {}),
      };
    }
    if (f.borderTop) cell.border = { ...cell.border, top: { style: "thin" } };
  });
}

function texteEntete(v: ExcelJS.CellValue, i: number): string {
  if (v === null || v === undefined || v === "") return `Colonne${i + 1}`;
  if (typeof v === "object" && "result" in v) return String(v.result ?? `Colonne${i + 1}`);
  return String(v instanceof Date ? v.toISOString().slice(0, 10) : v);
}

/** A real Excel table over cells already written: headers become unique texts, data cells are kept as is. */
function ajouterTable(ws: ExcelJS.Worksheet, t: TableSpec): TotauxTable {
  const p = parsePlage(t.range);
  const largeur = p.c2 - p.c1 + 1;
  const valeurs = (r: number) =>
    Array.from({ length: largeur }, (_, j) => ws.getRow(r + 1).getCell(p.c1 + j + 1).value);
  const noms: string[] = [];
  valeurs(p.r1).forEach((v, j) => {
    let n = texteEntete(v, j)
        .replace(/[\r\n]+/g, " ")
        .trim(),
      k = 2;
    const base = n;
    while (noms.some((x) => x.toLowerCase() === n.toLowerCase())) n = `${base}${k++}`;
    noms.push(n);
  });
  const derniereDonnee = t.showTotals ? p.r2 - 1 : p.r2;
  // The data cells are already written: empty row arrays give ExcelJS the table's size without
  // rewriting every cell. Excel needs at least one data row.
  const rows: ExcelJS.CellValue[][] = Array.from({ length: Math.max(1, derniereDonnee - p.r1) }, () => []);
  const totaux = t.showTotals ? valeurs(p.r2) : undefined;
  const columns: ExcelJS.TableColumnProperties[] = noms.map((name, j) => {
    const v = totaux?.[j];
    if (v && typeof v === "object" && "formula" in v)
      return { name, filterButton: true, totalsRowFunction: "custom", totalsRowFormula: v.formula };
    if (j === 0 && typeof v === "string") return { name, filterButton: true, totalsRowLabel: v };
    return { name, filterButton: true, totalsRowFunction: "none" };
  });
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: adresse(p.r1, p.c1),
    headerRow: true,
    totalsRow: !!t.showTotals,
    style: { theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows,
  });
  // The table rewrites its totals row; put back exactly what the spec asked for.
  if (totaux)
    totaux.forEach((v, j) => {
      ws.getRow(p.r2 + 1).getCell(p.c1 + j + 1).value = v;
    });
  const formules = new Map<number, string>();
  columns.forEach((c, j) => {
    if (c.totalsRowFormula) formules.set(j, c.totalsRowFormula);
  });
  return { table: t.name, formules };
}
