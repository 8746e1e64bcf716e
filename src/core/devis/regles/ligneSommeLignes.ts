import type { Constat, Regle } from "../../controles/constat";
import { subCents, sumCents } from "../../money/cents";
import { parseCelluleRef } from "../../util/adresse";
import type { Devis, LigneDevis } from "../model";
import { libelleChapitre } from "../nomenclature";
import { normaliser } from "../../util/texte";
import { referencesFormule } from "../preuve";
import { celluleMontant, cite, ContexteDevis, eur, rattachement } from "./contexte";

/**
 * A line whose amount is a formula that only adds up other lines of the devis (« Équipe (forfait) » =C3+C4 under
 * « Chef op » and « Ingé son »), to the cent: those lines are counted, and this one too — the same euros twice. Its
 * wording says no total proven by arithmetic, so it stays a line (words never decide, nor a formula alone against the
 * wording): named with the lines it repeats, the euros counted twice and the devis's total without them, for the
 * producer to say which it is. Below the producer's grand total, or worded as a total no arithmetic proves, the same
 * finding says so (ligne-sous-total and total-non-prouve then leave the cell to it): one finding, one advice.
 */
export const ligneSommeLignes: Regle<ContexteDevis> = {
  id: "ligne-somme-lignes",
  description:
    "Une ligne dont la formule ne fait que la somme d'autres lignes du devis, comptées elles aussi, est nommée : " +
    "ses euros seraient comptés deux fois.",
  verifier({ devis }) {
    return [...lignesReprises(devis)].map(([l, reprises]): Constat => {
      const cellule = celluleMontant(l);
      const liste = reprises.map((x) => `${x.source.cellules.montant} ${cite(x.libelle)} (${eur(x.montant)})`);
      const t = l.sousLeTotal;
      const conseil = t
        ? `Elle est de plus écrite sous le total du devis ${cite(t.libelle)} (${t.cellule}, ${eur(t.montant)}), et ` +
          `${rattachement(l)} la rattache au chapitre ${l.chapitre} « ${libelleChapitre(l.chapitre!)} ». Si elle ` +
          `rappelle ces lignes, déplacez-la sur une autre feuille : elle ne doit pas être comptée. Si c'est une ligne à ` +
          `part du chapitre ${l.chapitre}, saisissez son propre montant et déplacez-la dans ce chapitre, au-dessus de ` +
          `son sous-total. Puis relancez.`
        : DIT_TOTAL.test(normaliser(l.libelle))
          ? `Son libellé annonce un total, que le calcul ne prouve pas à sa place : elle est comptée comme une ligne. ` +
            `Si c'est un sous-total, placez-la juste sous les lignes qu'elle additionne ; si c'est une ligne, ` +
            `saisissez son propre montant. Puis relancez.`
          : `Si c'est un sous-total, écrivez « Sous-total » dans son libellé ; si c'est une ligne, saisissez son ` +
            `propre montant. Puis relancez.`;
      return {
        regle: "ligne-somme-lignes",
        gravite: "alerte",
        message:
          `${cellule} ${cite(l.libelle)} : sa formule =${(l.formuleMontant ?? "").replace(/^=/, "")} fait la somme ` +
          `de ${reprises.length} lignes du devis, comptées elles aussi (${liste.join(", ")}) : ces ` +
          `${eur(l.montant)} sont comptés deux fois dans le total du devis, ${eur(devis.total)} ` +
          `(${eur(subCents(devis.total, l.montant))} sans cette ligne). ${conseil}`,
        cellule,
      };
    });
  },
};

/** A label that already says a total (« Sous-total personnel », « Total équipe »). */
const DIT_TOTAL = /^(?:sous[- ]?)?total\b/;

/**
 * The lines counted (placed in a chapter) whose amount is a formula that only adds up, to the cent, at least two other
 * lines counted, each with those lines in the devis's order. A line listed unplaced is not in the total: nothing is
 * counted twice through it.
 */
export function lignesReprises(devis: Pick<Devis, "lignes">): Map<LigneDevis, LigneDevis[]> {
  // Indexed by sheet and cell: each formula looks up the cells it names, never every line (5 000 lines of =SUM(D5:F5)).
  const comptees = devis.lignes.filter((l) => l.chapitre !== undefined && l.source.cellules.montant);
  const cle = (feuille: string | undefined, row: number, col: number) =>
    `${(feuille ?? "").toLowerCase()}|${row}|${col}`;
  // Each line's cell parsed once: the index, the ranges walked line by line and the order of the lines repeated.
  const position = new Map(comptees.map((l, i) => [l, { ...parseCelluleRef(l.source.cellules.montant as string), i }]));
  const parCellule = new Map<string, LigneDevis>();
  for (const [l, a] of position) parCellule.set(cle(a.feuille, a.row, a.col), l);
  const out = new Map<LigneDevis, LigneDevis[]>();
  for (const l of comptees) {
    if (!l.formuleMontant || l.montantCalcule) continue;
    const { refs, somme } = referencesFormule(l.formuleMontant);
    if (!somme) continue;
    const { feuille } = position.get(l)!;
    const reprises = new Set<LigneDevis>();
    for (const { feuille: f, plage: p } of refs) {
      if (f !== undefined && f.toLowerCase() !== (feuille ?? "").toLowerCase()) continue;
      // A range larger than the lines (a whole column): the lines are walked instead of its cells.
      if ((p.r2 - p.r1 + 1) * (p.c2 - p.c1 + 1) > comptees.length) {
        for (const autre of comptees) {
          const x = position.get(autre)!;
          if (x.row >= p.r1 && x.row <= p.r2 && x.col >= p.c1 && x.col <= p.c2) reprises.add(autre);
        }
      } else
        for (let r = p.r1; r <= p.r2; r++)
          for (let c = p.c1; c <= p.c2; c++) {
            const autre = parCellule.get(cle(feuille, r, c));
            if (autre) reprises.add(autre);
          }
    }
    reprises.delete(l);
    const liste = [...reprises].sort((x, y) => position.get(x)!.i - position.get(y)!.i);
    if (liste.length >= 2 && sumCents(liste.map((x) => x.montant)) === l.montant) out.set(l, liste);
  }
  return out;
}
