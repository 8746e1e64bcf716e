import { calculerCreditImpot } from "../creditImpot/calculerCreditImpot";
import type { GenreCredit, RegimeCredit } from "../creditImpot/modele";
import type { Devis } from "../devis/model";
import { formatMontantFr } from "../money/format";
import type { Cents } from "../money/cents";
import type { Surcharges } from "../regles/table";

export interface OptionsCreditImpotPlan {
  regime: RegimeCredit;
  genre: GenreCredit;
  annee: number;
  dureeMinutes?: number;
  premierOuDeuxiemeFilm?: boolean;
  surcharges?: Surcharges;
}

/**
 * The crédit d'impôt of the devis (calculerCreditImpot, issue 4) as a plan source: the plan's other public aids
 * are passed so the credit respects the aid ceiling built into 220 sexies.
 */
export function creditImpotPourPlan(
  o: OptionsCreditImpotPlan,
): (devis: Devis, autresAidesPubliques: Cents) => { montant: Cents; detail: string } | undefined {
  return (devis, autresAidesPubliques) => {
    const r = calculerCreditImpot(devis, {
      regime: o.regime,
      genre: o.genre,
      annee: o.annee,
      dureeMinutes: o.dureeMinutes ?? devis.dureeMinutes,
      autresAidesPubliques,
      oeuvreDifficile: o.premierOuDeuxiemeFilm,
      surcharges: o.surcharges,
    });
    if (!r.eligible || r.credit <= 0) return undefined;
    return { montant: r.credit, detail: `${o.regime}, ${o.genre}, taux ${r.taux}, base ${formatMontantFr(r.base)}` };
  };
}
