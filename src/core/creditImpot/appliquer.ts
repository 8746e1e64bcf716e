import Decimal from "decimal.js";
import { type Cents, cents, formatMontantFr, multiplyCents } from "../money";
import { regleAudiovisuel } from "./audiovisuel";
import { regleCinema, regleInternational } from "./cinemaInternational";
import { arrondi, type Assiette, CE_BARNEY, type Ctx, NOMS_REGIME } from "./contexteCalcul";
import type { Figures } from "./figures";
import { type Condition, CreditImpotError, type OptionsCreditImpot, type Plafond } from "./modele";

export type { Assiette } from "./contexteCalcul";
export { plafondParMinute } from "./audiovisuel";

export interface CalculCredit {
  taux: Decimal;
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

  const creditAvantPlafonds = multiplyCents(a.base, taux);
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
    creditAvantPlafonds,
    plafonds,
    credit,
    conditions: ctx.conditions,
    alertes: ctx.alertes,
    ...(ctx.coutMinute !== undefined ? { coutMinute: arrondi(ctx.coutMinute) } : {}),
  };
}
