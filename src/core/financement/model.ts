import type { Cents } from "../money/cents";

/** Ids of src/core/regles/data/financement-categories.json ("sofica", "cnc-fsa"…); the list is extensible. */
export type IdCategorie = string;

export type StatutSource = "acquis" | "en-negociation" | "envisage";

export const STATUTS: readonly StatutSource[] = ["acquis", "en-negociation", "envisage"];

export const LIBELLES_STATUT: Record<StatutSource, string> = {
  acquis: "Acquis",
  "en-negociation": "En négociation",
  envisage: "Envisagé",
};

/** One payment of a source: amount and, when the producer gave it, the expected date. */
export interface Tranche {
  montant: Cents;
  /** ISO "YYYY-MM-DD". */
  date?: string;
  cellule?: string;
}

export interface SourceFinancement {
  /** Stable within one reading: "<feuille>!<ligne>" (or "calcul:credit-impot"). */
  id: string;
  financeur: string;
  /** The producer's own wording of the nature/type, when there was one. */
  nature?: string;
  categorie: IdCategorie;
  /** How the category was found: keyword of the nature, of the financeur, of the section title, or not at all. */
  classement: "nature" | "financeur" | "section" | "non-classe" | "calcul";
  montant: Cents;
  statut: StatutSource;
  /** Foreign money (foreign coproducer, "Pays" column other than France): outside the French share. */
  etranger: boolean;
  /** Cash contribution (a mise en participation or an apport en industrie is not). */
  numeraire: boolean;
  tranches: Tranche[];
  /** Cell of the amount in the producer's sheet. */
  cellule?: string;
  ligne?: number;
}

/** A line with an amount that could not be placed in a category (it is still counted, as « autre »). */
export interface SourceNonClassee {
  cellule: string;
  texte: string;
  montant: Cents;
}

/** A problem met while reading (unreadable amount or date, unknown status): French, names the cell. */
export interface AvertissementLecture {
  cellule: string;
  message: string;
  /** "erreur" when an amount could not be read (the line is then left out of the totals). */
  gravite: "erreur" | "alerte";
  /** A cash payment read beside an empty date cell (rule `versement-sans-date`, not an unreadable cell). */
  sansDate?: true;
}

export interface PlanFinancement {
  feuille: string;
  sources: SourceFinancement[];
  nonClasses: SourceNonClassee[];
  avertissements: AvertissementLecture[];
  /** The producer's own "Total" row, when there is one. */
  totalProducteur?: { montant: Cents; cellule: string };
  /** The producer's own « Reste à financer » line (not a source; their total may include it). */
  resteIndique?: { montant: Cents; cellule: string };
  /** A "Coût / Budget" figure found in the plan sheet itself, when there is one. */
  coutIndique?: {
    montant: Cents;
    cellule: string;
    /** The cell holds the cost as text (« 1 000 000 € », « Coût : 1 000 000 € »): no live link to it, its value. */
    texte?: true;
  };
  /**
   * The first « Coût / Budget » figure of the plan sheet that could not be read (a date, #REF!, a word), with what its
   * cell holds in words (`quoi`: « une date (01/01/2026) », « « #REF! » »): no cost is taken from it, and the refusal
   * without a cost names it.
   */
  coutIllisible?: { cellule: string; quoi: string };
  /**
   * Amounts read on rows the producer hid (SheetData.lignesMasquees), in row order, only when there are some: read as
   * if the rows were shown (a source stays counted), named by the finding `lignes-masquees-plan`.
   */
  masquees?: MontantMasquePlan[];
  /**
   * The percentages written in the plan's « % » column beside each source, only when there are some: never read as
   * figures (the amounts are), checked against the amounts by the rule `pourcent-plan`.
   */
  pourcents?: PourcentEcrit[];
}

/** A percentage written beside a source (column « % », « Part »…), as the cell holds it. */
export interface PourcentEcrit {
  /** The percentage's cell ("Plan!D5") and its text as the cell shows it (« 30 % », « 30 »). */
  cellule: string;
  affiche: string;
  /**
   * What the cell may mean, as fractions (« 0.3 »): one reading for a cell formatted as a percentage or written with
   * « % »; two for a plain number of at most 1 (0,3 as 30 % or as 0,3 %), never one of them picked.
   */
  valeurs: string[];
  /** The source's amount, its cell and its name. */
  montant: Cents;
  celluleMontant: string;
  libelle: string;
}

export interface MontantMasquePlan {
  cellule: string;
  montant: Cents;
  /** source: counted in the plan; total, cout, reste: the producer's total, cost or « reste à financer » row. */
  nature: "source" | "total" | "cout" | "reste";
}

/**
 * The plan sheet's row, the CLI and the trace of `diffuseursFrancais` (JSON field kept): French broadcasters over the
 * French financing (total − foreign money). Not the FSA test's base (the cost, or the French participation), which
 * the « Soutien automatique FSA » block shows under LIBELLE_PART_DIFFUSEURS_FSA: each name says its base.
 */
export const LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS =
  "Diffuseurs français / financement français (total − financement étranger)";
/** The FSA block's share of the French broadcasters: over the FSA base (RGA art. 311-9). */
export const LIBELLE_PART_DIFFUSEURS_FSA = "Part des diffuseurs français dans la base FSA";
