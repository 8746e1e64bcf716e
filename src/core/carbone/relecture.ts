import Decimal from "decimal.js";
import { eurosToCents, type Cents } from "../money/cents";
import type { CellData, SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { COL, ENTETES_ACTIVITES } from "./colonnes";
import type { Activite, SaisieCarbone } from "./modele";

const nombreSaisi = (c: CellData | undefined): number | undefined =>
  c && !c.f && !c.erreur && typeof c.v === "number" && Number.isFinite(c.v) ? c.v : undefined;
const texte = (c: CellData | undefined): string | undefined =>
  c && !c.erreur && typeof c.v === "string" && c.v.trim() ? c.v.trim() : undefined;

/** A row of a previous « Bilan carbone » sheet that holds something the user typed. */
export interface SaisieRelue {
  /** The activity id of that row (« devis:Budget!43 », « plan:lieu:… »). */
  id: string;
  /** The row's label and source cell as they were then: a devis line is recognised by its label, not its row. */
  libelle: string;
  source: string;
  saisie: SaisieCarbone;
}

/**
 * What the user typed in a previous « Bilan carbone » sheet, in sheet order: a quantity typed over the proposed
 * formula, another factor code than the proposed one, réalisé, quantité réalisée and comment. Values Prodbook wrote
 * (formulas, the proposed code) are not corrections.
 */
export function lireSaisiesCarbone(s: SheetData): SaisieRelue[] {
  const out: SaisieRelue[] = [];
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
    if (Object.keys(saisie).length)
      out.push({ id, libelle: texte(r[COL.libelle]) ?? "", source: texte(r[COL.source]) ?? "", saisie });
  }
  return out;
}

/** « devis:Budget!43 » → « devis:Budget! » (the devis sheet); a plan id is its own key. */
const feuilleDe = (id: string) => (id.startsWith("devis:") ? id.slice(0, id.lastIndexOf("!") + 1) : id);

/**
 * Gives each activity the corrections typed on its row of the previous sheet, like the comments of a comparison:
 * a devis line is the same line when it has the same label on the same devis sheet, wherever its row is now (a line
 * inserted or deleted above moves it); lines sharing a label are matched in order. A plan de travail row is keyed
 * by its content already (its location). A correction whose line is gone is returned, never put on another line.
 */
export function apparierSaisies(
  activites: readonly Activite[],
  relues: readonly SaisieRelue[],
): { saisies: Map<string, SaisieCarbone>; orphelines: SaisieRelue[] } {
  const saisies = new Map<string, SaisieCarbone>();
  const prises = new Set<SaisieRelue>();
  const cle = (id: string, libelle: string) => `${feuilleDe(id)}|${normaliser(libelle)}`;
  // Same row, same line: the usual case.
  const parId = new Map(relues.map((r) => [r.id, r]));
  for (const a of activites) {
    const r = parId.get(a.id);
    if (r && (a.origine === "plan" || normaliser(r.libelle) === normaliser(a.libelle))) {
      saisies.set(a.id, r.saisie);
      prises.add(r);
    }
  }
  // A devis line that moved: the same label on the same sheet, in order.
  const restantes = new Map<string, SaisieRelue[]>();
  for (const r of relues) {
    if (prises.has(r) || !r.id.startsWith("devis:")) continue;
    const k = cle(r.id, r.libelle);
    restantes.set(k, [...(restantes.get(k) ?? []), r]);
  }
  for (const a of activites) {
    if (saisies.has(a.id) || a.origine !== "devis") continue;
    const r = restantes.get(cle(a.id, a.libelle))?.shift();
    if (!r) continue;
    saisies.set(a.id, r.saisie);
    prises.add(r);
  }
  return { saisies, orphelines: relues.filter((r) => !prises.has(r)) };
}
