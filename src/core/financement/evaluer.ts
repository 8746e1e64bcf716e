import type { Genre, TypeOeuvre } from "../devis/model";
import { Constat, executerRegles, trierConstats } from "../controles/constat";
import { type Cents, ZERO } from "../money/cents";
import type { Surcharges } from "../regles/table";
import type { CreditImpotDuPlan } from "./creditImpotPlan";
import type { Trace } from "../traces/trace";
import type { ContexteFinancement } from "./contexte";
import type { PlanFinancement, SourceFinancement, StatutSource } from "./model";
import {
  CLES_INTENSITE,
  PlafondApplicable,
  plafondApplicable,
  seuilsFsa,
  TABLE_FSA,
  TABLE_INTENSITE,
} from "./plafonds";
import { clesInconnues, suggestionCle } from "../regles/parametres";
import { TABLE_CATEGORIES, versionCategories } from "./categories";
import { regleUtilisee, sansDoublon, type RegleUtilisee } from "../regles/utilisees";
import { REGLES_FINANCEMENT } from "./regles";
import { SyntheseFinancement, synthetiser } from "./synthese";

export interface CoutProduction {
  montant: Cents;
  /** Where it comes from, in words: "devis « Budget » (total F88)", "option --cout". */
  origine: string;
  /** The cell holding it, when there is one (the producer's devis total). */
  cellule?: string;
  /**
   * That cell holds the amount as text (« 1 000 000 € » typed as text): the written sheets take the value, never a
   * link (a link to text gives text, and every formula using the cost #VALUE!).
   */
  texte?: true;
}

export interface OptionsEvaluation {
  typeOeuvre?: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  premierOuDeuxiemeFilm?: boolean;
  /** Audiovisual « œuvre difficile » (art. D331-17: innovative, hard to access or sensitive), declared by the producer. */
  oeuvreDifficile?: boolean;
  /** ISO date picking the rule versions; defaults to today. */
  date?: string;
  cout?: CoutProduction;
  /** The crédit d'impôt computed from the devis, used only when the plan has no crédit d'impôt line. */
  creditImpot?: CreditImpotDuPlan & { statut?: StatutSource };
  surcharges?: Surcharges;
}

export interface AnalyseFinancement {
  plan: PlanFinancement;
  sources: SourceFinancement[];
  synthese: SyntheseFinancement;
  plafond: PlafondApplicable;
  constats: Constat[];
  contexte: ContexteFinancement;
  /** True when the crédit d'impôt of the calculation was added as a source. */
  creditImpotAjoute: boolean;
  /** The trace of that crédit d'impôt (its lines, caps and the duration's cell), when it was added; built on request. */
  traceCreditImpot?: () => Trace;
  /** The rule-table versions the analysis read (categories, aid ceiling, FSA, the credit's tables when added). */
  tables: RegleUtilisee[];
}

/** The alerts of the crédit d'impôt Prodbook added to the plan (language not given, figures to check…). */
function constatsCreditCalcule(alertes: string[]): Constat[] {
  return alertes.map((a) => ({
    regle: "credit-impot-calcule",
    // Figures to check and overrides used are the trail of the figures; the rest (language not given…) is an alert.
    gravite: a.startsWith("surcharge utilisée") || a.startsWith("à vérifier") ? "info" : "alerte",
    message: `Crédit d'impôt calculé par Prodbook : ${a}`,
  }));
}

/**
 * The overrides of the « Paramètres » sheet the ceiling used, each named with its cell (a figure of the result that
 * is not the table's is never silent), and the « intensite-aides.* » keys no calculation reads (a typo is said).
 */
function constatsParametres(plafond: PlafondApplicable, surcharges: Surcharges | undefined): Constat[] {
  const s = surcharges ?? new Map();
  const utilises: Constat[] = plafond.surchargesUtilisees.map((u) => ({
    regle: "intensite-aides-parametre",
    gravite: "info",
    message: `${u.cle} = ${s.get(u.cle)?.valeur ?? ""} (${u.cellule}), au lieu de la valeur de référence.`,
    cellule: u.cellule,
  }));
  const inconnus: Constat[] = clesInconnues(s, "intensite-aides.", CLES_INTENSITE).map((u) => ({
    regle: "intensite-aides-parametre-inconnu",
    gravite: "alerte",
    message:
      `« ${u.cle} » (${u.cellule}) ignoré : aucun calcul ne le lit ; clés reconnues : ${CLES_INTENSITE.join(", ")}.` +
      suggestionCle(u.proches),
    cellule: u.cellule,
  }));
  return [...utilises, ...inconnus];
}

export function aujourdhui(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Checks a plan read from the producer's sheet against the cost and the dated rules. */
export function evaluerFinancement(plan: PlanFinancement, opts: OptionsEvaluation = {}): AnalyseFinancement {
  const date = opts.date ?? aujourdhui();
  const typeOeuvre = opts.typeOeuvre ?? "cinema";
  const sources = plan.sources.slice();
  let creditImpotAjoute = false;
  if (opts.creditImpot && opts.creditImpot.montant > 0 && !sources.some((s) => s.categorie === "credit-impot")) {
    sources.push({
      id: "calcul:credit-impot",
      financeur: `Crédit d'impôt (calculé par Prodbook : ${opts.creditImpot.detail})`,
      categorie: "credit-impot",
      classement: "calcul",
      montant: opts.creditImpot.montant,
      statut: opts.creditImpot.statut ?? "en-negociation",
      etranger: false,
      numeraire: true,
      tranches: [{ montant: opts.creditImpot.montant }],
    });
    creditImpotAjoute = true;
  }
  const cout =
    opts.cout ??
    (plan.coutIndique && {
      montant: plan.coutIndique.montant,
      origine: `coût indiqué dans le plan, ${plan.coutIndique.cellule}`,
      cellule: plan.coutIndique.cellule,
      ...(plan.coutIndique.texte ? { texte: true as const } : {}),
    });
  const synthese = synthetiser(sources, cout?.montant, date, typeOeuvre);
  const plafond = plafondApplicable({
    typeOeuvre,
    cout: cout?.montant ?? ZERO,
    premierOuDeuxiemeFilm: !!opts.premierOuDeuxiemeFilm,
    oeuvreDifficile: !!opts.oeuvreDifficile,
    dureeMinutes: opts.dureeMinutes,
    date,
    surcharges: opts.surcharges,
  });
  const contexte: ContexteFinancement = {
    plan,
    sources,
    cout,
    typeOeuvre,
    genre: opts.genre,
    dureeMinutes: opts.dureeMinutes,
    premierOuDeuxiemeFilm: !!opts.premierOuDeuxiemeFilm,
    oeuvreDifficile: !!opts.oeuvreDifficile,
    date,
    plafond,
    synthese,
  };
  const tables: RegleUtilisee[] = [
    regleUtilisee(TABLE_CATEGORIES.id, versionCategories(date)),
    regleUtilisee(TABLE_INTENSITE.id, plafond.version),
  ];
  if (typeOeuvre === "audiovisuel" && synthese.financementFrancais > 0)
    tables.push(regleUtilisee(TABLE_FSA.id, seuilsFsa(date).version));
  if (creditImpotAjoute) tables.push(...(opts.creditImpot?.tables ?? []));
  return {
    tables: sansDoublon(tables),
    plan,
    sources,
    synthese,
    plafond,
    constats: trierConstats([
      ...executerRegles(REGLES_FINANCEMENT, contexte),
      ...(creditImpotAjoute ? constatsCreditCalcule(opts.creditImpot?.alertes ?? []) : []),
      ...constatsParametres(plafond, opts.surcharges),
    ]),
    contexte,
    creditImpotAjoute,
    ...(creditImpotAjoute && opts.creditImpot?.trace ? { traceCreditImpot: opts.creditImpot.trace } : {}),
  };
}
