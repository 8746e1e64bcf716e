import type { Constat, Regle } from "../../controles/constat";
import { sumCents } from "../../money/cents";
import type { Devis, MontantMasque } from "../model";
import { eur, type ContexteDevis } from "./contexte";

/** Cells named in the message, the others counted (« … (14 en tout) »), as the other grouped findings. */
const CELLULES_CITEES = 6;

/** « G14, G15, G22 » without the sheet (the message names it), capped. */
function cellules(m: readonly MontantMasque[]): string {
  const c = m.map((x) => x.cellule.replace(/^.*!/, ""));
  return c.slice(0, CELLULES_CITEES).join(", ") + (c.length > CELLULES_CITEES ? `… (${c.length} en tout)` : "");
}

const AUTRES: Record<Exclude<MontantMasque["nature"], "ligne">, [string, string]> = {
  nonPlace: ["montant non placé", "montants non placés"],
  total: ["sous-total ou total prouvé", "sous-totaux ou totaux prouvés"],
  liste: ["montant listé hors des lignes", "montants listés hors des lignes"],
};

/** The finding for the amounts read on hidden rows (Devis.masquees): one, grouped, naming cells and sums. */
export function constatsLignesMasquees(devis: Pick<Devis, "feuille" | "masquees">): Constat[] {
  const m = devis.masquees ?? [];
  if (!m.length) return [];
  const lignes = m.filter((x) => x.nature === "ligne");
  const feuille = `de la feuille « ${devis.feuille} »`;
  const une = m.length === 1;
  const tete = lignes.length
    ? `${lignes.length === 1 ? "Une ligne masquée" : `${lignes.length} lignes masquées`} ${feuille} ` +
      `${lignes.length === 1 ? "comptée" : "comptées"} dans le devis (${eur(sumCents(lignes.map((x) => x.montant)))}) : ` +
      cellules(lignes)
    : `${une ? "Une ligne masquée" : `${m.length} lignes masquées`} ${feuille} ${une ? "lue" : "lues"} dans le devis`;
  const autres = (Object.keys(AUTRES) as (keyof typeof AUTRES)[])
    .map((n) => {
      const x = m.filter((y) => y.nature === n);
      if (!x.length) return "";
      const [s, p] = AUTRES[n];
      return `${x.length === 1 ? `1 ${s}` : `${x.length} ${p}`} (${cellules(x)}, ${eur(sumCents(x.map((y) => y.montant)))})`;
    })
    .filter(Boolean);
  const aussi = autres.length
    ? lignes.length
      ? ` ; sur des lignes masquées aussi, lus comme s'ils étaient affichés : ${autres.join(", ")}`
      : ` : ${autres.join(", ")}`
    : "";
  return [
    {
      regle: "lignes-masquees",
      gravite: "alerte",
      message:
        `${tete}${aussi} — ${une ? "affichez-la ou supprimez-la si elle ne fait" : "affichez-les ou supprimez-les si elles ne font"} ` +
        `pas partie de ce devis.`,
      cellule: m[0].cellule,
    },
  ];
}

/** Rows the producer hid are read as shown ones: the amounts they hold are named, in one finding. */
export const lignesMasquees: Regle<ContexteDevis> = {
  id: "lignes-masquees",
  description:
    "Les montants lus sur des lignes masquées de la feuille restent comptés comme si elles étaient affichées ; " +
    "ils sont nommés ensemble, avec leurs cellules et leur somme.",
  verifier({ devis }) {
    return constatsLignesMasquees(devis);
  },
};
