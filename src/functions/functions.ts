/**
 * Prodbook custom functions, namespace PROD (=PROD.MONTANT(…)).
 *
 * ALL custom functions live in this one file: the metadata plugin generates functions.json and the
 * CustomFunctions.associate calls from it. Each function is a thin wrapper: parse the arguments with
 * ./arguments, call src/core, return euros exact to the cent. No state, no Excel writes.
 * Add yours at the end of the file, in a section for your domain (see docs/architecture.md).
 */
import Decimal from "decimal.js";
import { AucunTauxError, lireTaux, montantCharges, tauxCharges } from "../core/charges";
import { cents, montantLigne, ratio, subCents } from "../core/money";
import {
  enErreurExcel,
  erreurDivisionParZero,
  erreurIndisponible,
  erreurValeur,
  lireEntier,
  lireMontant,
  lireNombre,
  lireTexte,
  optionnel,
  versEuros,
  versRatio,
} from "./arguments";

// ─── Devis ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Montant d'une ligne de devis : quantité × nombre × taux, arrondi au centime (demi supérieur).
 * @customfunction MONTANT
 * @param quantite Quantité (jours, semaines, forfaits…)
 * @param nombre Nombre de personnes ou d'unités
 * @param taux Taux unitaire en euros
 * @returns Le montant en euros, exact au centime.
 */
export function montant(quantite: number | string, nombre: number | string, taux: number | string): number {
  try {
    const q = lireNombre(quantite, "quantite");
    const n = lireNombre(nombre, "nombre");
    const t = lireNombre(taux, "taux");
    return versEuros(montantLigne(q, n, t));
  } catch (e) {
    throw enErreurExcel(e);
  }
}

/**
 * Charges patronales sur un brut, au taux de la catégorie (table datée et sourcée ; un taux peut être donné à la place de la catégorie).
 * @customfunction CHARGES
 * @param brut Salaire ou droits bruts en euros
 * @param categorie Catégorie (technicien-intermittent, artiste-intermittent, auteur, permanent, cadre) ou taux (« 62 % », 0,62)
 * @param [annee] Année des taux (par défaut l'année en cours)
 * @returns Les charges patronales en euros, exactes au centime.
 */
export function charges(brut: number | string, categorie: number | string, annee?: number | string | null): number {
  try {
    const b = lireMontant(brut, "brut");
    const cat = lireTexte(categorie, "categorie");
    const a = optionnel(annee, (v) => lireEntier(v, "annee", 1990, 2100)) ?? new Date().getFullYear();
    return versEuros(montantCharges(b, tauxDeCategorie(typeof categorie === "number" ? categorie : cat, a)));
  } catch (e) {
    throw e instanceof AucunTauxError ? erreurIndisponible(e.message) : enErreurExcel(e);
  }
}

/** A category name, or a rate typed instead (how a workbook overrides the table: =PROD.CHARGES(B2; Paramètres!B5)). */
function tauxDeCategorie(categorie: string | number, annee: number): Decimal {
  if (typeof categorie === "number" || /\d/.test(categorie)) {
    const t = lireTaux(categorie);
    if (!t) throw erreurValeur(`L'argument « categorie » (« ${categorie} ») n'est pas un taux entre 0 et 100 %.`);
    return t;
  }
  // Mid-year: a rate that changed on 1 April (Congés Spectacles) applies to most of that year.
  return tauxCharges(categorie, `${annee}-07-01`).taux;
}

// ─── Écarts ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Écart entre le réel et le budget : réel − budget (positif = dépassement).
 * @customfunction ECART
 * @param budget Montant budgété en euros
 * @param reel Montant réel (réalisé ou estimé) en euros
 * @returns L'écart en euros, exact au centime.
 */
export function ecart(budget: number | string, reel: number | string): number {
  try {
    return versEuros(subCents(lireMontant(reel, "reel"), lireMontant(budget, "budget")));
  } catch (e) {
    throw enErreurExcel(e);
  }
}

/**
 * Écart relatif : (réel − budget) / budget, à afficher au format pourcentage.
 * @customfunction ECART.PCT
 * @param budget Montant budgété en euros (non nul)
 * @param reel Montant réel (réalisé ou estimé) en euros
 * @returns L'écart en fraction du budget (0,05 = 5 %).
 */
export function ecartPct(budget: number | string, reel: number | string): number {
  let r: Decimal | undefined;
  try {
    const b = lireMontant(budget, "budget");
    r = ratio(subCents(lireMontant(reel, "reel"), b), b);
  } catch (e) {
    throw enErreurExcel(e);
  }
  if (r === undefined) throw erreurDivisionParZero();
  return versRatio(r);
}

// ─── Coût à la minute ───────────────────────────────────────────────────────────────────────────────────

/**
 * Coût à la minute : total ÷ durée en minutes, arrondi au centime.
 * @customfunction COUT.MINUTE
 * @param total Coût total en euros
 * @param duree Durée de l'œuvre en minutes (positive)
 * @returns Le coût par minute en euros, exact au centime.
 */
export function coutMinute(total: number | string, duree: number | string): number {
  try {
    const t = lireMontant(total, "total");
    const d = lireNombre(duree, "duree", { positif: true, nonNul: true });
    return versEuros(cents(new Decimal(t).dividedBy(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()));
  } catch (e) {
    throw enErreurExcel(e);
  }
}

// ─── Crédit d'impôt ─────────────────────────────────────────────────────────────────────────────────────

import { calculerCreditSurBase, plafondMinute as plafondMinuteCore } from "../core/creditImpot/calculerCreditSurBase";

/**
 * Crédit d'impôt (cinéma, audiovisuel, international) sur une base de dépenses éligibles en France : taux de l'année, conditions (coût et durée minimaux) et plafonds (par minute, 30 M€, 80 % du budget, aides publiques).
 * @customfunction CREDIT.IMPOT
 * @param regime Régime : cinema, audiovisuel ou international
 * @param genre Genre : fiction, documentaire ou animation
 * @param base Dépenses éligibles engagées en France, en euros
 * @param [duree] Durée de l'œuvre en minutes (obligatoire pour l'audiovisuel)
 * @param [cout_total] Coût total de l'œuvre en euros (hors frais généraux et imprévus pour l'audiovisuel)
 * @param [annee] Année des dépenses (par défaut l'année en cours)
 * @returns Le crédit d'impôt en euros, exact au centime (0 si une condition d'éligibilité n'est pas remplie).
 */
export function creditImpot(
  regime: number | string,
  genre: number | string,
  base: number | string,
  duree?: number | string | null,
  cout_total?: number | string | null,
  annee?: number | string | null,
): number {
  try {
    const r = calculerCreditSurBase({
      regime: lireTexte(regime, "regime"),
      genre: lireTexte(genre, "genre"),
      base: lireMontant(base, "base"),
      dureeMinutes: optionnel(duree, (v) => lireNombre(v, "duree", { positif: true, nonNul: true }).toNumber()),
      coutTotal: optionnel(cout_total, (v) => lireMontant(v, "cout_total")),
      annee: optionnel(annee, (v) => lireEntier(v, "annee", 1990, 2100)) ?? new Date().getFullYear(),
    });
    return versEuros(r.credit);
  } catch (e) {
    throw enErreurExcel(e);
  }
}

/**
 * Plafond du crédit d'impôt audiovisuel par minute produite, selon le genre et (pour la fiction) le coût par minute.
 * @customfunction PLAFOND.MINUTE
 * @param genre Genre : fiction, documentaire ou animation
 * @param cout_par_minute Coût de l'œuvre par minute en euros (hors frais généraux et imprévus)
 * @param [annee] Année des dépenses (par défaut l'année en cours)
 * @returns Le plafond en euros par minute.
 */
export function plafondMinute(genre: number | string, cout_par_minute: number | string, annee?: number | string | null): number {
  try {
    const a = optionnel(annee, (v) => lireEntier(v, "annee", 1990, 2100)) ?? new Date().getFullYear();
    return versEuros(plafondMinuteCore(lireTexte(genre, "genre"), lireMontant(cout_par_minute, "cout_par_minute"), a));
  } catch (e) {
    throw enErreurExcel(e);
  }
}
