import type { Regle } from "../../controles/constat";
import { CONSEIL_DEVISE, phraseMontantDevise, pourquoiNonCompte } from "../../money";
import { parseCelluleRef } from "../../util/adresse";
import { cite, ContexteDevis, suiteAnnexe } from "./contexte";
import { quoiIllisible, suiteIllisible } from "./montantIllisible";

/** Findings in the sheet's order: by row, then column. */
const ordreCellule = (ref: string) => {
  const p = parseCelluleRef(ref);
  return p.row * 16384 + p.col;
};

/**
 * Numbers of the amount column shown in another currency than the euro (« [$$-409]#,##0.00 », « #,##0.00 [$USD] »):
 * named with the currency and the amount. Prodbook applies no exchange rate (none is known at run time) and never
 * reads dollars as euros, so the amount is not counted, as an ambiguous one is not (montant-ambigu).
 */
export const montantDevise: Regle<ContexteDevis> = {
  id: "montant-devise",
  description:
    "Un montant du devis affiché ou écrit dans une autre devise que l'euro (format en $, « 500 $ », « 500 USD/jour ») " +
    "n'est ni converti ni compté.",
  verifier({ devis }) {
    // A figure typed as text in another currency (« 500 $ »), or a rate in one (« 500 USD/jour »).
    const ecrits = (devis.illisibles ?? [])
      .filter((m) => m.devise && !m.fusionneAvec)
      .map((m) => ({
        regle: "montant-devise",
        gravite: "alerte" as const,
        message:
          `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » ` +
          (m.periodeDevise
            ? `est un tarif en ${m.devise} (par ${m.periodeDevise}), pas ${quoiIllisible(m)}`
            : `est en ${m.devise}`) +
          ` ; Prodbook compte en euros et n'applique aucun taux de change : ${suiteIllisible(m)} ` +
          (m.periodeDevise && !m.colonne && !m.total
            ? "Indiquez le montant de la ligne en euros (ou le tarif en euros dans la colonne du tarif et le nombre " +
              "dans celle de la quantité), puis relancez."
            : "Convertissez-le ou indiquez le montant en euros, puis relancez."),
        cellule: m.cellule,
      }));
    const formats = (devis.devises ?? []).map((m) => ({
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
    return [...formats, ...ecrits].sort((a, b) => ordreCellule(a.cellule) - ordreCellule(b.cellule));
  },
};
