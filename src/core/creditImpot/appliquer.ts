import Decimal from "decimal.js";
import { type Cents, cents, formatMontantFr, formatPourcentFr, multiplyCents } from "../money";
import { regleAudiovisuel } from "./audiovisuel";
import { regleCinema, regleInternational } from "./cinemaInternational";
import { arrondi, type Assiette, CE_BARNEY, type Ctx, exiger, NOMS_REGIME } from "./contexteCalcul";
import type { Figures } from "./figures";
import {
  type Condition,
  CreditImpotError,
  type OptionsCreditImpot,
  type Plafond,
  type PlafondBase,
  type SubventionsDeduites,
} from "./modele";
import { TABLES_CREDIT_IMPOT as T } from "./regles";
import { deduireSubventions } from "./subventions";

export type { Assiette } from "./contexteCalcul";
export { plafondParMinute } from "./audiovisuel";

export interface CalculCredit {
  taux: Decimal;
  /** The base the rate applied to (after the 80 % cap of the cinema and audiovisual credits). */
  base: Cents;
  plafondBase?: PlafondBase;
  /** The subsidies deducted, before or after the 80 % cap as the table says (220 sexies V, 220 quaterdecies V). */
  subventions?: SubventionsDeduites;
  creditAvantPlafonds: Cents;
  plafonds: Plafond[];
  credit: Cents;
  conditions: Condition[];
  alertes: string[];
  coutMinute?: Cents;
}

/** Rate, eligibility conditions and every cap in turn. The base is already computed. */
export function appliquerCredit(a: Assiette, opts: OptionsCreditImpot, figures: Figures): CalculCredit {
  if (!NOMS_REGIME[opts.regime])
    throw new CreditImpotError(
      `Régime de crédit d'impôt inconnu « ${opts.regime} » (cinema, audiovisuel ou international).`,
    );
  const duree = a.dureeMinutes;
  if (duree !== undefined && !(duree > 0))
    throw new CreditImpotError(`Durée invalide « ${duree} » : un nombre de minutes > 0 est attendu.`);
  const ctx: Ctx = { a, opts, figures, conditions: [], alertes: [], plafonds: [] };
  if (duree !== undefined && a.coutHorsFrais !== undefined)
    ctx.coutMinute = new Decimal(a.coutHorsFrais).dividedBy(duree);

  const taux =
    opts.regime === "audiovisuel"
      ? regleAudiovisuel(ctx)
      : opts.regime === "cinema"
        ? regleCinema(ctx)
        : regleInternational(ctx);

  // One step for the three credits: the base capped at 80 % of the budget (cinema, audiovisual) and the subsidies
  // deducted before or after that cap, as the table says for the credit type (subventions.ts).
  const { base, plafondBase, subventions } = deduireSubventions(
    ctx,
    a.base,
    (b) => plafonnerBase(ctx, b),
    ctx.capAssiette,
  );
  const creditAvantPlafonds = multiplyCents(base, taux);
  let credit = creditAvantPlafonds;
  const plafonds: Plafond[] = ctx.plafonds.map((p) => {
    const applique = p.montant < credit;
    if (applique) credit = p.montant;
    if (applique && p.aides && p.montant > 0)
      ctx.alertes.push(
        `Plafond des aides publiques atteint : crédit ramené de ${formatMontantFr(creditAvantPlafonds)} à ` +
          `${formatMontantFr(p.montant)} (${p.detail}). ${CE_BARNEY} Vérifiez le plan de financement avant de signer.`,
      );
    return {
      nom: p.nom,
      montant: p.montant,
      applique,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.calcul ? { calcul: p.calcul } : {}),
    };
  });
  const echecs = ctx.conditions.filter((c) => !c.remplie);
  for (const c of echecs) ctx.alertes.unshift(`Condition non remplie (${c.nom}) : ${c.detail} — crédit d'impôt nul.`);
  if (echecs.length) credit = cents(0);
  return {
    taux,
    base,
    ...(plafondBase ? { plafondBase } : {}),
    ...(subventions ? { subventions } : {}),
    creditAvantPlafonds,
    plafonds,
    credit,
    conditions: ctx.conditions,
    alertes: ctx.alertes,
    ...(ctx.coutMinute !== undefined ? { coutMinute: arrondi(ctx.coutMinute) } : {}),
  };
}

/**
 * CGI 220 sexies III-3 (cinema and audiovisual): « pour le calcul du crédit d'impôt, l'assiette des dépenses éligibles
 * est plafonnée à 80 % du budget de production de l'oeuvre et, en cas de coproduction internationale, à 80 % de la
 * part gérée par le coproducteur français ». The budget is the devis total; the French share of a coproduction is not
 * known here, so an alert says the cap was computed on the whole budget. The international credit has its own 80 %
 * cap (a credit cap, in `plafonds`).
 */
function plafonnerBase(ctx: Ctx, base: Cents): PlafondBase | undefined {
  const { a, opts, figures } = ctx;
  if (opts.regime === "international" || a.budget === undefined) return undefined;
  const r = exiger(T.plafondBudget, ctx);
  const part = figures.taux(
    "credit-impot.plafond-budget.part",
    "Part maximale du budget de production retenue dans la base (cinéma, audiovisuel)",
    r,
    r.version.valeurs.partBudgetMax,
  );
  const montant = multiplyCents(a.budget, part);
  const applique = base > montant;
  const quoi = base === a.base ? "dépenses éligibles" : "dépenses éligibles moins les subventions publiques";
  const detail = `${formatPourcentFr(part, 0)} × budget de production ${formatMontantFr(a.budget)}`;
  if (applique)
    ctx.alertes.push(
      `Base plafonnée à ${formatPourcentFr(part, 0)} du budget de production (CGI art. 220 sexies, III-3) : ${quoi} ` +
        `${formatMontantFr(base)} ramenées à ${formatMontantFr(montant)} (${detail}).`,
    );
  if (opts.partFinancementEtranger !== undefined)
    ctx.alertes.push(
      `Coproduction internationale : la base est plafonnée à ${formatPourcentFr(part, 0)} de la part gérée par le ` +
        `coproducteur français, que Prodbook ne connaît pas ; plafond calculé sur le budget total — à vérifier.`,
    );
  return { part: part.toString(), budget: a.budget, montant, baseAvant: base, applique, detail };
}
