/**
 * An error whose message is French and meant for the user as it is: it says what happened and what to do (a connection
 * lost while loading, a setting Excel refused to save, and every ErreurDonnees). The pane shows its message; any other
 * error (a TypeError, a library's or Office's message, often in English) is an internal failure, which the pane tells
 * in its own French words, its text kept for support (src/taskpane/components/MessageErreur.tsx). `details`: what
 * support may need beyond the message (a library's own words), never shown as the message.
 */
export class ErreurExpliquee extends Error {
  constructor(
    message?: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The user's file, sheet or arguments are wrong (not a bug): the message is French, says what and where.
 * Every domain error of that kind extends this class, so the CLI and the pane can tell it from an internal
 * failure without listing each one (CLI: exit 2, message on stderr).
 */
export class ErreurDonnees extends ErreurExpliquee {
  constructor(message?: string) {
    super(message);
  }
}
