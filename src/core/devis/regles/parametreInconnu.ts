import type { Regle } from "../../controles/constat";
import { clesInconnues, suggestionCle } from "../../regles/parametres";
import { GENRES } from "../model";
import { CLE_ACCORD, CLE_MINIMUM, ContexteDevis } from "./contexte";
import { CLE_FRAIS_CINEMA } from "./fraisCinemaTaux";
import { CLE_MINIMUM_ARTISTE } from "./salaireMinimum";
import { TABLE_MINIMA_2642, TABLE_MINIMA_3097 } from "./donnees";

/** Every key the devis rules understand in the « Paramètres » sheet. */
export function clesDevis(): string[] {
  const accord = GENRES.flatMap((g) => [CLE_ACCORD(g, "frais-generaux"), CLE_ACCORD(g, "imprevus")]);
  // Both grids: the salary-minimum rule reads IDCC 3097's functions for a cinema devis, 2642's otherwise.
  const fonctions = new Set(
    [TABLE_MINIMA_2642, TABLE_MINIMA_3097].flatMap((t) =>
      t.versions.flatMap((v) => v.valeurs.fonctions.map((f) => CLE_MINIMUM(f.id))),
    ),
  );
  // The artists' minima of a cinema devis (table idcc3097-artistes-minima), per day and per week.
  const artistes = [CLE_MINIMUM_ARTISTE.jour, CLE_MINIMUM_ARTISTE.semaine];
  return [...accord, CLE_FRAIS_CINEMA("frais-generaux"), CLE_FRAIS_CINEMA("imprevus"), ...fonctions, ...artistes];
}

/** A « devis. » key nobody reads is a typo: say so rather than silently ignoring it. */
export const parametreInconnu: Regle<ContexteDevis> = {
  id: "devis-parametre-inconnu",
  description: "Chaque paramètre « devis. » de la feuille Paramètres est connu de Prodbook.",
  verifier({ surcharges }) {
    if (!surcharges) return [];
    return clesInconnues(surcharges, "devis.", clesDevis()).map((k) => ({
      regle: "devis-parametre-inconnu",
      gravite: "alerte" as const,
      message:
        `${k.cellule} : le paramètre « ${k.cle} » n'est pas connu ; il est ignoré (clés possibles : ` +
        `devis.accord-transparence.<genre>.frais-generaux|imprevus, devis.frais-cinema.frais-generaux|imprevus, ` +
        `devis.salaire-minimum.<fonction>).${suggestionCle(k.proches)}`,
      cellule: k.cellule,
    }));
  },
};
