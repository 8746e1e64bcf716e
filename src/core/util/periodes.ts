/**
 * Periods of dates (ISO « AAAA-MM-JJ »), as the dated rule tables write them: one helper merges the versions of a
 * table, or any list of periods, into the periods they cover (src/core/util/texte.ts writes them in words, the tax
 * credit intersects those of the tables it reads).
 */

/** A period of dates (ISO), both days included, open at its end (still in force) when `au` is undefined. */
export interface Periode {
  du: string;
  au?: string;
}

/** A period as a rule table's version writes it: `effetAu` absent, null or empty when still in force. */
export interface PeriodeVersion {
  effetDu: string;
  effetAu?: string | null;
}

/** The day after an ISO date (« 2023-01-31 » → « 2023-02-01 »), UTC. */
function lendemain(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The periods these versions cover, in date order: versions that overlap, or where one starts the day after the
 * other ends, are joined into one period (an open end swallows every later version); a gap of a day or more stays
 * two periods. The input order does not matter and the input is not changed.
 */
export function fusionnerPeriodes(versions: readonly PeriodeVersion[]): Periode[] {
  const tries = [...versions].sort((a, b) => (a.effetDu < b.effetDu ? -1 : a.effetDu > b.effetDu ? 1 : 0));
  const r: Periode[] = [];
  for (const v of tries) {
    const au = v.effetAu || undefined;
    const der = r[r.length - 1];
    if (der && (der.au === undefined || lendemain(der.au) >= v.effetDu)) {
      if (der.au !== undefined && (au === undefined || au > der.au)) der.au = au;
    } else r.push(au === undefined ? { du: v.effetDu } : { du: v.effetDu, au });
  }
  return r;
}
