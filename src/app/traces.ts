import { tablesRegles } from "../core/regles/audit";
import { aVerifier } from "../core/regles/table";
import { chercherTrace, valeurFr, type RegleTrace, type Trace } from "../core/traces/trace";

/**
 * « D'où vient ce chiffre ? » as the pane shows it: the core trace with its value in French and, for a rule, the
 * table's French name and its source's title instead of the table id (no rule id in the pane).
 */
export interface RegleAffichee {
  /** French name of the table (its description up to « : »), or « Paramètres du classeur ». */
  nom: string;
  effetDu: string;
  confiance: RegleTrace["confiance"];
  /** M or L: shown « à vérifier ». */
  aVerifier: boolean;
  source?: { titre: string; url: string };
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

function nomTable(id: string): { nom: string; sources: { titre: string; url: string }[] } | undefined {
  const t = tablesRegles().find((x) => x.id === id);
  if (!t) return undefined;
  const nom = t.description.split(/ : /)[0].replace(/[.\s]+$/, "");
  return { nom, sources: t.versions.flatMap((v) => v.sources.map((s) => ({ titre: s.titre, url: s.url }))) };
}

function regleAffichee(r: RegleTrace): RegleAffichee {
  const table = nomTable(r.table);
  const source = r.source
    ? (table?.sources.find((s) => s.url === r.source) ?? { titre: r.source, url: r.source })
    : undefined;
  return {
    nom: table?.nom ?? "Paramètres du classeur",
    effetDu: r.effetDu,
    confiance: r.confiance,
    aVerifier: aVerifier(r.confiance),
    ...(source ? { source } : {}),
    ...(r.surcharge ? { surcharge: r.surcharge } : {}),
  };
}

/** A core trace for the pane (values in French, rule tables by their French name). */
export function traceAffichee(t: Trace): TraceAffichee {
  return {
    libelle: t.libelle,
    valeur: valeurFr(t),
    ...(t.formule ? { formule: t.formule } : {}),
    ...(t.cellule ? { cellule: t.cellule } : {}),
    ...(t.regle ? { regle: regleAffichee(t.regle) } : {}),
    ...(t.entrees ? { entrees: t.entrees.map(traceAffichee) } : {}),
  };
}

/** The first node of the tree (depth first) that `trouve` accepts. */
export const sousTrace = chercherTrace;
