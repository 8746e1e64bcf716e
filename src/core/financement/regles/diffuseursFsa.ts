import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import { multiplyCents } from "../../money/cents";
import { ContexteFinancement, euros, mentionConfiance, pct, pctVers } from "../contexte";
import { seuilsFsa } from "../plafonds";
import { minutesFr } from "../../util/texte";

/**
 * Audiovisual works: access to the FSA's automatic support needs French broadcasters to bring at least 25 % of the
 * French financing, and for fiction at least 12 000 € per hour in cash.
 */
export const diffuseursFsa: Regle<ContexteFinancement> = {
  id: "diffuseurs-fsa",
  description:
    "Œuvre audiovisuelle : diffuseurs français ≥ 25 % du financement français, dont au moins 12 000 € par heure en numéraire pour " +
    "la fiction (soutien automatique FSA).",
  verifier(ctx) {
    if (ctx.typeOeuvre !== "audiovisuel") return [];
    const s = ctx.synthese;
    if (s.financementFrancais <= 0) return [];
    const f = seuilsFsa(ctx.date);
    const v = mentionConfiance(f.version.confiance);
    const out: Constat[] = [];
    const part = new Decimal(s.diffuseursFrancais).dividedBy(s.financementFrancais);
    if (part.lessThan(f.partMinimale)) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "alerte",
        message:
          `Diffuseurs français : ${euros(s.diffuseursFrancais)} = ${pctVers(part, f.partMinimale)} du financement français (` +
          `${euros(s.financementFrancais)}), en dessous des ${pct(f.partMinimale)} exigés pour le soutien automatique FSA` +
          `${v} ; sinon, passage en commission sélective.`,
      });
    }
    if (ctx.genre !== "fiction") return out;
    if (!ctx.dureeMinutes) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "info",
        message:
          `Fiction : le minimum de ${euros(f.numeraireParHeure)} par heure en numéraire des diffuseurs n'a pas été vérifié ` +
          `faute de durée de l'œuvre.`,
      });
      return out;
    }
    const minimum = multiplyCents(f.numeraireParHeure, new Decimal(ctx.dureeMinutes).dividedBy(60));
    if (s.numeraireDiffuseursFrancais < minimum) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "alerte",
        message:
          `Fiction de ${minutesFr(ctx.dureeMinutes)} min : numéraire des diffuseurs ` +
          `français ${euros(s.numeraireDiffuseursFrancais)}, en dessous du minimum de ${euros(minimum)} (` +
          `${euros(f.numeraireParHeure)} par heure)${v}.`,
      });
    }
    return out;
  },
};
