import { eurosToCents, type Cents } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { celluleRef } from "../util/adresse";
import { normaliser } from "../util/texte";

/**
 * Réalisé by devis line code from Prodbook's « Écarts » sheet (its detail block by poste: Code … Réalisé), with
 * the cell holding it, so the comparison can link to it. Lines whose réalisé is not a number are left out.
 */
export interface RealiseDePoste {
  cellule: string;
  montant: Cents;
  /** The poste's chapter and label as the Écarts sheet shows them (columns « Chapitre » and « Libellé »). */
  chapitre: string;
  libelle: string;
}

export function realiseParCode(s: SheetData): Map<string, RealiseDePoste> {
  const out = new Map<string, RealiseDePoste>();
  const entetes: number[] = [];
  s.rows.forEach((r, i) => {
    if (normaliser(String(r[0]?.v ?? "")) === "code" && r.some((c) => normaliser(String(c.v ?? "")) === "realise"))
      entetes.push(i);
  });
  // The first header heads the chapters, the second the detail by poste.
  const h = entetes[1];
  if (h === undefined) return out;
  const colonne = (nom: string) => s.rows[h].findIndex((c) => normaliser(String(c.v ?? "")) === nom);
  const col = colonne("realise");
  const colChapitre = colonne("chapitre");
  const colLibelle = colonne("libelle");
  const texte = (i: number, j: number) => (j < 0 ? "" : String(s.rows[i][j]?.v ?? "").trim());
  for (let i = h + 1; i < s.rows.length; i++) {
    const code = s.rows[i][0]?.v;
    // A devis line without code (its label in B) has no réalisé of its own; the block ends at the first blank row.
    if (code === null || code === undefined || code === "") {
      if (s.rows[i][1]?.v !== null && s.rows[i][1]?.v !== undefined && s.rows[i][1]?.v !== "") continue;
      break;
    }
    const v = s.rows[i][col];
    if (!v || v.erreur || typeof v.v !== "number") continue;
    out.set(String(code), {
      cellule: celluleRef(s.name, i, col),
      montant: eurosToCents(v.v),
      chapitre: texte(i, colChapitre),
      libelle: texte(i, colLibelle),
    });
  }
  return out;
}
