import { tablesRegles } from "../core/regles/audit";
import { aVerifier } from "../core/regles/table";
import { lienTexte, nomTable, type LienTexte } from "./presentationRegles";
import { chercherTrace, valeurSigneeFr, type RegleTrace, type Trace } from "../core/traces/trace";

/**
 * « D'où vient ce chiffre ? » as the pane shows it: the core trace with its value in French and, for a rule, the
 * table's French name and its source as a short link instead of the table id (no rule id in the pane), named as in
 * presentationRegles.
 */
export interface RegleAffichee {
  /** French name of the table (presentationRegles' nomTable), or « Paramètres du classeur ». */
  nom: string;
  effetDu: string;
  confiance: RegleTrace["confiance"];
  /** M or L: shown « à vérifier ». */
  aVerifier: boolean;
  /** « Texte : CGI art. 220 sexies », its full title and URL. */
  source?: LienTexte;
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

/** The source a trace names by its URL, with its title when a table lists it. */
function sourceDe(url: string): LienTexte {
  for (const t of tablesRegles())
    for (const v of t.versions) {
      const s = v.sources.find((x) => x.url === url);
      if (s) return lienTexte(s);
    }
  return lienTexte({ titre: new URL(url).hostname.replace(/^www\./, ""), url });
}

function regleAffichee(r: RegleTrace): RegleAffichee {
  return {
    nom: nomTable(r.table) ?? "Paramètres du classeur",
    effetDu: r.effetDu,
    confiance: r.confiance,
    aVerifier: aVerifier(r.confiance),
    ...(r.source ? { source: sourceDe(r.source) } : {}),
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
