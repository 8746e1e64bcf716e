/**
 * The public holidays by a stable key (the rule tables' keys), from the names @socialgouv/jours-feries gives them,
 * with the name a French reader says. Kept apart from calendrier.ts so that the rule schemas read the keys without
 * the holiday library.
 */
export const FERIES = {
  "Jour de l'an": { cle: "1er-janvier", nom: "jour de l'an" },
  "Lundi de Pâques": { cle: "lundi-de-paques", nom: "lundi de Pâques" },
  "Fête du travail": { cle: "1er-mai", nom: "fête du Travail" },
  "Victoire des alliés": { cle: "8-mai", nom: "Victoire 1945" },
  Ascension: { cle: "ascension", nom: "Ascension" },
  "Lundi de Pentecôte": { cle: "lundi-de-pentecote", nom: "lundi de Pentecôte" },
  "Fête Nationale": { cle: "14-juillet", nom: "fête nationale" },
  Assomption: { cle: "assomption", nom: "Assomption" },
  Toussaint: { cle: "toussaint", nom: "Toussaint" },
  Armistice: { cle: "11-novembre", nom: "Armistice" },
  Noël: { cle: "noel", nom: "Noël" },
  "Vendredi Saint": { cle: "vendredi-saint", nom: "Vendredi saint (Alsace-Moselle)" },
  "Saint Étienne": { cle: "saint-etienne", nom: "Saint-Étienne (Alsace-Moselle)" },
} as const;

export type CleFerie = (typeof FERIES)[keyof typeof FERIES]["cle"];

export const CLES_FERIES = Object.values(FERIES).map((f) => f.cle) as [CleFerie, ...CleFerie[]];

/** The key and French name of a holiday named by @socialgouv/jours-feries (undefined for a name it may add later). */
export function ferieConnu(nomPaquet: string): { cle: CleFerie; nom: string } | undefined {
  return (FERIES as Readonly<Record<string, { cle: CleFerie; nom: string }>>)[nomPaquet];
}
