/**
 * The workbook port: the only way use cases touch a workbook. Two adapters implement it:
 * src/office (Excel.run, inside Excel) and src/xlsx (ExcelJS, for files and the CLI). Tests may use
 * tests/helpers/memoryWorkbook.ts.
 *
 * Reading gives plain values (formulas with their cached result). Writing is declarative: a use case
 * builds a complete SheetSpec for each of Prodbook's own sheets and the adapter replaces that sheet.
 * Adapters never modify a sheet Prodbook did not create (see `feuillesProdbook`).
 */

import { ErreurDonnees } from "../erreurs";

export type CellValue = string | number | boolean | null;

export interface CellData {
  /** The value as displayed/cached: number, text, boolean, or null when empty. Dates are ISO "YYYY-MM-DD" text. */
  v: CellValue;
  /** Formula text without the leading "=", when the cell holds a formula (v is then its cached result). */
  f?: string;
  /** The cell's Excel number format, when the adapter knows it (helps tell a date from a number). */
  fmt?: string;
  /** True when the cell shows an error (#REF!, #DIV/0!…); v then holds the error text. */
  erreur?: boolean;
}

export interface SheetData {
  name: string;
  /** rows[r][c], 0-based, dense up to the last used row/column; missing cells are { v: null }. */
  rows: CellData[][];
  /** Merged ranges, A1 style ("A1:F1"). */
  merges: string[];
  /** 0-based indices of hidden columns, when the adapter knows them (a producer's helper columns). */
  colonnesMasquees?: number[];
  /**
   * 0-based indices of hidden rows among `rows`, when the adapter knows them (old lines, helper rows, a row folded
   * in a collapsed group): present only when non-empty, like `colonnesMasquees`.
   */
  lignesMasquees?: number[];
  /** True when the sheet is hidden (or very hidden) in the workbook, when the adapter knows it. */
  masquee?: boolean;
}

/**
 * What a use case asks an adapter to write in one cell.
 * - a plain string is ALWAYS text, even "=SUM(A1)" or "+33…" (imported labels never become formulas);
 * - a number is a number (euros for money: centsToEuros at the edge);
 * - { formula } is a live Excel formula (English function names, comma separators, no leading "="),
 *   with an optional cached result so a file opened without recalculation still shows figures;
 * - { date } is a date cell (ISO date), shown with the column's date format.
 */
export type CellSpec =
  null | string | number | boolean | { formula: string; result?: number | string } | { date: string };

export interface RangeFormat {
  /** A1 range on the same sheet, e.g. "E2:E40". */
  range: string;
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** Thin border under the range (subtotal rows). */
  borderTop?: boolean;
}

export interface TableSpec {
  /** Unique in the workbook: "tblDevis". */
  name: string;
  /** Header row included, e.g. "A3:L40". */
  range: string;
  style?: string;
  showTotals?: boolean;
}

export interface ListValidation {
  range: string;
  /** Either the allowed values, or a formula range ("=Listes!$A$2:$A$20"). */
  list: string[] | { source: string };
  prompt?: string;
  /** When false the user may still type another value (warning only). Default true. */
  strict?: boolean;
}

export interface ConditionalFormat {
  range: string;
  /** A formula relative to the top-left cell of `range`, without "=" (e.g. "ABS($H4)>$B$1"). */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ChartSpec {
  type: "column" | "bar" | "pie" | "line";
  title: string;
  /** Category labels range, with sheet: "'Écarts'!$A$5:$A$17". */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left anchor cell on this sheet, and size in columns/rows. */
  anchor: string;
  widthCols?: number;
  heightRows?: number;
}

/**
 * Rows produced on demand, after `rows` (a ledger of a million lines): adapters stream them in blocks
 * instead of holding them all as cells. `rows()` may be called more than once and must give the same
 * rows each time. Only the columns' formats reach them (not `formats` or `merges`), and they may not be wider
 * than `rows` and `columns`.
 */
export interface BulkRows {
  count: number;
  rows(): Iterable<CellSpec[]>;
}

/**
 * An Excel note (the plain « note », not a threaded comment) on one cell: where a computed figure comes from, for a
 * reader without the add-in. Always plain text: a text starting with « = » is never a formula.
 */
export interface NoteSpec {
  /** A1 address on the same sheet, e.g. "H45". */
  cell: string;
  text: string;
}

export interface SheetSpec {
  name: string;
  /** rows[r][c] from A1. */
  rows: CellSpec[][];
  /** More rows after `rows`, generated while writing (see BulkRows). */
  bulk?: BulkRows;
  columns?: { width?: number; numFmt?: string }[];
  formats?: RangeFormat[];
  tables?: TableSpec[];
  validations?: ListValidation[];
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartSpec[];
  merges?: string[];
  /** Frozen rows (and columns) at the top-left. */
  freeze?: { rows: number; columns?: number };
  tabColor?: string;
  /** Landscape A4 print setup with repeated title rows (feuille de service, synthèse). */
  print?: { landscape?: boolean; repeatRows?: number; fitToWidth?: boolean };
  /** Hidden sheets (lists for validations). */
  hidden?: boolean;
  /**
   * Notes on computed cells (at most one per cell). They belong to the sheet: replacing it replaces its notes, so a
   * re-run never stacks them. An adapter whose host has no notes (Office before ExcelApi 1.18) writes none.
   */
  notes?: NoteSpec[];
}

/** What a reader of a sheet needs of it: an adapter may read less, or ignore this and read everything. */
export interface OptionsLecture {
  /**
   * Only the rows holding a cell in this 0-based column are needed (the comments of a « Comparaison »): the others
   * may come empty (`[]`).
   */
  lignesAvec?: number;
}

export interface WorkbookPort {
  /** Sheet names in workbook order, hidden ones included. */
  listSheets(): Promise<string[]>;
  /** undefined when the sheet does not exist. */
  readSheet(name: string, options?: OptionsLecture): Promise<SheetData | undefined>;
  /** Names of the sheets Prodbook created in this workbook (kept in a very hidden "_prodbook" sheet). */
  feuillesProdbook(): Promise<string[]>;
  /**
   * Creates or replaces each sheet. A sheet that exists and is not Prodbook's is never touched: the adapter
   * throws ConflitFeuilleError (use choisirNomFeuille first). Replacing keeps the sheet's position.
   * `onProgress` gets (blocks written, total blocks) for large writes.
   */
  writeSheets(specs: SheetSpec[], onProgress?: (fait: number, total: number) => void): Promise<void>;
  /** Brings a cell into view and selects it ("Feuille!B12"); a no-op for files. */
  selectCell?(ref: string): Promise<void>;
  /**
   * Document settings: small texts saved inside the workbook, invisible to the user (Office
   * `document.settings`), e.g. the pane's production context. Absent where the adapter has none.
   */
  lireReglage?(cle: string): Promise<string | undefined>;
  ecrireReglage?(cle: string, valeur: string): Promise<void>;
}

/** The sheets named that exist, read one after the other (a host reads one sheet at a time), in that order. */
export async function lireFeuilles(wb: WorkbookPort, noms: string[]): Promise<SheetData[]> {
  const out: SheetData[] = [];
  for (const n of noms) {
    const s = await wb.readSheet(n);
    if (s) out.push(s);
  }
  return out;
}

export class ConflitFeuilleError extends ErreurDonnees {
  constructor(public readonly feuille: string) {
    super(`La feuille « ${feuille} » appartient au classeur de l'utilisateur : Prodbook ne la modifie pas.`);
  }
}

/**
 * Name for one of Prodbook's sheets: the wished name, or "<name> (Prodbook)" when the user already has a sheet with it
 * ("<name> (Prodbook 2)" when they have that one too, a sheet copied from another workbook). The name is shortened
 * before its suffix to stay within Excel's 31 characters (« Plan de financemen (Prodbook 2) »): a longer one was
 * refused as an invalid name, an internal error for a workbook the user did nothing wrong with.
 */
export function choisirNomFeuille(souhait: string, existantes: string[], prodbook: string[]): string {
  const pris = (n: string) => existantes.some((e) => e.toLowerCase() === n.toLowerCase());
  const anous = (n: string) => prodbook.some((e) => e.toLowerCase() === n.toLowerCase());
  if (!pris(souhait) || anous(souhait)) return souhait;
  for (let i = 1; ; i++) {
    const suffixe = i === 1 ? " (Prodbook)" : ` (Prodbook ${i})`;
    const n = `${souhait.slice(0, LONGUEUR_MAX_NOM_FEUILLE - suffixe.length).trimEnd()}${suffixe}`;
    if (!pris(n) || anous(n)) return n;
  }
}

/** Rows of a sheet, `rows` then `bulk`, one at a time. */
export function* chaqueLigne(spec: SheetSpec): Generator<CellSpec[]> {
  yield* spec.rows;
  if (spec.bulk) yield* spec.bulk.rows();
}

/** Rows of a sheet, `rows` then `bulk`, materialised (small sheets and tests only). */
export function toutesLesLignes(spec: SheetSpec): CellSpec[][] {
  return spec.bulk ? [...chaqueLigne(spec)] : spec.rows;
}

/** `n` empty cells, to reach a column in a row of a `SheetSpec` (`[...cellulesVides(7), "Total", …]`). */
export function cellulesVides(n: number): null[] {
  return new Array<null>(n).fill(null);
}

/** What reading back a written cell gives (dates as ISO text, formulas with their cached result). */
export function celluleEcrite(c: CellSpec | undefined): CellData {
  if (c === null || c === undefined) return { v: null };
  if (typeof c !== "object") return { v: c };
  if ("formula" in c) return { v: c.result ?? null, f: c.formula.replace(/^=/, "") };
  return { v: c.date };
}

/** Rows in a worksheet, for Excel and LibreOffice alike. */
export const LIGNES_MAX_FEUILLE = 1048576;

/** Excel's sheet name limit. */
export const LONGUEUR_MAX_NOM_FEUILLE = 31;
