import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis, eur } from "./contexte";

export const ligneHorsChapitre: Regle<ContexteDevis> = {
  id: "ligne-hors-chapitre",
  description: "Chaque montant du devis source est rattaché à un chapitre CNC.",
  verifier({ devis }) {
    return devis.nonPlaces.map((np) => ({
      regle: "ligne-hors-chapitre",
      gravite: "alerte" as const,
      message:
        `${np.cellule} ${cite(np.libelle)} : le montant ${eur(np.montant)} n'est rattaché à aucun chapitre ` +
        `(ni code, ni titre de chapitre au-dessus, ni mot-clé reconnu) ; il n'est pas compté dans le total.`,
      cellule: np.cellule,
    }));
  },
};
