import { pluriel } from "../../util/texte";
import type { AlerteFec, MontantsNegatifs } from "./types";

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

/**
 * The lines with a negative debit or credit, in one sentence for `prodbook fec`, the pane and ecarts's finding
 * (`document`: « du FEC », « du grand livre »). They are read as written — a negative debit or credit, which the
 * réalisé takes so — and named, so that an accountant sees reversals written as negatives; never changed.
 */
export function texteMontantsNegatifs(m: MontantsNegatifs, document: string): string {
  const n = m.nombre;
  const ls = m.lignes;
  const cites =
    n === 1
      ? `ligne ${ls[0]}`
      : n === ls.length
        ? `lignes ${ls.slice(0, -1).join(", ")} et ${ls[ls.length - 1]}`
        : `lignes ${ls.join(", ")}…`;
  const [porte, lue, elles, les] =
    n > 1
      ? ["portent", "lues telles qu'écrites", "Elles sont", "les"]
      : ["porte", "lue telle qu'écrite", "Elle est", "la"];
  return (
    `${pluriel(n, "ligne")} ${document} ${porte} un montant négatif au débit ou au crédit (« -12,00 », « (12,00) ») : ` +
    `${cites}. ${elles} ${lue}, en débit ou crédit négatif, et le réalisé ${les} prend ainsi (une contre-passation ` +
    `écrite en négatif ?).`
  );
}
