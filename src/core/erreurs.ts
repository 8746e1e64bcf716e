/**
 * The user's file, sheet or arguments are wrong (not a bug): the message is French, says what and where.
 * Every domain error of that kind extends this class, so the CLI and the pane can tell it from an internal
 * failure without listing each one (CLI: exit 2, message on stderr).
 */
export class ErreurDonnees extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}
