import Decimal from "decimal.js";
import { cents, type Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";
import type { Constat } from "../controles/constat";
import { sourceLigne, type CodeChapitre, type Devis } from "../devis/model";
import { CHAPITRES_AUDIOVISUEL, CHAPITRES_HORS_TOTAL, ORDRE_CHAPITRES } from "../devis/nomenclature";
import type { Realise } from "../comptabilite/realise";

/** Alert when |écart estimé| > montant AND |écart estimé| / budget > pct (or the budget is zero). */
export interface Seuils {
  /** Decimal fraction, "0.05" = 5 %. */
  pct: string;
  montant: Cents;
}

export const SEUILS_DEFAUT: Seuils = { pct: "0.05", montant: cents(100000) };

export interface LigneEcart {
  niveau: "chapitre" | "ligne";
  /** Chapter code, devis line code, or "" for a devis line without code. */
  code: string;
  libelle: string;
  chapitre: string;
  budget: Cents;
  budgetRevise?: Cents;
  /** A chapter's budget révisé is the sum of its postes' (none typed for the chapter itself). */
  budgetReviseDesPostes?: boolean;
  engage?: Cents;
  realise: Cents;
  /** Reste à engager: given, or max(0, budget − réalisé). */
  reste: Cents;
  /** The cell the reste à engager was typed in (a previous Écarts sheet, « 'Écarts'!H12 »), when it was typed. */
  celluleReste?: string;
  estimation: Cents;
  /** Écart: réalisé − budget (positive = overspend so far). */
  ecart: Cents;
  /** écart / budget, undefined when the budget is zero. */
  ecartPct?: Decimal;
  /** Écart estimé: estimation finale − budget (the overspend expected at the end). */
  ecartEstime: Cents;
  /** écart estimé / budget, undefined when the budget is zero. */
  ecartEstimePct?: Decimal;
  /** The écart estimé is over both thresholds. */
  alerte: boolean;
  /** Devis line share in France (0..1) as a decimal string, when the devis line says so. */
  partFrance?: string;
  /** Lines whose réalisé cannot be looked up by code (devis line without code). */
  sansCode?: boolean;
  /** A poste of the correspondances with réalisé but no devis line nor chapter of that code (« Poste 99 »). */
  horsDevis?: boolean;
  /** A poste carrying réalisé whose code is only that of devis lines placed in no chapter (budget 0 here). */
  nonPlace?: boolean;
}

export interface SaisiesEcarts {
  /** Keyed by "chapitre:<code>" or "ligne:<code>". */
  budgetRevise?: Map<string, Cents>;
  engage?: Map<string, Cents>;
  reste?: Map<string, Cents>;
  /** Where each reste à engager of `reste` was typed (« 'Écarts'!H12 »), same keys. */
  cellulesReste?: Map<string, string>;
}

/**
 * A devis amount that no chapter holds (`prodbook devis`'s « Montants non placés (hors total) », `Devis.nonPlaces`):
 * listed apart, never in a budget, so that the écarts Budget total is the devis total.
 */
export interface MontantNonPlaceEcarts {
  /** The producer's amount cell (« 'Budget Gardiens'!G6 »). */
  cellule: string;
  libelle: string;
  montant: Cents;
  /** The devis line's code, when it has one (réalisé mapped to it is shown on a budget-less row of its chapter). */
  code?: string;
}

/** The title of that list after the total, in the CLI text, the Écarts and Coût définitif sheets and the pane. */
export const TITRE_NON_PLACES_ECARTS = "Montants non placés du devis (hors total)";

export interface RapportEcarts {
  chapitres: LigneEcart[];
  lignes: LigneEcart[];
  /** ecart = réalisé − budget, ecartEstime = estimation − budget. budget = the devis total (placed lines only). */
  total: { budget: Cents; realise: Cents; estimation: Cents; ecart: Cents; ecartEstime: Cents };
  /** The devis amounts placed in no chapter: outside every budget and total, listed after the total. */
  nonPlaces: MontantNonPlaceEcarts[];
  seuils: Seuils;
  realise: Realise;
}

const LIBELLES = new Map<string, string>(CHAPITRES_AUDIOVISUEL.map((c) => [c.code, c.libelle]));

/** Chapter of a poste code: the devis line's chapter, the code itself when it is a chapter, else its first digit. */
export function chapitreDuPoste(code: string, devis: Devis): string {
  const l = devis.lignes.find((x) => x.code === code && x.chapitre);
  if (l) return l.chapitre as string;
  const maj = code.toUpperCase();
  if ((ORDRE_CHAPITRES as readonly string[]).includes(maj)) return maj;
  const p = CHAPITRES_HORS_TOTAL.find((c) => maj.startsWith(c));
  if (p) return p;
  return /^\d/.test(code) ? code[0] : "?";
}

/**
 * Réalisé booked to postes the devis does not have (a correspondance « 641;99 » for « 9 », or a line since
 * removed): shown apart on the Écarts sheet, and named here so that the summary says it (the pane's correspondances
 * editor warns row by row; the CLI reads a CSV). The same finding for the bilan carbone's définitif read from a FEC
 * (`pour: "carbone"`), where that réalisé goes to no line of the bilan: said so instead of « compté au chapitre ».
 */
export function constatsPostesHorsDevis(r: RapportEcarts, pour: "ecarts" | "carbone" = "ecarts"): Constat[] {
  const hors = r.lignes.filter((l) => l.horsDevis);
  if (!hors.length) return [];
  const total = hors.reduce((s, l) => s + l.realise, 0);
  const n = hors.length;
  const detail = (l: LigneEcart) =>
    `${l.code} (${formatMontantFr(l.realise)}${pour === "ecarts" ? `, compté au chapitre ${l.chapitre}` : ""})`;
  return [
    {
      regle: "postes-hors-devis",
      gravite: "alerte",
      message:
        `${n} ${n >= 2 ? "postes" : "poste"} des correspondances ${n >= 2 ? "absents" : "absent"} du devis ` +
        `${n >= 2 ? "portent" : "porte"} du réalisé (${formatMontantFr(cents(total))}) : ${hors.map(detail).join(", ")}` +
        (pour === "carbone" ? ` ; ${n >= 2 ? "ce réalisé ne va" : "il ne va"} à aucune ligne du bilan définitif` : "") +
        `. Vérifiez les correspondances : un poste est un code de chapitre (« 2 ») ou de ligne du devis (« 2.3 »).`,
    },
  ];
}

/** The écart estimé is over both thresholds (or over the amount on a budget of 0). */
export function alerte(ecart: Cents, budget: Cents, s: Seuils): boolean {
  if (Math.abs(ecart) <= s.montant) return false;
  return budget === 0 || new Decimal(Math.abs(ecart)).dividedBy(Math.abs(budget)).greaterThan(s.pct);
}

function ligne(
  niveau: LigneEcart["niveau"],
  code: string,
  libelle: string,
  chapitre: string,
  budget: number,
  realise: number,
  saisies: SaisiesEcarts,
  seuils: Seuils,
): LigneEcart {
  const k = `${niveau}:${code}`;
  const saisi = saisies.reste?.get(k);
  const reste = saisi ?? Math.max(0, budget - realise);
  const celluleReste = saisi === undefined ? undefined : saisies.cellulesReste?.get(k);
  const estimation = realise + reste;
  const ecartEstime = estimation - budget;
  const ecart = realise - budget;
  return {
    niveau,
    code,
    libelle,
    chapitre,
    budget: cents(budget),
    budgetRevise: saisies.budgetRevise?.get(k),
    engage: saisies.engage?.get(k),
    realise: cents(realise),
    reste: cents(reste),
    ...(celluleReste ? { celluleReste } : {}),
    estimation: cents(estimation),
    ecart: cents(ecart),
    ecartPct: budget === 0 ? undefined : new Decimal(ecart).dividedBy(budget),
    ecartEstime: cents(ecartEstime),
    ecartEstimePct: budget === 0 ? undefined : new Decimal(ecartEstime).dividedBy(budget),
    alerte: alerte(cents(ecartEstime), cents(budget), seuils),
  };
}

/**
 * Variance per chapter and per devis line. The chapter's reste à engager is its own estimate (default
 * budget − réalisé of the chapter), so réalisé booked at chapter level (poste "2") is never counted twice.
 */
export function calculerEcarts(
  devis: Devis,
  realise: Realise,
  saisies: SaisiesEcarts = {},
  seuils: Seuils = SEUILS_DEFAUT,
): RapportEcarts {
  const lignes: LigneEcart[] = [];
  const vus = new Set<string>();
  const parCode = new Map<string, { libelle: string; chapitre: string; budget: number; partFrance?: string }>();
  // A line placed in no chapter is not budget (as in `prodbook devis`, whose total leaves it out): listed apart.
  const nonPlaces: MontantNonPlaceEcarts[] = [];
  const codesNonPlaces = new Map<string, string>();
  for (const l of devis.lignes) {
    if (!l.chapitre) {
      if (l.montant !== 0)
        nonPlaces.push({
          cellule: sourceLigne(l),
          libelle: l.libelle,
          montant: l.montant,
          ...(l.code ? { code: l.code } : {}),
        });
      if (l.code && !codesNonPlaces.has(l.code)) codesNonPlaces.set(l.code, l.libelle);
      continue;
    }
    const chapitre = l.chapitre as string;
    if (!l.code) {
      const e = ligne("ligne", "", l.libelle, chapitre, l.montant, 0, saisies, seuils);
      lignes.push({ ...e, sansCode: true, partFrance: l.partFrance });
      continue;
    }
    const p = parCode.get(l.code);
    if (p) p.budget += l.montant;
    else parCode.set(l.code, { libelle: l.libelle, chapitre, budget: l.montant, partFrance: l.partFrance });
  }
  for (const [code, p] of parCode) {
    vus.add(code);
    lignes.push({
      ...ligne("ligne", code, p.libelle, p.chapitre, p.budget, realise.parPoste.get(code) ?? 0, saisies, seuils),
      partFrance: p.partFrance,
    });
  }
  // Postes with réalisé but no devis line: chapter-level bookings, unknown line codes, and the codes of lines placed
  // in no chapter (their réalisé stays affecté, on a budget-less row of the chapter the Grand livre gives it).
  for (const [code, montant] of realise.parPoste) {
    if (vus.has(code)) continue;
    const chapitre = chapitreDuPoste(code, devis);
    const np = codesNonPlaces.get(code);
    if (np !== undefined && chapitre !== code) {
      const l = ligne(
        "ligne",
        code,
        `${np} (montant non placé du devis, hors total)`,
        chapitre,
        0,
        montant,
        saisies,
        seuils,
      );
      lignes.push({ ...l, nonPlace: true });
      continue;
    }
    const lib =
      chapitre === code ? `${LIBELLES.get(code) ?? code} — imputé au chapitre` : `Poste ${code} (absent du devis)`;
    const l = ligne("ligne", code, lib, chapitre, 0, montant, saisies, seuils);
    lignes.push(chapitre === code ? l : { ...l, horsDevis: true });
  }
  const ordre = (c: string) => {
    const i = (ORDRE_CHAPITRES as readonly string[]).indexOf(c);
    return i < 0 ? 99 : i;
  };
  lignes.sort((a, b) => ordre(a.chapitre) - ordre(b.chapitre));
  const codesChapitres = [
    ...new Set([...devis.chapitres.map((c) => c.code as string), ...lignes.map((l) => l.chapitre)]),
  ].sort((a, b) => ordre(a) - ordre(b));
  const chapitres = codesChapitres.map((c) => {
    const ls = lignes.filter((l) => l.chapitre === c);
    const budget = ls.reduce((s, l) => s + l.budget, 0);
    const real = ls.reduce((s, l) => s + l.realise, 0);
    const libelle =
      devis.chapitres.find((x) => x.code === (c as CodeChapitre))?.libelle ??
      LIBELLES.get(c) ??
      (c === "?" ? "Hors chapitre" : c);
    const e = ligne("chapitre", c, libelle, c, budget, real, saisies, seuils);
    const revises = ls.map((l) => l.budgetRevise).filter((x): x is Cents => x !== undefined);
    if (e.budgetRevise === undefined && revises.length) {
      e.budgetRevise = cents(
        revises.reduce((s, v) => s + v, 0) +
          ls.filter((l) => l.budgetRevise === undefined).reduce((s, l) => s + l.budget, 0),
      );
      e.budgetReviseDesPostes = true;
    }
    return e;
  });
  const total = {
    budget: cents(chapitres.reduce((s, c) => s + c.budget, 0)),
    realise: cents(chapitres.reduce((s, c) => s + c.realise, 0)),
    estimation: cents(chapitres.reduce((s, c) => s + c.estimation, 0)),
    ecart: cents(chapitres.reduce((s, c) => s + c.ecart, 0)),
    ecartEstime: cents(chapitres.reduce((s, c) => s + c.ecartEstime, 0)),
  };
  return { chapitres, lignes, total, seuils, realise, nonPlaces };
}
