import Decimal from "decimal.js";
import { cents, formatMontantFr, formatPourcentFr, multiplyCents } from "../money";
import { plafondAidesSexies } from "./audiovisuel";
import { type Ctx, exiger, plafondAidesPubliques, termes } from "./contexteCalcul";
import { TABLES_CREDIT_IMPOT as T } from "./regles";
import { pluriel } from "../util/texte";

/** 0.3 → « 30 % », 0.325 → « 32,50 % »: a rate in a cap's name, without trailing zero decimals. */
const pourcentCourt = (d: Decimal.Value): string => formatPourcentFr(d).replace(/,00(?=\u00a0%$)/, "");

/**
 * Cinema credit (220 sexies III-1): 30 % for animation, for works made wholly or mainly in French or a regional
 * language, and for fiction with at least 15 % of digitally processed shots (assimilated to animation); the base
 * rate (20 %) otherwise. A live-action work whose language is not given gets the base rate, with an alert.
 */
export function regleCinema(ctx: Ctx): Decimal {
  const { opts, figures } = ctx;
  const r = exiger(T.cinema, ctx);
  const v = r.version.valeurs;
  let vfx = false;
  if (opts.genre === "fiction" && opts.partPlansVfx !== undefined) {
    const seuil = figures.taux(
      "credit-impot.cinema.part-plans-vfx",
      "Part de plans truqués d'une fiction assimilée à l'animation",
      r,
      v.partPlansVfxAnimation,
    );
    vfx = new Decimal(opts.partPlansVfx).greaterThanOrEqualTo(seuil);
  }
  const majore = opts.genre === "animation" || opts.langue === "francais" || vfx;
  let taux: Decimal;
  if (majore) {
    taux = figures.taux(
      "credit-impot.cinema.taux-majore",
      "Taux cinéma majoré (animation, français ou langue régionale, effets visuels)",
      r,
      v.tauxMajore,
    );
  } else {
    taux = figures.taux("credit-impot.cinema.taux", "Taux cinéma de base", r, v.taux);
    if (opts.langue === undefined)
      ctx.alertes.push(
        `Langue de l'œuvre non renseignée : taux de base de ${formatPourcentFr(taux)} retenu ; une œuvre réalisée ` +
          `intégralement ou principalement en français ou dans une langue régionale a droit à ` +
          `${formatPourcentFr(v.tauxMajore)}.`,
      );
  }
  const rp = exiger(T.cinemaPlafond, ctx);
  const p = figures.montant(
    "credit-impot.cinema.plafond-oeuvre",
    "Plafond par œuvre (cinéma)",
    rp,
    rp.version.valeurs.plafondOeuvre,
  );
  ctx.plafonds.push({
    nom: "plafond par œuvre",
    montant: p,
    calcul: { facteurs: [termes.regle("Montant par œuvre", "credit-impot.cinema.plafond-oeuvre", p, "euros")] },
  });
  plafondAidesSexies(ctx);
  return taux;
}

/** International credit (220 quaterdecies): genre, minimum spend in France, shooting days, VFX rate, caps. */
export function regleInternational(ctx: Ctx): Decimal {
  const { a, opts, figures } = ctx;
  const ri = exiger(T.international, ctx);
  const v = ri.version.valeurs;
  ctx.conditions.push({
    nom: "genre admis",
    remplie: v.genres.includes(opts.genre),
    detail: `${opts.genre} (admis : ${v.genres.join(", ")})`,
  });
  const france = a.depensesFrance ?? a.base;
  if (a.budget !== undefined && a.budget < v.petitBudget) {
    const part = figures.taux(
      "credit-impot.international.part-france-petit-budget",
      "Part minimale des dépenses en France (budget < 500 000 €)",
      ri,
      v.partFrancePetitBudget,
    );
    const min = multiplyCents(a.budget, part);
    ctx.conditions.push({
      nom: "dépenses minimales en France",
      remplie: france >= min,
      detail:
        `dépenses éligibles en France ${formatMontantFr(france)}, minimum ${formatPourcentFr(part)} du budget soit ` +
        `${formatMontantFr(min)}`,
    });
  } else {
    const min = figures.montant(
      "credit-impot.international.minimum-france",
      "Dépenses éligibles minimales en France",
      ri,
      v.minimumFrance,
    );
    ctx.conditions.push({
      nom: "dépenses minimales en France",
      remplie: france >= min,
      detail: `dépenses éligibles en France ${formatMontantFr(france)}, minimum ${formatMontantFr(min)}`,
    });
  }
  joursPlausibles(ctx);
  if (v.genresTournage.includes(opts.genre)) joursTournage(ctx, ri, v.joursTournageFranceMin);
  let taux = figures.taux("credit-impot.international.taux", "Taux international", ri, v.taux);
  let cleTaux = "credit-impot.international.taux";
  const vfx = opts.depensesVfxFrance;
  if (vfx !== undefined && v.genresVfx.includes(opts.genre)) {
    const seuil = figures.montant(
      "credit-impot.international.seuil-vfx",
      "Dépenses VFX en France au-delà desquelles le taux majoré s'applique",
      ri,
      v.seuilVfxFrance,
    );
    const partMin = figures.taux(
      "credit-impot.international.part-plans-vfx",
      "Part minimale de plans VFX",
      ri,
      v.partPlansVfxMin,
    );
    const partOk = opts.partPlansVfx === undefined || new Decimal(opts.partPlansVfx).greaterThanOrEqualTo(partMin);
    if (vfx > seuil && partOk) {
      taux = figures.taux("credit-impot.international.taux-vfx", "Taux international majoré (VFX)", ri, v.tauxVfx);
      cleTaux = "credit-impot.international.taux-vfx";
      if (opts.partPlansVfx === undefined)
        ctx.alertes.push(
          `Taux majoré VFX retenu : part de plans VFX non fournie, ` +
            `condition ≥ ${formatPourcentFr(partMin)} supposée remplie — à vérifier.`,
        );
    } else {
      ctx.alertes.push(
        `Taux majoré VFX non retenu : dépenses VFX en France ${formatMontantFr(vfx)} (plus de ` +
          `${formatMontantFr(seuil)} requis)${partOk ? "" : ` ou part de plans VFX inférieure à ${formatPourcentFr(partMin)}`}.`,
      );
    }
  }
  if (a.budget !== undefined) {
    const part = figures.taux(
      "credit-impot.international.part-budget",
      "Part maximale du budget retenue dans la base",
      ri,
      v.partBudgetMax,
    );
    ctx.capAssiette = {
      montant: multiplyCents(a.budget, part),
      libelle: `${formatPourcentFr(part, 0)} du budget de production`,
      part: part.toString(),
      budget: a.budget,
    };
    ctx.plafonds.push({
      // What it computes: the rate times the part of the budget (« plafond 30 % × 80 % du budget de production »).
      nom: `plafond ${pourcentCourt(taux)} × ${pourcentCourt(part)} du budget de production`,
      montant: multiplyCents(a.budget, part, taux),
      detail: `${formatPourcentFr(part)} × ${formatMontantFr(a.budget)} × ${formatPourcentFr(taux)}`,
      calcul: {
        facteurs: [
          termes.regle("Part maximale du budget", "credit-impot.international.part-budget", part, "taux"),
          termes.budget(a.budget),
          termes.regle("Taux", cleTaux, taux, "taux"),
        ],
      },
    });
  }
  const p = figures.montant(
    "credit-impot.international.plafond-oeuvre",
    "Plafond par œuvre (international)",
    ri,
    v.plafondOeuvre,
  );
  ctx.plafonds.push({
    nom: "plafond par œuvre",
    montant: p,
    calcul: {
      facteurs: [termes.regle("Montant par œuvre", "credit-impot.international.plafond-oeuvre", p, "euros")],
    },
  });
  const partAides = figures.taux(
    "credit-impot.international.plafond-aides-publiques",
    "Plafond des aides publiques (international)",
    ri,
    v.plafondAidesPubliques,
  );
  const connues = opts.subventionsPubliques !== undefined || opts.autresAidesPubliques !== undefined;
  const autres = connues ? cents((opts.subventionsPubliques ?? 0) + (opts.autresAidesPubliques ?? 0)) : undefined;
  plafondAidesPubliques(
    ctx,
    partAides,
    "credit-impot.international.plafond-aides-publiques",
    autres,
    "Subventions et autres aides publiques",
  );
  return taux;
}

/** A shoot of one year at most. */
const JOURS_MAX_SANS_PLAN = 366;

/**
 * Shooting days in France beyond what is plausible (the plan de travail's shooting days when the workbook has one,
 * else a year) are named, never capped nor dropped: « 99 999 jours de tournage en France : valeur à vérifier ».
 */
function joursPlausibles(ctx: Ctx): void {
  const jours = ctx.opts.joursTournageFrance;
  const plan = ctx.opts.joursPlanDeTravail;
  if (jours === undefined) return;
  if (plan ? jours > plan.jours : jours > JOURS_MAX_SANS_PLAN)
    ctx.alertes.push(
      `${pluriel(jours, "jour")} de tournage en France : valeur à vérifier (${
        plan
          ? `plus que les ${pluriel(plan.jours, "jour")} du plan de travail « ${plan.feuille} »`
          : `plus d'une année de tournage, ${JOURS_MAX_SANS_PLAN} jours`
      }).`,
    );
}

function joursTournage(ctx: Ctx, ri: Parameters<Ctx["figures"]["nombre"]>[2], min: number): void {
  const jmin = ctx.figures.nombre(
    "credit-impot.international.jours-tournage-france",
    "Jours de tournage minimum en France (prises de vues réelles)",
    ri,
    min,
    "jours",
  );
  const jours = ctx.opts.joursTournageFrance;
  if (jours === undefined)
    ctx.alertes.push(
      `Jours de tournage en France non renseignés : le minimum de ${pluriel(jmin.toNumber(), "jour")} des œuvres ` +
        `en prises de vues réelles n'a pas été vérifié.`,
    );
  else
    ctx.conditions.push({
      nom: "jours de tournage en France",
      remplie: jmin.lessThanOrEqualTo(jours),
      detail: `${pluriel(jours, "jour")}, minimum ${jmin} (${ctx.opts.genre} en prises de vues réelles)`,
    });
}
