/** A byte key kept between lines (previous account, previous entry): compared in place, never decoded. */
export class Cle {
  octets = new Uint8Array(64);
  n = -1;
  egale(u: Uint8Array, a: number, b: number): boolean {
    if (b - a !== this.n) return false;
    const o = this.octets;
    for (let i = 0; i < this.n; i++) if (o[i] !== u[a + i]) return false;
    return true;
  }
  copier(u: Uint8Array, a: number, b: number): void {
    if (b - a > this.octets.length) this.octets = new Uint8Array(2 * (b - a));
    const o = this.octets;
    for (let i = a; i < b; i++) o[i - a] = u[i];
    this.n = b - a;
  }
}

/** Does u[a, z) hold exactly the bytes of `cle`? */
export function egal(cle: Uint8Array, u: Uint8Array, a: number, z: number): boolean {
  if (cle.length !== z - a) return false;
  for (let i = 0; i < cle.length; i++) if (cle[i] !== u[a + i]) return false;
  return true;
}

/** Keys of an EnsembleCles in plain data (it crosses worker threads): each key as [length (2 bytes)][bytes]. */
export interface ClesOctets {
  octets: Uint8Array;
  nombre: number;
  /**
   * Set when each journal's numbers came in strictly increasing order (the keys are then distinct without any
   * lookup): per journal, its first and last EcritureNum. Parts of one file whose ranges follow each other per
   * journal are counted without hashing their keys again (see compterCles).
   */
  ordre?: { journal: Uint8Array; premier: Uint8Array; dernier: Uint8Array }[];
}

/** A journal while the keys come in order: its bytes and the arena offsets of its first and last keys. */
interface JournalOrdonne {
  cle: Uint8Array;
  premier: number;
  dernier: number;
}

/** Beyond this many journals the order is not followed (each new run looks its journal up in a list). */
const MAX_JOURNAUX = 64;

/**
 * An exact set of byte keys (an entry's JournalCode + EcritureNum), kept in one byte arena: a million lines add no
 * object and no string (a Set of strings cost 80 MB and several seconds on the bench's FEC).
 * A FEC numbers its entries in order (A47 A-1: « numérotation continue et chronologique »), usually per journal:
 * while each journal's numbers strictly increase (by length, then bytes), a key is new by that comparison alone
 * and is only appended. The first number out of order turns on open addressing over the arena (every key so far is
 * indexed once), which then decides alone.
 */
export class EnsembleCles {
  private arene = new Uint8Array(1 << 16);
  private fin = 0;
  /** Pairs (hash, offset + 1 of the key in the arena; 0 = free): one cache line per probe. Empty while in order. */
  private table = new Int32Array(0);
  /** Per journal, while every journal's numbers come in order; undefined once the table decides. */
  private journaux?: JournalOrdonne[] = [];
  private journal?: JournalOrdonne;
  nombre = 0;
  /** Keys added again (already in the set): an entry met a second time, not next to its first lines. */
  repetitions = 0;

  /**
   * Adds the key u[a1, z1) + 0 + u[a2, z2) (at most 65 535 bytes in all); returns its offset in the arena (the key's
   * place in `cles().octets`), the earlier one when it was there already.
   */
  ajouter(u: Uint8Array, a1: number, z1: number, a2: number, z2: number): number {
    const n = z1 - a1 + 1 + z2 - a2;
    if (n > 0xffff) return this.ajouter(u, a1, Math.min(z1, a1 + 0x7fff), a2, Math.min(z2, a2 + 0x7fff));
    if (this.journaux) {
      const j = this.journalDe(u, a1, z1);
      if (j && (j.dernier < 0 || this.apres(j, u, a2, z2))) {
        const o = this.fin;
        if (j.dernier < 0) j.premier = o;
        j.dernier = o;
        this.copier(u, a1, z1, a2, z2, n);
        this.nombre++;
        return o;
      }
      this.indexer();
    }
    let h = 0x811c9dc5 | 0;
    for (let i = a1; i < z1; i++) h = Math.imul(h ^ u[i], 0x01000193);
    h = Math.imul(h, 0x01000193);
    for (let i = a2; i < z2; i++) h = Math.imul(h ^ u[i], 0x01000193);
    const table = this.table;
    const masque = (table.length >> 1) - 1;
    let k = h & masque;
    for (let o = table[2 * k + 1]; o !== 0; k = (k + 1) & masque, o = table[2 * k + 1])
      if (table[2 * k] === h && this.egale(o - 1, n, u, a1, z1, a2, z2)) {
        this.repetitions++;
        return o - 1;
      }
    const o = this.fin;
    table[2 * k] = h;
    table[2 * k + 1] = o + 1;
    this.copier(u, a1, z1, a2, z2, n);
    if (++this.nombre * 4 > table.length) this.agrandir();
    return o;
  }

  /** Adds every key of `c` (another part's keys). */
  ajouterTout(c: ClesOctets): void {
    const t = c.octets;
    for (let o = 0; o + 2 <= t.length;) {
      const n = (t[o] << 8) | t[o + 1];
      const z = t.indexOf(0, o + 2);
      this.ajouter(t, o + 2, z, z + 1, o + 2 + n);
      o += n + 2;
    }
  }

  cles(): ClesOctets {
    const octets = this.arene.subarray(0, this.fin);
    if (!this.journaux) return { octets, nombre: this.nombre };
    const t = this.arene;
    const num = (o: number, jl: number) => t.slice(o + 3 + jl, o + 2 + ((t[o] << 8) | t[o + 1]));
    const ordre = this.journaux
      .filter((j) => j.dernier >= 0)
      .map((j) => ({ journal: j.cle, premier: num(j.premier, j.cle.length), dernier: num(j.dernier, j.cle.length) }));
    return { octets, nombre: this.nombre, ordre };
  }

  /** The journal u[a, z) while in order; undefined when there would be too many to follow. */
  private journalDe(u: Uint8Array, a: number, z: number): JournalOrdonne | undefined {
    const c = this.journal;
    if (c && egal(c.cle, u, a, z)) return c;
    const js = this.journaux!;
    for (const j of js) if (egal(j.cle, u, a, z)) return (this.journal = j);
    if (js.length >= MAX_JOURNAUX) return undefined;
    const j = { cle: u.slice(a, z), premier: -1, dernier: -1 };
    js.push(j);
    return (this.journal = j);
  }

  /** Does the number u[a, z) come strictly after journal j's last one (longer, or as long and greater bytes)? */
  private apres(j: JournalOrdonne, u: Uint8Array, a: number, z: number): boolean {
    const t = this.arene;
    const o = j.dernier;
    const debut = o + 3 + j.cle.length;
    const long = o + 2 + ((t[o] << 8) | t[o + 1]) - debut;
    if (z - a !== long) return z - a > long;
    for (let i = 0; i < long; i++) {
      const x = u[a + i];
      const y = t[debut + i];
      if (x !== y) return x > y;
    }
    return false;
  }

  /** Appends the key (n bytes) to the arena. */
  private copier(u: Uint8Array, a1: number, z1: number, a2: number, z2: number, n: number): void {
    if (this.fin + n + 2 > this.arene.length) {
      const a = new Uint8Array(Math.max(2 * this.arene.length, this.fin + n + 2));
      a.set(this.arene.subarray(0, this.fin));
      this.arene = a;
    }
    const t = this.arene;
    let p = this.fin;
    t[p++] = n >> 8;
    t[p++] = n & 0xff;
    for (let i = a1; i < z1; i++) t[p++] = u[i];
    t[p++] = 0;
    for (let i = a2; i < z2; i++) t[p++] = u[i];
    this.fin = p;
  }

  /** Leaves the ordered mode: every key of the arena (all distinct) indexed in a table sized for them. */
  private indexer(): void {
    this.journaux = this.journal = undefined;
    let taille = 2 << 12;
    while (this.nombre * 4 > taille) taille *= 2;
    const table = (this.table = new Int32Array(taille));
    const masque = (taille >> 1) - 1;
    const t = this.arene;
    for (let o = 0; o < this.fin;) {
      const n = (t[o] << 8) | t[o + 1];
      let h = 0x811c9dc5 | 0;
      let p = o + 2;
      const z = p + n;
      while (t[p] !== 0) h = Math.imul(h ^ t[p++], 0x01000193);
      h = Math.imul(h, 0x01000193);
      for (p++; p < z; p++) h = Math.imul(h ^ t[p], 0x01000193);
      let k = h & masque;
      while (table[2 * k + 1] !== 0) k = (k + 1) & masque;
      table[2 * k] = h;
      table[2 * k + 1] = o + 1;
      o = z;
    }
  }

  private egale(o: number, n: number, u: Uint8Array, a1: number, z1: number, a2: number, z2: number): boolean {
    const t = this.arene;
    if (((t[o] << 8) | t[o + 1]) !== n) return false;
    let p = o + 2;
    for (let i = a1; i < z1; i++) if (t[p++] !== u[i]) return false;
    if (t[p++] !== 0) return false;
    for (let i = a2; i < z2; i++) if (t[p++] !== u[i]) return false;
    return true;
  }

  /** Doubles the table (load kept ≤ 1/2). */
  private agrandir(): void {
    const ancienne = this.table;
    const table = (this.table = new Int32Array(ancienne.length * 2));
    const masque = (table.length >> 1) - 1;
    for (let j = 0; j < ancienne.length; j += 2) {
      if (ancienne[j + 1] === 0) continue;
      let k = ancienne[j] & masque;
      while (table[2 * k + 1] !== 0) k = (k + 1) & masque;
      table[2 * k] = ancienne[j];
      table[2 * k + 1] = ancienne[j + 1];
    }
  }
}

/** (length, bytes) order of two numbers: < 0, 0 or > 0. */
function comparerNumeros(x: Uint8Array, y: Uint8Array): number {
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * Distinct keys over the parts of one file read in order. When every part kept its journals in order and, per
 * journal, each part starts after the previous parts ended, the counts add up — less one per journal whose entry
 * straddles a border (a part starting at the number the previous one ended with). Otherwise the keys are hashed.
 */
export function compterCles(parties: ClesOctets[]): number {
  return compterClesSuivies(parties).nombre;
}

/**
 * compterCles, and whether the parts' keys were proved apart by their order alone (`suivies`: no key of one part met
 * again in another, but for an entry cut at a border); false when they had to be hashed.
 */
export function compterClesSuivies(parties: ClesOctets[]): { nombre: number; suivies: boolean } {
  if (parties.length === 1) return { nombre: parties[0].nombre, suivies: true };
  if (parties.every((p) => p.ordre)) {
    const derniers = new Map<string, Uint8Array>();
    let n = 0;
    let ordonnees = true;
    for (const p of parties) {
      n += p.nombre;
      for (const j of p.ordre!) {
        let cle = "";
        for (const x of j.journal) cle += String.fromCharCode(x);
        const d = derniers.get(cle);
        const c = d ? comparerNumeros(j.premier, d) : 1;
        if (c < 0) ordonnees = false;
        else if (c === 0) n--;
        derniers.set(cle, j.dernier);
      }
    }
    if (ordonnees) return { nombre: n, suivies: true };
  }
  const e = new EnsembleCles();
  for (const p of parties) e.ajouterTout(p);
  return { nombre: e.nombre, suivies: false };
}
