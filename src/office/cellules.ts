import type { CellData, CellSpec, SheetSpec } from "../core/port/workbook";
import { FORMAT_DATE_DEFAUT, estFormatDate } from "../core/port/dates";
import { estSerieDate, isoDepuisSerie, serieDepuisIso } from "../core/util/serieExcel";
import { parseAdresse } from "../core/util/adresse";

/**
 * Excel turns a written string into a formula (= + - @), a number, a date or a boolean when it can.
 * A text that could be read that way is written with a leading apostrophe, which Excel keeps as
 * "text" and does not display. Plain words (a letter first, no digit) are written as they are.
 */
export function texteSur(s: string): string {
  if (s === "") return s;
  if (/^\p{L}[^\d]*$/u.test(s) && !/^(true|false|vrai|faux)$/i.test(s.trim())) return s;
  return "'" + s;
}

/** The value written through range.formulas for one CellSpec. */
export function valeurOffice(c: CellSpec | undefined): string | number | boolean | null {
  if (c === null || c === undefined) return null;
  if (typeof c === "string") return texteSur(c);
  if (typeof c === "number") {
    if (!Number.isFinite(c)) throw new RangeError(`Valeur numérique invalide (${c})`);
    return c;
  }
  if (typeof c === "boolean") return c;
  if ("formula" in c) return "=" + c.formula.replace(/^=/, "");
  return serieDepuisIso(c.date);
}

interface PlageFmt {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  fmt: string;
}
type ValeurOffice = string | number | boolean | null;

/** How each row of a spec becomes the values and number formats written through one range. */
export interface PlanEcriture {
  largeur: number;
  /** False when every cell is General: no format matrix is sent. */
  avecFormats: boolean;
  /** Row `i` (0-based in the sheet) as written: `largeur` values and formats. */
  ligne(row: CellSpec[] | undefined, i: number): { valeurs: ValeurOffice[]; formats: string[] };
}

/** The width is that of `rows` and `columns`: bulk rows, generated while writing, must fit in it. */
export function planEcriture(spec: SheetSpec): PlanEcriture {
  const largeur = spec.rows.reduce((m, r) => Math.max(m, r ? r.length : 0), Math.max(1, spec.columns?.length ?? 0));
  const parCol = (spec.columns ?? []).map((c) => c.numFmt);
  const plages: PlageFmt[] = (spec.formats ?? [])
    .filter((f) => f.numFmt)
    .map((f) => {
      const [a, b] = f.range.replace(/^.*!/, "").split(":");
      const p = parseAdresse(a),
        q = parseAdresse(b ?? a);
      return { r1: p.row, c1: p.col, r2: q.row, c2: q.col, fmt: f.numFmt! };
    });
  const estDate = (c: CellSpec | undefined) => !!c && typeof c === "object" && "date" in c;
  const avecFormats =
    plages.length > 0 ||
    parCol.some((f) => !!f) ||
    spec.bulk !== undefined ||
    spec.rows.some((r) => (r ?? []).some(estDate));
  return {
    largeur,
    avecFormats,
    ligne(row, i) {
      const valeurs = new Array<ValeurOffice>(largeur).fill(null);
      const formats = new Array<string>(largeur);
      for (let j = 0; j < largeur; j++) {
        const c = row?.[j];
        if (c !== undefined && c !== null) valeurs[j] = valeurOffice(c);
        let f = parCol[j];
        for (const p of plages) if (i >= p.r1 && i <= p.r2 && j >= p.c1 && j <= p.c2) f = p.fmt;
        if (!f && estDate(c)) f = FORMAT_DATE_DEFAUT;
        formats[j] = f ?? "General";
      }
      return { valeurs, formats };
    },
  };
}

/** One cell read from Excel, with the same conventions as the xlsx reader (dates as ISO text). */
export function celluleLue(valeur: unknown, formule: unknown, format: unknown, type: unknown): CellData {
  const fmt = typeof format === "string" && format !== "General" ? format : undefined;
  // A text cell "=SUM(A1)" (written with an apostrophe) has formulas equal to its value: not a formula.
  const f = typeof formule === "string" && formule.startsWith("=") && formule !== valeur ? formule.slice(1) : undefined;
  if (type === "Empty" || valeur === "" || valeur === null || valeur === undefined) {
    return f ? { v: null, f, ...(fmt ? { fmt } : {}) } : { v: null };
  }
  const base: CellData = { v: null };
  if (f) base.f = f;
  if (fmt) base.fmt = fmt;
  if (type === "Error") return { ...base, v: String(valeur), erreur: true };
  if (typeof valeur === "number")
    return {
      ...base,
      v: estFormatDate(fmt) && Number.isInteger(valeur) && estSerieDate(valeur) ? isoDepuisSerie(valeur) : valeur,
    };
  if (typeof valeur === "boolean" || typeof valeur === "string") return { ...base, v: valeur };
  return { ...base, v: String(valeur) };
}
