import Decimal from "decimal.js";
import { ErreurDonnees } from "../erreurs";
import { formatGrandMontantFr } from "./format";

/**
 * An amount in euro cents. Branded so a plain number (euros, a quantity) cannot be passed by mistake.
 * Floats appear only at the Excel edge (centsToEuros when writing a cell).
 */
export type Cents = number & { readonly __brand: "Cents" };

/** Past 2^53 integers lose exactness; ±2^51 cents (≈ 22 000 billion €) is far beyond any production. */
const LIMITE = 2 ** 51;
export const MONTANT_MAX_CENTIMES = LIMITE;

/**
 * An amount (or a sum of amounts) beyond ±2^51 cents: only input can produce it (a reference number pasted as
 * an amount), so it is a data error with a French message, never an internal one.
 */
export class MontantHorsLimiteError extends ErreurDonnees {
  constructor(
    public readonly valeur: string,
    ou?: string,
  ) {
    super(
      `${ou ? `${ou} : ` : ""}le montant ${valeur} dépasse la limite de Prodbook (± 22 517 998 136 852,48 €) : ` +
        `vérifiez qu'un numéro ou une référence n'a pas été saisi à la place d'un montant.`,
    );
  }
}

export function cents(n: number): Cents {
  if (!Number.isInteger(n)) throw new RangeError(`Montant en centimes invalide : ${n}`);
  if (Math.abs(n) > LIMITE) throw new MontantHorsLimiteError(formatGrandMontantFr(new Decimal(n).dividedBy(100)));
  return n as Cents; // the guard: an integer within ± 2^51, checked above
}

export const ZERO = 0 as Cents; // an integer, within the limit

export function sumCents(xs: Iterable<Cents>): Cents {
  let s = 0;
  for (const x of xs) s += x;
  return cents(s);
}

export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function negCents(a: Cents): Cents {
  return cents(-a);
}

/**
 * A plain decimal writing (« 1234.5 », « -12 », « 0.125 »): a number's shortest writing, which is what Decimal
 * reads of it. Integer part up to 13 digits, so that the cents stay exact integers.
 */
const DECIMALE_SIMPLE = /^(-?)(\d{1,13})(?:\.(\d+))?$/;

/**
 * Euros written `s` → cents, half-up (away from zero), by the digits alone: what
 * `new Decimal(s).times(100).toDecimalPlaces(0, ROUND_HALF_UP)` gives (tests/core/money/centsRapides.test.ts);
 * undefined when `s` is not a plain decimal writing (exponent, sign « + », spaces…).
 */
export function centsDeDecimale(s: string): number | undefined {
  const m = DECIMALE_SIMPLE.exec(s);
  if (!m) return undefined;
  const dec = m[3];
  let c = Number(m[2]) * 100;
  if (dec !== undefined) {
    c += dec.length === 1 ? Number(dec) * 10 : Number(dec.slice(0, 2));
    // The third decimal decides: 5 or more rounds the magnitude up, whatever follows.
    if (dec.length > 2 && dec.charCodeAt(2) >= 53) c += 1;
  }
  return m[1] && c !== 0 ? -c : c;
}

/** Euros (possibly a float from Excel) → cents, half-up (away from zero) to the cent. */
export function eurosToCents(euros: number | string | Decimal): Cents {
  // Fastest path, exact: below 10^13 € a double is 100 times finer than the cent, so when k / 100 is the number
  // itself its shortest writing is k / 100's (at most two decimals), whose cents are k.
  if (typeof euros === "number" && Math.abs(euros) < 1e13) {
    const k = Math.round(euros * 100);
    if (k / 100 === euros) return cents(k + 0);
  }
  // Fast path, exact: Decimal reads a number through its shortest writing, and a string as written.
  if (typeof euros !== "object") {
    const c = centsDeDecimale(typeof euros === "number" ? String(euros) : euros);
    if (c !== undefined) return cents(c);
  }
  const d = new Decimal(euros);
  return cents(d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/**
 * A number in euros beyond the cent (0,125, 10,005, 4 123,456, 7 500 000,005), once the noise of binary floats is set
 * aside: the one rule of every amount read from a number (devis cells, plan de financement, « Versions » sheet). Two
 * noises are a cent amount's, and neither is ever a value a person types:
 * - a double's: 1000,1 + 0,2 is 1000,3000000000001, 1 234,56 read back 1234.5600000000001. Rounded to 15 significant
 *   digits (a double holds 15 to 17), such a number has at most two decimals; a typed value keeps its own decimals
 *   whatever its size (7 500 000,005 is flagged, as 0,125);
 * - a float32's (a value that went through single precision on its way, 0,1 → 0.10000000149011612, 12,34 →
 *   12.340000152587891, 99 999,99 → 99999.9921875): its error reaches 6e-8 of the value, past 15 digits. Below
 *   131 072 € (2^17) a float32 is finer than the cent, each cent amount has its own: a number that is exactly the
 *   float32 of a cent amount (Math.fround) and has more than five decimals is that amount. One with five decimals or
 *   fewer (65 536,0625, 100 000,03125) may have been typed: it is flagged, even when it is a float32 of cents (about
 *   one float32 of cents in four from 65 536 €, one in eight from 32 768 €, rarer below); nor is any number from
 *   131 072 € up a float32 of cents.
 * Not a finite number: no amount at all, said beyond the cent (callers refuse it before).
 */
export function nombreSousCentime(euros: number): boolean {
  if (!Number.isFinite(euros)) return true;
  const c = Math.round(euros * 100);
  if (c / 100 === euros) return false;
  const d = new Decimal(euros);
  if (d.toSignificantDigits(15).decimalPlaces() <= 2) return false;
  return !(
    Math.abs(euros) < FLOAT32_AU_CENTIME &&
    Math.fround(euros) === euros &&
    Math.fround(c / 100) === euros &&
    d.decimalPlaces() > DECIMALES_TAPEES
  );
}

/** The most decimals an amount typed by a person is taken to have (100 000,03125): a float32 with more is noise. */
const DECIMALES_TAPEES = 5;

/** 2^17 €: below it, float32 numbers are less than a cent apart (2^-7 € from 2^16 to 2^17). */
const FLOAT32_AU_CENTIME = 2 ** 17;

/** Cents → euros as a number, for writing into an Excel cell only. */
export function centsToEuros(c: Cents): number {
  return c / 100;
}

/** Cents → "1234.56" (dot decimal, two decimals, no grouping): the CLI JSON contract. */
export function centsToDecimalString(c: Cents): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${neg ? "-" : ""}${euros}.${rest.toString().padStart(2, "0")}`;
}

export function centsToDecimal(c: Cents): Decimal {
  return new Decimal(c).dividedBy(100);
}

/** Amount × decimal factor(s), rounded half-up to the cent once, at the end. */
export function multiplyCents(c: Cents, ...factors: Decimal.Value[]): Cents {
  let d = new Decimal(c);
  for (const f of factors) d = d.times(f);
  return cents(d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** quantité × nombre × taux (taux in euros, may carry more than two decimals), rounded half-up to the cent. */
export function montantLigne(quantite: Decimal.Value, nombre: Decimal.Value, tauxEuros: Decimal.Value): Cents {
  const d = new Decimal(quantite).times(nombre).times(tauxEuros).times(100);
  return cents(d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** a / b as a Decimal ratio (e.g. a share of a total); undefined when b is zero. */
export function ratio(a: Cents, b: Cents): Decimal | undefined {
  if (b === 0) return undefined;
  return new Decimal(a).dividedBy(b);
}

/**
 * Splits a total by weights so that the shares add up exactly to the total
 * (largest remainders get the leftover cents).
 */
export function repartir(total: Cents, poids: Decimal.Value[]): Cents[] {
  const ws = poids.map((p) => new Decimal(p));
  const somme = ws.reduce((a, b) => a.plus(b), new Decimal(0));
  if (somme.isZero()) throw new RangeError("repartir : la somme des poids est nulle");
  const exact = ws.map((w) => new Decimal(total).times(w).dividedBy(somme));
  const bas = exact.map((e) => e.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
  let reste = total - bas.reduce((a, b) => a + b.toNumber(), 0);
  const ordre = exact
    .map((e, i) => ({ i, frac: e.minus(bas[i]) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const out = bas.map((b) => b.toNumber());
  for (let k = 0; reste > 0; k = (k + 1) % out.length, reste--) out[ordre[k].i] += 1;
  return out.map((x) => cents(x));
}
