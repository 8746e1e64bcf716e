import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import * as React from "react";
import { ErreurExpliquee } from "../../core/erreurs";
import { TEST_IDS } from "../testIds";

/**
 * What the pane says of an unexpected failure (a TypeError, a library's or Office's own message, often in English):
 * its own French words, true whatever the action was. Writes are not one transaction (src/office/officeWorkbook.ts
 * syncs block by block), so « nothing was changed » is not claimed: a write cut halfway leaves Prodbook's sheets
 * incomplete, and running the action again writes them anew; the user's own sheets are never written.
 */
export const MESSAGE_INATTENDU =
  "Une erreur inattendue a interrompu l'action\u00a0: elle ne vient pas de vos fichiers. Si l'action écrivait dans " +
  "le classeur, les feuilles de Prodbook ont pu rester incomplètes\u00a0: relancez-la, elle les réécrit\u00a0; vos " +
  "propres feuilles ne sont jamais modifiées. Si l'erreur revient, transmettez au support les détails techniques.";

/** An error as the pane shows it: its French message, and the technical text kept for support (collapsed). */
export interface ErreurAffichee {
  message: string;
  details?: string;
}

/**
 * The one function that decides what the user reads of an error. Our own French errors (ErreurExpliquee, every
 * ErreurDonnees, and the sentences the pane passes as strings) are shown as they are; anything else is internal:
 * MESSAGE_INATTENDU, its raw text (name, Office code, message) only in the details.
 */
export function erreurAffichee(erreur: unknown): ErreurAffichee {
  if (typeof erreur === "string") return { message: erreur };
  if (erreur instanceof ErreurExpliquee)
    return { message: erreur.message, ...(erreur.details ? { details: erreur.details } : {}) };
  return { message: MESSAGE_INATTENDU, details: texteTechnique(erreur) };
}

/** The French message of an error from a command (erreurAffichee): what a screen reader announces. */
export const texteErreur = (erreur: unknown): string => erreurAffichee(erreur).message;

/** « TypeError (code): message » of what was thrown (as JavaScript writes it), for support. */
function texteTechnique(erreur: unknown): string {
  if (erreur instanceof Error) {
    const code = (erreur as { code?: unknown }).code;
    return `${erreur.name}${typeof code === "string" && code ? ` (${code})` : ""}: ${erreur.message}`;
  }
  try {
    return typeof erreur === "object" && erreur !== null ? JSON.stringify(erreur) : String(erreur);
  } catch {
    return String(erreur);
  }
}

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  resume: { cursor: "pointer" },
  texte: {
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
  },
});

/**
 * An error from a command, in French, as a Fluent MessageBar. Multiline from its first frame, as every MessageBar
 * of the pane: Fluent's default (« auto ») lays a bar out on one line, then measures it and wraps, so for a frame
 * a sentence made the pane scroll sideways (tests/browser/largeur.test.ts watches every frame). The technical text
 * of an unexpected error sits in a collapsed « Détails techniques » (a native disclosure, keyboard-accessible).
 */
export function MessageErreur({ erreur }: { erreur: unknown }) {
  const styles = useStyles();
  if (!erreur) return null;
  const { message, details } = erreurAffichee(erreur);
  return (
    <MessageBar layout="multiline" intent="error" data-testid={TEST_IDS.erreur}>
      <MessageBarBody>
        <MessageBarTitle>Erreur</MessageBarTitle>
        {message}
        {details && (
          <details className={styles.details} data-testid={TEST_IDS.erreurDetails}>
            <summary className={styles.resume}>Détails techniques</summary>
            <pre className={styles.texte}>{details}</pre>
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
