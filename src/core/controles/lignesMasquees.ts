import { sumCents, type Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";

/** Cells named in the message, the others counted (« … (14 en tout) »), as the other grouped findings. */
const CELLULES_CITEES = 6;

export interface MontantSurLigneMasquee {
  cellule: string;
  montant: Cents;
}

/** Amounts of one kind read on hidden rows but not counted in the document's total (a proven subtotal, a TVA row). */
export interface AutresMasques {
  /** « sous-total ou total prouvé », « sous-totaux ou totaux prouvés ». */
  singulier: string;
  pluriel: string;
  montants: readonly MontantSurLigneMasquee[];
}

/** « G14, G15, G22 » without the sheet (the message names it), capped. */
function cellules(m: readonly MontantSurLigneMasquee[]): string {
  const c = m.map((x) => x.cellule.replace(/^.*!/, ""));
  return c.slice(0, CELLULES_CITEES).join(", ") + (c.length > CELLULES_CITEES ? `… (${c.length} en tout)` : "");
}

/**
 * The one message of the findings on hidden rows (devis `lignes-masquees`, plan `lignes-masquees-plan`): the amounts
 * counted although their row is hidden, with their cells and sum, then the others read there, and what to do.
 * `document`: « devis », « plan de financement ».
 */
export function messageLignesMasquees(o: {
  feuille: string;
  document: string;
  comptes: readonly MontantSurLigneMasquee[];
  autres: readonly AutresMasques[];
}): string {
  const autres = o.autres.filter((a) => a.montants.length);
  const n = o.comptes.length + autres.reduce((t, a) => t + a.montants.length, 0);
  const feuille = `de la feuille « ${o.feuille} »`;
  const somme = (m: readonly MontantSurLigneMasquee[]) => formatMontantFr(sumCents(m.map((x) => x.montant)));
  const k = o.comptes.length;
  const tete = k
    ? `${k === 1 ? "Une ligne masquée" : `${k} lignes masquées`} ${feuille} ${k === 1 ? "comptée" : "comptées"} ` +
      `dans le ${o.document} (${somme(o.comptes)}) : ${cellules(o.comptes)}`
    : `${n === 1 ? "Une ligne masquée" : `${n} lignes masquées`} ${feuille} ${n === 1 ? "lue" : "lues"} dans le ${o.document}`;
  const liste = autres
    .map((a) => {
      const x = a.montants;
      return `${x.length === 1 ? `1 ${a.singulier}` : `${x.length} ${a.pluriel}`} (${cellules(x)}, ${somme(x)})`;
    })
    .join(", ");
  const aussi = liste
    ? k
      ? ` ; sur des lignes masquées aussi, lus comme s'ils étaient affichés : ${liste}`
      : ` : ${liste}`
    : "";
  const action =
    n === 1 ? "affichez-la ou supprimez-la si elle ne fait" : "affichez-les ou supprimez-les si elles ne font";
  return `${tete}${aussi} — ${action} pas partie de ce ${o.document}.`;
}
