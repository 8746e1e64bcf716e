import type { Regle } from "../../controles/constat";
import { sumCents } from "../../money/cents";
import type { CategorieLigne } from "../model";
import { celluleMontant, ContexteDevis, eur } from "./contexte";

/** Wages that carry employer charges in chapter 4 (authors' rights are paid as royalties, with ~1 % only). */
const SALAIRES: readonly CategorieLigne[] = ["salaire-technicien", "salaire-artiste", "salaire-permanent"];

export const chargesSocialesAbsentes: Regle<ContexteDevis> = {
  id: "charges-sociales-absentes",
  description: "Un devis qui comporte des salaires comporte des charges sociales (chapitre 4).",
  verifier({ devis }) {
    const salaires = devis.lignes.filter(
      (l) => l.chapitre && l.categorie && SALAIRES.includes(l.categorie) && l.montant > 0,
    );
    if (salaires.length === 0) return [];
    const ch4 = devis.chapitres.find((c) => c.code === "4");
    if (ch4 && ch4.total > 0) return [];
    const total = sumCents(salaires.map((l) => l.montant));
    return [
      {
        regle: "charges-sociales-absentes",
        gravite: "alerte",
        message:
          `Le devis comporte ${salaires.length} ligne${salaires.length > 1 ? "s" : ""} de salaires (${eur(total)}, ` +
          `première en ${celluleMontant(salaires[0])}) mais le chapitre 4 « Charges sociales » est vide.`,
        cellule: celluleMontant(salaires[0]),
      },
    ];
  },
};
