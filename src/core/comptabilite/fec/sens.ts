import { normaliser } from "../../util/texte";

/**
 * The Sens column of a FEC or ledger CSV written in Montant + Sens: « D »/« C » (the norm), « +1 »/« -1 », or the
 * whole words « Débit »/« Crédit » as many exports write them (any case, accented or not, surrounding spaces
 * ignored). Anything else is no sens: the caller rejects the line, naming the value, never guessing.
 */
const SENS: ReadonlyMap<string, "D" | "C"> = new Map([
  ["d", "D"],
  ["+1", "D"],
  ["1", "D"],
  ["+", "D"],
  ["debit", "D"],
  ["c", "C"],
  ["-1", "C"],
  ["-", "C"],
  ["credit", "C"],
]);

/**
 * The values as exports write them on nearly every line, looked up as they are: normalising (NFD, regexes) every
 * line's Sens made a 10-million-line FEC about 3 s slower.
 */
const SENS_EXACTS: ReadonlyMap<string, "D" | "C"> = new Map([...SENS, ["D", "D"], ["C", "C"]]);

/** « D » (debit) or « C » (credit) for a Sens value, undefined when it is neither. */
export function sensLu(texte: string): "D" | "C" | undefined {
  return SENS_EXACTS.get(texte) ?? SENS.get(normaliser(texte));
}

/**
 * What a Sens column accepts, in the words of a line's rejection: every value SENS reads (« 1 » is « +1 » whose sign a
 * spreadsheet dropped, « + » and « - » the bare signs some exports write), as docs/comptabilite.md lists them.
 */
export const SENS_ATTENDU = "attendu D, Débit, +1, 1 ou + (débit) ; C, Crédit, -1 ou - (crédit)";
