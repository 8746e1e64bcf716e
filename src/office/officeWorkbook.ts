import {
  chaqueLigne,
  type CellData,
  type CellSpec,
  type SheetData,
  type SheetSpec,
  type WorkbookPort,
} from "../core/port/workbook";
import {
  FEUILLE_REGISTRE,
  nomExistant,
  verifierTextesLigne,
  registreApres,
  verifierPossession,
  verifierTables,
} from "../core/port/possession";
import { ErreurDonnees } from "../core/erreurs";
import { decouperEnBlocs, octetsLigneJson, OCTETS_MAX_BLOC, type Bloc } from "../core/port/blocs";
import { parseCelluleRef, adresse } from "../core/util/adresse";
import { celluleLue, planEcriture, texteSur, type PlanEcriture } from "./cellules";
import { appliquerMiseEnForme } from "./miseEnForme";
import { ecrireReglageDocument, lireReglageDocument } from "./reglages";
import { apiExcel, excelRun } from "./run";

/** Cells read per request: values, formulas, formats and types of 20,000 cells stay well under 5 MB. */
export const CELLULES_PAR_LECTURE = 20000;

interface Preparee {
  spec: SheetSpec;
  plan: PlanEcriture;
  blocs: Bloc[];
}

/** WorkbookPort inside Excel (Office JS): block writes ≤ 2 MB with one sync per block. */
export class OfficeWorkbook implements WorkbookPort {
  constructor(private readonly octetsMax = OCTETS_MAX_BLOC) {}

  async listSheets(): Promise<string[]> {
    return excelRun(async (ctx) => (await nomsFeuilles(ctx)).filter((n) => n !== FEUILLE_REGISTRE));
  }

  async feuillesProdbook(): Promise<string[]> {
    return excelRun((ctx) => lireRegistre(ctx));
  }

  lireReglage(cle: string): Promise<string | undefined> {
    return lireReglageDocument(cle);
  }

  ecrireReglage(cle: string, valeur: string): Promise<void> {
    return ecrireReglageDocument(cle, valeur);
  }

  /**
   * One sheet in few requests (each a round trip, 100 to 300 ms on Excel on the web): the sheet, its visibility and
   * its used range in one; each block of at most CELLULES_PAR_LECTURE cells in one, the last one carrying the merged
   * areas and the first loads of hidden columns and rows; then only the rows of mixed ranges, if any (see Masquage).
   * A one-block sheet takes two requests, three with hidden rows among others.
   */
  async readSheet(name: string): Promise<SheetData | undefined> {
    if (name === FEUILLE_REGISTRE) return undefined;
    return excelRun(async (ctx) => {
      // getItem fails the request with ItemNotFound when there is no such sheet (the documented way: what a null
      // object's methods give is not), so the used range is asked for in the same request.
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.load("name,visibility");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      try {
        await ctx.sync();
      } catch (e) {
        if ((e as { code?: unknown }).code === "ItemNotFound") return undefined;
        throw e;
      }
      // A hidden sheet says so (the field only then, like colonnesMasquees).
      const etat = ws.visibility !== "Visible" ? { masquee: true } : {};
      if (used.isNullObject) return { name: ws.name, rows: [], merges: [], ...etat };
      const nLignes = used.rowIndex + used.rowCount,
        nCols = used.columnIndex + used.columnCount;
      const pas = Math.max(1, Math.floor(CELLULES_PAR_LECTURE / nCols));
      const masquage = new Masquage(ws, nLignes, nCols);
      let zones: Excel.RangeAreas | undefined;
      const rows: CellData[][] = [];
      for (let r = 0; r < used.rowIndex; r++) rows.push([]);
      for (let debut = used.rowIndex; debut < nLignes; debut += pas) {
        const n = Math.min(pas, nLignes - debut);
        const plage = ws.getRangeByIndexes(debut, 0, n, nCols);
        plage.load("values,formulas,numberFormat,valueTypes");
        const dernier = debut + n >= nLignes;
        // They depend on the used range only: the last block (the smallest) takes them, no request of their own.
        if (dernier) {
          zones = fusions(ws, nLignes, nCols);
          masquage.charger();
        }
        await ctx.sync();
        if (dernier) masquage.lire();
        for (let i = 0; i < n; i++) {
          rows.push(
            plage.values[i].map((v, j) =>
              celluleLue(v, plage.formulas[i][j], plage.numberFormat[i][j], plage.valueTypes[i][j]),
            ),
          );
        }
      }
      while (!masquage.fini) {
        masquage.charger();
        await ctx.sync();
        masquage.lire();
      }
      const lues = densifier(rows);
      const merges =
        !zones || zones.isNullObject
          ? []
          : zones.areas.items.map((a) => a.address.replace(/^.*!/, "").replace(/\$/g, ""));
      // Only the read columns and rows (the used range may hold a trailing empty one), as the xlsx reader.
      const largeur = lues[0]?.length ?? 0;
      const colonnesMasquees = masquage.colonnes.filter((c) => c < largeur);
      const lignesMasquees = masquage.lignes.filter((r) => r < lues.length).sort((a, b) => a - b);
      // Like the xlsx reader: each field only when a read column or row is hidden.
      return {
        name: ws.name,
        rows: lues,
        merges,
        ...(colonnesMasquees.length ? { colonnesMasquees } : {}),
        ...(lignesMasquees.length ? { lignesMasquees } : {}),
        ...etat,
      };
    });
  }

  async writeSheets(specs: SheetSpec[], onProgress?: (fait: number, total: number) => void): Promise<void> {
    const preparees = specs.map((spec) => this.preparer(spec));
    const total = preparees.reduce((s, p) => s + p.blocs.length, 0);
    let fait = 0;
    await excelRun(async (ctx) => {
      const existantes = (await nomsFeuilles(ctx)).filter((n) => n !== FEUILLE_REGISTRE);
      const prodbook = await lireRegistre(ctx);
      verifierPossession(specs, existantes, prodbook);
      // A table of the user's already holding a name Prodbook needs is said in French before anything is written: Excel
      // would refuse the name only when set, in its own words, the register and earlier sheets already written.
      verifierTables(specs, await tablesAilleurs(ctx, existantes, specs));
      // Register first: a write interrupted halfway still leaves sheets Prodbook may replace next time.
      await ecrireRegistre(ctx, registreApres(prodbook, specs));
      for (const p of preparees) {
        const ws = await feuillePropre(ctx, p.spec, nomExistant(p.spec.name, existantes));
        // Rows are built block by block: a million-line ledger never sits in memory as values.
        const lignes = chaqueLigne(p.spec);
        let i = 0;
        for (const b of p.blocs) {
          if (apiExcel("1.6")) ctx.workbook.application.suspendApiCalculationUntilNextSync();
          const valeurs: unknown[][] = [],
            formats: string[][] = [];
          for (let k = 0; k < b.lignes; k++) {
            const l = p.plan.ligne(lignes.next().value as CellSpec[] | undefined, i++);
            valeurs.push(l.valeurs);
            formats.push(l.formats);
          }
          const plage = ws.getRangeByIndexes(b.debut, 0, b.lignes, p.plan.largeur);
          if (p.plan.avecFormats) plage.numberFormat = formats;
          plage.formulas = valeurs;
          await ctx.sync();
          onProgress?.(++fait, total);
        }
        await appliquerMiseEnForme(ctx, ws, p.spec);
        if (p.spec.hidden) ws.visibility = "Hidden";
        await ctx.sync();
      }
    });
  }

  /** The blocks of one sheet, sized on the JSON actually sent (bulk rows are generated twice, never kept). */
  private preparer(spec: SheetSpec): Preparee {
    const plan = planEcriture(spec);
    const n = spec.rows.length + (spec.bulk?.count ?? 0);
    const octets = new Float64Array(n);
    let i = 0;
    for (const row of chaqueLigne(spec)) {
      if (i >= n) throw new Error(`Feuille « ${spec.name} » : plus de lignes que les ${n} annoncées.`);
      if (row && row.length > plan.largeur)
        throw new Error(
          `Feuille « ${spec.name} », ligne ${i + 1} : ${row.length} colonnes pour une largeur de ` +
            `${plan.largeur} (lignes et colonnes de la feuille).`,
        );
      // Generated rows (a Grand livre from a FEC) escape verifierSpecs: a text past a cell's limit is refused here, before
      // any write, naming its cell (Excel would refuse it halfway through the sheet).
      if (row && i >= spec.rows.length) verifierTextesLigne(spec.name, i, row);
      const l = plan.ligne(row, i);
      octets[i++] =
        octetsLigneJson(l.valeurs, plan.largeur) + (plan.avecFormats ? octetsLigneJson(l.formats, plan.largeur) : 0);
    }
    if (i !== n) throw new Error(`Feuille « ${spec.name} » : ${i} lignes au lieu des ${n} annoncées.`);
    return { spec, plan, blocs: decouperEnBlocs(n, (k) => octets[k], this.octetsMax) };
  }

  /**
   * Selects `ref` in Excel. Its sheet renamed or deleted since the page read it (ItemNotFound, said by Office in its own
   * words and language): refused in French, the sheet and the cell named.
   */
  async selectCell(ref: string): Promise<void> {
    const { feuille, row, col } = parseCelluleRef(ref);
    await excelRun(async (ctx) => {
      try {
        const ws = feuille ? ctx.workbook.worksheets.getItem(feuille) : ctx.workbook.worksheets.getActiveWorksheet();
        ws.activate();
        ws.getRange(adresse(row, col)).select();
        await ctx.sync();
      } catch (e) {
        if ((e as { code?: unknown }).code !== "ItemNotFound" || !feuille) throw e;
        throw new ErreurDonnees(
          `La feuille « ${feuille} » n'est plus dans le classeur (renommée ou supprimée) : la cellule ${ref} ne peut ` +
            "être sélectionnée. Relancez l'action de la page pour relire le classeur.",
        );
      }
    });
  }
}

async function nomsFeuilles(ctx: Excel.RequestContext): Promise<string[]> {
  const feuilles = ctx.workbook.worksheets;
  feuilles.load("items/name");
  await ctx.sync();
  return feuilles.items.map((w) => w.name);
}

/**
 * The names of the tables on the sheets `specs` do not rewrite (those of the sheets rewritten are deleted first), from
 * the sheet names already read: one sync.
 */
async function tablesAilleurs(ctx: Excel.RequestContext, existantes: string[], specs: SheetSpec[]): Promise<string[]> {
  const remplacees = new Set(specs.map((s) => s.name.toLowerCase()));
  const tables = existantes
    .filter((n) => !remplacees.has(n.toLowerCase()))
    .map((n) => ctx.workbook.worksheets.getItem(n).tables);
  if (!tables.length) return [];
  for (const t of tables) t.load("items/name");
  await ctx.sync();
  return tables.flatMap((t) => t.items.map((x) => x.name));
}

async function lireRegistre(ctx: Excel.RequestContext): Promise<string[]> {
  const reg = ctx.workbook.worksheets.getItemOrNullObject(FEUILLE_REGISTRE);
  await ctx.sync();
  if (reg.isNullObject) return [];
  const used = reg.getUsedRangeOrNullObject(true);
  used.load("values,columnIndex");
  await ctx.sync();
  if (used.isNullObject || used.columnIndex !== 0) return [];
  return used.values.map((r) => String(r[0] ?? "").trim()).filter((n) => n !== "");
}

async function ecrireRegistre(ctx: Excel.RequestContext, noms: string[]): Promise<void> {
  let reg = ctx.workbook.worksheets.getItemOrNullObject(FEUILLE_REGISTRE);
  await ctx.sync();
  if (reg.isNullObject) {
    reg = ctx.workbook.worksheets.add(FEUILLE_REGISTRE);
    reg.visibility = "VeryHidden";
  } else reg.getRange("A:A").clear("Contents");
  if (noms.length) reg.getRangeByIndexes(0, 0, noms.length, 1).values = noms.map((n) => [texteSur(n)]);
  await ctx.sync();
}

/**
 * Prodbook's sheet ready for writing: a new sheet at the end, or the existing one cleared in place
 * (same position, and formulas of the user's sheets that point to it keep working).
 */
async function feuillePropre(
  ctx: Excel.RequestContext,
  spec: SheetSpec,
  existante: string | undefined,
): Promise<Excel.Worksheet> {
  if (existante === undefined) {
    const ws = ctx.workbook.worksheets.add(spec.name);
    await ctx.sync();
    return ws;
  }
  const ws = ctx.workbook.worksheets.getItem(existante);
  ws.tables.load("items/name");
  ws.charts.load("items/name");
  // The previous run's notes go with its cells (clear() is not documented to remove them): none is stacked.
  const notes = apiExcel("1.18") ? ws.notes : undefined;
  // One boolean per note, not its text: a re-run over a 5 000-line devis's notes stays far under 2 MB per sync.
  notes?.load("items/visible");
  await ctx.sync();
  ws.tables.items.forEach((t) => t.delete());
  ws.charts.items.forEach((c) => c.delete());
  notes?.items.forEach((x) => x.delete());
  const tout = ws.getRange();
  if (apiExcel("1.6")) tout.conditionalFormats.clearAll();
  if (apiExcel("1.8")) tout.dataValidation.clear();
  tout.unmerge();
  tout.clear("All");
  // What clear() keeps: widths, heights and hidden rows or columns of the previous run.
  tout.format.useStandardWidth = true;
  tout.format.useStandardHeight = true;
  tout.rowHidden = false;
  tout.columnHidden = false;
  ws.freezePanes.unfreeze();
  if (existante !== spec.name) ws.name = spec.name;
  ws.visibility = "Visible";
  ws.tabColor = "";
  await ctx.sync();
  return ws;
}

/** The merged areas of the used range, queued for the next request (ExcelApi 1.13), or undefined. */
function fusions(ws: Excel.Worksheet, nLignes: number, nCols: number): Excel.RangeAreas | undefined {
  if (!apiExcel("1.13")) return undefined;
  const zones = ws.getRangeByIndexes(0, 0, nLignes, nCols).getMergedAreasOrNullObject();
  zones.load("areas/items/address");
  return zones;
}

/** Ranges whose hidden state one request loads: a few hundred bytes of request each, well under the 2 MB of a block. */
export const PLAGES_MASQUAGE_PAR_SYNC = 2000;
/** A range of mixed rows is split in this many parts for the next request. */
const PARTS_MASQUAGE = 16;

interface AVoir {
  colonne: boolean;
  debut: number;
  n: number;
}

/**
 * The hidden columns and rows of the used range (ExcelApi 1.2), loaded PLAGES_MASQUAGE_PAR_SYNC ranges at most per
 * request, whatever the layout: `charger()` queues the next ones, `lire()` reads them after the sync.
 * - Columns (a producer's helper columns): `columnHidden` of each, all in the first request for a sheet of up to
 *   2 000 columns.
 * - Rows (old lines, helper rows, a collapsed group, a filter): `rowHidden` of a range is true when all its rows are
 *   hidden, false when none, null when mixed. The rows as one range first (done for a sheet with no hidden row), then
 *   each mixed range split in 16 until every range is all hidden or all shown. A 5 000-row devis with a few hidden
 *   runs takes four or five requests of a few dozen ranges, never a load per row. A row of height 0 counts when
 *   Excel says it is hidden in `rowHidden`: heights are not read (`format.rowHeight` is null over rows of different
 *   heights, which would split nearly every range down to single rows).
 */
class Masquage {
  readonly colonnes: number[] = [];
  readonly lignes: number[] = [];
  private readonly aVoir: AVoir[] = [];
  private enCours: (AVoir & { plage: Excel.Range })[] = [];

  constructor(
    private readonly ws: Excel.Worksheet,
    nLignes: number,
    nCols: number,
  ) {
    if (!apiExcel("1.2")) return;
    for (let c = 0; c < nCols; c++) this.aVoir.push({ colonne: true, debut: c, n: 1 });
    if (nLignes > 0) this.aVoir.push({ colonne: false, debut: 0, n: nLignes });
  }

  /** Nothing queued nor left to load. */
  get fini(): boolean {
    return this.aVoir.length === 0 && this.enCours.length === 0;
  }

  /** Queues the next ranges (PLAGES_MASQUAGE_PAR_SYNC at most) for the next request. */
  charger(): void {
    this.enCours = this.aVoir.splice(0, PLAGES_MASQUAGE_PAR_SYNC).map((b) => ({
      ...b,
      plage: b.colonne
        ? this.ws.getRangeByIndexes(0, b.debut, 1, 1).load("columnHidden")
        : this.ws.getRangeByIndexes(b.debut, 0, b.n, 1).load("rowHidden"),
    }));
  }

  /** Reads what the request loaded; a mixed range of rows is split for a later one. */
  lire(): void {
    for (const { colonne, debut, n, plage } of this.enCours) {
      if (colonne) {
        if (plage.columnHidden) this.colonnes.push(debut);
        continue;
      }
      const cachee = plage.rowHidden as boolean | null;
      if (cachee === true) for (let r = debut; r < debut + n; r++) this.lignes.push(r);
      else if (cachee === null && n > 1) {
        const pas = Math.ceil(n / PARTS_MASQUAGE);
        for (let d = debut; d < debut + n; d += pas)
          this.aVoir.push({ colonne: false, debut: d, n: Math.min(pas, debut + n - d) });
      }
    }
    this.enCours = [];
  }
}

function densifier(rows: CellData[][]): CellData[][] {
  for (const r of rows) while (r.length && r[r.length - 1].v === null && !r[r.length - 1].f) r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const w = rows.reduce((m, r) => Math.max(m, r.length), 0);
  for (const r of rows) while (r.length < w) r.push({ v: null });
  return rows;
}
