import {
  traceEcartsTotal,
  tracesEcarts,
  tracesEcartsChapitres,
  type TraceChapitreEcart,
  type TracePoste,
} from "../../core/traces/ecarts";
import { traceAffichee, type TraceAffichee } from "../traces";
import type { ResultatFec } from "../../core/comptabilite/fec";
import {
  correspondancesParDefaut,
  tablesCorrespondances,
  FEUILLE_CORRESPONDANCES,
  feuilleCorrespondances,
  lireFeuilleCorrespondances,
  lireFichierCorrespondances,
  sectionsDuGrandLivre,
  trierCorrespondances,
  validerCorrespondances,
  type Correspondance,
  type ProblemeCorrespondance,
  type TableCorrespondances,
} from "../../core/comptabilite/correspondances";
import Decimal from "decimal.js";
import { calculerRealise, type BilanLignes } from "../../core/comptabilite/realise";
import { phrasesGrandLivre } from "../../core/comptabilite/resumeGrandLivre";
import type { Constat } from "../../core/controles/constat";
import { devisIntrouvable } from "../../core/devis/import";
import { importerDevisTrouve, trouverFeuilleDevis } from "../../core/devis/trouver";
import { calculerEcarts, SEUILS_DEFAUT, type LigneEcart, type RapportEcarts } from "../../core/ecarts/calcul";
import { FEUILLE_ECARTS } from "../../core/ecarts/feuilleEcarts";
import type { Devis } from "../../core/devis/model";
import { cents, centsToDecimalString, eurosToCents, sumCents } from "../../core/money";
import { choisirNomFeuille, type SheetData, type WorkbookPort } from "../../core/port/workbook";
import { constatsEcarts, lireSaisies, rapprocher } from "../../core/ecarts/rapprocher";
import { dateIso, decoderCsv, nomEncodage } from "../../core/comptabilite/fec";
import type { RegleUtilisee } from "../../core/regles/utilisees";
import { regleLisible, type RegleLisible } from "../presentationRegles";
import { avecNomenclature } from "../../core/devis/nomenclature";

/** One chapter of the report as the pane shows it and the CLI prints it (amounts as "1234.56", % as "12.34"). */
export interface ChapitreEcartVue {
  code: string;
  libelle: string;
  budget: string;
  /** Engagé typed in the Écarts sheet (for the chapter, else the sum of its lines'), null when none was typed. */
  engage: string | null;
  realise: string;
  /** Reste à engager: typed in the Écarts sheet, else max(0, budget − réalisé). */
  reste: string;
  /** Estimation finale = réalisé + reste à engager. */
  estimation: string;
  /** Écart = réalisé − budget (positive = overspend so far). */
  ecart: string;
  /** Écart ÷ budget in %, null when the budget is zero. */
  ecartPct: string | null;
  /** Écart estimé = estimation finale − budget (the expected overspend at the end). */
  ecartEstime: string;
  ecartEstimePct: string | null;
  /** The écart estimé is over both thresholds of the Écarts sheet. */
  alerte: boolean;
}

export interface ResultatRapprochementVue {
  chapitres: ChapitreEcartVue[];
  nonAffecte: {
    total: string;
    /** Each account with its first lines placed in no poste and how many (when the ledger says), as the finding's `fec`. */
    comptes: { compte: string; libelle: string; total: string; lignes?: number[]; nombreLignes?: number }[];
  };
  /** Totals of the chapters; ecart = réalisé − budget, ecartEstime = estimation − budget. */
  totaux: {
    budget: string;
    /** Sum of the chapters' engagé, null when none was typed. */
    engage: string | null;
    realise: string;
    reste: string;
    estimation: string;
    ecart: string;
    ecartEstime: string;
  };
  /**
   * The devis amounts placed in no chapter (`prodbook devis`'s « Montants non placés (hors total) »): in no budget, so
   * that totaux.budget is the devis total; listed apart with the producer's cell.
   */
  nonPlaces: { cellule: string; libelle: string; montant: string; code: string | null }[];
  /** Σ nonPlaces ("0.00" when none): outside totaux.budget. */
  budgetNonPlace: string;
  /** The Écarts sheet's alert thresholds: % as "5.00", amount as "1000.00" (both exceeded → alerte). */
  seuils: { pct: string; montant: string };
  classe6: string;
  /** Class 6 mapped to a poste. */
  affecte: string;
  /** classe6 = affecte + non affecté. */
  conserve: boolean;
  constats: Constat[];
  /** Sheets written (empty when the report is only computed). */
  feuilles: string[];
  /**
   * The rule tables the report used (tablesEcarts): the default PCG correspondances (correspondances-pcg) when they
   * mapped the réalisé, untouched — none for a file, the workbook's sheet or edited rows —, then the CNC nomenclature
   * the devis was structured with. The CLI's `tables` and « Règles appliquées ».
   */
  tables: RegleUtilisee[];
  /** The same tables in French with their texts, for the pane's « Détails et sources ». */
  textes: RegleLisible[];
  /** The ledger the réalisé was read from: its format (encoding named), period, and where every line went. */
  grandLivre: VueGrandLivre;
}

/** The ledger of a report (`grandLivre` of `prodbook ecarts --json`): lues = affectées + sans poste + ignorées. */
export interface VueGrandLivre {
  /** The file's name when the door gave it, else null. */
  fichier: string | null;
  type: "fec" | "csv";
  format: {
    separateur: ResultatFec["format"]["separateur"];
    /** "utf-8", "windows-1252", "iso-8859-15", "ebcdic", "cp850" (or "utf-16le"/"utf-16be"), as `prodbook fec --json`. */
    encodage: string;
    /**
     * The encoding as the user reads it: « UTF-8 », « Windows-1252 », « ISO-8859-15 », « EBCDIC (IBM-1147, français) »,
     * « CP850 (DOS) ».
     */
    nomEncodage: string;
    /** Forced by the user (--encodage, the pane's Encodage list) rather than detected. */
    encodageImpose: boolean;
    bom: boolean;
    montants: ResultatFec["format"]["montants"];
    colonnes: number;
  };
  /** Smallest and largest EcritureDate (AAAA-MM-JJ), null when no line was imported. */
  periode: { du: string; au: string } | null;
  lignes: BilanLignes;
  /** The same in two French sentences (the text of `prodbook ecarts`, the head of the Écarts sheet). */
  resume: string[];
}

/** The ledger's part of the report: format, period, lines accounted for, and their sentences. */
export function vueGrandLivre(fec: ResultatFec, lignes: BilanLignes, nom?: string): VueGrandLivre {
  const f = fec.format;
  const p = phrasesGrandLivre(fec, lignes, nom);
  return {
    fichier: nom ?? null,
    type: f.type,
    format: {
      separateur: f.separateur,
      encodage: f.encodage,
      nomEncodage: nomEncodage(f.encodage),
      encodageImpose: f.encodageForce,
      bom: f.bom,
      montants: f.montants,
      colonnes: f.colonnes,
    },
    periode: fec.periode ? { du: dateIso(fec.periode.du), au: dateIso(fec.periode.au) } : null,
    lignes,
    resume: [p.source, p.lignes],
  };
}

export interface OptionsEcarts {
  /** The ledger; read with `conserver: true` when the sheets are written. */
  fec: ResultatFec;
  /** Omitted: the workbook's « Correspondances » sheet if Prodbook wrote one, else the default PCG table. */
  correspondances?: TableCorrespondances;
  onProgress?: (fait: number, total: number) => void;
  /** The ledger file's name (without its folder), named with its format at the head of the report and sheet. */
  nomFec?: string;
  /** « D'où vient ce chiffre ? »: add each poste's traces down to the FEC lines (CLI --explique). */
  explique?: boolean;
  /**
   * A correspondances file's alertes (columns not read; `constats` of importerCorrespondances in the pane): with the
   * other findings, and on the Écarts and Coût définitif sheets.
   */
  alertes?: readonly Constat[];
}

const m = centsToDecimalString;
const pct = (p: Decimal | undefined) => (p === undefined ? null : p.times(100).toFixed(2, Decimal.ROUND_HALF_UP));

/** Engagé of a chapter as the Écarts sheet shows it: typed for it, else the sum of what its lines have typed. */
function engageChapitre(r: RapportEcarts, c: LigneEcart): string | null {
  if (c.engage !== undefined) return m(c.engage);
  const typees = r.lignes.filter((l) => l.chapitre === c.code && l.engage !== undefined);
  return typees.length ? m(cents(typees.reduce((s, l) => s + (l.engage ?? 0), 0))) : null;
}

/** The rule tables of an écarts report: the default correspondances when they were used, then the CNC nomenclature. */
export function tablesEcarts(source: TableCorrespondances["source"], devis: Devis): RegleUtilisee[] {
  return avecNomenclature(tablesCorrespondances(source), devis);
}

/** The report as the pane and the CLI show it, with its findings (constatsEcarts, as the Écarts sheet lists them). */
function vue(
  r: RapportEcarts,
  feuilles: string[],
  constats: Constat[],
  source: TableCorrespondances["source"],
  devis: Devis,
  grandLivre: VueGrandLivre,
): ResultatRapprochementVue {
  const tables = tablesEcarts(source, devis);
  const engages = r.chapitres.map((c) => engageChapitre(r, c)).filter((e): e is string => e !== null);
  return {
    chapitres: r.chapitres.map((c) => ({
      code: c.code,
      libelle: c.libelle,
      budget: m(c.budget),
      engage: engageChapitre(r, c),
      realise: m(c.realise),
      reste: m(c.reste),
      estimation: m(c.estimation),
      ecart: m(c.ecart),
      ecartPct: pct(c.ecartPct),
      ecartEstime: m(c.ecartEstime),
      ecartEstimePct: pct(c.ecartEstimePct),
      alerte: c.alerte,
    })),
    nonAffecte: {
      total: m(r.realise.totalNonAffecte),
      comptes: r.realise.nonAffectes.map((c) => ({
        compte: c.compte,
        libelle: c.libelle,
        total: m(c.total),
        ...(c.lignes && c.nombreLignes ? { lignes: c.lignes, nombreLignes: c.nombreLignes } : {}),
      })),
    },
    totaux: {
      budget: m(r.total.budget),
      engage: engages.length ? m(cents(engages.reduce((s, e) => s + eurosToCents(e), 0))) : null,
      realise: m(r.total.realise),
      reste: m(cents(r.chapitres.reduce((s, c) => s + c.reste, 0))),
      estimation: m(r.total.estimation),
      ecart: m(r.total.ecart),
      ecartEstime: m(r.total.ecartEstime),
    },
    nonPlaces: r.nonPlaces.map((n) => ({
      cellule: n.cellule,
      libelle: n.libelle,
      montant: m(n.montant),
      code: n.code ?? null,
    })),
    budgetNonPlace: m(sumCents(r.nonPlaces.map((n) => n.montant))),
    seuils: { pct: pct(new Decimal(r.seuils.pct)) as string, montant: m(r.seuils.montant) },
    classe6: m(r.realise.classe6),
    affecte: m(r.realise.affecte),
    conserve: r.realise.conserve,
    constats,
    feuilles,
    tables,
    textes: tables.map(regleLisible),
    grandLivre,
  };
}

/**
 * The écarts use case, for the pane and `prodbook ecarts`: the ledger against the devis, per chapter. With
 * `ecrire`, writes Grand livre, Correspondances, Écarts and Coût définitif (keeping what the user typed in a
 * previous Écarts sheet); without, only computes the report from the user's devis sheet.
 */
export async function ecarts(
  wb: WorkbookPort,
  args: OptionsEcarts,
  ecrire: boolean,
): Promise<
  ResultatRapprochementVue & {
    traces?: Record<string, TracePoste>;
    /** Each chapter row's réalisé, budget, écart and écart estimé, down to the postes, FEC and devis lines. */
    tracesChapitres?: Record<string, TraceChapitreEcart>;
    /** The total row's, down to the chapters. */
    traceTotal?: TraceChapitreEcart;
    explications?: ExplicationsEcarts;
    explicationTotal?: ExplicationTotalEcarts;
  }
> {
  // Edited in the pane or read from a CSV: checked like the sheet it will be written to.
  const correspondances = args.correspondances && validerCorrespondances(args.correspondances);
  if (ecrire) {
    const r = await rapprocher(wb, {
      fec: args.fec,
      correspondances,
      onProgress: args.onProgress,
      constats: args.alertes,
      nomFec: args.nomFec,
    });
    const traces = args.explique ? tracesEcarts(r.rapport, r.devis, args.fec, r.correspondances) : undefined;
    return {
      ...vue(
        r.rapport,
        r.feuilles,
        r.constats,
        r.correspondances.source,
        r.devis,
        vueGrandLivre(args.fec, r.rapport.realise.lignes, args.nomFec),
      ),
      ...(traces ? { traces, ...explications(r.rapport, traces, r.devis) } : {}),
    };
  }
  const table = correspondances ?? (await commandesEcarts.lireCorrespondances(wb, {}));
  const { devis, rapport } = await calculer(wb, args.fec, table);
  const traces = args.explique ? tracesEcarts(rapport, devis, args.fec, table) : undefined;
  const constats = constatsEcarts(rapport, devis, args.alertes);
  return {
    ...vue(rapport, [], constats, table.source, devis, vueGrandLivre(args.fec, rapport.realise.lignes, args.nomFec)),
    ...(traces ? { traces, ...explications(rapport, traces, devis) } : {}),
  };
}

/** « D'où vient ce chiffre ? » of the pane's Écarts table: each chapter's réalisé and écart, by chapter code. */
export type ExplicationsEcarts = Record<string, { realise: TraceAffichee; ecart: TraceAffichee }>;

/** The same for the table's total row: réalisé total and écart total, down to the chapters. */
export type ExplicationTotalEcarts = { realise: TraceAffichee; ecart: TraceAffichee };

function explications(
  rapport: RapportEcarts,
  postes: Record<string, TracePoste>,
  devis: Devis,
): {
  tracesChapitres: Record<string, TraceChapitreEcart>;
  traceTotal: TraceChapitreEcart;
  explications: ExplicationsEcarts;
  explicationTotal: ExplicationTotalEcarts;
} {
  const out: ExplicationsEcarts = {};
  const chapitres = tracesEcartsChapitres(rapport, postes, devis);
  for (const [code, t] of Object.entries(chapitres))
    out[code] = { realise: traceAffichee(t.realise), ecart: traceAffichee(t.ecart) };
  const total = traceEcartsTotal(rapport, chapitres);
  return {
    tracesChapitres: chapitres,
    traceTotal: total,
    explications: out,
    explicationTotal: { realise: traceAffichee(total.realise), ecart: traceAffichee(total.ecart) },
  };
}

/**
 * The report without writing anything, from the user's devis sheet, with what was typed in a previous Écarts
 * sheet (engagé, reste à engager, thresholds): the figures the sheets would show if written now.
 */
async function calculer(
  wb: WorkbookPort,
  fec: ResultatFec,
  table: TableCorrespondances,
): Promise<{ devis: Devis; rapport: RapportEcarts }> {
  const prodbook = await wb.feuillesProdbook();
  const anous = (n: string) => prodbook.some((p) => p.toLowerCase() === n.toLowerCase());
  const noms = await wb.listSheets();
  const feuilles: SheetData[] = [];
  for (const n of noms) {
    if (anous(n)) continue;
    const s = await wb.readSheet(n);
    if (s) feuilles.push(s);
  }
  const source = trouverFeuilleDevis(feuilles);
  if (!source) throw devisIntrouvable(feuilles);
  const devis = importerDevisTrouve(source, undefined, feuilles);
  const nomEcarts = choisirNomFeuille(FEUILLE_ECARTS, noms, prodbook);
  const precedente = anous(nomEcarts) ? await wb.readSheet(nomEcarts) : undefined;
  const { saisies, seuils } = precedente ? lireSaisies(precedente) : { saisies: {}, seuils: undefined };
  return { devis, rapport: calculerEcarts(devis, calculerRealise(fec, table), saisies, seuils ?? SEUILS_DEFAUT) };
}

/** A poste the pane offers for « Affecter à… »: a chapter, then its devis lines. */
export interface PosteVue {
  code: string;
  libelle: string;
  chapitre: string;
  niveau: "chapitre" | "ligne";
}

/** The postes of the devis, each chapter followed by its coded lines (each code once). */
function postesDuDevis(devis: Devis, r: RapportEcarts): PosteVue[] {
  const postes: PosteVue[] = [];
  for (const c of r.chapitres) {
    if (c.code === "?") continue;
    postes.push({ code: c.code, libelle: c.libelle, chapitre: c.code, niveau: "chapitre" });
    const vus = new Set<string>([c.code]);
    for (const l of devis.lignes)
      if (l.code && l.chapitre === c.code && !vus.has(l.code)) {
        vus.add(l.code);
        postes.push({ code: l.code, libelle: l.libelle, chapitre: c.code, niveau: "ligne" });
      }
  }
  return postes;
}

export interface ApercuEcartsVue extends ResultatRapprochementVue {
  /** Where an unmapped account can go (« Affecter à… »). */
  postes: PosteVue[];
  /** Faulty rows of the list given (by index): erreur rows were left out of the calculation. */
  problemes: ProblemeCorrespondance[];
}

/**
 * Where the correspondances come from when none is handed in (no CSV given, nothing edited in the pane): Prodbook's
 * « Correspondances » sheet of an earlier run, edits included, else the default table — as rapprocher reads them.
 */
export async function origineCorrespondances(
  wb: WorkbookPort,
): Promise<{ origine: "feuille"; feuille: string } | { origine: "defaut" }> {
  const { nom, sheet } = await feuilleExistante(wb);
  return sheet ? { origine: "feuille", feuille: nom } : { origine: "defaut" };
}

async function feuilleExistante(wb: WorkbookPort) {
  const nom = choisirNomFeuille(FEUILLE_CORRESPONDANCES, await wb.listSheets(), await wb.feuillesProdbook());
  const prodbook = await wb.feuillesProdbook();
  return prodbook.some((p) => p.toLowerCase() === nom.toLowerCase())
    ? { nom, sheet: await wb.readSheet(nom) }
    : { nom, sheet: undefined };
}

/**
 * A correspondances CSV as picked in the pane or given to `prodbook ecarts --correspondances`: decoded like a ledger
 * CSV (UTF-8 when valid, else Windows-1252, as Excel saves it under Windows), its table, and as alertes what it holds
 * that is not read (another column, text beyond the header's columns), each naming the file and the line.
 */
export function lireCsvCorrespondances(
  octets: Uint8Array,
  nom: string,
): { table: TableCorrespondances; alertes: Constat[] } {
  return lireFichierCorrespondances(decoderCsv(octets).texte, nom);
}

/** Écarts commands: read / save the correspondances, reconcile the ledger read by the worker. */
export const commandesEcarts = {
  async lireCorrespondances(wb: WorkbookPort, _args: Record<string, never>): Promise<TableCorrespondances> {
    const { sheet } = await feuilleExistante(wb);
    return sheet ? lireFeuilleCorrespondances(sheet) : correspondancesParDefaut();
  },

  /**
   * A correspondances CSV picked in the pane: its rows, in the file's order, and its alertes — their messages to show
   * under the button, and as findings (`constats`) to hand back to rapprocherGrandLivre (`alertes`), which writes them
   * on the Écarts and Coût définitif sheets as `prodbook ecarts --correspondances -o` does.
   */
  async importerCorrespondances(
    _wb: WorkbookPort,
    args: { octets: Uint8Array; nom: string },
  ): Promise<{ lignes: Correspondance[]; alertes: string[]; constats: Constat[] }> {
    const { table, alertes } = lireCsvCorrespondances(args.octets, args.nom);
    // The pane names its rows by their rank in the list it edits, not by the file's line (`ou` left out).
    const lignes = [...table.comptes, ...table.sections]
      .sort((a, b) => (a.ligne ?? 0) - (b.ligne ?? 0))
      .map(({ ou: _ou, ...c }) => c);
    return { lignes, alertes: alertes.map((a) => a.message), constats: alertes };
  },

  async ecrireCorrespondances(wb: WorkbookPort, args: { table: TableCorrespondances }): Promise<{ feuille: string }> {
    const { nom } = await feuilleExistante(wb);
    await wb.writeSheets([feuilleCorrespondances(validerCorrespondances(args.table), nom)]);
    return { feuille: nom };
  },

  /**
   * The écarts computed, nothing written: for the pane, after a ledger is loaded and each time a correspondance
   * is added or deleted. `lignes` is the list as the user edits it (omitted: the sheet's, else the default
   * table); its faulty rows are left out and named instead of stopping the calculation. `source`: the default table's,
   * when `lignes` are its rows untouched (named in « Détails et sources »).
   */
  async apercuEcarts(
    wb: WorkbookPort,
    args: {
      fec: ResultatFec;
      lignes?: Correspondance[];
      source?: TableCorrespondances["source"];
      explique?: boolean;
      /** The ledger file's name, named in the report's `grandLivre` (« Détails et sources »). */
      nomFec?: string;
    },
  ): Promise<ApercuEcartsVue & { explications?: ExplicationsEcarts; explicationTotal?: ExplicationTotalEcarts }> {
    let lignes: Correspondance[] | undefined = args.lignes;
    let source = args.source;
    if (!lignes) {
      const t: TableCorrespondances = await commandesEcarts.lireCorrespondances(wb, {});
      lignes = [...t.comptes, ...t.sections];
      source = t.source;
    }
    const { table } = trierCorrespondances(lignes);
    const { devis, rapport } = await calculer(wb, args.fec, table);
    const postes = postesDuDevis(devis, rapport);
    const { problemes } = trierCorrespondances(
      lignes,
      new Set(postes.map((p) => p.code)),
      args.fec.comptes.keys(),
      sectionsDuGrandLivre(args.fec.lignes),
    );
    // The pane's explanations only (the core traces of the chapters and total are the CLI's).
    const ex = args.explique ? explications(rapport, tracesEcarts(rapport, devis, args.fec, table), devis) : undefined;
    const pourLeVolet = ex ? { explications: ex.explications, explicationTotal: ex.explicationTotal } : {};
    const gl = vueGrandLivre(args.fec, rapport.realise.lignes, args.nomFec);
    return {
      ...vue(rapport, [], constatsEcarts(rapport, devis), source, devis, gl),
      postes,
      problemes,
      ...pourLeVolet,
    };
  },

  /** Writes Grand livre, Correspondances, Écarts and Coût définitif; the report as the CLI prints it. */
  async rapprocherGrandLivre(
    wb: WorkbookPort,
    args: OptionsEcarts,
  ): Promise<
    ResultatRapprochementVue & { explications?: ExplicationsEcarts; explicationTotal?: ExplicationTotalEcarts }
  > {
    // The pane gets the chapters' and total's explanations in its own shape, not the core traces.
    const { traces: _traces, tracesChapitres: _chapitres, traceTotal: _total, ...r } = await ecarts(wb, args, true);
    return r;
  },
};
