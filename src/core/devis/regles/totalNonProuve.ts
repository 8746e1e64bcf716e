import type { Constat, Regle } from "../../controles/constat";
import { subCents } from "../../money/cents";
import type { Devis, TotalNonProuve } from "../model";
import { cite, ContexteDevis, eur } from "./contexte";
import { lignesReprises, ligneSommeLignes } from "./ligneSommeLignes";

/**
 * Its lines typed as text making up its gap to the cent: the producer's sum left them out, as Excel's SUM does. Said as
 * the cause with the fix; « » otherwise.
 */
function causeTexte(t: TotalNonProuve): string {
  const textes = t.textes ?? [];
  const ecart = subCents(t.montant, t.sommeCouverte);
  if (!textes.length || textes.reduce((a, x) => a + x.montant, 0) !== -ecart) return "";
  const noms = textes.map((x) => `${x.cellule} (${eur(x.montant)})`).join(", ");
  return textes.length > 1
    ? ` L'écart (${eur(ecart)}) : ce sont les ${textes.length} montants écrits en texte en ${noms}, qu'une somme ` +
        "d'Excel ne compte pas ; saisissez-les comme nombres."
    : ` L'écart (${eur(ecart)}) : c'est le montant écrit en texte en ${noms}, qu'une somme d'Excel ne compte pas ; ` +
        "saisissez-le comme nombre.";
}

/**
 * The findings for the rows worded as totals that no arithmetic proves, counted as lines. Also said by the commands
 * that compute on the devis without listing its findings (credit-impot, financement, écarts, carbone, versions): the
 * amount is in their base, cost or budget, and the producer must see it there too. A row whose formula adds up other
 * lines counted (« Sous-total personnel » =G5+G6 away from them) is said as the devis says it, by ligne-somme-lignes:
 * its euros counted twice, never « its formula sums nothing ».
 */
export function constatsTotauxNonProuves(devis: Devis): Constat[] {
  const nonProuves = new Set((devis.totauxNonProuves ?? []).map((t) => t.cellule));
  if (!nonProuves.size) return [];
  const reprises = ligneSommeLignes
    .verifier({ devis, date: "" })
    .filter((c) => c.cellule !== undefined && nonProuves.has(c.cellule));
  const dites = new Set(reprises.map((c) => c.cellule));
  const totaux = constatsTotaux(devis, dites);
  // In the workbook's order, as the devis lists them.
  return totaux.concat(reprises).sort((a, b) => ordre(devis, a.cellule) - ordre(devis, b.cellule));
}

function ordre(devis: Devis, cellule: string | undefined): number {
  return (devis.totauxNonProuves ?? []).findIndex((t) => t.cellule === cellule);
}

/** The total-non-prouve findings, but for the cells in `sauf` (said by another finding). */
function constatsTotaux(devis: Pick<Devis, "totauxNonProuves">, sauf: ReadonlySet<string | undefined>): Constat[] {
  return (devis.totauxNonProuves ?? [])
    .filter((t) => !sauf.has(t.cellule))
    .map((t) => {
      const n = t.lignesCouvertes;
      const dessus =
        n === 0
          ? "aucune ligne au-dessus"
          : `${n > 1 ? `les ${n} lignes` : "la ligne"} au-dessus ${n > 1 ? "totalisent" : "fait"} ${eur(t.sommeCouverte)}`;
      const suivent = `${n > 1 ? `les ${n} lignes qui le suivent totalisent` : "la ligne qui le suit fait"}`;
      const cause = t.titre ? "" : causeTexte(t);
      const quoi = t.titre
        ? `le titre en majuscules porte ${eur(t.montant)}, mais ${suivent} ${eur(t.sommeCouverte)}`
        : `le libellé annonce un total, mais ${eur(t.montant)} n'est pas la somme des lignes (${dessus}) ` +
          (t.formule ? `et sa formule ${t.formule} n'en fait pas la somme` : `et aucune formule ne les référence`);
      return {
        regle: "total-non-prouve",
        gravite: "alerte" as const,
        message:
          `${t.cellule} ${cite(t.libelle)} : ${quoi} ; ce montant est compté comme une ligne du devis.` +
          (cause
            ? `${cause} Si c'est un sous-total, corrigez-le ensuite`
            : ` Si c'est un sous-total, corrigez son montant`) +
          ` ou écrivez-le en formule SOMME.`,
        cellule: t.cellule,
      };
    });
}

/**
 * A row worded as a total that no arithmetic proves is counted as a line: said, with its cell. One whose formula adds
 * up other lines counted is said by ligne-somme-lignes instead (the lines it repeats named): one finding per cell.
 */
export const totalNonProuve: Regle<ContexteDevis> = {
  id: "total-non-prouve",
  description:
    "Une ligne libellée comme un total (« Total… », titre en majuscules avec un montant) n'est un total que si " +
    "son montant est la somme des lignes qu'elle couvre ou une formule qui les référence ; sinon elle est comptée comme une ligne.",
  verifier({ devis }) {
    if (!devis.totauxNonProuves?.length) return [];
    return constatsTotaux(devis, new Set([...lignesReprises(devis).keys()].map((l) => l.source.cellules.montant)));
  },
};
