import { colonneLettre, parseCelluleRef } from "../util/adresse";
import { reglePareilles, type ChoixMontant, type ColonneMontant } from "./entetes";
import type { Devis, TotauxColonne } from "./model";

/** The producer's subtotals and totals read in one amount column: how many its lines prove, the cells of the others. */
export function bilanTotaux(d: Devis): TotauxColonne {
  const nonProuves = [
    ...d.totauxProducteur.filter((t) => !t.preuve).map((t) => t.cellule),
    ...(d.totauxNonProuves ?? []).map((t) => t.cellule),
  ].sort((a, b) => parseCelluleRef(a).row - parseCelluleRef(b).row);
  return { prouves: d.totauxProducteur.filter((t) => t.preuve).length, nonProuves };
}

/** Proven: at least one subtotal or total, and every one of them the sum of its lines or a formula over them. */
const prouvee = (b: TotauxColonne) => b.prouves > 0 && b.nonProuves.length === 0;

/**
 * Amount columns alike (« Montant | Montant révisé », « Montant V1 | Montant V2 »): the devis is read once per
 * column; the one whose subtotals and totals are all proven by its lines (arithmetic or formula) is kept when the
 * others' are not (among several proven, the latest version, else the rightmost). Otherwise the rule by header
 * (`parDefaut`, `choix`) stands. Each column of `devis.colonneMontant` carries its totals' bilan.
 */
export function choisirParTotaux(
  semblables: readonly ColonneMontant[],
  parDefaut: ColonneMontant,
  choix: ChoixMontant,
  importer: (c: ColonneMontant, choix: ChoixMontant) => Devis,
): Devis {
  const essai = (c: ColonneMontant) => {
    const devis = importer(c, choix);
    return { c, devis, bilan: bilanTotaux(devis) };
  };
  // The column the header rule reads first: with no subtotal or total row at all, there is nothing to prove (the
  // total rows are found by their wording, the same in every column), and no other import is made.
  const premier = essai(parDefaut);
  if (!premier.bilan.prouves && !premier.bilan.nonProuves.length) return premier.devis;
  const essais = semblables.map((c) => (c === parDefaut ? premier : essai(c)));
  const prouvees = essais.filter((e) => prouvee(e.bilan));
  const parPreuve = prouvees.length > 0 && prouvees.length < essais.length;
  const cible = parPreuve ? reglePareilles(prouvees.map((e) => e.c)).retenue : parDefaut;
  const retenu = essais.find((e) => e.c === cible) ?? essais[0];
  const d = retenu.devis;
  const m = d.colonneMontant;
  if (m) {
    if (parPreuve) m.choix = "totaux";
    for (const x of [m.retenue, ...m.ecartees]) {
      const e = essais.find((y) => colonneLettre(y.c.col) === x.colonne);
      if (e) x.totaux = e.bilan;
    }
  }
  return d;
}
