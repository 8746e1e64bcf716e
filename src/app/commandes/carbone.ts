import Decimal from "decimal.js";
import { bilanCarbone, tablesBilanCarbone, type OptionsBilanCarbone } from "../../core/carbone/bilanClasseur";
import { AVERTISSEMENT_HOMOLOGATION } from "../../core/carbone/colonnes";
import { jsonCarbone } from "../../core/carbone/json";
import type { ActiviteEstimee, Facteur } from "../../core/carbone/modele";
import { aVerifier } from "../../core/regles/table";
import { jsonTablesUtilisees, type RegleUtilisee } from "../../core/regles/utilisees";
import type { WorkbookPort } from "../../core/port/workbook";
import type { Constat } from "../../core/controles/constat";
import { constatsFeuilleLue } from "../../core/devis/regles/feuilleLue";
import { constatsLignesMasquees } from "../../core/devis/regles/lignesMasquees";
import { constatsTotauxNonProuves } from "../../core/devis/regles/totalNonProuve";
import { constatsPlanDeTravailLu } from "../planDeTravailLu";
import { memoriserLectures } from "../lecturesMemorisees";
import { constatsParametresNonLus, DOMAINES_PARAMETRES } from "../parametresNonLus";
import { regleLisible, type ChiffreLisible, type RegleLisible } from "../presentationRegles";
import { decimalFr } from "../../core/util/texte";
import { trierCorrespondances, type Correspondance } from "../../core/comptabilite/correspondances";
import type { ResultatFec } from "../../core/comptabilite/fec/types";
import { verifierDateRegles } from "../dateRegles";
import { avecNomenclature } from "../../core/devis/nomenclature";
import { totalDetaille, type TracesCarbone } from "../../core/traces/carbone";
import type { Trace } from "../../core/traces/trace";
import { traceAffichee, type TraceAffichee } from "../traces";

export interface OptionsCarbone {
  /** Plan de travail sheet; omitted = the user's sheet with Date / Nom / Début / Fin headers, if any. */
  planning?: string;
  /** Devis sheet; omitted = the user's sheet that looks most like a devis. */
  feuille?: string;
  /** ISO date for the factor table; today by default. */
  date?: string;
  /**
   * The ledger whose réalisé by poste gives the définitif (CLI `--fec`), read by the caller; its correspondances
   * file when one was given (else the workbook's « Correspondances » sheet, else the default table), and that
   * file's findings (columns not read).
   */
  fec?: OptionsBilanCarbone["fec"] & { alertes?: Constat[] };
  /** « D'où vient ce chiffre ? » (CLI --explique): add `traces`. */
  explique?: boolean;
}

/**
 * The traces `prodbook carbone --explique` prints: every figure's (`carbone`, the JSON's `traces`), and the total and
 * each category's down to the activities' factors and devis cells (`totalDetaille`, the text tree).
 */
export interface TracesCommandeCarbone {
  carbone: TracesCarbone;
  total: Trace;
  categories: Record<string, Trace>;
  /** The total définitif and each category's, down to the réalisé and factor of each line that has a réalisé. */
  definitif: Trace;
  categoriesDefinitif: Record<string, Trace>;
}

/**
 * « D'où vient ce chiffre ? » of the Carbone page's figures: the total and each category, down to the factors; the
 * définitif (total and by category, shown when there is a réalisé), down to the lines' réalisé; the two shares
 * (activity data, money ratios), down to the lines counted.
 */
export interface ExplicationsCarbone {
  total: TraceAffichee;
  categories: Record<string, TraceAffichee>;
  definitif: TraceAffichee;
  categoriesDefinitif: Record<string, TraceAffichee>;
  partActivite: TraceAffichee;
  partMonetaire: TraceAffichee;
}

/**
 * How the pane shows where the estimate comes from: which figures rest on a factor not read in an official text
 * (« à vérifier »), the factors used with their value and identifier, and the factor table's version with its
 * sources. In French, without the table's id or the factors' codes.
 */
export interface PresentationCarbone {
  /** The total rests on at least one factor of confidence M or L. */
  totalAVerifier: boolean;
  /** Codes of the categories whose estimate rests on such a factor (to badge their row). */
  categoriesAVerifier: string[];
  /** Each factor the estimate used, once, in order of use. */
  facteurs: ChiffreLisible[];
  textes: RegleLisible[];
  /** The devis lines counted in weeks or months, turned into days of use, in the order of the activities. */
  conversions: ConversionLisible[];
}

/**
 * A week or month duration turned into days of use, as the pane says it next to its category:
 * « Location caméra », « 3 semaines → 15 jours d'utilisation », « 5 jours par semaine », « à vérifier ».
 */
export interface ConversionLisible {
  /** Category code of the activity (the pane lists it under that category's row). */
  categorie: string;
  /** Where the duration was read (the devis line's label cell). */
  cellule: string;
  libelle: string;
  /** « 3 semaines → 15 jours d'utilisation » (no-break spaces between each number and its unit). */
  texte: string;
  /** « 5 jours par semaine ». */
  regle: string;
  /**
   * « à vérifier » for the table's convention below H, « feuille Paramètres » when the user typed the days per unit,
   * « plan de travail, à vérifier » when a week of shooting equipment counts the plan's shooting days per week,
   * undefined for a convention read in an official text.
   */
  mention?: "à vérifier" | "feuille Paramètres" | "plan de travail, à vérifier";
  /** The user's corrected quantity in the sheet (« 12 jours »: a converted line is counted in days), used instead. */
  corrigee?: string;
}

/** « 1 semaine », « 1,5 semaine », « 2 semaines » (French: plural from 2), « 3 mois ». */
const duree = (d: Decimal, un: string, plusieurs: string) =>
  `${decimalFr(d.toFixed())}\u00a0${d.gte(2) ? plusieurs : un}`;

function conversionLisible(a: ActiviteEstimee): ConversionLisible | undefined {
  const c = a.conversion;
  if (!c) return undefined;
  const lues = new Decimal(c.quantite);
  const parUnite = new Decimal(c.jours);
  const semaine = c.unite === "semaine";
  const mention = c.surcharge
    ? "feuille Paramètres"
    : c.plan
      ? "plan de travail, à vérifier"
      : aVerifier(c.confiance)
        ? "à vérifier"
        : undefined;
  return {
    categorie: a.categorie,
    cellule: a.cellule,
    libelle: a.libelle,
    texte:
      `${semaine ? duree(lues, "semaine", "semaines") : duree(lues, "mois", "mois")} → ` +
      `${duree(lues.times(parUnite), "jour", "jours")} d'utilisation`,
    regle: `${duree(parUnite, "jour", "jours")}${c.plan ? " de tournage" : ""} par ${semaine ? "semaine" : "mois"}`,
    ...(mention ? { mention } : {}),
    ...(a.corrigee && a.quantiteRetenue !== undefined
      ? { corrigee: duree(new Decimal(a.quantiteRetenue), "jour", "jours") }
      : {}),
  };
}

/** « 0.00293 » → « 0,00293 kg CO₂e / passager.km ». */
const valeurFacteur = (f: Facteur) => `${f.valeur.replace(".", ",")}\u00a0kg CO₂e / ${f.unite}`;

function chiffreFacteur(f: Facteur): ChiffreLisible {
  const av = aVerifier(f.confiance);
  const id = f.base === "Paramètres" ? "" : ` (${f.base} ${f.identifiant})`;
  return {
    cle: f.code,
    libelle: `${f.libelle}${id}`,
    valeur: valeurFacteur(f),
    aVerifier: av,
    mention: f.surcharge ? "feuille Paramètres" : av ? "à vérifier" : "texte officiel",
    ...(f.surcharge ? { surcharge: f.surcharge } : {}),
  };
}

export function presentationCarbone(activites: readonly ActiviteEstimee[], tables: RegleUtilisee[]) {
  const estimees = activites.filter(
    (a) => a.facteurTrouve && (a.methode === "activite" || a.methode === "monetaire") && a.kgCO2e !== undefined,
  );
  const douteuses = estimees.filter((a) => aVerifier(a.facteurTrouve!.confiance));
  const vus = new Set<string>();
  const facteurs: ChiffreLisible[] = [];
  for (const a of estimees) {
    const f = a.facteurTrouve!;
    if (vus.has(f.code)) continue;
    vus.add(f.code);
    facteurs.push(chiffreFacteur(f));
  }
  const p: PresentationCarbone = {
    totalAVerifier: douteuses.length > 0,
    categoriesAVerifier: [...new Set(douteuses.map((a) => a.categorie))],
    facteurs,
    textes: tables.map(regleLisible),
    conversions: activites.flatMap((a) => conversionLisible(a) ?? []),
  };
  return p;
}

/**
 * What the pane and the CLI get from one run: the public figures (`bilan`, the JSON of `prodbook carbone`), the
 * export as French CSV, how many corrections were kept, and whether the réalisé came from « Écarts ».
 */
export interface ResultatCarbone {
  bilan: ReturnType<typeof jsonCarbone> & {
    controles: { regle: string; gravite: Constat["gravite"]; message: string; cellule: string | null }[];
  };
  csv: string;
  corrections: number;
  ecarts: boolean;
  /** Devis sheet read. */
  feuilleDevis: string;
  avertissement: string;
  /** The rule-table versions used (emission factors, the default PCG correspondances, the CNC nomenclature). */
  tables: RegleUtilisee[];
  /** For the pane: « à vérifier » and « Détails et sources ». */
  presentation: PresentationCarbone;
  /**
   * Findings on what was read: the devis sheet found hidden (« feuille-lue »), as `devis` says it; the plan de
   * travail's proven TOTAL rows (« total-plan-de-travail »), as `planning` says them.
   */
  controles: Constat[];
  /** Pane only: edited correspondances left out because they are incomplete (the Écarts page names them). */
  correspondancesLaissees?: number;
  /** With `explique` (CLI): the traces of the figures. */
  traces?: TracesCommandeCarbone;
  /** Pane: the total's and categories' trees (« D'où vient ce chiffre ? »). */
  explications?: ExplicationsCarbone;
}

/** The one door to the bilan carbone, for the pane and the CLI. */
export async function executerBilanCarbone(
  classeur: WorkbookPort,
  args: OptionsCarbone & Pick<OptionsBilanCarbone, "ecrire">,
): Promise<ResultatCarbone> {
  // The « Paramètres » sheet read once, for the unread keys and the factors.
  const wb = memoriserLectures(classeur);
  verifierDateRegles(args.date, "date");
  // The « Paramètres » keys no calculation reads that the carbon factors could have meant.
  const parametres = await constatsParametresNonLus(wb, DOMAINES_PARAMETRES.carbone);
  const r = await bilanCarbone(wb, args);
  // The CNC nomenclature the devis was structured with, last (as `devis` names it), in the JSON as in the text.
  const tables = avecNomenclature(tablesBilanCarbone(r), r.devis);
  // The money of hidden devis rows is in the estimate (its ratios): said like `devis` says it (lignes-masquees).
  // With a FEC: the correspondances file's columns not read, then the ledger's findings (accounts without poste…).
  const controles = [
    ...parametres,
    ...constatsFeuilleLue(r.devis),
    ...constatsLignesMasquees(r.devis),
    // A « TOTAL » no arithmetic proves is a devis line, so in the money ratios: said like `devis` says it.
    ...constatsTotauxNonProuves(r.devis),
    ...(args.fec?.alertes ?? []),
    ...r.constatsFec,
    // The plan de travail's TOTAL rows set aside: said as `planning` says them (one function for both).
    ...constatsPlanDeTravailLu(r.planDeTravail),
  ];
  return {
    // `controles` added to the public JSON (issue 10): { regle, gravite, message, cellule } like devis and planning.
    bilan: {
      ...jsonCarbone(r),
      tables: jsonTablesUtilisees(tables),
      controles: controles.map((c) => ({ ...c, cellule: c.cellule ?? null })),
    },
    controles,
    csv: r.csv,
    corrections: r.corrections,
    ecarts: r.ecarts,
    feuilleDevis: r.devis.feuille,
    avertissement: AVERTISSEMENT_HOMOLOGATION,
    tables,
    presentation: presentationCarbone(r.activites, tables),
    ...(args.explique ? { traces: { carbone: r.traces, ...totalDetaille(r.traces, r.activites) } } : {}),
  };
}

/**
 * The pane's trees from the use case's traces: the CLI's trees, rendered as every page's (`traceAffichee`: the factor
 * table by its French name, « à vérifier » in words, the factor's source as a link; no code, key or confidence letter,
 * which the traces carry in their rules, not in their text).
 */
function explications({ traces, ...r }: ResultatCarbone): ResultatCarbone {
  if (!traces) return r;
  const parCategorie = (ts: Record<string, Trace>) => {
    const categories: Record<string, TraceAffichee> = {};
    for (const [code, t] of Object.entries(ts)) categories[code] = traceAffichee(t);
    return categories;
  };
  return {
    ...r,
    explications: {
      total: traceAffichee(traces.total),
      categories: parCategorie(traces.categories),
      definitif: traceAffichee(traces.definitif),
      categoriesDefinitif: parCategorie(traces.categoriesDefinitif),
      partActivite: traceAffichee(traces.carbone.partActivite),
      partMonetaire: traceAffichee(traces.carbone.partMonetaire),
    },
  };
}

/**
 * The pane's ledger: the FEC loaded on the Écarts page (kept in memory by the production context), its file name,
 * and the correspondances edited there and not yet written (omitted: the workbook's « Correspondances » sheet, else
 * the default table, as `prodbook carbone --fec` without `--correspondances`).
 */
export interface GrandLivreVolet {
  resultat: ResultatFec;
  nom: string;
  lignes?: Correspondance[];
  /** The alertes of the CSV those correspondances were imported from (columns not read…), with the findings. */
  alertes?: Constat[];
}

export type OptionsCarboneVolet = Omit<OptionsCarbone, "fec" | "explique"> & { grandLivre?: GrandLivreVolet };

/** The pane's options turned into the CLI's (`--fec`): the same use case, the same définitif. */
async function depuisLeVolet(
  wb: WorkbookPort,
  { grandLivre, ...args }: OptionsCarboneVolet,
  ecrire: boolean,
): Promise<ResultatCarbone> {
  if (!grandLivre) return explications(await executerBilanCarbone(wb, { ...args, ecrire, explique: true }));
  const tri = grandLivre.lignes ? trierCorrespondances(grandLivre.lignes) : undefined;
  // Each row left out named with its fault, among the findings (as the Écarts page marks it), not only counted.
  const laissees: Constat[] = (tri?.problemes ?? []).map((p) => ({
    regle: "correspondance-laissee",
    gravite: "alerte",
    message: `${p.message} Cette correspondance est laissée de côté : corrigez-la sur la page Écarts.`,
  }));
  const fec = {
    resultat: grandLivre.resultat,
    nom: grandLivre.nom,
    ...(tri ? { correspondances: tri.table } : {}),
    ...(laissees.length || grandLivre.alertes?.length ? { alertes: [...(grandLivre.alertes ?? []), ...laissees] } : {}),
  };
  const r = explications(await executerBilanCarbone(wb, { ...args, fec, ecrire, explique: true }));
  return tri?.problemes.length ? { ...r, correspondancesLaissees: tri.problemes.length } : r;
}

/** Carbone commands: « Estimer » reads only; « Écrire les feuilles » writes « Bilan carbone » and « Export carbone ». */
export const commandesCarbone = {
  async estimerCarbone(wb: WorkbookPort, args: OptionsCarboneVolet): Promise<ResultatCarbone> {
    return depuisLeVolet(wb, args, false);
  },
  async ecrireBilanCarbone(wb: WorkbookPort, args: OptionsCarboneVolet): Promise<ResultatCarbone> {
    return depuisLeVolet(wb, args, true);
  },
};
