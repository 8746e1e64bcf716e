import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { TEST_IDS } from "../testIds";

/**
 * An error from a command, in French, as a Fluent MessageBar. Multiline from its first frame, as every MessageBar
 * of the pane: Fluent's default (« auto ») lays a bar out on one line, then measures it and wraps, so for a frame
 * a sentence made the pane scroll sideways (tests/browser/largeur.test.ts watches every frame).
 */
/** The French message of an error from a command (its message, or what was thrown). */
export const texteErreur = (erreur: unknown): string => (erreur instanceof Error ? erreur.message : String(erreur));

export function MessageErreur({ erreur }: { erreur: unknown }) {
  if (!erreur) return null;
  const message = texteErreur(erreur);
  return (
    <MessageBar layout="multiline" intent="error" data-testid={TEST_IDS.erreur}>
      <MessageBarBody>
        <MessageBarTitle>Erreur</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
