import { colonneLettre, nomFeuilleRef, parseCelluleRef } from "../util/adresse";
import Decimal from "decimal.js";
import type { Cents } from "../money";
import { euros, feuille, noeud, regleFr, sourcesFr, valeurSigneeFr, type RegleTrace, type Trace } from "./trace";

/** Inputs listed one by one in a note; beyond, the formula and the cells read stand for them. */
export const ENTREES_NOTE_MAX = 6;
/** Ranges of cells listed in a note (the rest are counted). */
export const PLAGES_NOTE_MAX = 8;
/** Excel shows a note in a small box: past this length the text is cut (« … »). */
export const LONGUEUR_NOTE_MAX = 900;

/**
 * The cells a figure was read from, as few ranges as possible, the sheet named once: « 'Budget Gardiens'!G9:G11, G15:G25 ;
 * Devis!H45 ». Cells of one sheet and column on consecutive rows make one range; references that are not cells
 * (« FEC ligne 12 ») are kept as they are. Sheets in order of first appearance; at most `max` ranges (the rest counted).
 */
export function plagesDeCellules(refs: readonly string[], max = PLAGES_NOTE_MAX): string {
  const feuilles = new Map<string, Map<number, Set<number>>>();
  const autres: string[] = [];
  for (const ref of refs) {
    let p: ReturnType<typeof parseCelluleRef>;
    try {
      p = parseCelluleRef(ref);
    } catch {
      if (!autres.includes(ref)) autres.push(ref);
      continue;
    }
    const f = feuilles.get(p.feuille ?? "") ?? new Map<number, Set<number>>();
    feuilles.set(p.feuille ?? "", f);
    const lignes = f.get(p.col) ?? new Set<number>();
    f.set(p.col, lignes);
    lignes.add(p.row);
  }
  const groupes: string[][] = [];
  let n = 0;
  for (const [feuille, cols] of feuilles) {
    const plages: string[] = [];
    for (const [col, ens] of cols) {
      const lignes = [...ens].sort((x, y) => x - y);
      const c = colonneLettre(col);
      for (let i = 0; i < lignes.length;) {
        let j = i;
        while (j + 1 < lignes.length && lignes[j + 1] === lignes[j] + 1) j++;
        plages.push(j > i ? `${c}${lignes[i] + 1}:${c}${lignes[j] + 1}` : `${c}${lignes[i] + 1}`);
        i = j + 1;
      }
    }
    if (feuille) plages[0] = `${nomFeuilleRef(feuille)}!${plages[0]}`;
    groupes.push(plages);
    n += plages.length;
  }
  groupes.push(...autres.map((x) => [x]));
  n += autres.length;
  const gardees: string[] = [];
  let k = 0;
  for (const g of groupes) {
    const pris = g.slice(0, Math.max(0, max - k));
    k += pris.length;
    if (pris.length) gardees.push(pris.join(", "));
  }
  const reste = n - k;
  return (
    gardees.join(" ; ") + (reste > 0 ? ` … et ${reste} autre${reste > 1 ? "s" : ""} plage${reste > 1 ? "s" : ""}` : "")
  );
}

/** The cells under a node: each input's own cell, or, for an input without one, the cells under it. */
function cellulesSous(t: Trace): string[] {
  const out: string[] = [];
  for (const e of t.entrees ?? []) {
    if (e.cellule) out.push(e.cellule);
    else out.push(...cellulesSous(e));
  }
  return out;
}

function regles(t: Trace, out: RegleTrace[] = []): RegleTrace[] {
  if (t.regle && !out.some((r) => r.table === t.regle!.table && r.cle === t.regle!.cle)) out.push(t.regle);
  for (const e of t.entrees ?? []) regles(e, out);
  return out;
}

/**
 * « D'où vient ce chiffre ? » as an Excel note on a computed cell, for a partner without the add-in: what the figure
 * is (an écart signed as the pane and the text tree write it, « +1 234,56 € », `valeurSigneeFr`) and how it is
 * computed (`formule` replaces the trace's when the sheet can say it better, « Σ lignes 12 à 40 du chapitre 3 »), its
 * inputs with their values and cells (when few), the cells it was read from, and the rule tables used (each version's
 * date in words and its own sources), then `complements` (lines the sheet adds). Plain text, never a formula; at most
 * LONGUEUR_NOTE_MAX characters.
 */
export function noteDeTrace(t: Trace, formule?: string, complements: string[] = []): string {
  const lignes = [`${t.libelle} : ${valeurSigneeFr(t)}`];
  const f = formule ?? t.formule;
  if (f) lignes.push(`= ${f}`);
  const entrees = t.entrees ?? [];
  if (entrees.length && entrees.length <= ENTREES_NOTE_MAX)
    for (const e of entrees)
      lignes.push(
        `← ${e.libelle} : ${valeurSigneeFr(e)}${e.formule ? ` (${e.formule})` : ""}${e.cellule ? ` [${e.cellule}]` : ""}`,
      );
  else if (!entrees.length && t.cellule) lignes.push(`Cellule lue : ${t.cellule}`);
  const plages = plagesDeCellules(cellulesSous(t));
  if (plages) lignes.push(`Cellules lues : ${plages}`);
  for (const r of regles(t).slice(0, 3)) lignes.push(`Règle : ${regleFr(r)}${sourcesFr(r)}`);
  lignes.push(...complements, "(Prodbook, « D'où vient ce chiffre ? »)");
  const texte = lignes.join("\n");
  return texte.length > LONGUEUR_NOTE_MAX ? `${texte.slice(0, LONGUEUR_NOTE_MAX - 1)}…` : texte;
}

/**
 * The note of a formula cell that shows nothing (a figure not computed, a sum of nothing): what it would hold and why
 * it is empty, as noteDeTrace writes a figure.
 */
export function noteVide(libelle: string, pourquoi: string, complements: string[] = []): string {
  const fin = "(Prodbook, « D'où vient ce chiffre ? »)";
  const texte = [`${libelle} : vide`, `= ${pourquoi}`, ...complements].join("\n");
  // Cut before the last line, so that a long reason (a missing factor's research) still ends with it.
  const max = LONGUEUR_NOTE_MAX - fin.length - 1;
  return `${texte.length > max ? `${texte.slice(0, max - 1)}…` : texte}\n${fin}`;
}

/** A term of a ratio as the sheet's formula reads it: what it is, its amount in cents, the cell it is read from. */
export interface TermeRatio {
  libelle: string;
  montant: Cents;
  cellule: string;
}

/** The trace of a ratio cell: numerator ÷ denominator (a rate), or `nul` when the denominator is 0. */
export function traceDeRatio(libelle: string, numerateur: TermeRatio, denominateur: TermeRatio, siNul = "0"): Trace {
  const terme = (t: TermeRatio) => feuille(t.libelle, euros(t.montant), "euros", { cellule: t.cellule });
  const entrees = [terme(numerateur), terme(denominateur)];
  const formule =
    `${numerateur.libelle} ÷ ${denominateur.libelle} (${numerateur.cellule} ÷ ${denominateur.cellule}) ; ` +
    `${siNul} quand ${denominateur.cellule} vaut 0`;
  return denominateur.montant === 0
    ? noeud(libelle, "0", "taux", "nul", entrees, { formule })
    : noeud(
        libelle,
        new Decimal(numerateur.montant).dividedBy(denominateur.montant).toString(),
        "taux",
        "quotient",
        entrees,
        { formule },
      );
}

/**
 * The note of a ratio cell (a percentage of the devis, of the financing, an écart %): which numerator over which
 * denominator, their amounts and the cells the formula reads, and what the cell shows when the denominator is 0
 * (`siNul`, « vide »). Built as a `quotient` trace (a `nul` one when the denominator is 0) and written by noteDeTrace.
 */
export function noteDeRatio(
  libelle: string,
  numerateur: TermeRatio,
  denominateur: TermeRatio,
  siNul = "0",
  complements: string[] = [],
): string {
  const texte = noteDeTrace(traceDeRatio(libelle, numerateur, denominateur, siNul), undefined, complements);
  // An empty cell is not « 0,00 % »: the first line says what the cell shows.
  if (denominateur.montant !== 0 || siNul === "0") return texte;
  const fin = texte.indexOf("\n");
  return `${libelle} : ${siNul} (${denominateur.libelle} nul)${texte.slice(fin)}`;
}
