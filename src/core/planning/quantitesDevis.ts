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
  /**
   * The quantity an earlier « Appliquer » wrote for this line in Prodbook's Devis sheet (another than the producer's),
   * read back: equal to `nouvelleQuantite`, the proposal is applied; another, the plan changed since and the line is
   * « à mettre à jour » (this quantity → `nouvelleQuantite`). Absent when the line was never applied.
   */
  quantiteAppliquee?: string;
}

/** Where a proposal stands: never applied, applied with the quantity the plan proposes, applied with another. */
export type EtatProposition = "proposee" | "appliquee" | "a-mettre-a-jour";

export function etatProposition(p: PropositionQuantite): EtatProposition {
  if (p.quantiteAppliquee === undefined) return "proposee";
  return new Decimal(p.quantiteAppliquee).eq(p.nouvelleQuantite) ? "appliquee" : "a-mettre-a-jour";
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
 * is applied here. `appliquees` (line id → quantity an earlier « Appliquer » wrote, read back from Prodbook's Devis
 * sheet) marks each proposal's `quantiteAppliquee`; a line applied before is proposed whenever the plan proposes
 * another quantity than the one applied, even the producer's own (« à mettre à jour »).
 */
export function proposerQuantites(
  plan: PlanDeTravail,
  devis: Devis,
  appliquees: ReadonlyMap<string, string> = new Map(),
): PropositionQuantite[] {
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
    const q = new Decimal(f.jours)
      .div(unite === "semaine" ? 5 : 1)
      .div(nombreDe(l))
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const appliquee = appliquees.get(l.id);
    const commeAppliquee = appliquee === undefined || new Decimal(appliquee).eq(q);
    if (l.quantite !== undefined && new Decimal(l.quantite).eq(q) && commeAppliquee) continue;
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
      nouveauMontant: montantPour(l, q),
      ...(appliquee !== undefined ? { quantiteAppliquee: appliquee } : {}),
    });
  }
  return out;
}

/** The persons a line pays (its nombre, 1 when absent or not positive). */
function nombreDe(l: LigneDevis): Decimal {
  return l.nombre !== undefined && new Decimal(l.nombre).gt(0) ? new Decimal(l.nombre) : new Decimal(1);
}

/** A line's amount at quantity `q`: quantité × nombre × taux when it has a rate. */
function montantPour(l: LigneDevis, q: Decimal.Value): Cents | undefined {
  return l.taux !== undefined ? montantLigne(q, nombreDe(l), l.taux) : undefined;
}

/**
 * A proposal « à mettre à jour » left unticked: the line keeps the quantity applied before (its amount recomputed
 * as that application wrote it), so applying other lines never drops an earlier application without a word.
 */
export function commeAppliquee(p: PropositionQuantite, devis: Devis): PropositionQuantite {
  const l = devis.lignes.find((x) => x.id === p.ligneId);
  if (!l || p.quantiteAppliquee === undefined) return p;
  return { ...p, nouvelleQuantite: p.quantiteAppliquee, nouveauMontant: montantPour(l, p.quantiteAppliquee) };
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
