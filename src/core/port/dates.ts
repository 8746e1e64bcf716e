/** Excel serial dates (1900 system) ↔ ISO "YYYY-MM-DD", and telling a date format from a number format. */
const JOUR_MS = 86400000;

/** How both adapters display a { date } cell whose column has no format. */
export const FORMAT_DATE_DEFAUT = "dd/mm/yyyy";
const ORIGINE = Date.UTC(1899, 11, 30);

export function serieVersIso(serie: number): string {
  return new Date(ORIGINE + Math.floor(serie) * JOUR_MS).toISOString().slice(0, 10);
}

export function isoVersSerie(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Date invalide « ${iso} » (AAAA-MM-JJ attendu)`);
  return Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - ORIGINE) / JOUR_MS);
}

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
