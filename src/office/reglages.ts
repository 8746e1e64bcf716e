import { ErreurExpliquee } from "../core/erreurs";

/**
 * Office document settings (`Office.context.document.settings`): small key → value pairs saved inside the
 * workbook file, invisible in its sheets, shared by everyone who opens it (desktop and Excel on the web).
 * Outside an Office host (a page without Office.js context) there are none: reading gives undefined and
 * writing is refused with a French message.
 */
type Reglages = Pick<Office.Settings, "get" | "set" | "saveAsync">;

function reglages(): Reglages | undefined {
  const office = (globalThis as { Office?: { context?: { document?: { settings?: Reglages } } } }).Office;
  return office?.context?.document?.settings;
}

export async function lireReglageDocument(cle: string): Promise<string | undefined> {
  const r = reglages();
  const v: unknown = r?.get(cle);
  return typeof v === "string" ? v : undefined;
}

export async function ecrireReglageDocument(cle: string, valeur: string): Promise<void> {
  const r = reglages();
  if (!r)
    throw new ErreurExpliquee(
      "Ce classeur ne peut pas garder de réglages : le contexte de production n'est pas enregistré.",
    );
  r.set(cle, valeur);
  await new Promise<void>((ok, ko) =>
    r.saveAsync((res) =>
      String(res.status) === "succeeded"
        ? ok()
        : ko(
            new ErreurExpliquee(
              "Enregistrement des réglages du classeur impossible : Excel l'a refusé. Recommencez ; si le refus " +
                "revient, enregistrez le classeur puis rouvrez-le.",
              res.error?.message,
            ),
          ),
    ),
  );
}
