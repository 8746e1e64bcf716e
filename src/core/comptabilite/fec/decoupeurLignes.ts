/**
 * The FEC hot loop: one pass over the bytes finds separators and line ends, without building any string.
 * Every encoding the FEC allows is ASCII-compatible, so separators and line ends are single bytes.
 */

export const LF = 10;
export const CR = 13;
/** Field bounds kept per line; a line with more fields is rejected by its count alone. */
export const MAX_CHAMPS = 64;

/** What the scanner reports to (the reader). Field k of a line is u[bornes[k], bornes[k + 1] - 1). */
export interface CibleLignes {
  /** Filled by the scanner for the current line (m + 1 entries, the first MAX_CHAMPS + 1 only). */
  readonly bornes: Int32Array;
  /** While false, the scanner stops at the first non-ASCII byte so the encoding can be decided there. */
  encodageConnu(): boolean;
  nonAscii(u: Uint8Array, i: number): void;
  /** One line u[debut, fin) of m fields. */
  ligne(u: Uint8Array, debut: number, fin: number, m: number): void;
  /** Bare CRs after a line: each ends an empty line. */
  lignesVides(n: number): void;
}

/**
 * Scans u from p, one `ligne` call per complete line; returns where the unfinished last line starts (all of u
 * is consumed when `fin`). Four bytes at a time (SWAR) skip the words holding no separator, line end or (while
 * the encoding is undecided) non-ASCII byte.
 */
export function decouperLignes(u: Uint8Array, p: number, fin: boolean, sep: number, cible: CibleLignes): number {
  const n = u.length;
  const b = cible.bornes;
  const w = (u.byteOffset & 3) === 0 ? new Uint32Array(u.buffer, u.byteOffset, n >> 2) : undefined;
  const kmax = n >> 2;
  // Bytes < 14 (tab, LF, CR) are found by the "has a byte less than" trick; "|" by "has a zero byte" on x ^ mask.
  const masque = sep > 13 ? sep * 0x01010101 : 0;
  let deb = p;
  let m = 0;
  b[0] = p;
  let i = p;
  while (i < n) {
    if (w !== undefined && (i & 3) === 0) {
      let k = i >> 2;
      const haut = cible.encodageConnu() ? 0 : 0x80808080;
      if (masque === 0) {
        while (k < kmax) {
          const x = w[k];
          if ((((x - 0x0e0e0e0e) & ~x) | (x & haut)) & 0x80808080) break;
          k++;
        }
      } else {
        while (k < kmax) {
          const x = w[k];
          const y = x ^ masque;
          if ((((x - 0x0e0e0e0e) & ~x) | ((y - 0x01010101) & ~y) | (x & haut)) & 0x80808080) break;
          k++;
        }
      }
      const j = k << 2;
      if (j >= n) {
        i = n;
        break;
      }
      if (j > i) i = j;
    }
    const c = u[i];
    if (c === sep) {
      if (++m <= MAX_CHAMPS) b[m] = i + 1;
    } else if (c === LF || c === CR) {
      let q = i + 1;
      let fins = 1;
      if (c === CR) {
        while (q < n && u[q] === CR) q++;
        if (q < n && u[q] === LF) q++; // CR LF and CR CR LF end one line
        else if (q === n && !fin) return deb; // an LF may follow in the next chunk
        else fins = q - i; // bare CRs: each ends a line
      }
      if (++m <= MAX_CHAMPS) b[m] = i + 1;
      cible.ligne(u, deb, i, m);
      if (fins > 1) cible.lignesVides(fins - 1);
      deb = q;
      i = q;
      m = 0;
      b[0] = q;
      continue;
    } else if (c > 127 && !cible.encodageConnu()) cible.nonAscii(u, i);
    i++;
  }
  if (fin && deb < n) {
    if (++m <= MAX_CHAMPS) b[m] = n + 1;
    cible.ligne(u, deb, n, m);
    deb = n;
  }
  return deb;
}
