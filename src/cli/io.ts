import * as path from "path";
import { ErreurDonnees } from "../core/erreurs";

/** Where a command writes; tests pass a recorder, main passes process streams. */
export interface Io {
  out(texte: string): void;
  err(texte: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
};

/** A user-facing failure: French message on stderr, exit code (2 = bad input/arguments). */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly code = 2,
  ) {
    super(message);
  }
}

export interface Commande {
  nom: string;
  /** One line of French help. */
  resume: string;
  usage: string;
  executer(args: string[], io: Io): Promise<number>;
}

/** JSON output of the CLI is a public contract: exactly one object, pretty-printed. */
export function ecrireJson(io: Io, obj: unknown): void {
  io.out(JSON.stringify(obj, null, 2));
}

/**
 * What to throw for an error met while working on `fichier`: a data error (ErreurDonnees) becomes a
 * CliError (exit 2) whose message names the file; anything else is a bug and is rethrown as it is.
 */
export function erreurFichier(e: unknown, fichier: string): unknown {
  if (!(e instanceof ErreurDonnees)) return e;
  const nom = path.basename(fichier);
  return new CliError(e.message.includes(nom) ? e.message : `${nom} : ${e.message}`);
}

/** Saves the output workbook; a disk error (missing folder, no right to write) is the user's, exit 2. */
export async function enregistrerSortie(
  wb: { enregistrer(chemin: string): Promise<void> },
  sortie: string,
): Promise<void> {
  try {
    await wb.enregistrer(sortie);
  } catch (e) {
    throw new CliError(`Écriture impossible de « ${sortie} » : ${raisonEcriture(e)}.`);
  }
}

/** Why a file could not be written, in French (Node's text is English). */
export function raisonEcriture(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "dossier introuvable";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "écriture non autorisée";
    case "EISDIR":
      return "c'est un dossier";
    case "ENOSPC":
      return "disque plein";
    default:
      return code ? `erreur système ${code}` : (e as Error).message;
  }
}
