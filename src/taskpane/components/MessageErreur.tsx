import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { TEST_IDS } from "../testIds";

/** An error from a command, in French, as a Fluent MessageBar. */
export function MessageErreur({ erreur }: { erreur: unknown }) {
  if (!erreur) return null;
  const message = erreur instanceof Error ? erreur.message : String(erreur);
  return (
    <MessageBar intent="error" data-testid={TEST_IDS.erreur}>
      <MessageBarBody>
        <MessageBarTitle>Erreur</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
