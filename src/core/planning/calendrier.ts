import joursFeries from "@socialgouv/jours-feries";
import type { Source } from "../regles/table";
import { isoDepuisJour, jourDepuisIso, jourSemaine } from "./dates";

/** Metropolitan France, or Alsace-Moselle (adds Vendredi saint and la Saint-Étienne, 26 December). */
export type Zone = "metropole" | "alsace-moselle";
export const ZONES: readonly Zone[] = ["metropole", "alsace-moselle"];

/** The texts that make these days public holidays (the list comes from @socialgouv/jours-feries, not a rule table). */
const FERIES_L3133_1: Source = {
  titre: "Code du travail, art. L3133-1 : les onze fêtes légales qui sont des jours fériés",
  url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006902611",
};
const FERIES_L3134_13: Source = {
  titre: "Code du travail, art. L3134-13 : Vendredi saint et 26 décembre en Moselle, Bas-Rhin et Haut-Rhin",
  url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006902635",
};
/** Grey of a non-working day (Sunday or public holiday) on the Plan de travail and the Rétroplanning sheets. */
export const GRIS_DIMANCHE_FERIE = "#D9D9D9";

export const SOURCES_FERIES: Readonly<Record<Zone, readonly Source[]>> = {
  metropole: [FERIES_L3133_1],
  "alsace-moselle": [FERIES_L3133_1, FERIES_L3134_13],
};

const cache = new Map<string, Map<number, string>>();

/**
 * Public holidays of a year as day numbers → name. @socialgouv/jours-feries builds local-midnight Dates
 * (and shifts Easter by multiples of 24 h, which DST can bend by an hour): we read the local calendar
 * fields after adding 12 h, which gives the intended day in any time zone.
 */
export function feriesAnnee(annee: number, zone: Zone = "metropole"): Map<number, string> {
  const cle = `${annee}:${zone}`;
  let m = cache.get(cle);
  if (!m) {
    m = new Map();
    for (const [nom, d] of Object.entries(joursFeries(annee, { alsace: zone === "alsace-moselle" }))) {
      const midi = new Date(d.getTime() + 12 * 3_600_000);
      m.set(Date.UTC(midi.getFullYear(), midi.getMonth(), midi.getDate()) / 86_400_000, nom);
    }
    cache.set(cle, m);
  }
  return m;
}

function anneeDe(j: number): number {
  return new Date(j * 86_400_000).getUTCFullYear();
}

/** Working-day arithmetic on day numbers (see dates.ts). A "calendaire" step uses every day. */
export class Calendrier {
  /** Day number → working day: planifier asks about the same few hundred days for every step (margins). */
  private readonly ouvres = new Map<number, boolean>();

  constructor(public readonly zone: Zone = "metropole") {}

  ferie(j: number): string | undefined {
    return feriesAnnee(anneeDe(j), this.zone).get(j);
  }

  estOuvre(j: number): boolean {
    let o = this.ouvres.get(j);
    if (o === undefined) {
      o = jourSemaine(j) <= 5 && this.ferie(j) === undefined;
      this.ouvres.set(j, o);
    }
    return o;
  }

  utilisable(j: number, calendaire = false): boolean {
    return calendaire || this.estOuvre(j);
  }

  /** First usable day ≥ j (sens +1) or ≤ j (sens -1). */
  caler(j: number, sens: 1 | -1, calendaire = false): number {
    let k = j;
    while (!this.utilisable(k, calendaire)) k += sens;
    return k;
  }

  /**
   * The day `n` usable days away from j, counting j itself when usable: n = 1 gives j (or the next usable
   * day); so a step of n days that starts on j ends on decaler(j, n, +1).
   */
  decaler(j: number, n: number, sens: 1 | -1, calendaire = false): number {
    let k = this.caler(j, sens, calendaire);
    for (let i = 1; i < n; i++) k = this.caler(k + sens, sens, calendaire);
    return k;
  }

  /** Usable days in [a, b] inclusive (0 when b < a). */
  compter(a: number, b: number, calendaire = false): number {
    let n = 0;
    for (let k = a; k <= b; k++) if (this.utilisable(k, calendaire)) n++;
    return n;
  }

  /** Holidays (ISO date, name) between two days, for the sheets' shading lists. */
  feriesEntre(a: number, b: number): { date: string; nom: string }[] {
    const out: { date: string; nom: string }[] = [];
    for (let y = anneeDe(a); y <= anneeDe(b); y++) {
      for (const [j, nom] of feriesAnnee(y, this.zone)) if (j >= a && j <= b) out.push({ date: isoDepuisJour(j), nom });
    }
    return out.sort((x, y) => x.date.localeCompare(y.date));
  }
}

/** Working days between two ISO dates, both included (NETWORKDAYS); negative when fin < debut, like Excel. */
export function joursOuvres(debut: string, fin: string, zone: Zone = "metropole"): number {
  const a = jourDepuisIso(debut);
  const b = jourDepuisIso(fin);
  const cal = new Calendrier(zone);
  return b >= a ? cal.compter(a, b) : -cal.compter(b, a);
}

/**
 * Start of a task of `n` working days ending on `fin` (fin included): PROD.DATE.RETRO. A non-working `fin`
 * is first moved back to the previous working day. n = 0 gives the last working day before fin.
 */
export function dateRetro(fin: string, n: number, zone: Zone = "metropole"): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`Nombre de jours ouvrés invalide : ${n} (entier ≥ 0 attendu)`);
  const cal = new Calendrier(zone);
  const j = jourDepuisIso(fin);
  return isoDepuisJour(n === 0 ? cal.caler(j - 1, -1) : cal.decaler(j, n, -1));
}
