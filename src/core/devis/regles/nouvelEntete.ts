import type { Regle } from "../../controles/constat";
import { pluriel } from "../../util/texte";
import type { ContexteDevis } from "./contexte";
import { eur } from "./contexte";
import type { Devis, NouvelEntete } from "../model";
import { libelleChapitre } from "../nomenclature";

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
 * The chapter the table above ended in, not carried into this table (no chapter title right above its header): said,
 * with the cells of its lines that nothing else placed (each also named by ligne-hors-chapitre).
 */
function nonRepris(devis: Devis, e: NouvelEntete, suivant: NouvelEntete | undefined): string {
  if (!e.chapitreNonRepris) return "";
  const fin = suivant ? (suivant.debut ?? suivant.ligne) : Number.MAX_SAFE_INTEGER;
  const seuls = devis.nonPlaces.filter((n) => n.ligne > e.ligne && n.ligne < fin);
  const cites =
    seuls
      .slice(0, 6)
      .map((n) => n.cellule)
      .join(", ") + (seuls.length > 6 ? ` (${seuls.length} en tout)` : "");
  return (
    ` Aucun titre de chapitre au-dessus de cet en-tête : le chapitre ${e.chapitreNonRepris} « ` +
    `${libelleChapitre(e.chapitreNonRepris)} » du tableau au-dessus n'est pas repris ; ses lignes sont placées par ` +
    `leur code, leur colonne de chapitre ou leur libellé` +
    (seuls.length
      ? `, et ${pluriel(seuls.length, "ligne")} sans chapitre ${seuls.length > 1 ? "sont listées" : "est listée"} ` +
        `non ${seuls.length > 1 ? "placées" : "placée"} (${cites}).`
      : ".")
  );
}

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
    const suivants = devis.entetesSuivants ?? [];
    return suivants.map((e, i) => {
      const court = e.cellule.slice(e.cellule.lastIndexOf("!") + 1);
      const colonnes = Object.entries(e.colonnes)
        .map(([role, lettre]) => `${ROLES[role] ?? role} en ${lettre}`)
        .join(", ");
      const lignes = e.debut ? ` (en-tête sur les lignes ${e.debut} à ${e.ligne})` : "";
      return {
        regle: "nouvel-entete",
        gravite: "info" as const,
        message:
          `En-tête répété en ${court}${lignes} avec d'autres colonnes (« ${e.textes.join(" | ")} ») : colonnes lues ` +
          `à partir de ${e.debut ? "ces lignes" : "cette ligne"} selon cet en-tête (${colonnes}) ; ` +
          `${pluriel(e.lignes, "ligne")} ${e.lignes > 1 ? "lues" : "lue"} dessous, pour ${eur(e.somme)}.` +
          nonRepris(devis, e, suivants[i + 1]),
        cellule: e.cellule,
      };
    });
  },
};
