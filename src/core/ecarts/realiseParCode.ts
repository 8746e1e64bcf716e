import { eurosToCents, type Cents } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { celluleRef } from "../util/adresse";
import { normaliser } from "../util/texte";

/**
 * Réalisé by devis line code from Prodbook's « Écarts » sheet (its detail block by poste: Code … Réalisé), with
 * the cell holding it, so the comparison can link to it. Lines whose réalisé is not a number are left out.
 */
export function realiseParCode(s: SheetData): Map<string, { cellule: string; montant: Cents }> {
  const out = new Map<string, { cellule: string; montant: Cents }>();
  const entetes: number[] = [];
  s.rows.forEach((r, i) => {
    if (normaliser(String(r[0]?.v ?? "")) === "code" && r.some((c) => normaliser(String(c.v ?? "")) === "realise"))
      entetes.push(i);
  });
  // The first header heads the chapters, the second the detail by poste.
  const h = entetes[1];
  if (h === undefined) return out;
  const col = s.rows[h].findIndex((c) => normaliser(String(c.v ?? "")) === "realise");
  for (let i = h + 1; i < s.rows.length; i++) {
    const code = s.rows[i][0]?.v;
    // A devis line without code (its label in B) has no réalisé of its own; the block ends at the first blank row.
    if (code === null || code === undefined || code === "") {
      if (s.rows[i][1]?.v !== null && s.rows[i][1]?.v !== undefined && s.rows[i][1]?.v !== "") continue;
      break;
    }
    const v = s.rows[i][col];
    if (!v || v.erreur || typeof v.v !== "number") continue;
    out.set(String(code), { cellule: celluleRef(s.name, i, col), montant: eurosToCents(v.v) });
  }
  return out;
}
