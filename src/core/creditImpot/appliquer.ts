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

export type { Assiette } from "./contexteCalcul";
export { plafondParMinute } from "./audiovisuel";

export interface CalculCredit {
  taux: Decimal;
  /** The base the rate applied to (after the 80 % cap of the cinema and audiovisual credits). */
  base: Cents;
  plafondBase?: PlafondBase;
  /** Cinema and audiovisual: the subsidies deducted after the 80 % cap (220 sexies V). */
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

  const plafondBase = plafonnerBase(ctx);
  const basePlafonnee = plafondBase?.applique ? plafondBase.montant : a.base;
  const subventions = deduireSubventions(ctx, basePlafonnee, plafondBase);
  const base = subventions ? cents(basePlafonnee - subventions.deduit) : basePlafonnee;
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
    return { nom: p.nom, montant: p.montant, applique, ...(p.detail ? { detail: p.detail } : {}) };
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
function plafonnerBase(ctx: Ctx): PlafondBase | undefined {
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
  const applique = a.base > montant;
  const detail = `${formatPourcentFr(part, 0)} × budget de production ${formatMontantFr(a.budget)}`;
  if (applique)
    ctx.alertes.push(
      `Base plafonnée à ${formatPourcentFr(part, 0)} du budget de production (CGI art. 220 sexies, III-3) : dépenses ` +
        `éligibles ${formatMontantFr(a.base)} ramenées à ${formatMontantFr(montant)} (${detail}).`,
    );
  if (opts.partFinancementEtranger !== undefined)
    ctx.alertes.push(
      `Coproduction internationale : la base est plafonnée à ${formatPourcentFr(part, 0)} de la part gérée par le ` +
        `coproducteur français, que Prodbook ne connaît pas ; plafond calculé sur le budget total — à vérifier.`,
    );
  return { part: part.toString(), budget: a.budget, montant, baseAvant: a.base, applique, detail };
}

/**
 * CGI 220 sexies V (cinema and audiovisual), read in its wording of 12 December 2013: « les subventions publiques non
 * remboursables reçues par les entreprises et directement affectées aux dépenses visées au III sont déduites des bases
 * de calcul du crédit d'impôt ». The amount is the user's (which aids are such subsidies is theirs to say), deducted
 * at most down to a nil base. The text does not say whether before or after the 80 % cap of the base (III-3): they are
 * deducted after it (the lower base), and an alert gives the base in the other order when it differs. The
 * international credit deducts its subsidies before (calculerCreditImpot).
 */
function deduireSubventions(ctx: Ctx, base: Cents, pb: PlafondBase | undefined): SubventionsDeduites | undefined {
  const { opts, figures } = ctx;
  const montant = opts.subventionsPubliques;
  if (opts.regime === "international" || montant === undefined) return undefined;
  const r = exiger(T.subventions, ctx);
  figures.table(
    "credit-impot.subventions",
    "Subventions publiques déduites de la base (CGI art. 220 sexies, V)",
    r,
    r.version.valeurs.remboursablesDeduites
      ? "remboursables ou non"
      : "non remboursables, directement affectées aux dépenses éligibles",
  );
  const deduit = cents(Math.min(base, montant));
  const apres = cents(base - deduit);
  if (montant > base)
    ctx.alertes.push(
      `Subventions publiques (${formatMontantFr(montant)}) supérieures à la base (${formatMontantFr(base)}) : ` +
        `base ramenée à ${formatMontantFr(cents(0))}.`,
    );
  if (pb?.applique) {
    const autre = cents(Math.min(pb.montant, Math.max(0, pb.baseAvant - montant)));
    if (autre !== apres)
      ctx.alertes.push(
        `Subventions publiques déduites après le plafond de la base : ${formatMontantFr(pb.montant)} − ` +
          `${formatMontantFr(deduit)} = ${formatMontantFr(apres)}. Le CGI (art. 220 sexies, III-3 et V) ne dit pas ` +
          `dans quel ordre ; déduites des dépenses éligibles avant ce plafond, la base serait ${formatMontantFr(autre)} ` +
          `— à vérifier avec votre expert-comptable.`,
      );
  }
  return {
    montant,
    deduit,
    baseAvant: base,
    detail:
      `${formatMontantFr(montant)} de subventions publiques non remboursables directement affectées aux dépenses ` +
      `éligibles (CGI art. 220 sexies, V)${pb?.applique ? ", déduites après le plafond de la base" : ""}`,
  };
}
