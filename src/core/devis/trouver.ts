import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { trouverEntete } from "./entetes";

/**
 * The sheet that holds the devis: among the sheets with a recognised header row, the one with the most
 * recognised columns; a name saying "devis" or "budget" breaks ties. Hidden/Prodbook sheets are the caller's
 * business (pass only the user's sheets).
 */
export function trouverFeuilleDevis(sheets: SheetData[]): SheetData | undefined {
  let best: { s: SheetData; score: number } | undefined;
  for (const s of sheets) {
    const e = trouverEntete(s);
    if (!e) continue;
    const nom = normaliser(s.name);
    const score =
      Object.keys(e.colonnes).length * 10 + (/devis|budget/.test(nom) ? 5 : 0) + Math.min(s.rows.length - e.ligne, 4);
    if (!best || score > best.score) best = { s, score };
  }
  return best?.s;
}
