import type { Constat } from "../controles/constat";
import { cents, Cents, ZERO } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { colonneLettre, nomFeuilleRef } from "../util/adresse";
import type { Convention } from "../money/parse";
import { montantAvecUnite, tarifEcrit } from "./unites";
import { dateEcrite, lireMontantCellule, type LectureMontant } from "./valeurs";
import type { CelluleNonComptee, Conservation, Devis } from "./model";

/** What a cell of the amount column holds, as far as conservation is concerned. */
interface CelluleLue {
  cellule: string;
  /** The amount read (same parser as the import), when the cell holds one. */
  montant?: Cents;
  /** An ambiguous text (« 12.500 »): its amount is the one the import proved, if any (quantité × nombre × taux). */
  ambigu?: boolean;
  /** What the cell holds: its text as the user sees it is String(v), written only for the cells listed. */
  v: string | number;
  /** How many of the import's items count this cell. */
  n: number;
  /** A figure in another currency (written « 1 500 USD » or shown so by its format): that currency, no amount. */
  devise?: string;
}

/**
 * A date typed or stored where an amount belongs: ISO (the adapters' dates), « 15/04/2025 », « 15-04-25 », « 15 avril
 * 2025 ».
 */
const DATE_CHIFFRES = /^\s*(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\s*$/;
/** The same, or a date in words (« 15 avril 2025 »). */
const DATE = { test: (s: string) => DATE_CHIFFRES.test(s) || dateEcrite(s) !== undefined };
/** A text that looks like a number (digits, separators, sign, currency), readable or not. */
const NUMERIQUE = /^[\s(+\-–−]*(?:€|eur|\$|£)?\s*\d[\d\s\u00a0\u202f\u2009.,']*(?:[-)]|€|eur(?:os)?|ht|ttc|%|\s)*$/i;

/**
 * The cells of the amount column below the header that conservation accounts for: a number, a numeric text, a
 * date or an Excel error. Texts without a figure (« à définir », « - ») and empty cells are not amounts.
 * `lus`: the import's own reading of the amount cell, by row (the same parser and convention), not read twice.
 */
export function cellulesMontant(
  sheet: SheetData,
  ligneEntete: number,
  colonne: number,
  convention?: Convention,
  lus?: readonly (LectureMontant | undefined)[],
): CelluleLue[] {
  const out: CelluleLue[] = [];
  // celluleRef(sheet.name, r, colonne), its sheet-and-column part written once.
  const prefixe = `${nomFeuilleRef(sheet.name)}!${colonneLettre(colonne)}`;
  for (let r = ligneEntete + 1; r < sheet.rows.length; r++) {
    const c = sheet.rows[r][colonne];
    if (!c || c.v === null || c.v === "" || typeof c.v === "boolean") continue;
    const cellule = prefixe + (r + 1);
    if (c.erreur) {
      out.push({ cellule, v: c.v, n: 0 });
      continue;
    }
    if (typeof c.v === "string" && (DATE.test(c.v) || !NUMERIQUE.test(c.v))) {
      if (DATE.test(c.v)) out.push({ cellule, v: c.v, n: 0 });
      // A text the import reads as an amount all the same (« '5000 », « 5 000 EUR. ») is one: it is in the total.
      if (!DATE.test(c.v)) {
        const lu = lus?.[r] ?? lireMontantCellule(c, convention);
        if (lu.type === "montant") out.push({ cellule, montant: lu.cents, v: c.v, n: 0 });
        // A figure written in another currency (« 1 500 USD », « 900 £ »): read, never in euros (no amount), listed.
        else if (lu.type === "texte" && lu.devise) out.push({ cellule, v: c.v, devise: lu.devise, n: 0 });
        // A figure with its unit (« 50 k€ », « (3 k€) »), named by the import and not counted: a numeric text, read at
        // its value in euros (50 000,00 €) and listed at that value; an ambiguous figure (« 12.500 k€ ») is read at no
        // amount. A rate (« 50 €/jour ») likewise, at its figure (50,00 €).
        else {
          const k = montantAvecUnite(c.v, convention) ?? tarifEcrit(c.v, convention)?.montant;
          if (k !== undefined) out.push({ cellule, montant: k === "ambigu" ? undefined : k, v: c.v, n: 0 });
        }
      }
      continue;
    }
    let montant: Cents | undefined;
    let ambigu = false;
    let devise: string | undefined;
    try {
      // An ambiguous text (« 12.500 ») has no amount read unless the sheet's convention says which.
      const lu = lus?.[r] ?? lireMontantCellule(c, convention);
      montant = lu.type === "montant" ? lu.cents : undefined;
      ambigu = lu.type === "ambigu";
      devise = lu.type === "devise" || (lu.type === "texte" && lu.devise) ? lu.devise : undefined;
    } catch {
      montant = undefined; // beyond any production: listed by the import, never counted
    }
    out.push({ cellule, montant, v: c.v, ambigu: ambigu || undefined, devise, n: 0 });
  }
  return out;
}

type Categorie = "lignes" | "totauxProuves" | "nonPlaces" | "listes";

/**
 * Checks the conservation of the amount column against what the import made of it: each cell read must be
 * exactly one of a placed line, a proven total, an unplaced line or a listed item. Category sums come from the
 * import's model (the amounts it kept), `lu` from the sheet, so a misread, lost or doubly counted amount shows
 * as an écart and its cell is named.
 */
export function calculerConservation(
  sheet: SheetData,
  ligneEntete: number,
  colonne: number | undefined,
  devis: Devis,
  convention?: Convention,
  lus?: readonly (LectureMontant | undefined)[],
): Conservation {
  const vide: Conservation = {
    lu: ZERO,
    lignes: ZERO,
    totauxProuves: ZERO,
    nonPlaces: ZERO,
    listes: ZERO,
    ecart: ZERO,
    cellules: { lues: 0, lignes: 0, totauxProuves: 0, nonPlaces: 0, listees: 0 },
    nonComptees: [],
  };
  if (colonne === undefined) return vide;
  const lues = cellulesMontant(sheet, ligneEntete, colonne, convention, lus);
  const parCellule = new Map(lues.map((l) => [l.cellule, l]));
  const sommes: Record<Categorie, number> = { lignes: 0, totauxProuves: 0, nonPlaces: 0, listes: 0 };
  const nombres: Record<Categorie, number> = { lignes: 0, totauxProuves: 0, nonPlaces: 0, listes: 0 };
  const compter = (cellule: string | undefined, cat: Categorie, montant: Cents | undefined) => {
    if (!cellule) return;
    const l = parCellule.get(cellule);
    if (!l) return; // an amount computed by Prodbook (empty cell) or read elsewhere: not in this column
    l.n++;
    nombres[cat]++;
    if (l.ambigu && l.montant === undefined && cat === "lignes") l.montant = montant;
    // A listed cell that the import keeps no amount of (« 50 k€ » named unreadable) is listed at the amount read in it.
    const m = montant ?? (cat === "listes" && !l.ambigu ? l.montant : undefined);
    if (l.montant !== undefined && m !== undefined) sommes[cat] += m;
  };
  for (const l of devis.lignes) compter(l.source.cellules.montant, l.chapitre ? "lignes" : "nonPlaces", l.montant);
  for (const t of devis.totauxProducteur) compter(t.cellule, t.preuve ? "totauxProuves" : "listes", t.montant);
  for (const h of devis.horsLignes ?? []) compter(h.cellule, h.prouve ? "totauxProuves" : "listes", h.montant);
  for (const i of devis.illisibles ?? []) compter(i.cellule, "listes", undefined);
  for (const a of devis.ambigus ?? []) compter(a.cellule, "listes", undefined);
  for (const d of devis.devises ?? []) compter(d.cellule, "listes", undefined);
  const nonComptees: CelluleNonComptee[] = [];
  let lu = 0;
  for (const l of lues) {
    if (l.montant !== undefined) lu += l.montant;
    if (l.n !== 1)
      nonComptees.push({ cellule: l.cellule, montant: l.montant, texte: String(l.v), doublon: l.n > 1 || undefined });
  }
  const ecart = lu - sommes.lignes - sommes.totauxProuves - sommes.nonPlaces - sommes.listes;
  // Figures in another currency: cells read and listed (a finding names each), never summed in euros.
  const enDevise = lues
    .filter((l) => l.devise !== undefined)
    .map((l) => ({ cellule: l.cellule, texte: String(l.v), devise: l.devise as string }));
  return {
    colonne: colonneLettre(colonne),
    lu: cents(lu),
    lignes: cents(sommes.lignes),
    totauxProuves: cents(sommes.totauxProuves),
    nonPlaces: cents(sommes.nonPlaces),
    listes: cents(sommes.listes),
    ecart: cents(ecart),
    cellules: {
      lues: lues.length,
      lignes: nombres.lignes,
      totauxProuves: nombres.totauxProuves,
      nonPlaces: nombres.nonPlaces,
      listees: nombres.listes,
    },
    nonComptees,
    ...(enDevise.length ? { enDevise } : {}),
  };
}

/**
 * A cell no category counts but that a finding names (an ambiguous amount, a date, an error) is listed: it
 * moves from the cells making up the écart to the listed ones.
 */
export function completerConservation(c: Conservation, constats: readonly Constat[]): Conservation {
  const nommees = new Set(constats.map((k) => k.cellule).filter((x): x is string => !!x));
  const restent = c.nonComptees.filter((n) => n.doublon || !nommees.has(n.cellule));
  if (restent.length === c.nonComptees.length) return c;
  const listees = c.nonComptees.filter((n) => !restent.includes(n));
  let listes = c.listes as number;
  for (const n of listees) listes += n.montant ?? 0;
  return {
    ...c,
    listes: cents(listes),
    ecart: cents(c.ecart - (listes - c.listes)),
    cellules: { ...c.cellules, listees: c.cellules.listees + listees.length },
    nonComptees: restent,
  };
}

/** The invariant holds: no gap and no cell left out or counted twice. */
export function conservationRespectee(c: Conservation): boolean {
  return c.ecart === 0 && c.nonComptees.length === 0;
}
