/**
 * The FEC hot loop: one pass over the bytes finds separators and line ends, without building any string.
 * Every encoding the FEC allows is ASCII-compatible, so separators and line ends are single bytes.
 */

// Exported through a list: tsc turns uses of an `export const` into `exports.X` loads, in the hot loop too.
const LF = 10;
const CR = 13;
/** Field bounds kept per line; a line with more fields is rejected by its count alone. */
const MAX_CHAMPS = 64;
export { CR, LF, MAX_CHAMPS };

/** What the scanner reports to (the reader). Field k of a line is u[bornes[k], bornes[k + 1] - 1). */
export interface CibleLignes {
  /** Filled by the scanner for the current line (m + 1 entries, the first MAX_CHAMPS + 1 only). */
  readonly bornes: Int32Array;
  /**
   * While true, the scanner reports every non-ASCII byte (nonAscii): the encoding is undecided (the first decides it),
   * or the bytes are read as UTF-8 and checked.
   */
  voirNonAscii(): boolean;
  /**
   * A non-ASCII byte at u[i]: decides the encoding (the first), checks its UTF-8 sequence; returns the offset of the next
   * byte to look at (past a valid sequence, u's end when the sequence is cut there). `fin`: u ends the file.
   */
  nonAscii(u: Uint8Array, i: number, fin: boolean): number;
  /** One line u[debut, fin) of m fields. */
  ligne(u: Uint8Array, debut: number, fin: number, m: number): void;
  /** Bare CRs after a line: each ends an empty line. */
  lignesVides(n: number): void;
}

/** Words are read in place only where their byte order is the file's (every usual platform). */
const PETIT_BOUTISTE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const SANS_MOTS = new Uint32Array(0);

/**
 * Scans u from p, one `ligne` call per complete line; returns where the unfinished last line starts (all of u
 * is consumed when `fin`). Four bytes at a time (SWAR): a word gives a mask of its candidate bytes (separator,
 * line end, or non-ASCII while the encoding is undecided or UTF-8 is checked) and only those bytes are looked at —
 * about 18 per 140-byte line instead of 140.
 */
export function decouperLignes(u: Uint8Array, p: number, fin: boolean, sep: number, cible: CibleLignes): number {
  const n = u.length;
  const b = cible.bornes;
  // An unaligned view (rare: chunks usually start their own buffer) is assembled into words byte by byte below.
  const nm = PETIT_BOUTISTE && (u.byteOffset & 3) === 0 ? n >> 2 : 0;
  const w = nm > 0 ? new Uint32Array(u.buffer, u.byteOffset, nm) : SANS_MOTS;
  // Bytes < 14 (tab, LF, CR) are flagged by the "has a byte less than" trick, "|" by "has a zero byte" on x ^ mask.
  // Both may flag a byte above a true hit (borrow), never miss one: each flagged byte is checked.
  const masque = sep > 13 ? sep * 0x01010101 : 0;
  let haut = cible.voirNonAscii() ? 0x80808080 : 0;
  let deb = p;
  let suite = p; // bytes before it are handled (the start's word, a run of CRs, a UTF-8 sequence)
  let m = 0;
  b[0] = p;
  const kfin = (n + 3) >> 2;
  for (let k = p >> 2; k < kfin; k++) {
    let x: number;
    if (k < nm) x = w[k];
    else {
      x = 0x41414141; // "AAAA": the bytes past the end are no candidates
      for (let j = k << 2, s = 0; j < n && s < 32; j++, s += 8) x = (x & ~(0xff << s)) | (u[j] << s);
    }
    let t = ((x - 0x0e0e0e0e) & ~x) | (x & haut);
    if (masque !== 0) {
      const y = x ^ masque;
      t |= (y - 0x01010101) & ~y;
    }
    t &= 0x80808080;
    while (t !== 0) {
      const i = (k << 2) + ((31 - Math.clz32(t & -t)) >> 3); // lowest flagged byte first: file order
      t &= t - 1;
      if (i < suite) continue;
      const c = u[i];
      if (c === sep) {
        if (++m <= MAX_CHAMPS) b[m] = i + 1;
      } else if (c === LF || c === CR) {
        let q = i + 1;
        let fins = 1;
        if (c === CR) {
          while (q < n && u[q] === CR) q++;
          if (q < n && u[q] === LF)
            q++; // CR LF and CR CR LF end one line
          else if (q === n && !fin)
            return deb; // an LF may follow in the next chunk
          else fins = q - i; // bare CRs: each ends a line
        }
        if (++m <= MAX_CHAMPS) b[m] = i + 1;
        cible.ligne(u, deb, i, m);
        if (fins > 1) cible.lignesVides(fins - 1);
        deb = q;
        suite = q;
        m = 0;
        b[0] = q;
        haut = cible.voirNonAscii() ? 0x80808080 : 0; // decoding the line may have decided the encoding
      } else if (c > 127 && haut !== 0) {
        // A sequence's next bytes are no first byte (nor a separator or a line end, when it is valid): skipped.
        suite = cible.nonAscii(u, i, fin);
        haut = cible.voirNonAscii() ? 0x80808080 : 0;
      }
    }
  }
  if (fin && deb < n) {
    if (++m <= MAX_CHAMPS) b[m] = n + 1;
    cible.ligne(u, deb, n, m);
    deb = n;
  }
  return deb;
}
