import type { LangueOeuvre, RegimeCredit } from "../core/creditImpot/modele";
import type { OptionsDevis } from "../app/commandes/devis";
import type { Genre, TypeOeuvre } from "../core/devis/model";
import type { ContexteProduction } from "../core/production/contexte";

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

export const libelle = <T extends string>(liste: { valeur: T; libelle: string }[], v: T | undefined) =>
  liste.find((x) => x.valeur === v)?.libelle;

/** The tax-credit regime a page starts from: the one chosen, else the kind of work. */
export const regimeDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): RegimeCredit =>
  c.regime ?? c.oeuvre ?? "audiovisuel";

/** The kind of work (financing plan ceilings): the one chosen, else the regime's when it names one. */
export const oeuvreDe = (c: { regime?: RegimeCredit; oeuvre?: TypeOeuvre }): TypeOeuvre =>
  c.oeuvre ?? (c.regime === "audiovisuel" ? "audiovisuel" : "cinema");

/** The current year, the default year of expenses. */
export const anneeCourante = () => String(new Date().getFullYear());

/** The devis options of the production context; a duration that is not a positive number is refused in French. */
export function optionsDevisDe(c: ContexteProduction): OptionsDevis {
  const duree = c.duree ?? "";
  const minutes = Number(duree.replace(",", "."));
  if (duree.trim() && !(minutes > 0))
    throw new Error(`Durée « ${duree} » invalide : un nombre de minutes positif est attendu.`);
  return {
    feuille: c.feuilleDevis || undefined,
    genre: c.genre,
    dureeMinutes: duree.trim() ? minutes : undefined,
    typeOeuvre: c.oeuvre,
  };
}
