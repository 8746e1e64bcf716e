/**
 * Field parsers of the FEC hot loop: they read a slice of the line's bytes in place (no string, no float).
 * Amounts become integer cents; NaN means "not an amount" / "not a date". Every encoding the FEC allows
 * (UTF-8, Windows-1252, ISO-8859-15) is ASCII-compatible, so digits, separators and line ends are single bytes.
 */

const ESPACE = 32;
const TAB = 9;

/** 10^(n − 1): the smallest integer part of n digits without a leading zero. */
const PLANCHER = [0, 1, 10, 100];

/**
 * Amounts of the FEC hot loop, read in place: "0000000069,60", " 1234.5 ", "-12,00", "(12,00)", "−12,00" (the minus sign U+2212,
 * in UTF-8, first or last), "+3", "" (→ 0), "1 234,56" (grouping spaces, no-break ones too, as a spreadsheet in French
 * writes them: U+00A0 in UTF-8 or one byte in Windows-1252, U+202F in UTF-8) → cents. More than two decimals is
 * accepted only when the extra ones are zeros ("12,3400"). NaN otherwise, and for « 12.000 » or « 1,500 » — one to
 * three digits (no leading zero, no grouping space), a single « . » or « , », exactly three digits: a decimal separator
 * as much as a thousands one. Then `ambigu` names the separator and `decimale` / `milliers` hold both readings in cents
 * (`decimale` NaN when below the cent), for the reader to decide by the file's convention (see LigneFec). `preuve` says
 * what a read amount proves of that convention: 1 a decimal comma (« 1234,56 », « 0,500 »), 2 a decimal dot, 0 nothing
 * (no separator).
 */
export class LecteurMontants {
  preuve = 0;
  /** After NaN: 44 (« , ») or 46 (« . ») when the text was ambiguous, else 0. */
  ambigu = 0;
  decimale = 0;
  milliers = 0;

  centimes(s: Uint8Array, debut: number, fin: number): number {
    this.preuve = 0;
    this.ambigu = 0;
    while (debut < fin && (s[debut] === ESPACE || s[debut] === TAB)) debut++;
    while (fin > debut && (s[fin - 1] === ESPACE || s[fin - 1] === TAB)) fin--;
    if (debut === fin) return 0;
    let neg = false;
    let c = s[debut];
    if (c === 40 /* ( */ && s[fin - 1] === 41 /* ) */) {
      neg = true; // "(1 234,56)": the accountant's negative, as the grand livre CSV and the devis read it
      debut++;
      fin--;
      while (debut < fin && s[debut] === ESPACE) debut++;
      while (fin > debut && s[fin - 1] === ESPACE) fin--;
      if (debut === fin) return NaN;
    } else if (c === 45 /* - */ || c === 43 /* + */) {
      neg = c === 45;
      debut++;
    } else if (c === 0xe2 && s[debut + 1] === 0x88 && s[debut + 2] === 0x92) {
      neg = true; // "−12,00": the minus sign U+2212 in UTF-8, pasted from a PDF or Word
      debut += 3;
    } else if (s[fin - 1] === 45) {
      neg = true; // "12,50-": some exports put the sign last
      fin--;
    } else if (s[fin - 1] === 0x92 && s[fin - 2] === 0x88 && s[fin - 3] === 0xe2 && fin - 3 > debut) {
      neg = true;
      fin -= 3;
    }
    let entier = 0;
    let chiffres = 0;
    let groupe = false;
    // Digits since the last grouping space: a space groups thousands only after one to three digits first, then
    // exactly three (« 1 2000,00 » or « 12 34 » is no amount, never 12 000 or 1 234).
    let g = 0;
    let i = debut;
    for (; i < fin; i++) {
      c = s[i];
      if (c >= 48 && c <= 57) {
        entier = entier * 10 + (c - 48);
        chiffres++;
        g++;
        continue;
      }
      if (c === 0xc2 && s[i + 1] === 0xa0) i++;
      else if (c === 0xe2 && s[i + 1] === 0x80 && s[i + 2] === 0xaf) i += 2;
      else if (c !== ESPACE && c !== 0xa0) break;
      if (chiffres === 0) return NaN;
      if (g === 0) continue; // two spaces in a row
      if (groupe ? g !== 3 : g > 3) return NaN;
      groupe = true;
      g = 0;
    }
    if (groupe && g !== 3) return NaN;
    let dec = 0;
    let sep = 0;
    if (i < fin) {
      if (c !== 44 /* , */ && c !== 46 /* . */) return NaN;
      sep = c;
      // « 12.000 », « 1,500 »: one to three digits, a separator, three digits — a thousands group as much as decimals.
      if (fin - i === 4 && !groupe && chiffres <= 3 && chiffres > 0 && entier >= PLANCHER[chiffres])
        return this.ambiguite(s, i, entier, neg);
      i++;
      let n = 0;
      for (; i < fin; i++) {
        c = s[i];
        if (c < 48 || c > 57) return NaN;
        if (n < 2) dec = dec * 10 + (c - 48);
        else if (c !== 48) return NaN;
        n++;
        chiffres++;
      }
      if (n === 1) dec *= 10;
    }
    if (chiffres === 0) return NaN;
    const v = entier * 100 + dec;
    if (v > 2251799813685248) return NaN; // 2^51: beyond exact integer arithmetic headroom
    if (sep !== 0) this.preuve = sep === 44 ? 1 : 2;
    return neg ? -v : v;
  }

  /** s[i] is the lone separator before three characters: both readings when they are digits; NaN either way. */
  private ambiguite(s: Uint8Array, i: number, entier: number, neg: boolean): number {
    const a = s[i + 1] - 48;
    const b = s[i + 2] - 48;
    const c = s[i + 3] - 48;
    if (a >>> 0 > 9 || b >>> 0 > 9 || c >>> 0 > 9) return NaN;
    const signe = neg ? -1 : 1;
    this.ambigu = s[i];
    this.milliers = signe * (entier * 1000 + a * 100 + b * 10 + c) * 100;
    this.decimale = c === 0 ? signe * (entier * 100 + a * 10 + b) : NaN;
    return NaN;
  }
}

const LIBRE = new LecteurMontants();

/** An amount read outside the reader's own state (Montantdevise, tests): see LecteurMontants. */
export function centimesDe(s: Uint8Array, debut: number, fin: number): number {
  return LIBRE.centimes(s, debut, fin);
}

const JOURS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** AAAAMMJJ (spaces around allowed) → the 8 digits as a number; NaN when empty, malformed or impossible. */
export function dateDe(s: Uint8Array, debut: number, fin: number): number {
  while (debut < fin && s[debut] === ESPACE) debut++;
  while (fin > debut && s[fin - 1] === ESPACE) fin--;
  if (fin - debut !== 8) return NaN;
  const d0 = s[debut] - 48,
    d1 = s[debut + 1] - 48,
    d2 = s[debut + 2] - 48,
    d3 = s[debut + 3] - 48;
  const d4 = s[debut + 4] - 48,
    d5 = s[debut + 5] - 48,
    d6 = s[debut + 6] - 48,
    d7 = s[debut + 7] - 48;
  if (
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    d2 >>> 0 > 9 ||
    d3 >>> 0 > 9 ||
    d4 >>> 0 > 9 ||
    d5 >>> 0 > 9 ||
    d6 >>> 0 > 9 ||
    d7 >>> 0 > 9
  )
    return NaN;
  const a = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const m = d4 * 10 + d5;
  const j = d6 * 10 + d7;
  if (a < 1900 || a > 2199 || m < 1 || m > 12 || j < 1) return NaN;
  if (j > JOURS[m] && !(m === 2 && j === 29 && a % 4 === 0 && (a % 100 !== 0 || a % 400 === 0))) return NaN;
  return a * 10000 + m * 100 + j;
}

/** The two other forms of a date that French exports write instead of AAAAMMJJ, both unambiguous. */
export type FormeDate = "AAAA-MM-JJ" | "JJ/MM/AAAA";

const CHIFFRES_DATE = new Uint8Array(8);

/**
 * A date written AAAA-MM-JJ or JJ/MM/AAAA (10 characters, « - » or « / » at their places), as AAAAMMJJ, or NaN.
 * Called only when dateDe refused the field: the common path reads AAAAMMJJ alone.
 */
export function dateAutreForme(s: Uint8Array, debut: number, fin: number): number {
  while (debut < fin && s[debut] === ESPACE) debut++;
  while (fin > debut && s[fin - 1] === ESPACE) fin--;
  if (fin - debut !== 10) return NaN;
  const c = CHIFFRES_DATE;
  if (s[debut + 4] === 45 && s[debut + 7] === 45) {
    c.set(s.subarray(debut, debut + 4), 0);
    c.set(s.subarray(debut + 5, debut + 7), 4);
    c.set(s.subarray(debut + 8, debut + 10), 6);
  } else if (s[debut + 2] === 47 && s[debut + 5] === 47) {
    c.set(s.subarray(debut + 6, debut + 10), 0);
    c.set(s.subarray(debut + 3, debut + 5), 4);
    c.set(s.subarray(debut, debut + 2), 6);
  } else return NaN;
  return dateDe(c, 0, 8);
}

/** Which of the two other forms a date field holds (after dateAutreForme read it). */
export function formeDate(s: Uint8Array, debut: number): FormeDate {
  while (s[debut] === ESPACE) debut++;
  return s[debut + 4] === 45 ? "AAAA-MM-JJ" : "JJ/MM/AAAA";
}

/** True when the slice is empty or only spaces. */
export function vide(s: Uint8Array, debut: number, fin: number): boolean {
  for (let i = debut; i < fin; i++) if (s[i] !== ESPACE) return false;
  return true;
}

/** 20240131 → "2024-01-31". */
export function dateIso(d: number): string {
  const t = String(d);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

/** 20240131 → « 31/01/2024 », as the messages and summaries write a FEC date. */
export function dateFrAaaammjj(d: number): string {
  const t = String(d);
  return `${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)}`;
}
