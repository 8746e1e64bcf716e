import brut from "../regles/data/nomenclature-cnc.json";
import { type TableRegles, validerTable } from "../regles/table";
import { regleUtilisee, type RegleUtilisee } from "../regles/utilisees";
import type { CategorieLigne, CodeChapitre, Devis, RoleChapitre } from "./model";

/**
 * The CNC devis nomenclature, read from its one data table (src/core/regles/data/nomenclature-cnc.json): chapters 1–9
 * and the block below the total, their audiovisual and cinema labels, the keywords and section titles that place a
 * line, the default category of a line, the known two-digit sub-chapters of the 2018 cinema devis. Placement,
 * categories, eligibility, the sheets and the écarts read it from here; no other module lists the chapters.
 */
export interface Chapitre {
  code: CodeChapitre;
  /** What a numbered chapter holds (droits, charges sociales, transports…), for the rules that treat it apart. */
  role?: RoleChapitre;
  /** The chapter's one name, printed by every command whatever the work (devis, crédit d'impôt, écarts). */
  libelle: string;
  /** FG, IMP, FF, PROD: computed below the total of chapters 1–9, not part of it. */
  sousLeTotal: boolean;
  /** Category of a line of this chapter before its label is read (categorie.ts refines it). */
  categorieParDefaut?: CategorieLigne;
  /** Words that, in a line label or a section title, point to this chapter (normalised: lower case, no accents). */
  motsCles: string[];
  /** Block below the total: a line label starting so belongs to this chapter whatever the section. */
  debutLibelle?: string;
  /** Other section titles naming the chapter (whole normalised title). */
  titres?: string[];
  /** A section title starting so names the chapter. */
  debutTitre?: string;
  /** Section title of an English budget (normalised, "&" removed). */
  titreAnglais?: string;
  /**
   * A whole account name of an English budget (a Movie Magic topsheet's « DIRECTION », « TRAVEL & LIVING »), normalised,
   * "&" removed: places a line that has no section nor trusted code, as a deduction the producer is asked to check.
   */
  compteAnglais?: string;
}

/** An English account name that fits two chapters (« MUSIC »: rights or recording): never placed, both named. */
export interface CompteAnglaisAmbigu {
  motif: string;
  chapitres: CodeChapitre[];
  /** What each chapter would hold, in French. */
  raison: string;
}

export interface SousChapitre {
  code: string;
  libelle: string;
}

interface ValeursNomenclature {
  chapitres: Chapitre[];
  sousChapitresCinema: SousChapitre[];
  comptesAnglaisAmbigus?: CompteAnglaisAmbigu[];
}

/** The nomenclature table, validated at load (it has a single, undated version). */
export const TABLE_NOMENCLATURE: TableRegles<ValeursNomenclature> = validerTable<ValeursNomenclature>(
  brut,
  "nomenclature-cnc.json",
);
const VALEURS = TABLE_NOMENCLATURE.versions[TABLE_NOMENCLATURE.versions.length - 1].valeurs;

/**
 * The nomenclature version a devis was structured with (chapters, keywords, titles): its one version, whatever the
 * date. Named last in the `tables` of every result that structured a devis (tablesDevis; avecNomenclature for the
 * other commands).
 */
export function regleNomenclature(): RegleUtilisee {
  return regleUtilisee(TABLE_NOMENCLATURE.id, TABLE_NOMENCLATURE.versions[TABLE_NOMENCLATURE.versions.length - 1]);
}

/**
 * The rule tables of a result, for every use case that structured a devis (credit-impot, financement, ecarts, carbone,
 * planning) as `devis` names them: the CNC nomenclature the devis was structured with (nomenclature-cnc) last, once.
 * Without a devis read (`devis` undefined: a plan with a typed cost, a planning without devis), the tables unchanged.
 * Their `tables` in --json, « Règles appliquées », the pane's « Détails et sources » and the « Crédit d'impôt » sheet
 * all come from here.
 */
export function avecNomenclature(tables: readonly RegleUtilisee[], devis: Devis | undefined): RegleUtilisee[] {
  if (!devis) return [...tables];
  const nomenclature = regleNomenclature();
  return [...tables.filter((t) => t.table !== nomenclature.table), nomenclature];
}

/** Every chapter in the devis order: 1 to 9, then FG, IMP, FF, PROD. */
export const CHAPITRES_AUDIOVISUEL: readonly Chapitre[] = VALEURS.chapitres;

/** Known sub-chapters of the 2018 cinema devis (two digits). */
export const SOUS_CHAPITRES_CINEMA: readonly SousChapitre[] = VALEURS.sousChapitresCinema;

/** English account names fitting two chapters. */
export const COMPTES_ANGLAIS_AMBIGUS: readonly CompteAnglaisAmbigu[] = VALEURS.comptesAnglaisAmbigus ?? [];

export { libelleChapitre, ORDRE_CHAPITRES } from "./chapitres";

/** FG, IMP, FF, PROD: computed from the total of chapters 1–9 and not part of it. */
export const CHAPITRES_HORS_TOTAL: readonly CodeChapitre[] = VALEURS.chapitres
  .filter((c) => c.sousLeTotal)
  .map((c) => c.code);

const PAR_CODE = new Map<string, Chapitre>(VALEURS.chapitres.map((c) => [c.code, c]));

const PAR_ROLE = new Map<RoleChapitre, CodeChapitre>(
  VALEURS.chapitres.flatMap((c) => (c.role ? [[c.role, c.code] as const] : [])),
);

/**
 * The chapter that holds a role (« charges-sociales » → "4"): the rules that treat a chapter apart (artists' charges,
 * lodging, the director's pay, the carbone families, the planning's quantities) ask here instead of writing its code.
 * The schema checks that every role has exactly one chapter.
 */
export function chapitreDuRole(role: RoleChapitre): CodeChapitre {
  return PAR_ROLE.get(role)!;
}

export function chapitreNomenclature(code: CodeChapitre): Chapitre | undefined {
  return PAR_CODE.get(code);
}

/** True for a chapter of the block below the total (FG, IMP, FF, PROD). */
export function estSousLeTotal(code: string | undefined): boolean {
  return code !== undefined && PAR_CODE.get(code)?.sousLeTotal === true;
}

/** The code of a chapter named by its code in any case ("fg", "PROD"), for the block below the total. */
export function codeSousLeTotal(texte: string): CodeChapitre | undefined {
  const c = PAR_CODE.get(texte.trim().toUpperCase());
  return c?.sousLeTotal ? c.code : undefined;
}
