import { ecartRecapEnMots } from "../recapitulatif";
import type { Constat, Regle } from "../../controles/constat";
import { formatMontantFr } from "../../money/format";
import { pluriel } from "../../util/texte";
import type { Devis } from "../model";
import type { ContexteDevis } from "./contexte";

/**
 * The finding when the sheet read as the devis, found by Prodbook, is hidden: for `devis` (through the rule) and for
 * the other commands that read the devis (écarts, carbone, planning), through src/app.
 */
export function constatsFeuilleLue(
  devis: Pick<Devis, "feuille" | "feuilleMasquee" | "autresFeuilles" | "feuilleIndiquee">,
): Constat[] {
  // The sheet read was asked for: the other one is named as where the devis may be, not as one to indicate instead.
  const lue = devis.feuilleIndiquee
    ? (a: string) =>
        `seule la feuille « ${devis.feuille} », demandée, l'est. Si le devis est dans « ${a} », indiquez celle-ci`
    : () => `seule la feuille « ${devis.feuille} » l'est. Si c'est elle le devis, indiquez-la comme feuille à lire`;
  const autres: Constat[] = (devis.autresFeuilles ?? []).map((a) => {
    const r = a.recapitulatifNonProuve;
    if (!r)
      return {
        regle: "feuille-lue",
        gravite: "alerte",
        message:
          `La feuille « ${a.feuille} » ressemble aussi à un devis et tient des montants (${a.cellule} et dessous : ` +
          `${pluriel(a.cellules, "cellule")}, somme ${formatMontantFr(a.somme)}) ; elle n'est pas lue : ` +
          (devis.feuilleIndiquee
            ? `${lue(a.feuille)} ; si elle fait partie du devis, réunissez les deux feuilles en une.`
            : `seule la feuille « ${devis.feuille} » l'est. Si elle fait partie du devis, réunissez les deux ` +
              `feuilles en une ; si c'est elle le devis, indiquez-la comme feuille à lire.`),
        cellule: a.cellule,
      };
    // Named as a recap, its amounts differing from the devis read: not its recap (words never decide alone).
    const n = r.ecarts.length;
    const combien =
      n > 1
        ? `${n} montants sur ${r.figures} diffèrent, dont `
        : r.figures > 1
          ? `un montant sur ${r.figures} diffère : `
          : "son seul montant diffère : ";
    return {
      regle: "feuille-lue",
      gravite: "alerte",
      message:
        `La feuille « ${a.feuille} » porte un nom de récapitulatif, mais ses totaux diffèrent de ceux de la feuille ` +
        `lue « ${devis.feuille} » (${combien}${ecartRecapEnMots(r.ecarts[0])}) : elle n'est donc pas prise pour son ` +
        `récapitulatif. Elle tient des montants (${a.cellule} et dessous : ${pluriel(a.cellules, "cellule")} hors ` +
        `total, somme ${formatMontantFr(a.somme)}) et n'est pas lue : ${lue(a.feuille)} ; si c'est un récapitulatif ` +
        `d'une autre version, mettez-le à jour.`,
      cellule: r.ecarts[0].cellule,
    };
  });
  if (!devis.feuilleMasquee) return autres;
  return [
    ...autres,
    {
      regle: "feuille-lue",
      gravite: "info",
      message:
        `La feuille « ${devis.feuille} » est masquée dans le classeur ; c'est elle qui ressemble le plus à un ` +
        `devis et qui est lue. Si le devis est dans une autre feuille, indiquez laquelle lire.`,
    },
  ];
}

/**
 * A sheet of its own recapping the devis: conform (info: how many amounts, how many proven by formula) or the amounts
 * that differ from the structured devis, each with its cell (alerte). Its amounts are never counted.
 */
export function constatsRecapitulatif(devis: Pick<Devis, "feuille" | "recapitulatif">): Constat[] {
  const r = devis.recapitulatif;
  if (!r) return [];
  const chapitres =
    (r.chapitres > 1 ? `${r.chapitres} chapitres` : "un chapitre") +
    (r.sousChapitres ? `, en ${pluriel(r.sousChapitres, "sous-chapitre")} additionnés par chapitre` : "") +
    (r.total ? ", et le total" : "");
  const formules = !r.parFormule
    ? ""
    : r.parFormule === r.montants
      ? r.montants > 1
        ? ` ; ses ${r.montants} montants sont des formules qui reprennent les cellules du devis`
        : " ; son montant est une formule qui reprend les cellules du devis"
      : ` ; ${r.parFormule} de ses ${pluriel(r.montants, "montant")} sont des formules qui reprennent les cellules ` +
        `du devis, les autres sont comparés par le calcul`;
  const debut =
    `${r.cellule} : la feuille « ${r.feuille} » récapitule le devis (${chapitres}) ; ses montants ne sont pas ` +
    `comptés, seules les lignes de la feuille « ${devis.feuille} » le sont${formules}.` +
    // No header row: recognised by the arithmetic alone, never by its words.
    (r.sansEntete
      ? ` Elle n'a pas de ligne d'en-tête : sa colonne de montants est reconnue par le calcul, ` +
        `${r.ecarts.length ? "la plupart de ses montants valant" : "ses montants valant"}, au centime, les totaux du devis.`
      : "");
  if (!r.ecarts.length)
    return [
      {
        regle: "feuille-lue",
        gravite: "info",
        message: `${debut} Récapitulatif conforme au devis, au centime.`,
        cellule: r.cellule,
      },
    ];
  const n = r.ecarts.length;
  const ecarts = r.ecarts.map(ecartRecapEnMots).join(" ; ");
  return [
    {
      regle: "feuille-lue",
      gravite: "alerte",
      message:
        `${debut} ${n > 1 ? `${n} montants diffèrent` : "Un montant diffère"} du devis (${ecarts}). Vérifiez ` +
        `${n > 1 ? "ces cellules" : "cette cellule"} : ce sont les lignes du devis qui sont comptées.`,
      cellule: r.ecarts[0].cellule,
    },
  ];
}

/** The sheet read as the devis, found by Prodbook, is hidden in the workbook: the user may not know it is there. */
export const feuilleLue: Regle<ContexteDevis> = {
  id: "feuille-lue",
  description:
    "Quand la feuille lue comme devis, trouvée par Prodbook, est masquée dans le classeur, c'est dit ; les autres " +
    "feuilles qui ressemblent à un devis et tiennent des montants sont nommées avec leur somme ; une feuille de " +
    "récapitulatif est comparée, chapitre par chapitre, au devis.",
  verifier({ devis }) {
    return [...constatsFeuilleLue(devis), ...constatsRecapitulatif(devis)];
  },
};
