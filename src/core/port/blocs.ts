/**
 * Splitting a large write into blocks that each fit in one Excel request (Excel on the web refuses
 * requests over 5 MB; we aim at 2 MB including formats). Pure: the adapter sends one block per sync.
 */
export const OCTETS_MAX_BLOC = 2 * 1024 * 1024;
/** Upper bound on rows per block even for tiny cells (keeps each sync short on desktop). */
export const LIGNES_MAX_BLOC = 20000;

export interface Bloc {
  /** 0-based first row of the block (relative to the rows given). */
  debut: number;
  lignes: number;
  /** Estimated JSON payload of the block, in bytes. */
  octets: number;
}

/** Bytes of `JSON.stringify(v)` in UTF-8, estimated without building the string. */
export function octetsJson(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (typeof v === "string") {
    let n = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 34 || c === 92) n += 2;
      else if (c === 8 || c === 9 || c === 10 || c === 12 || c === 13) n += 2;
      else if (c < 32) n += 6;
      else if (c < 128) n += 1;
      else if (c < 2048) n += 2;
      else n += 3;
    }
    return n;
  }
  return String(JSON.stringify(v)).length;
}

/**
 * Greedy split: consecutive rows while the block's estimated payload stays ≤ `maxOctets`
 * (a single row larger than that still makes its own block). `octetsLigne(i)` gives row i's bytes
 * including its separators; `octetsFixes` covers the request itself (calls, outer brackets).
 */
export function decouperEnBlocs(
  nLignes: number,
  octetsLigne: (i: number) => number,
  maxOctets = OCTETS_MAX_BLOC,
  maxLignes = LIGNES_MAX_BLOC,
  octetsFixes = 1024,
): Bloc[] {
  const blocs: Bloc[] = [];
  let debut = 0,
    octets = octetsFixes;
  for (let i = 0; i < nLignes; i++) {
    const o = octetsLigne(i);
    if (i > debut && (octets + o > maxOctets || i - debut >= maxLignes)) {
      blocs.push({ debut, lignes: i - debut, octets });
      debut = i;
      octets = octetsFixes;
    }
    octets += o;
  }
  if (nLignes > debut) blocs.push({ debut, lignes: nLignes - debut, octets });
  return blocs;
}

/** Exact bytes of a row of cells as a JSON array ("[a,b,c]"), plus the comma that follows it in a matrix. */
export function octetsLigneJson(cellules: readonly unknown[], largeur = cellules.length): number {
  let n = Math.max(largeur, 1) + 2;
  for (let c = 0; c < largeur; c++) n += octetsJson(cellules[c] ?? null);
  return n;
}
