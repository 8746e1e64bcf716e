import { regleNomenclature } from "../core/devis/nomenclature";
import type { Devis } from "../core/devis/model";
import type { RegleUtilisee } from "../core/regles/utilisees";

/**
 * The rule tables of a result, for every use case that structured a devis (credit-impot, financement, ecarts, carbone,
 * planning) as `devis` names them: the CNC nomenclature the devis was structured with (nomenclature-cnc) last, once.
 * Without a devis read (`devis` undefined: a plan with a typed cost, a planning without devis), the tables unchanged.
 * Their `tables` in --json, « Règles appliquées » and the pane's « Détails et sources » all come from here.
 */
export function avecNomenclature(tables: readonly RegleUtilisee[], devis: Devis | undefined): RegleUtilisee[] {
  if (!devis) return [...tables];
  const nomenclature = regleNomenclature();
  return [...tables.filter((t) => t.table !== nomenclature.table), nomenclature];
}
