import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis, eur } from "./contexte";

/**
 * A rate typed in the amount column (« 50 €/jour », « 300 €/sem », « 1 200 € par semaine »): named with its cell, its
 * figure and its period, never taken as the line's amount (the line would count one day for the whole engagement)
 * nor multiplied by a quantity that nothing ties to it. Conservation reads it at that figure and lists it.
 */
export const montantTarif: Regle<ContexteDevis> = {
  id: "montant-tarif",
  description:
    "Un tarif saisi dans la colonne des montants (« 50 €/jour », « 300 €/sem ») n'est pas pris pour le montant de la ligne.",
  verifier({ devis }) {
    return (devis.illisibles ?? []).flatMap((m) =>
      m.tarif
        ? [
            {
              regle: "montant-tarif",
              gravite: "alerte" as const,
              message:
                `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » est un tarif (${eur(m.tarif.montant)} par ` +
                `${m.tarif.periode}), pas le montant ${m.total ? "de ce total" : "de la ligne"} ; ` +
                (m.total
                  ? "ce total du producteur n'est pas comparé."
                  : "la ligne n'est pas comptée. Écrivez le montant de la ligne, ou le tarif dans la colonne du tarif " +
                    "et le nombre dans celle de la quantité, puis relancez."),
              cellule: m.cellule,
            },
          ]
        : [],
    );
  },
};
