/**
 * Texts of the kept ledger lines, decoded once per distinct value. A million kept lines would otherwise hold
 * eight million strings, most of them repeated (the journal, the accounts and their labels, and the entry
 * number, piece and label shared by the lines of one entry): the heap then grows by hundreds of megabytes and
 * the garbage collector spends seconds moving them. Each field remembers its last few values as bytes; a slice
 * equal to one of them gets its string back without decoding. A field with few distinct values (the journal,
 * the accounts) also keeps every string it decoded, so that alternating values are shared too.
 */
const PLACES = 4;
/** Longer slices are decoded each time (copying them costs what sharing saves). */
const OCTETS_MAX = 128;
/** A field past this many distinct values stops keeping them (only the recent ones stay shared). */
const DISTINCTES_MAX = 50_000;

export class MemoTextes {
  private readonly octets = new Uint8Array(PLACES * OCTETS_MAX);
  private readonly longueurs = new Int32Array(PLACES).fill(-1);
  private readonly textes: string[] = new Array<string>(PLACES).fill("");
  private suivante = 0;
  private readonly distinctes?: Map<string, string>;

  constructor(peuDeValeurs: boolean) {
    if (peuDeValeurs) this.distinctes = new Map();
  }

  /** The text of u[a, b), `decoder` called only for bytes not seen recently. */
  texte(u: Uint8Array, a: number, b: number, decoder: (u: Uint8Array, a: number, b: number) => string): string {
    const n = b - a;
    if (n > OCTETS_MAX) return decoder(u, a, b);
    const o = this.octets;
    for (let p = 0; p < PLACES; p++) {
      if (this.longueurs[p] !== n) continue;
      const base = p * OCTETS_MAX;
      let k = 0;
      while (k < n && o[base + k] === u[a + k]) k++;
      if (k === n) return this.textes[p];
    }
    let s = decoder(u, a, b);
    const d = this.distinctes;
    if (d) {
      const connue = d.get(s);
      if (connue !== undefined) s = connue;
      else if (d.size < DISTINCTES_MAX) d.set(s, s);
    }
    const p = this.suivante;
    this.suivante = (p + 1) % PLACES;
    o.set(u.subarray(a, b), p * OCTETS_MAX);
    this.longueurs[p] = n;
    this.textes[p] = s;
    return s;
  }
}
