import type { Regle } from "../../controles/constat";
import { cents, subCents, sumCents } from "../../money/cents";
import { celluleMontant, cite, ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";

/** CNC forms: "dont France" + "dont étranger" must make the line's amount (both columns filled). */
export const repartitionFranceEtranger: Regle<ContexteDevis> = {
  id: "repartition-france-etranger",
  description: "Quand une ligne répartit son montant entre France et étranger, les deux parts font le montant total.",
  verifier({ devis }) {
    return devis.lignes.flatMap((l) => {
      const r = l.repartition;
      if (!r || r.france === undefined || r.etranger === undefined) return [];
      const somme = sumCents([r.france, r.etranger]);
      const ecart = subCents(l.montant, somme);
      if (Math.abs(ecart) <= TOLERANCE_CENTIMES) return [];
      return [
        {
          regle: "repartition-france-etranger",
          gravite: "alerte" as const,
          message:
            `${celluleMontant(l)} ${cite(l.libelle)} : dont France ${eur(cents(r.france))} + dont étranger ` +
            `${eur(cents(r.etranger))} = ${eur(somme)}, pas le montant ${eur(l.montant)} (écart ${eur(ecart)}) ; ` +
            `part France retenue : dont France ÷ montant.`,
          cellule: celluleMontant(l),
        },
      ];
    });
  },
};
