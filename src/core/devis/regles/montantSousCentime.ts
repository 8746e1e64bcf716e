import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis, eur, horsChapitre, SUITE_HORS_CHAPITRE } from "./contexte";

/** Text amounts below the cent (« 0,125 »): counted rounded half-up to the cent, and said so. */
export const montantSousCentime: Regle<ContexteDevis> = {
  id: "montant-sous-centime",
  description:
    "Un montant saisi (en texte, ou en nombre sans formule) avec plus de deux décimales est arrondi au centime (au plus proche).",
  verifier({ devis }) {
    return (devis.arrondis ?? []).map((m) => ({
      regle: "montant-sous-centime",
      gravite: "alerte" as const,
      message:
        `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » a plus de deux décimales ; ` +
        (horsChapitre(devis, m.cellule)
          ? `lu ${eur(m.montant)} (arrondi au centime), mais ${SUITE_HORS_CHAPITRE}.`
          : `la ligne est comptée pour ${eur(m.montant)} (arrondi au centime).`),
      cellule: m.cellule,
    }));
  },
};
