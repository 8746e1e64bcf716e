import { colonneLettre, parseCelluleRef } from "../util/adresse";
import { reglePareilles, type ChoixMontant, type ColonneMontant } from "./entetes";
import type { ColonnesMontant, Devis, TotauxColonne } from "./model";

/** The producer's subtotals and totals read in one amount column: how many its lines prove, the cells of the others. */
export function bilanTotaux(d: Devis): TotauxColonne {
  const nonProuves = [
    ...d.totauxProducteur.filter((t) => !t.preuve).map((t) => t.cellule),
    ...(d.totauxNonProuves ?? []).map((t) => t.cellule),
  ].sort((a, b) => parseCelluleRef(a).row - parseCelluleRef(b).row);
  return { prouves: d.totauxProducteur.filter((t) => t.preuve).length, nonProuves };
}

const rangee = (cellule: string) => parseCelluleRef(cellule).row;

/**
 * The bilans of the same devis read once per amount column, compared row by row: a row that another column's lines
 * prove to be a subtotal or total, read in this column as a line (its amount there adds up to nothing, or it has no
 * « Total » wording), is one of this column's totals not proven; its cell is in `nonProuves` and in `commeLignes`.
 * A column blank on that row is not blamed: it simply has no total there.
 */
export function bilansCroises(devis: readonly Devis[]): TotauxColonne[] {
  const prouvees = devis.map((d) => new Set(d.totauxProducteur.filter((t) => t.preuve).map((t) => rangee(t.cellule))));
  return devis.map((d, i) => {
    const b = bilanTotaux(d);
    const ailleurs = new Set<number>();
    prouvees.forEach((s, j) => {
      if (j !== i) for (const r of s) if (!prouvees[i].has(r)) ailleurs.add(r);
    });
    if (!ailleurs.size) return b;
    const deja = new Set(b.nonProuves);
    const commeLignes = d.lignes
      .filter((l) => !l.montantCalcule && !l.chargesDe && l.source.cellules.montant)
      .map((l) => l.source.cellules.montant as string)
      .filter((c) => ailleurs.has(rangee(c)) && !deja.has(c));
    if (!commeLignes.length) return b;
    const nonProuves = [...b.nonProuves, ...commeLignes].sort((x, y) => rangee(x) - rangee(y));
    return { prouves: b.prouves, nonProuves, commeLignes };
  });
}

/** Proven: at least one subtotal or total, and every one of them the sum of its lines or a formula over them. */
export const totauxProuves = (b: TotauxColonne): boolean => b.prouves > 0 && b.nonProuves.length === 0;

/** Named the column's bilan on `devis.colonneMontant` (the column read or one left aside), by its letter. */
function noter(m: ColonnesMontant, col: number, bilan: TotauxColonne): void {
  for (const x of [m.retenue, ...m.ecartees]) if (x.colonne === colonneLettre(col)) x.totaux = bilan;
}

/**
 * Amount columns alike (« Montant | Montant révisé », « Montant V1 | Montant V2 »): the devis is read once per
 * column and the bilans compared row by row (bilansCroises). When some column's subtotals and totals are all proven
 * by its lines (arithmetic or formula) and another's are not (a total its lines miss, or a row another column proves
 * a total read here as a line), a proven one is kept (among several, the latest version, else the rightmost):
 * `choix` « totaux ». Otherwise — no total anywhere, all proven, none proven, or only columns without any total
 * besides the proven ones — nothing proves which is the devis and the rule by header (`parDefaut`, `choix`) stands.
 * Each column of `devis.colonneMontant` carries its totals' bilan, so the finding can say why.
 */
export function choisirParTotaux(
  semblables: readonly ColonneMontant[],
  parDefaut: ColonneMontant,
  choix: ChoixMontant,
  importer: (c: ColonneMontant, choix: ChoixMontant) => Devis,
): Devis {
  // A column other than the header's first choice that cannot be read (an absurd magnitude in it…) is not compared.
  const essais = semblables.flatMap((c) => {
    const devis = c === parDefaut ? importer(c, choix) : lireOuRien(() => importer(c, choix));
    return devis ? [{ c, devis }] : [];
  });
  const { retenu, parPreuve, bilans, aucun } = choixParBilans(essais, parDefaut);
  const d = retenu.devis;
  const m = d.colonneMontant;
  if (m) {
    if (parPreuve) m.choix = "totaux";
    if (!aucun) essais.forEach((e, i) => noter(m, e.c.col, bilans[i]));
  }
  return d;
}

/**
 * The same devis read once per column alike (`essais`): the bilans of their subtotals and totals compared row by row
 * (bilansCroises). A column whose totals are all proven, against one whose are not, is kept (`parPreuve`; among
 * several, the latest version, else the rightmost); otherwise `parDefaut`, the rule by header. `aucun`: no subtotal or
 * total in any column. Used for the first table (choisirParTotaux) and for each table stacked lower (import.ts, its
 * devis restricted to that table's rows).
 */
export function choixParBilans<T extends { c: ColonneMontant; devis: Devis }>(
  essais: readonly T[],
  parDefaut: ColonneMontant,
): { retenu: T; parPreuve: boolean; bilans: TotauxColonne[]; aucun: boolean } {
  const bilans = bilansCroises(essais.map((e) => e.devis));
  const prouvees = essais.filter((_, i) => totauxProuves(bilans[i]));
  const parPreuve = prouvees.length > 0 && bilans.some((b) => b.nonProuves.length > 0);
  const cible = parPreuve ? reglePareilles(prouvees.map((e) => e.c)).retenue : parDefaut;
  const retenu = essais.find((e) => e.c === cible) ?? essais[0];
  return { retenu, parPreuve, bilans, aucun: bilans.every((b) => !b.prouves && !b.nonProuves.length) };
}

/**
 * The column read is HT (or « Montant », read as HT) and the header has a TTC column too: the devis read once with
 * the TTC amounts, only to compare the totals (never counted). Both columns' bilans go on `devis.colonneMontant`
 * (merged with a bilan the columns alike already gave); the finding `colonnes-lues` is an alerte when the TTC
 * column's lines prove all its totals and the HT column's do not.
 */
export function comparerAuTTC(
  d: Devis,
  liste: readonly ColonneMontant[],
  importer: (c: ColonneMontant) => Devis,
): void {
  const m = d.colonneMontant;
  const lue = m && liste.find((x) => colonneLettre(x.col) === m.retenue.colonne);
  if (!m || !lue || (lue.nature !== "ht" && lue.nature !== "montant")) return;
  for (const ttc of liste.filter((x) => x.nature === "ttc")) {
    const autre = lireOuRien(() => importer(ttc));
    if (!autre) continue;
    const [ht, t] = bilansCroises([d, autre]);
    // No subtotal or total in either column: nothing to compare, nothing said.
    if (!ht.prouves && !ht.nonProuves.length && !t.prouves && !t.nonProuves.length) continue;
    const avant = m.retenue.totaux;
    m.retenue.totaux = avant ? fusionner(avant, ht) : ht;
    const e = m.ecartees.find((x) => x.colonne === colonneLettre(ttc.col));
    if (e) e.totaux = t;
  }
}

/** The devis read with another amount column, only to compare: a column that stops the import is not compared. */
export function lireOuRien(lire: () => Devis): Devis | undefined {
  try {
    return lire();
  } catch {
    return undefined;
  }
}

/** Two bilans of the same column (one against columns alike, one against TTC): the cells either names. */
export function fusionner(a: TotauxColonne, b: TotauxColonne): TotauxColonne {
  const nonProuves = [...new Set([...a.nonProuves, ...b.nonProuves])].sort((x, y) => rangee(x) - rangee(y));
  const commeLignes = [...new Set([...(a.commeLignes ?? []), ...(b.commeLignes ?? [])])].sort(
    (x, y) => rangee(x) - rangee(y),
  );
  return { prouves: a.prouves, nonProuves, ...(commeLignes.length ? { commeLignes } : {}) };
}
