/**
 * The system's reasons for not reading a file, in French. Apart from read.ts (which re-exports them) so that the CLI's
 * messages (src/cli/io.ts, loaded by every command) do not load the workbook reader (saxes, yauzl).
 */

/** A symbolic link that leads back to itself (ELOOP), read or written. */
export const BOUCLE = "c'est un lien symbolique qui boucle sur lui-même";

/**
 * Why the system could not read a file (the CLI's text files and the workbooks alike), in French (Node's own text,
 * « EIO: i/o error, read », is English): the errno code is kept in parentheses for whoever helps the user.
 */
export function raisonSysteme(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "fichier introuvable";
    case "EISDIR":
      return "c'est un dossier";
    case "EACCES":
    case "EPERM":
      return "lecture non autorisée";
    case "ENOTDIR":
      return "un élément du chemin est un fichier, pas un dossier";
    case "ENAMETOOLONG":
      return "nom de fichier trop long";
    case "ELOOP":
      return BOUCLE;
    case "EIO":
      return "erreur de lecture du disque (EIO)";
    default:
      return code ? `erreur système ${code}` : "le fichier n'a pas pu être lu";
  }
}
