import * as v from "valibot";
import { cents, formatMontantFr } from "../money";
import { libelleCle, majuscule, valeurLisible } from "./libellesCles";
import { GENRES_CREDIT } from "./schemas/creditImpot";
import accordTransparence from "./data/accord-transparence.json";
import carboneFacteurs from "./data/carbone-facteurs.json";
import chargesSociales from "./data/charges-sociales.json";
import correspondancesPcg from "./data/correspondances-pcg.json";
import creditImpotAidesPubliques from "./data/credit-impot-aides-publiques.json";
import creditImpotArtistes from "./data/credit-impot-artistes.json";
import creditImpotAudiovisuel from "./data/credit-impot-audiovisuel.json";
import creditImpotAudiovisuelMinimumAnimation from "./data/credit-impot-audiovisuel-minimum-animation.json";
import creditImpotAudiovisuelMinimumDocumentaire from "./data/credit-impot-audiovisuel-minimum-documentaire.json";
import creditImpotAudiovisuelMinimumFiction from "./data/credit-impot-audiovisuel-minimum-fiction.json";
import creditImpotAudiovisuelMinimumFictionJeunesse from "./data/credit-impot-audiovisuel-minimum-fiction-jeunesse.json";
import creditImpotAudiovisuelPlafondMinuteAnimation from "./data/credit-impot-audiovisuel-plafond-minute-animation.json";
import creditImpotAudiovisuelPlafondMinuteCoproduction from "./data/credit-impot-audiovisuel-plafond-minute-coproduction.json";
import creditImpotAudiovisuelPlafondMinuteDocumentaire from "./data/credit-impot-audiovisuel-plafond-minute-documentaire.json";
import creditImpotAudiovisuelPlafondMinuteFiction from "./data/credit-impot-audiovisuel-plafond-minute-fiction.json";
import creditImpotCinema from "./data/credit-impot-cinema.json";
import creditImpotCinemaPlafond from "./data/credit-impot-cinema-plafond.json";
import creditImpotPlafondBudget from "./data/credit-impot-plafond-budget.json";
import creditImpotSubventions from "./data/credit-impot-subventions.json";
import creditImpotCinemaRealisateur from "./data/credit-impot-cinema-realisateur.json";
import creditImpotEligibilite from "./data/credit-impot-eligibilite.json";
import creditImpotHebergement from "./data/credit-impot-hebergement.json";
import creditImpotInternational from "./data/credit-impot-international.json";
import creditImpotPhonographique from "./data/credit-impot-phonographique.json";
import creditImpotSpectacleVivant from "./data/credit-impot-spectacle-vivant.json";
import devisFraisCinema from "./data/devis-frais-cinema.json";
import dimanchesFeries from "./data/dimanches-feries.json";
import financementCategories from "./data/financement-categories.json";
import financementFsa from "./data/financement-fsa.json";
import idcc2642Minima from "./data/idcc2642-minima.json";
import idcc3097Annexe3 from "./data/idcc3097-annexe3.json";
import idcc3097ArtistesMinima from "./data/idcc3097-artistes-minima.json";
import idcc3097Minima from "./data/idcc3097-minima.json";
import intensiteAides from "./data/intensite-aides.json";
import nomenclatureCnc from "./data/nomenclature-cnc.json";
import postproductionEtapes from "./data/postproduction-etapes.json";
import smicHoraire from "./data/smic-horaire.json";
import tempsDeTravail from "./data/temps-de-travail.json";
import { centimes, dateIso, jours, minutes, nombreEntier, taux } from "./schema";
import { SCHEMAS_TABLES } from "./schemas";
import { aVerifier, type Confiance, type Surcharges, type TableRegles, validerTable, versionEnVigueur } from "./table";
import {
  DECIMALE_POINT,
  decimaleFr,
  ParametreInvalideError,
  surchargeLisible,
  tauxFr,
  verifierSurchargeLisible,
} from "./parametres";

/**
 * The audit trail of the rule tables (`prodbook regles`, « Sources » page): every table of src/core/regles/data with
 * the version in force on a date, its figures, confidence and sources, and the workbook's « Paramètres » overrides
 * that replace its figures.
 */

/** Every data file, by table id (= file name). A test checks that each file of data/ is here. */
const DONNEES: Readonly<Record<string, unknown>> = {
  "accord-transparence": accordTransparence,
  "carbone-facteurs": carboneFacteurs,
  "charges-sociales": chargesSociales,
  "correspondances-pcg": correspondancesPcg,
  "credit-impot-aides-publiques": creditImpotAidesPubliques,
  "credit-impot-artistes": creditImpotArtistes,
  "credit-impot-audiovisuel": creditImpotAudiovisuel,
  "credit-impot-audiovisuel-minimum-animation": creditImpotAudiovisuelMinimumAnimation,
  "credit-impot-audiovisuel-minimum-documentaire": creditImpotAudiovisuelMinimumDocumentaire,
  "credit-impot-audiovisuel-minimum-fiction": creditImpotAudiovisuelMinimumFiction,
  "credit-impot-audiovisuel-minimum-fiction-jeunesse": creditImpotAudiovisuelMinimumFictionJeunesse,
  "credit-impot-audiovisuel-plafond-minute-animation": creditImpotAudiovisuelPlafondMinuteAnimation,
  "credit-impot-audiovisuel-plafond-minute-coproduction": creditImpotAudiovisuelPlafondMinuteCoproduction,
  "credit-impot-audiovisuel-plafond-minute-documentaire": creditImpotAudiovisuelPlafondMinuteDocumentaire,
  "credit-impot-audiovisuel-plafond-minute-fiction": creditImpotAudiovisuelPlafondMinuteFiction,
  "credit-impot-cinema": creditImpotCinema,
  "credit-impot-cinema-plafond": creditImpotCinemaPlafond,
  "credit-impot-cinema-realisateur": creditImpotCinemaRealisateur,
  "credit-impot-eligibilite": creditImpotEligibilite,
  "credit-impot-hebergement": creditImpotHebergement,
  "credit-impot-international": creditImpotInternational,
  "credit-impot-phonographique": creditImpotPhonographique,
  "credit-impot-plafond-budget": creditImpotPlafondBudget,
  "credit-impot-spectacle-vivant": creditImpotSpectacleVivant,
  "credit-impot-subventions": creditImpotSubventions,
  "devis-frais-cinema": devisFraisCinema,
  "dimanches-feries": dimanchesFeries,
  "financement-categories": financementCategories,
  "financement-fsa": financementFsa,
  "idcc2642-minima": idcc2642Minima,
  "idcc3097-annexe3": idcc3097Annexe3,
  "idcc3097-artistes-minima": idcc3097ArtistesMinima,
  "idcc3097-minima": idcc3097Minima,
  "intensite-aides": intensiteAides,
  "nomenclature-cnc": nomenclatureCnc,
  "postproduction-etapes": postproductionEtapes,
  "smic-horaire": smicHoraire,
  "temps-de-travail": tempsDeTravail,
};

/** Each table validated once (the loader fails loudly naming the file and the JSON path). */
let tables: TableRegles<unknown>[] | undefined;
export function tablesRegles(): TableRegles<unknown>[] {
  tables ??= Object.entries(DONNEES).map(([id, brut]) => validerTable<unknown>(brut, `${id}.json`));
  return tables;
}

/**
 * The first day any rule table answers for (the earliest `effetDu` of all their versions): before it, Prodbook has no
 * rule to apply, and a date asked for there is refused rather than answered with no table.
 */
export function premierJourDesRegles(): string {
  return tablesRegles()
    .flatMap((t) => t.versions.map((v) => v.effetDu))
    .reduce((a, b) => (b < a ? b : a));
}

/** A « Paramètres » row: raw text and its cell, and the value as a French reader reads it. */
export interface SurchargeLue {
  valeur: string;
  cellule: string;
  /**
   * `valeur` in French for the text output and the pane (never in --json, which keeps `valeur`): a number cell
   * « −0,25 », a percent-formatted one « −20,00 % » as the tables' rates show, a text as typed with a « . » decimal
   * made a comma.
   */
  lisible: string;
}

/** A « Paramètres » row the calculation reading it refuses: its message names the cell, as that calculation's does. */
export interface SurchargeRefusee extends SurchargeLue {
  message: string;
}

/**
 * A « Paramètres » row no calculation reads: `proches`, when the caller knows every key read (src/app), the known keys
 * it most likely meant (see clesProches), for « Vouliez-vous dire … ».
 */
export interface SurchargeNonRattachee extends SurchargeLue {
  proches?: string[];
}

/** One figure of a version in French: "taux" → "20,00 %", "tranches 1 › jusqua" → "4 000 000,00 €". */
export interface FigureLisible {
  chemin: string;
  valeur: string;
}

export interface VersionAudit {
  effetDu: string;
  /** null: still in force. */
  effetAu: string | null;
  confiance: Confiance;
  /** M or L: shown « à vérifier ». */
  aVerifier: boolean;
  /** Why no primary text backs the figures (M/L). */
  motifConfiance: string | null;
  /** The research log behind the motif (auditor's detail; not shown in the pane). */
  recherche: string | null;
  note: string | null;
  sources: { titre: string; url: string }[];
  /** The version's values as in the table (amounts in integer cents, rates as decimal strings). */
  valeurs: unknown;
  lisibles: FigureLisible[];
}

/** One version of a table, as a period: its dates and how sure its figures are. */
export interface PeriodeAudit {
  effetDu: string;
  /** null: still in force. */
  effetAu: string | null;
  confiance: Confiance;
  /** M or L: shown « à vérifier ». */
  aVerifier: boolean;
}

export interface TableAudit {
  id: string;
  description: string;
  /** null when no version covers the date. */
  version: VersionAudit | null;
  /** The table's periods (every version), each with its confidence: M or L is shown « à vérifier ». */
  periodes: PeriodeAudit[];
  /** Overrides of the workbook's « Paramètres » sheet that replace figures of this table: key → value and cell. */
  surcharges: Record<string, SurchargeLue>;
  /** Overrides of this table the calculation refuses (out of its bounds): not in force, listed with its message. */
  surchargesRefusees: Record<string, SurchargeRefusee>;
}

export interface AuditRegles {
  date: string;
  tables: TableAudit[];
  /** Rows of the « Paramètres » sheet that no table reads (typing error, or a key of no rule). */
  surchargesNonRattachees: Record<string, SurchargeNonRattachee>;
  /**
   * When a workbook was given: whether it has a « Paramètres » sheet, and whether that sheet has the « Paramètre |
   * Valeur » header without which none of its rows is read (said, never silently ignored).
   */
  feuilleParametres?: "lue" | "absente" | "sans-en-tete";
}

/**
 * Keys whose prefix is not the table id: the devis rules' keys, the carbon factors. Every other key is
 * "<table id with its dashes as dots or dashes>.<figure>" (credit-impot.cinema.taux → credit-impot-cinema).
 */
const PREFIXES_PARTICULIERS: readonly (readonly [string, readonly string[]])[] = [
  ["devis.accord-transparence.", ["accord-transparence"]],
  // The minimum of one function, whichever grid applies to the devis (IDCC 2642 audiovisual, 3097 cinema).
  // The artists' minima of a cinema devis, per day and per week (keys of salaireMinimum.ts, CLE_MINIMUM_ARTISTE).
  ["devis.salaire-minimum.artiste-interprete", ["idcc3097-artistes-minima"]],
  ["devis.salaire-minimum.artiste-interprete-semaine", ["idcc3097-artistes-minima"]],
  ["devis.salaire-minimum.", ["idcc2642-minima", "idcc3097-minima"]],
  ["carbone.", ["carbone-facteurs"]],
  // Audiovisual credit: keys grouped by figure, tables by genre.
  [
    "credit-impot.audiovisuel.plafond-minute.fiction-coproduction",
    ["credit-impot-audiovisuel-plafond-minute-coproduction"],
  ],
  ["credit-impot.audiovisuel.coproduction.", ["credit-impot-audiovisuel-plafond-minute-coproduction"]],
  ["credit-impot.audiovisuel.minimum-minute.fiction-jeunesse", ["credit-impot-audiovisuel-minimum-fiction-jeunesse"]],
  ["credit-impot.audiovisuel.cout-minimum.documentaire", ["credit-impot-audiovisuel-minimum-documentaire"]],
  ...GENRES_CREDIT.flatMap((g) => [
    [`credit-impot.audiovisuel.minimum-minute.${g}`, [`credit-impot-audiovisuel-minimum-${g}`]] as const,
    [`credit-impot.audiovisuel.duree-minimum.${g}`, [`credit-impot-audiovisuel-minimum-${g}`]] as const,
  ]),
];

/** The tables a « Paramètres » key overrides (empty when none): the longest table id the key starts with. */
export function tablesDeSurcharge(cle: string, ids: readonly string[] = Object.keys(DONNEES)): string[] {
  for (const [prefixe, tables] of PREFIXES_PARTICULIERS)
    if (prefixe.endsWith(".") ? cle.startsWith(prefixe) : cle === prefixe) return [...tables];
  const k = cle.replace(/\./g, "-");
  let meilleur: string | undefined;
  for (const id of ids)
    if ((k === id || k.startsWith(`${id}-`)) && (!meilleur || id.length > meilleur.length)) meilleur = id;
  return meilleur ? [meilleur] : [];
}

type Noeud = v.GenericSchema & {
  type?: string;
  entries?: Record<string, Noeud>;
  item?: Noeud;
  wrapped?: Noeud;
  value?: Noeud;
  pipe?: readonly unknown[];
};

/** The typed block (centimes, taux…) a schema node is, through optional/nullable wrappers and pipes. */
function bloc(s: Noeud | undefined): Noeud | undefined {
  let n = s;
  for (let i = 0; n && i < 10; i++) {
    if (n === centimes || n === taux || n === minutes || n === jours || n === nombreEntier || n === dateIso) return n;
    if (n.wrapped) n = n.wrapped;
    else if (n.pipe && n.pipe[0] !== n) n = n.pipe[0] as Noeud;
    else return n;
  }
  return n;
}

function feuille(s: Noeud | undefined, x: unknown): string {
  const b = bloc(s);
  if (typeof x === "number" && b === centimes) return formatMontantFr(cents(x));
  if (typeof x === "string" && b === taux) return tauxFr(x);
  if (typeof x === "number" && b === minutes) return `${x} min`;
  if (typeof x === "number" && b === jours) return `${x} j`;
  if (typeof x === "string" && b === dateIso) return x.split("-").reverse().join("/");
  if (typeof x === "boolean") return x ? "oui" : "non";
  // Any other number in French: « −0,2 » (minus sign U+2212), never « -0.2 » (nor « 1e-7 »).
  if (typeof x === "number" && !Number.isInteger(x)) return decimaleFr(x);
  if (typeof x === "string" && DECIMALE_POINT.test(x)) return decimaleFr(x);
  if (typeof x === "string") return valeurLisible(x);
  return String(x);
}

/**
 * A figure's own confidence below H (« confiance » key of a row or of a nested record: a charges component, an accord
 * line, a grid function, a carbon factor) is written « M (à vérifier) », as the version's own confidence is.
 */
function mentionConfiance(cle: string, x: unknown, valeur: string): string {
  return cle === "confiance" && (x === "M" || x === "L") ? `${valeur} (à vérifier)` : valeur;
}

function lire(s: Noeud | undefined, x: unknown, chemin: string, out: FigureLisible[], cle = ""): void {
  const b = bloc(s);
  if (x === null || x === undefined) {
    out.push({ chemin, valeur: "—" });
  } else if (Array.isArray(x)) {
    const item = b?.item;
    if (x.every((e) => e === null || typeof e !== "object"))
      out.push({ chemin, valeur: x.map((e) => feuille(item, e)).join(", ") });
    else x.forEach((e, i) => lire(item, e, `${chemin} ${i + 1}`, out));
  } else if (typeof x === "object") {
    const entrees = Object.entries(x as Record<string, unknown>);
    const simple = (e: unknown) => e === null || typeof e !== "object";
    // A row of a grid or a nested record of plain figures: one line « clé = valeur ; … ».
    if (chemin && entrees.every(([, e]) => simple(e) || (Array.isArray(e) && e.every(simple)))) {
      const ligne = entrees.map(([k, e]) => {
        const sk = b?.entries?.[k] ?? b?.value;
        const valeur = Array.isArray(e)
          ? e.map((z) => feuille(bloc(sk)?.item, z)).join(", ")
          : e === null
            ? "—"
            : feuille(sk, e);
        return `${libelleCle(k)} = ${mentionConfiance(k, e, valeur)}`;
      });
      out.push({ chemin, valeur: ligne.join(" ; ") });
    } else
      for (const [k, e] of entrees)
        lire(b?.entries?.[k] ?? b?.value, e, chemin ? `${chemin} › ${libelleCle(k)}` : libelleCle(k), out, k);
  } else out.push({ chemin, valeur: mentionConfiance(cle, x, feuille(s, x)) });
}

/** Every figure of a version's values, in French, with its path. */
export function figuresLisibles(id: string, valeurs: unknown): FigureLisible[] {
  const out: FigureLisible[] = [];
  lire(SCHEMAS_TABLES[id] as Noeud | undefined, valeurs, "", out);
  return out.map((f) => ({ ...f, chemin: majuscule(f.chemin) }));
}

/** The message of the calculation's refusal of `cle` (see auditRegles), undefined when it takes the value. */
function refusDuCalcul(verifier: (s: Surcharges, cle: string) => void, s: Surcharges, cle: string): string | undefined {
  try {
    verifier(s, cle);
    return undefined;
  } catch (e) {
    if (e instanceof ParametreInvalideError) return e.message;
    throw e;
  }
}

/**
 * The audit of every rule table on `date` (ISO), with the workbook's overrides when given. `cleConnue` says whether a
 * calculation reads a key (src/app knows every domain's keys): one it does not read (« …plafond-generale ») is listed
 * with the keys no table reads, never as an override in force.
 */
export function auditRegles(
  date: string,
  surcharges: Surcharges = new Map(),
  cleConnue: (cle: string) => boolean = () => true,
  /**
   * The check of the calculation that reads `cle` (src/app knows each domain's): throws its ParametreInvalideError
   * when that calculation would refuse the value (« 720 » hours a day), listed as refused, never as in force.
   */
  verifierCle: (s: Surcharges, cle: string) => void = () => undefined,
): AuditRegles {
  const liste = tablesRegles();
  const ids = liste.map((t) => t.id);
  const parTable = new Map<string, Record<string, SurchargeLue>>();
  const refuseesParTable = new Map<string, Record<string, SurchargeRefusee>>();
  const nonRattachees: Record<string, SurchargeLue> = {};
  for (const [cle, s] of [...surcharges.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const cibles = cleConnue(cle) ? tablesDeSurcharge(cle, ids) : [];
    const lue: SurchargeLue = { valeur: s.valeur, cellule: s.cellule, lisible: surchargeLisible(s) };
    if (cibles.length) verifierSurchargeLisible(surcharges, cle);
    else nonRattachees[cle] = lue;
    const refus = cibles.length ? refusDuCalcul(verifierCle, surcharges, cle) : undefined;
    for (const id of cibles)
      if (refus) refuseesParTable.set(id, { ...refuseesParTable.get(id), [cle]: { ...lue, message: refus } });
      else parTable.set(id, { ...parTable.get(id), [cle]: lue });
  }
  return {
    date,
    tables: liste.map((t) => {
      const ver = versionEnVigueur(t, date);
      return {
        id: t.id,
        description: t.description,
        version: ver
          ? {
              effetDu: ver.effetDu,
              effetAu: ver.effetAu ?? null,
              confiance: ver.confiance,
              aVerifier: aVerifier(ver.confiance),
              motifConfiance: ver.motifConfiance ?? null,
              recherche: ver.recherche ?? null,
              note: ver.note ?? null,
              sources: ver.sources.map((s) => ({ titre: s.titre, url: s.url })),
              valeurs: ver.valeurs,
              lisibles: figuresLisibles(t.id, ver.valeurs),
            }
          : null,
        periodes: t.versions.map((x) => ({
          effetDu: x.effetDu,
          effetAu: x.effetAu ?? null,
          confiance: x.confiance,
          aVerifier: aVerifier(x.confiance),
        })),
        surcharges: parTable.get(t.id) ?? {},
        surchargesRefusees: refuseesParTable.get(t.id) ?? {},
      };
    }),
    surchargesNonRattachees: nonRattachees,
  };
}
