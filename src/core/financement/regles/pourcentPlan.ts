import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import { type Cents, sumCents } from "../../money/cents";
import { formatMontantFr, formatPourcentFr } from "../../money/format";
import type { ContexteFinancement } from "../contexte";
import type { PourcentEcrit } from "../model";

/** A base a written percentage may be a share of: the plan's total or the production cost, as the message names it. */
interface Base {
  nom: string;
  montant: Cents;
}

/** 0,01 % as a fraction: a written percentage within it of the amounts' share agrees with them. */
const CENTIEME_DE_POURCENT = new Decimal("0.00005");

/**
 * The written percentage agrees with the amount on `base`: to 0,01 % (|écrit − montant ÷ base| ≤ 0,005 point), or to
 * the cent (base × écrit, rounded half-up, is the amount).
 */
function concorde(p: PourcentEcrit, base: Base): boolean {
  const part = new Decimal(p.montant).dividedBy(base.montant);
  return p.valeurs.some((v) => {
    const x = new Decimal(v);
    return (
      x.minus(part).abs().lessThanOrEqualTo(CENTIEME_DE_POURCENT) ||
      x.times(base.montant).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).equals(p.montant)
    );
  });
}

/**
 * A « % » column beside the sources whose percentage says another share than the amounts: the amounts are the
 * figures (the percentage is never read as one), and the cell is named with what is written, the amount and the share
 * the amounts give of the plan's total and of the cost (the column may be a share of either; one agreeing is enough).
 */
export const pourcentPlan: Regle<ContexteFinancement> = {
  id: "pourcent-plan",
  description:
    "Un pourcentage écrit à côté d'une source (colonne « % », « Part ») concorde, à 0,01 % près, avec la part de son " +
    "montant dans le total du plan ou dans le coût ; sinon il est nommé, et les montants font foi.",
  verifier(ctx) {
    const pourcents = ctx.plan.pourcents ?? [];
    if (!pourcents.length) return [];
    const total = sumCents(ctx.plan.sources.map((s) => s.montant));
    const bases: Base[] = [];
    if (total > 0) bases.push({ nom: "du total des financements", montant: total });
    const t = ctx.plan.totalProducteur;
    if (t && t.montant > 0 && t.montant !== total)
      bases.push({ nom: `du total du plan (${t.cellule})`, montant: t.montant });
    if (ctx.cout && ctx.cout.montant > 0) bases.push({ nom: "du coût de production", montant: ctx.cout.montant });
    if (!bases.length) return [];
    const out: Constat[] = [];
    for (const p of pourcents) {
      if (bases.some((b) => concorde(p, b))) continue;
      const parts = bases.map(
        (b) =>
          `${formatPourcentFr(new Decimal(p.montant).dividedBy(b.montant))} ${b.nom} (${formatMontantFr(b.montant)})`,
      );
      const liste = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} et ${parts[parts.length - 1]}` : parts[0];
      out.push({
        regle: "pourcent-plan",
        gravite: "alerte",
        cellule: p.cellule,
        message:
          `${p.cellule} : « ${p.affiche} » écrit pour « ${p.libelle} », mais son montant (${formatMontantFr(p.montant)}, ` +
          `${p.celluleMontant}) fait ${liste}. Le pourcentage n'est pas lu : ce sont les montants qui comptent. ` +
          `Corrigez le pourcentage ou le montant.`,
      });
    }
    return out;
  },
};
