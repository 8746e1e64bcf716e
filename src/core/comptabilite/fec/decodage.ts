/**
 * Byte → text for FEC files: UTF-8 (with or without BOM), Windows-1252 or ISO-8859-15.
 * Detection without a guess: as long as the bytes are pure ASCII every candidate decodes them the same way,
 * so the choice is made at the first byte ≥ 0x80 (valid UTF-8 sequence → UTF-8, else Windows-1252).
 */
export type EncodageFec = "utf-8" | "windows-1252" | "iso-8859-15";

/** Windows-1252 bytes 0x80–0x9F (undefined ones kept as the C1 control, like browsers do). */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** ISO-8859-15 differs from Latin-1 at eight positions (€, Š, š, Ž, ž, Œ, œ, Ÿ). */
const ISO15: Record<number, number> = {
  0xa4: 0x20ac,
  0xa6: 0x160,
  0xa8: 0x161,
  0xb4: 0x17d,
  0xb8: 0x17e,
  0xbc: 0x152,
  0xbd: 0x153,
  0xbe: 0x178,
};

function tableOctets(enc: "windows-1252" | "iso-8859-15"): string[] {
  const t: string[] = [];
  for (let b = 0; b < 256; b++) {
    let cp = b;
    if (enc === "windows-1252" && b >= 0x80 && b <= 0x9f) cp = CP1252_80_9F[b - 0x80];
    if (enc === "iso-8859-15" && ISO15[b] !== undefined) cp = ISO15[b];
    t.push(String.fromCharCode(cp));
  }
  return t;
}

/**
 * Length of the valid UTF-8 prefix starting at `debut`, stopping at the first invalid sequence.
 * Returns { valide: false } when an invalid sequence is found, { valide: true } when the bytes (possibly
 * ending in an incomplete sequence) are valid so far.
 */
export function utf8Valide(b: Uint8Array, debut = 0, fin = b.length): boolean {
  let i = debut;
  while (i < fin) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return false;
    if (i + n >= fin) {
      // Incomplete sequence at the end of the available bytes: check what is there.
      for (let k = i + 1; k < fin; k++) if ((b[k] & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = c & (0xff >> (n + 2));
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

/** Decodes a slice of bytes (a field) in the given encoding; short ASCII slices skip the decoder. */
export class DecodeurTexte {
  private readonly dec?: { decode(b: Uint8Array): string };
  private readonly table?: string[];
  /** Set when UTF-8 decoding met invalid bytes (replaced by U+FFFD). */
  remplacements = false;

  constructor(readonly encodage: EncodageFec) {
    if (encodage !== "utf-8") this.table = tableOctets(encodage);
    else if (typeof TextDecoder !== "undefined") this.dec = new TextDecoder("utf-8");
  }

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
    if (this.table) {
      let s = "";
      for (let i = debut; i < fin; i++) s += this.table[b[i]];
      return s;
    }
    const s = this.dec ? this.dec.decode(b.subarray(debut, fin)) : utf8Manuel(b, debut, fin);
    if (!this.remplacements && s.indexOf("\ufffd") >= 0) this.remplacements = true;
    return s;
  }
}

/** Fallback UTF-8 decoding when TextDecoder is missing (invalid sequences → U+FFFD). */
function utf8Manuel(b: Uint8Array, debut: number, fin: number): string {
  let s = "";
  for (let i = debut; i < fin;) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : -1;
    if (n < 0 || (n > 0 && (i + n >= fin || !utf8Valide(b, i, i + n + 1)))) {
      s += n === 0 ? String.fromCharCode(c) : "\ufffd";
      i++;
      continue;
    }
    let cp = n ? c & (0xff >> (n + 2)) : c;
    for (let k = 1; k <= n; k++) cp = (cp << 6) | (b[i + k] & 0x3f);
    s += String.fromCodePoint(cp);
    i += n + 1;
  }
  return s;
}

/**
 * Encoding of a FEC from its first non-ASCII byte at `k`: valid UTF-8 from there (within 64 KiB) → UTF-8,
 * otherwise Windows-1252. Pure ASCII files are UTF-8 (and Windows-1252: identical).
 */
export function detecterEncodage(b: Uint8Array, k: number): EncodageFec {
  return utf8Valide(b, k, Math.min(b.length, k + 65536)) ? "utf-8" : "windows-1252";
}
