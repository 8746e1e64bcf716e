import { ErreurDonnees } from "../erreurs";
import type { CellData } from "../port/workbook";
import { moisEnLettres, normaliser } from "../util/texte";
import { isoDepuisSerie } from "../util/serieExcel";

const MOIS: [RegExp, number][] = [
  [/^janv?(ier)?\.?$|^jan(uary)?\.?$/, 1],
  [/^fev(r(ier)?)?\.?$|^feb(ruary)?\.?$/, 2],
  [/^mars?$|^mar(ch)?\.?$/, 3],
  [/^avr(il)?\.?$|^apr(il)?\.?$/, 4],
  [/^mai$|^may$/, 5],
  [/^juin$|^jun(e)?\.?$/, 6],
  [/^juil(l(et)?)?\.?$|^jul(y)?\.?$/, 7],
  [/^aout$|^aug(ust)?\.?$/, 8],
  [/^sept?(embre)?\.?$|^sep(tember)?\.?$/, 9],
  [/^oct(obre|ober)?\.?$/, 10],
  [/^nov(embre|ember)?\.?$/, 11],
  [/^dec(embre|ember)?\.?$/, 12],
];

const deux = (n: number) => n.toString().padStart(2, "0");

function valide(a: number, m: number, j: number): string | undefined {
  if (m < 1 || m > 12 || j < 1 || a < 1900 || a > 2200) return undefined;
  const d = new Date(Date.UTC(a, m - 1, j));
  if (d.getUTCMonth() !== m - 1) return undefined;
  return `${a}-${deux(m)}-${deux(j)}`;
}

function annee(s: string): number {
  const n = parseInt(s, 10);
  return s.length === 2 ? 2000 + n : n;
}

/**
 * Reads a date as producers type it: a real date cell, "15/03/2026", "15/03/26", "2026-03-15", "03/2026",
 * "mars 2026", "janv.-26" (month only → the 1st of the month). undefined when it is not a date.
 */
export function lireDate(c: CellData | undefined, { serieAcceptee = true } = {}): string | undefined {
  if (!c || c.v === null || c.v === "") return undefined;
  if (typeof c.v === "number") {
    if (!serieAcceptee || c.v < 20000 || c.v > 110000) return undefined;
    return isoDepuisSerie(c.v);
  }
  if (typeof c.v !== "string") return undefined;
  const s = normaliser(c.v);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return valide(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) return valide(annee(m[3]), +m[2], +m[1]);
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return valide(+m[2], +m[1], 1);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return valide(+m[1], +m[2], 1);
  m = /^(?:(\d{1,2})(?:er)?\s+)?([a-z]+\.?)[\s-]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mois = MOIS.find(([re]) => re.test(m![2]));
    if (mois) return valide(annee(m[3]), mois[1], m[1] ? +m[1] : 1);
  }
  return undefined;
}

/** "2026-03-15" → "2026-03". */
export function moisDe(iso: string): string {
  return iso.slice(0, 7);
}

/** Months from `debut` to `fin` inclusive, as "YYYY-MM". */
export function moisEntre(debut: string, fin: string): string[] {
  let [a, m] = debut.split("-").map((x) => parseInt(x, 10));
  const [af, mf] = fin.split("-").map((x) => parseInt(x, 10));
  const out: string[] = [];
  while (a < af || (a === af && m <= mf)) {
    out.push(`${a}-${deux(m)}`);
    m++;
    if (m > 12) {
      m = 1;
      a++;
    }
    if (out.length > 600)
      throw new ErreurDonnees(
        `L'échéancier irait de ${moisEnLettres(debut)} à ${moisEnLettres(fin)}, plus de 50 ans : vérifiez les dates ` +
          "des versements et du planning.",
      );
  }
  return out;
}
