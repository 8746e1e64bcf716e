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
   * The quantity Prodbook's Devis sheet holds for this line when it is not the producer's, read back: an earlier
   * « Appliquer » wrote it, or a `prodbook devis -o` before the producer changed their quantity (Prodbook cannot tell
   * which). Equal to `nouvelleQuantite`, the proposal is applied; another, the line is « à mettre à jour » (this
   * quantity → `nouvelleQuantite`), and left unticked it takes the producer's quantity. Absent otherwise.
   */
  quantiteAppliquee?: string;
}

/** Where a proposal stands: never applied, applied with the quantity the plan proposes, applied with another. */
export type EtatProposition = "proposee" | "appliquee" | "a-mettre-a-jour";

export function etatProposition(p: PropositionQuantite): EtatProposition {
  if (p.quantiteAppliquee === undefined) return "proposee";
  return new Decimal(p.quantiteAppliquee).eq(p.nouvelleQuantite) ? "appliquee" : "a-mettre-a-jour";
}

/** A devis quantity in its unit, with a decimal comma: « 18 j », « 2,5 sem. » (the pane and the CLI say it so). */
export function quantiteEnUnite(q: string, unite: "jour" | "semaine"): string {
  return `${q.replace(".", ",")}\u00a0${unite === "semaine" ? "sem." : "j"}`;
}

/**
 * A line « à mettre à jour » left unticked by « Appliquer », in words: the quantity Prodbook's Devis sheet held, and
 * the producer's it takes back (« Ingénieur du son : la feuille Devis de Prodbook portait 4 j ; sans case cochée, elle
 * reprend la quantité de votre devis (18 j). »).
 */
export function phraseRetourAuDevis(p: PropositionQuantite): string {
  const avant = quantiteEnUnite(p.quantiteAppliquee ?? p.nouvelleQuantite, p.unite);
  const devis =
    p.ancienneQuantite === undefined
      ? "votre devis, sans quantité"
      : `la quantité de votre devis (${quantiteEnUnite(p.ancienneQuantite, p.unite)})`;
  return `${p.libelle} : la feuille Devis de Prodbook portait ${avant} ; sans case cochée, elle reprend ${devis}.`;
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
