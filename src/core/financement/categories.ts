import brut from "../regles/data/financement-categories.json";
import { Confiance, Source, TableRegles, validerTable, versionEnVigueur, VersionRegle } from "../regles/table";
import { normaliser } from "../util/texte";
import type { IdCategorie } from "./model";

export interface CategorieFinancement {
  id: IdCategorie;
  libelle: string;
  groupe: string;
  /** Counts as public aid in the intensity ratio. */
  public: boolean;
  /** A CNC aid (own ceiling). */
  cnc: boolean;
  numeraire: boolean;
  etranger?: boolean;
  /** A broadcaster's contribution (FSA rule). */
  diffuseur?: boolean;
  motsCles: string[];
  /** Why this category is (or is not) public aid. */
  classement: { confiance: Confiance; source: Source; motif?: string };
}

export interface Raffinement {
  de: IdCategorie;
  vers: IdCategorie;
  siMotCle: string[];
}

export interface ValeursCategories {
  categories: CategorieFinancement[];
  raffinements: Raffinement[];
}

export const TABLE_CATEGORIES: TableRegles<ValeursCategories> = verifier(
  validerTable<ValeursCategories>(brut, "financement-categories.json"),
);

function verifier(t: TableRegles<ValeursCategories>): TableRegles<ValeursCategories> {
  for (const [i, v] of t.versions.entries()) {
    const ids = new Set<string>();
    v.valeurs.categories.forEach((c, j) => {
      const p = `versions[${i}].valeurs.categories[${j}]`;
      if (!c.id || ids.has(c.id))
        throw new Error(`Table de règles financement-categories.json : ${p}.id manquant ou en double`);
      if (typeof c.public !== "boolean")
        throw new Error(`Table de règles financement-categories.json : ${p}.public doit être true ou false`);
      if (!c.classement?.source?.url)
        throw new Error(`Table de règles financement-categories.json : ${p}.classement.source manquant`);
      ids.add(c.id);
    });
    if (!ids.has("autre"))
      throw new Error("Table de règles financement-categories.json : la catégorie « autre » est obligatoire");
    for (const r of v.valeurs.raffinements) {
      if (!ids.has(r.de) || !ids.has(r.vers))
        throw new Error(`Table de règles financement-categories.json : raffinement ${r.de} → ${r.vers} inconnu`);
    }
  }
  return t;
}

/** The version of the categories read on `date` (ISO): the one in force, else the latest. */
export function versionCategories(date: string): VersionRegle<ValeursCategories> {
  return versionEnVigueur(TABLE_CATEGORIES, date) ?? TABLE_CATEGORIES.versions[TABLE_CATEGORIES.versions.length - 1];
}

/** The categories in force on `date` (ISO). */
export function categoriesEnVigueur(date: string): CategorieFinancement[] {
  return versionCategories(date).valeurs.categories;
}

function raffinementsEnVigueur(date: string): Raffinement[] {
  return versionCategories(date).valeurs.raffinements;
}

/** Text reduced to words separated by single spaces ("Canal +" → "canal+", "crédit d’impôt" → "credit d impot"). */
export function motsDe(s: string): string {
  return ` ${normaliser(s)
    .replace(/\s+\+/g, "+")
    .replace(/[^a-z0-9+]+/g, " ")
    .trim()} `;
}

function contient(texte: string, motCle: string): boolean {
  const k = motsDe(motCle).trim();
  return k !== "" && texte.includes(` ${k} `);
}

/** The category whose keyword is the longest found in `texte`, with that keyword's length. */
function meilleure(texte: string, cats: CategorieFinancement[]): { id: IdCategorie; longueur: number } | undefined {
  const t = motsDe(texte);
  let best: { id: IdCategorie; longueur: number } | undefined;
  for (const c of cats) {
    for (const k of c.motsCles) {
      if (contient(t, k)) {
        const l = motsDe(k).trim().length;
        if (!best || l > best.longueur) best = { id: c.id, longueur: l };
      }
    }
  }
  return best;
}

export interface Classement {
  categorie: IdCategorie;
  par: "nature" | "financeur" | "section" | "non-classe";
}

/**
 * Category of a source from the producer's words: the nature first, then the financeur's name, then the title
 * of the section the row sits in. A generic category is refined when the other texts say more (a coproduction by
 * a broadcaster is a broadcaster's coproduction share).
 */
export function classer(textes: { nature?: string; financeur?: string; section?: string }, date: string): Classement {
  const cats = categoriesEnVigueur(date);
  // An exact id or label (e.g. chosen from the written sheet's list) wins.
  for (const t of [textes.nature, textes.financeur]) {
    if (!t) continue;
    const n = normaliser(t);
    const exact = cats.find((c) => c.id === n || normaliser(c.libelle) === n);
    if (exact) return { categorie: exact.id, par: t === textes.nature ? "nature" : "financeur" };
  }
  const ordre: ("nature" | "financeur" | "section")[] = ["nature", "financeur", "section"];
  const tout = motsDe([textes.nature, textes.financeur, textes.section].filter(Boolean).join(" | "));
  for (const par of ordre) {
    const texte = textes[par];
    if (!texte) continue;
    const m = meilleure(texte, cats);
    if (!m) continue;
    let id = m.id;
    for (const r of raffinementsEnVigueur(date)) {
      if (r.de === id && r.siMotCle.some((k) => contient(tout, k))) id = r.vers;
    }
    return { categorie: id, par };
  }
  return { categorie: "autre", par: "non-classe" };
}

/** The category by id; unknown ids fall back to « autre » (never public). */
export function categorie(id: IdCategorie, date: string): CategorieFinancement {
  const cats = categoriesEnVigueur(date);
  return cats.find((c) => c.id === id) ?? (cats.find((c) => c.id === "autre") as CategorieFinancement);
}

/** Category from an id, a label or free text (custom functions, edited sheet cells). */
export function categorieDepuisTexte(texte: string, date: string): CategorieFinancement | undefined {
  const c = classer({ nature: texte }, date);
  return c.par === "non-classe" ? undefined : categorie(c.categorie, date);
}
