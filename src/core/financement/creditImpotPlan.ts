import { calculerCreditImpot } from "../creditImpot/calculerCreditImpot";
import type { GenreCredit, LangueOeuvre, RegimeCredit, RegleUtilisee } from "../creditImpot/modele";
import type { Devis, OrigineDuree } from "../devis/model";
import { traceCreditImpot } from "../traces/creditImpot";
import type { Trace } from "../traces/trace";
import { formatMontantFr, formatPourcentFr } from "../money/format";
import { type Cents, cents } from "../money/cents";
import { aidesPubliquesFrancaises, phraseAidesDuPlan } from "../creditImpot/aidesDuPlan";
import type { SourceFinancement } from "./model";
import type { Surcharges } from "../regles/table";

export interface OptionsCreditImpotPlan {
  regime: RegimeCredit;
  genre: GenreCredit;
  /**
   * The genre was not given (no --genre, « Non précisé » in the pane): the credit is computed as a fiction's, and an
   * alert of the plan says so (never a fiction's credit without a word).
   */
  genreNonPrecise?: boolean;
  annee: number;
  /**
   * The year was not given (no date of the rules): `annee` is the current year, and an alert of the plan says so (the
   * credit's rules depend on the year of the expenses).
   */
  anneeNonPrecisee?: boolean;
  dureeMinutes?: number;
  /** Where `dureeMinutes` was taken (a cell, typed): the per-minute cap's trace names it. */
  origineDuree?: OrigineDuree;
  /** Cinema: original language (30 % for French or a regional language, 20 % otherwise; animation always 30 %). */
  langue?: LangueOeuvre;
  premierOuDeuxiemeFilm?: boolean;
  /** Audiovisual « œuvre difficile » declared by the producer (60 % aid ceiling of 220 sexies). */
  oeuvreDifficile?: boolean;
  /**
   * The public subsidies the user says come off the base (`prodbook financement --subventions`): deducted by the same
   * step as `prodbook credit-impot --subventions`. The plan's public aids are never deducted without it.
   */
  subventionsPubliques?: Cents;
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
  /**
   * « D'où vient ce chiffre ? »: the credit's trace, down to its lines, rates, caps and the duration's cell; built on
   * request (--explique), not for every plan checked.
   */
  trace?: () => Trace;
}

/** The plan the credit is added to: its sheet and sources, and the date of its rules. */
export interface PlanDuCredit {
  feuille: string;
  sources: readonly SourceFinancement[];
  date: string;
}

export type CalculCreditImpotPlan = (
  devis: Devis,
  autresAidesPubliques: Cents,
  surcharges?: Surcharges,
  plan?: PlanDuCredit,
) => CreditImpotDuPlan | undefined;

/** The alert of a credit computed without the work's genre: which genre was taken, why it matters, what to do. */
export const GENRE_NON_PRECISE =
  "genre de l'œuvre non précisé, crédit calculé comme pour une fiction (taux, coût minimal par minute) ; " +
  "précisez le genre (fiction, documentaire ou animation) pour un crédit qui vaut pour votre œuvre.";

/** The alert of a credit computed without a date: the year taken (the current one), why it matters, what to do. */
export const anneeNonPrecisee = (annee: number) =>
  `année des dépenses non précisée, crédit calculé selon les règles de ${annee} (l'année en cours) ; ` +
  "pour une autre année, indiquez l'année des dépenses (page Crédit d'impôt ; en ligne de commande, la date des règles).";

/**
 * The crédit d'impôt of the devis (calculerCreditImpot, issue 4) as a plan source: the plan's other public aids
 * are passed so the credit respects the aid ceiling built into 220 sexies, and the workbook's « Paramètres »
 * overrides apply as in `prodbook credit-impot`. The plan's public aids are named, never deducted from the base (not
 * all are « subventions » in the tax sense); the subsidies the user gives are, by the same step as the credit's
 * command. Those subsidies are taken to be among the plan's public aids: the aid ceiling counts them once
 * (other aids = the plan's public aids − the subsidies, at least 0).
 */
export function creditImpotPourPlan(o: OptionsCreditImpotPlan): CalculCreditImpotPlan {
  return (devis, autresAidesPubliques, surcharges, plan) => {
    const sub = o.subventionsPubliques;
    const r = calculerCreditImpot(devis, {
      regime: o.regime,
      genre: o.genre,
      annee: o.annee,
      dureeMinutes: o.dureeMinutes ?? devis.dureeMinutes,
      ...(o.dureeMinutes !== undefined && o.origineDuree ? { origineDuree: o.origineDuree } : {}),
      langue: o.langue,
      autresAidesPubliques: sub === undefined ? autresAidesPubliques : cents(Math.max(0, autresAidesPubliques - sub)),
      ...(sub !== undefined ? { subventionsPubliques: sub } : {}),
      oeuvreDifficile: !!o.premierOuDeuxiemeFilm || !!o.oeuvreDifficile,
      surcharges: o.surcharges ?? surcharges,
    });
    if (!r.eligible || r.credit <= 0) return undefined;
    const aides =
      plan && o.regime !== "international"
        ? phraseAidesDuPlan(plan.feuille, aidesPubliquesFrancaises(plan.sources, plan.date), plan.date, sub)
        : undefined;
    const deduites = r.subventions?.deduit
      ? ` après ${formatMontantFr(r.subventions.deduit)} de subventions publiques`
      : "";
    return {
      montant: r.credit,
      detail: `${o.regime}, ${o.genre}, taux ${formatPourcentFr(r.taux)}, base ${formatMontantFr(r.base)}${deduites}`,
      alertes: [
        ...(o.genreNonPrecise ? [GENRE_NON_PRECISE] : []),
        ...(o.anneeNonPrecisee ? [anneeNonPrecisee(o.annee)] : []),
        ...r.alertes,
        ...(aides ? [aides] : []),
      ],
      tables: r.tables,
      trace: () => traceCreditImpot(r),
    };
  };
}
