import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import * as React from "react";
import { guillemets } from "../francais";
import { ICONE_INTENTION } from "./iconeIntention";

/** « Écrit : « Plan de financement », « Échéancier » » after a check that wrote its sheets; nothing when none. */
export function FeuillesEcrites({ feuilles, testId }: { feuilles: readonly string[]; testId: string }) {
  if (feuilles.length === 0) return null;
  return (
    <MessageBar layout="multiline" intent="success" icon={ICONE_INTENTION.success} data-testid={testId}>
      <MessageBarBody>
        Écrit{"\u00a0"}: {feuilles.map(guillemets).join(", ")}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * What a screen reader hears after an action that wrote sheets: the sheets first (« Feuille « Crédit d'impôt »
 * écrite. »), then `suite` (the figure the action also computed); `suite` alone when nothing was written.
 */
export function annonceEcriture(feuilles: readonly string[], suite: string): string {
  const ecrites =
    feuilles.length === 0
      ? ""
      : feuilles.length === 1
        ? `Feuille ${guillemets(feuilles[0])} écrite.`
        : `Feuilles écrites\u00a0: ${feuilles.map(guillemets).join(", ")}.`;
  return [ecrites, suite].filter(Boolean).join(" ");
}
