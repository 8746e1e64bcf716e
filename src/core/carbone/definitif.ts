import type { Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";
import type { SheetData } from "../port/workbook";
import { realiseParCode } from "../ecarts/realiseParCode";
import type { Manquant } from "./modele";

/** The réalisé the définitif can use, by devis line code, and what it cannot use, named with its cell. */
export interface RealisesCarbone {
  parCode: Map<string, Cents>;
  manquants: Manquant[];
}

/**
 * Réalisé by devis line code, read from Prodbook's « Écarts » sheet (its detail block: Code … Réalisé, the cached
 * result of the SUMIFS over the Grand livre). Lines without a code have no réalisé of their own and are absent.
 *
 * A chapter whose accounts are mapped to the chapter itself (the row « … — imputé au chapitre », code = chapter)
 * spends money on none of its lines: a line of that chapter with no réalisé of its own may have spent it, so its
 * réalisé is unknown, not 0 (never a définitif of 0 t it did not prove); the chapter's amount is named as missing
 * from the définitif (for the chapters of `chapitresDuBilan`, when given). A line with a réalisé of its own keeps it.
 */
export function realisesDesEcarts(s: SheetData, chapitresDuBilan?: ReadonlySet<string>): RealisesCarbone {
  const postes = realiseParCode(s);
  const imputes = new Map<string, { cellule: string; montant: Cents; libelle: string }>();
  for (const [code, r] of postes) if (code === r.chapitre && r.montant !== 0) imputes.set(code, r);
  // Named only for the chapters holding activities of the bilan (salaries, rights… are none of its business).
  const nommes = [...imputes].filter(([c]) => !chapitresDuBilan || chapitresDuBilan.has(c));
  const parCode = new Map<string, Cents>();
  for (const [code, r] of postes)
    if (!(r.montant === 0 && code !== r.chapitre && imputes.has(r.chapitre))) parCode.set(code, r.montant);
  const manquants = nommes.map(([chapitre, r]) => ({
    cellule: r.cellule,
    message:
      `${formatMontantFr(r.montant)} de réalisé du chapitre ${chapitre} sont imputés au chapitre, à aucune de ses lignes ` +
      `(« ${r.libelle} ») : ils manquent au bilan définitif, et les lignes du chapitre sans réalisé propre n'ont pas de ` +
      `définitif. Affectez ces comptes aux postes dans les correspondances.`,
  }));
  return { parCode, manquants };
}
