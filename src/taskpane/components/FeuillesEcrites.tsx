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
