import type { Constat } from "../core/controles/constat";
import { GRAVITES, titreConstat } from "../core/controles/titres";

/**
 * A finding in the text output, as a user reads it: « [alerte] HT + TVA ≠ TTC — message (cellule) ». The French title
 * stands for the rule id, which stays in --json only (`regle`, a public contract).
 */
export function ligneConstat(c: Constat, retrait = "  ", avecCellule = false): string {
  const ou = avecCellule && c.cellule ? ` (${c.cellule})` : "";
  return `${retrait}[${GRAVITES[c.gravite].singulier}] ${titreConstat(c.regle)} — ${c.message}${ou}`;
}
