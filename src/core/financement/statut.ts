import { normaliser } from "../util/texte";
import type { StatutSource } from "./model";

/** A status as producers write it (« Signé », « En cours », « À solliciter »…); undefined when unknown. */
export function lireStatut(s: string): StatutSource | undefined {
  const n = normaliser(s);
  if (
    new RegExp(
      String.raw`^(acquis|acquise?s?|confirme|confirmee?s?|signe|signee?s?|obtenu|obtenue?s?|` +
        String.raw`accorde|accordee?s?|ok|oui|valide|validee?|engage|contractualise|vote|notifie|` +
        String.raw`certain|ferme)\b`,
    ).test(n)
  )
    return "acquis";
  if (
    new RegExp(
      String.raw`^(en negociation|negociation|en cours|en attente|demande|depose|deposee?|` +
        String.raw`sollicite|sollicitee?|en discussion|lettre d'intention|deal memo|accord de principe|` +
        String.raw`probable|negocie)\b`,
    ).test(n)
  )
    return "en-negociation";
  if (
    new RegExp(
      String.raw`^(envisage|envisagee?s?|a solliciter|a demander|a deposer|prevu|prevue?s?|` +
        String.raw`hypothese|hypothetique|previsionnel|estime|estimee?|a trouver|a confirmer|` +
        String.raw`potentiel|possible|piste|projet|eventuel)\b`,
    ).test(n)
  )
    return "envisage";
  return undefined;
}
