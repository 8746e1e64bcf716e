import type { RegimeCredit } from "../core/creditImpot/modele";
import type { OrigineDuree, TypeOeuvre } from "../core/devis/model";
import type { ContexteDetecte, ContexteProduction } from "../core/production/contexte";
import { saisieDuree, saisieMontant } from "../core/money/saisie";
import { ErreurDonnees } from "../core/erreurs";
import type { OptionsDevis } from "./commandes/devis";
import type { OptionsFinancementPane } from "./commandes/financement";

/**
 * What the production context means for the use cases, for the pane's pages and the « Tableau de bord » alike
 * (one reading of the context, not one per page).
 */

/** The tax-credit regime a page starts from: the one chosen, else the kind of work. */
export const regimeDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): RegimeCredit =>
  c.regime ?? c.oeuvre ?? "audiovisuel";

/**
 * The kind of work (financing plan ceilings): the one chosen, else the regime's (cinéma for the cinema and
 * international credits). With neither, audiovisuel, as regimeDe: the Financement page and the Crédit d'impôt page
 * of one production never start one on « Cinéma », the other on « Audiovisuel ».
 */
export const oeuvreDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): TypeOeuvre =>
  c.oeuvre ?? (regimeDe(c) === "audiovisuel" ? "audiovisuel" : "cinema");

/** The current year, the default year of expenses. */
export const anneeCourante = () => String(new Date().getFullYear());

/**
 * The duration of the production context in minutes; undefined when not given. Read by the shared parser: « 1.500 »
 * (1,5 or 1 500 minutes?) and what is not a positive number are refused in French.
 */
export function dureeDe(c: ContexteProduction): number | undefined {
  const s = saisieDuree(c.duree ?? "");
  if (s.type === "refus") throw new ErreurDonnees(`Durée (minutes) : ${s.message}`);
  return s.type === "ok" ? s.valeur.toNumber() : undefined;
}

/** A duration typed by the user (pane context, CLI option): what its trace says when no cell holds it. */
export const DUREE_SAISIE: OrigineDuree = { formule: "durée saisie" };

/**
 * Where the context's duration comes from, for its trace: the cell it was detected in when the context still holds
 * that value (« durée lue dans le classeur »), else typed (« durée saisie »); undefined without a duration.
 */
export function origineDureeDe(c: ContexteProduction, detecte?: ContexteDetecte): OrigineDuree | undefined {
  // Never refuses: the duration itself is checked by dureeDe (or the page's field).
  if (saisieDuree(c.duree ?? "").type !== "ok") return undefined;
  const cellule = detecte?.sources.duree;
  if (cellule && detecte?.valeurs.duree === c.duree) return { formule: "durée lue dans le classeur", cellule };
  return DUREE_SAISIE;
}

/** The origin a use case gives a duration: the one handed in, else typed; none without a duration. */
export function origineDuree(a: { dureeMinutes?: number; origineDuree?: OrigineDuree }): OrigineDuree | undefined {
  return a.dureeMinutes === undefined ? undefined : (a.origineDuree ?? DUREE_SAISIE);
}

/**
 * The devis options of the production context (the duration with the cell it was detected in, `detecte`); a duration
 * that is not a positive number is refused in French.
 */
export function optionsDevisDe(c: ContexteProduction, detecte?: ContexteDetecte): OptionsDevis {
  const origine = origineDureeDe(c, detecte);
  return {
    feuille: c.feuilleDevis || undefined,
    genre: c.genre,
    dureeMinutes: dureeDe(c),
    ...(origine ? { origineDuree: origine } : {}),
    typeOeuvre: c.oeuvre,
    // Declared for a cinema work only (the pane's box makes the work « cinéma »); never assumed.
    ...(c.annexe3097 && c.oeuvre === "cinema" ? { annexe3097: true } : {}),
  };
}

/** An amount of the context (euros as typed) in cents; undefined when empty; refused in French, the field named. */
function montantDe(texte: string | undefined, champ: string, regle: { positif?: boolean; nonNegatif?: boolean }) {
  const s = saisieMontant(texte ?? "", regle);
  if (s.type === "refus") throw new ErreurDonnees(`${champ} : ${s.message}`);
  return s.type === "ok" ? s.valeur : undefined;
}

/**
 * The production's public subsidies in cents (deducted from the tax credit's base), undefined when none was typed; refused
 * in French, the field named. The Crédit d'impôt page, the credit added to the plan and the « Tableau de bord » all take
 * this one figure.
 */
export const subventionsDe = (c: ContexteProduction) =>
  montantDe(c.subventions, "Subventions publiques (€)", { nonNegatif: true });

/**
 * The financing options of the production context, for the Financement page and the « Tableau de bord » alike (one
 * reading, one verdict): the plan sheet chosen, the cost typed (else the devis'), the kind of work and the ceiling's
 * derogation declared (first or second film in cinema, « œuvre difficile » in audiovisual), the crédit d'impôt added
 * with its language and subsidies. A cost, subsidies or duration that cannot be read is refused in French, except
 * the duration with `dureeTolerante` (the dashboard says it in the devis block and leaves the threshold unchecked).
 */
export function optionsFinancementDe(
  c: ContexteProduction,
  detecte?: ContexteDetecte,
  { dureeTolerante = false } = {},
): OptionsFinancementPane {
  const oeuvre = oeuvreDe(c);
  const creditImpot = c.creditImpotPlan === true;
  const cout = montantDe(c.coutProduction, "Coût de production (€)", { positif: true });
  let duree: number | undefined;
  if (oeuvre === "audiovisuel" || creditImpot) {
    try {
      duree = dureeDe(c);
    } catch (e) {
      if (!dureeTolerante) throw e;
    }
  }
  // Where it comes from (the cell it was detected in, else « durée saisie »): named by the figures' trees.
  const origine = duree !== undefined ? origineDureeDe(c, detecte) : undefined;
  return {
    feuille: c.feuilleFinancement || undefined,
    feuilleDevis: cout === undefined ? c.feuilleDevis || undefined : undefined,
    cout,
    typeOeuvre: oeuvre,
    // The production's genre and duration, where they count: the audiovisual small-budget threshold is per hour, the
    // FSA checks of an audiovisual work (broadcasters' cash floor per hour, reduced share) are the genre's, and the tax
    // credit added to the plan is the genre's (a documentary is not computed as a fiction). In cinema without the
    // credit the genre has no effect (the use case would say so): not passed.
    genre: oeuvre === "audiovisuel" || creditImpot ? c.genre : undefined,
    dureeMinutes: duree,
    ...(origine ? { origineDuree: origine } : {}),
    premierOuDeuxiemeFilm: oeuvre === "cinema" && c.premierFilm === true,
    oeuvreDifficile: oeuvre === "audiovisuel" && c.oeuvreDifficile === true,
    creditImpot: creditImpot ? oeuvre : undefined,
    langue: creditImpot && oeuvre === "cinema" ? c.langue : undefined,
    subventionsPubliques: creditImpot ? subventionsDe(c) : undefined,
    // The year of the expenses given on the Crédit d'impôt page: the plan's credit is that year's, as the dashboard's.
    ...(creditImpot && /^[1-9]\d{3}$/.test((c.annee ?? "").trim()) ? { annee: Number(c.annee!.trim()) } : {}),
  };
}
