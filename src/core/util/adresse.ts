import type { CellSpec } from "../port/workbook";
/** A1 addressing helpers (0-based indices in, Excel addresses out). */
export function colonneLettre(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettreColonne(lettres: string): number {
  let n = 0;
  for (const ch of lettres.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function adresse(row: number, col: number): string {
  return `${colonneLettre(col)}${row + 1}`;
}

/** Sheet names with spaces, accents or punctuation are quoted: 'Plan de travail'!A1. */
export function nomFeuilleRef(nom: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(nom) ? nom : `'${nom.replace(/'/g, "''")}'`;
}

export function celluleRef(feuille: string, row: number, col: number): string {
  return `${nomFeuilleRef(feuille)}!${adresse(row, col)}`;
}

/** "B12" → {row: 11, col: 1}. */
export function parseAdresse(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) throw new RangeError(`Adresse invalide « ${a} »`);
  return { row: parseInt(m[2], 10) - 1, col: lettreColonne(m[1]) };
}

/** A range's rectangle, 0-based and ordered: "C5:B2" (or "Feuille!B2:C5", or one cell "B2") → rows 1–4, columns 1–2. */
export function rectanglePlage(a1: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b] = a1.replace(/^.*!/, "").split(":");
  const p = parseAdresse(a),
    q = parseAdresse(b ?? a);
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/** A sheet's merged ranges as rectangles (an address no adapter would give is skipped, never thrown). */
export function plagesFusionnees(merges: readonly string[] | undefined): ReturnType<typeof rectanglePlage>[] {
  const out: ReturnType<typeof rectanglePlage>[] = [];
  for (const m of merges ?? []) {
    try {
      out.push(rectanglePlage(m));
    } catch {
      continue;
    }
  }
  return out;
}

/** "Feuille!B12" or "'Plan de travail'!B12" → sheet + address. */
export function parseCelluleRef(ref: string): { feuille?: string; row: number; col: number } {
  const i = ref.lastIndexOf("!");
  if (i < 0) return parseAdresse(ref);
  let f = ref.slice(0, i);
  if (f.startsWith("'") && f.endsWith("'")) f = f.slice(1, -1).replace(/''/g, "'");
  return { feuille: f, ...parseAdresse(ref.slice(i + 1)) };
}

export function plage(r1: number, c1: number, r2: number, c2: number): string {
  return `${adresse(r1, c1)}:${adresse(r2, c2)}`;
}

/** =HYPERLINK to a cell of the workbook, showing its reference. */
export function lienCellule(ref: string): CellSpec {
  const p = parseCelluleRef(ref);
  const cible = p.feuille ? `${nomFeuilleRef(p.feuille)}!${adresse(p.row, p.col)}` : adresse(p.row, p.col);
  const texte = ref.replace(/"/g, '""');
  return { formula: `HYPERLINK("#${cible.replace(/"/g, '""')}","${texte}")`, result: ref };
}
