import type { LangueOeuvre, RegimeCredit } from "../../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { analyserFinancement, ResultatAnalyseFinancement } from "../../core/financement/analyser";
import { creditImpotPourPlan } from "../../core/financement/creditImpotPlan";
import { resultatJson, ResultatFinancementJson } from "../../core/financement/json";
import type { SourceNonClassee } from "../../core/financement/model";
import type { Cents } from "../../core/money";
import type { WorkbookPort } from "../../core/port/workbook";

export interface OptionsFinancementPane {
  feuille?: string;
  feuilleDevis?: string;
  /** Cost in cents, when typed in the pane. */
  cout?: Cents;
  typeOeuvre: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  premierOuDeuxiemeFilm: boolean;
  /** Audiovisual « œuvre difficile » declared by the producer (aid ceiling). */
  oeuvreDifficile?: boolean;
  /** Add the devis' crédit d'impôt when the plan has none. */
  creditImpot?: RegimeCredit;
  /** Cinema credit: original language of the work (30 % French or regional language, 20 % otherwise). */
  langue?: LangueOeuvre;
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
  };
}

function options(a: OptionsFinancementPane, ecrire: boolean) {
  const annee = new Date().getFullYear();
  const genreCredit = a.genre === "documentaire" || a.genre === "animation" ? a.genre : "fiction";
  const { creditImpot, langue, ...reste } = a;
  return {
    ...reste,
    ecrire,
    calculerCreditImpot: creditImpot
      ? creditImpotPourPlan({
          regime: creditImpot,
          genre: genreCredit,
          annee,
          dureeMinutes: a.dureeMinutes,
          langue,
          premierOuDeuxiemeFilm: a.premierOuDeuxiemeFilm,
          oeuvreDifficile: a.oeuvreDifficile,
        })
      : undefined,
  };
}

/** Financing commands: « Vérifier » reads only; « Créer les feuilles » writes Plan de financement and Échéancier. */
export const commandesFinancement = {
  async analyserFinancement(wb: WorkbookPort, args: OptionsFinancementPane): Promise<ApercuFinancement> {
    return apercu(await analyserFinancement(wb, options(args, false)));
  },
  async creerFeuillesFinancement(wb: WorkbookPort, args: OptionsFinancementPane): Promise<ApercuFinancement> {
    return apercu(await analyserFinancement(wb, options(args, true)));
  },
};
