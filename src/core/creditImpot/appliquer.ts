import Decimal from "decimal.js";
import { type Cents, cents, formatMontantFr, formatPourcentFr, multiplyCents } from "../money";
import type { TableRegles } from "../regles/table";
import type { Figures } from "./figures";
import { type Condition, CreditImpotError, type GenreCredit, type OptionsCreditImpot, type Plafond } from "./modele";
import { periodes, regleAnnee, type RegleDatee, TABLES_CREDIT_IMPOT } from "./regles";

/** What the credit is computed on, whether it comes from a devis or from a custom function's arguments. */
export interface Assiette {
  base: Cents;
  /** Production budget (devis total): 80 % cap, public-aid ceiling, international minimum. */
  budget?: Cents;
  /** Cost hors frais généraux et imprévus: cost per minute for the audiovisual minimum and fiction tranche. */
  coutHorsFrais?: Cents;
  dureeMinutes?: number;
  /** International: eligible spend in France before subsidies are deducted (minimum-spend condition); default = base. */
  depensesFrance?: Cents;
}

export interface CalculCredit {
  taux: Decimal;
  creditAvantPlafonds: Cents;
  plafonds: Plafond[];
  credit: Cents;
  conditions: Condition[];
  alertes: string[];
  coutMinute?: Cents;
}

const NOMS_REGIME = { cinema: "cinéma", audiovisuel: "audiovisuel", international: "international" } as const;

function exiger<V>(table: TableRegles<V>, annee: number, regime: string): RegleDatee<V> {
  const r = regleAnnee(table, annee);
  if (!r)
    throw new CreditImpotError(
      `Aucune règle « ${table.id} » du crédit d'impôt ${regime} en vigueur en ${annee} (périodes couvertes : ${periodes(table)}).`,
    );
  return r;
}

/** Cost per minute in cents, exact (comparisons use it; display rounds half-up). */
function parMinute(c: Cents, duree: number): Decimal {
  return new Decimal(c).dividedBy(duree);
}

/** Rate, eligibility conditions and every cap in turn. The base is already computed. */
export function appliquerCredit(a: Assiette, opts: OptionsCreditImpot, figures: Figures): CalculCredit {
  const regime = NOMS_REGIME[opts.regime];
  if (!NOMS_REGIME[opts.regime])
    throw new CreditImpotError(
      `Régime de crédit d'impôt inconnu « ${opts.regime} » (cinema, audiovisuel ou international).`,
    );
  const conditions: Condition[] = [];
  const alertes: string[] = [];
  const plafonds: { nom: string; montant: Cents; detail?: string }[] = [];
  let taux: Decimal;
  let coutMinute: Decimal | undefined;
  const duree = a.dureeMinutes;
  if (duree !== undefined && !(duree > 0))
    throw new CreditImpotError(`Durée invalide « ${duree} » : un nombre de minutes > 0 est attendu.`);
  if (duree !== undefined && a.coutHorsFrais !== undefined) coutMinute = parMinute(a.coutHorsFrais, duree);

  if (opts.regime === "audiovisuel") {
    if (duree === undefined)
      throw new CreditImpotError(
        "Le crédit d'impôt audiovisuel est plafonné par minute : indiquez la durée de l'œuvre en minutes.",
      );
    const g = opts.genre;
    const rt = exiger(TABLES_CREDIT_IMPOT.audiovisuel, opts.annee, regime);
    taux = figures.taux(`credit-impot.audiovisuel.taux.${g}`, `Taux ${g}`, rt, rt.version.valeurs[g]);
    const rm = exiger(TABLES_CREDIT_IMPOT.minimum, opts.annee, regime);
    const min = rm.version.valeurs[g];
    if (min.dureeMinutes !== undefined) {
      const dmin = figures.nombre(
        `credit-impot.audiovisuel.duree-minimum.${g}`,
        `Durée minimale ${g}`,
        rm,
        min.dureeMinutes,
        "min",
      );
      conditions.push({
        nom: "durée minimale",
        remplie: dmin.lessThanOrEqualTo(duree),
        detail: `durée ${duree} min, minimum ${dmin} min (${g})`,
      });
    }
    const long = min.auDelaDe && duree > min.auDelaDe.dureeMinutes ? min.auDelaDe : undefined;
    const jeunesse = opts.jeunesse && min.jeunesse ? min.jeunesse : undefined;
    if (opts.jeunesse && g !== "fiction")
      alertes.push(`Œuvre jeunesse : seul le minimum de la fiction en dépend ; ignoré pour le genre ${g}.`);
    const cmin = long
      ? figures.montant(
          `credit-impot.audiovisuel.minimum-minute.${g}-plus-${long.dureeMinutes}`,
          `Coût minimal par minute ${g} de plus de ${long.dureeMinutes} min`,
          rm,
          long.coutMinute,
        )
      : jeunesse
        ? figures.montant(
            `credit-impot.audiovisuel.minimum-minute.${g}-jeunesse`,
            `Coût minimal par minute ${g} jeunesse (hors FG et imprévus)`,
            rm,
            jeunesse.coutMinute,
          )
        : figures.montant(
            `credit-impot.audiovisuel.minimum-minute.${g}`,
            `Coût minimal par minute ${g} (hors FG et imprévus)`,
            rm,
            min.coutMinute,
          );
    if (coutMinute === undefined) {
      alertes.push(`Coût de l'œuvre non fourni : le coût minimal de ${formatMontantFr(cmin)}/min n'a pas été vérifié.`);
    } else {
      const cm = arrondi(coutMinute);
      conditions.push({
        nom: "coût minimal par minute",
        remplie: coutMinute.greaterThanOrEqualTo(cmin),
        detail:
          `coût hors frais généraux et imprévus ${formatMontantFr(cm)}/min, minimum ${formatMontantFr(cmin)}/min (${g}` +
          `${jeunesse ? " jeunesse" : ""})`,
      });
    }
    const plafondMinute = plafondParMinute(g, coutMinute, opts.annee, figures, opts.partFinancementEtranger);
    const copro =
      g === "fiction" && coutMinute !== undefined
        ? regleAnnee(TABLES_CREDIT_IMPOT.minuteCoproduction, opts.annee)
        : undefined;
    if (
      copro &&
      opts.partFinancementEtranger === undefined &&
      coutMinute!.greaterThanOrEqualTo(eurosDec(copro.version.valeurs.coutMinuteMin))
    ) {
      alertes.push(
        `Coût de ${formatMontantFr(arrondi(coutMinute!))}/min : en coproduction internationale ` +
          `financée à ${formatPourcentFr(copro.version.valeurs.partEtrangereMin, 0)} au moins par l'étranger, le plafond ` +
          `passerait à ${formatMontantFr(copro.version.valeurs.plafond)}/min ; part de financement étranger non renseignée.`,
      );
    }
    plafonds.push({
      nom: "plafond par minute",
      montant: multiplyCents(plafondMinute, duree),
      detail: `${formatMontantFr(plafondMinute)}/min × ${duree} min`,
    });
    plafondAides(a, opts, figures, plafonds, alertes, regime);
  } else if (opts.regime === "cinema") {
    const rt = exiger(TABLES_CREDIT_IMPOT.cinema, opts.annee, regime);
    taux = figures.taux("credit-impot.cinema.taux", "Taux cinéma", rt, rt.version.valeurs.taux);
    const rp = exiger(TABLES_CREDIT_IMPOT.cinemaPlafond, opts.annee, regime);
    const p = figures.montant(
      "credit-impot.cinema.plafond-oeuvre",
      "Plafond par œuvre (cinéma)",
      rp,
      rp.version.valeurs.plafondOeuvre,
    );
    plafonds.push({ nom: "plafond par œuvre", montant: p });
    plafondAides(a, opts, figures, plafonds, alertes, regime);
  } else {
    const ri = exiger(TABLES_CREDIT_IMPOT.international, opts.annee, regime);
    const v = ri.version.valeurs;
    conditions.push({
      nom: "genre admis",
      remplie: v.genres.includes(opts.genre),
      detail: `${opts.genre} (admis : ${v.genres.join(", ")})`,
    });
    const france = a.depensesFrance ?? a.base;
    const petit = eurosDec(v.petitBudget);
    if (a.budget !== undefined && petit.greaterThan(a.budget)) {
      const part = figures.taux(
        "credit-impot.international.part-france-petit-budget",
        "Part minimale des dépenses en France (budget < 500 000 €)",
        ri,
        v.partFrancePetitBudget,
      );
      const min = multiplyCents(a.budget, part);
      conditions.push({
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
      conditions.push({
        nom: "dépenses minimales en France",
        remplie: france >= min,
        detail: `dépenses éligibles en France ${formatMontantFr(france)}, minimum ${formatMontantFr(min)}`,
      });
    }
    if (v.genresTournage.includes(opts.genre)) {
      const jmin = figures.nombre(
        "credit-impot.international.jours-tournage-france",
        "Jours de tournage minimum en France (prises de vues réelles)",
        ri,
        v.joursTournageFranceMin,
        "jours",
      );
      if (opts.joursTournageFrance === undefined)
        alertes.push(
          `Jours de tournage en France non renseignés : le minimum de ${jmin} jours des œuvres en prises de vues réelles n'a pas ` +
            `été vérifié.`,
        );
      else
        conditions.push({
          nom: "jours de tournage en France",
          remplie: jmin.lessThanOrEqualTo(opts.joursTournageFrance),
          detail: `${opts.joursTournageFrance} jour(s), minimum ${jmin} (${opts.genre} en prises de vues réelles)`,
        });
    }
    taux = figures.taux("credit-impot.international.taux", "Taux international", ri, v.taux);
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
        if (opts.partPlansVfx === undefined)
          alertes.push(
            `Taux majoré VFX retenu : part de plans VFX non fournie, ` +
              `condition ≥ ${formatPourcentFr(partMin)} supposée remplie — à vérifier.`,
          );
      } else {
        alertes.push(
          `Taux majoré VFX non retenu : dépenses VFX en ` +
            `France ${formatMontantFr(vfx)} (plus de ${formatMontantFr(seuil)} requis)` +
            `${partOk ? "" : ` ou part de plans VFX inférieure à ${formatPourcentFr(partMin)}`}.`,
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
      plafonds.push({
        nom: "plafond 80 % du budget",
        montant: multiplyCents(a.budget, part, taux),
        detail: `${formatPourcentFr(part)} × ${formatMontantFr(a.budget)} × ${formatPourcentFr(taux)}`,
      });
    }
    const p = figures.montant(
      "credit-impot.international.plafond-oeuvre",
      "Plafond par œuvre (international)",
      ri,
      v.plafondOeuvre,
    );
    plafonds.push({ nom: "plafond par œuvre", montant: p });
  }

  const creditAvantPlafonds = multiplyCents(a.base, taux);
  let credit = creditAvantPlafonds;
  const appliques: Plafond[] = plafonds.map((p) => {
    const applique = p.montant < credit;
    if (applique) credit = p.montant;
    return { ...p, applique };
  });
  const echecs = conditions.filter((c) => !c.remplie);
  for (const c of echecs) alertes.unshift(`Condition non remplie (${c.nom}) : ${c.detail} — crédit d'impôt nul.`);
  if (echecs.length) credit = cents(0);
  return {
    taux,
    creditAvantPlafonds,
    plafonds: appliques,
    credit,
    conditions,
    alertes,
    coutMinute: coutMinute && arrondi(coutMinute),
  };
}

function arrondi(d: Decimal): Cents {
  return cents(d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

function eurosDec(c: Cents): Decimal {
  return new Decimal(c);
}

/** €/min cap of the genre; fiction by cost-per-minute tranche (cost hors FG et imprévus). */
export function plafondParMinute(
  genre: GenreCredit,
  coutMinute: Decimal | undefined,
  annee: number,
  figures: Figures,
  partFinancementEtranger?: string,
): Cents {
  const cle = `credit-impot.audiovisuel.plafond-minute.${genre}`;
  if (genre === "fiction") {
    const r = exiger(TABLES_CREDIT_IMPOT.minuteFiction, annee, "audiovisuel");
    if (coutMinute === undefined)
      throw new CreditImpotError(
        "Fiction : le plafond par minute dépend du coût par minute ; indiquez le coût de l'œuvre.",
      );
    let tranche = r.version.valeurs.tranches[0];
    for (const t of r.version.valeurs.tranches)
      if (coutMinute.greaterThanOrEqualTo(eurosDec(t.coutMinuteDe))) tranche = t;
    const plafond = figures.montant(
      cle,
      `Plafond par minute fiction (coût ≥ ${formatMontantFr(tranche.coutMinuteDe)}/min)`,
      r,
      tranche.plafond,
    );
    const copro =
      partFinancementEtranger === undefined
        ? undefined
        : plafondCoproduction(coutMinute, annee, figures, partFinancementEtranger);
    return copro !== undefined && copro > plafond ? copro : plafond;
  }
  const table = genre === "documentaire" ? TABLES_CREDIT_IMPOT.minuteDocumentaire : TABLES_CREDIT_IMPOT.minuteAnimation;
  const r = exiger(table, annee, "audiovisuel");
  return figures.montant(cle, `Plafond par minute ${genre}`, r, r.version.valeurs.plafond);
}

/** The coproduction cap when both its conditions hold (foreign financing share, cost per minute), else undefined. */
function plafondCoproduction(coutMinute: Decimal, annee: number, figures: Figures, part: string): Cents | undefined {
  const p = new Decimal(part);
  if (!p.isFinite() || p.isNegative() || p.greaterThan(1))
    throw new CreditImpotError(
      `Part de financement étranger invalide « ${part} » : une part entre 0 et 1 (ou 0 à 100 %) est attendue.`,
    );
  const r = regleAnnee(TABLES_CREDIT_IMPOT.minuteCoproduction, annee);
  if (!r) return undefined;
  const v = r.version.valeurs;
  const partMin = figures.taux(
    "credit-impot.audiovisuel.coproduction.part-etrangere",
    "Part minimale de financement étranger (fiction en coproduction internationale)",
    r,
    v.partEtrangereMin,
  );
  const coutMin = figures.montant(
    "credit-impot.audiovisuel.coproduction.cout-minute",
    "Coût minimal par minute (fiction en coproduction internationale)",
    r,
    v.coutMinuteMin,
  );
  if (p.lessThan(partMin) || coutMinute.lessThan(coutMin)) return undefined;
  return figures.montant(
    "credit-impot.audiovisuel.plafond-minute.fiction-coproduction",
    "Plafond par minute fiction en coproduction internationale",
    r,
    v.plafond,
  );
}

/** 220 sexies: the credit may not take public aid above 50 % (60 % œuvres difficiles) of the budget. */
function plafondAides(
  a: Assiette,
  opts: OptionsCreditImpot,
  figures: Figures,
  plafonds: { nom: string; montant: Cents; detail?: string }[],
  alertes: string[],
  regime: string,
): void {
  if (a.budget === undefined) return;
  const r = exiger(TABLES_CREDIT_IMPOT.aidesPubliques, opts.annee, regime);
  const difficile = !!opts.oeuvreDifficile;
  const part = difficile
    ? figures.taux(
        "credit-impot.aides-publiques.plafond-difficile",
        "Plafond des aides publiques (œuvres difficiles et à petit budget)",
        r,
        r.version.valeurs.plafondDifficile,
      )
    : figures.taux("credit-impot.aides-publiques.plafond", "Plafond des aides publiques", r, r.version.valeurs.plafond);
  const autres = opts.autresAidesPubliques ?? cents(0);
  if (opts.autresAidesPubliques === undefined)
    alertes.push(
      `Autres aides publiques non renseignées : le plafond de ${formatPourcentFr(part)} du budget ne compte que le crédit d'impôt.`,
    );
  const m = multiplyCents(a.budget, part) - autres;
  plafonds.push({
    nom: `plafond des aides publiques (${formatPourcentFr(part, 0)} du budget)`,
    montant: cents(Math.max(0, m)),
    detail: `${formatPourcentFr(part)} × ${formatMontantFr(a.budget)} − autres aides ${formatMontantFr(autres)}`,
  });
}
