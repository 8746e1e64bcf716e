import { cents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import type { Convention } from "../../money/parse";
import { milliers, pluriel } from "../../util/texte";

/** Amounts read by the file's convention that its alerte names (then « et N autres »). */
export const RESOLUS_CITES = 8;

/** An ambiguous amount (« 12.000 ») read by the file's convention: line, field, text as written, cents read. */
export interface MontantResolu {
  ligne: number;
  champ: string;
  texte: string;
  cents: number;
}

/** « virgule décimale, prouvée ligne 2 »: the convention and the first line whose amounts prove it. */
export function preuveConvention(convention: Convention, ligne: number): string {
  return convention === "fr" ? `virgule décimale, prouvée ligne ${ligne}` : `point décimal, prouvé ligne ${ligne}`;
}

/**
 * The whole-file alerte (line 0) of a ledger whose ambiguous amounts were read by its convention: the decision, its
 * evidence (`preuve`, see preuveConvention), then the first amounts so read (`resolus`, `total` in all).
 */
export function alerteConvention(
  convention: Convention,
  preuve: string,
  resolus: readonly MontantResolu[],
  total = resolus.length,
): string {
  const liste = resolus
    .slice(0, RESOLUS_CITES)
    .map((x) => `ligne ${x.ligne} ${x.champ} « ${x.texte} » = ${formatMontantFr(cents(x.cents))}`)
    .join(" ; ");
  const autre = convention === "fr" ? "au point décimal" : "à la virgule décimale";
  const suite = total > RESOLUS_CITES ? ` ; et ${milliers(total - RESOLUS_CITES)} autres` : "";
  return (
    `Convention du fichier : ${preuve} (aucun montant ${autre}) ; ` +
    `${pluriel(total, "montant ambigu", "montants ambigus")} (un seul séparateur suivi de trois chiffres) ` +
    `lu${total > 1 ? "s" : ""} selon elle : ${liste}${suite}. Vérifiez-l${total > 1 ? "es" : "e"} dans l'export comptable.`
  );
}
