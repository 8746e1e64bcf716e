import Decimal from "decimal.js";
import { type Cents, cents, centsToDecimalString, formatMontantFr, formatPourcentFr, multiplyCents } from "../money";
import type { OrigineDuree } from "../devis/model";
import type { TableRegles } from "../regles/table";
import type { Figures } from "./figures";
import {
  AnneeNonCouverteError,
  type CalculPlafond,
  type Condition,
  type OptionsCreditImpot,
  type TermePlafond,
} from "./modele";
import { periodes, regleAnnee, type RegleDatee } from "./regles";

/** What the credit is computed on, whether it comes from a devis or from a custom function's arguments. */
export interface Assiette {
  base: Cents;
  /** Production budget (devis total): 80 % cap, public-aid ceiling, international minimum. */
  budget?: Cents;
  /** Cost hors frais généraux et imprévus: cost per minute for the audiovisual minimum and fiction tranche. */
  coutHorsFrais?: Cents;
  dureeMinutes?: number;
  /** Where the duration was taken (a cell, or typed), for the per-minute cap's trace. */
  origineDuree?: OrigineDuree;
  /** International: eligible spend in France before subsidies are deducted (minimum-spend condition); default = base. */
  depensesFrance?: Cents;
}

export interface PlafondBrut {
  nom: string;
  montant: Cents;
  detail?: string;
  /** The public-aid ceiling: only the fraction above it is taken back (CE_BARNEY), and the alert says so. */
  aides?: boolean;
  calcul?: CalculPlafond;
}

/** Terms of a cap's computation (its trace). */
export const termes = {
  /** A rule figure, by its key among the figures used (`Figures`). */
  regle: (libelle: string, cle: string, valeur: Decimal.Value, unite: "euros" | "taux"): TermePlafond => ({
    libelle,
    valeur: unite === "euros" ? new Decimal(valeur).dividedBy(100).toFixed(2) : new Decimal(valeur).toString(),
    unite,
    cle,
  }),
  duree: (minutes: number, origine?: OrigineDuree): TermePlafond => ({
    libelle: "Durée",
    valeur: new Decimal(minutes).toString(),
    unite: "minutes",
    origine: origine?.formule ?? "durée de l'œuvre",
    ...(origine?.cellule ? { cellule: origine.cellule } : {}),
  }),
  budget: (budget: Cents): TermePlafond => ({
    libelle: "Budget de production",
    valeur: centsToDecimalString(budget),
    unite: "euros",
    origine: "total du devis",
  }),
};

/** One calculation in progress: each regime adds its conditions, caps and alerts. */
export interface Ctx {
  a: Assiette;
  opts: OptionsCreditImpot;
  figures: Figures;
  conditions: Condition[];
  alertes: string[];
  plafonds: PlafondBrut[];
  /** Cost per minute in cents, exact (comparisons use it; display rounds half-up). */
  coutMinute?: Decimal;
  /**
   * International: the 80 % of the budget the base may not exceed (III-3), applied to the credit (a cap in
   * `plafonds`); the subsidies step names the base in the other order with it.
   */
  capAssiette?: { montant: Cents; libelle: string; part: string; budget: Cents };
}

export const NOMS_REGIME = { cinema: "cinéma", audiovisuel: "audiovisuel", international: "international" } as const;

/** The version in force for the expenditure year, or a French error naming the periods the table covers. */
export function exiger<V>(table: TableRegles<V>, ctx: Ctx): RegleDatee<V> {
  const r = regleAnnee(table, ctx.opts.annee);
  if (!r)
    throw new AnneeNonCouverteError(
      `Aucune règle « ${table.id} » du crédit d'impôt ${NOMS_REGIME[ctx.opts.regime]} en vigueur en ${ctx.opts.annee} ` +
        `(périodes couvertes : ${periodes(table)}).`,
      ctx.opts.annee,
      periodes(table),
    );
  return r;
}

export function arrondi(d: Decimal): Cents {
  return cents(d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/**
 * What exceeding the public-aid ceiling costs. CE 15 March 2023 n° 452317 (Barney Production) quashed the Paris
 * appeal court, which had taken the whole credit away; the ruling as reported by commentators (decision text not read
 * here): only the fraction above the ceiling is taken back. Hence « à vérifier ».
 */
export const CE_BARNEY =
  "Selon le Conseil d'État (15 mars 2023, n° 452317), un dépassement ne retire du crédit que la fraction qui excède " +
  "ce plafond, pas tout le crédit (décision lue dans des commentaires, à vérifier).";

/**
 * The public-aid ceiling: the credit may not take public aid (the other aids + the credit) above `part` of the
 * budget. `autres` undefined: only the credit is counted, and an alert says so.
 */
export function plafondAidesPubliques(
  ctx: Ctx,
  part: Decimal,
  clePart: string,
  autres: Cents | undefined,
  quoi: string,
): void {
  const budget = ctx.a.budget;
  if (budget === undefined) return;
  if (autres === undefined)
    ctx.alertes.push(
      `${quoi} non renseignées : le plafond de ${formatPourcentFr(part)} du budget ne compte que le crédit d'impôt.`,
    );
  const deja = autres ?? cents(0);
  const m = multiplyCents(budget, part) - deja;
  if (m <= 0)
    ctx.alertes.push(
      `Les autres aides publiques (${formatMontantFr(deja)}) atteignent déjà ${formatPourcentFr(part)} du budget ` +
        `(${formatMontantFr(budget)}) : aucun crédit ne peut s'y ajouter. ${CE_BARNEY}`,
    );
  ctx.plafonds.push({
    nom: `plafond des aides publiques (${formatPourcentFr(part, 0)} du budget)`,
    montant: cents(Math.max(0, m)),
    detail: `${formatPourcentFr(part)} × ${formatMontantFr(budget)} − autres aides ${formatMontantFr(deja)}`,
    aides: true,
    calcul: {
      facteurs: [termes.regle("Part maximale des aides publiques", clePart, part, "taux"), termes.budget(budget)],
      moins: {
        libelle: quoi,
        valeur: centsToDecimalString(deja),
        unite: "euros",
        origine: autres === undefined ? "non renseignées, comptées pour 0 : plafond à vérifier" : "montant indiqué",
      },
    },
  });
}
