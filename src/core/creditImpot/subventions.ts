import { type Cents, cents, formatMontantFr, formatPourcentFr } from "../money";
import type { OrdreSubventions } from "../regles/schemas/creditImpot";
import { type Ctx, exiger } from "./contexteCalcul";
import type { PlafondBase, RegimeCredit, SubventionsDeduites } from "./modele";
import { TABLES_CREDIT_IMPOT as T } from "./regles";

export type { OrdreSubventions } from "../regles/schemas/creditImpot";

/** The article each credit's subsidies come from (V of each). */
const ARTICLE: Record<RegimeCredit, string> = {
  cinema: "220 sexies",
  audiovisuel: "220 sexies",
  international: "220 quaterdecies",
};

/** The cap of the base at a share of the budget (III-3 of both articles), as far as the deduction needs it. */
export interface PlafondAssiette {
  /** part × budget: the largest base. */
  montant: Cents;
  /** « 80 % du budget de production » */
  libelle: string;
  /** Decimal fraction as a string ("0.80") and the budget it applies to. */
  part: string;
  budget: Cents;
}

/**
 * The international credit applies its 80 % to the credit (a cap in `plafonds`). Deducting its subsidies after that
 * cap needs it as a cap of the base: the same figures, as `plafondBase` (220 quaterdecies III-3).
 */
function plafondDeCredit(ctx: Ctx, c: PlafondAssiette, base: Cents): PlafondBase {
  const applique = base > c.montant;
  const detail = `${formatPourcentFr(c.part, 0)} × budget de production ${formatMontantFr(c.budget)}`;
  if (applique)
    ctx.alertes.push(
      `Base plafonnée à ${c.libelle} (CGI art. 220 quaterdecies, III-3) : dépenses éligibles ` +
        `${formatMontantFr(base)} ramenées à ${formatMontantFr(c.montant)} (${detail}).`,
    );
  return { part: c.part, budget: c.budget, montant: c.montant, baseAvant: base, applique, detail };
}

/** The rule of the credit's subsidies for the expenditure year: which ones, and where they come off. */
export interface RegleSubventions {
  montant: Cents;
  ordre: OrdreSubventions;
  remboursablesDeduites: boolean;
}

/**
 * The subsidies rule of the credit, read from `credit-impot-subventions` (one entry per credit type) when an amount
 * was given; undefined otherwise (the table is then not read). The table is named among the figures used.
 */
export function regleSubventions(ctx: Ctx): RegleSubventions | undefined {
  const { opts, figures } = ctx;
  const montant = opts.subventionsPubliques;
  if (montant === undefined) return undefined;
  const r = exiger(T.subventions, ctx);
  const v = r.version.valeurs[opts.regime];
  figures.table(
    "credit-impot.subventions",
    `Subventions publiques déduites de la base (CGI art. ${ARTICLE[opts.regime]}, V)`,
    r,
    v.remboursablesDeduites
      ? "remboursables ou non"
      : "non remboursables, directement affectées aux dépenses éligibles",
  );
  return { montant, ordre: v.ordre, remboursablesDeduites: v.remboursablesDeduites };
}

/** What the step gives back: the subsidies deducted, for the result, the trace and the sheet. */
export function deduire(ctx: Ctx, regle: RegleSubventions, base: Cents, apresPlafond: boolean): SubventionsDeduites {
  const { montant, ordre, remboursablesDeduites } = regle;
  const deduit = cents(Math.min(base, montant));
  if (montant > base)
    ctx.alertes.push(
      `Subventions publiques (${formatMontantFr(montant)}) supérieures à la base (${formatMontantFr(base)}) : ` +
        `base ramenée à ${formatMontantFr(cents(0))}.`,
    );
  const quoi = remboursablesDeduites
    ? "de subventions publiques, remboursables ou non"
    : "de subventions publiques non remboursables directement affectées aux dépenses éligibles";
  return {
    montant,
    deduit,
    baseAvant: base,
    ordre,
    detail:
      `${formatMontantFr(montant)} ${quoi} (CGI art. ${ARTICLE[ctx.opts.regime]}, V)` +
      (apresPlafond ? ", déduites après le plafond de la base" : ""),
  };
}

/**
 * The one step that deducts the public subsidies from the base, for the three credits (CGI 220 sexies V, 220
 * quaterdecies V), at the place the rule table gives for the credit type:
 * - « apres-plafond »: from the base once capped at a share of the budget (III-3), `plafonner(depenses)` first;
 * - « avant-plafond »: from the eligible spend, the cap then applied to what is left.
 * At most down to a nil base. The texts read do not say which order: when the other one would give another base, an
 * alert gives it. `plafonner` caps a base (cinema and audiovisual: the 80 % cap of the base, `plafondBase`);
 * `capCredit` is the international credit's 80 % of the budget, which caps its credit, not its base: « avant-plafond »
 * leaves it there (the same figure), « apres-plafond » makes it the cap of the base.
 */
export function deduireSubventions(
  ctx: Ctx,
  depenses: Cents,
  plafonner: (base: Cents) => PlafondBase | undefined,
  capCredit?: PlafondAssiette,
): { base: Cents; plafondBase?: PlafondBase; subventions?: SubventionsDeduites } {
  const regle = regleSubventions(ctx);
  if (!regle) {
    const pb = plafonner(depenses);
    return { base: pb?.applique ? pb.montant : depenses, ...(pb ? { plafondBase: pb } : {}) };
  }
  const article = ARTICLE[ctx.opts.regime];
  if (regle.ordre === "apres-plafond") {
    const pb = plafonner(depenses) ?? (capCredit ? plafondDeCredit(ctx, capCredit, depenses) : undefined);
    const plafonnee = pb?.applique ? pb.montant : depenses;
    const s = deduire(ctx, regle, plafonnee, !!pb?.applique);
    const base = cents(plafonnee - s.deduit);
    const cap = pb?.montant;
    if (cap !== undefined && depenses > cap) {
      const autre = cents(Math.min(cap, Math.max(0, depenses - regle.montant)));
      if (autre !== base)
        ctx.alertes.push(
          `Subventions publiques déduites après le plafond de la base : ${formatMontantFr(cap)} − ` +
            `${formatMontantFr(s.deduit)} = ${formatMontantFr(base)}. Le CGI (art. ${article}, III-3 et V) ne dit pas ` +
            `dans quel ordre ; déduites des dépenses éligibles avant ce plafond, la base serait ${formatMontantFr(autre)} ` +
            `— à vérifier avec votre expert-comptable.`,
        );
    }
    return { base, ...(pb ? { plafondBase: pb } : {}), subventions: s };
  }
  const s = deduire(ctx, regle, depenses, false);
  const reste = cents(depenses - s.deduit);
  const pb = plafonner(reste);
  const base = pb?.applique ? pb.montant : reste;
  const cap = pb
    ? { montant: pb.montant, libelle: `${formatPourcentFr(pb.part, 0)} du budget de production` }
    : capCredit;
  // International: its 80 % caps the credit (taux × 80 % of the budget), the same as capping the base left here.
  if (cap && depenses > cap.montant) {
    // With the cap on the credit (international), the base kept is the spend less the subsidies, capped by the credit.
    const retenue = cents(Math.min(reste, cap.montant));
    const autre = cents(Math.max(0, cap.montant - regle.montant));
    if (autre !== retenue)
      ctx.alertes.push(
        `Subventions publiques déduites des dépenses éligibles avant le plafond de la base (${cap.libelle}, ` +
          `${formatMontantFr(cap.montant)}) : ${formatMontantFr(depenses)} − ${formatMontantFr(s.deduit)} = ` +
          `${formatMontantFr(reste)}${retenue !== reste ? `, ramenée au plafond : ${formatMontantFr(retenue)}` : ""}. ` +
          `Le CGI (art. ${article}, ` +
          `III-3 et V) ne dit pas dans quel ordre ; déduites après ce plafond, la base serait ` +
          `${formatMontantFr(autre)} — à vérifier avec votre expert-comptable.`,
      );
  }
  return { base, ...(pb ? { plafondBase: pb } : {}), subventions: s };
}
