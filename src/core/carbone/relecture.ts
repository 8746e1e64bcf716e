import Decimal from "decimal.js";
import { analyserNombre, type Cents } from "../money";
import type { CellData, SheetData } from "../port/workbook";
import { celluleSaisie, montantSaisi, refusSaisie } from "../util/saisie";
import { normaliser } from "../util/texte";
import { COL, ENTETES_ACTIVITES } from "./colonnes";
import type { Activite, SaisieCarbone } from "./modele";

/** « 1,5 » (a decimal as a French reader writes it). */
const fr = (d: Decimal) => d.toFixed().replace(".", ",");

/**
 * What the user typed in a quantity or réalisé cell (Prodbook writes formulas there, or nothing): undefined when the
 * cell is empty or holds Prodbook's formula. A number typed as text (« 1 200 ») is read with the devis's parser; a
 * text that is no number (« 1200 km »), an ambiguous one (« 1.200 »), a negative quantity or an Excel error is
 * refused naming the cell: the correction is never dropped (the refreshed sheet would lose it) nor guessed. A
 * negative réalisé stays (the ledger's net réalisé, written back here, may be a credit).
 */
function saisieLue(s: SheetData, ligne: number, col: number, montant: true): Cents | undefined;
function saisieLue(s: SheetData, ligne: number, col: number, montant: false): Decimal | undefined;
function saisieLue(s: SheetData, ligne: number, col: number, montant: boolean): Decimal | Cents | undefined {
  if (montant) return montantSaisi(s, ligne, col, ENTETES_ACTIVITES[col], "un réalisé");
  const c = celluleSaisie(s, ligne, col);
  if (!c) return undefined;
  const refus = (raison: string) => refusSaisie(s, ligne, col, ENTETES_ACTIVITES[col], raison);
  const brut = typeof c.v === "number" ? c.v : String(c.v).trim();
  const quoi = "une quantité";
  if (c.erreur) throw refus(`l'erreur Excel ${brut} n'est pas ${quoi}`);
  if (typeof c.v === "boolean") throw refus(`« ${brut} » n'est pas ${quoi}`);
  const a = analyserNombre(brut);
  if (a.type === "ambigu") throw refus(`« ${brut} » peut se lire ${fr(a.decimale)} ou ${fr(a.milliers)}`);
  if (a.type !== "nombre") throw refus(`« ${brut} » n'est pas une quantité (un nombre, par exemple « 1 200 »)`);
  if (a.valeur.isNegative()) throw refus(`quantité négative (${fr(a.valeur)}) ; une quantité est positive ou nulle`);
  return a.valeur;
}

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
    const q = saisieLue(s, i, COL.quantite, false);
    if (q !== undefined) saisie.quantite = q.toFixed();
    const code = texte(r[COL.facteur]);
    if (code && code !== texte(r[COL.facteurPropose])) saisie.facteur = code;
    const realise = saisieLue(s, i, COL.realise, true);
    if (realise !== undefined) saisie.realise = realise;
    const qr = saisieLue(s, i, COL.quantiteRealisee, false);
    if (qr !== undefined) saisie.quantiteRealisee = qr.toFixed();
    const com = texte(r[COL.commentaire]);
    if (com) saisie.commentaire = com;
    const unite = texte(r[COL.unite]);
    if (Object.keys(saisie).length && unite) saisie.unite = unite;
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
