import { tablesRegles } from "../core/regles/audit";
import { aVerifier, type Source } from "../core/regles/table";
import { lienTexte, nomTable, type LienTexte } from "./presentationRegles";
import { chercherTrace, valeurSigneeFr, type RegleTrace, type Trace } from "../core/traces/trace";

/**
 * « D'où vient ce chiffre ? » as the pane shows it: the core trace with its value in French and, for a rule, the
 * table's French name and its sources as short links instead of the table id (no rule id in the pane), named as in
 * presentationRegles.
 */
export interface RegleAffichee {
  /** French name of the table (presentationRegles' nomTable), or « Paramètres du classeur ». */
  nom: string;
  effetDu: string;
  confiance: RegleTrace["confiance"];
  /** M or L: shown « à vérifier ». */
  aVerifier: boolean;
  /** « Texte : CGI art. 220 sexies », its full title and URL: the source the version is cited by (its most primary). */
  source?: LienTexte;
  /** Every source of the version used, `source` first, then the others in the table's order, when it lists more than one. */
  sources?: LienTexte[];
  /** Cell of the « Paramètres » sheet that replaces the table's figure. */
  surcharge?: string;
}

export interface TraceAffichee {
  libelle: string;
  /** « 1 234,56 € », « 25,00 % », « 90 min ». */
  valeur: string;
  formule?: string;
  cellule?: string;
  regle?: RegleAffichee;
  entrees?: TraceAffichee[];
}

/**
 * The source a trace names by its URL, with its title as the rule's own table lists it (the version in force on
 * `effetDu` first), else as the trace gives it (`titre`, a figure's own page), else as another table does, else the
 * URL's host.
 */
function sourceDe(url: string, r: Pick<RegleTrace, "table" | "effetDu" | "source" | "titre">): LienTexte {
  const tables = tablesRegles();
  const propre = tables.find((t) => t.id === r.table);
  const dans = (versions: readonly { effetDu: string; sources: readonly Source[] }[], effetDu?: string) =>
    versions
      .find((v) => (!effetDu || v.effetDu === effetDu) && v.sources.some((x) => x.url === url))
      ?.sources.find((x) => x.url === url);
  const s =
    (propre && (dans(propre.versions, r.effetDu) ?? dans(propre.versions))) ??
    (r.titre && url === r.source ? { titre: r.titre, url } : undefined) ??
    tables.map((t) => dans(t.versions)).find((x) => x);
  return lienTexte(s ?? { titre: new URL(url).hostname.replace(/^www\./, ""), url });
}

function regleAffichee(r: RegleTrace): RegleAffichee {
  return {
    nom: nomTable(r.table) ?? "Paramètres du classeur",
    effetDu: r.effetDu,
    confiance: r.confiance,
    aVerifier: aVerifier(r.confiance),
    ...(r.source ? { source: sourceDe(r.source, r) } : {}),
    ...(r.sources && r.sources.length > 1 ? { sources: r.sources.map((u) => sourceDe(u, r)) } : {}),
    ...(r.surcharge ? { surcharge: r.surcharge } : {}),
  };
}

/** A core trace for the pane (values in French, rule tables by their French name). */
export function traceAffichee(t: Trace): TraceAffichee {
  return {
    libelle: t.libelle,
    // An écart signed as the pane writes every écart, so the tree opened from the Écarts table shows the figure clicked.
    valeur: valeurSigneeFr(t),
    ...(t.formule ? { formule: t.formule } : {}),
    ...(t.cellule ? { cellule: t.cellule } : {}),
    ...(t.regle ? { regle: regleAffichee(t.regle) } : {}),
    ...(t.entrees ? { entrees: t.entrees.map(traceAffichee) } : {}),
  };
}

/** The first node of the tree (depth first) that `trouve` accepts. */
export const sousTrace = chercherTrace;
