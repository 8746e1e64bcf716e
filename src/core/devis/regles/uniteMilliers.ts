import type { Constat, Regle } from "../../controles/constat";
import { formatMontantFr } from "../../money/format";
import { pluriel } from "../../util/texte";
import Decimal from "decimal.js";
import { cents, MONTANT_MAX_CENTIMES, type Cents } from "../../money/cents";
import type { UniteMilliers, UniteNonAppliquee } from "../model";
import type { ContexteDevis } from "./contexte";

/** « C », « C et D », « C, D et E ». */
function liste(colonnes: readonly string[]): string {
  return colonnes.length < 2
    ? colonnes.join("")
    : `${colonnes.slice(0, -1).join(", ")} et ${colonnes[colonnes.length - 1]}`;
}

/** The finding for figures read in thousands of euros: the cell stating the unit, the columns, one example. */
export function constatUniteMilliers(u: UniteMilliers): Constat {
  const cols = u.colonnes.length > 1 ? `des colonnes ${liste(u.colonnes)}` : `de la colonne ${u.colonnes[0]}`;
  const ex = u.exemple
    ? `, ex. ${u.exemple.cellule} : ${u.exemple.saisi.replace(/^(-?\d+)\.(\d+)$/, "$1,$2")} → ` +
      formatMontantFr(u.exemple.montant)
    : "";
  const [unite, fois] = u.facteur === 1000 ? ["milliers d'euros", "1 000"] : ["millions d'euros", "1 000 000"];
  const quoi =
    u.portee === "colonne"
      ? `cet en-tête dit que les montants ${cols} sont en ${unite} ; ils`
      : `${u.note ? "cette note" : "ce titre"} dit que les chiffres de la feuille sont en ${unite} ; les montants ${cols}`;
  return {
    regle: "unite-milliers",
    gravite: "alerte",
    message:
      `${u.cellule} « ${u.texte} » : ${quoi} sont lus × ${fois} pour compter le devis en euros ` +
      `(${pluriel(u.cellules, "cellule")}${ex})` +
      (u.enEurosParFormat
        ? u.enEurosParFormat.cellules > 1
          ? ` ; ${pluriel(u.enEurosParFormat.cellules, "autre cellule", "autres cellules")} (dont ` +
            `${u.enEurosParFormat.premiere}) tiennent des euros que leur format affiche en milliers (« #,##0, ») : ` +
            `elles ne sont pas multipliées`
          : ` ; ${u.enEurosParFormat.premiere} tient des euros que son format affiche en milliers (« #,##0, ») : ` +
            `elle n'est pas multipliée`
        : "") +
      `. Si ces montants sont déjà en euros, retirez cette mention de la feuille et relancez.`,
    cellule: u.cellule,
  };
}

/**
 * A unit note between the devis's lines: neither applied nor ignored in silence. The amounts are read as typed (in
 * euros); the note is named with the total both ways, for the producer to say which by moving or removing it.
 */
export function constatNoteNonAppliquee(n: UniteNonAppliquee, total: Cents): Constat {
  const [unite, fois] = n.facteur === 1000 ? ["milliers d'euros", "1 000"] : ["millions d'euros", "1 000 000"];
  const multiplie = new Decimal(total).times(n.facteur);
  const dansLaLimite = multiplie.abs().lte(MONTANT_MAX_CENTIMES);
  return {
    regle: "unite-milliers",
    gravite: "alerte",
    message:
      `${n.cellule} « ${n.texte} » : cette note, placée entre les lignes du devis, dit des montants en ${unite}, ` +
      `sans dire s'ils le sont tous ; les montants sont lus tels que saisis, en euros (total ${formatMontantFr(total)}` +
      (dansLaLimite ? `, ${formatMontantFr(cents(multiplie.toNumber()))} s'ils étaient tous × ${fois}` : "") +
      `). Si tout le devis est en ${unite}, mettez ` +
      `cette mention dans le titre ou dans l'en-tête de la colonne des montants ; sinon retirez-la ; puis relancez.`,
    cellule: n.cellule,
  };
}

/**
 * A devis stated in thousands of euros (« Montant (k€) », « KEUR », a title « en milliers d'euros »): its figures are
 * read × 1 000, never as euros in silence; the finding names the cell that states the unit.
 */
export const uniteMilliers: Regle<ContexteDevis> = {
  id: "unite-milliers",
  description:
    "Des montants que la feuille dit en milliers ou en millions d'euros (« k€ », « en milliers d'euros », « M€ ») " +
    "sont lus × 1 000 ou × 1 000 000, et c'est dit.",
  verifier({ devis }) {
    const n = devis.uniteNonAppliquee;
    return [
      ...(devis.uniteMilliers ? [constatUniteMilliers(devis.uniteMilliers)] : []),
      ...(n ? [constatNoteNonAppliquee(n, devis.total)] : []),
    ];
  },
};
