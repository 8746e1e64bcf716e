import type { ChartSpec, SheetSpec } from "../core/port/workbook";
import { adresse, parseAdresse, parseCelluleRef } from "../core/util/adresse";
import { apiExcel } from "./run";
import { listeInline } from "../core/port/listes";
import { octetsJson } from "../core/port/blocs";

/** Excel JS widths are in points; SheetSpec widths are in characters, as in the xlsx file format. */
export const largeurPoints = (caracteres: number) => Math.round((caracteres * 7 + 5) * 0.75 * 100) / 100;

const ALIGNEMENT = { left: "Left", center: "Center", right: "Right" } as const;
const TYPE_GRAPHIQUE = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie", line: "LineMarkers" } as const;

function sansFeuille(a: string): string {
  return a.replace(/^.*!/, "").replace(/\$/g, "");
}

/** Range for a reference with or without sheet ("'Écarts'!$A$5:$A$17"), on `ws` when it has none. */
function plageRef(ctx: Excel.RequestContext, ws: Excel.Worksheet, ref: string): Excel.Range {
  const a = ref.replace(/^=/, "");
  const i = a.lastIndexOf("!");
  if (i < 0) return ws.getRange(sansFeuille(a));
  const { feuille } = parseCelluleRef(a.slice(0, i) + "!A1");
  return ctx.workbook.worksheets.getItem(feuille!).getRange(sansFeuille(a));
}

/** Range formats per request: each is a handful of calls; this keeps a request far below 5 MB. */
export const FORMATS_PAR_SYNC = 500;

/**
 * Notes per request, by size: a request carries at most this many bytes of notes (their estimated payload,
 * octetsNote), so that with what else it holds (at most FORMATS_PAR_SYNC formats) it stays under 2 MB. A note is a
 * few hundred characters (a line's écart: 600), a chapter's up to 3 000: a fixed count of notes bounds nothing.
 */
export const OCTETS_NOTES_PAR_SYNC = 1.5 * 1024 * 1024;
/** What a note's call costs in a request besides its text (the range's address, the method, the ids). */
const COUT_NOTE = 200;

/** The bytes a note adds to a request: its text as JSON in UTF-8 (octetsJson, as the value blocks count), its cell, COUT_NOTE. */
export function octetsNote(cell: string, texte: string): number {
  return COUT_NOTE + cell.length + octetsJson(texte);
}

/**
 * Queues everything but the cell values (formats, tables, validations, charts, notes when the host has ExcelApi 1.18…).
 * Syncs only between chunks of FORMATS_PAR_SYNC range formats or notes; the caller syncs the rest.
 */
export async function appliquerMiseEnForme(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  spec: SheetSpec,
): Promise<void> {
  (spec.columns ?? []).forEach((c, j) => {
    if (c.width !== undefined)
      ws.getRangeByIndexes(0, j, 1, 1).getEntireColumn().format.columnWidth = largeurPoints(c.width);
  });
  let n = 0;
  for (const f of spec.formats ?? []) {
    if (++n % FORMATS_PAR_SYNC === 0) await ctx.sync();
    const r = ws.getRange(sansFeuille(f.range));
    if (f.bold !== undefined) r.format.font.bold = f.bold;
    if (f.italic !== undefined) r.format.font.italic = f.italic;
    if (f.fontColor) r.format.font.color = f.fontColor;
    if (f.fill) r.format.fill.color = f.fill;
    if (f.wrap !== undefined) r.format.wrapText = f.wrap;
    if (f.align) r.format.horizontalAlignment = ALIGNEMENT[f.align];
    if (f.borderTop) {
      const b = r.format.borders.getItem("EdgeTop");
      b.style = "Continuous";
      b.weight = "Thin";
    }
  }
  for (const m of spec.merges ?? []) ws.getRange(sansFeuille(m)).merge(false);
  for (const t of spec.tables ?? []) {
    const [a, b] = sansFeuille(t.range).split(":");
    const fin = parseAdresse(b ?? a);
    // Office: the totals row stays just below the table (turning showTotals on could shift cells).
    const derniere = t.showTotals && fin.row > parseAdresse(a).row + 1 ? fin.row - 1 : fin.row;
    const table = ws.tables.add(`${a}:${adresse(derniere, fin.col)}`, true);
    table.name = t.name;
    table.style = t.style ?? "TableStyleMedium2";
  }
  if (apiExcel("1.8")) {
    for (const v of spec.validations ?? []) {
      const r = ws.getRange(sansFeuille(v.range));
      const source = Array.isArray(v.list) ? listeInline(v.list, v.range) : "=" + v.list.source.replace(/^=/, "");
      r.dataValidation.rule = { list: { inCellDropDown: true, source } };
      r.dataValidation.errorAlert = {
        showAlert: true,
        style: v.strict === false ? "Warning" : "Stop",
        title: "Prodbook",
        message: "Choisissez une valeur de la liste.",
      };
      if (v.prompt) r.dataValidation.prompt = { showPrompt: true, title: "Prodbook", message: v.prompt };
    }
  }
  if (apiExcel("1.6")) {
    for (const cf of spec.conditionalFormats ?? []) {
      const regle = ws.getRange(sansFeuille(cf.range)).conditionalFormats.add("Custom");
      regle.custom.rule.formula = "=" + cf.formula.replace(/^=/, "");
      if (cf.fill) regle.custom.format.fill.color = cf.fill;
      if (cf.fontColor) regle.custom.format.font.color = cf.fontColor;
      if (cf.bold) regle.custom.format.font.bold = true;
    }
  }
  if (apiExcel("1.7")) for (const c of spec.charts ?? []) ajouterGraphique(ctx, ws, c);
  if (spec.freeze) {
    const { rows, columns = 0 } = spec.freeze;
    if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (columns > 0) ws.freezePanes.freezeColumns(columns);
  }
  if (spec.tabColor) ws.tabColor = spec.tabColor;
  if (spec.notes?.length && apiExcel("1.18")) {
    // Synced by size (OCTETS_NOTES_PAR_SYNC): the 45 000 notes of a 5 000-line comparison are 15 MB of text.
    let octets = 0;
    for (const note of spec.notes) {
      // Read once: a note's text may be written when read (noteDifferee).
      const texte = note.text;
      const o = octetsNote(note.cell, texte);
      if (octets > 0 && octets + o > OCTETS_NOTES_PAR_SYNC) {
        await ctx.sync();
        octets = 0;
      }
      octets += o;
      // A note's content is plain text: « = Σ … » stays text.
      ws.notes.add(ws.getRange(sansFeuille(note.cell)), texte);
    }
  }
  if (spec.print && apiExcel("1.9")) {
    const p = spec.print;
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.orientation = p.landscape ? "Landscape" : "Portrait";
    if (p.repeatRows) ws.pageLayout.setPrintTitleRows(`$1:$${p.repeatRows}`);
    if (p.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
}

function ajouterGraphique(ctx: Excel.RequestContext, ws: Excel.Worksheet, c: ChartSpec): void {
  if (c.series.length === 0) return;
  // One series from the first values range: a row range is read by rows, a column range by columns.
  const [d, f] = sansFeuille(c.series[0].values).split(":");
  const enLigne =
    f !== undefined && parseAdresse(d).row === parseAdresse(f).row && parseAdresse(d).col !== parseAdresse(f).col;
  const graphique = ws.charts.add(
    TYPE_GRAPHIQUE[c.type],
    plageRef(ctx, ws, c.series[0].values),
    enLigne ? "Rows" : "Columns",
  );
  graphique.title.text = c.title;
  const categories = plageRef(ctx, ws, c.categories);
  c.series.forEach((s, i) => {
    const serie = i === 0 ? graphique.series.getItemAt(0) : graphique.series.add(s.name);
    if (i === 0) serie.name = s.name;
    else serie.setValues(plageRef(ctx, ws, s.values));
    serie.setXAxisValues(categories);
  });
  const a = parseAdresse(c.anchor);
  graphique.setPosition(
    adresse(a.row, a.col),
    adresse(a.row + (c.heightRows ?? 15) - 1, a.col + (c.widthCols ?? 8) - 1),
  );
}
