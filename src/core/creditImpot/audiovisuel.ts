import Decimal from "decimal.js";
import { type Cents, cents, formatMontantFr, formatPourcentFr, multiplyCents } from "../money";
import { arrondi, type Ctx, exiger, plafondAidesPubliques, termes } from "./contexteCalcul";
import { CreditImpotError, type GenreCredit } from "./modele";
import { regleAnnee, TABLES_CREDIT_IMPOT as T } from "./regles";
import { minutesFr } from "../util/texte";

/**
 * Audiovisual credit (220 sexies): rate by genre, minimum conditions (D331-4 CCIA for fiction and animation: duration
 * and production cost per minute; 220 sexies II-3 for documentaries: duration and eligible spend per minute),
 * per-minute cap, public-aid ceiling. Returns the rate.
 */
export function regleAudiovisuel(ctx: Ctx): Decimal {
  const { opts, figures } = ctx;
  const duree = ctx.a.dureeMinutes;
  if (duree === undefined)
    throw new CreditImpotError(
      "Le crédit d'impôt audiovisuel est plafonné par minute : indiquez la durée de l'œuvre en minutes.",
    );
  const g = opts.genre;
  const rt = exiger(T.audiovisuel, ctx);
  const taux = figures.taux(`credit-impot.audiovisuel.taux.${g}`, `Taux ${g}`, rt, rt.version.valeurs[g]);
  if (opts.jeunesse && g !== "fiction")
    ctx.alertes.push(`Œuvre jeunesse : seul le minimum de la fiction en dépend ; ignoré pour le genre ${g}.`);
  if (g === "documentaire") minimumDocumentaire(ctx, duree);
  else minimumCout(ctx, g, duree);

  const { montant: plafondMinute, cle } = plafondParMinuteCle(g, ctx, opts.partFinancementEtranger);
  alerteCoproduction(ctx);
  ctx.plafonds.push({
    nom: "plafond par minute",
    montant: multiplyCents(plafondMinute, duree),
    detail: `${formatMontantFr(plafondMinute)}/min × ${minutesFr(duree)} min`,
    calcul: {
      facteurs: [
        // The figure of the table, named apart from the cap it gives (« Plafond par minute : 75 400,00 € »).
        termes.regle("Montant par minute", cle, plafondMinute, "euros"),
        termes.duree(duree, ctx.a.origineDuree),
      ],
    },
  });
  plafondAidesSexies(ctx);
  return taux;
}

function dureeMinimale(
  ctx: Ctx,
  g: GenreCredit,
  regle: Parameters<Ctx["figures"]["nombre"]>[2],
  min: number,
  duree: number,
) {
  const dmin = ctx.figures.nombre(
    `credit-impot.audiovisuel.duree-minimum.${g}`,
    `Durée minimale ${g}`,
    regle,
    min,
    "min",
  );
  ctx.conditions.push({
    nom: "durée minimale",
    remplie: dmin.lessThanOrEqualTo(duree),
    detail: `durée ${minutesFr(duree)} min, minimum ${minutesFr(dmin)} min (${g})`,
  });
}

/** Fiction (≥ 45 min, ≥ 5 000 €/min; youth fiction 3 000 €/min) and animation: production cost per minute. */
function minimumCout(ctx: Ctx, g: GenreCredit, duree: number): void {
  const { figures, opts } = ctx;
  const rm = exiger(g === "fiction" ? T.minimumFiction : T.minimumAnimation, ctx);
  dureeMinimale(ctx, g, rm, rm.version.valeurs.dureeMinutes, duree);
  const jeunesse = g === "fiction" && opts.jeunesse ? exiger(T.minimumJeunesse, ctx) : undefined;
  const cmin = jeunesse
    ? figures.montant(
        "credit-impot.audiovisuel.minimum-minute.fiction-jeunesse",
        "Coût minimal par minute d'une fiction jeunesse (hors FG et imprévus)",
        jeunesse,
        jeunesse.version.valeurs.coutMinute,
      )
    : figures.montant(
        `credit-impot.audiovisuel.minimum-minute.${g}`,
        `Coût minimal par minute ${g} (hors FG et imprévus)`,
        rm,
        rm.version.valeurs.coutMinute,
      );
  coutMinimal(ctx, cmin, `${g}${jeunesse ? " jeunesse" : ""}`, "");
}

/**
 * A per-minute figure compared with a minimum in whole cents, shown rounded down to the cent: the shown figure reaches
 * the minimum exactly when the figure does (103 999,99 € / 52 min is 1 999,99 €/min, not « 2 000,00 €/min » under a
 * minimum of 2 000,00 €/min).
 */
function parMinuteVue(d: Decimal): Cents {
  return cents(d.toDecimalPlaces(0, Decimal.ROUND_FLOOR).toNumber());
}

/**
 * The condition « coût minimal par minute » (cost without FG and imprévus), or the alert that it could not be checked
 * when the cost of the work is not given; `precision` follows the minimum in the alert.
 */
function coutMinimal(ctx: Ctx, cmin: Cents, genre: string, precision: string): void {
  if (ctx.coutMinute === undefined) {
    ctx.alertes.push(
      `Coût de l'œuvre non fourni : le coût minimal de ${formatMontantFr(cmin)}/min${precision} n'a pas été vérifié.`,
    );
    return;
  }
  ctx.conditions.push({
    nom: "coût minimal par minute",
    remplie: ctx.coutMinute.greaterThanOrEqualTo(cmin),
    detail:
      `coût hors frais généraux et imprévus ${formatMontantFr(parMinuteVue(ctx.coutMinute))}/min, minimum ` +
      `${formatMontantFr(cmin)}/min (${genre})`,
  });
}

/**
 * Documentary: 220 sexies II-3 tests the eligible spend per minute; D331-4, 2° adds a production cost per minute
 * (2 333 € in the wording of 2014).
 */
function minimumDocumentaire(ctx: Ctx, duree: number): void {
  const rm = exiger(T.minimumDocumentaire, ctx);
  dureeMinimale(ctx, "documentaire", rm, rm.version.valeurs.dureeMinutes, duree);
  const dmin = ctx.figures.montant(
    "credit-impot.audiovisuel.minimum-minute.documentaire",
    "Dépenses éligibles minimales par minute (documentaire)",
    rm,
    rm.version.valeurs.depensesMinute,
  );
  const parMinute = new Decimal(ctx.a.base).dividedBy(duree);
  ctx.conditions.push({
    nom: "dépenses éligibles minimales par minute",
    remplie: parMinute.greaterThanOrEqualTo(dmin),
    detail:
      `dépenses éligibles ${formatMontantFr(ctx.a.base)} / ${minutesFr(duree)} min = ${formatMontantFr(parMinuteVue(parMinute))}/min, ` +
      `minimum ${formatMontantFr(dmin)}/min (documentaire)`,
  });
  // D331-4, 2° (original wording, décret n° 2014-794): a production cost per minute, tested apart from the spend floor.
  const cmin = ctx.figures.montant(
    "credit-impot.audiovisuel.cout-minimum.documentaire",
    "Coût de production minimal par minute (documentaire, hors FG et imprévus)",
    rm,
    rm.version.valeurs.coutMinute,
  );
  coutMinimal(ctx, cmin, "documentaire", " (documentaire)");
}

/** The alert when a fiction could reach the coproduction cap but the foreign share is not given. */
function alerteCoproduction(ctx: Ctx): void {
  const cm = ctx.coutMinute;
  if (ctx.opts.genre !== "fiction" || cm === undefined || ctx.opts.partFinancementEtranger !== undefined) return;
  const copro = regleAnnee(T.minuteCoproduction, ctx.opts.annee);
  if (!copro || cm.lessThan(copro.version.valeurs.coutMinuteMin)) return;
  ctx.figures.consulter(copro);
  ctx.alertes.push(
    `Coût de ${formatMontantFr(arrondi(cm))}/min : en coproduction internationale financée à ` +
      `${formatPourcentFr(copro.version.valeurs.partEtrangereMin, 0)} au moins par l'étranger, le plafond passerait à ` +
      `${formatMontantFr(copro.version.valeurs.plafond)}/min ; part de financement étranger non renseignée.`,
  );
}

/** 220 sexies: the credit may not take public aid above 50 % (60 % œuvres difficiles et à petit budget) of the budget. */
export function plafondAidesSexies(ctx: Ctx): void {
  if (ctx.a.budget === undefined) return;
  const r = exiger(T.aidesPubliques, ctx);
  const clePart = ctx.opts.oeuvreDifficile
    ? "credit-impot.aides-publiques.plafond-difficile"
    : "credit-impot.aides-publiques.plafond";
  const part = ctx.opts.oeuvreDifficile
    ? ctx.figures.taux(
        "credit-impot.aides-publiques.plafond-difficile",
        "Plafond des aides publiques (œuvres difficiles et à petit budget)",
        r,
        r.version.valeurs.plafondDifficile,
      )
    : ctx.figures.taux(
        "credit-impot.aides-publiques.plafond",
        "Plafond des aides publiques",
        r,
        r.version.valeurs.plafond,
      );
  // The subsidies deducted from the base are public aids too (VII: « le montant total des aides publiques »).
  const { subventionsPubliques: sub, autresAidesPubliques: autres } = ctx.opts;
  if (sub !== undefined && autres === undefined)
    ctx.alertes.push(
      `Autres aides publiques non renseignées : le plafond de ${formatPourcentFr(part)} du budget ne compte que le ` +
        `crédit d'impôt et les subventions publiques saisies (${formatMontantFr(sub)}).`,
    );
  const aides = sub === undefined ? autres : cents(sub + (autres ?? 0));
  plafondAidesPubliques(ctx, part, clePart, aides, "Autres aides publiques");
}

/** €/min cap of the genre; fiction by cost-per-minute tranche (cost hors FG et imprévus). */
export function plafondParMinute(g: GenreCredit, ctx: Ctx, partFinancementEtranger?: string): Cents {
  return plafondParMinuteCle(g, ctx, partFinancementEtranger).montant;
}

/** The €/min cap and the key of the figure it is (the coproduction cap's when that one is higher). */
function plafondParMinuteCle(
  g: GenreCredit,
  ctx: Ctx,
  partFinancementEtranger?: string,
): { montant: Cents; cle: string } {
  const { figures, coutMinute } = ctx;
  const cle = `credit-impot.audiovisuel.plafond-minute.${g}`;
  if (g !== "fiction") {
    const r = exiger(g === "documentaire" ? T.minuteDocumentaire : T.minuteAnimation, ctx);
    return { montant: figures.montant(cle, `Plafond par minute ${g}`, r, r.version.valeurs.plafond), cle };
  }
  const r = exiger(T.minuteFiction, ctx);
  if (coutMinute === undefined)
    throw new CreditImpotError(
      "Fiction : le plafond par minute dépend du coût par minute ; indiquez le coût de l'œuvre.",
    );
  let tranche = r.version.valeurs.tranches[0];
  for (const t of r.version.valeurs.tranches) if (coutMinute.greaterThanOrEqualTo(t.coutMinuteDe)) tranche = t;
  const plafond = figures.montant(
    cle,
    `Plafond par minute fiction (coût ≥ ${formatMontantFr(tranche.coutMinuteDe)}/min)`,
    r,
    tranche.plafond,
  );
  const copro = partFinancementEtranger === undefined ? undefined : plafondCoproduction(ctx, partFinancementEtranger);
  return copro !== undefined && copro > plafond
    ? { montant: copro, cle: CLE_PLAFOND_COPRODUCTION }
    : { montant: plafond, cle };
}

const CLE_PLAFOND_COPRODUCTION = "credit-impot.audiovisuel.plafond-minute.fiction-coproduction";

/** The coproduction cap when both its conditions hold (foreign financing share, cost per minute), else undefined. */
function plafondCoproduction(ctx: Ctx, part: string): Cents | undefined {
  const p = new Decimal(part);
  if (!p.isFinite() || p.isNegative() || p.greaterThan(1))
    throw new CreditImpotError(
      `Part de financement étranger invalide « ${part} » : une part entre 0 et 1 (ou 0 à 100 %) est attendue.`,
    );
  const r = regleAnnee(T.minuteCoproduction, ctx.opts.annee);
  if (!r || ctx.coutMinute === undefined) return undefined;
  const v = r.version.valeurs;
  const partMin = ctx.figures.taux(
    "credit-impot.audiovisuel.coproduction.part-etrangere",
    "Part minimale de financement étranger (fiction en coproduction internationale)",
    r,
    v.partEtrangereMin,
  );
  const coutMin = ctx.figures.montant(
    "credit-impot.audiovisuel.coproduction.cout-minute",
    "Coût minimal par minute (fiction en coproduction internationale)",
    r,
    v.coutMinuteMin,
  );
  if (p.lessThan(partMin) || ctx.coutMinute.lessThan(coutMin)) return undefined;
  return ctx.figures.montant(
    CLE_PLAFOND_COPRODUCTION,
    "Plafond par minute fiction en coproduction internationale",
    r,
    v.plafond,
  );
}
