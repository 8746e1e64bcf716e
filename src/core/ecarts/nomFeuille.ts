/**
 * The name of the « Écarts » sheet, alone: `prodbook versions` looks for it among the workbook's sheets without loading
 * the sheet's writer (feuilleEcarts.ts, which re-exports it, and through it the nomenclature and the rule tables).
 */
export const FEUILLE_ECARTS = "Écarts";
