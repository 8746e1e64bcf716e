import { aVerifier, type Confiance, type Source, type VersionRegle } from "./table";

/** A rule-table version a calculation or a check used: the trail behind its figures. */
export interface RegleUtilisee {
  table: string;
  effetDu: string;
  effetAu?: string;
  confiance: Confiance;
  aVerifier: boolean;
  /** Why the version is not H (from the table). */
  motifConfiance?: string;
  sources: Source[];
}

export function regleUtilisee(table: string, v: VersionRegle<unknown>): RegleUtilisee {
  return {
    table,
    effetDu: v.effetDu,
    ...(v.effetAu ? { effetAu: v.effetAu } : {}),
    confiance: v.confiance,
    aVerifier: aVerifier(v.confiance),
    ...(v.motifConfiance ? { motifConfiance: v.motifConfiance } : {}),
    sources: v.sources,
  };
}

/** The same version listed once (table + effetDu), in the order first used. */
export function sansDoublon(ts: readonly RegleUtilisee[]): RegleUtilisee[] {
  const vus = new Set<string>();
  return ts.filter((t) => {
    const k = `${t.table}@${t.effetDu}`;
    if (vus.has(k)) return false;
    vus.add(k);
    return true;
  });
}

/**
 * The `tables` field of every command's --json (credit-impot, devis, financement): one shape for the same thing,
 * `{ id, effetDu, effetAu, confiance, aVerifier, sources: [{ titre, url }] }`.
 */
export function jsonTablesUtilisees(ts: readonly RegleUtilisee[]) {
  return ts.map((t) => ({
    id: t.table,
    effetDu: t.effetDu,
    effetAu: t.effetAu ?? null,
    confiance: t.confiance,
    aVerifier: t.aVerifier,
    sources: t.sources.map((x) => ({ titre: x.titre, url: x.url })),
  }));
}
