import brut from "../regles/data/smic-horaire.json";
import { validerTable, versionEnVigueur, type TableRegles, type VersionRegle } from "../regles/table";
import type { Cents } from "../money";

export interface ValeursSmic {
  /** Gross hourly SMIC, in cents (métropole). */
  horaireBrut: Cents;
  /** The legal working week (code du travail, art. L. 3121-27): 35 hours… */
  heuresSemaineLegale: number;
  /** …over 5 days: 7 hours a day, the low reading a day's or a week's SMIC is taken at. */
  joursSemaineLegale: number;
}

/** The dated table from src/core/regles/data/smic-horaire.json, validated once at load. */
export const TABLE_SMIC: TableRegles<ValeursSmic> = validerTable<ValeursSmic>(brut, "smic-horaire.json");

/** The SMIC version in force on `date` (ISO), undefined before the table's first version. */
export function smicEnVigueur(
  date: string,
  table: TableRegles<ValeursSmic> = TABLE_SMIC,
): VersionRegle<ValeursSmic> | undefined {
  return versionEnVigueur(table, date);
}
