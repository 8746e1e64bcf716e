/** Telling a date format from a number format (serial ↔ ISO dates: src/core/util/serieExcel.ts). */

/** How both adapters display a { date } cell whose column has no format. */
export const FORMAT_DATE_DEFAUT = "dd/mm/yyyy";

/** True for formats showing a date (d, m, y outside quotes and brackets), not a duration or a time only. */
export function estFormatDate(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  const f = fmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/[dy]/i.test(f)) return true;
  // "mmm yyyy" is caught above; "m" alone is a month unless the format also has hours, seconds or digits.
  return /m/i.test(f) && !/[hs0#?]/i.test(f);
}

/**
 * True for formats showing an hour (« hh:mm », « [h]:mm », « dd/mm/yyyy hh:mm »): a number of 1 or more in such a cell
 * is a date and time (or a duration past 24 h), whose fraction is the time of day.
 */
export function estFormatHeure(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  const f = fmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  return /h/i.test(f.replace(/\[(?!h+\])[^\]]*\]/gi, ""));
}

/**
 * True for elapsed-time formats (« [h]:mm », « [hh]:mm:ss », « [mm]:ss »): the number is a duration in days, which may
 * pass 24 h (152:30 is 6,354…), never a date nor a time of day.
 */
export function estFormatDuree(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  return /\[(h+|m+|s+)\]/i.test(fmt.split(";")[0].replace(/"[^"]*"/g, ""));
}
