/**
 * Byte → text for ledger files: UTF-8 (with or without BOM), Windows-1252 or ISO-8859-15, all through the WHATWG
 * `TextDecoder` (present in Excel's browsers, Web Workers and Node).
 * Detection without a guess: as long as the bytes are pure ASCII every candidate decodes them the same way,
 * so the choice is made at the first byte ≥ 0x80 (valid UTF-8 sequence → UTF-8, else Windows-1252).
 */
import { decoderPage, type PageCode8Bits } from "./pagesCodes";

/**
 * The encodings a FEC is read in: those TextDecoder reads, and the code pages converted by table (pagesCodes.ts:
 * EBCDIC IBM-1147, CP850), chosen by the user or (EBCDIC only) detected beyond doubt.
 */
export type EncodageFec = "utf-8" | "windows-1252" | "iso-8859-15" | PageCode8Bits;

/**
 * Windows-1252 bytes 0x80–0x9F as the WHATWG index defines them (the five undefined ones stay C1 controls, as
 * browsers do). Node 20.18.3+ and 22.13+ decode « windows-1252 » as Latin-1 in that range (nodejs/node#60888:
 * 0x80 gives U+0080, not €), so what TextDecoder returns there is corrected from this block — a no-op where the
 * runtime is right.
 */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const C1 = /[\u0080-\u009f]/g;

const decodeurs = new Map<string, TextDecoder>();
function decodeur(enc: string): TextDecoder {
  let d = decodeurs.get(enc);
  if (!d) decodeurs.set(enc, (d = new TextDecoder(enc)));
  return d;
}

/**
 * Bytes as text in the encoding given (UTF-8 and UTF-16 drop their own byte-order mark, as TextDecoder does;
 * invalid UTF-8 becomes U+FFFD).
 */
export function decoderOctets(b: Uint8Array, enc: EncodageFec | "utf-16le" | "utf-16be"): string {
  if (enc === "ebcdic" || enc === "cp850") return decoderPage(b, enc);
  const s = decodeur(enc).decode(b);
  return enc === "windows-1252" ? s.replace(C1, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]) : s;
}

/**
 * The text of bytes that are valid UTF-8 throughout, or undefined at the first invalid sequence. With `suite`,
 * an incomplete sequence at the very end is accepted (the rest of the file may complete it).
 */
export function utf8Strict(b: Uint8Array, suite = false): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b, { stream: suite });
  } catch {
    return undefined;
  }
}

/**
 * Length of the UTF-8 sequence starting at the non-ASCII byte u[i] when it is valid (2 to 4), 0 when it is invalid, -1
 * when its bytes valid so far are cut by the end of u. Valid means as the WHATWG decoder (TextDecoder, fatal) reads it:
 * no overlong form, no surrogate, nothing past U+10FFFF. Checking the few non-ASCII bytes of a line in place costs
 * next to nothing; TextDecoder on every chunk built a string of the whole file (0.8 s of CPU per 145 MB).
 */
export function sequenceUtf8(u: Uint8Array, i: number): number {
  const c = u[i];
  let n: number;
  let bas = 0x80;
  let haut = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) bas = 0xa0;
    else if (c === 0xed) haut = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) bas = 0x90;
    else if (c === 0xf4) haut = 0x8f;
  } else return 0;
  for (let k = 1; k < n; k++) {
    if (i + k >= u.length) return -1;
    const x = u[i + k];
    if (x < bas || x > haut) return 0;
    bas = 0x80;
    haut = 0xbf;
  }
  return n;
}

/**
 * Decodes a slice of bytes (a field) in the given encoding; short ASCII slices skip the decoder. Measured on a
 * million-line Windows-1252 FEC kept whole (the Grand livre path, one accented libellé per line), CPU time and
 * peak memory: TextDecoder per non-ASCII field 7.2 s, 455 MB; a per-byte table (the former hand-written decoder,
 * whose `s += c` ropes stay in memory) 15.3 s, 1.1 GB; TextDecoder for every field, ASCII included, 8.2 s.
 */
export class DecodeurTexte {
  /** Set when UTF-8 decoding met invalid bytes (replaced by U+FFFD); a valid « � » (EF BF BD) does not set it. */
  remplacements = false;

  constructor(readonly encodage: EncodageFec) {}

  /**
   * The field's text, spaces (0x20, never U+00A0) trimmed. Bytes below 0x80 are read as ASCII: an EBCDIC or CP850 file
   * never comes here as such, LecteurFec converts it to UTF-8 first (Transcodeur8Bits).
   */
  texte(b: Uint8Array, debut: number, fin: number): string {
    while (debut < fin && b[debut] === 32) debut++;
    while (fin > debut && b[fin - 1] === 32) fin--;
    if (debut >= fin) return "";
    let ascii = true;
    for (let i = debut; i < fin; i++)
      if (b[i] >= 0x80) {
        ascii = false;
        i = fin;
      }
    if (ascii && fin - debut <= 256)
      return String.fromCharCode.apply(null, b.subarray(debut, fin) as unknown as number[]);
    const s = decoderOctets(b.subarray(debut, fin), this.encodage);
    // A « � » of valid bytes (EF BF BD) is text damaged upstream, not invalid bytes: LecteurFec names its line.
    if (
      !this.remplacements &&
      this.encodage === "utf-8" &&
      s.indexOf("\ufffd") >= 0 &&
      utf8Strict(b.subarray(debut, fin)) === undefined
    )
      this.remplacements = true;
    return s;
  }
}

/**
 * Encoding of a FEC from its first non-ASCII byte at `k`: valid UTF-8 from there (within 64 KiB of the bytes at
 * hand) → UTF-8, otherwise Windows-1252. Pure ASCII files are UTF-8 (and Windows-1252: identical). Only complete
 * sequences decide: one cut at the end of the bytes at hand is left out, and when it is the one at `k` the answer
 * is undefined (the next bytes decide) — a Windows-1252 « é » (E9) as the last byte of a chunk looks like the start
 * of a UTF-8 sequence. With `fin` the bytes at hand end the file: a sequence cut there is not UTF-8.
 */
export function detecterEncodage(b: Uint8Array, k: number, fin = false): EncodageFec | undefined {
  const e = Math.min(b.length, k + 65536);
  const echantillon = b.subarray(k, fin && e === b.length ? e : e - sequenceCoupee(b.subarray(k, e)));
  if (echantillon.length === 0) return undefined;
  return utf8Strict(echantillon) !== undefined ? "utf-8" : "windows-1252";
}

/** Length of the UTF-8 sequence cut at the end of b (0 to 3 bytes: a lead byte, then continuation bytes only). */
export function sequenceCoupee(b: Uint8Array): number {
  for (let j = b.length - 1, n = 1; j >= 0 && n <= 3; j--, n++) {
    const c = b[j];
    if (c < 0x80) return 0;
    if (c >= 0xc0) return n < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) ? n : 0;
  }
  return 0;
}

/**
 * The file-wide alert of a file read in Windows-1252 where byte A4 gave « ¤ »: the « € » of ISO-8859-15, the other
 * 8-bit encoding of French accounting programs, which the bytes cannot tell apart.
 */
export const ALERTE_SIGNE_MONETAIRE =
  "Lu en Windows-1252, le fichier contient le caractère « ¤ » (octet A4), qui est « € » en ISO-8859-15 : si ses " +
  "libellés écrivent des euros, essayez l'encodage ISO-8859-15.";
