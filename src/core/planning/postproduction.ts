import { dateEnLettres } from "../util/texte";
import type { Genre } from "../devis/model";
import { validerTable, versionEnVigueur, type TableRegles } from "../regles/table";
import donnees from "../regles/data/postproduction-etapes.json";
import type { Etape } from "./modele";

export interface EtapeType {
  nom: string;
  predecesseurs: string[];
  echelle: "fixe" | "proportionnelle";
  jalon?: boolean;
  jours: Record<Genre, number>;
}

export interface ValeursPostProduction {
  dureeReferenceMinutes: number;
  etapes: EtapeType[];
}

export const TABLE_POSTPRODUCTION: TableRegles<ValeursPostProduction> = validerTable(
  donnees,
  "postproduction-etapes.json",
);

export const AGREMENT_PROVISOIRE = "Demande d'agrément provisoire";

export interface OptionsPostProduction {
  genre: Genre;
  dureeMinutes?: number;
  /** Adds the shoot (and the agrément provisoire request milestone before its first day). */
  joursTournage?: number;
  tournageCalendaire?: boolean;
  /** Date for the data version; the latest by default. */
  date?: string;
  table?: TableRegles<ValeursPostProduction>;
}

/**
 * Default post-production steps for a genre, scaled to the work's duration: a starting point the user edits
 * (the sheet keeps every step on its own row).
 */
export function etapesPostProduction(o: OptionsPostProduction): Etape[] {
  const table = o.table ?? TABLE_POSTPRODUCTION;
  const v = o.date ? versionEnVigueur(table, o.date) : table.versions[table.versions.length - 1];
  if (!v)
    throw new RangeError(`Aucune liste d'étapes de post-production en vigueur le ${dateEnLettres(o.date ?? "")}.`);
  const ref = v.valeurs.dureeReferenceMinutes;
  const facteur = o.dureeMinutes && o.dureeMinutes > 0 ? o.dureeMinutes / ref : 1;
  const etapes: Etape[] = v.valeurs.etapes.map((t) => {
    const base = t.jours[o.genre];
    const d =
      t.jalon || base === 0
        ? 0
        : t.echelle === "proportionnelle"
          ? Math.max(1, Math.ceil(base * facteur - 1e-9))
          : base;
    return {
      nom: t.nom,
      dureeJoursOuvres: d,
      predecesseurs: t.predecesseurs.map((nom) => ({ nom })),
      jalon: !!t.jalon,
    };
  });
  if (!o.joursTournage) return etapes;
  const premiere = etapes.find((e) => e.predecesseurs.length === 0);
  if (premiere) premiere.predecesseurs = [{ nom: "Tournage" }];
  return [
    { nom: AGREMENT_PROVISOIRE, dureeJoursOuvres: 0, predecesseurs: [], jalon: true },
    {
      nom: "Tournage",
      dureeJoursOuvres: o.joursTournage,
      predecesseurs: [{ nom: AGREMENT_PROVISOIRE }],
      calendaire: !!o.tournageCalendaire,
    },
    ...etapes,
  ];
}
