import { valeursLibres } from "../schema";

/**
 * Schemas of this domain's rule tables. Each one starts permissive (only the envelope is checked: dates, confidence,
 * sources, non-overlapping versions); the owner of the table replaces valeursLibres by its typed schema, built from
 * the blocks of ../schema (centimes, taux, minutes, jours, grille…).
 */
export const SCHEMAS_FINANCEMENT = {
  "intensite-aides": valeursLibres,
  "financement-fsa": valeursLibres,
  "financement-categories": valeursLibres,
} as const;
