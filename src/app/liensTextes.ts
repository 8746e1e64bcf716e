import { estSourcePrimaire } from "../core/regles/primaires";
import type { Source } from "../core/regles/table";

/**
 * A source as a link in the pane (presentationRegles.ts names the rest). Kept apart from the rule tables: the
 * first page (Tableau de bord) shows such links, and importing them must not bring every table of
 * src/core/regles/data into the pane's first load.
 */

/**
 * A source's title made short enough for a link in a 320 px pane: the reference before its quotation or comment
 * (« CGI art. 220 sexies, version du 12 décembre 2013 : « III. … » » → « CGI art. 220 sexies »), without the path of a
 * file it was read in (« Impact CO2 (ADEME), src/data/categories/repas.json » → « Impact CO2 »).
 */
export function libelleSource(titre: string): string {
  let t = titre.split(/ : | — /)[0];
  t = t.replace(/\s*\([^()]*\)/g, "");
  t = t.replace(/,\s*(version|consolidé|texte)\b.*$/i, "");
  // A file in a public repository (« Impact CO2, src/data/categories/repas.json ») is where the figure was read, not a
  // name for the user: the link keeps the publisher, the full title (infobulle) keeps the path.
  // Whatever follows the path (« …/caspratiques.ts, cas pratique « hotel » ») goes with it.
  t = t.replace(/,\s*(?:[\w.-]+\/)+.*$/, "");
  t = t
    .replace(/\s+,/g, ",")
    .replace(/\s{2,}/g, " ")
    .replace(/[,;.\s]+$/, "")
    .trim();
  return t.length > 80 ? `${t.slice(0, 78).trimEnd()}…` : t;
}

/** A link to a text as the pane shows it: « Texte : … » for a primary text, « Source : … » otherwise. */
export interface LienTexte {
  /** « Texte : CGI art. 220 sexies » or « Source : Fonds-publics.fr ». */
  libelle: string;
  /** The source's full title (tooltip). */
  titre: string;
  url: string;
  primaire: boolean;
}

export function lienTexte(s: Pick<Source, "titre" | "url">): LienTexte {
  const primaire = estSourcePrimaire(s.url);
  return {
    libelle: `${primaire ? "Texte" : "Source"}\u00a0: ${libelleSource(s.titre)}`,
    titre: s.titre,
    url: s.url,
    primaire,
  };
}
