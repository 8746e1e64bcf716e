import type { CellData, SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";

/** The columns a producer's devis may have; `libelle` and `montant` (or `taux`) are needed to call it a devis. */
export type Colonne =
  | "code"
  | "libelle"
  | "quantite"
  | "nombre"
  | "unite"
  | "taux"
  | "montant"
  | "tauxCharges"
  | "categorie"
  | "territoire"
  | "eligibleCI";

export type Colonnes = Partial<Record<Colonne, number>>;

export interface Entete {
  /** 0-based row of the header. */
  ligne: number;
  colonnes: Colonnes;
}

/**
 * Header synonyms, French and English, normalised (lower case, no accents). Order matters: the more specific
 * ones first ("taux charges" before "taux", "montant ht" and "total" last for the amount).
 */
const SYNONYMES: readonly [Colonne, RegExp][] = [
  ["tauxCharges", /^(taux|tx|%)\s*(de\s*)?(charges?|cs)\b|^charges?\s*(%|sociales\s*%|taux)|^(charges rate|social charges %|% charges)/],
  ["eligibleCI", /^(eligible|eligibilite)\b|^ci\b|^credit d'impot|^tax credit|^c\.i\.?$/],
  ["territoire", /^(territoire|territory|lieu de depense|pays|localisation|france\s*\/\s*etranger|fr\s*\/\s*etr)/],
  ["categorie", /^(categorie|category|cat\.?|type de (depense|ligne|poste)|nature)$/],
  ["unite", /^(unite|unit|u\.?|unites|units)$/],
  ["quantite", /^(qte|qt|qty|quantite|quantity|quant\.?|duree|jours|(nb|nbre|nombre) (de )?(jours|j|semaines|sem|heures|h|mois|cachets|unites))$/],
  ["nombre", /^(nb|nbre|nombre|number|no of|nb pers\.?|nb personnes|(nb|nombre) de personnes|effectif|pers\.?|personnes|people|headcount|x)$/],
  ["taux", /^(tarif|taux|prix|rate|pu|p\.?\s?u\.?|prix unit\.?|(prix|tarif|cout|taux|salaire( brut)?)\s*(unitaire|journalier|horaire|hebdo|hebdomadaire|\/ ?(jour|j|semaine|sem|unite))|unit (price|cost|rate)|day rate|weekly rate)$/],
  ["montant", /^(montant|montant total|total|amount|cost|cout|cout total|budget|budget previsionnel|prevu|prevision|montant prevu|montant previsionnel|total budget|devis|total cost)$/],
  ["code", /^(code|n°|no|num|numero|n|compte|ref|reference|code poste|n° poste|#|line|code cnc|acct|account)$/],
  ["libelle", /^((designation|libelle|description|intitule|nature de la depense)( (du|des) postes?)?|libelles|details?|description du poste|item description|postes?|items?|line items?)$/],
];

function nettoyer(v: CellData): string | undefined {
  if (typeof v.v !== "string") return undefined;
  let s = normaliser(v.v).replace(/\((€|eur|euros|en €|en euros|ht|€ ht|%)\)/g, "");
  // "Montant € HT :", "Total HT (€)": units and tax mentions after the name.
  for (let i = 0; i < 3; i++) s = s.replace(/[:*]+$/, "").replace(/\s*(€|eur|euros|ht|h\.t\.?)\s*$/, "").trim();
  return s.replace(/\s+/g, " ").trim() || undefined;
}

/** Roles of the cells of one row; each role taken by its first column. "Poste" is the code when another column holds the label. */
export function colonnesDe(row: CellData[]): Colonnes {
  const out: Colonnes = {};
  const postes: number[] = [];
  row.forEach((cell, c) => {
    const s = nettoyer(cell);
    if (!s || s.length > 40) return;
    for (const [role, re] of SYNONYMES) {
      if (!re.test(s)) continue;
      // "Poste" / "Item": the label, unless another column is the label (then the code).
      if (role === "libelle" && /^(postes?|items?)$/.test(s)) {
        postes.push(c);
        return;
      }
      if (out[role] === undefined) out[role] = c;
      return;
    }
  });
  for (const c of postes) {
    if (out.libelle === undefined) out.libelle = c;
    else if (out.code === undefined && c < out.libelle) out.code = c;
  }
  return out;
}

function montantsSous(sheet: SheetData, r: number, col: number): number {
  let n = 0;
  for (const row of sheet.rows.slice(r + 1, r + 30)) if (typeof row[col]?.v === "number") n++;
  return n;
}

function score(cols: Colonnes): number {
  return Object.keys(cols).length;
}

/** The header row: the first of the top 60 rows with a label column, an amount or rate column and ≥ 3 roles. */
export function trouverEntete(sheet: SheetData): Entete | undefined {
  const max = Math.min(sheet.rows.length, 60);
  let best: Entete | undefined;
  for (let r = 0; r < max; r++) {
    const cols = colonnesDe(sheet.rows[r]);
    if (cols.libelle === undefined || (cols.montant === undefined && cols.taux === undefined)) continue;
    // Two columns (label, amount) are enough when amounts follow: a minimal devis.
    if (score(cols) < 3 && !(cols.montant !== undefined && montantsSous(sheet, r, cols.montant) >= 2)) continue;
    if (!best || score(cols) > score(best.colonnes)) best = { ligne: r, colonnes: cols };
    if (score(cols) >= 5) break;
  }
  return best && ajusterColonnes(sheet, best);
}

/**
 * "Poste | Détail": when the column taken as the code holds the wording (long texts) more often than the
 * label column holds anything, the producer's labels are in the code column: swap them.
 */
export function ajusterColonnes(sheet: SheetData, entete: Entete): Entete {
  const { code, libelle } = entete.colonnes;
  if (code === undefined || libelle === undefined) return entete;
  let mots = 0;
  let libelles = 0;
  for (const row of sheet.rows.slice(entete.ligne + 1, entete.ligne + 300)) {
    const c = row[code]?.v;
    if (typeof c === "string" && /[a-zA-Zà-ÿ]{3,}.*\s.*[a-zA-Zà-ÿ]{2,}/.test(c) && c.trim().length > 8) mots++;
    const l = row[libelle]?.v;
    if (typeof l === "string" && l.trim()) libelles++;
  }
  return mots > libelles ? { ligne: entete.ligne, colonnes: { ...entete.colonnes, code: libelle, libelle: code } } : entete;
}
