import { normaliser } from "../util/texte";
import type { StatutSource } from "./model";

/** A status as producers write it (« Signé », « En cours », « À solliciter »…); undefined when unknown. */
export function lireStatut(s: string): StatutSource | undefined {
  const n = normaliser(s);
  if (/^(acquis|acquise?s?|confirme|confirmee?s?|signe|signee?s?|obtenu|obtenue?s?|accorde|accordee?s?|ok|oui|valide|validee?|engage|contractualise|vote|notifie|certain|ferme)\b/.test(n)) return "acquis";
  if (/^(en negociation|negociation|en cours|en attente|demande|depose|deposee?|sollicite|sollicitee?|en discussion|lettre d'intention|deal memo|accord de principe|probable|negocie)\b/.test(n)) return "en-negociation";
  if (/^(envisage|envisagee?s?|a solliciter|a demander|a deposer|prevu|prevue?s?|hypothese|hypothetique|previsionnel|estime|estimee?|a trouver|a confirmer|potentiel|possible|piste|projet|eventuel)\b/.test(n)) return "envisage";
  return undefined;
}
