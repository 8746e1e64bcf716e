import { arbreTexte, type Trace } from "../core/traces/trace";
import type { Io } from "./io";

/** The `--explique` option of devis, credit-impot, financement and ecarts. */
export const OPTION_EXPLIQUE = { explique: { type: "boolean" as const } };

/** « D'où viennent ces chiffres ? »: each trace as an indented tree, after the text summary. */
export function texteTraces(io: Io, traces: Record<string, Trace | undefined>): void {
  io.out("");
  io.out("D'où viennent ces chiffres :");
  for (const t of Object.values(traces)) if (t) for (const l of arbreTexte(t)) io.out(`  ${l}`);
}
