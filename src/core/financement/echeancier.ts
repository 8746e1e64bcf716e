import { Cents, cents, repartir, sumCents, ZERO } from "../money/cents";
import { formatMontantFr } from "../money/format";
import { estSerieDate, isoDepuisSerie, serieDepuisIso } from "../util/serieExcel";
import { moisEnLettres, pluriel } from "../util/texte";
import { moisDe, moisEntre } from "./dates";
import type { SourceFinancement } from "./model";

/** A period of spending (a planning step: préparation, tournage, montage…), dates ISO inclusive. */
export interface PeriodeDepense {
  nom?: string;
  debut: string;
  fin: string;
}

export interface MoisEcheancier {
  /** "YYYY-MM". */
  mois: string;
  encaissements: Cents;
  depenses: Cents;
  /** Cumulative cash in − cumulative spending: negative = treasury gap to bridge. */
  cumul: Cents;
}

export interface Echeancier {
  mois: MoisEcheancier[];
  /** Cash-in without a date (not placed in a month). */
  sansDate: Cents;
  /** How many cash payments have no date. */
  versementsSansDate: number;
  /**
   * Contributions that are no cash (mise en participation, apport en industrie): they pay part of the cost without a
   * payment, so neither their amount comes in nor that part of the cost goes out.
   */
  nonNumeraire: Cents;
  /** How many sources are no cash. */
  apportsNonNumeraires: number;
  /** Largest cumulative gap (≥ 0). */
  besoinMaximal: Cents;
  /** How spending was spread, in words. */
  repartition: string;
  /** How spending was spread, in figures (for its trace), when a cost was spread over months. */
  detailRepartition?: DetailRepartition;
}

/**
 * The spread of the cost paid out over the months: each month's spending = décaissé × its weight ÷ Σ weights, to the
 * cent (`repartir`: the cents rounding leaves go to the largest remainders, so that Σ spending = décaissé).
 */
export interface DetailRepartition {
  /** Cost paid out: coût − non-cash contributions. */
  decaisse: Cents;
  /** « jours »: days of the planning's steps in each month; « mois »: 1 for each month between the payment dates. */
  unite: "jours" | "mois";
  /** Weight of each month spent in (« 2026-03 » → days or 1). */
  poids: Record<string, number>;
  totalPoids: number;
  /** Planning: each step's days in each month, in the planning's order. */
  etapes?: Record<string, { nom?: string; jours: number }[]>;
}

/** Calendar days of [debut, fin] falling in each month. */
function joursParMois(p: PeriodeDepense): Map<string, number> {
  const out = new Map<string, number>();
  const a = serieDepuisIso(p.debut);
  const b = serieDepuisIso(p.fin);
  for (let j = a; j <= b; j++) {
    if (!estSerieDate(j)) continue; // serial 60, the 29/02/1900 Excel counts, is no day
    const iso = isoDepuisSerie(j);
    out.set(moisDe(iso), (out.get(moisDe(iso)) ?? 0) + 1);
  }
  return out;
}

/**
 * Cash in by month from the sources' dated payments, against spending by month: the cost spread over the
 * planning's steps (weighted by their days in each month) or, without a planning, evenly over the months from the
 * first to the last payment date. Contributions that are no cash (`numeraire` false) stay out of both sides: the
 * cost they cover is never paid out.
 */
export function calculerEcheancier(
  sources: SourceFinancement[],
  cout: Cents | undefined,
  periodes: PeriodeDepense[] = [],
): Echeancier {
  const tranches = sources.filter((s) => s.numeraire).flatMap((s) => s.tranches);
  const apports = sources.filter((s) => !s.numeraire);
  const nonNumeraire = sumCents(apports.map((s) => s.montant));
  const datees = tranches.filter((t) => t.date).map((t) => t.date as string);
  const nonDatees = tranches.filter((t) => !t.date);
  const sansDate = sumCents(nonDatees.map((t) => t.montant));
  const periodesValides = periodes.filter((p) => p.debut <= p.fin);
  let poids = new Map<string, number>();
  const etapes: Record<string, { nom?: string; jours: number }[]> = {};
  let repartition: string;
  if (periodesValides.length > 0) {
    for (const p of periodesValides)
      for (const [m, j] of joursParMois(p)) {
        poids.set(m, (poids.get(m) ?? 0) + j);
        (etapes[m] ??= []).push({ ...(p.nom ? { nom: p.nom } : {}), jours: j });
      }
    repartition =
      `dépenses réparties selon le planning (${pluriel(periodesValides.length, "étape")}, ` +
      "au prorata des jours de chaque mois)";
  } else if (datees.length > 0) {
    const tri = datees.slice().sort();
    for (const m of moisEntre(moisDe(tri[0]), moisDe(tri[tri.length - 1]))) poids.set(m, 1);
    repartition =
      `sans planning : coût réparti également de ${moisEnLettres(moisDe(tri[0]))} à ` +
      `${moisEnLettres(moisDe(tri[tri.length - 1]))} (dates des versements)`;
  } else {
    poids = new Map();
    repartition = "aucune date de versement ni planning : pas d'échéancier mensuel";
  }
  const bornes = [...poids.keys(), ...datees.map(moisDe)].sort();
  const tousMois = bornes.length ? moisEntre(bornes[0], bornes[bornes.length - 1]) : [];
  const moisPoids = tousMois.filter((m) => poids.has(m));
  const depenses = new Map<string, Cents>();
  const decaisse = cout === undefined ? undefined : Math.max(0, cout - nonNumeraire);
  let detailRepartition: DetailRepartition | undefined;
  if (decaisse !== undefined && decaisse > 0 && moisPoids.length) {
    const ws = moisPoids.map((m) => poids.get(m) as number);
    const parts = repartir(cents(decaisse), ws);
    moisPoids.forEach((m, i) => depenses.set(m, parts[i]));
    detailRepartition = {
      decaisse: cents(decaisse),
      unite: periodesValides.length ? "jours" : "mois",
      poids: Object.fromEntries(moisPoids.map((m, i) => [m, ws[i]])),
      totalPoids: ws.reduce((a, b) => a + b, 0),
      ...(periodesValides.length ? { etapes: Object.fromEntries(moisPoids.map((m) => [m, etapes[m]])) } : {}),
    };
  }
  let cumul = 0;
  let besoin = 0;
  const mois: MoisEcheancier[] = tousMois.map((m) => {
    const enc = sumCents(tranches.filter((t) => t.date && moisDe(t.date) === m).map((t) => t.montant));
    const dep = depenses.get(m) ?? ZERO;
    cumul += enc - dep;
    besoin = Math.max(besoin, -cumul);
    return { mois: m, encaissements: enc, depenses: dep, cumul: cents(cumul) };
  });
  if (nonNumeraire > 0 && cout !== undefined)
    repartition += ` ; hors apports non numéraires (${formatMontantFr(nonNumeraire)}), qui ne se décaissent pas`;
  return {
    mois,
    sansDate,
    versementsSansDate: nonDatees.length,
    nonNumeraire,
    apportsNonNumeraires: apports.length,
    besoinMaximal: cents(besoin),
    repartition,
    ...(detailRepartition ? { detailRepartition } : {}),
  };
}
