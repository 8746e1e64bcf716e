import type { Regle } from "../../controles/constat";
import { sumCents } from "../../money/cents";
import type { CategorieLigne } from "../model";
import { chapitreDuRole, libelleChapitre } from "../nomenclature";
import { celluleMontant, ContexteDevis, eur } from "./contexte";

/** Wages that carry employer charges in chapter 4 (authors' rights are paid as royalties, with ~1 % only). */
const SALAIRES: readonly CategorieLigne[] = ["salaire-technicien", "salaire-artiste", "salaire-permanent"];

export const chargesSocialesAbsentes: Regle<ContexteDevis> = {
  id: "charges-sociales-absentes",
  description: `Un devis qui comporte des salaires comporte des charges sociales (chapitre ${chapitreDuRole("charges-sociales")}).`,
  verifier({ devis }) {
    const salaires = devis.lignes.filter(
      (l) => l.chapitre && l.categorie && SALAIRES.includes(l.categorie) && l.montant > 0,
    );
    if (salaires.length === 0) return [];
    const code = chapitreDuRole("charges-sociales");
    const charges = devis.chapitres.find((c) => c.code === code);
    if (charges && charges.total > 0) return [];
    const total = sumCents(salaires.map((l) => l.montant));
    return [
      {
        regle: "charges-sociales-absentes",
        gravite: "alerte",
        message:
          `Le devis comporte ${salaires.length} ligne${salaires.length > 1 ? "s" : ""} de salaires (${eur(total)}, ` +
          `première en ${celluleMontant(salaires[0])}) mais le chapitre ${code} « ${libelleChapitre(code)} » est vide.`,
        cellule: celluleMontant(salaires[0]),
      },
    ];
  },
};
