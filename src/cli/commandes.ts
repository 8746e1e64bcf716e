import type { Commande } from "./io";
import { commande as creditImpot } from "./commands/creditImpot";
import { commande as devis } from "./commands/devis";
import { commande as ecarts } from "./commands/ecarts";
import { commande as fec } from "./commands/fec";
import { commande as financement } from "./commands/financement";
import { commande as planning } from "./commands/planning";

/**
 * The CLI's commands. Each lives in src/cli/commands/<nom>.ts and exports `commande`.
 * Add one line here per command (keep alphabetical order).
 */
export const COMMANDES: Commande[] = [
  creditImpot,
  devis,
  ecarts,
  fec,
  financement,
  planning,
];
