/**
 * Regulatory figures (rates, caps, minima, per-minute tables) are dated, sourced data, never constants in logic.
 * Each table lives in src/core/regles/data/<id>.json; each version has its effective dates, its sources and a
 * confidence tag ([H] primary text seen, [M] secondary source, [L] inferred: shown as « à vérifier »).
 */
import * as v from "valibot";
import { estSourcePrimaire, exportsSansLegifrance, HOTES_PRIMAIRES } from "./primaires";
import { cheminIssue, enveloppe, messageIssue } from "./schema";
import { SCHEMAS_TABLES } from "./schemas";

export type Confiance = "H" | "M" | "L";

export interface Source {
  titre: string;
  url: string;
  consulteLe?: string;
}

export interface VersionRegle<V> {
  /** ISO date, inclusive. */
  effetDu: string;
  /** ISO date, inclusive; absent = still in force. */
  effetAu?: string;
  confiance: Confiance;
  sources: Source[];
  note?: string;
  /** Confidence M or L: why no primary text backs the figure. */
  motifConfiance?: string;
  /** The research log behind the motif, for the auditor (`prodbook regles` prints it, the pane does not). */
  recherche?: string;
  valeurs: V;
}

export interface TableRegles<V> {
  $comment?: string;
  id: string;
  description: string;
  versions: VersionRegle<V>[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The version in force on `date` (ISO), or undefined when none covers it. */
export function versionEnVigueur<V>(table: TableRegles<V>, date: string): VersionRegle<V> | undefined {
  if (!ISO.test(date)) throw new RangeError(`Date invalide « ${date} » (attendu AAAA-MM-JJ)`);
  let best: VersionRegle<V> | undefined;
  for (const v of table.versions) {
    if (v.effetDu <= date && (!v.effetAu || date <= v.effetAu)) {
      if (!best || v.effetDu > best.effetDu) best = v;
    }
  }
  return best;
}

/** A rule table that does not match its schema: names the file and the JSON path. */
export class TableReglesInvalideError extends Error {
  constructor(
    public readonly fichier: string,
    public readonly chemin: string,
    public readonly detail: string,
  ) {
    super(`Table de règles ${fichier} : ${chemin ? `${chemin} : ` : ""}${detail}`);
    this.name = "TableReglesInvalideError";
  }
}

/**
 * Loud validation of a JSON table against its schema in the registry (src/core/regles/schemas): every value typed,
 * versions in chronological order without overlap, effetAu ≥ effetDu, a version at H citing a primary source
 * (HOTES_PRIMAIRES), a version at M or L saying why (motifConfiance). Throws TableReglesInvalideError naming the file
 * and the JSON path of the first fault.
 */
export function validerTable<V>(brut: unknown, nomFichier: string): TableRegles<V> {
  const id = brut && typeof brut === "object" ? (brut as { id?: unknown }).id : undefined;
  if (typeof id !== "string" || !id) throw new TableReglesInvalideError(nomFichier, "id", "manquant");
  if (nomFichier !== `${id}.json`)
    throw new TableReglesInvalideError(nomFichier, "id", `« ${id} » ne correspond pas au nom du fichier`);
  const schema = SCHEMAS_TABLES[id];
  if (!schema)
    throw new TableReglesInvalideError(nomFichier, "id", `« ${id} » n'a pas de schéma dans src/core/regles/schemas`);
  const r = v.safeParse(enveloppe(schema), brut);
  if (!r.success) {
    const i = r.issues[0];
    throw new TableReglesInvalideError(nomFichier, cheminIssue(i), messageIssue(i));
  }
  const t = r.output as TableRegles<V>;
  verifierVersions(t, nomFichier);
  return t;
}

function verifierVersions(t: TableRegles<unknown>, fichier: string): void {
  t.versions.forEach((ver, i) => {
    const p = `versions[${i}]`;
    const err = (champ: string, msg: string) => new TableReglesInvalideError(fichier, `${p}${champ}`, msg);
    if (ver.effetAu !== undefined && ver.effetAu < ver.effetDu)
      throw err(".effetAu", `${ver.effetAu} est antérieur à effetDu ${ver.effetDu}`);
    const prec = t.versions[i - 1];
    if (prec) {
      if (prec.effetAu === undefined)
        throw err(
          ".effetDu",
          `versions[${i - 1}] est sans effetAu (toujours en vigueur) : seule la dernière peut l'être`,
        );
      if (ver.effetDu <= prec.effetAu)
        throw err(".effetDu", `${ver.effetDu} chevauche versions[${i - 1}] (en vigueur jusqu'au ${prec.effetAu})`);
    }
    if (ver.confiance !== "H" && !ver.motifConfiance)
      throw err(
        ".motifConfiance",
        `confiance ${ver.confiance} sans motif : dites pourquoi aucun texte primaire ne porte ces chiffres`,
      );
    if (ver.confiance === "H" && !ver.sources.some((s) => estSourcePrimaire(s.url)))
      throw err(
        ".sources",
        `confiance H sans texte primaire : une source doit venir de ${HOTES_PRIMAIRES.map((h) => h.hote).join(", ")}`,
      );
    const seuls = ver.confiance === "H" ? exportsSansLegifrance(ver.sources.map((s) => s.url)) : [];
    if (seuls.length > 0)
      throw err(
        ".sources",
        `confiance H lue dans un export de la base LEGI (${seuls[0]}) sans la page Légifrance de l'article ` +
          `(identifiant LEGIARTI… ou JORFTEXT…) : citez-la dans la même version`,
      );
  });
}

/** « à vérifier » for figures that are not backed by a primary text. */
export function aVerifier(c: Confiance): boolean {
  return c !== "H";
}

/**
 * Workbook overrides from the « Paramètres » sheet: key (e.g. "credit-impot.audiovisuel.taux.fiction") → raw text.
 * Each use case says which keys it reads and reports the ones it used. `nombre`: the cell held a number (its text is
 * then never ambiguous: « 12.5 » is 12,5 whatever the sheet's convention).
 */
export type Surcharges = ReadonlyMap<
  string,
  // nombre: a number cell (its text is JS's: « -0.2 »); pourcent: and shown by Excel as a percentage.
  { valeur: string; cellule: string; nombre?: boolean; pourcent?: boolean }
>;
