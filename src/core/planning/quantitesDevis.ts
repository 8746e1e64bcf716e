import Decimal from "decimal.js";
import type { Devis, LigneDevis } from "../devis/model";
import { montantLigne, type Cents } from "../money/cents";
import { masculiniser } from "../devis/regles/donnees";
import { chapitreDuRole } from "../devis/nomenclature";
import { calculerTotaux } from "../devis/totaux";
import { normaliser } from "../util/texte";
import { joursTravailles, type PlanDeTravail } from "./planDeTravail";

/** A proposed change of a devis line's quantity, from the days worked on the plan de travail. */
export interface PropositionQuantite {
  ligneId: string;
  libelle: string;
  /** The quantity cell of the producer's sheet, when the line has one ("Budget!D12"). */
  cellule?: string;
  fonction: string;
  personnes: string[];
  /** Person-days on the plan for this function. */
  joursPersonne: number;
  unite: "jour" | "semaine";
  ancienneQuantite?: string;
  nouvelleQuantite: string;
  ancienMontant: Cents;
  /** quantité × nombre × taux when the line has a rate. */
  nouveauMontant?: Cents;
}

const VIDES = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en"]);

function mots(s: string): string[] {
  // Feminine forms back to the masculine: « Cheffe opératrice » matches « Chef opérateur ».
  return masculiniser(s)
    .split(/[^a-z0-9]+/)
    .filter((m) => m && !VIDES.has(m))
    .map((m) => (m.length > 3 ? m.replace(/(s|x)$/, "") : m));
}

function uniteDe(l: LigneDevis): "jour" | "semaine" | undefined {
  const u = normaliser(l.unite ?? "");
  if (!u) return l.quantite !== undefined ? "jour" : undefined;
  if (/^(j|jr|jour|jours|journee|cachet|cachets|day|days|vacation)s?\b/.test(u)) return "jour";
  if (/^(s|sem|semaine|semaines|week)s?\b/.test(u)) return "semaine";
  return undefined;
}

/**
 * The devis line a function is paid on: every word of the function appears in the label; the label with the
 * fewest other words wins (« Chef électricien » goes to « Chef électricien », not to « Électriciens »).
 */
export function ligneDeFonction(fonction: string, lignes: LigneDevis[]): LigneDevis | undefined {
  const f = mots(fonction);
  if (f.length === 0) return undefined;
  let meilleure: { l: LigneDevis; extra: number } | undefined;
  for (const l of lignes) {
    if (l.chapitre === chapitreDuRole("charges-sociales") || l.categorie === "charges-sociales" || !uniteDe(l))
      continue;
    const m = mots(l.libelle);
    if (!f.every((x) => m.includes(x))) continue;
    const extra = m.length - f.length;
    if (!meilleure || extra < meilleure.extra) meilleure = { l, extra };
  }
  return meilleure?.l;
}

/**
 * Days worked per function → proposed quantities: quantité = person-days ÷ nombre (persons on the line, 1 when
 * absent), in weeks of 5 days for weekly lines, rounded half-up to 2 decimals. Only changes are proposed; nothing
 * is applied here.
 */
export function proposerQuantites(plan: PlanDeTravail, devis: Devis): PropositionQuantite[] {
  const parFonction = new Map<string, { fonction: string; personnes: string[]; jours: number }>();
  for (const p of joursTravailles(plan).values()) {
    if (!p.fonction) continue;
    const k = normaliser(p.fonction);
    const f = parFonction.get(k) ?? { fonction: p.fonction, personnes: [], jours: 0 };
    f.personnes.push(p.nom);
    f.jours += p.dates.size;
    parFonction.set(k, f);
  }
  const out: PropositionQuantite[] = [];
  const prises = new Set<string>();
  for (const f of parFonction.values()) {
    const l = ligneDeFonction(f.fonction, devis.lignes);
    if (!l || prises.has(l.id)) continue;
    prises.add(l.id);
    const unite = uniteDe(l)!;
    const nombre = l.nombre !== undefined && new Decimal(l.nombre).gt(0) ? new Decimal(l.nombre) : new Decimal(1);
    const q = new Decimal(f.jours)
      .div(unite === "semaine" ? 5 : 1)
      .div(nombre)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (l.quantite !== undefined && new Decimal(l.quantite).eq(q)) continue;
    out.push({
      ligneId: l.id,
      libelle: l.libelle,
      cellule: l.source.cellules.quantite,
      fonction: f.fonction,
      personnes: f.personnes,
      joursPersonne: f.jours,
      unite,
      ancienneQuantite: l.quantite,
      nouvelleQuantite: q.toFixed(),
      ancienMontant: l.montant,
      nouveauMontant: l.taux !== undefined ? montantLigne(q, nombre, l.taux) : undefined,
    });
  }
  return out;
}

/** The devis with the accepted quantities (and amounts recomputed where the line has a rate). */
export function appliquerQuantites(devis: Devis, acceptees: PropositionQuantite[]): Devis {
  const par = new Map(acceptees.map((p) => [p.ligneId, p]));
  const lignes = devis.lignes.map((l) => {
    const p = par.get(l.id);
    return p
      ? { ...l, quantite: p.nouvelleQuantite, montant: p.nouveauMontant ?? l.montant, montantFormule: false }
      : l;
  });
  return { ...devis, lignes, ...calculerTotaux(lignes, devis.totauxProducteur, devis.dureeMinutes) };
}
