import brut from "../regles/data/charges-sociales.json";
import { Confiance, TableRegles, validerTable } from "../regles/table";

/** One remuneration category of the table (« technicien-intermittent », « auteur »…). */
export interface CategorieCharges {
  libelle: string;
  /** Employer charges as a decimal fraction of gross pay ("0.60"). */
  taux: string;
  /** Other ways producers write the category; matched after normalisation. */
  alias?: string[];
  /** Ids of the sourced components this global rate includes. */
  inclut?: string[];
}

export interface ComposanteCharges {
  libelle: string;
  taux: string;
  confiance: Confiance;
  /** Named parts that add up to `taux` (unemployment: common-law rate and the annexes 8-10 specific rate). */
  parts?: Record<string, string>;
  /** H: URL of the primary text that states this figure (one of the version's sources). */
  source?: string;
  /** M / L: why no primary text backs this figure. */
  motif?: string;
}

/** A surcharge added to one component (e.g. +0.5 point of unemployment contribution for a CDDU of 3 months or less). */
export interface MajorationCharges extends ComposanteCharges {
  /** Id of the component it adds to. */
  ajouteeA: string;
}

/** A reduced base or rate: the component rates are multiplied by `coefficient` (artists: 70 % of the normal rates). */
export interface AssietteCharges {
  libelle: string;
  coefficient: string;
  confiance: Confiance;
  /** H: URL of the primary text that states this figure (one of the version's sources). */
  source?: string;
  /** M / L: why no primary text backs this figure. */
  motif?: string;
}

/** A flat amount in euros (AFDAS: 50 € per company and per year). */
export interface ForfaitCharges {
  libelle: string;
  /** Cents. */
  montant: number;
  confiance: Confiance;
  /** H: URL of the primary text that states this figure (one of the version's sources). */
  source?: string;
  /** M / L: why no primary text backs this figure. */
  motif?: string;
}

/** A payroll item the table does not hold because no primary text was read: named, never guessed. */
export interface LacuneCharges {
  id: string;
  libelle: string;
  motif: string;
}

export interface ValeursCharges {
  categories: Record<string, CategorieCharges>;
  composantes: Record<string, ComposanteCharges>;
  majorations?: Record<string, MajorationCharges>;
  assiettes?: Record<string, AssietteCharges>;
  forfaits?: Record<string, ForfaitCharges>;
  lacunes?: LacuneCharges[];
}

/** The dated table from src/core/regles/data/charges-sociales.json, validated once at load. */
export const TABLE_CHARGES: TableRegles<ValeursCharges> = validerTable<ValeursCharges>(brut, "charges-sociales.json");
