import { calculerCreditImpot } from "../creditImpot/calculerCreditImpot";
import type { GenreCredit, LangueOeuvre, RegimeCredit, RegleUtilisee } from "../creditImpot/modele";
import type { Devis } from "../devis/model";
import { formatMontantFr, formatPourcentFr } from "../money/format";
import type { Cents } from "../money/cents";
import type { Surcharges } from "../regles/table";

export interface OptionsCreditImpotPlan {
  regime: RegimeCredit;
  genre: GenreCredit;
  annee: number;
  dureeMinutes?: number;
  /** Cinema: original language (30 % for French or a regional language, 20 % otherwise; animation always 30 %). */
  langue?: LangueOeuvre;
  premierOuDeuxiemeFilm?: boolean;
  /** Audiovisual « œuvre difficile » declared by the producer (60 % aid ceiling of 220 sexies). */
  oeuvreDifficile?: boolean;
  /** Overrides given by the caller; the workbook's « Paramètres » sheet is passed by analyserFinancement. */
  surcharges?: Surcharges;
}

/** The credit computed for a plan that has none: amount, what it rests on, and the rule versions used. */
export interface CreditImpotDuPlan {
  montant: Cents;
  detail: string;
  /** Alerts of the calculation (language not given, figures to check…), shown as findings of the plan. */
  alertes?: string[];
  /** Every rule-table version the calculation used. */
  tables?: RegleUtilisee[];
}

export type CalculCreditImpotPlan = (
  devis: Devis,
  autresAidesPubliques: Cents,
  surcharges?: Surcharges,
) => CreditImpotDuPlan | undefined;

/**
 * The crédit d'impôt of the devis (calculerCreditImpot, issue 4) as a plan source: the plan's other public aids
 * are passed so the credit respects the aid ceiling built into 220 sexies, and the workbook's « Paramètres »
 * overrides apply as in `prodbook credit-impot`.
 */
export function creditImpotPourPlan(o: OptionsCreditImpotPlan): CalculCreditImpotPlan {
  return (devis, autresAidesPubliques, surcharges) => {
    const r = calculerCreditImpot(devis, {
      regime: o.regime,
      genre: o.genre,
      annee: o.annee,
      dureeMinutes: o.dureeMinutes ?? devis.dureeMinutes,
      langue: o.langue,
      autresAidesPubliques,
      oeuvreDifficile: !!o.premierOuDeuxiemeFilm || !!o.oeuvreDifficile,
      surcharges: o.surcharges ?? surcharges,
    });
    if (!r.eligible || r.credit <= 0) return undefined;
    return {
      montant: r.credit,
      detail: `${o.regime}, ${o.genre}, taux ${formatPourcentFr(r.taux)}, base ${formatMontantFr(r.base)}`,
      alertes: r.alertes,
      tables: r.tables,
    };
  };
}
