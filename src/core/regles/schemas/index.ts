import type * as v from "valibot";
import { SCHEMAS_CARBONE } from "./carbone";
import { SCHEMAS_CHARGES } from "./charges";
import { SCHEMAS_COMPTABILITE } from "./comptabilite";
import { SCHEMAS_CREDIT_IMPOT } from "./creditImpot";
import { SCHEMAS_DEVIS } from "./devis";
import { SCHEMAS_FINANCEMENT } from "./financement";
import { SCHEMAS_PLANNING } from "./planning";

/**
 * The one registry of rule tables: table id (= file name in src/core/regles/data without .json) → schema of a
 * version's `valeurs`. validerTable refuses a table whose id is not here; a test checks that every data file is.
 * Add a table: put its JSON in data/, its schema in the domain's file of this folder.
 */
export const SCHEMAS_TABLES: Readonly<Record<string, v.GenericSchema>> = {
  ...SCHEMAS_CREDIT_IMPOT,
  ...SCHEMAS_CHARGES,
  ...SCHEMAS_COMPTABILITE,
  ...SCHEMAS_DEVIS,
  ...SCHEMAS_FINANCEMENT,
  ...SCHEMAS_PLANNING,
  ...SCHEMAS_CARBONE,
};

export type IdTable =
  | keyof typeof SCHEMAS_CREDIT_IMPOT
  | keyof typeof SCHEMAS_CHARGES
  | keyof typeof SCHEMAS_COMPTABILITE
  | keyof typeof SCHEMAS_DEVIS
  | keyof typeof SCHEMAS_FINANCEMENT
  | keyof typeof SCHEMAS_PLANNING
  | keyof typeof SCHEMAS_CARBONE;
