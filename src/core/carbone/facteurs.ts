import brut from "../regles/data/carbone-facteurs.json";
import { parseDecimalFr } from "../money/parse";
import { clesInconnues, ParametreInvalideError } from "../regles/parametres";
import { regleUtilisee, type RegleUtilisee } from "../regles/utilisees";
import { validerTable, versionEnVigueur, type Surcharges, type TableRegles } from "../regles/table";
import type { CodeCategorie, Conversion, Facteur, FacteurManquant } from "./modele";

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
  url?: string;
}

export interface ValeursCarbone {
  facteurs: Record<string, FacteurJson>;
  manquants: Record<string, Omit<FacteurManquant, "code">>;
  conversions: Record<string, Omit<Conversion, "code" | "surcharge">>;
}

/**
 * The emission-factor table, checked against its schema in the registry (src/core/regles/schemas/carbone.ts):
 * every factor with its value, unit, type, base, identifier, confidence and source; no code both a factor and
 * « manquant ». Throws TableReglesInvalideError naming the file and the JSON path.
 */
export function validerTableCarbone(
  donnees: unknown,
  nomFichier = "carbone-facteurs.json",
): TableRegles<ValeursCarbone> {
  return validerTable<ValeursCarbone>(donnees, nomFichier);
}

export const TABLE_CARBONE = validerTableCarbone(brut);

/** Prefix of the « Paramètres » keys: carbone.<code> = kg CO₂e per unit (« 0,0035 »). */
export const PREFIXE_PARAMETRES = "carbone.";

export interface JeuFacteurs {
  facteurs: Map<string, Facteur>;
  manquants: Map<string, FacteurManquant>;
  /** Weeks and months into days of use (by code), with the workbook's overrides. */
  conversions: Map<string, Conversion>;
  /** The table's version date and its sources (for the sheet and the docs). */
  effetDu: string;
  /** Paramètres keys under carbone. that name no factor. */
  inconnues: { cle: string; cellule: string; proches: string[] }[];
  /**
   * The plan de travail's shooting weeks, for a rented week of shooting equipment: its sheet, its weeks in words, and
   * the conversion it gives when every week has the same number of shooting days.
   */
  plan?: { feuille: string; semaines: string; conversion?: Conversion };
}

/**
 * Every « carbone.<code> » key some version of the table reads (factors, missing factors, conversions): the keys
 * `prodbook regles` counts as read, whatever the date (facteursEnVigueur names the others of its date).
 */
export function clesCarbone(): string[] {
  return [
    ...new Set(
      TABLE_CARBONE.versions.flatMap((v) =>
        [
          ...Object.keys(v.valeurs.conversions),
          ...Object.keys(v.valeurs.facteurs),
          ...Object.keys(v.valeurs.manquants),
        ].map((code) => PREFIXE_PARAMETRES + code),
      ),
    ),
  ];
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
  const conversions = new Map<string, Conversion>();
  for (const [code, c] of Object.entries(v.valeurs.conversions)) {
    const cle = PREFIXE_PARAMETRES + code;
    connues.push(cle);
    const s = surcharges.get(cle);
    if (!s) {
      conversions.set(code, { code, ...c });
      continue;
    }
    const d = parseDecimalFr(s.valeur.replace(/\s*(j|jours?)\s*$/i, ""));
    if (d === undefined || !d.isPositive() || d.isZero())
      throw new ParametreInvalideError(
        s.cellule,
        `« ${s.valeur} » n'est pas un nombre de jours valable pour « ${cle} » (attendu des jours d'utilisation par ` +
          `${c.de}, par exemple « 4 »).`,
      );
    conversions.set(code, {
      code,
      ...c,
      valeur: d.toFixed(),
      confiance: "L",
      source: `Valeur saisie en ${s.cellule} (au lieu de ${c.valeur})`,
      surcharge: s.cellule,
    });
  }
  for (const code of [...facteurs.keys(), ...manquants.keys()]) {
    const cle = PREFIXE_PARAMETRES + code;
    connues.push(cle);
    const s = surcharges.get(cle);
    if (!s) continue;
    const d = parseDecimalFr(s.valeur.replace(/\s*kg\s*co[2₂]e.*$/i, ""));
    if (d === undefined || !d.isPositive() || d.isZero())
      throw new ParametreInvalideError(
        s.cellule,
        `« ${s.valeur} » n'est pas un facteur d'émission valable pour « ${cle} » (attendu des kg CO₂e par unité, par ` +
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
    const remplace: Facteur = {
      ...base,
      valeur: d.toFixed(),
      base: "Paramètres",
      identifiant: s.cellule,
      nom: existant ? `${existant.nom} (remplacé)` : base.nom,
      confiance: "L",
      source: `Valeur saisie en ${s.cellule}${existant ? ` (au lieu de ${existant.valeur})` : ""}`,
      surcharge: s.cellule,
    };
    // The typed value is not the one read at the table's address.
    delete remplace.url;
    facteurs.set(code, remplace);
    manquants.delete(code);
  }
  return {
    facteurs,
    manquants,
    conversions,
    effetDu: v.effetDu,
    inconnues: clesInconnues(surcharges, PREFIXE_PARAMETRES, connues),
  };
}

/** The factor table's version a bilan used (the `tables` field of `prodbook carbone --json`). */
export function tablesCarbone(jeu: Pick<JeuFacteurs, "effetDu">): RegleUtilisee[] {
  const v = TABLE_CARBONE.versions.find((x) => x.effetDu === jeu.effetDu);
  return v ? [regleUtilisee(TABLE_CARBONE.id, v)] : [];
}

/**
 * The conversion of weeks (or months) into days of use in force, if the table has one. A week of shooting equipment
 * (category « materiel ») counts the plan de travail's shooting days per week when the plan gives them, unless the
 * user typed the days in « Paramètres »: post-production weeks come after the shoot and keep the table's convention.
 */
export function conversionPour(
  jeu: Pick<JeuFacteurs, "conversions" | "plan">,
  de: "semaine" | "mois",
  categorie?: CodeCategorie,
): Conversion | undefined {
  const table = [...jeu.conversions.values()].find((c) => c.de === de);
  if (de === "semaine" && categorie === "materiel" && jeu.plan?.conversion && !table?.surcharge)
    return jeu.plan.conversion;
  return table;
}

/**
 * The conversion of a rented week from the plan de travail's shooting weeks: « 4 jours de tournage par semaine »,
 * confidence M (read in the producer's own plan, on the assumption that the equipment serves each shooting day).
 */
export function conversionDuPlan(
  jeu: Pick<JeuFacteurs, "conversions">,
  feuille: string,
  joursParSemaine: number,
  premierLundi: string,
  semaines: string,
): Conversion {
  const table = [...jeu.conversions.values()].find((c) => c.de === "semaine");
  return {
    code: table?.code ?? "jours-par-semaine",
    libelle: `Semaine de tournage au plan de travail « ${feuille} », en jours d'utilisation`,
    valeur: String(joursParSemaine),
    unite: "jour / semaine",
    de: "semaine",
    fixeLe: premierLundi,
    confiance: "M",
    source:
      `Plan de travail « ${feuille} » : ${semaines}, soit ${joursParSemaine} jours de tournage par semaine ; le matériel de ` +
      "tournage loué à la semaine est compté les jours où il sert, les jours de tournage du plan (à vérifier si du " +
      "matériel sert aussi aux essais ou aux repérages).",
    plan: feuille,
  };
}

/**
 * « Base Carbone 43256 — TGV, 2022 »: the factor's identifier and name in its base (« Paramètres Paramètres!B2 » for
 * a value typed in the workbook), without its confidence: a trace carries that in its rule (`regle.confiance`).
 */
export function designation(f: Facteur): string {
  return f.base === "Paramètres" ? `Paramètres ${f.identifiant}` : `${f.base} ${f.identifiant} — ${f.nom}`;
}

/** « Base Carbone 43256 — TGV, 2022 [M, à vérifier] »: how `prodbook carbone --json` cites a factor (`source`). */
export function citation(f: Facteur): string {
  const conf = f.confiance === "H" ? "H" : `${f.confiance}, à vérifier`;
  return `${designation(f)} [${conf}]`;
}
