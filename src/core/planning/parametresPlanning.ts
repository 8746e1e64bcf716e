import type { Constat } from "../controles/constat";
import { clesInconnues, surchargeNombre } from "../regles/parametres";
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

/** Keys of the « Paramètres » sheet this domain reads: "temps-de-travail.2642.duree-quotidienne-max" = 12 (hours). */
export const CLES_TEMPS_DE_TRAVAIL = CONVENTIONS.flatMap((c) => Object.keys(CHAMPS).map((k) => `${PREFIXE}${c}.${k}`));

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
      const lu = surchargeNombre(s, `${PREFIXE}${c}.${k}`);
      if (!lu) continue;
      remplacements.push({ c, champ, valeur: lu.valeur.toNumber() });
      constats.push({
        regle: "temps-de-travail-parametre",
        gravite: "info",
        message: `Paramètre du classeur utilisé : ${lu.cle} = ${lu.texte} (au lieu de la valeur de référence).`,
        cellule: lu.cellule,
      });
    }
  }
  for (const u of clesInconnues(s, PREFIXE, CLES_TEMPS_DE_TRAVAIL)) {
    constats.push({
      regle: "temps-de-travail-parametre-inconnu",
      gravite: "alerte",
      message: `Paramètre inconnu « ${u.cle} » ignoré ; clés reconnues : ${CLES_TEMPS_DE_TRAVAIL.join(", ")}.`,
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
