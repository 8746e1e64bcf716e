import { Button, Spinner } from "@fluentui/react-components";
import * as React from "react";
import { MessageErreur } from "./MessageErreur";

/**
 * Where a page loaded on demand (pages/index.ts) is shown: « Chargement de la page… » while its chunk arrives,
 * and, if it cannot be fetched (connection lost, add-in updated meanwhile), a French message with a way out
 * instead of an empty pane. The production context is saved in the workbook, so reloading loses nothing.
 */
export class PageDifferee extends React.Component<{ children: React.ReactNode }, { erreur: boolean }> {
  override state = { erreur: false };

  static getDerivedStateFromError(): { erreur: boolean } {
    return { erreur: true };
  }

  override render() {
    if (this.state.erreur) {
      return (
        <>
          <MessageErreur erreur="Cette page n'a pas pu être chargée : vérifiez la connexion puis rechargez le volet." />
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
