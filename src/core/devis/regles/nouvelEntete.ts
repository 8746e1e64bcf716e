import type { Regle } from "../../controles/constat";
import { pluriel } from "../../util/texte";
import type { ContexteDevis } from "./contexte";
import { eur } from "./contexte";

/** The roles of a header's columns, as the user reads them. */
const ROLES: Readonly<Record<string, string>> = {
  code: "code",
  libelle: "libellé",
  quantite: "quantité",
  nombre: "nombre",
  unite: "unité",
  taux: "taux",
  montant: "montant",
  tauxCharges: "taux de charges",
  categorie: "catégorie",
  territoire: "territoire",
  eligibleCI: "éligibilité au crédit d'impôt",
  montantFrance: "dont France",
  montantEtranger: "dont étranger",
  chapitre: "chapitre",
  montantCharges: "charges",
};

/**
 * A second table stacked under the first, with a header of other columns: its rows are read with that header's
 * columns from that row on, said with its cell, its columns and what was read under it (never silently).
 */
export const nouvelEntete: Regle<ContexteDevis> = {
  id: "nouvel-entete",
  description:
    "Quand un second tableau, plus bas dans la feuille, a sa propre ligne d'en-tête avec d'autres colonnes, ses " +
    "lignes sont lues selon cet en-tête, et c'est dit avec la cellule de l'en-tête.",
  verifier({ devis }) {
    return (devis.entetesSuivants ?? []).map((e) => {
      const court = e.cellule.slice(e.cellule.lastIndexOf("!") + 1);
      const colonnes = Object.entries(e.colonnes)
        .map(([role, lettre]) => `${ROLES[role] ?? role} en ${lettre}`)
        .join(", ");
      return {
        regle: "nouvel-entete",
        gravite: "info" as const,
        message:
          `En-tête répété en ${court} avec d'autres colonnes (« ${e.textes.join(" | ")} ») : colonnes lues à partir ` +
          `de cette ligne selon cet en-tête (${colonnes}) ; ${pluriel(e.lignes, "ligne")} ` +
          `${e.lignes > 1 ? "lues" : "lue"} dessous, pour ${eur(e.somme)}.`,
        cellule: e.cellule,
      };
    });
  },
};
