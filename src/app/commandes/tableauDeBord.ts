import Decimal from "decimal.js";
import type { Gravite } from "../../core/controles/constat";
import type { GenreCredit, RegimeCredit } from "../../core/creditImpot/modele";
import { FEUILLE_GRAND_LIVRE } from "../../core/comptabilite/grandLivre";
import { DevisIntrouvableError } from "../../core/devis/import";
import { NOMS_SOUHAITES } from "../../core/devis/feuilles";
import { FEUILLE_ECARTS } from "../../core/ecarts/feuilleEcarts";
import { lireTotauxEcarts, type TotauxEcarts } from "../../core/ecarts/lectureEcarts";
import { AucunPlanError } from "../../core/financement/analyser";
import type { Cents } from "../../core/money";
import { jourDepuisIso } from "../../core/planning/dates";
import { NOM_RETROPLANNING } from "../../core/planning/feuilleRetroplanning";
import { estFeuilleEtapes } from "../../core/planning/lectureEtapes";
import { lireRetroplanning, type RetroplanningLu } from "../../core/planning/lectureRetroplanning";
import { choisirNomFeuille, type SheetData, type WorkbookPort } from "../../core/port/workbook";
import type { ContexteProduction, FecCharge } from "../../core/production/contexte";
import type { Source } from "../../core/regles/table";
import type { RegleUtilisee } from "../../core/regles/utilisees";
import { anneeCourante, optionsDevisDe, optionsFinancementDe, regimeDe, subventionsDe } from "../contexte";
import { creditImpot, genreCreditDe, genreCreditManquant } from "./creditImpot";
import { structurer } from "./devis";
import { financement } from "./financement";

/** What to do next, and the pane page that does it. */
export interface Suite {
  texte: string;
  page: "structurer" | "controles" | "financement" | "credit-impot" | "ecarts" | "planning";
}

/**
 * Each block of the home page: `absent` says plainly that its source is not in the workbook (never an error);
 * `probleme` is the French message of a source that cannot be read as it is (its page shows where).
 */
interface Bloc {
  absent?: string;
  probleme?: string;
  suite: Suite;
}

export interface BlocDevis extends Bloc {
  /** The user's devis sheet read. */
  source?: string;
  /** Prodbook's « Devis » sheet, when the devis has been structured. */
  feuilleStructuree?: string;
  lignes?: number;
  total?: Cents;
  coutMinute?: Cents;
  constats: Record<Gravite, number>;
}

export interface BlocFinancement extends Bloc {
  source?: string;
  total?: Cents;
  cout?: Cents;
  /** Where the cost comes from, as on the Financement page (« coût indiqué dans le plan, 'Plan fin.'!B2 »). */
  origineCout?: string;
  /**
   * The plan's own cost used while a devis found beside it has another total (finding cout-plan-devis): the devis
   * compared and the gap, coût du plan − total du devis.
   */
  ecartDevis?: { cellule: string; feuilleDevis: string; totalDevis: Cents; ecart: Cents };
  /** Coût − total (negative: excédent); undefined when no cost is known. */
  resteAFinancer?: Cents;
  equilibre?: boolean;
  aidesPubliques?: Cents;
  /** Public-aid share of the cost and its ceiling, decimal fractions as text ("0.3889", "0.50"). */
  intensite?: string;
  plafond?: string;
  motifPlafond?: string;
  depassePlafond?: boolean;
  erreurs: number;
  sources: Source[];
}

export interface BlocCreditImpot extends Bloc {
  regime: RegimeCredit;
  genre?: GenreCredit;
  annee?: number;
  credit?: Cents;
  base?: Cents;
  taux?: string;
  eligible?: boolean;
  /** Rule tables used whose figures are not from a primary text (confiance M/L): « à vérifier ». */
  aVerifier: string[];
  sources: Source[];
}

export interface BlocEcarts extends Bloc {
  /** Prodbook's « Écarts » sheet read. */
  feuille?: string;
  grandLivre?: string;
  totaux?: TotauxEcarts;
  /** The FEC loaded in the pane (the production context), when there is one. */
  fec?: FecCharge;
}

export interface BlocPlanning extends Bloc {
  /** Prodbook's « Rétroplanning » sheet read. */
  feuille?: string;
  /** The user's steps sheet, when the rétroplanning is not written yet. */
  feuilleEtapes?: string;
  /** Delivery (PAD): the last end date of the steps. */
  pad?: string;
  debut?: string;
  /** Calendar days from `date` to the PAD (negative: past). */
  joursAvantPad?: number;
  cheminCritique: string[];
  margeMinimale?: RetroplanningLu["margeMinimale"];
}

export interface TableauDeBord {
  /** ISO date the dashboard was computed for. */
  date: string;
  devis: BlocDevis;
  financement: BlocFinancement;
  creditImpot: BlocCreditImpot;
  ecarts: BlocEcarts;
  planning: BlocPlanning;
}

export interface OptionsTableauDeBord {
  /** The production context shared by the pane's pages (sheet, genre, durée, régime, année…). */
  contexte: ContexteProduction;
  /** ISO date (rules in force, days to the PAD); today by default. */
  date?: string;
}

/**
 * A read-only view of the workbook that reads each sheet once: the dashboard runs several use cases that each
 * look at the same sheets (Excel.run round trips in the pane).
 */
function lectureUnique(wb: WorkbookPort): WorkbookPort {
  const feuilles = new Map<string, Promise<SheetData | undefined>>();
  let noms: Promise<string[]> | undefined;
  let prodbook: Promise<string[]> | undefined;
  return {
    listSheets: () => (noms ??= wb.listSheets()),
    feuillesProdbook: () => (prodbook ??= wb.feuillesProdbook()),
    readSheet: (n) => {
      let s = feuilles.get(n);
      if (!s) feuilles.set(n, (s = wb.readSheet(n)));
      return s;
    },
    writeSheets: () => Promise.reject(new Error("Le tableau de bord ne modifie pas le classeur.")),
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Every source of the tables used, once each (by address). */
function sourcesDe(tables: RegleUtilisee[]): Source[] {
  const vues = new Map<string, Source>();
  for (const t of tables) for (const s of t.sources) if (!vues.has(s.url)) vues.set(s.url, s);
  return [...vues.values()];
}

async function blocDevis(wb: WorkbookPort, c: ContexteProduction, date: string, nomStructure?: string) {
  const constats: Record<Gravite, number> = { erreur: 0, alerte: 0, info: 0 };
  const bloc: BlocDevis = { constats, suite: { texte: "Structurez le devis", page: "structurer" } };
  if (nomStructure) bloc.feuilleStructuree = nomStructure;
  try {
    const r = await structurer(wb, { ...optionsDevisDe(c), date }, false);
    bloc.source = r.devis.feuille;
    bloc.lignes = r.devis.lignes.length;
    bloc.total = r.devis.total;
    bloc.coutMinute = r.devis.coutMinute;
    for (const x of r.constats) constats[x.gravite]++;
    if (!nomStructure) bloc.suite = { texte: "Structurez le devis", page: "structurer" };
    else if (constats.erreur > 0) bloc.suite = { texte: "Corrigez les erreurs du devis", page: "controles" };
    else if (constats.alerte > 0) bloc.suite = { texte: "Examinez les alertes du devis", page: "controles" };
    else bloc.suite = { texte: "Mettez à jour la feuille Devis après un changement", page: "structurer" };
  } catch (e) {
    if (e instanceof DevisIntrouvableError && !c.feuilleDevis)
      bloc.absent = "Aucune feuille du classeur n'est reconnue comme un devis.";
    else bloc.probleme = message(e);
    bloc.suite = { texte: "Choisissez la feuille du devis", page: "structurer" };
  }
  return bloc;
}

async function blocFinancement(wb: WorkbookPort, c: ContexteProduction, date: string) {
  const bloc: BlocFinancement = {
    erreurs: 0,
    sources: [],
    suite: { texte: "Vérifiez le plan de financement", page: "financement" },
  };
  try {
    const r = await financement(
      wb,
      // The Financement page's options, read from the same context (plan sheet, cost typed, ceiling's derogation,
      // crédit d'impôt added): both give the same verdict. A duration that cannot be read is said in the devis block,
      // and the audiovisual threshold left unchecked here.
      { ...optionsFinancementDe(c, undefined, { dureeTolerante: true }), date },
      false,
    );
    const s = r.synthese;
    bloc.source = r.plan.feuille;
    bloc.total = s.total;
    bloc.cout = s.cout;
    if (r.contexte.cout) bloc.origineCout = r.contexte.cout.origine;
    if (r.ecartDevis) {
      const { cellule, feuilleDevis, totalDevis, ecart } = r.ecartDevis;
      bloc.ecartDevis = { cellule, feuilleDevis, totalDevis, ecart };
    }
    bloc.resteAFinancer = s.resteAFinancer;
    bloc.equilibre = s.resteAFinancer === undefined ? undefined : s.resteAFinancer === 0;
    bloc.aidesPubliques = s.aidesPubliques;
    bloc.intensite = s.intensite?.toFixed(4, Decimal.ROUND_HALF_UP);
    bloc.plafond = r.plafond.plafond.toFixed(2, Decimal.ROUND_HALF_UP);
    bloc.motifPlafond = r.plafond.motif;
    bloc.depassePlafond = s.intensite !== undefined && s.intensite.greaterThan(r.plafond.plafond);
    bloc.erreurs = r.constats.filter((x) => x.gravite === "erreur").length;
    bloc.sources = sourcesDe(r.tables);
    if (bloc.cout === undefined) bloc.suite = { texte: "Indiquez le coût de production", page: "financement" };
    else if ((bloc.resteAFinancer ?? 0) > 0) bloc.suite = { texte: "Bouclez le financement", page: "financement" };
    else if ((bloc.resteAFinancer ?? 0) < 0)
      bloc.suite = { texte: "Ajustez le plan : il dépasse le coût", page: "financement" };
    else if (bloc.depassePlafond)
      bloc.suite = { texte: "Réduisez les aides publiques sous le plafond", page: "financement" };
    else if (bloc.ecartDevis) bloc.suite = { texte: "Accordez le coût du plan et le devis", page: "financement" };
  } catch (e) {
    if (e instanceof AucunPlanError) {
      bloc.absent = "Aucune feuille de plan de financement (Financeur, Nature, Montant) dans le classeur.";
      bloc.suite = { texte: "Ajoutez le plan de financement", page: "financement" };
    } else bloc.probleme = message(e);
  }
  return bloc;
}

async function blocCreditImpot(wb: WorkbookPort, c: ContexteProduction, date: string) {
  const regime = regimeDe(c);
  const bloc: BlocCreditImpot = {
    regime,
    aVerifier: [],
    sources: [],
    suite: { texte: "Affinez le calcul du crédit d'impôt", page: "credit-impot" },
  };
  // The genre changes the credit: never guessed (the Crédit d'impôt page asks for it too).
  const genre = genreCreditDe(c.genre);
  if (genre === undefined) {
    bloc.absent = genreCreditManquant(c.genre);
    if (c.genre === undefined) bloc.suite = { texte: "Précisez le genre de l'œuvre", page: "credit-impot" };
    return bloc;
  }
  bloc.genre = genre;
  try {
    const devis = optionsDevisDe(c);
    const annee = Number((c.annee ?? "").trim() || date.slice(0, 4) || anneeCourante());
    bloc.annee = annee;
    if (regime === "audiovisuel" && devis.dureeMinutes === undefined) {
      bloc.absent = "La durée de l'œuvre manque : le crédit d'impôt audiovisuel est plafonné par minute.";
      bloc.suite = { texte: "Indiquez la durée en minutes", page: "credit-impot" };
      return bloc;
    }
    const r = await creditImpot(
      wb,
      {
        feuille: devis.feuille,
        regime,
        genre,
        annee,
        dureeMinutes: devis.dureeMinutes,
        hebergement: c.hebergement ?? "ailleurs",
        langue: regime === "cinema" && genre !== "animation" ? c.langue : undefined,
        // The production's subsidies off the base, as on the Crédit d'impôt page and in the credit added to the plan.
        subventionsPubliques: subventionsDe(c),
      },
      false,
    );
    bloc.credit = r.credit;
    bloc.base = r.base;
    bloc.taux = r.taux;
    bloc.eligible = r.eligible;
    bloc.aVerifier = r.tables.filter((t) => t.aVerifier).map((t) => t.table);
    bloc.sources = sourcesDe(r.tables);
    if (!r.eligible) bloc.suite = { texte: "Vérifiez les conditions d'éligibilité", page: "credit-impot" };
  } catch (e) {
    if (e instanceof DevisIntrouvableError && !c.feuilleDevis) {
      bloc.absent = "Pas de devis reconnu : le crédit d'impôt se calcule sur ses dépenses.";
      bloc.suite = { texte: "Structurez le devis", page: "structurer" };
    } else bloc.probleme = message(e);
  }
  return bloc;
}

async function blocEcarts(wb: WorkbookPort, c: ContexteProduction, a: Aux) {
  const bloc: BlocEcarts = { suite: { texte: "Chargez le FEC du comptable", page: "ecarts" } };
  if (c.fec) bloc.fec = c.fec;
  const gl = a.deProdbook(FEUILLE_GRAND_LIVRE);
  if (gl) bloc.grandLivre = gl;
  const nom = a.deProdbook(FEUILLE_ECARTS);
  const s = nom ? await wb.readSheet(nom) : undefined;
  const totaux = s && lireTotauxEcarts(s);
  if (!nom || !totaux) {
    bloc.absent = nom
      ? `La feuille « ${nom} » n'a pas de tableau par chapitre lisible.`
      : "Pas encore d'écarts : aucun Grand livre rapproché du devis dans ce classeur.";
    if (c.fec) bloc.suite = { texte: "Rapprochez le FEC chargé du devis", page: "ecarts" };
    return bloc;
  }
  bloc.feuille = nom;
  bloc.totaux = totaux;
  bloc.suite =
    totaux.sansValeur.length > 0
      ? { texte: "Recalculez le classeur (F9), puis actualisez le tableau de bord", page: "ecarts" }
      : totaux.alertes.length > 0
        ? { texte: "Examinez les chapitres en alerte", page: "ecarts" }
        : { texte: "Rechargez le FEC à la prochaine clôture", page: "ecarts" };
  return bloc;
}

async function blocPlanning(wb: WorkbookPort, date: string, a: Aux) {
  const bloc: BlocPlanning = {
    cheminCritique: [],
    suite: { texte: "Calculez le rétroplanning depuis la date de PAD", page: "planning" },
  };
  const nom = a.deProdbook(NOM_RETROPLANNING);
  const s = nom ? await wb.readSheet(nom) : undefined;
  const lu = s && lireRetroplanning(s);
  if (nom && lu) {
    bloc.feuille = nom;
    bloc.pad = lu.fin;
    bloc.debut = lu.debut;
    if (lu.fin) bloc.joursAvantPad = jourDepuisIso(lu.fin) - jourDepuisIso(date);
    bloc.cheminCritique = lu.cheminCritique;
    if (lu.margeMinimale) bloc.margeMinimale = lu.margeMinimale;
    bloc.suite = { texte: "Recalculez le planning après un changement", page: "planning" };
    return bloc;
  }
  for (const n of a.utilisateur) {
    const f = await wb.readSheet(n);
    if (f && estFeuilleEtapes(f)) {
      bloc.feuilleEtapes = n;
      bloc.absent = `Rétroplanning pas encore calculé (étapes dans « ${n} »).`;
      return bloc;
    }
  }
  bloc.absent = "Aucune feuille d'étapes (Étape, Durée) ni rétroplanning dans le classeur.";
  bloc.suite = { texte: "Partez des étapes de post-production types", page: "planning" };
  return bloc;
}

interface Aux {
  /** The user's sheets, Prodbook's apart. */
  utilisateur: string[];
  /** The name of one of Prodbook's sheets when Prodbook has written it in this workbook. */
  deProdbook(souhait: string): string | undefined;
}

/**
 * The production at a glance, from the workbook as it is, for the pane's « Tableau de bord »: the devis
 * (structured or not, total, cost per minute, findings by severity), the financing plan (balanced or not,
 * public-aid share against its ceiling), the tax-credit estimate, the écarts of the last reconciliation and the
 * rétroplanning. Each figure comes from the use case of its page, run without writing; each block says what to
 * do next. A missing source is a plain sentence in its block, never an error.
 */
export async function tableauDeBord(wb: WorkbookPort, args: OptionsTableauDeBord): Promise<TableauDeBord> {
  const date = args.date ?? new Date().toISOString().slice(0, 10);
  const c = args.contexte;
  const lu = lectureUnique(wb);
  const [noms, prodbook] = await Promise.all([lu.listSheets(), lu.feuillesProdbook()]);
  const anous = (n: string) => prodbook.some((p) => p.toLowerCase() === n.toLowerCase());
  const aux: Aux = {
    utilisateur: noms.filter((n) => !anous(n) && n !== "_prodbook"),
    deProdbook: (souhait) => {
      const n = choisirNomFeuille(souhait, noms, prodbook);
      return anous(n) ? n : undefined;
    },
  };
  // One after the other: in Excel each reads through the same queue of Excel.run calls.
  const devis = await blocDevis(lu, c, date, aux.deProdbook(NOMS_SOUHAITES.devis));
  const fin = await blocFinancement(lu, c, date);
  const credit = await blocCreditImpot(lu, c, date);
  const ecarts = await blocEcarts(lu, c, aux);
  const planning = await blocPlanning(lu, date, aux);
  return { date, devis, financement: fin, creditImpot: credit, ecarts, planning };
}

export const commandesTableauDeBord = {
  async lireTableauDeBord(wb: WorkbookPort, args: OptionsTableauDeBord): Promise<TableauDeBord> {
    return tableauDeBord(wb, args);
  },
};
