import type { Cents } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { realiseParCode } from "../ecarts/realiseParCode";

/**
 * Réalisé by devis line code, read from Prodbook's « Écarts » sheet (its detail block: Code … Réalisé, the cached
 * result of the SUMIFS over the Grand livre). Lines without a code have no réalisé of their own and are absent.
 */
export function realisesDesEcarts(s: SheetData): Map<string, Cents> {
  return new Map([...realiseParCode(s)].map(([code, r]) => [code, r.montant]));
}
