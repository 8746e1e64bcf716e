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
}

export interface ValeursCharges {
  categories: Record<string, CategorieCharges>;
  composantes: Record<string, ComposanteCharges>;
}

/** The dated table from src/core/regles/data/charges-sociales.json, validated once at load. */
export const TABLE_CHARGES: TableRegles<ValeursCharges> = validerTable<ValeursCharges>(brut, "charges-sociales.json");
