import { eurosToCents, type Cents } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";

/**
 * Réalisé by devis line code, read from Prodbook's « Écarts » sheet (its detail block: Code … Réalisé, the cached
 * result of the SUMIFS over the Grand livre). Lines without a code have no réalisé of their own and are absent.
 */
export function realisesDesEcarts(s: SheetData): Map<string, Cents> {
  const out = new Map<string, Cents>();
  const entetes: number[] = [];
  s.rows.forEach((r, i) => {
    if (normaliser(String(r[0]?.v ?? "")) === "code" && r.some((c) => normaliser(String(c.v ?? "")) === "realise"))
      entetes.push(i);
  });
  // The first header heads the chapters, the second the detail by poste.
  const h = entetes[1];
  if (h === undefined) return out;
  const colRealise = s.rows[h].findIndex((c) => normaliser(String(c.v ?? "")) === "realise");
  for (let i = h + 1; i < s.rows.length; i++) {
    const r = s.rows[i];
    const code = r[0]?.v;
    if (code === null || code === undefined || code === "") break;
    const v = r[colRealise];
    if (!v || v.erreur || typeof v.v !== "number") continue;
    out.set(String(code), eurosToCents(v.v));
  }
  return out;
}
