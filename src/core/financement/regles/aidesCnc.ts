import type { Regle } from "../../controles/constat";
import { ContexteFinancement, euros, mentionConfiance, pct, pctVers } from "../contexte";

/** The CNC's own aids have their own ceiling (RGA art. 211-20). */
export const aidesCnc: Regle<ContexteFinancement> = {
  id: "aides-cnc",
  description:
    "Le total des aides du CNC (soutien automatique investi, aides sélectives, avance sur recettes, FSA) ne dépasse pas 50 % du coût.",
  verifier(ctx) {
    const { synthese: s, plafond: p } = ctx;
    if (s.intensiteCnc === undefined || !s.intensiteCnc.greaterThan(p.plafondCnc)) return [];
    return [
      {
        regle: "aides-cnc",
        gravite: "erreur",
        message:
          `Aides du CNC ${euros(s.aidesCnc)} = ${pctVers(s.intensiteCnc, p.plafondCnc)} du coût` +
          `${s.financementEtranger > 0 ? " (part française)" : ""} : au-delà du plafond de ` +
          `${pct(p.plafondCnc)}${mentionConfiance(p.confiance)}.`,
      },
    ];
  },
};
