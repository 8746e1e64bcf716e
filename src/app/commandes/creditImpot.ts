import type { Cents } from "../../core/money";
import Decimal from "decimal.js";
import {
  creditImpotClasseur,
  type OptionsClasseur,
  type ResultatClasseur,
} from "../../core/creditImpot/creditImpotClasseur";
import {
  AnneeNonCouverteError,
  type GenreCredit,
  libellePlafond,
  type RegimeCredit,
  type ResultatCreditImpot,
} from "../../core/creditImpot/modele";
import type { WorkbookPort } from "../../core/port/workbook";
import { traceCreditImpot } from "../../core/traces/creditImpot";
import type { Trace } from "../../core/traces/trace";
import { invalide, JOURS_MAX, verifierAnnee, verifierDuree, verifierEntier } from "../arguments";
import { presentationCreditImpot, type PresentationCreditImpot } from "../presentationRegles";
import { sousTrace, traceAffichee, type TraceAffichee } from "../traces";
import { verifierSubventions } from "./creditSurBase";
import { origineDuree } from "../contexte";
import type { Genre, OrigineDuree } from "../../core/devis/model";
import { avecDureeDuClasseur, texteDureesAmbigues, type DureeEcrite } from "./production";
import { memoriserLectures } from "../lecturesMemorisees";
import { constatsParametresNonLus, DOMAINES_PARAMETRES } from "../parametresNonLus";
import { constatsPlanDeTravailLu } from "../planDeTravailLu";
import { constatsTauxLibelles } from "../../core/devis/regles/montantPourcentage";
import type { Constat } from "../../core/controles/constat";
import { avecNomenclature } from "../../core/devis/nomenclature";

export type OptionsCreditImpotPane = Omit<OptionsClasseur, "ecrire" | "surcharges"> & {
  /** « D'où vient ce chiffre ? »: add the trace of the credit down to the lines (CLI --explique). */
  explique?: boolean;
  /** Without `dureeMinutes`, take the duration written in the workbook, with its cell (the CLI without --duree). */
  dureeDuClasseur?: boolean;
};

/** What the pane shows and `prodbook credit-impot` prints: the result without the line detail (the sheet has it). */
export type ApercuCreditImpot = Omit<ResultatCreditImpot, "lignes"> & {
  source: string;
  feuillesEcrites: string[];
  traces?: { credit: Trace };
  /** Where the duration was taken (a cell, typed), when there is one. */
  origineDuree?: OrigineDuree;
  /**
   * Without a duration given (the CLI without --duree), the different durations the workbook writes: none taken, each
   * named with its cell (a cinema or international credit is computed without; the audiovisual one is refused).
   */
  dureesAmbigues?: DureeEcrite[];
  /** Every devis line the base does not take in full, with its cell, amount, base and why: no euro left unsaid. */
  horsBase: LigneHorsBase[];
  /**
   * Findings on what was read, with their cell: the plan de travail's proven TOTAL rows (« total-plan-de-travail »),
   * as `planning` and `carbone` say them, when the plan was read for the days in France.
   */
  controles: Constat[];
};

/** A devis line outside the base, or in it only in part (spent abroad, a cap, declared « non »). */
export interface LigneHorsBase {
  cellule: string;
  libelle: string;
  montant: Cents;
  base: Cents;
  motif: string;
}

function apercu(
  r: ResultatClasseur,
  explique = false,
  origine?: OrigineDuree,
  parametres: Constat[] = [],
): ApercuCreditImpot {
  // The devis sheet found hidden: its sentence (feuille-lue) is already the last alert (core, as on the sheet).
  const { lignes, ...reste } = r.resultat;
  return {
    ...reste,
    // The CNC nomenclature the devis was structured with, last (as `devis` names it).
    tables: avecNomenclature(reste.tables, r.devis),
    horsBase: lignes
      .filter((l) => l.base < l.montant)
      .map((l) => ({
        cellule: l.cellule ?? l.id,
        libelle: l.libelle,
        montant: l.montant,
        base: l.base,
        motif: l.motif,
      })),
    source: r.source,
    feuillesEcrites: r.feuillesEcrites,
    // The « Paramètres » keys no calculation reads that this one could have meant, then the plan de travail read, then
    // the devis lines whose rate was read in a cell while their label says another one or one not read (a range, a sum
    // of rates, « 1.500 % »): the same alerts as `devis` and `valider` (montant-pourcentage), the credit being computed
    // on those lines as read.
    controles: [...parametres, ...constatsPlanDeTravailLu(r.planDeTravail), ...constatsTauxLibelles(r.devis)],
    ...(explique ? { traces: { credit: traceCreditImpot(r.resultat) } } : {}),
    ...(origine && r.resultat.dureeMinutes !== undefined ? { origineDuree: origine } : {}),
  };
}

/**
 * The tax credit's genre from the production's: never guessed. The credits know fiction, documentaire and animation,
 * and the genre changes the credit (rate, minimum cost per minute, documentary floor…): a genre not given, or
 * « spectacle », gives `undefined`, and the pane, the Tableau de bord and the CLI ask for it (`genreCreditManquant`)
 * rather than compute a fiction's credit.
 */
export function genreCreditDe(genre: Genre | undefined): GenreCredit | undefined {
  return genre === "spectacle" ? undefined : genre;
}

/** Why no credit is estimated without a genre (`genreCreditDe` gave none): the sentence the pane and the board show. */
export function genreCreditManquant(genre: Genre | undefined): string {
  return genre === "spectacle"
    ? "Le spectacle vivant n'ouvre pas droit aux crédits d'impôt cinéma et audiovisuel calculés ici."
    : "Genre non précisé : choisissez fiction, documentaire ou animation, il change le crédit d'impôt " +
        "(taux, coût minimal par minute).";
}

/** The argument checks of the tax credit, for the pane and the CLI (French errors naming the field). */
export function verifierOptionsCreditImpot(a: OptionsCreditImpotPane): void {
  verifierDuree(a.dureeMinutes);
  if (a.regime === "audiovisuel" && a.dureeMinutes === undefined)
    throw invalide(
      "dureeMinutes",
      "est obligatoire : le crédit d'impôt audiovisuel est plafonné par minute, indiquez la durée en minutes",
    );
  verifierAnnee(a.annee);
  if (a.depensesVfxFrance !== undefined && !(a.depensesVfxFrance >= 0))
    throw invalide("depensesVfxFrance", `attend un montant positif en euros, reçu « ${a.depensesVfxFrance} »`);
  verifierSubventions(a.subventionsPubliques);
  if (a.partFinancementEtranger !== undefined) {
    let p: Decimal | undefined;
    try {
      p = new Decimal(a.partFinancementEtranger);
    } catch {
      p = undefined;
    }
    if (!p || p.isNegative() || p.greaterThan(1))
      throw invalide(
        "partFinancementEtranger",
        `attend la part du coût couverte par des financements étrangers (« 35 % » ou 0,35), reçu « ${a.partFinancementEtranger} »`,
      );
  }
  verifierEntier(a.joursTournageFrance, "joursTournageFrance", 0, "jours", { max: JOURS_MAX });
  // An option of another regime would be ignored without a word: refused, the regime it belongs to named.
  const seul = (champ: string, regime: RegimeCredit) => {
    if (a.regime !== regime)
      throw invalide(
        champ,
        `ne s'applique qu'au crédit d'impôt ${NOMS_REGIMES[regime]} (régime demandé : ${NOMS_REGIMES[a.regime]}) : ` +
          `retirez-la`,
      );
  };
  if (a.depensesVfxFrance !== undefined) seul("depensesVfxFrance", "international");
  if (a.joursTournageFrance !== undefined) seul("joursTournageFrance", "international");
  if (a.jeunesse) seul("jeunesse", "audiovisuel");
  if (a.langue !== undefined) seul("langue", "cinema");
}

const NOMS_REGIMES: Record<RegimeCredit, string> = {
  cinema: "cinéma",
  audiovisuel: "audiovisuel",
  international: "international",
};

/**
 * The tax-credit use case, for the pane and `prodbook credit-impot`: checks the arguments, computes the credit
 * on the devis, and writes « Crédit d'impôt » (and the Paramètres template on request) when `ecrire`.
 */
export async function creditImpot(
  classeur: WorkbookPort,
  args: OptionsCreditImpotPane,
  ecrire: boolean,
): Promise<ApercuCreditImpot> {
  // The duration's reading and the use case's share their sheets.
  const wb = memoriserLectures(classeur);
  const {
    explique,
    dureeDuClasseur: _d,
    dureesAmbigues,
    ...options
  } = await avecDureeDuClasseur(wb, args, args.feuille);
  // Durations written but not taken: named in the refusal (never one picked among them).
  if (dureesAmbigues && options.regime === "audiovisuel" && options.dureeMinutes === undefined)
    throw invalide(
      "dureeMinutes",
      `est obligatoire : le crédit d'impôt audiovisuel est plafonné par minute, et ${texteDureesAmbigues(dureesAmbigues)}`,
    );
  verifierOptionsCreditImpot(options);
  const origine = origineDuree(options);
  try {
    const parametres = await constatsParametresNonLus(wb, DOMAINES_PARAMETRES.creditImpot);
    const lu = await creditImpotClasseur(wb, { ...options, origineDuree: origine, ecrire });
    const a = apercu(lu, explique, origine, parametres);
    // Durations written but not taken: named, as devis and financement name them (never one picked, never silent).
    return dureesAmbigues && a.dureeMinutes === undefined ? { ...a, dureesAmbigues } : a;
  } catch (e) {
    // A year no rule covers is the year's fault, not the workbook's: name the field and the periods covered.
    if (e instanceof AnneeNonCouverteError)
      throw invalide(
        "annee",
        `attend une année de dépenses couverte par les règles du crédit d'impôt (périodes couvertes : ${e.periodes}), ` +
          `reçu « ${e.annee} »`,
      );
    throw e;
  }
}

/** « D'où vient ce chiffre ? » of the page's figures: the credit, its base, each cap (by its name). */
export interface ExplicationsCreditImpot {
  credit: TraceAffichee;
  base?: TraceAffichee;
  plafonds: Record<string, TraceAffichee>;
}

/** What the pane receives: the result, its alerts, figures and texts in French, and the figures' traces on request. */
export type VueCreditImpot = ApercuCreditImpot & {
  explications?: ExplicationsCreditImpot;
  presentation: PresentationCreditImpot;
};

function avecExplications(a: ApercuCreditImpot): VueCreditImpot {
  const r = { ...a, presentation: presentationCreditImpot(a) };
  const t = r.traces?.credit;
  if (!t) return r;
  const base = sousTrace(t, (x) => x.libelle.startsWith("Base du crédit"));
  const plafonds: Record<string, TraceAffichee> = {};
  for (const p of r.plafonds) {
    const x = sousTrace(t, (y) => y.libelle === libellePlafond(p.nom));
    if (x) plafonds[p.nom] = traceAffichee(x);
  }
  const { traces: _traces, ...reste } = r;
  return {
    ...reste,
    explications: { credit: traceAffichee(t), ...(base ? { base: traceAffichee(base) } : {}), plafonds },
  };
}

/**
 * Tax-credit commands: « Calculer » reads only; « Créer la feuille » writes « Crédit d'impôt » (and the Paramètres
 * template on request).
 */
export const commandesCreditImpot = {
  /** With `explique`, the figures' traces for « D'où vient ce chiffre ? » (`explications`). */
  async calculerCreditImpot(wb: WorkbookPort, args: OptionsCreditImpotPane): Promise<VueCreditImpot> {
    return avecExplications(await creditImpot(wb, args, false));
  },
  async creerFeuilleCreditImpot(wb: WorkbookPort, args: OptionsCreditImpotPane): Promise<VueCreditImpot> {
    return avecExplications(await creditImpot(wb, args, true));
  },
};
