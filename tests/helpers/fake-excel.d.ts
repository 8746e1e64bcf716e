/** Types of the fake `Excel` global (tests/helpers/fake-excel.js). */
export interface FixtureExcel {
  sheets?: Record<
    string,
    (string | number | boolean | null | { f?: string; v?: string | number | boolean | null; fmt?: string })[][]
  >;
  hidden?: string[];
  /** Hidden columns per sheet, 0-based as in SheetData.colonnesMasquees. */
  colonnesMasquees?: Record<string, number[]>;
  /** Hidden rows per sheet, 0-based as in SheetData.lignesMasquees. */
  lignesMasquees?: Record<string, number[]>;
  /** Merged ranges per sheet ("A7:C7"), as in SheetData.merges. */
  merges?: Record<string, string[]>;
  active?: string;
  /** The workbook's saved document settings (Office.context.document.settings). */
  reglages?: Record<string, unknown>;
  /** Office.context.officeTheme in the browser (e.g. a dark theme). */
  theme?: {
    /** Recent hosts only; older ones give the colours alone. */
    isDarkTheme?: boolean;
    bodyBackgroundColor: string;
    bodyForegroundColor: string;
    controlBackgroundColor: string;
    controlForegroundColor: string;
  };
}
export interface SyncEnregistre {
  octets: number;
  reponse: number;
  ops: (string | { op: string; prop: string; feuille: string; r: number; c: number; h: number; w: number })[];
}
export interface FeuilleFausse {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  valeurs: (string | number | boolean | null)[][];
  formules: (string | null)[][];
  formats: (string | null)[][];
  tables: { name: string; range: string; hasHeaders: boolean; style: string; showTotals: boolean }[];
  validations: {
    range: string;
    rule?: { list?: { source: string; inCellDropDown?: boolean } };
    prompt?: { message: string };
    errorAlert?: { style: string };
  }[];
  conditionalFormats: {
    range: string;
    type: string;
    formula: string | null;
    fill: string | null;
    fontColor: string | null;
    bold: boolean | null;
  }[];
  charts: {
    type: string;
    source: string;
    title: string;
    series: { name: string; values: string | null; categories: string | null }[];
    position?: { debut: string; fin?: string };
  }[];
  merges: string[];
  freeze: { rows: number; columns: number } | null;
  pageLayout: Record<string, unknown>;
  largeurs: Record<string, number>;
  mises: Record<string, Record<string, unknown>>;
  /** Notes by cell address (Worksheet.notes, ExcelApi 1.18). */
  notes: Record<string, string>;
  colonnesMasquees: number[];
  lignesMasquees: number[];
}
export interface EtatExcel {
  feuilles: FeuilleFausse[];
  /** One entry per sync(), the implicit one at the end of run() included: its length counts the round trips. */
  syncs: SyncEnregistre[];
  selection: string | null;
  active: string | null;
  calculsSuspendus: number;
  /** Document settings as last saved (saveAsync). */
  reglages: Record<string, unknown>;
}
export interface FauxExcel {
  run<T>(cb: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  __etat(): EtatExcel;
  __charger(f: FixtureExcel): void;
  /** The next sync fails with this Office error code (a RichApi.Error, as Excel throws it). */
  __echouerAuProchainSync(code: string, message: string): void;
  /** Gives a sheet's formulas the values a calculating application computed; returns how many. */
  __calculer(
    nom: string,
    resultats: Record<string, { f: string; v: string | number | boolean | { erreur: string } }>,
  ): number;
  __reglages: {
    get(k: string): unknown;
    set(k: string, v: unknown): void;
    remove(k: string): void;
    saveAsync(cb?: unknown): void;
  };
}
export function creerFauxExcel(fixture?: FixtureExcel): FauxExcel;
