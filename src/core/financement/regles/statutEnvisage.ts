import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import { ContexteFinancement, euros, pct } from "../contexte";

/** Financing only « envisagé » is a risk on the plan; « en négociation » is reported for information. */
export const statutEnvisage: Regle<ContexteFinancement> = {
  id: "statut-envisage",
  description: "Part du plan qui n'est qu'envisagée (ni acquise, ni en négociation).",
  verifier(ctx) {
    const s = ctx.synthese;
    if (s.total <= 0) return [];
    const out: Constat[] = [];
    const env = s.parStatut.envisage;
    if (env > 0) {
      const noms = ctx.sources.filter((x) => x.statut === "envisage").map((x) => x.financeur);
      const liste = noms.slice(0, 5).join(", ") + (noms.length > 5 ? `… (${noms.length} sources)` : "");
      out.push({
        regle: "statut-envisage",
        gravite: "alerte",
        message: `${euros(env)} (${pct(new Decimal(env).dividedBy(s.total))} du plan) seulement envisagés : ${liste}.`,
      });
    }
    const neg = s.parStatut["en-negociation"];
    if (neg > 0)
      out.push({
        regle: "statut-envisage",
        gravite: "info",
        message: `${euros(neg)} (${pct(new Decimal(neg).dividedBy(s.total))} du plan) en négociation.`,
      });
    return out;
  },
};
