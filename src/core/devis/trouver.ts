import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { trouverEntete } from "./entetes";
import { importerDevis, type OptionsImport } from "./import";
import type { Devis } from "./model";

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

/**
 * Imports the sheet found as the devis (no sheet named by the user): a hidden sheet is flagged, so that every
 * command reading the devis says it (finding « feuille-lue »).
 */
export function importerDevisTrouve(sheet: SheetData, opts?: OptionsImport): Devis {
  const devis = importerDevis(sheet, opts);
  if (sheet.masquee) devis.feuilleMasquee = true;
  return devis;
}
