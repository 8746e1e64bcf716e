import type { Regle } from "../../controles/constat";
import { CONSEIL_DEVISE, phraseMontantDevise, pourquoiNonCompte } from "../../money";
import { cite, ContexteDevis, suiteAnnexe } from "./contexte";

/**
 * Numbers of the amount column shown in another currency than the euro (« [$$-409]#,##0.00 », « #,##0.00 [$USD] »):
 * named with the currency and the amount. Prodbook applies no exchange rate (none is known at run time) and never
 * reads dollars as euros, so the amount is not counted, as an ambiguous one is not (montant-ambigu).
 */
export const montantDevise: Regle<ContexteDevis> = {
  id: "montant-devise",
  description:
    "Un montant du devis affiché dans une autre devise que l'euro (format de nombre en $, £, USD…) n'est ni converti ni compté.",
  verifier({ devis }) {
    return (devis.devises ?? []).map((m) => ({
      regle: "montant-devise",
      gravite: "alerte" as const,
      message:
        `${m.cellule} ${cite(m.libelle)} : ${phraseMontantDevise(m.montant, m.devise, m.format)} ; ` +
        (m.colonne
          ? suiteAnnexe(m.colonne, m.compte)
          : m.total
            ? "ce total du producteur n'est pas comparé"
            : "la ligne n'est pas comptée") +
        ` ${pourquoiNonCompte(m.devise)}. Convertissez le montant ${CONSEIL_DEVISE}`,
      cellule: m.cellule,
    }));
  },
};
