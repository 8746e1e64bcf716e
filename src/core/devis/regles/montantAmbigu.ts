import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis, eur, suiteAnnexe } from "./contexte";

/**
 * Text amounts whose lone « . » or « , » before three digits may be decimal or grouping (« 12.500 € »), in a sheet
 * whose other text amounts do not prove which: both readings are named, neither is counted.
 */
export const montantAmbigu: Regle<ContexteDevis> = {
  id: "montant-ambigu",
  description:
    "Un montant saisi en texte dont le séparateur (« 12.500 ») peut être décimal ou de milliers, sans que la feuille dise lequel.",
  verifier({ devis }) {
    return (devis.ambigus ?? []).map((m) => ({
      regle: "montant-ambigu",
      gravite: "alerte" as const,
      message:
        `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » peut se lire ${eur(m.decimale)} ou ${eur(m.milliers)} ; ` +
        (m.colonne
          ? suiteAnnexe(m.colonne, m.compte)
          : m.total
            ? "ce total du producteur n'est pas comparé"
            : "la ligne n'est pas comptée") +
        `. Saisissez le montant comme un nombre (ou « 12 500,00 »), puis relancez.`,
      cellule: m.cellule,
    }));
  },
};
