import type { Cents } from "../money/cents";

/** Sums of the lines a row may close: since the last (sub)total, since the chapter title, since the top. */
export interface SommesCourantes {
  run: Cents;
  section: Cents;
  tout: Cents;
  /** Lines in the run (no line, no subtotal). */
  lignesRun: number;
}

/**
 * A row with an amount and no text at all: the producer's unlabelled subtotal or total when the amount is a
 * SUM formula or adds up what is above it; otherwise undefined (a line without a label, imported as such).
 */
export function totalSansLibelle(
  montant: Cents,
  formule: string | undefined,
  s: SommesCourantes,
): "sous-total" | "total" | undefined {
  const somme = !!formule && /^\s*(SUM|SOMME|SUBTOTAL|SOUS\.TOTAL)\s*\(/i.test(formule);
  if (s.lignesRun > 0 && montant === s.run) return "sous-total";
  if (montant === s.tout && s.tout !== 0) return "total";
  if (montant === s.section && s.section !== 0) return "sous-total";
  return somme ? "sous-total" : undefined;
}
