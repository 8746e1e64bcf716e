import type { Regle } from "../../controles/constat";
import { pluriel } from "../../util/texte";
import type { TotalPartiel } from "../model";
import { cite, ContexteDevis, eur } from "./contexte";

/** « Devis!D3 (1 000,00 €), Devis!D4 (1 000,00 €) », at most five then « … ». */
function cellules(items: TotalPartiel["omises"]): string {
  const noms = items.slice(0, 5).map((x) => `${x.cellule} (${eur(x.montant)})`);
  return noms.join(", ") + (items.length > 5 ? `, … (${items.length} en tout)` : "");
}

/** « la ligne 6 (…) », « 2 lignes (lignes 6 à 7, …) », « aucune ligne ». */
function lignesCouvertes(c: TotalPartiel["couvertes"]): string {
  if (!c.lignes || c.de === undefined || c.a === undefined) return "aucune ligne";
  if (c.lignes === 1) return `la ligne ${c.de} (${eur(c.somme)})`;
  return `${pluriel(c.lignes, "ligne")} (lignes ${c.de} à ${c.a}, ${eur(c.somme)})`;
}

/**
 * A grand total whose formula takes up the producer's subtotals but not all of them (« TOTAL =D8 » under the subtotals
 * D5 and D8): what its formula covers and the lines above it that it leaves out, by their cells. The devis counts every
 * line, never this total as one.
 */
export const totalPartiel: Regle<ContexteDevis> = {
  id: "total-partiel",
  description:
    "Un total dont la formule reprend des sous-totaux du producteur sans couvrir toutes les lignes au-dessus de lui : " +
    "les lignes qu'il laisse de côté sont nommées ; le devis compte toutes ses lignes, jamais ce total comme une ligne.",
  verifier({ devis }) {
    return (devis.totauxPartiels ?? []).map((t) => {
      const n = t.omises.length;
      const refs = t.references.join(", ");
      const montant = t.montant !== undefined ? ` (${eur(t.montant)})` : "";
      const omet =
        n > 1
          ? `laisse de côté ${pluriel(n, "ligne")} au-dessus de lui (${eur(t.sommeOmise)}) : ${cellules(t.omises)}`
          : `laisse de côté la ligne ${cellules(t.omises)} au-dessus de lui`;
      const suite = t.reprisPar
        ? ` Le total ${t.reprisPar} couvre toutes ces lignes : ce total-ci n'en totalise qu'une partie.`
        : ` Le devis compte toutes ses lignes ; ce total n'y est pas ajouté comme une ligne. S'il doit être le total du ` +
          `devis, ajoutez à sa formule les sous-totaux ou les lignes qui manquent.`;
      return {
        regle: "total-partiel",
        gravite: t.reprisPar ? ("info" as const) : ("alerte" as const),
        message:
          `${t.cellule} ${cite(t.libelle)}${montant} : sa formule ${t.formule} reprend ${refs}, soit ` +
          `${lignesCouvertes(t.couvertes)}, et ${omet}.${suite}`,
        cellule: t.cellule,
      };
    });
  },
};
