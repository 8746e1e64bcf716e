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
