import type { Devis } from "../devis/model";
import { formatMontantFr, repartir, subCents, sumCents } from "../money";
import type { Figures } from "./figures";
import type { AjustementBase, LigneBase, OptionsCreditImpot } from "./modele";
import { regleAnnee, TABLES_CREDIT_IMPOT } from "./regles";

export const CLE_BASE_ARTISTES = "credit-impot.artistes.base-minimum";

/**
 * Cinema and audiovisual credits (220 sexies III-1-b): artists' pay counts only within the conventional minimum.
 * Prodbook has no artists' minima: the accountant gives the pay at the minimum in Paramètres (CLE_BASE_ARTISTES) and
 * the artist lines are limited to it; without it they stay in full, with an alert saying the credit may be overstated.
 */
export function plafonnerArtistes(
  lignes: LigneBase[],
  devis: Devis,
  opts: OptionsCreditImpot,
  figures: Figures,
): { ajustements: AjustementBase[]; alertes: string[] } {
  const vide = { ajustements: [], alertes: [] };
  if (opts.regime === "international") return vide;
  const regle = regleAnnee(TABLES_CREDIT_IMPOT.artistes, opts.annee);
  if (!regle) return vide;
  const v = regle.version.valeurs;
  const parId = new Map(devis.lignes.map((l) => [l.id, l]));
  const concernees = lignes.filter((b) => {
    if (!b.eligible || b.base <= 0) return false;
    const categorie = parId.get(b.id)?.categorie;
    return (
      (b.chapitre !== undefined && (v.chapitres as string[]).includes(b.chapitre)) ||
      (categorie !== undefined && (v.categories as string[]).includes(categorie))
    );
  });
  if (!concernees.length) return vide;
  const total = sumCents(concernees.map((b) => b.base));
  const minimum = figures.montantSaisi(
    CLE_BASE_ARTISTES,
    "Rémunérations des artistes-interprètes au minimum conventionnel",
    regle,
  );
  const cellules = concernees.map((b) => b.cellule ?? b.id);
  const liste = cellules.length > 4 ? `${cellules.slice(0, 4).join(", ")}…` : cellules.join(", ");
  if (minimum === undefined)
    return {
      ajustements: [],
      alertes: [
        `Rémunérations des artistes-interprètes retenues en entier : ${formatMontantFr(total)} (${liste}). Le crédit ne ` +
          `les retient que dans la limite des minima conventionnels, que Prodbook ne connaît pas : indiquez leur montant ` +
          `au minimum conventionnel dans la feuille Paramètres (${CLE_BASE_ARTISTES}), sinon le crédit peut être ` +
          `surestimé (charges sociales afférentes comprises).`,
      ],
    };
  if (total <= minimum) return vide;
  const parts = repartir(
    minimum,
    concernees.map((b) => b.base),
  );
  concernees.forEach((b, i) => {
    b.base = parts[i];
    b.motif += " ; artistes-interprètes limités au minimum conventionnel";
  });
  return {
    ajustements: [
      {
        nom: "artistes-interprètes au minimum conventionnel",
        montant: subCents(total, minimum),
        detail: `${formatMontantFr(total)} retenus dans la limite de ${formatMontantFr(minimum)} (${liste})`,
      },
    ],
    alertes: [],
  };
}
