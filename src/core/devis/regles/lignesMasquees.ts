import type { Constat, Regle } from "../../controles/constat";
import { messageLignesMasquees } from "../../controles/lignesMasquees";
import type { Devis, MontantMasque } from "../model";
import type { ContexteDevis } from "./contexte";

const AUTRES: [Exclude<MontantMasque["nature"], "ligne">, string, string][] = [
  ["nonPlace", "montant non placé", "montants non placés"],
  ["total", "sous-total ou total prouvé", "sous-totaux ou totaux prouvés"],
  ["liste", "montant listé hors des lignes", "montants listés hors des lignes"],
];

/** The finding for the amounts read on hidden rows (Devis.masquees): one, grouped, naming cells and sums. */
export function constatsLignesMasquees(devis: Pick<Devis, "feuille" | "masquees">): Constat[] {
  const m = devis.masquees ?? [];
  if (!m.length) return [];
  const message = messageLignesMasquees({
    feuille: devis.feuille,
    document: "devis",
    comptes: m.filter((x) => x.nature === "ligne"),
    autres: AUTRES.map(([nature, singulier, pluriel]) => ({
      singulier,
      pluriel,
      montants: m.filter((x) => x.nature === nature),
    })),
  });
  return [{ regle: "lignes-masquees", gravite: "alerte", message, cellule: m[0].cellule }];
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
