import * as v from "valibot";
import { CATEGORIES_LIGNE, CODES_CHAPITRE } from "../../devis/model";
import { centimes, dateIso, grille, jours, minutes, taux, texte } from "../schema";

/** Genres of the cinema and audiovisual credits (CGI 220 sexies II-1: fiction, documentaire, animation). */
export const GENRES_CREDIT = ["fiction", "documentaire", "animation"] as const;
const genre = v.picklist(GENRES_CREDIT, (i) => `${String(i.received)} : genre fiction, documentaire ou animation`);
const genres = v.pipe(v.array(genre), v.minLength(1, "au moins un genre"));

/** Chapter codes and line categories: one list each, in the devis model (the nomenclature table must match it). */
const CHAPITRES = CODES_CHAPITRE;
const CATEGORIES = CATEGORIES_LIGNE;

const regleEligibilite = v.strictObject({ eligible: v.boolean(), motif: texte });

/**
 * Where the public subsidies come off (CGI 220 sexies V, 220 quaterdecies V): from the eligible spend before the cap
 * of the base at 80 % of the budget (III-3), or from the capped base.
 */
export const ORDRES_SUBVENTIONS = ["avant-plafond", "apres-plafond"] as const;
export type OrdreSubventions = (typeof ORDRES_SUBVENTIONS)[number];
const regleSubventions = v.strictObject({
  remboursablesDeduites: v.boolean(),
  ordre: v.picklist(ORDRES_SUBVENTIONS, (i) => `${String(i.received)} : ordre avant-plafond ou apres-plafond`),
});

/** A record whose keys are all of `cles` (when `toutes`) or some of them. */
function parCle<T extends v.GenericSchema>(cles: readonly string[], valeur: T, toutes: boolean) {
  return v.pipe(
    v.record(v.string(), valeur),
    v.check(
      (r) => Object.keys(r).every((k) => cles.includes(k)),
      (i) => `clé inconnue parmi ${Object.keys(i.input as object).join(", ")} (attendu : ${cles.join(", ")})`,
    ),
    v.check((r) => !toutes || cles.every((k) => k in r), `toutes les clés sont attendues : ${cles.join(", ")}`),
  );
}

/** Artists' minima of one film format (IDCC 3097 titre III): per day, per week of 5 or 6 days, in cents. */
const engagementsArtiste = v.strictObject({ journee: centimes, semaine5Jours: centimes, semaine6Jours: centimes });

/** Schemas of the tax-credit tables (src/core/regles/data/credit-impot-*.json). Amounts in cents. */
export const SCHEMAS_CREDIT_IMPOT = {
  "credit-impot-cinema": v.strictObject({ taux, tauxMajore: taux, partPlansVfxAnimation: taux }),
  "credit-impot-cinema-plafond": v.strictObject({ plafondOeuvre: centimes }),
  "credit-impot-plafond-budget": v.strictObject({ partBudgetMax: taux }),
  "credit-impot-subventions": v.strictObject({
    cinema: regleSubventions,
    audiovisuel: regleSubventions,
    international: regleSubventions,
  }),
  "credit-impot-cinema-realisateur": v.strictObject({
    tranches: grille(v.strictObject({ jusqua: centimes, taux }), "jusqua"),
  }),
  "credit-impot-hebergement": v.strictObject({ paris: centimes, ailleurs: centimes }),
  "credit-impot-audiovisuel": v.strictObject({ base: taux, fiction: taux, documentaire: taux, animation: taux }),
  "credit-impot-audiovisuel-plafond-minute-fiction": v.strictObject({
    tranches: grille(v.strictObject({ coutMinuteDe: centimes, plafond: centimes }), "coutMinuteDe"),
  }),
  "credit-impot-audiovisuel-plafond-minute-coproduction": v.strictObject({
    partEtrangereMin: taux,
    coutMinuteMin: centimes,
    plafond: centimes,
  }),
  "credit-impot-audiovisuel-plafond-minute-documentaire": v.strictObject({ plafond: centimes }),
  "credit-impot-audiovisuel-plafond-minute-animation": v.strictObject({ plafond: centimes }),
  "credit-impot-audiovisuel-minimum-fiction": v.strictObject({ dureeMinutes: minutes, coutMinute: centimes }),
  "credit-impot-audiovisuel-minimum-fiction-jeunesse": v.strictObject({ coutMinute: centimes }),
  "credit-impot-audiovisuel-minimum-documentaire": v.strictObject({
    dureeMinutes: minutes,
    depensesMinute: centimes,
    coutMinute: centimes,
  }),
  "credit-impot-audiovisuel-minimum-animation": v.strictObject({ dureeMinutes: minutes, coutMinute: centimes }),
  "credit-impot-artistes": v.strictObject({
    chapitres: v.array(v.picklist(CHAPITRES, "chapitre du devis inconnu")),
    categories: v.array(v.picklist(CATEGORIES, "catégorie de ligne inconnue")),
  }),
  "idcc3097-artistes-minima": v.strictObject({
    convention: texte,
    categorie: texte,
    longMetrage: engagementsArtiste,
    courtMetrage: engagementsArtiste,
    /** A work of at most this many minutes is a short film (code du cinéma, art. D. 210-2). */
    courtMetrageDureeMaxMinutes: minutes,
    /** Short film: most days an engagement by the day may cover (accord du 9 juillet 2014, art. 1er). */
    courtMetrageJourneeMaxJours: v.pipe(v.number(), v.integer(), v.minValue(1)),
    /** Days of a week the line does not say 5 or 6 of: the normal shooting week (titre III, art. 4.2.1). */
    joursSemaineNormale: v.picklist([5, 6], "5 ou 6 jours attendus"),
    /** When the grid binds every employer (first day of the month after its extension order's publication). */
    etenduLe: dateIso,
    arreteExtension: texte,
    repetitions: v.strictObject({
      choregraphiquesLyriquesCirqueMusiciens: v.strictObject({ service3h: centimes, service2x3h: centimes }),
      autresArtistes: v.strictObject({ service4h: centimes, service2x4h: centimes }),
    }),
    unitesJournee: v.pipe(v.array(texte), v.minLength(1, "au moins une unité")),
    unitesSemaine: v.pipe(v.array(texte), v.minLength(1, "au moins une unité")),
    horsGrille: v.array(texte),
    /** Annexe III.2 (sous-titre II): minima of the acteurs de complément, valid only in the zone the annex names. */
    acteursComplement: v.strictObject({
      source: texte,
      zone: texte,
      figuration: engagementsArtiste,
      silhouetteMuette: engagementsArtiste,
      silhouetteParlante: engagementsArtiste,
      doublureSimple: engagementsArtiste,
      doublurePolyvalente: engagementsArtiste,
    }),
  }),
  "credit-impot-international": v.strictObject({
    taux,
    tauxVfx: taux,
    seuilVfxFrance: centimes,
    partPlansVfxMin: taux,
    genresVfx: genres,
    genres,
    plafondOeuvre: centimes,
    partBudgetMax: taux,
    minimumFrance: centimes,
    petitBudget: centimes,
    partFrancePetitBudget: taux,
    joursTournageFranceMin: jours,
    genresTournage: genres,
    plafondAidesPubliques: taux,
  }),
  "credit-impot-aides-publiques": v.strictObject({ plafond: taux, plafondDifficile: taux }),
  "credit-impot-spectacle-vivant": v.strictObject({
    taux,
    tauxPme: taux,
    plafondDepensesSpectacle: centimes,
    plafondEntreprise: centimes,
  }),
  "credit-impot-phonographique": v.strictObject({ taux, tauxPme: taux, plafondEntreprise: centimes }),
  "credit-impot-eligibilite": v.strictObject({
    chapitres: parCle(CHAPITRES, regleEligibilite, true),
    sousChapitresCinema: v.record(
      v.pipe(v.string(), v.regex(/^\d{2}$/, "sous-chapitre à deux chiffres")),
      regleEligibilite,
    ),
    categories: parCle(CATEGORIES, regleEligibilite, false),
    libelles: v.array(
      v.strictObject({
        motsCles: v.pipe(v.array(texte), v.minLength(1, "au moins un mot-clé")),
        eligible: v.boolean(),
        motif: texte,
      }),
    ),
  }),
} as const;

type S = typeof SCHEMAS_CREDIT_IMPOT;
/** Values of one tax-credit table, as the schema outputs them (amounts branded Cents). */
export type ValeursCredit<K extends keyof S> = v.InferOutput<S[K]>;
