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
import { analyserNombre, cents, montantLigne, ratio, subCents } from "../core/money";
import { decimalFr } from "../core/util/texte";
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
    const a = typeof categorie === "string" ? analyserNombre(categorie.replace(/%\s*$/, "")) : undefined;
    if (!t && a?.type === "ambigu") {
      const [d, m] = [a.decimale, a.milliers].map((v) => decimalFr(v.toFixed()));
      throw erreurValeur(
        `L'argument « categorie » (« ${categorie} ») peut se lire ${d} ou ${m} : écrivez-le sans ambiguïté (« ${d} % »).`,
      );
    }
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

import { plafondMinute as plafondMinuteCore } from "../core/creditImpot/calculerCreditSurBase";
import { creditImpotSurBase } from "../app/commandes/creditSurBase";

/**
 * Crédit d'impôt (cinéma, audiovisuel, international) sur une base de dépenses éligibles en France : taux de
 * l'année, conditions (coût et durée minimaux) et plafonds (par minute, 30 M€, 80 % du budget, aides publiques).
 * @customfunction CREDIT.IMPOT
 * @param regime Régime : cinema, audiovisuel ou international
 * @param genre Genre : fiction, documentaire ou animation
 * @param base Dépenses éligibles engagées en France, en euros
 * @param [duree] Durée de l'œuvre en minutes (obligatoire pour l'audiovisuel)
 * @param [cout_total] Coût total de l'œuvre en euros (hors frais généraux et imprévus pour l'audiovisuel)
 * @param [annee] Année des dépenses (par défaut l'année en cours)
 * @param [langue] Cinéma : langue de l'œuvre, francais ou etrangere (sans elle, taux de base de 20 %)
 * @param [subventions] Subventions publiques déduites de la base, en euros (avant ou après le plafond de 80 % du budget selon le crédit)
 * @returns Le crédit d'impôt en euros, exact au centime (0 si une condition d'éligibilité n'est pas remplie).
 */
export function creditImpot(
  regime: number | string,
  genre: number | string,
  base: number | string,
  duree?: number | string | null,
  cout_total?: number | string | null,
  annee?: number | string | null,
  langue?: number | string | null,
  subventions?: number | string | null,
): number {
  try {
    const r = creditImpotSurBase({
      regime: lireTexte(regime, "regime"),
      genre: lireTexte(genre, "genre"),
      base: lireMontant(base, "base", { positif: true }),
      dureeMinutes: optionnel(duree, (v) => lireNombre(v, "duree", { positif: true, nonNul: true }).toNumber()),
      coutTotal: optionnel(cout_total, (v) => lireMontant(v, "cout_total", { positif: true })),
      annee: optionnel(annee, (v) => lireEntier(v, "annee", 1990, 2100)) ?? new Date().getFullYear(),
      langue: optionnel(langue, (v) => lireTexte(v, "langue")),
      subventionsPubliques: optionnel(subventions, (v) => lireMontant(v, "subventions", { positif: true })),
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
export function plafondMinute(
  genre: number | string,
  cout_par_minute: number | string,
  annee?: number | string | null,
): number {
  try {
    const a = optionnel(annee, (v) => lireEntier(v, "annee", 1990, 2100)) ?? new Date().getFullYear();
    return versEuros(
      plafondMinuteCore(
        lireTexte(genre, "genre"),
        lireMontant(cout_par_minute, "cout_par_minute", { positif: true }),
        a,
      ),
    );
  } catch (e) {
    throw enErreurExcel(e);
  }
}

// ─── Planning ───────────────────────────────────────────────────────────────────────────────────────────

import { dateRetro, joursOuvres as joursOuvresCore, ZONES, type Zone } from "../core/planning/calendrier";
import { dateDepuisValeur } from "../core/planning/dates";
import { serieDepuisIso } from "../core/util/serieExcel";

function lireZone(v: number | string | null | undefined): Zone {
  const z = optionnel(v ?? null, (x) => lireTexte(x, "zone").toLowerCase());
  if (z === undefined) return "metropole";
  const n = z.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (!(ZONES as readonly string[]).includes(n))
    throw erreurValeur(`Zone inconnue « ${z} » : metropole ou alsace-moselle.`);
  return n as Zone;
}

/**
 * Nombre de jours ouvrés entre deux dates incluses : week-ends et jours fériés français exclus (Alsace-Moselle en
 * option). Négatif si fin précède début, comme NB.JOURS.OUVRES.
 * @customfunction JOURS.OUVRES
 * @param debut Date de début (incluse)
 * @param fin Date de fin (incluse)
 * @param [zone] metropole (par défaut) ou alsace-moselle (Vendredi saint et 26 décembre fériés)
 * @returns Le nombre de jours ouvrés.
 */
export function joursOuvres(debut: number | string, fin: number | string, zone?: number | string | null): number {
  try {
    return joursOuvresCore(
      dateDepuisValeur(lireTexteOuNombre(debut, "debut"), "debut"),
      dateDepuisValeur(lireTexteOuNombre(fin, "fin"), "fin"),
      lireZone(zone),
    );
  } catch (e) {
    throw enErreurExcel(e);
  }
}

/**
 * Date de début d'une tâche de n jours ouvrés qui se termine à la date donnée (incluse) : rétroplanning depuis une
 * livraison. Une fin tombant un jour chômé est d'abord ramenée au jour ouvré précédent.
 * @customfunction DATE.RETRO
 * @param date_fin Date de fin de la tâche (livraison, PAD)
 * @param jours_ouvres Durée de la tâche en jours ouvrés (0 : le jour ouvré précédant la date de fin)
 * @param [zone] metropole (par défaut) ou alsace-moselle
 * @returns La date de début (numéro de série Excel, à afficher au format date).
 */
export function dateRetroPlanning(
  date_fin: number | string,
  jours_ouvres: number | string,
  zone?: number | string | null,
): number {
  try {
    const n = lireEntier(jours_ouvres, "jours_ouvres", 0, 100000);
    return serieDepuisIso(
      dateRetro(dateDepuisValeur(lireTexteOuNombre(date_fin, "date_fin"), "date_fin"), n, lireZone(zone)),
    );
  } catch (e) {
    throw enErreurExcel(e);
  }
}

function lireTexteOuNombre(v: number | string | null | undefined, nom: string): number | string {
  if (typeof v === "number") return v;
  // A TRUE cell given for a date: said as Excel shows it, not « true ».
  if (typeof v === "boolean")
    throw erreurValeur(`L'argument « ${nom} » vaut ${v ? "VRAI" : "FAUX"} : une date est attendue.`);
  return lireTexte(v ?? null, nom);
}

// ─── Financement ────────────────────────────────────────────────────────────────────────────────────────

import {
  ArgumentFinancementError,
  intensiteAides as intensiteAidesCore,
  resteAFinancer as resteAFinancerCore,
} from "../core/financement/fonctions";

function erreurFinancement(e: unknown): CustomFunctions.Error {
  return e instanceof ArgumentFinancementError ? erreurValeur(e.message) : enErreurExcel(e);
}

/**
 * Intensité des aides publiques : total des montants dont la catégorie est une aide publique (CNC, régions,
 * Europe, crédit d'impôt…) divisé par le coût total. Catégories : identifiant, libellé ou nature en clair («
 * Région Bretagne », « SOFICA », « préachat »).
 * @customfunction INTENSITE.AIDES
 * @param montants Plage des montants des sources de financement
 * @param categories Plage des catégories ou natures, de même taille que les montants
 * @param cout_total Coût total de production (devis), participation française en coproduction internationale
 * @returns La part des aides publiques dans le coût (à afficher en pourcentage).
 */
export function intensiteAidesPubliques(
  montants: number[][],
  categories: string[][],
  cout_total: number | string,
): number {
  try {
    return versRatio(
      intensiteAidesCore(
        montants,
        categories,
        lireMontant(cout_total, "cout_total"),
        new Date().toISOString().slice(0, 10),
      ),
    );
  } catch (e) {
    throw erreurFinancement(e);
  }
}

/**
 * Reste à financer : coût total moins la somme des financements, au centime près (négatif : excédent de financement).
 * @customfunction RESTE.A.FINANCER
 * @param montants Plage des montants des sources de financement
 * @param cout_total Coût total de production (devis)
 * @returns Le montant restant à financer, en euros.
 */
export function resteAFinancer(montants: number[][], cout_total: number | string): number {
  try {
    return versEuros(resteAFinancerCore(montants, lireMontant(cout_total, "cout_total")));
  } catch (e) {
    throw erreurFinancement(e);
  }
}
