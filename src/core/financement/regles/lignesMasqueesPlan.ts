import type { Regle } from "../../controles/constat";
import { messageLignesMasquees } from "../../controles/lignesMasquees";
import type { MontantMasquePlan } from "../model";
import type { ContexteFinancement } from "../contexte";

const AUTRES: [Exclude<MontantMasquePlan["nature"], "source">, string, string][] = [
  ["total", "total du plan", "totaux du plan"],
  ["cout", "coût indiqué", "coûts indiqués"],
  ["reste", "reste à financer indiqué", "restes à financer indiqués"],
];

/** Rows the producer hid in the plan are read as shown ones: the sources and figures they hold are named, together. */
export const lignesMasqueesPlan: Regle<ContexteFinancement> = {
  id: "lignes-masquees-plan",
  description:
    "Les sources lues sur des lignes masquées du plan restent comptées comme si elles étaient affichées ; " +
    "elles sont nommées ensemble, avec leurs cellules et leur somme.",
  verifier({ plan }) {
    const m = plan.masquees ?? [];
    if (!m.length) return [];
    const message = messageLignesMasquees({
      feuille: plan.feuille,
      document: "plan de financement",
      comptes: m.filter((x) => x.nature === "source"),
      autres: AUTRES.map(([nature, singulier, pluriel]) => ({
        singulier,
        pluriel,
        montants: m.filter((x) => x.nature === nature),
      })),
    });
    return [{ regle: "lignes-masquees-plan", gravite: "alerte", message, cellule: m[0].cellule }];
  },
};
