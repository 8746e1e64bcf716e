import type { Cents } from "../money";
import type { CodeChapitre, LigneDevis, OrigineDuree } from "../devis/model";
import type { Confiance, Source, Surcharges } from "../regles/table";
import type { GenreCredit } from "./regles";
import { GENRES_CREDIT as GENRES_TABLES, type OrdreSubventions } from "../regles/schemas/creditImpot";
import { ErreurDonnees } from "../erreurs";

export type { GenreCredit } from "./regles";
export type RegimeCredit = "cinema" | "audiovisuel" | "international";
export const REGIMES: readonly RegimeCredit[] = ["cinema", "audiovisuel", "international"];
export const GENRES_CREDIT: readonly GenreCredit[] = GENRES_TABLES;
/** Original language of the work (cinema rate): French or a regional language in use in France, or another one. */
export type LangueOeuvre = "francais" | "etrangere";
export const LANGUES: readonly LangueOeuvre[] = ["francais", "etrangere"];

export interface OptionsCreditImpot {
  regime: RegimeCredit;
  genre: GenreCredit;
  /** Year of expenditure: picks the rule versions (in force on 31 December). */
  annee: number;
  /** Defaults to the devis' duration. Required for the audiovisual credit (per-minute cap). */
  dureeMinutes?: number;
  /** Where `dureeMinutes` was taken (a cell, or typed): the per-minute cap's trace names it. */
  origineDuree?: OrigineDuree;
  /** International credit: VFX spend in France, and the share of VFX shots (0..1) when known. */
  depensesVfxFrance?: Cents;
  partPlansVfx?: string;
  /**
   * Public subsidies deducted from the base. Cinema and audiovisual (220 sexies V): the non-refundable subsidies
   * directly allotted to the eligible expenses; international (220 quaterdecies V): the subsidies received, refundable
   * or not. Before or after the 80 % cap of the base as the table credit-impot-subventions says for the credit type
   * (one step, subventions.ts). The user gives the amount: which aids of the financing plan are such subsidies is
   * theirs to say.
   */
  subventionsPubliques?: Cents;
  /** Cinema/audiovisual: the other public aids (the credit may not take the total above 50 % / 60 % of the budget). */
  autresAidesPubliques?: Cents;
  oeuvreDifficile?: boolean;
  /** Audiovisual fiction for young audiences (lower minimum cost per minute). */
  jeunesse?: boolean;
  /** International credit, live action: shooting days in France. */
  joursTournageFrance?: number;
  /**
   * The shooting days of the workbook's plan de travail (distinct dates), when one was read: the days in France given
   * above that are more than these are said to be checked (else more than 366).
   */
  joursPlanDeTravail?: { jours: number; feuille: string };
  /** Audiovisual fiction in international coproduction: share of the cost covered by foreign financing (0..1). */
  partFinancementEtranger?: string;
  /** Cinema: original language (30 % for French or a regional language, 20 % otherwise; animation always 30 %). */
  langue?: LangueOeuvre;
  /** Lodging cap: Paris and petite couronne, or elsewhere (default). */
  hebergement?: "paris" | "ailleurs";
  /** From the « Paramètres » sheet (lireParametres). */
  surcharges?: Surcharges;
}

/** A regulatory figure as used in one calculation. */
export interface ParametreUtilise {
  cle: string;
  libelle: string;
  /** French display ("25,00 %", "1 450,00 €", "24 min"). */
  valeur: string;
  table: string;
  effetDu: string;
  effetAu?: string;
  confiance: Confiance;
  aVerifier: boolean;
  sources: Source[];
  /** Cell of the « Paramètres » sheet when the figure was overridden. */
  surcharge?: string;
}

/** A rule-table version a calculation used: the trail behind every figure of the result. */
export type { RegleUtilisee } from "../regles/utilisees";
import type { RegleUtilisee } from "../regles/utilisees";

export interface LigneBase {
  id: string;
  code?: string;
  libelle: string;
  chapitre?: CodeChapitre;
  montant: Cents;
  eligible: boolean;
  /** Why: the line's own column, or the default rule that applied. */
  motif: string;
  origine: "colonne" | "defaut";
  /**
   * Declared eligible by its column but out of the base by the text (« les frais généraux »): the line's chapter is
   * not an eligible expense (eligibilite.ts, HORS_DEPENSES_ELIGIBLES).
   */
  horsTexte?: string;
  /** When the line's column contradicts the default rule: what the default would have said. */
  contreDefaut?: string;
  /** Decimal fraction "0".."1". */
  partFrance: string;
  /** Eligible amount spent in France, after the per-line limits (lodging, director). */
  base: Cents;
  /** The line's amount cell (where the alerts place the line; empty when `ligneCalculee`). */
  cellule?: string;
  /** The cell the share spent in France was read from (the line's « Territoire » cell), when one was. */
  cellulePartFrance?: string;
  /** Where the share spent in France comes from, in words (its trace's formula): column, France/abroad split, default. */
  motifPartFrance: string;
  /**
   * The devis line, when its amount was computed (quantité × nombre × taux, the amount cell empty): its trace names the
   * cells of its factors, not the empty amount cell.
   */
  ligneCalculee?: LigneDevis;
}

export interface BaseChapitre {
  code: CodeChapitre;
  libelle: string;
  total: Cents;
  base: Cents;
}

/**
 * The label of a cap, never repeating its own word: « plafond par minute » → « Plafond par minute », « plafond des
 * aides publiques (50 % du budget) » → « Plafond des aides publiques (50 % du budget) »; a name that does not say
 * « plafond » is introduced by it (« Plafond : … »). The text output, the traces and the sheet's notes use it alike.
 */
export function libellePlafond(nom: string): string {
  return /^plafond(?![\p{L}-])/iu.test(nom) ? `P${nom.slice(1)}` : `Plafond : ${nom}`;
}

export interface Plafond {
  nom: string;
  montant: Cents;
  /** True when this cap lowered the credit. */
  applique: boolean;
  detail?: string;
  /** How the amount is computed, term by term (« D'où vient ce chiffre ? »); not in the JSON. */
  calcul?: CalculPlafond;
}

/** A term of a cap: a rule figure (named by its key among the result's `parametres`), the duration, the budget… */
export interface TermePlafond {
  libelle: string;
  /** Decimal string with a dot: euros « 1450.00 », a rate « 0.8 », minutes « 52 ». */
  valeur: string;
  unite: "euros" | "taux" | "minutes";
  /** Key of the rule figure (`ParametreUtilise.cle`) when the term is one. */
  cle?: string;
  /** Where the term comes from when it is not a rule figure (« total du devis »). */
  origine?: string;
  /** The cell it was read from, when the workbook holds it (the duration written in a title cell). */
  cellule?: string;
}

/**
 * A cap's computation: the product of `facteurs` (in euros, rounded half-up to the cent once), less `moins` when
 * given (then at least 0).
 */
export interface CalculPlafond {
  facteurs: TermePlafond[];
  moins?: TermePlafond;
}

/**
 * Cinema and audiovisual credits (CGI 220 sexies III-3): the base is capped at a share (80 %) of the production
 * budget, taken as the devis total. Absent for the international credit, whose 80 % cap is one of `plafonds`.
 */
export interface PlafondBase {
  /** Decimal fraction as a string ("0.80"). */
  part: string;
  /** The budget the share applies to (devis total, or cout_total of the custom function). */
  budget: Cents;
  /** part × budget, rounded to the cent: the largest base the credit may be computed on. */
  montant: Cents;
  /** The base before this cap (eligible spend in France). */
  baseAvant: Cents;
  /** True when the base was lowered to `montant`. */
  applique: boolean;
  detail: string;
}

/** The name of the base adjustment of the subsidies, one for the result, the sheet and the trace. */
export const AJUSTEMENT_SUBVENTIONS = "subventions publiques déduites";

/** The public subsidies deducted from the base (option `subventionsPubliques`). */
export interface SubventionsDeduites {
  /** The amount given. */
  montant: Cents;
  /** The amount removed from the base: `montant`, at most the base it is deducted from. */
  deduit: Cents;
  /** The base it was deducted from: the capped base (« apres-plafond ») or the eligible spend (« avant-plafond »). */
  baseAvant: Cents;
  /** Where the table puts the deduction for this credit type (credit-impot-subventions). */
  ordre: OrdreSubventions;
  detail: string;
}

export interface Condition {
  nom: string;
  remplie: boolean;
  detail: string;
}

export interface AjustementBase {
  nom: string;
  /** Amount removed from the base (≥ 0). */
  montant: Cents;
  detail: string;
}

export interface ResultatCreditImpot {
  regime: RegimeCredit;
  genre: GenreCredit;
  annee: number;
  dureeMinutes?: number;
  /** Budget used for the caps (devis total, or cout_total of the custom function). */
  budget: Cents;
  /** Cost per minute hors frais généraux et imprévus, when a duration is known. */
  coutMinute?: Cents;
  /** Base the rate applies to: eligible spend in France, after the 80 % cap (cinema, audiovisual) and the subsidies. */
  base: Cents;
  /** Cinema and audiovisual: the base capped at 80 % of the budget (220 sexies III-3); absent without a budget. */
  plafondBase?: PlafondBase;
  /** The public subsidies deducted from the base, when an amount was given. */
  subventions?: SubventionsDeduites;
  /** Decimal fraction as a string ("0.25"). */
  taux: string;
  creditAvantPlafonds: Cents;
  plafonds: Plafond[];
  credit: Cents;
  eligible: boolean;
  conditions: Condition[];
  ajustements: AjustementBase[];
  baseParChapitre: BaseChapitre[];
  lignes: LigneBase[];
  alertes: string[];
  parametres: ParametreUtilise[];
  /** Every rule-table version used, once each (id + effective dates). */
  tables: RegleUtilisee[];
}

/** A calculation that cannot be done (unknown year, missing duration): French message, the CLI exits 2. */
export class CreditImpotError extends ErreurDonnees {}

/**
 * The expenditure year is outside every version of a rule table: the year given is at fault, not the devis. The pane
 * and the CLI name the field (« Année », --annee) and the periods the table covers.
 */
export class AnneeNonCouverteError extends CreditImpotError {
  constructor(
    message: string,
    public readonly annee: number,
    /** « 2016-01-01 → … », the periods the table covers. */
    public readonly periodes: string,
  ) {
    super(message);
  }
}
