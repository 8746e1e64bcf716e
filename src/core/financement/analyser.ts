import { feuilleNonTrouvee, listeFeuilles } from "../util/nomsFeuilles";
import { DevisIntrouvableError, feuilleVide, importerDevis } from "../devis/import";
import type { Devis, Genre } from "../devis/model";
import { importerDevisTrouve, trouverFeuilleDevis } from "../devis/trouver";
import { type Cents, formatMontantFr, subCents } from "../money";
import { choisirNomFeuille, lireFeuilles, SheetData, WorkbookPort } from "../port/workbook";
import { estFeuilleParametres, lireParametres, nomFeuilleParametres } from "../regles/parametres";
import type { CalculCreditImpotPlan } from "./creditImpotPlan";
import { calculerEcheancier, Echeancier, PeriodeDepense } from "./echeancier";
import { choisirFeuillePlan } from "./entetesPlan";
import { AnalyseFinancement, aujourdhui, CoutProduction, evaluerFinancement, OptionsEvaluation } from "./evaluer";
import { feuilleEcheancier, NOM_FEUILLE_ECHEANCIER } from "./feuilleEcheancier";
import { feuilleListes, NOM_FEUILLE_LISTES } from "./feuilleListes";
import { feuillePlan, NOM_FEUILLE_PLAN } from "./feuillePlan";
import { lirePlanFinancement } from "./lecture";
import { tracesFinancement } from "../traces/financement";
import type { PlanFinancement, SourceFinancement } from "./model";
import { estNomPlanning, lirePeriodes, trouverFeuillePlanning } from "./periodes";
import { synthetiser } from "./synthese";
import { ErreurDonnees } from "../erreurs";
import { trierConstats, type Constat } from "../controles/constat";
import { constatsFeuilleLue } from "../devis/regles/feuilleLue";
import { constatsMontantsNonLus } from "../devis/regles/montantsNonLus";
import { constatsLignesMasquees } from "../devis/regles/lignesMasquees";
import { constatsTotauxNonProuves } from "../devis/regles/totalNonProuve";
import { minutesFr } from "../util/texte";
import { parseCelluleRef } from "../util/adresse";

/** A sheet asked for by name that is not one of the producer's (missing, or written by Prodbook). */
export class FeuilleAbsenteError extends ErreurDonnees {
  constructor(
    public readonly feuille: string,
    quoi: string,
    duProducteur: readonly string[],
    deProdbook: readonly string[] = [],
  ) {
    // Worded as devis, planning and carbone word it (`feuilleNonTrouvee`): « La feuille de devis « X » n'existe pas
    // dans le classeur (feuilles : « A », « B »). », the producer's sheets only; `quoi` says which sheet.
    super(feuilleNonTrouvee(feuille, quoi, duProducteur, deProdbook));
  }
}

/**
 * No sheet looks like a financing plan. The message says what to do in words of no door (the pane offers a sheet
 * picker next to it, the CLI names its option): `consigne` replaces the last sentence.
 */
export class AucunPlanError extends ErreurDonnees {
  constructor(
    public readonly feuilles: string[],
    consigne = "Choisissez la feuille du plan de financement.",
    /** The producer's one sheet, empty (a new workbook): said as such, as `devis` says it. */
    public readonly vide?: string,
  ) {
    super(
      vide !== undefined
        ? `La feuille « ${vide} » est vide : elle ne contient aucun plan de financement à lire.`
        : `Aucune feuille ne ressemble à un plan de financement (colonnes Financeur / Nature / Montant) ` +
            `parmi : ${listeFeuilles(feuilles, false)}. ${consigne}`,
    );
  }
}

export interface OptionsAnalyse extends Omit<OptionsEvaluation, "cout" | "creditImpot" | "surcharges"> {
  /** Sheet holding the plan; found by its header (and a name like « Financement ») when absent. */
  feuille?: string;
  /** Sheet holding the devis whose total is the cost; found automatically when neither it nor `cout` is given. */
  feuilleDevis?: string;
  /** Cost given directly (takes precedence over the devis). */
  cout?: Cents;
  /** Crédit d'impôt computed from the devis, used only when the plan has no crédit d'impôt line. */
  calculerCreditImpot?: CalculCreditImpotPlan;
  /** Spending periods (planning steps); read from a « Planning » sheet when absent. */
  periodesDepenses?: PeriodeDepense[];
  /** Write « Plan de financement », « Échéancier » and the hidden lists sheet. */
  ecrire?: boolean;
  /**
   * The caller's findings on the same workbook (the « Paramètres » keys no calculation reads): with the plan's, in the
   * findings returned and on the written « Plan de financement » sheet's « Contrôles » block.
   */
  constatsAjoutes?: readonly Constat[];
}

export interface ResultatAnalyseFinancement extends AnalyseFinancement {
  echeancier: Echeancier;
  devis?: Devis;
  /** The plan's own cost used, a devis found beside it with another total (finding cout-plan-devis). */
  ecartDevis?: EcartCoutDevis;
  /** Names of the sheets written (empty when `ecrire` is false). */
  feuillesEcrites: string[];
}

function coutDuDevis(devis: Devis, feuille?: SheetData): CoutProduction {
  // A live link to the producer's own total cell when it agrees with the lines — its value when the cell holds text.
  const t = devis.totauxProducteur.find((x) => x.type === "total" && x.montant === devis.total);
  const texte = t !== undefined && feuille !== undefined && celluleTexte(feuille, t.cellule);
  return {
    montant: devis.total,
    origine: `total du devis « ${devis.feuille} »${t ? `, ${t.cellule}` : ""}`,
    cellule: t?.cellule,
    ...(texte ? { texte: true as const } : {}),
  };
}

/** The cell `ref` of `feuille` holds a string (an amount typed as text). */
function celluleTexte(feuille: SheetData, ref: string): boolean {
  const p = parseCelluleRef(ref);
  if (p.feuille !== undefined && p.feuille !== feuille.name) return false;
  return typeof feuille.rows[p.row]?.[p.col]?.v === "string";
}

/**
 * A genre or a duration given for a cinema plan read without a devis: in cinema they only serve to read the devis
 * (cost per minute, crédit d'impôt) — the audiovisual checks (FSA, petit budget par heure) use them, cinema's none.
 */
function genreDureeSansEffet(genre: Genre | undefined, dureeMinutes: number | undefined): Constat[] {
  if (!genre && !dureeMinutes) return [];
  // French agreement: « le genre … indiqué … il », « la durée … indiquée … elle », both « indiqués … ils ».
  const [quoi, pronom] =
    genre && dureeMinutes
      ? [`Le genre (« ${genre} ») et la durée (${minutesFr(dureeMinutes)} min) indiqués restent`, "ils ne servent"]
      : genre
        ? [`Le genre (« ${genre} ») indiqué reste`, "il ne sert"]
        : [`La durée (${minutesFr(dureeMinutes)} min) indiquée reste`, "elle ne sert"];
  return [
    {
      regle: "genre-duree-sans-effet",
      gravite: "alerte",
      message:
        `${quoi} sans effet : en cinéma, ${pronom} qu'à lire le devis (coût par minute, crédit d'impôt), et ` +
        "aucun devis n'a été lu (le coût vient d'un montant saisi ou de la ligne « Coût » du plan).",
    },
  ];
}

/** The plan's own cost and the devis found beside it with another total, only compared (never the cost used). */
export interface EcartCoutDevis {
  /** The plan's cost cell ("'Plan fin.'!B2") and amount. */
  cellule: string;
  coutPlan: Cents;
  /** The devis compared: « total du devis « Budget Gardiens » », its sheet and total. */
  origineDevis: string;
  feuilleDevis: string;
  totalDevis: Cents;
  /** Coût du plan − total du devis (negative: the plan's cost is below the devis). */
  ecart: Cents;
}

/** The plan states its cost and a devis is in the workbook with another total: both amounts and the gap. */
function ecartCoutDevis(plan: PlanFinancement, devis: Devis | undefined): EcartCoutDevis | undefined {
  const indique = plan.coutIndique;
  if (!indique || !devis || devis.total === indique.montant) return undefined;
  return {
    cellule: indique.cellule,
    coutPlan: indique.montant,
    origineDevis: coutDuDevis(devis).origine,
    feuilleDevis: devis.feuille,
    totalDevis: devis.total,
    ecart: subCents(indique.montant, devis.total),
  };
}

/**
 * The plan states its cost and a devis is in the workbook with another total: the plan is computed on its own cost
 * (as before), and the disagreement is named with both cells — never one figure picked in silence.
 */
function coutPlanDiffereDuDevis(e: EcartCoutDevis | undefined): Constat[] {
  if (!e) return [];
  return [
    {
      regle: "cout-plan-devis",
      gravite: "alerte",
      cellule: e.cellule,
      message:
        `Le coût indiqué dans le plan (${formatMontantFr(e.coutPlan)}, ${e.cellule}) diffère du ` +
        `${e.origineDevis} (${formatMontantFr(e.totalDevis)}) de ${formatMontantFr(e.ecart)} : le plan est vérifié sur le ` +
        "coût qu'il indique. Corrigez l'un des deux, ou choisissez la feuille du devis pour vérifier le plan sur son total.",
    },
  ];
}

/** The crédit d'impôt asked for and not added to the plan: why, never in silence. */
function creditNonAjoute(sources: readonly SourceFinancement[], devis: Devis | undefined): Constat {
  const regle = "credit-impot-non-ajoute";
  const deja = sources.find((x) => x.categorie === "credit-impot");
  if (deja)
    return {
      regle,
      gravite: "info",
      message:
        `Le plan a déjà sa ligne de crédit d'impôt « ${deja.financeur} »${deja.cellule ? ` (${deja.cellule})` : ""} : ` +
        `le crédit calculé sur le devis n'est pas ajouté.`,
      ...(deja.cellule ? { cellule: deja.cellule } : {}),
    };
  if (!devis)
    return {
      regle,
      gravite: "alerte",
      message:
        "Le crédit d'impôt se calcule sur une feuille de devis, et aucune n'a été lue (le coût vient d'un montant " +
        "saisi ou de la ligne « Coût » du plan) : il n'est pas ajouté au plan.",
    };
  return {
    regle,
    gravite: "alerte",
    message:
      `Le crédit d'impôt calculé sur le devis « ${devis.feuille} » est nul (œuvre non éligible, base nulle ou plafond ` +
      `des aides publiques déjà atteint) : ` +
      `rien n'est ajouté au plan.`,
  };
}

/** The analysis without its computed crédit d'impôt's tree: the sheets' notes name it as one input of the plan. */
function sansArbreDuCredit(a: AnalyseFinancement): AnalyseFinancement {
  const { traceCreditImpot: _credit, ...reste } = a;
  return reste;
}

/**
 * Use case « Financement »: reads the producer's plan and the devis (or a given cost), checks the plan, computes the
 * échéancier and, when asked, writes Prodbook's « Plan de financement » and « Échéancier » sheets.
 */
export async function analyserFinancement(
  wb: WorkbookPort,
  opts: OptionsAnalyse = {},
): Promise<ResultatAnalyseFinancement> {
  const date = opts.date ?? aujourdhui();
  const noms = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const aNous = (n: string) => prodbook.some((p) => p.toLowerCase() === n.toLowerCase());
  // The user's sheets are read only when something has to be found among them (large workbooks, Office reads).
  let cache: SheetData[] | undefined;
  const utilisateur = async () =>
    (cache ??= await lireFeuilles(
      wb,
      noms.filter((n) => !aNous(n) && !estFeuilleParametres(n)),
    ));

  // The producer's sheets, offered when a sheet named is not one of them; Prodbook's own (its « Échéancier », its
  // « Plan de financement (Prodbook) ») are never read back as the plan or the devis (as carbone and planning refuse).
  const duProducteur = noms.filter((n) => !aNous(n));
  const deProdbook = noms.filter(aNous);
  const pasDeProdbook = (nom: string, quoi: string) => {
    if (deProdbook.some((n) => n.toLowerCase() === nom.trim().toLowerCase()))
      throw new FeuilleAbsenteError(nom, quoi, duProducteur, deProdbook);
  };
  let feuillePlanSource: SheetData | undefined;
  if (opts.feuille) {
    pasDeProdbook(opts.feuille, "du plan de financement");
    feuillePlanSource = await wb.readSheet(opts.feuille);
    if (!feuillePlanSource) throw new FeuilleAbsenteError(opts.feuille, "du plan de financement", duProducteur);
  } else {
    const lues = await utilisateur();
    feuillePlanSource = choisirFeuillePlan(lues);
    // The one sheet of the producer is empty: said as such (as `devis` says it), not « no sheet looks like a plan ».
    const vide = lues.length === 1 && feuilleVide(lues[0]) ? lues[0].name : undefined;
    if (!feuillePlanSource) throw new AucunPlanError(duProducteur, undefined, vide);
  }
  const plan = lirePlanFinancement(feuillePlanSource, { date });

  let devis: Devis | undefined;
  /** The sheet the devis was read from (its total cell may hold text). */
  let feuilleDevisLue: SheetData | undefined;
  let devisCompare: Devis | undefined;
  let cout: CoutProduction | undefined;
  const typeOeuvre = opts.typeOeuvre ?? "cinema";
  const importOpts = { typeOeuvre, genre: opts.genre, dureeMinutes: opts.dureeMinutes };
  if (opts.feuilleDevis) {
    pasDeProdbook(opts.feuilleDevis, "de devis");
    const s = await wb.readSheet(opts.feuilleDevis);
    if (!s) throw new FeuilleAbsenteError(opts.feuilleDevis, "de devis", duProducteur);
    devis = importerDevis(s, importOpts);
    feuilleDevisLue = s;
  } else if (opts.cout === undefined) {
    const parmi = (await utilisateur()).filter((x) => x.name !== feuillePlanSource?.name);
    const s = trouverFeuilleDevis(parmi);
    let trouve: Devis | undefined;
    if (s) {
      try {
        // Found, not named: a hidden sheet is flagged (feuille-lue, below).
        trouve = importerDevisTrouve(s, importOpts, parmi);
      } catch (e) {
        if (!(e instanceof DevisIntrouvableError)) throw e;
      }
    }
    // The plan's own cost is used as it is; a devis found beside it is only compared (cout-plan-devis).
    if (plan.coutIndique) devisCompare = trouve;
    else {
      devis = trouve;
      feuilleDevisLue = s;
    }
  }
  if (opts.cout !== undefined) cout = { montant: opts.cout, origine: "coût saisi" };
  else if (devis) cout = coutDuDevis(devis, feuilleDevisLue);

  const nomParametres = nomFeuilleParametres(noms);
  const surcharges = lireParametres(nomParametres ? await wb.readSheet(nomParametres) : undefined);
  const sansCredit = !plan.sources.some((x) => x.categorie === "credit-impot");
  const ci =
    devis && sansCredit && opts.calculerCreditImpot
      ? opts.calculerCreditImpot(
          devis,
          synthetiser(plan.sources, cout?.montant, date, typeOeuvre).aidesPubliques,
          surcharges,
          {
            feuille: plan.feuille,
            sources: plan.sources,
            date,
          },
        )
      : undefined;
  const evaluee = evaluerFinancement(plan, {
    ...opts,
    date,
    typeOeuvre,
    cout,
    creditImpot: ci,
    surcharges,
  });

  // The devis found for the cost, hidden in the workbook or beside other sheets that look like a devis: said like
  // `devis` says it (feuille-lue), in the findings returned and in those the written « Plan de financement » lists.
  const ecartDevis = ecartCoutDevis(plan, devisCompare);
  const ajouts = [
    ...(devis ? constatsFeuilleLue(devis) : []),
    // Amounts of the devis not read: the cost the plan must balance is counted without them, and says so.
    ...(devis && opts.cout === undefined ? constatsMontantsNonLus(devis, "le coût de production est compté") : []),
    // Lines of the devis read on hidden rows are in that cost: said, as `devis` says it.
    ...(devis && opts.cout === undefined ? constatsLignesMasquees(devis) : []),
    // « TOTAL » rows of the devis no arithmetic proves are lines of that cost: said, as `devis` says it.
    ...(devis && opts.cout === undefined ? constatsTotauxNonProuves(devis) : []),
    ...(opts.calculerCreditImpot && !evaluee.creditImpotAjoute ? [creditNonAjoute(plan.sources, devis)] : []),
    ...(!devis && typeOeuvre === "cinema" ? genreDureeSansEffet(opts.genre, opts.dureeMinutes) : []),
    ...coutPlanDiffereDuDevis(ecartDevis),
    ...(opts.constatsAjoutes ?? []),
  ];
  const analyse = ajouts.length ? { ...evaluee, constats: trierConstats([...evaluee.constats, ...ajouts]) } : evaluee;

  let periodes = opts.periodesDepenses;
  if (!periodes) {
    const p = trouverFeuillePlanning(await lireFeuilles(wb, noms.filter(estNomPlanning)));
    periodes = p ? lirePeriodes(p) : [];
  }
  const echeancier = calculerEcheancier(analyse.sources, analyse.synthese.cout, periodes);

  const feuillesEcrites: string[] = [];
  if (opts.ecrire) {
    const nomListes = choisirNomFeuille(NOM_FEUILLE_LISTES, noms, prodbook);
    const nomPlan = choisirNomFeuille(NOM_FEUILLE_PLAN, noms, prodbook);
    const nomEch = choisirNomFeuille(NOM_FEUILLE_ECHEANCIER, noms, prodbook);
    const listes = feuilleListes(nomListes, date);
    // The lists first: the plan's lookups and validations refer to them (Excel resolves sheet names on write).
    // The notes of both sheets: the plan's cells, the computed credit one input (its tree is --explique's).
    const traces = tracesFinancement(sansArbreDuCredit(analyse), echeancier);
    await wb.writeSheets([
      listes.spec,
      feuillePlan(analyse, nomPlan, listes.plages, traces),
      feuilleEcheancier(nomEch, analyse.sources, echeancier, date, traces),
    ]);
    feuillesEcrites.push(nomPlan, nomEch, nomListes);
  }
  return { ...analyse, echeancier, devis, feuillesEcrites, ...(ecartDevis ? { ecartDevis } : {}) };
}
