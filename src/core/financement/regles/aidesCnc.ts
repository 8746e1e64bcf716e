import type { Regle } from "../../controles/constat";
import { ContexteFinancement, euros, mentionConfiance, pct, pctVers } from "../contexte";

/**
 * The CNC's own aids have their own ceiling: 50 % for cinema (RGA art. 211-16), 40 % for an audiovisual work since
 * 1 February 2023 (RGA art. 311-18), of the cost or, in an international coproduction, of the French participation.
 */
export const aidesCnc: Regle<ContexteFinancement> = {
  id: "aides-cnc",
  description:
    "Le total des aides du CNC (soutien automatique investi, aides sélectives, avance sur recettes, FSA) ne dépasse " +
    "pas 50 % du coût (cinéma) ou 40 % (audiovisuel, depuis le 1er février 2023) ; en coproduction internationale, " +
    "de la participation française.",
  verifier(ctx) {
    const { synthese: s, plafond: p } = ctx;
    if (s.intensiteCnc === undefined || !s.intensiteCnc.greaterThan(p.plafondCnc)) return [];
    return [
      {
        regle: "aides-cnc",
        gravite: "erreur",
        message:
          `Aides du CNC ${euros(s.aidesCnc)} = ${pctVers(s.intensiteCnc, p.plafondCnc)} du coût` +
          `${s.partsCoproducteursEtrangers > 0 ? " (participation française)" : ""} : au-delà du plafond de ` +
          `${pct(p.plafondCnc)}${mentionConfiance(p.confiance)}.`,
      },
    ];
  },
};
