import type { LangueOeuvre, RegimeCredit } from "../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../core/devis/model";
import type { Zone } from "../core/planning/calendrier";

/** The choices of the production context, in French, shared by the pages and the « Production » panel. */
export const GENRES: { valeur: Genre; libelle: string }[] = [
  { valeur: "fiction", libelle: "Fiction" },
  { valeur: "documentaire", libelle: "Documentaire" },
  { valeur: "animation", libelle: "Animation" },
  { valeur: "spectacle", libelle: "Spectacle vivant" },
];

export const REGIMES: { valeur: RegimeCredit; libelle: string }[] = [
  { valeur: "audiovisuel", libelle: "Audiovisuel (220 sexies)" },
  { valeur: "cinema", libelle: "Cinéma (220 sexies)" },
  { valeur: "international", libelle: "International (220 quaterdecies)" },
];

export const OEUVRES: { valeur: TypeOeuvre; libelle: string }[] = [
  { valeur: "cinema", libelle: "Cinéma" },
  { valeur: "audiovisuel", libelle: "Audiovisuel" },
];

export const HEBERGEMENTS: { valeur: "ailleurs" | "paris"; libelle: string }[] = [
  { valeur: "ailleurs", libelle: "Hors Paris" },
  { valeur: "paris", libelle: "Paris et petite couronne" },
];

export const LANGUES: { valeur: LangueOeuvre; libelle: string }[] = [
  { valeur: "francais", libelle: "Français ou langue régionale" },
  { valeur: "etrangere", libelle: "Langue étrangère" },
];

export const ZONES: { valeur: Zone; libelle: string }[] = [
  { valeur: "metropole", libelle: "Métropole" },
  { valeur: "alsace-moselle", libelle: "Alsace-Moselle" },
];

export const libelle = <T extends string>(liste: { valeur: T; libelle: string }[], v: T | undefined) =>
  liste.find((x) => x.valeur === v)?.libelle;

export {
  anneeCourante,
  dureeDe,
  oeuvreDe,
  optionsDevisDe,
  optionsFinancementDe,
  origineDureeDe,
  regimeDe,
} from "../app/contexte";
