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
  registreApres,
  verifierPossession,
  verifierTables,
} from "../core/port/possession";
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

  async readSheet(name: string): Promise<SheetData | undefined> {
    if (name === FEUILLE_REGISTRE) return undefined;
    return excelRun(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name,visibility");
      await ctx.sync();
      if (ws.isNullObject) return undefined;
      // A hidden sheet says so (the field only then, like colonnesMasquees).
      const etat = ws.visibility !== "Visible" ? { masquee: true } : {};
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      if (used.isNullObject) return { name: ws.name, rows: [], merges: [], ...etat };
      const nLignes = used.rowIndex + used.rowCount,
        nCols = used.columnIndex + used.columnCount;
      const pas = Math.max(1, Math.floor(CELLULES_PAR_LECTURE / nCols));
      const rows: CellData[][] = [];
      for (let r = 0; r < used.rowIndex; r++) rows.push([]);
      for (let debut = used.rowIndex; debut < nLignes; debut += pas) {
        const n = Math.min(pas, nLignes - debut);
        const plage = ws.getRangeByIndexes(debut, 0, n, nCols);
        plage.load("values,formulas,numberFormat,valueTypes");
        await ctx.sync();
        for (let i = 0; i < n; i++) {
          rows.push(
            plage.values[i].map((v, j) =>
              celluleLue(v, plage.formulas[i][j], plage.numberFormat[i][j], plage.valueTypes[i][j]),
            ),
          );
        }
      }
      const lues = densifier(rows);
      const merges = await fusions(ctx, ws, nLignes, nCols);
      const colonnesMasquees = await masquees(ctx, ws, lues[0]?.length ?? 0);
      const lignesMasquees = await lignesCachees(ctx, ws, lues.length);
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
      // Excel itself refuses a duplicate table name when it is set; check the names' form before writing.
      verifierTables(specs, []);
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
      const l = plan.ligne(row, i);
      octets[i++] =
        octetsLigneJson(l.valeurs, plan.largeur) + (plan.avecFormats ? octetsLigneJson(l.formats, plan.largeur) : 0);
    }
    if (i !== n) throw new Error(`Feuille « ${spec.name} » : ${i} lignes au lieu des ${n} annoncées.`);
    return { spec, plan, blocs: decouperEnBlocs(n, (k) => octets[k], this.octetsMax) };
  }

  async selectCell(ref: string): Promise<void> {
    const { feuille, row, col } = parseCelluleRef(ref);
    await excelRun(async (ctx) => {
      const ws = feuille ? ctx.workbook.worksheets.getItem(feuille) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.activate();
      ws.getRange(adresse(row, col)).select();
      await ctx.sync();
    });
  }
}

async function nomsFeuilles(ctx: Excel.RequestContext): Promise<string[]> {
  const feuilles = ctx.workbook.worksheets;
  feuilles.load("items/name");
  await ctx.sync();
  return feuilles.items.map((w) => w.name);
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
  notes?.load("items/content");
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

async function fusions(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  nLignes: number,
  nCols: number,
): Promise<string[]> {
  if (!apiExcel("1.13")) return [];
  const zones = ws.getRangeByIndexes(0, 0, nLignes, nCols).getMergedAreasOrNullObject();
  zones.load("areas/items/address");
  await ctx.sync();
  if (zones.isNullObject) return [];
  return zones.areas.items.map((a) => a.address.replace(/^.*!/, "").replace(/\$/g, ""));
}

/** The hidden columns among the first `nCols` (a producer's helper columns): one sync for all of them. */
async function masquees(ctx: Excel.RequestContext, ws: Excel.Worksheet, nCols: number): Promise<number[]> {
  if (nCols === 0 || !apiExcel("1.2")) return [];
  const colonnes = Array.from({ length: nCols }, (_, c) => ws.getRangeByIndexes(0, c, 1, 1).load("columnHidden"));
  await ctx.sync();
  return colonnes.flatMap((p, c) => (p.columnHidden ? [c] : []));
}

/** Ranges whose rowHidden one request loads: a few hundred bytes of request each, well under the 2 MB of a block. */
export const PLAGES_MASQUAGE_PAR_SYNC = 2000;
/** A range of mixed rows is split in this many parts for the next request. */
const PARTS_MASQUAGE = 16;

/**
 * The hidden rows among the first `nLignes` (old lines, helper rows, a collapsed group). `rowHidden` of a range is
 * true when all its rows are hidden, false when none, null when mixed: the read rows as one range first (one sync,
 * and done for a sheet with no hidden row), then each mixed range split in 16 until every range is all hidden or all
 * shown. A 5 000-row devis with a few hidden runs takes four or five syncs of a few dozen ranges, never a load per row;
 * at most PLAGES_MASQUAGE_PAR_SYNC ranges per sync, whatever the layout.
 */
async function lignesCachees(ctx: Excel.RequestContext, ws: Excel.Worksheet, nLignes: number): Promise<number[]> {
  if (nLignes === 0 || !apiExcel("1.2")) return [];
  const out: number[] = [];
  let aVoir = [{ debut: 0, n: nLignes }];
  while (aVoir.length) {
    const suivantes: { debut: number; n: number }[] = [];
    for (let i = 0; i < aVoir.length; i += PLAGES_MASQUAGE_PAR_SYNC) {
      const lot = aVoir
        .slice(i, i + PLAGES_MASQUAGE_PAR_SYNC)
        .map((b) => ({ ...b, plage: ws.getRangeByIndexes(b.debut, 0, b.n, 1).load("rowHidden") }));
      await ctx.sync();
      for (const { debut, n, plage } of lot) {
        const cachee = plage.rowHidden as boolean | null;
        if (cachee === true) for (let r = debut; r < debut + n; r++) out.push(r);
        else if (cachee === null && n > 1) {
          const pas = Math.ceil(n / PARTS_MASQUAGE);
          for (let d = debut; d < debut + n; d += pas) suivantes.push({ debut: d, n: Math.min(pas, debut + n - d) });
        }
      }
    }
    aVoir = suivantes;
  }
  return out.sort((a, b) => a - b);
}

function densifier(rows: CellData[][]): CellData[][] {
  for (const r of rows) while (r.length && r[r.length - 1].v === null && !r[r.length - 1].f) r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const w = rows.reduce((m, r) => Math.max(m, r.length), 0);
  for (const r of rows) while (r.length < w) r.push({ v: null });
  return rows;
}
