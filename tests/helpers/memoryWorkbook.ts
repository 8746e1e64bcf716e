/**
 * In-memory WorkbookPort for unit tests of use cases: built from plain rows, applies the same ownership
 * rules as the real adapters, and keeps what was written (`ecrites`) for assertions.
 *
 *   const wb = new MemoryWorkbook({ "Budget": [["Code", "Libellé", "Montant"], ["2.1", "Réalisateur", { f: "B2*C2", v: 1200 }]] });
 *   await useCase(wb);
 *   wb.ecrites.get("Devis")  // the SheetSpec written
 *   await wb.readSheet("Devis") // its values, formula cells with their `result`
 */
import {
  celluleEcrite,
  toutesLesLignes,
  type CellData,
  type SheetData,
  type SheetSpec,
  type WorkbookPort,
} from "../../src/core/port/workbook";
import {
  FEUILLE_REGISTRE,
  nomExistant,
  registreApres,
  verifierPossession,
  verifierTables,
} from "../../src/core/port/possession";

export type CelluleMemoire =
  string | number | boolean | null | undefined | { f: string; v?: string | number | boolean | null };

export class MemoryWorkbook implements WorkbookPort {
  /** Sheet order (hidden ones included, not the registry). */
  private ordre: string[] = [];
  private donnees = new Map<string, SheetData>();
  private prodbook: string[] = [];
  /** Every SheetSpec written, by sheet name (the last write wins). */
  readonly ecrites = new Map<string, SheetSpec>();
  /** Number of writeSheets calls. */
  ecritures = 0;
  /** Cells passed to selectCell, in order. */
  readonly selections: string[] = [];

  constructor(feuilles: Record<string, CelluleMemoire[][]> = {}, opts: { prodbook?: string[] } = {}) {
    for (const [nom, rows] of Object.entries(feuilles)) {
      this.ordre.push(nom);
      this.donnees.set(nom, { name: nom, rows: densifier(rows.map((r) => r.map(celluleDepuis))), merges: [] });
    }
    this.prodbook = (opts.prodbook ?? []).slice();
  }

  async listSheets(): Promise<string[]> {
    return this.ordre.slice();
  }

  async readSheet(name: string): Promise<SheetData | undefined> {
    const n = nomExistant(name, this.ordre);
    const d = n === undefined ? undefined : this.donnees.get(n);
    return d && { name: d.name, rows: d.rows.map((r) => r.map((c) => ({ ...c }))), merges: d.merges.slice() };
  }

  async feuillesProdbook(): Promise<string[]> {
    return this.prodbook.slice();
  }

  async writeSheets(specs: SheetSpec[], onProgress?: (fait: number, total: number) => void): Promise<void> {
    verifierPossession(specs, this.ordre, this.prodbook);
    const remplacees = new Set(specs.map((s) => s.name.toLowerCase()));
    verifierTables(
      specs,
      [...this.ecrites.values()]
        .filter((s) => !remplacees.has(s.name.toLowerCase()))
        .flatMap((s) => (s.tables ?? []).map((t) => t.name)),
    );
    this.ecritures++;
    specs.forEach((s, i) => {
      const ancien = nomExistant(s.name, this.ordre);
      if (ancien !== undefined) {
        this.ordre[this.ordre.indexOf(ancien)] = s.name;
        this.donnees.delete(ancien);
        this.ecrites.delete(ancien);
      } else this.ordre.push(s.name);
      // Bulk rows are materialised here: tests read every written row from `ecrites`.
      const rows = toutesLesLignes(s);
      this.donnees.set(s.name, {
        name: s.name,
        rows: densifier(rows.map((r) => r.map(celluleEcrite))),
        merges: (s.merges ?? []).slice(),
      });
      this.ecrites.set(s.name, s.bulk ? { ...s, rows, bulk: undefined } : s);
      onProgress?.(i + 1, specs.length);
    });
    this.prodbook = registreApres(this.prodbook, specs);
  }

  async selectCell(ref: string): Promise<void> {
    this.selections.push(ref);
  }

  /** Document settings (saved in the file, as Office's document.settings). */
  readonly reglages = new Map<string, string>();

  async lireReglage(cle: string): Promise<string | undefined> {
    return this.reglages.get(cle);
  }

  async ecrireReglage(cle: string, valeur: string): Promise<void> {
    this.reglages.set(cle, valeur);
  }

  /** The registry as it would be stored in the very hidden sheet. */
  get registre(): { name: string; rows: string[] } {
    return { name: FEUILLE_REGISTRE, rows: this.prodbook.slice() };
  }
}

function celluleDepuis(c: CelluleMemoire): CellData {
  if (c === null || c === undefined) return { v: null };
  if (typeof c === "object") return { v: c.v ?? null, f: c.f.replace(/^=/, "") };
  return { v: c };
}

function densifier(rows: CellData[][]): CellData[][] {
  const out = rows.map((r) => r.slice());
  for (const r of out) while (r.length && r[r.length - 1].v === null && !r[r.length - 1].f) r.pop();
  while (out.length && out[out.length - 1].length === 0) out.pop();
  const w = out.reduce((m, r) => Math.max(m, r.length), 0);
  for (const r of out) while (r.length < w) r.push({ v: null });
  return out;
}
