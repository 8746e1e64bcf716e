import {
  calculerCreditSurBase,
  type EntreeCreditSurBase,
  type ResultatCreditSurBase,
} from "../../core/creditImpot/calculerCreditSurBase";
import type { Cents } from "../../core/money";
import { invalide, verifierAnnee } from "../arguments";

/**
 * The public subsidies deducted from the base, for every door (pane, CLI, PROD.CREDIT.IMPOT): whole cents, 0 or more.
 * Each door parses the user's text with the shared amount parser first (an ambiguous « 12.500 » is refused there).
 */
export function verifierSubventions(montant: Cents | undefined): void {
  if (montant !== undefined && !(Number.isInteger(montant) && montant >= 0))
    throw invalide("subventionsPubliques", `attend un montant positif en euros, reçu « ${String(montant)} »`);
}

/**
 * The credit on a base already known (custom function PROD.CREDIT.IMPOT): the argument checks the CLI and the pane
 * share, then the same core step as the devis's credit (subsidies deducted before or after the 80 % cap as the rule
 * table says for the credit type).
 */
export function creditImpotSurBase(e: EntreeCreditSurBase): ResultatCreditSurBase {
  verifierSubventions(e.subventionsPubliques);
  verifierAnnee(e.annee);
  return calculerCreditSurBase(e);
}
