import Decimal from "decimal.js";
import { eurosToCents, type Cents } from "../money/cents";
import type { CellData, SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { COL, ENTETES_ACTIVITES } from "./colonnes";
import type { SaisieCarbone } from "./modele";

const nombreSaisi = (c: CellData | undefined): number | undefined =>
  c && !c.f && !c.erreur && typeof c.v === "number" && Number.isFinite(c.v) ? c.v : undefined;
const texte = (c: CellData | undefined): string | undefined =>
  c && !c.erreur && typeof c.v === "string" && c.v.trim() ? c.v.trim() : undefined;

/**
 * What the user typed in a previous « Bilan carbone » sheet, by activity id: a quantity typed over the
 * proposed formula, another factor code than the proposed one, réalisé, quantité réalisée and comment. Values
 * Prodbook wrote (formulas, the proposed code) are not corrections.
 */
export function lireSaisiesCarbone(s: SheetData): Map<string, SaisieCarbone> {
  const out = new Map<string, SaisieCarbone>();
  const entete = s.rows.findIndex(
    (r) =>
      normaliser(String(r[COL.id]?.v ?? "")) === "id" &&
      normaliser(String(r[COL.quantite]?.v ?? "")) === normaliser(ENTETES_ACTIVITES[COL.quantite]),
  );
  if (entete < 0) return out;
  for (let i = entete + 1; i < s.rows.length; i++) {
    const r = s.rows[i];
    const id = texte(r[COL.id]);
    if (!id) break;
    const saisie: SaisieCarbone = {};
    const q = nombreSaisi(r[COL.quantite]);
    if (q !== undefined) saisie.quantite = new Decimal(q).toFixed();
    const code = texte(r[COL.facteur]);
    if (code && code !== texte(r[COL.facteurPropose])) saisie.facteur = code;
    const realise = nombreSaisi(r[COL.realise]);
    if (realise !== undefined) saisie.realise = eurosToCents(realise) as Cents;
    const qr = nombreSaisi(r[COL.quantiteRealisee]);
    if (qr !== undefined) saisie.quantiteRealisee = new Decimal(qr).toFixed();
    const com = texte(r[COL.commentaire]);
    if (com) saisie.commentaire = com;
    if (Object.keys(saisie).length) out.set(id, saisie);
  }
  return out;
}
