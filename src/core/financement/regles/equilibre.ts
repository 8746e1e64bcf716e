import Decimal from "decimal.js";
import { negCents } from "../../money/cents";
import type { Constat, Regle } from "../../controles/constat";
import type { ContexteFinancement } from "../contexte";
import { euros, pct } from "../contexte";

/** Total financing against the devis total: a finding either way. */
export const equilibre: Regle<ContexteFinancement> = {
  id: "equilibre",
  description:
    "Le total des financements doit couvrir exactement le coût du devis (frais généraux, imprévus et rémunération du producteur compris).",
  verifier(ctx) {
    const { synthese: s, cout, plan } = ctx;
    const cellule = plan.totalProducteur?.cellule ?? cout?.cellule;
    if (!cout || s.resteAFinancer === undefined) {
      return [
        {
          regle: "equilibre",
          gravite: "alerte",
          message: `Coût de production inconnu : l'équilibre du plan (total ${euros(s.total)}) n'a pas pu être vérifié.`,
        },
      ];
    }
    const out: Constat[] = [];
    const indique = plan.coutIndique;
    if (indique && indique.cellule !== cout.cellule && indique.montant !== cout.montant) {
      out.push({
        regle: "equilibre",
        gravite: "alerte",
        cellule: indique.cellule,
        message:
          `${indique.cellule} : le coût indiqué dans le plan (${euros(indique.montant)}) diffère du coût retenu, ` +
          `${euros(cout.montant)} (${cout.origine}).`,
      });
    }
    const part =
      cout.montant > 0 ? ` (${pct(new Decimal(Math.abs(s.resteAFinancer)).dividedBy(cout.montant))} du coût)` : "";
    if (s.resteAFinancer > 0) {
      return [
        ...out,
        {
          regle: "equilibre",
          gravite: "alerte",
          cellule,
          message:
            `Reste à financer : ${euros(s.resteAFinancer)}${part} — financements ${euros(s.total)} pour un coût de ` +
            `${euros(cout.montant)} (${cout.origine}).`,
        },
      ];
    }
    if (s.resteAFinancer < 0) {
      return [
        ...out,
        {
          regle: "equilibre",
          gravite: "alerte",
          cellule,
          message:
            `Excédent de financement : ${euros(negCents(s.resteAFinancer))}${part} — financements ` +
            `${euros(s.total)} pour un coût de ${euros(cout.montant)} (${cout.origine}).`,
        },
      ];
    }
    return [
      ...out,
      {
        regle: "equilibre",
        gravite: "info",
        cellule,
        message: `Plan équilibré : financements ${euros(s.total)} = coût ${euros(cout.montant)} (${cout.origine}).`,
      },
    ];
  },
};
