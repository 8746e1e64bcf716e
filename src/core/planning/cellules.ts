import type { CellData, SheetData } from "../port/workbook";
import { celluleRef, plagesFusionnees } from "../util/adresse";
import { normaliser } from "../util/texte";
import { estSerieDate, isoDepuisSerie } from "../util/serieExcel";
import { estFormatDuree, estFormatHeure } from "../port/dates";
import { estDateIso } from "./dates";
import { dateEnMots, jourDeLaSemaine } from "../util/datesEcrites";

/** Finds the header row: the first of the first 30 rows where every required column matches. */
export function trouverEntetes<K extends string>(
  sheet: SheetData,
  motifs: Record<K, RegExp>,
  requis: NoInfer<K>[],
): { ligne: number; colonnes: Partial<Record<K, number>> } | undefined {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const colonnes: Partial<Record<K, number>> = {};
    sheet.rows[r].forEach((c, i) => {
      if (typeof c.v !== "string") return;
      const t = normaliser(c.v);
      for (const k of Object.keys(motifs) as K[])
        if (colonnes[k] === undefined && motifs[k].test(t)) return void (colonnes[k] = i);
    });
    if (requis.every((k) => colonnes[k] !== undefined)) return { ligne: r, colonnes };
  }
  return undefined;
}

/**
 * The sheet as the user sees it: a cell merged down several rows (a name, a call time, a convention written once
 * for a person's days) shows its top cell's value on each of those rows, so each row reads it. The other cells of a
 * merged range (its columns after the first) stay as they are. The sheet given is not changed.
 */
export function sansFusions(sheet: SheetData): SheetData {
  let rows: CellData[][] | undefined;
  for (const { r1: haut, c1: col, r2: bas } of plagesFusionnees(sheet.merges)) {
    const source = sheet.rows[haut]?.[col];
    if (!source) continue;
    for (let r = haut + 1; r <= bas && r < sheet.rows.length; r++) {
      rows ??= sheet.rows.slice();
      if (rows[r] === sheet.rows[r]) rows[r] = sheet.rows[r].slice();
      while (rows[r].length <= col) rows[r].push({ v: null });
      rows[r][col] = source;
    }
  }
  return rows ? { ...sheet, rows } : sheet;
}

export function texte(c: CellData | undefined): string {
  if (!c || c.v === null || c.erreur) return "";
  return String(c.v).trim();
}

/**
 * A cell as quoted in a message: its text in « », or « #DIV/0! » (une erreur Excel) for an error (whose text
 * is no value: quoting it empty would hide what the cell shows).
 */
export function cite(c: CellData | undefined): string {
  if (c?.erreur) return `« ${String(c.v)} » (une erreur Excel)`;
  // A duration as Excel shows it (« [h]:mm »): « 152:30 », never « 6,354166667 ».
  const d = dureeCellule(c);
  if (d !== undefined) return `« ${Math.floor(d / 60)}:${String(d % 60).padStart(2, "0")} »`;
  // A number as Excel shows it in French: « -0,1 », never the float's « -0.09999999999854481 ».
  if (typeof c?.v === "number" && Number.isFinite(c.v))
    return `« ${String(Number(c.v.toPrecision(10))).replace(".", ",")} »`;
  return `« ${texte(c)} »`;
}

/** Nothing typed in the cell. An Excel error is not empty: it is never read as « same as above » or « none ». */
export function vide(c: CellData | undefined): boolean {
  return !c?.erreur && texte(c) === "";
}

export function ref(sheet: SheetData, r: number, c: number): string {
  return celluleRef(sheet.name, r, c);
}

export function vrai(c: CellData | undefined): boolean {
  if (c && typeof c.v === "boolean") return c.v;
  return /^(oui|o|x|vrai|true|yes|y|1)$/.test(normaliser(texte(c)));
}

/**
 * A yes/no cell (« Calendaire », « Jalon »): true as `vrai` reads it, false when empty or « non » (as the Rétroplanning
 * sheet writes it), « faux », « -»…; undefined for anything else (« peut-être », 42, #REF!), which the caller names:
 * read as « non » it would be a guess.
 */
export function ouiNon(c: CellData | undefined): boolean | undefined {
  if (vide(c)) return false;
  if (c?.erreur) return undefined;
  if (vrai(c)) return true;
  if (c && typeof c.v === "boolean") return false;
  return /^(non|n|faux|false|no|0|-|—|–)$/.test(normaliser(texte(c))) ? false : undefined;
}

/**
 * ISO date from a cell: ISO text (adapters), an Excel serial number, "11/05/2026", or the date in words (« 15 avril
 * 2026 », « mercredi 15 avril 2026 », « 1er mai 2026 », util/datesEcrites). undefined = unreadable, a serial
 * that is no day included (60, Excel's 29/02/1900 that never existed, or past 9999-12-31): named by the caller, never
 * an internal error.
 */
export function dateCellule(c: CellData | undefined): string | undefined {
  if (!c || c.v === null || c.erreur) return undefined;
  if (typeof c.v === "number") return estSerieDate(c.v) ? isoDepuisSerie(c.v) : undefined;
  const s = String(c.v).trim();
  const iso = s.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return estDateIso(iso) ? iso : undefined;
  // « 15 avril 2026 », « mercredi 15 avril 2026 », « 1er mai 2026 »: read when the day exists and the day of the week
  // written, if any, is its own (« lundi 15 avril 2026 » is two dates: refused, named by the caller).
  const mots = dateEnMots(s);
  if (mots) return mots.iso && (!mots.jourEcrit || mots.jourEcrit === jourDeLaSemaine(mots.iso)) ? mots.iso : undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return undefined;
  const d = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return estDateIso(d) ? d : undefined;
}

/**
 * Minutes since midnight from a time cell: a day fraction (0.375), "08:00", "8h", "8 h 30", "08:00:00", or a date and
 * time whose format shows the hour. A number of 1 or more shown without an hour (« 8 », « 8,5 » typed as hours) is
 * undefined: its fraction would make 8 midnight and 8,5 noon.
 */
export function heureCellule(c: CellData | undefined): number | undefined {
  if (!c || c.v === null || c.erreur) return undefined;
  if (typeof c.v === "number") {
    // A duration past 24 h (« [h]:mm »: 152:30, a week's total) is no time of day: its fraction would make it 08:30.
    if (c.v >= 1 && (!estFormatHeure(c.fmt) || estFormatDuree(c.fmt))) return undefined;
    const f = c.v - Math.floor(c.v);
    return c.v >= 0 ? Math.round(f * 1440) % 1440 : undefined;
  }
  const s = String(c.v).trim().toLowerCase().replace(/\s+/g, "");
  const iso = /^\d{4}-\d{2}-\d{2}[t ]?(\d{2}):(\d{2})/.exec(s);
  const m = iso ?? /^(\d{1,2})(?:[:h](\d{2})?)(?::\d{2})?$/.exec(s);
  if (!m) return undefined;
  const h = +m[1];
  const mn = m[2] ? +m[2] : 0;
  if (h > 24 || mn > 59 || (h === 24 && mn > 0)) return undefined;
  return h * 60 + mn;
}

/**
 * Minutes of a duration cell: a number shown as elapsed time (« [h]:mm », 152:30 = 6,354… days), rounded to the
 * minute. undefined for anything else (a time of day « hh:mm », a plain number, text).
 */
export function dureeCellule(c: CellData | undefined): number | undefined {
  if (!c || c.erreur || typeof c.v !== "number" || !Number.isFinite(c.v) || c.v < 0 || !estFormatDuree(c.fmt))
    return undefined;
  return Math.round(c.v * 1440);
}

/** "8 h 05" style. */
export function heuresFr(minutes: number): string {
  // Rounded to the minute first: 59,5 min is « 1 h 00 », never « 0 h 60 ».
  const t = Math.round(minutes);
  const h = Math.floor(t / 60);
  const m = t - h * 60;
  return `${h} h ${String(m).padStart(2, "0")}`;
}

export function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
