import type { Constat } from "../controles/constat";
import {
  clesInconnues,
  ParametreInvalideError,
  suggestionCle,
  surchargeNombre,
  surchargeVue,
} from "../regles/parametres";
import type { Surcharges, TableRegles } from "../regles/table";
import type { Convention } from "./planDeTravail";
import type { ReglesConvention, ValeursTempsDeTravail } from "./tempsDeTravail";

const PREFIXE = "temps-de-travail.";
const CHAMPS: Record<string, keyof ReglesConvention> = {
  "duree-quotidienne-max": "dureeQuotidienneMax",
  "repos-quotidien": "reposQuotidien",
  "repos-reduit": "reposReduit",
  "repos-reduits-par-semaine": "reposReduitsParSemaine",
  "duree-hebdomadaire-max": "dureeHebdomadaireMax",
};
const CONVENTIONS: Convention[] = ["2642", "3097"];

/**
 * What each figure may be: hours within a day or a week, or a number of reductions in a week. « 720 » (minutes typed
 * for 12 h) or « 0 » would switch a check off or flag every day: refused naming the cell, never applied.
 */
const BORNES: Record<string, { max: number; unite: "heures" | "fois"; zero: boolean }> = {
  "duree-quotidienne-max": { max: 24, unite: "heures", zero: false },
  "repos-quotidien": { max: 24, unite: "heures", zero: true },
  "repos-reduit": { max: 24, unite: "heures", zero: true },
  "repos-reduits-par-semaine": { max: 7, unite: "fois", zero: true },
  "duree-hebdomadaire-max": { max: 168, unite: "heures", zero: false },
};

/** The override of `cle` (« 10 », « 10 h », « 12,5 »), within the bounds of its figure. */
function lireChamp(s: Surcharges, cle: string, champ: string) {
  const e = s.get(cle);
  const lu = surchargeNombre(s, cle);
  if (!e || !lu) return undefined;
  const b = BORNES[champ];
  // A number cell's 12.5 is said as a French reader writes it (« 12,5 »); a text is quoted as typed.
  const dit = surchargeVue(e);
  const n = lu.valeur.toNumber();
  const entier = b.unite === "fois" && !lu.valeur.isInteger();
  if (entier || n > b.max || (!b.zero && n === 0))
    throw new ParametreInvalideError(
      lu.cellule,
      `« ${dit} » pour « ${cle} » : attendu ${
        b.unite === "heures"
          ? `un nombre d'heures ${b.zero ? `de 0 à ${b.max}` : `supérieur à 0, au plus ${b.max}`}`
          : `un nombre entier de 0 à ${b.max}`
      }.`,
    );
  return { ...lu, texte: dit };
}

/** Keys of the « Paramètres » sheet this domain reads: "temps-de-travail.2642.duree-quotidienne-max" = 12 (hours). */
export const CLES_TEMPS_DE_TRAVAIL = CONVENTIONS.flatMap((c) => Object.keys(CHAMPS).map((k) => `${PREFIXE}${c}.${k}`));

/**
 * Whether the planning would take the override of `cle` (one of CLES_TEMPS_DE_TRAVAIL): throws the
 * ParametreInvalideError the planning throws (same message, same cell), for the audit of `prodbook regles`.
 */
export function verifierSurchargeTempsDeTravail(s: Surcharges, cle: string): void {
  const champ = cle.split(".").pop() ?? "";
  if (CLES_TEMPS_DE_TRAVAIL.includes(cle)) lireChamp(s, cle, champ);
}

/**
 * The working-time table with the workbook's overrides applied to every version, plus info findings naming the
 * overrides used and alerts for unknown keys (a typo is never silently ignored).
 */
export function surchargerTempsDeTravail(
  table: TableRegles<ValeursTempsDeTravail>,
  s: Surcharges,
): { table: TableRegles<ValeursTempsDeTravail>; constats: Constat[] } {
  const constats: Constat[] = [];
  const remplacements: { c: Convention; champ: keyof ReglesConvention; valeur: number }[] = [];
  for (const c of CONVENTIONS) {
    for (const [k, champ] of Object.entries(CHAMPS)) {
      const lu = lireChamp(s, `${PREFIXE}${c}.${k}`, k);
      if (!lu) continue;
      remplacements.push({ c, champ, valeur: lu.valeur.toNumber() });
      constats.push({
        regle: "temps-de-travail-parametre",
        gravite: "info",
        // The title (« Paramètre du classeur utilisé ») says what it is; the text output adds the cell.
        message: `${lu.cle} = ${lu.texte}, au lieu de la valeur de référence.`,
        cellule: lu.cellule,
      });
    }
  }
  for (const u of clesInconnues(s, PREFIXE, CLES_TEMPS_DE_TRAVAIL)) {
    constats.push({
      regle: "temps-de-travail-parametre-inconnu",
      gravite: "alerte",
      message:
        `Paramètre inconnu « ${u.cle} » ignoré ; clés reconnues : ${CLES_TEMPS_DE_TRAVAIL.join(", ")}.` +
        suggestionCle(u.proches),
      cellule: u.cellule,
    });
  }
  if (remplacements.length === 0) return { table, constats };
  return {
    constats,
    table: {
      ...table,
      versions: table.versions.map((v) => {
        const valeurs = { "2642": { ...v.valeurs["2642"] }, "3097": { ...v.valeurs["3097"] } } as ValeursTempsDeTravail;
        for (const r of remplacements) (valeurs[r.c] as unknown as Record<string, unknown>)[r.champ] = r.valeur;
        return { ...v, valeurs };
      }),
    },
  };
}
