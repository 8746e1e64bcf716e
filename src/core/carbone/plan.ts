import { dateEnLettres, isoDepuisJour, jourDepuisIso, jourSemaine } from "../planning/dates";
import { joursTravailles, type PlanDeTravail } from "../planning/planDeTravail";
import { normaliser, pluriel } from "../util/texte";
import type { Activite } from "./modele";

/** What the plan de travail says about the shoot, for the bilan. */
export interface ResumePlan {
  feuille: string;
  /** Distinct shooting days. */
  jours: number;
  /** Distinct people on the plan. */
  personnes: number;
  /** Σ distinct days worked per person (one meal each on the set). */
  joursPersonne: number;
  lieux: { lieu: string; jours: number; personnes: number; cellule: string }[];
  /** Shooting days in each calendar week (Monday to Sunday) of the plan, in date order. */
  semaines: SemainePlan[];
  /**
   * Shooting days per week, when the plan says it without ambiguity: every week has that many days, the first and
   * the last week of a plan of three weeks or more excepted (a shoot may start or end mid-week, with no more days).
   * Undefined when the weeks differ: the conversion of a rented week then keeps the table's convention, and says so.
   */
  joursParSemaine?: number;
}

/** One calendar week of the plan de travail: its Monday (ISO date) and its distinct shooting days. */
export interface SemainePlan {
  lundi: string;
  jours: number;
}

/** Distinct shooting dates grouped by calendar week (Monday to Sunday), in date order. */
function semainesDuPlan(dates: Iterable<string>): SemainePlan[] {
  const parLundi = new Map<number, number>();
  for (const d of dates) {
    const j = jourDepuisIso(d);
    const lundi = j - jourSemaine(j) + 1;
    parLundi.set(lundi, (parLundi.get(lundi) ?? 0) + 1);
  }
  return [...parLundi.entries()].sort((a, b) => a[0] - b[0]).map(([l, n]) => ({ lundi: isoDepuisJour(l), jours: n }));
}

/** The plan's shooting days per week, or undefined when its weeks differ (see ResumePlan.joursParSemaine). */
function rythme(semaines: SemainePlan[]): number | undefined {
  if (!semaines.length) return undefined;
  const pleines = semaines.length >= 3 ? semaines.slice(1, -1) : semaines;
  const k = pleines[0].jours;
  if (pleines.some((s) => s.jours !== k)) return undefined;
  // A first or last week with more days than the others: the weeks differ.
  if (semaines.some((s) => s.jours > k)) return undefined;
  return k;
}

/** « 3 semaines de tournage à partir du lundi 2 mars 2026 : 4, 4 et 2 jours ». */
export function texteSemaines(r: Pick<ResumePlan, "semaines">): string {
  const n = r.semaines.length;
  const jours = r.semaines.map((s) => String(s.jours));
  const liste = jours.length > 1 ? `${jours.slice(0, -1).join(", ")} et ${jours[jours.length - 1]}` : jours[0];
  return (
    `${pluriel(n, "semaine")} de tournage à partir du lundi ${dateEnLettres(r.semaines[0].lundi)} : ` +
    `${liste} ${n === 1 && r.semaines[0].jours < 2 ? "jour" : "jours"}`
  );
}

export function resumerPlan(plan: PlanDeTravail): ResumePlan {
  const parPersonne = joursTravailles(plan);
  const jours = new Set(plan.vacations.map((v) => v.date));
  const lieux = new Map<string, { lieu: string; dates: Set<string>; noms: Set<string>; cellule: string }>();
  for (const v of plan.vacations) {
    if (!v.lieu) continue;
    const k = normaliser(v.lieu);
    const l = lieux.get(k) ?? {
      lieu: v.lieu,
      dates: new Set<string>(),
      noms: new Set<string>(),
      cellule: v.cellules.date,
    };
    l.dates.add(v.date);
    l.noms.add(normaliser(v.nom));
    lieux.set(k, l);
  }
  const semaines = semainesDuPlan(jours);
  const joursParSemaine = rythme(semaines);
  return {
    feuille: plan.feuille,
    semaines,
    ...(joursParSemaine !== undefined ? { joursParSemaine } : {}),
    jours: jours.size,
    personnes: parPersonne.size,
    joursPersonne: [...parPersonne.values()].reduce((s, p) => s + p.dates.size, 0),
    lieux: [...lieux.values()].map((l) => ({
      lieu: l.lieu,
      jours: l.dates.size,
      personnes: l.noms.size,
      cellule: l.cellule,
    })),
  };
}

/**
 * Activities from the plan de travail: the set's meals (one per person and day worked) when the devis has no meal
 * line — otherwise the plan only cross-checks it —, and one trip row per location, whose distance and mode the
 * user gives (never guessed).
 */
export function activitesDuPlan(r: ResumePlan, devisARepas: boolean): Activite[] {
  const out: Activite[] = [];
  if (!devisARepas && r.joursPersonne > 0) {
    out.push({
      id: "plan:repas",
      origine: "plan",
      cellule: `${r.feuille} (plan de travail)`,
      libelle: `Repas sur le tournage : ${pluriel(r.joursPersonne, "jour-personne", "jours-personne")} au plan de travail`,
      categorie: "repas",
      poste: "Repas (régime non précisé)",
      quantite: String(r.joursPersonne),
      unite: "repas",
      facteur: "repas-moyen",
      manques: [],
      notes: ["Un repas par personne et par jour travaillé ; le devis n'a pas de ligne de repas."],
    });
  }
  for (const l of r.lieux) {
    out.push({
      id: `plan:lieu:${normaliser(l.lieu)}`,
      origine: "plan",
      cellule: l.cellule,
      libelle: `Déplacements vers « ${l.lieu} » : ${pluriel(l.jours, "jour")}, ${pluriel(l.personnes, "personne")}`,
      categorie: "transport",
      poste: "Voiture",
      unite: "km",
      facteur: "voiture",
      manques: [],
      manqueQuantite:
        `Distance et mode à indiquer pour « ${l.lieu} » (${pluriel(l.jours, "jour")} au plan de travail) ; laissez vide si ces ` +
        `trajets sont déjà dans une ligne du devis.`,
      notes: [],
    });
  }
  return out;
}
