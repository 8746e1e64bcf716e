import { tablesRegles } from "../core/regles/audit";
import { aVerifier, type Source } from "../core/regles/table";
import { lienTexte, nomTable, type LienTexte } from "./presentationRegles";
import { chercherTrace, type RegleTrace, type Trace } from "../core/traces/trace";
import { traceAfficheeAvec, type RegleAffichee, type TraceAffichee } from "./traceAffichee";

export type { RegleAffichee, TraceAffichee };

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
  return traceAfficheeAvec(t, regleAffichee);
}

/** The first node of the tree (depth first) that `trouve` accepts. */
export const sousTrace = chercherTrace;
