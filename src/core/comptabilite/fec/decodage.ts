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
const ISO15: Record<number, number> = { 0xa4: 0x20ac, 0xa6: 0x160, 0xa8: 0x161, 0xb4: 0x17d, 0xb8: 0x17e, 0xbc: 0x152, 0xbd: 0x153, 0xbe: 0x178 };

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
    if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return false;
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

function premierNonAscii(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return i;
  return -1;
}

function creerTextDecoder(enc: EncodageFec): { decode(b: Uint8Array, o?: { stream?: boolean }): string } | undefined {
  if (typeof TextDecoder === "undefined") return undefined;
  try {
    return new TextDecoder(enc, { fatal: false, ignoreBOM: false });
  } catch {
    return undefined; // runtime without the legacy encodings (Node small-icu): table decoding below
  }
}

/** Streaming decoder with detection; `encodage` is undefined until decided (pure ASCII so far). */
export class DecodeurFec {
  private dec?: { decode(b: Uint8Array, o?: { stream?: boolean }): string };
  private table?: string[];
  private debut = true;
  private attente: Uint8Array = new Uint8Array(0);
  /** True when the decoded text contained U+FFFD for bytes that were not valid in the chosen encoding. */
  remplacements = false;
  bom = false;

  constructor(public encodage?: EncodageFec, private readonly force = encodage !== undefined) {}

  get forcee(): boolean {
    return this.force;
  }

  private choisir(enc: EncodageFec): void {
    this.encodage = enc;
    this.dec = creerTextDecoder(enc);
    if (!this.dec && enc !== "utf-8") this.table = tableOctets(enc);
  }

  decoder(chunk: Uint8Array, fin = false): string {
    let b: Uint8Array = chunk;
    if (this.attente.length) {
      const j = new Uint8Array(this.attente.length + chunk.length);
      j.set(this.attente);
      j.set(chunk, this.attente.length);
      b = j;
      this.attente = new Uint8Array(0);
    }
    if (this.debut) {
      if (b.length < 3 && !fin) {
        this.attente = b;
        return "";
      }
      this.debut = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
        this.bom = true;
        b = b.subarray(3);
        if (!this.force) this.choisir("utf-8");
      }
      if (this.encodage && !this.dec && !this.table) this.choisir(this.encodage);
    }
    if (!this.encodage) {
      const k = premierNonAscii(b);
      if (k < 0) return asciiVersTexte(b);
      // Need a few bytes after the first high byte to judge; keep them for the next chunk otherwise.
      if (b.length - k < 4 && !fin) {
        const t = asciiVersTexte(b.subarray(0, k));
        this.attente = b.slice(k);
        return t;
      }
      this.choisir(utf8Valide(b, k, Math.min(b.length, k + 65536)) ? "utf-8" : "windows-1252");
    }
    let s: string;
    if (this.table) {
      const t = this.table;
      let out = "";
      for (let i = 0; i < b.length; i += 8192) {
        const part: string[] = [];
        const f = Math.min(b.length, i + 8192);
        for (let k = i; k < f; k++) part.push(t[b[k]]);
        out += part.join("");
      }
      s = out;
    } else {
      s = this.dec!.decode(b, { stream: !fin });
    }
    if (this.encodage === "utf-8" && !this.remplacements && s.indexOf("\ufffd") >= 0) this.remplacements = true;
    return s;
  }
}

function asciiVersTexte(b: Uint8Array): string {
  if (typeof TextDecoder !== "undefined") return new TextDecoder("utf-8").decode(b);
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return s;
}
