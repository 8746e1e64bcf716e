/**
 * Regulatory figures (rates, caps, minima, per-minute tables) are dated, sourced data, never constants in logic.
 * Each table lives in src/core/regles/data/<id>.json; each version has its effective dates, its sources and a
 * confidence tag ([H] primary text seen, [M] secondary source, [L] inferred: shown as « à vérifier »).
 */
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
  valeurs: V;
}

export interface TableRegles<V> {
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

/** Loud validation of a JSON table: names the table and the faulty path. */
export function validerTable<V>(brut: unknown, nomFichier: string): TableRegles<V> {
  const t = brut as TableRegles<V>;
  const err = (chemin: string, msg: string): never => {
    throw new Error(`Table de règles ${nomFichier} : ${chemin} ${msg}`);
  };
  if (!t || typeof t !== "object") err("", "n'est pas un objet");
  if (typeof t.id !== "string" || !t.id) err("id", "manquant");
  if (!Array.isArray(t.versions) || t.versions.length === 0) err("versions", "vide");
  t.versions.forEach((v, i) => {
    const p = `versions[${i}]`;
    if (!ISO.test(v.effetDu)) err(`${p}.effetDu`, `« ${v.effetDu} » n'est pas une date AAAA-MM-JJ`);
    if (v.effetAu !== undefined && !ISO.test(v.effetAu)) err(`${p}.effetAu`, "n'est pas une date AAAA-MM-JJ");
    if (!["H", "M", "L"].includes(v.confiance)) err(`${p}.confiance`, "doit valoir H, M ou L");
    if (!Array.isArray(v.sources) || v.sources.length === 0)
      err(`${p}.sources`, "vide : chaque chiffre doit être sourcé");
    v.sources.forEach((s, j) => {
      if (!/^https?:\/\//.test(s.url)) err(`${p}.sources[${j}].url`, "n'est pas une URL");
    });
    if (v.valeurs === undefined || v.valeurs === null) err(`${p}.valeurs`, "manquant");
  });
  return t;
}

/** « à vérifier » for figures that are not backed by a primary text. */
export function aVerifier(c: Confiance): boolean {
  return c !== "H";
}

/**
 * Workbook overrides from the « Paramètres » sheet: key (e.g. "credit-impot.audiovisuel.taux.fiction") → raw text.
 * Each use case says which keys it reads and reports the ones it used.
 */
export type Surcharges = ReadonlyMap<string, { valeur: string; cellule: string }>;
