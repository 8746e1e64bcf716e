import brut from "../regles/data/carbone-facteurs.json";
import { parseDecimalFr } from "../money/parse";
import { clesInconnues, ParametreInvalideError } from "../regles/parametres";
import { validerTable, versionEnVigueur, type Surcharges, type TableRegles } from "../regles/table";
import { CATEGORIES, type CodeCategorie, type Facteur, type FacteurManquant } from "./modele";

interface FacteurJson {
  libelle: string;
  categorie: CodeCategorie;
  type: "activite" | "monetaire";
  valeur: string;
  unite: string;
  base: string;
  identifiant: string;
  nom: string;
  confiance: "H" | "M" | "L";
  source: string;
}

export interface ValeursCarbone {
  facteurs: Record<string, FacteurJson>;
  manquants: Record<string, Omit<FacteurManquant, "code">>;
}

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const CHAMPS_FACTEUR = [
  "libelle",
  "categorie",
  "type",
  "valeur",
  "unite",
  "base",
  "identifiant",
  "nom",
  "confiance",
  "source",
];
const CHAMPS_MANQUANT = ["libelle", "categorie", "unite", "raison"];

/**
 * Strict check of the emission-factor table, on top of `validerTable` (dates, confidence, sources): every factor
 * has exactly its fields, a positive decimal value, a known category, an identifier; no code is both a factor
 * and « manquant ». The message names the table and the faulty path.
 */
export function validerTableCarbone(
  donnees: unknown,
  nomFichier = "carbone-facteurs.json",
): TableRegles<ValeursCarbone> {
  const t = validerTable<ValeursCarbone>(donnees, nomFichier);
  const err = (chemin: string, msg: string): never => {
    throw new Error(`Table de règles ${nomFichier} : ${chemin} ${msg}`);
  };
  const categories = CATEGORIES.map((c) => c.code as string);
  t.versions.forEach((v, i) => {
    const p = `versions[${i}].valeurs`;
    const val = v.valeurs as unknown as Record<string, unknown>;
    if (typeof val !== "object" || !val.facteurs || !val.manquants) err(p, "doit contenir facteurs et manquants");
    const champs = (o: unknown, attendus: string[], chemin: string) => {
      if (!o || typeof o !== "object") err(chemin, "n'est pas un objet");
      const cles = Object.keys(o as object);
      for (const a of attendus)
        if (typeof (o as Record<string, unknown>)[a] !== "string" || !(o as Record<string, string>)[a].trim())
          err(`${chemin}.${a}`, "manquant ou vide");
      for (const c of cles) if (!attendus.includes(c)) err(`${chemin}.${c}`, "champ inconnu");
    };
    for (const [code, f] of Object.entries(v.valeurs.facteurs)) {
      const c = `${p}.facteurs.${code}`;
      if (!CODE.test(code)) err(c, "code invalide (minuscules, chiffres et tirets)");
      champs(f, CHAMPS_FACTEUR, c);
      if (!categories.includes(f.categorie)) err(`${c}.categorie`, `« ${f.categorie} » inconnue`);
      if (f.type !== "activite" && f.type !== "monetaire") err(`${c}.type`, "doit valoir activite ou monetaire");
      if (!DECIMAL.test(f.valeur) || Number(f.valeur) <= 0) err(`${c}.valeur`, "doit être un décimal positif");
      if (!["H", "M", "L"].includes(f.confiance)) err(`${c}.confiance`, "doit valoir H, M ou L");
      if (f.type === "monetaire" && f.unite !== "k€ HT") err(`${c}.unite`, "un ratio monétaire est en k€ HT");
    }
    for (const [code, m] of Object.entries(v.valeurs.manquants)) {
      const c = `${p}.manquants.${code}`;
      if (!CODE.test(code)) err(c, "code invalide (minuscules, chiffres et tirets)");
      champs(m, CHAMPS_MANQUANT, c);
      if (!categories.includes(m.categorie)) err(`${c}.categorie`, `« ${m.categorie} » inconnue`);
      if (v.valeurs.facteurs[code]) err(c, "est aussi un facteur");
    }
  });
  return t;
}

export const TABLE_CARBONE = validerTableCarbone(brut);

/** Prefix of the « Paramètres » keys: carbone.<code> = kg CO2e per unit (« 0,0035 »). */
export const PREFIXE_PARAMETRES = "carbone.";

export interface JeuFacteurs {
  facteurs: Map<string, Facteur>;
  manquants: Map<string, FacteurManquant>;
  /** The table's version date and its sources (for the sheet and the docs). */
  effetDu: string;
  /** Paramètres keys under carbone. that name no factor. */
  inconnues: { cle: string; cellule: string }[];
}

/**
 * The factors in force on `date`, with the workbook's overrides: « carbone.<code> » replaces a factor's value, or
 * provides a missing one (it then becomes a factor whose source is the Paramètres cell). A value that is not a
 * positive number is refused with the cell.
 */
export function facteursEnVigueur(date: string, surcharges: Surcharges = new Map()): JeuFacteurs {
  const v =
    versionEnVigueur(TABLE_CARBONE, date) ?? TABLE_CARBONE.versions.reduce((a, b) => (a.effetDu > b.effetDu ? a : b));
  const facteurs = new Map<string, Facteur>();
  for (const [code, f] of Object.entries(v.valeurs.facteurs)) facteurs.set(code, { code, ...f });
  const manquants = new Map<string, FacteurManquant>();
  for (const [code, m] of Object.entries(v.valeurs.manquants)) manquants.set(code, { code, ...m });
  const connues: string[] = [];
  for (const code of [...facteurs.keys(), ...manquants.keys()]) {
    const cle = PREFIXE_PARAMETRES + code;
    connues.push(cle);
    const s = surcharges.get(cle);
    if (!s) continue;
    const d = parseDecimalFr(s.valeur.replace(/\s*kg\s*co2e.*$/i, ""));
    if (d === undefined || !d.isPositive() || d.isZero())
      throw new ParametreInvalideError(
        s.cellule,
        `« ${s.valeur} » n'est pas un facteur d'émission valable pour « ${cle} » (attendu des kg CO2e par unité, par ` +
          `exemple « 0,0035 »).`,
      );
    const existant = facteurs.get(code);
    const manquant = manquants.get(code);
    const base = existant ?? {
      code,
      libelle: manquant!.libelle,
      categorie: manquant!.categorie,
      type: "activite" as const,
      unite: manquant!.unite,
      identifiant: "",
      nom: manquant!.libelle,
      source: "",
    };
    facteurs.set(code, {
      ...base,
      valeur: d.toFixed(),
      base: "Paramètres",
      identifiant: s.cellule,
      nom: existant ? `${existant.nom} (remplacé)` : base.nom,
      confiance: "L",
      source: `Valeur saisie en ${s.cellule}${existant ? ` (au lieu de ${existant.valeur})` : ""}`,
      surcharge: s.cellule,
    });
    manquants.delete(code);
  }
  return { facteurs, manquants, effetDu: v.effetDu, inconnues: clesInconnues(surcharges, PREFIXE_PARAMETRES, connues) };
}

/** « Base Carbone 43256 — TGV, 2022 [M, à vérifier] »: how a factor is cited in the sheet, the CLI and the pane. */
export function citation(f: Facteur): string {
  const conf = f.confiance === "H" ? "H" : `${f.confiance}, à vérifier`;
  if (f.base === "Paramètres") return `Paramètres ${f.identifiant} [${conf}]`;
  const id = f.base === "Base Carbone" ? `Base Carbone ${f.identifiant}` : `${f.base} ${f.identifiant}`;
  return `${id} — ${f.nom} [${conf}]`;
}
