import type { AlerteFec } from "./types";

/**
 * An alerte as a sentence for the user, one convention for every ledger alerte: « Ligne 6 : écriture A1
 * déséquilibrée… », the line number first with its capital, the message then going on in lower case (« Ligne » is
 * capitalised at the start of a sentence, « ligne » lower case inside one); a whole-file alerte (line 0) as it is.
 * An initial that starts an acronym or a code (« FEC », « UTF-8 ») keeps its case.
 */
export function texteAlerteFec(a: Pick<AlerteFec, "ligne" | "message">): string {
  if (!a.ligne) return a.message;
  const suite = /^\p{Lu}\p{Ll}/u.test(a.message)
    ? a.message[0].toLocaleLowerCase("fr") + a.message.slice(1)
    : a.message;
  return `Ligne ${a.ligne} : ${suite}`;
}
