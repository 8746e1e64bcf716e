import type { Constat } from "../controles/constat";
import type { SheetSpec } from "../port/workbook";
import { feuilleControles } from "./feuilleControles";
import { feuilleDevis } from "./feuilleDevis";
import { feuilleSynthese } from "./feuilleSynthese";
import type { Devis } from "./model";
import type { Trace } from "../traces/trace";
import type { RegleUtilisee } from "../regles/utilisees";

export interface NomsFeuilles {
  devis: string;
  synthese: string;
  controles: string;
}

export const NOMS_SOUHAITES: NomsFeuilles = { devis: "Devis", synthese: "Synthèse", controles: "Contrôles" };

/**
 * Prodbook's three devis sheets, as pure specs (the adapters write them); `traces`, lined up with `constats`, become the
 * notes of the « Contrôles » findings, `tables` (the rule-table versions the checks read) its last rows.
 */
export function feuillesDevis(
  devis: Devis,
  constats: readonly Constat[],
  noms: NomsFeuilles = NOMS_SOUHAITES,
  traces: readonly (Trace | undefined)[] = [],
  tables: readonly RegleUtilisee[] = [],
): SheetSpec[] {
  const plan = feuilleDevis(devis, noms.devis, constats);
  return [
    plan.spec,
    feuilleSynthese(devis, noms.synthese, plan),
    feuilleControles(constats, noms.controles, devis.feuille, devis.conservation, traces, tables),
  ];
}
