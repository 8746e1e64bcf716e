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
}

/**
 * An exact set of byte keys (an entry's JournalCode + EcritureNum), open addressing over one byte arena: a million
 * lines add no object and no string (a Set of strings cost 80 MB and several seconds on the bench's FEC).
 */
export class EnsembleCles {
  private arene = new Uint8Array(1 << 16);
  private fin = 0;
  /** Pairs (hash, offset + 1 of the key in the arena; 0 = free): one cache line per probe. */
  private table = new Int32Array(2 << 12);
  nombre = 0;

  /** Adds the key u[a1, z1) + 0 + u[a2, z2) (at most 65 535 bytes in all). */
  ajouter(u: Uint8Array, a1: number, z1: number, a2: number, z2: number): void {
    const n = z1 - a1 + 1 + z2 - a2;
    if (n > 0xffff) {
      this.ajouter(u, a1, Math.min(z1, a1 + 0x7fff), a2, Math.min(z2, a2 + 0x7fff));
      return;
    }
    let h = 0x811c9dc5 | 0;
    for (let i = a1; i < z1; i++) h = Math.imul(h ^ u[i], 0x01000193);
    h = Math.imul(h, 0x01000193);
    for (let i = a2; i < z2; i++) h = Math.imul(h ^ u[i], 0x01000193);
    const table = this.table;
    const masque = (table.length >> 1) - 1;
    let k = h & masque;
    for (let o = table[2 * k + 1]; o !== 0; k = (k + 1) & masque, o = table[2 * k + 1])
      if (table[2 * k] === h && this.egale(o - 1, n, u, a1, z1, a2, z2)) return;
    if (this.fin + n + 2 > this.arene.length) {
      const a = new Uint8Array(Math.max(2 * this.arene.length, this.fin + n + 2));
      a.set(this.arene.subarray(0, this.fin));
      this.arene = a;
    }
    const o = this.fin;
    const t = this.arene;
    t[o] = n >> 8;
    t[o + 1] = n & 0xff;
    let p = o + 2;
    for (let i = a1; i < z1; i++) t[p++] = u[i];
    t[p++] = 0;
    for (let i = a2; i < z2; i++) t[p++] = u[i];
    this.fin = p;
    table[2 * k] = h;
    table[2 * k + 1] = o + 1;
    if (++this.nombre * 4 > table.length) this.agrandir();
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
    return { octets: this.arene.slice(0, this.fin), nombre: this.nombre };
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
