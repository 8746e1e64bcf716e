import type { GenreCredit, LangueOeuvre, RegimeCredit } from "../../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { analyserFinancement, ResultatAnalyseFinancement } from "../../core/financement/analyser";
import { creditImpotPourPlan } from "../../core/financement/creditImpotPlan";
import { TABLE_FSA, TABLE_INTENSITE } from "../../core/financement/plafonds";
import { versionEnVigueur, type TableRegles } from "../../core/regles/table";
import {
  echeancierJson,
  resultatJson,
  type EcheancierJson,
  ResultatFinancementJson,
} from "../../core/financement/json";
import type { SourceNonClassee } from "../../core/financement/model";
import type { Cents } from "../../core/money";
import { tracesFinancement, type TracesFinancement } from "../../core/traces/financement";
import type { WorkbookPort } from "../../core/port/workbook";
import { invalide, verifierAnnee, verifierDate, verifierDuree } from "../arguments";
import { verifierDateRegles } from "../dateRegles";
import { verifierSubventions } from "./creditSurBase";
import { regleLisible, type RegleLisible } from "../presentationRegles";
import { traceAffichee, type TraceAffichee } from "../traces";
import type { OrigineDuree } from "../../core/devis/model";
import { origineDuree } from "../contexte";
import { avecDureeDuClasseur, type DureeEcrite } from "./production";
import { memoriserLectures } from "../lecturesMemorisees";
import { constatsParametresNonLus, DOMAINES_PARAMETRES } from "../parametresNonLus";
import { avecNomenclature } from "../../core/devis/nomenclature";
import { dateEnLettres, periodesEnLettres } from "../../core/util/texte";

export interface OptionsFinancementPane {
  feuille?: string;
  feuilleDevis?: string;
  /** Cost in cents, when typed in the pane. */
  cout?: Cents;
  typeOeuvre: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  premierOuDeuxiemeFilm: boolean;
  /** Audiovisual « œuvre difficile » (art. D331-17), declared by the producer. */
  oeuvreDifficile?: boolean;
  /** ISO date picking the rule versions (and the tax-credit year); today by default. */
  date?: string;
  /** The year of the expenses of the credit added to the plan (the production's, on the pane); else the date's year. */
  annee?: number;
  /** Add the devis' crédit d'impôt when the plan has none. */
  creditImpot?: RegimeCredit;
  /** Cinema credit: original language of the work (30 % French or regional language, 20 % otherwise). */
  langue?: LangueOeuvre;
  /**
   * The public subsidies deducted from the base of the credit added (with `creditImpot`), by the same step as the
   * tax-credit use case. The plan's public aids are named, never deducted without it.
   */
  subventionsPubliques?: Cents;
  /** « D'où vient ce chiffre ? »: add the traces of the plan's figures (CLI --explique). */
  explique?: boolean;
  /**
   * Without `dureeMinutes`, take the duration written in the workbook, with its cell (the CLI without --duree), where
   * the pane passes the context's: for an audiovisual work (its aid ceiling) or the crédit d'impôt computed on the devis.
   */
  dureeDuClasseur?: boolean;
  /** Where the duration was taken (a cell, typed): said by the CLI's text. */
  origineDuree?: OrigineDuree;
}

/** What the pane shows: the CLI's JSON figures plus where they come from. */
export interface ApercuFinancement extends ResultatFinancementJson {
  source: string;
  origineCout?: string;
  motifPlafond: string;
  nonClasses: SourceNonClassee[];
  besoinTresorerie: Cents;
  repartition: string;
  feuillesEcrites: string[];
  /** The rule tables read (categories, aid ceiling, FSA…), in French with their texts (« Détails et sources »). */
  textes: RegleLisible[];
  /** The échéancier month by month, as the CLI's JSON writes it (« Échéancier mois par mois »). */
  echeancier: EcheancierJson;
  /** How many cash payments have no date, how many contributions are no cash: left out of the échéancier. */
  horsEcheancier: { versementsSansDate: number; apportsNonNumeraires: number };
}

function apercu(r: ResultatAnalyseFinancement): ApercuFinancement {
  return {
    ...resultatJson(r),
    source: r.plan.feuille,
    origineCout: r.contexte.cout?.origine,
    motifPlafond: r.plafond.motif,
    nonClasses: r.plan.nonClasses,
    besoinTresorerie: r.echeancier.besoinMaximal,
    repartition: r.echeancier.repartition,
    feuillesEcrites: r.feuillesEcrites,
    textes: r.tables.map(regleLisible),
    echeancier: echeancierJson(r.sources, r.echeancier),
    horsEcheancier: {
      versementsSansDate: r.echeancier.versementsSansDate,
      apportsNonNumeraires: r.echeancier.apportsNonNumeraires,
    },
  };
}

/** The argument checks and defaults of the financing use case, for the pane and the CLI. */
function options(a: OptionsFinancementPane & { dureesAmbigues?: DureeEcrite[] }, ecrire: boolean) {
  if (a.feuilleDevis !== undefined && a.cout !== undefined)
    throw invalide(
      "cout",
      "exclut la feuille de devis : le coût vient soit d'une feuille de devis, soit d'un montant, pas des deux",
    );
  if (a.cout !== undefined && !(a.cout > 0)) throw invalide("cout", `attend un montant positif, reçu « ${a.cout} »`);
  verifierDuree(a.dureeMinutes);
  verifierDate(a.date, "date");
  verifierAnnee(a.annee);
  // A date no rule covers is the date's fault, not the workbook's: the field named, with the periods covered.
  for (const t of [TABLE_INTENSITE, TABLE_FSA] as TableRegles<unknown>[])
    if (a.date && !versionEnVigueur(t, a.date))
      throw invalide(
        "date",
        `attend une date couverte par les règles du financement (périodes couvertes : ` +
          `${periodesEnLettres(t.versions)}), reçu « ${dateEnLettres(a.date)} »`,
      );
  // A table in force « à ce jour » covers any later day: past the bound devis, carbone and regles put on --date
  // (« 2999-12-31 » read every payment date as a typo « à plus de 20 ans de la date d'analyse »), refused alike.
  verifierDateRegles(a.date, "date");
  if (a.creditImpot && a.genre === "spectacle")
    throw invalide(
      "genre",
      "« spectacle » : le crédit d'impôt calculé ici couvre la fiction, le documentaire et l'animation",
    );
  verifierSubventions(a.subventionsPubliques);
  if (a.subventionsPubliques !== undefined && !a.creditImpot)
    throw invalide(
      "subventionsPubliques",
      "se déduisent de la base du crédit d'impôt calculé sur le devis : indiquez aussi le crédit d'impôt à calculer",
    );
  const annee = a.annee ?? Number((a.date ?? new Date().toISOString()).slice(0, 4));
  const genreCredit: GenreCredit = a.genre === "documentaire" || a.genre === "animation" ? a.genre : "fiction";
  const {
    creditImpot,
    langue,
    subventionsPubliques,
    explique: _explique,
    dureeDuClasseur: _d,
    origineDuree: _o,
    dureesAmbigues: _a,
    ...reste
  } = a;
  return {
    ...reste,
    ecrire,
    calculerCreditImpot: creditImpot
      ? creditImpotPourPlan({
          regime: creditImpot,
          genre: genreCredit,
          ...(a.genre === undefined ? { genreNonPrecise: true } : {}),
          annee,
          ...(a.annee === undefined && a.date === undefined ? { anneeNonPrecisee: true } : {}),
          dureeMinutes: a.dureeMinutes,
          ...(origineDuree(a) ? { origineDuree: origineDuree(a) } : {}),
          langue,
          premierOuDeuxiemeFilm: a.premierOuDeuxiemeFilm,
          oeuvreDifficile: a.oeuvreDifficile,
          ...(subventionsPubliques !== undefined ? { subventionsPubliques } : {}),
        })
      : undefined,
  };
}

/**
 * The financing use case, for the pane and `prodbook financement`: checks the arguments, reads and checks the
 * plan de financement, and writes Plan de financement and Échéancier when `ecrire`.
 */
export async function financement(
  classeur: WorkbookPort,
  args: OptionsFinancementPane,
  ecrire: boolean,
  /** The pane: the computed crédit d'impôt's whole tree inside each figure (`tracesFinancement`'s `creditDetaille`). */
  { creditDetaille = false } = {},
): Promise<
  ResultatAnalyseFinancement & {
    traces?: TracesFinancement;
    origineDuree?: OrigineDuree;
    dureesAmbigues?: DureeEcrite[];
  }
> {
  // The duration's reading and the use case's share their sheets.
  const wb = memoriserLectures(classeur);
  // The workbook's duration only where the pane would pass the context's: never for a cinema work whose cost is typed
  // (it would then be « indiquée » and said to be of no use).
  const utile = args.typeOeuvre === "audiovisuel" || (args.creditImpot !== undefined && args.cout === undefined);
  const a: OptionsFinancementPane & { dureesAmbigues?: DureeEcrite[] } = utile
    ? await avecDureeDuClasseur(wb, args, args.feuilleDevis)
    : args;
  // The devis found for the cost, hidden in the workbook: its « feuille-lue » finding comes with the core's (also
  // written on the « Plan de financement » sheet).
  // The « Paramètres » keys no calculation reads that the aid intensity could have meant: with the plan's findings.
  const parametres = await constatsParametresNonLus(wb, DOMAINES_PARAMETRES.financement);
  // With the plan's findings: returned, and on the written « Plan de financement » sheet's « Contrôles » block.
  const lu = await analyserFinancement(wb, {
    ...options(a, ecrire),
    ...(parametres.length ? { constatsAjoutes: parametres } : {}),
  });
  // The CNC nomenclature the devis was structured with, last, when the cost came from a devis (as `devis` names it).
  const r = { ...lu, tables: avecNomenclature(lu.tables, lu.devis) };
  const origine = origineDuree(a);
  const ambigues = a.dureesAmbigues ? { dureesAmbigues: a.dureesAmbigues } : {};
  const avecOrigine = { ...r, ...(origine ? { origineDuree: origine } : {}), ...ambigues };
  return args.explique
    ? { ...avecOrigine, traces: tracesFinancement(r, r.echeancier, origine, { creditDetaille }) }
    : avecOrigine;
}

/**
 * « D'où vient ce chiffre ? » of the page's figures: the total (each source's cell), the rest to finance (cost −
 * total), the public aids and their share of the cost.
 */
export interface ExplicationsFinancement {
  total: TraceAffichee;
  resteAFinancer?: TraceAffichee;
  aidesPubliques: TraceAffichee;
  intensite?: TraceAffichee;
  /** The duration the plan used (the credit computed, the small-budget threshold per hour): typed, or its cell. */
  duree?: TraceAffichee;
  /**
   * The crédit d'impôt computed on the devis, down to its lines and its per-minute cap's duration; each figure it counts
   * in (total, reste à financer, aides publiques, their share) holds this whole tree.
   */
  creditImpot?: TraceAffichee;
  /** The échéancier's largest cumulative gap: max(0 ; − min of the months' cumulative positions). */
  besoinMaximal?: TraceAffichee;
  /**
   * Each month of the échéancier (« 2026-03 »), its cumul as the sheet computes it: the previous month's + its
   * encaissements (down to the payments and their cells) − its dépenses.
   */
  mois?: Record<string, TraceAffichee>;
}

function avecExplications(
  r: ResultatAnalyseFinancement & { traces?: TracesFinancement },
): ApercuFinancement & { explications?: ExplicationsFinancement } {
  const t = r.traces;
  if (!t) return apercu(r);
  return {
    ...apercu(r),
    explications: {
      total: traceAffichee(t.total),
      ...(t.resteAFinancer ? { resteAFinancer: traceAffichee(t.resteAFinancer) } : {}),
      aidesPubliques: traceAffichee(t.aidesPubliques),
      ...(t.intensite ? { intensite: traceAffichee(t.intensite) } : {}),
      ...(t.duree ? { duree: traceAffichee(t.duree) } : {}),
      ...(t.creditImpot ? { creditImpot: traceAffichee(t.creditImpot) } : {}),
      ...(t.besoinMaximal ? { besoinMaximal: traceAffichee(t.besoinMaximal) } : {}),
      ...(t.mois ? { mois: Object.fromEntries(Object.entries(t.mois).map(([m, x]) => [m, traceAffichee(x)])) } : {}),
    },
  };
}

/**
 * Financing commands: « Vérifier » reads only; « Créer les feuilles » writes Plan de financement and Échéancier.
 * With `explique`, the figures' traces for « D'où vient ce chiffre ? » (`explications`).
 */
export const commandesFinancement = {
  async analyserFinancement(
    wb: WorkbookPort,
    args: OptionsFinancementPane,
  ): Promise<ApercuFinancement & { explications?: ExplicationsFinancement }> {
    return avecExplications(await financement(wb, args, false, { creditDetaille: true }));
  },
  async creerFeuillesFinancement(
    wb: WorkbookPort,
    args: OptionsFinancementPane,
  ): Promise<ApercuFinancement & { explications?: ExplicationsFinancement }> {
    return avecExplications(await financement(wb, args, true, { creditDetaille: true }));
  },
};
