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
  return {
    feuille: plan.feuille,
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
