import type { Constat, Regle } from "../../controles/constat";
import { formatMontantFr } from "../../money/format";
import { pluriel } from "../../util/texte";
import Decimal from "decimal.js";
import { cents, MONTANT_MAX_CENTIMES, type Cents } from "../../money/cents";
import type { TableauSansUnite, UniteMilliers, UniteNonAppliquee } from "../model";
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
      : `${u.note ? "cette note" : "ce titre"} dit ${u.tableaux ? "des chiffres" : "que les chiffres de la feuille sont"} en ` +
        `${unite} ; les montants ${cols}`;
  return {
    regle: "unite-milliers",
    gravite: "alerte",
    message:
      `${u.cellule} « ${u.texte} » : ${quoi} sont lus × ${fois} pour compter le devis en euros ` +
      `(${pluriel(u.cellules, "cellule")}${ex})` +
      parTableau(u) +
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

/** « A46 » of « Devis!A46 ». */
const adresse = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1);

/** Stacked tables: which were read in thousands, each by its own header (or title), and their columns. */
function parTableau(u: UniteMilliers): string {
  if (!u.tableaux?.length) return "";
  const t = u.tableaux.map((x) => {
    const cols = x.colonnes.length > 1 ? `des colonnes ${liste(x.colonnes)}` : `de la colonne ${x.colonnes[0]}`;
    const selon = x.cellule === u.cellule ? "" : `, selon ${x.cellule} « ${x.texte} »`;
    const fois = x.facteur === u.facteur ? "" : x.facteur === 1000 ? ", × 1 000" : ", × 1 000 000";
    return `${cols} du tableau sous l'en-tête en ${adresse(x.entete)}${selon}${fois} (${pluriel(x.cellules, "cellule")})`;
  });
  return (
    ` ; chaque tableau de la feuille est lu selon son propre en-tête : ` +
    `${u.tableaux.length > 1 ? "sont multipliés les" : "seuls sont multipliés les"} montants ${liste(t)}`
  );
}

/**
 * A stacked table whose header states no unit, while another table's says thousands of euros: its amounts are read
 * as typed, in euros, never guessed; named with both readings, for the producer to state the unit in its header.
 */
export function constatSansUnite(t: TableauSansUnite): Constat {
  const [unite, fois] = t.facteur === 1000 ? ["milliers d'euros", "k€"] : ["millions d'euros", "M€"];
  const multiplie = new Decimal(t.somme).times(t.facteur);
  const dansLaLimite = multiplie.abs().lte(MONTANT_MAX_CENTIMES);
  return {
    regle: "unite-milliers",
    gravite: "alerte",
    message:
      `${t.cellule} « ${t.texte} » : l'en-tête du tableau en ${adresse(t.entete)} ne dit pas l'unité de ses montants, ` +
      `alors que ${t.selon.cellule} « ${t.selon.texte} » dit ceux du tableau sous l'en-tête en ` +
      `${adresse(t.selon.entete)} en ${unite} ; ils sont lus tels que saisis, en euros : ` +
      `${pluriel(t.lignes, "ligne")} pour ${formatMontantFr(t.somme)}` +
      (dansLaLimite ? `, ou ${formatMontantFr(cents(multiplie.toNumber()))} s'ils sont en ${unite}` : "") +
      `. Dites l'unité dans cet en-tête (« ${t.texte} (${fois}) » ou « ${t.texte} (€) ») et relancez.`,
    cellule: t.cellule,
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
      ...(devis.uniteMilliers?.sansUnite ?? []).map(constatSansUnite),
      ...(n ? [constatNoteNonAppliquee(n, devis.total)] : []),
    ];
  },
};
