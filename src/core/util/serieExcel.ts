/**
 * Excel serial days (1900 date system) ↔ ISO dates « AAAA-MM-JJ »: the one conversion of Prodbook, for both
 * adapters, the sheets and the PROD.* functions.
 *
 * Serial 1 is 1900-01-01. Excel, after Lotus 1-2-3, counts a 29 February 1900 that never existed (serial 60): up to
 * serial 59 (1900-02-28) a serial is the days since 1899-12-31, from serial 61 (1900-03-01) on the days since
 * 1899-12-30. A serial's fraction is the time of day, dropped here (dates only). All in UTC: no local time.
 */
export const MS_JOUR = 86_400_000;
/** Serial of 1970-01-01, day 0 of JavaScript dates. */
export const SERIE_1970 = 25_569;
/** Largest serial Excel shows as a date: 9999-12-31. */
export const SERIE_MAX = 2_958_465;
/** Serial of the 29/02/1900 Excel counts but which never existed. */
const SERIE_29_FEVRIER_1900 = 60;

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/** A serial Excel shows as a real day: 1 (1900-01-01) to 2 958 465 (9999-12-31), except 60 (the 29/02/1900). */
export function estSerieDate(serie: number): boolean {
  if (!Number.isFinite(serie)) return false;
  const s = Math.floor(serie);
  return s >= 1 && s <= SERIE_MAX && s !== SERIE_29_FEVRIER_1900;
}

/** Serial → ISO date (the fraction, a time of day, is dropped). RangeError in French for a serial that is no day. */
export function isoDepuisSerie(serie: number): string {
  if (!Number.isFinite(serie) || serie < 1 || serie >= SERIE_MAX + 1)
    throw new RangeError(`Numéro de série de date invalide : ${serie}`);
  const s = Math.floor(serie);
  if (s === SERIE_29_FEVRIER_1900)
    throw new RangeError("Le 29/02/1900 n'existe pas (erreur historique d'Excel, série 60)");
  const jour = s - SERIE_1970 + (s < SERIE_29_FEVRIER_1900 ? 1 : 0);
  return new Date(jour * MS_JOUR).toISOString().slice(0, 10);
}

/** ISO date (« 2026-05-15 », a time after it is ignored) → serial. RangeError in French for other text. */
export function serieDepuisIso(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`Date invalide « ${iso} » (AAAA-MM-JJ attendu)`);
  const s = Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_JOUR + SERIE_1970;
  // Before 1900-03-01 Excel's count is one less (it has no 1900-02-29 to skip).
  return s <= SERIE_29_FEVRIER_1900 ? s - 1 : s;
}
