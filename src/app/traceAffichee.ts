import { valeurSigneeFr, type RegleTrace, type Trace } from "../core/traces/trace";
import type { LienTexte } from "./liensTextes";

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
 * A core trace for the pane, its rules shown by `regle`. Kept apart from traces.ts (which names the rule tables and
 * their sources, so loads every table): a command whose traces never cite a rule (`prodbook versions`) uses
 * traceSansRegle and does not load the rule tables.
 */
export function traceAfficheeAvec(t: Trace, regle: (r: RegleTrace) => RegleAffichee): TraceAffichee {
  return {
    libelle: t.libelle,
    // An écart signed as the pane writes every écart, so the tree opened from the Écarts table shows the figure clicked.
    valeur: valeurSigneeFr(t),
    ...(t.formule ? { formule: t.formule } : {}),
    ...(t.cellule ? { cellule: t.cellule } : {}),
    ...(t.regle ? { regle: regle(t.regle) } : {}),
    ...(t.entrees ? { entrees: t.entrees.map((e) => traceAfficheeAvec(e, regle)) } : {}),
  };
}

/**
 * A trace that cites no rule table (the versions' comparison: amounts read from the « Versions » sheet and the devis)
 * for the pane. A trace citing one is a programming error here (its table would go unnamed): thrown, never shown.
 */
export function traceSansRegle(t: Trace): TraceAffichee {
  return traceAfficheeAvec(t, (r) => {
    throw new Error(`Trace « ${t.libelle} » : la table ${r.table} citée sans son nom (traceAffichee de traces.ts)`);
  });
}
