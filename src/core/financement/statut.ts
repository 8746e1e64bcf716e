import { normaliser } from "../util/texte";
import type { StatutSource } from "./model";

const ACQUIS = new RegExp(
  String.raw`^(acquis|acquise?s?|confirme|confirmee?s?|signe|signee?s?|obtenu|obtenue?s?|` +
    String.raw`accorde|accordee?s?|ok|oui|valide|validee?|engage|contractualise|vote|notifie|` +
    String.raw`certain|ferme)\b`,
);
const EN_NEGOCIATION = new RegExp(
  String.raw`^(en negociation|negociation|en cours|en attente|demande|depose|deposee?|` +
    String.raw`sollicite|sollicitee?|en discussion|lettre d'intention|deal memo|accord de principe|` +
    String.raw`probable|negocie)\b`,
);
const ENVISAGE =
  String.raw`envisage|envisagee?s?|a solliciter|a demander|a deposer|prevu|prevue?s?|` +
  String.raw`hypothese|hypothetique|estime|estimee?|a trouver|a confirmer|` +
  String.raw`potentiel|possible|piste|projet|eventuel|previsionnel(?:le)?s?`;
/** « Prévisionnel » reads as envisagé, in a line's status cell as in a column header (not yet asked for). */
const ENVISAGE_RE = new RegExp(String.raw`^(${ENVISAGE})\b`);

/**
 * A status as producers write it (« Signé », « En cours », « À solliciter », « Prévisionnel »…), in a line's status
 * cell or a column header (« Acquis | En cours | Prévisionnel »); undefined when unknown.
 */
export function lireStatut(s: string): StatutSource | undefined {
  const n = normaliser(s);
  if (ACQUIS.test(n)) return "acquis";
  if (EN_NEGOCIATION.test(n)) return "en-negociation";
  if (ENVISAGE_RE.test(n)) return "envisage";
  return undefined;
}
