import type { Constat } from "../../core/controles/constat";
import type { Genre, OrigineDuree, TypeOeuvre } from "../../core/devis/model";
import { structurerDevis, type ResultatStructurer } from "../../core/devis/structurer";
import { tracesDesConstats as tracesAlignees } from "../../core/devis/regles/salaireMinimum";
import type { WorkbookPort } from "../../core/port/workbook";
import { tracesDevis, type TracesDevis } from "../../core/traces/devis";
import { ApercuDevis, apercuDevis } from "../apercu";
import type { Trace } from "../../core/traces/trace";
import { traceAffichee, type TraceAffichee } from "../traces";
import { verifierDuree } from "../arguments";
import { verifierDateRegles } from "../dateRegles";
import { origineDuree } from "../contexte";
import { avecDureeDuClasseur, type DureeEcrite } from "./production";
import { memoriserLectures } from "../lecturesMemorisees";
import { constatsParametresNonLus, DOMAINES_PARAMETRES } from "../parametresNonLus";
import { regleLisible, type RegleLisible } from "../presentationRegles";

/** The CLI's duration: several different ones written in the workbook, none taken (each with its cell). */
export interface AvecDureesAmbigues {
  dureesAmbigues?: DureeEcrite[];
}

export interface OptionsDevis {
  /** Source sheet; omitted = the sheet that looks most like a devis. */
  feuille?: string;
  genre?: Genre;
  dureeMinutes?: number;
  /** Where the duration was taken (a cell, or typed: the default), named by the cost per minute's trace. */
  origineDuree?: OrigineDuree;
  typeOeuvre?: TypeOeuvre;
  /**
   * The producer declares the film under annexe III of IDCC 3097 (films under a budget limit): the salary check uses
   * its reduced minima when the devis stays under the cap of its genre. Never assumed (default: annexe I).
   */
  annexe3097?: boolean;
  /**
   * Without `dureeMinutes`, take the duration written in the workbook, with its cell (the CLI without --duree; the
   * pane gives the production context's).
   */
  dureeDuClasseur?: boolean;
  /** ISO date for dated rules (minimum pay…); today by default. */
  date?: string;
  /** « D'où vient ce chiffre ? »: add the traces of the totals (CLI --explique). */
  explique?: boolean;
}

/**
 * The devis use case, for the pane and `prodbook devis`: checks the arguments (duration > 0, a real date), reads
 * and checks the producer's devis, and writes Devis, Synthèse and Contrôles when `ecrire`.
 */
export async function structurer(
  classeur: WorkbookPort,
  args: OptionsDevis,
  ecrire: boolean,
): Promise<ResultatStructurer & { traces?: TracesDevis } & AvecDureesAmbigues> {
  verifierDuree(args.dureeMinutes);
  verifierDateRegles(args.date, "date");
  // The duration's reading and the devis' share their sheets.
  const wb = memoriserLectures(classeur);
  const lue = await avecDureeDuClasseur(wb, args, args.feuille);
  const { explique, dureeDuClasseur: _d, dureesAmbigues, ...options } = lue;
  // The « Paramètres » keys no calculation reads that the devis rules could have meant: with the devis' findings.
  const parametres = await constatsParametresNonLus(wb, DOMAINES_PARAMETRES.devis);
  const r = await structurerDevis(wb, {
    ...options,
    origineDuree: origineDuree(options),
    ecrire,
    ...(explique ? { tracer: true } : {}),
    ...(parametres.length ? { constatsAjoutes: parametres } : {}),
  });
  const ambigues = dureesAmbigues ? { dureesAmbigues } : {};
  const { salairesMinimum, ...resultat } = r;
  if (!explique) return { ...resultat, ...ambigues };
  // Every salaire-minimum finding's trace, an empty list when there is none.
  return { ...resultat, traces: { ...tracesDevis(r.devis), salairesMinimum: salairesMinimum ?? [] }, ...ambigues };
}

/** « D'où vient ce chiffre ? » of the Structurer page's figures (total, each chapter, coût à la minute) and findings. */
export interface ExplicationsDevis {
  total: TraceAffichee;
  chapitres: Record<string, TraceAffichee>;
  coutMinute?: TraceAffichee;
  /**
   * One entry per finding of `constats`, in its order: the finding's tree when it has one (a salary under its minimum:
   * what it lacks, the grid's figure with its table and source, the pay from the line's cells), otherwise null.
   */
  constats: (TraceAffichee | null)[];
}

/** Each finding's trace for the pane, lined up with the findings (core's tracesDesConstats), null without one. */
export function tracesDesConstats(constats: readonly Constat[], salaires: readonly Trace[]): (TraceAffichee | null)[] {
  return tracesAlignees(constats, salaires).map((t) => (t ? traceAffichee(t) : null));
}

function explicationsDevis(
  t: TracesDevis | undefined,
  constats: readonly Constat[],
): { explications?: ExplicationsDevis } {
  if (!t) return {};
  const chapitres: Record<string, TraceAffichee> = {};
  for (const [code, c] of Object.entries(t.chapitres)) if (c) chapitres[code] = traceAffichee(c);
  return {
    explications: {
      total: traceAffichee(t.total),
      chapitres,
      ...(t.coutMinute ? { coutMinute: traceAffichee(t.coutMinute) } : {}),
      constats: tracesDesConstats(constats, t.salairesMinimum ?? []),
    },
  };
}

/**
 * Devis commands: « Analyser » reads and checks without writing; « Créer la feuille Devis » writes. `textes`: the rule
 * tables the checks read, for the Contrôles page's « Détails et sources ».
 */
export const commandesDevis = {
  /** With `explique`, the figures' traces for « D'où vient ce chiffre ? ». */
  async analyserDevis(
    wb: WorkbookPort,
    args: OptionsDevis,
  ): Promise<ApercuDevis & { textes: RegleLisible[]; explications?: ExplicationsDevis }> {
    const r = await structurer(wb, args, false);
    return {
      ...apercuDevis(r.devis, r.constats),
      textes: r.tables.map(regleLisible),
      ...explicationsDevis(r.traces, r.constats),
    };
  },

  async creerFeuilleDevis(
    wb: WorkbookPort,
    args: OptionsDevis,
  ): Promise<ApercuDevis & { feuillesEcrites: string[]; textes: RegleLisible[]; explications?: ExplicationsDevis }> {
    const r = await structurer(wb, args, true);
    return {
      ...apercuDevis(r.devis, r.constats),
      textes: r.tables.map(regleLisible),
      feuillesEcrites: r.feuillesEcrites,
      ...explicationsDevis(r.traces, r.constats),
    };
  },
};
