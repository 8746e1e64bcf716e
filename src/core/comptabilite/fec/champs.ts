/**
 * Field parsers of the FEC hot loop: they read a slice of the line in place (no substring, no float).
 * Amounts become integer cents; a result of NaN means "not an amount" / "not a date".
 */

const ESPACE = 32;
const TAB = 9;

/**
 * "0000000069,60", " 1234.5 ", "-12,00", "+3", "" (→ 0), "1 234,56" (grouping spaces) → cents.
 * More than two decimals is accepted only when the extra ones are zeros ("12,3400"). NaN otherwise.
 */
export function centimesDe(s: string, debut: number, fin: number): number {
  while (debut < fin && (s.charCodeAt(debut) === ESPACE || s.charCodeAt(debut) === TAB)) debut++;
  while (fin > debut && (s.charCodeAt(fin - 1) === ESPACE || s.charCodeAt(fin - 1) === TAB)) fin--;
  if (debut === fin) return 0;
  let neg = false;
  let c = s.charCodeAt(debut);
  if (c === 45 /* - */ || c === 43 /* + */) {
    neg = c === 45;
    debut++;
  } else if (s.charCodeAt(fin - 1) === 45) {
    neg = true; // "12,50-" (some exports put the sign last)
    fin--;
  }
  let entier = 0;
  let chiffres = 0;
  let i = debut;
  for (; i < fin; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      entier = entier * 10 + (c - 48);
      chiffres++;
    } else if (c === ESPACE || c === 0xa0 || c === 0x202f) {
      if (chiffres === 0) return NaN;
    } else break;
  }
  let dec = 0;
  if (i < fin) {
    if (c !== 44 /* , */ && c !== 46 /* . */) return NaN;
    i++;
    let n = 0;
    for (; i < fin; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      const d = c - 48;
      if (n < 2) dec = dec * 10 + d;
      else if (d !== 0) return NaN;
      n++;
      chiffres++;
    }
    if (n === 1) dec *= 10;
  }
  if (chiffres === 0) return NaN;
  const v = entier * 100 + dec;
  if (v > 2 ** 51) return NaN;
  return neg ? -v : v;
}

const JOURS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** AAAAMMJJ (spaces around allowed) → the same 8 digits as a number, NaN when empty, malformed or impossible. */
export function dateDe(s: string, debut: number, fin: number): number {
  while (debut < fin && s.charCodeAt(debut) === ESPACE) debut++;
  while (fin > debut && s.charCodeAt(fin - 1) === ESPACE) fin--;
  if (fin - debut !== 8) return NaN;
  let v = 0;
  for (let i = debut; i < fin; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  const a = Math.floor(v / 10000);
  const m = Math.floor(v / 100) % 100;
  const j = v % 100;
  if (a < 1900 || a > 2199 || m < 1 || m > 12 || j < 1) return NaN;
  const max = m === 2 && (a % 4 === 0 && (a % 100 !== 0 || a % 400 === 0)) ? 29 : JOURS[m - 1];
  return j > max ? NaN : v;
}

/** True when the slice is empty or only spaces. */
export function vide(s: string, debut: number, fin: number): boolean {
  for (let i = debut; i < fin; i++) if (s.charCodeAt(i) !== ESPACE) return false;
  return true;
}

/** The slice without surrounding spaces (the FEC's padded fields). */
export function texte(s: string, debut: number, fin: number): string {
  while (debut < fin && s.charCodeAt(debut) === ESPACE) debut++;
  while (fin > debut && s.charCodeAt(fin - 1) === ESPACE) fin--;
  return s.substring(debut, fin);
}

/** 20240131 → "2024-01-31". */
export function dateIso(d: number): string {
  const t = String(d);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}
