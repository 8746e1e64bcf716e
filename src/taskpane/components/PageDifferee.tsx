import { Button, Spinner } from "@fluentui/react-components";
import * as React from "react";
import { guillemets } from "../francais";
import { MessageErreur } from "./MessageErreur";

/**
 * What the pane says when a page cannot be shown: its chunk could not be fetched (connection lost, add-in updated
 * meanwhile) or it failed on its first reading. What to do, and that nothing is lost; never the technical error.
 */
export function messagePageNonChargee(titre: string): string {
  return (
    `La page ${guillemets(titre)} n'a pas pu être chargée\u00a0: vérifiez la connexion, puis cliquez sur ` +
    `${guillemets("Recharger le volet")}. Rien n'est perdu\u00a0: la production est enregistrée dans le classeur.`
  );
}

/**
 * Where a page loaded on demand (pages/index.ts) is shown: « Chargement de la page… » while its chunk arrives,
 * and, if it cannot be fetched or fails on its first reading, a French message with a way out instead of an empty
 * pane, announced to screen readers (role « alert »: Fluent's MessageBar announces nothing without an
 * AriaLiveAnnouncer). The production context is saved in the workbook, so reloading loses nothing.
 */
export class PageDifferee extends React.Component<{ titre: string; children: React.ReactNode }, { erreur: boolean }> {
  override state = { erreur: false };

  static getDerivedStateFromError(): { erreur: boolean } {
    return { erreur: true };
  }

  override render() {
    if (this.state.erreur) {
      return (
        <>
          <div role="alert">
            <MessageErreur erreur={messagePageNonChargee(this.props.titre)} />
          </div>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            Recharger le volet
          </Button>
        </>
      );
    }
    return (
      <React.Suspense fallback={<Spinner size="small" label="Chargement de la page…" />}>
        {this.props.children}
      </React.Suspense>
    );
  }
}
