import { arbreTexte, type Trace } from "../core/traces/trace";
import type { Io } from "./io";

/** The `--explique` option of devis, credit-impot, financement and ecarts. */
export const OPTION_EXPLIQUE = { explique: { type: "boolean" as const } };

/**
 * « D'où viennent ces chiffres ? »: each trace as an indented tree, after the text summary; each rule-table figure with
 * its table, version and the version's source (« — https://… »).
 */
export function texteTraces(io: Io, traces: Record<string, Trace | undefined>): void {
  io.out("");
  io.out("D'où viennent ces chiffres :");
  for (const t of Object.values(traces)) if (t) for (const l of arbreTexte(t, 50, 0, true)) io.out(`  ${l}`);
}

/**
 * A trace cut below `niveaux` levels, for a figure whose parts are explained above it in the same block (the écarts'
 * total, after each chapter): the cut nodes keep their value and formula, their inputs are left out.
 */
export function resume(t: Trace, niveaux = 2): Trace {
  if (!t.entrees) return t;
  if (niveaux <= 0) {
    const { entrees: _entrees, ...reste } = t;
    return reste;
  }
  return { ...t, entrees: t.entrees.map((e) => resume(e, niveaux - 1)) };
}
