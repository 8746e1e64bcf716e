import { distance } from "fastest-levenshtein";
import * as fs from "fs";
import * as path from "path";
import { estZip, natureBinaire, pasTexteZip } from "../core/comptabilite/fec/natureOctets";
import { ErreurDonnees } from "../core/erreurs";
import { espacesInsecables } from "../core/util/texte";
import { BOUCLE, raisonSysteme } from "../xlsx/raisonsSysteme";

/** Where a command writes; tests pass a recorder, main passes process streams. */
export interface Io {
  out(texte: string): void;
  err(texte: string): void;
  /** The --json object, on stdout as it is (no typography); `out` when absent. */
  json?(texte: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
};

/**
 * A text of the CLI (its text output, a message on stderr) as the pane shows its texts: the no-break spaces of French
 * typography (espacesInsecables, the pane's own function), whoever wrote the text (the CLI, src/app, a core message).
 * Only spaces change; an argument typed on the command line (a file path, a `--feuille` name, a value echoed in a
 * message) keeps its own spaces, so that a path copied from a message still names the file (an argument without a
 * space has nothing to change: it needs no keeping).
 */
export function texteFrancais(texte: string, argv: readonly string[] = []): string {
  const tels = new Set<string>();
  for (const a of argv) for (const x of [a, path.basename(a), path.dirname(a)]) if (/\s/.test(x)) tels.add(x);
  if (!tels.size) return espacesInsecables(texte);
  // Longest first, so that a path is kept whole rather than its folder alone.
  const motif = [...tels].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return texte
    .split(new RegExp(`(${motif.join("|")})`))
    .map((morceau, i) => (i % 2 ? morceau : espacesInsecables(morceau)))
    .join("");
}

/**
 * The CLI's door to its output (main and every command write through it): the text and the messages in French
 * typography (texteFrancais), the --json object as it is, a public contract (ecrireJson).
 */
export function ioFrancais(io: Io, argv: readonly string[]): Io {
  return {
    out: (t) => io.out(texteFrancais(t, argv)),
    err: (t) => io.err(texteFrancais(t, argv)),
    json: (t) => (io.json ?? io.out)(t),
  };
}

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
  (io.json ?? io.out)(JSON.stringify(obj, null, 2));
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
    // A data error met while writing (a text longer than a cell holds) says itself, with its cell.
    if (e instanceof ErreurDonnees) throw new CliError(`Écriture impossible de « ${sortie} » : ${e.message}`);
    throw new CliError(`Écriture impossible de « ${sortie} » : ${raisonEcriture(e, sortie)}.`);
  }
}

/**
 * The one wording of a file the user named that does not exist, whatever command reads it (the workbook, a FEC, a
 * correspondances or columns file): « Fichier introuvable : « compta.txt » (FEC). ». `quoi` says what it was for.
 * What the user most likely meant is added when the disk shows it (indiceIntrouvable).
 */
export function fichierIntrouvable(chemin: string, quoi?: string): string {
  // « Fichier de correspondances » → « fichier de correspondances »; « FEC » stays.
  const q = quoi && (/^\p{Lu}\p{Ll}/u.test(quoi) ? quoi.charAt(0).toLowerCase() + quoi.slice(1) : quoi);
  const indice = indiceIntrouvable(chemin);
  return `Fichier introuvable : « ${chemin} »${q ? ` (${q})` : ""}${indice ?? "."}`;
}

/** The fewest letters of a file name that gets a neighbour suggested: « a.xlsx » is one typo from too many names. */
const NOM_PROCHE_MIN = 8;

/**
 * Why a named file is not there, when the disk says it (with its final punctuation), else undefined: « - » (no file
 * read from the terminal's input), a name with a space typed before or after it, a folder that does not exist, or a
 * file one typo away in the same folder (« devis.xslx » → « devis.xlsx »). Never a file taken in its place.
 */
function indiceIntrouvable(chemin: string): string | undefined {
  if (chemin === "-") return " : Prodbook ne lit pas l'entrée du terminal, indiquez le chemin du fichier.";
  const nettoye = chemin.trim();
  if (nettoye && nettoye !== chemin && fs.existsSync(nettoye)) {
    const ou = chemin.startsWith(nettoye) ? "finit" : "commence";
    return ` : le nom reçu ${ou} par une espace ; vouliez-vous dire « ${nettoye} » ?`;
  }
  const dossier = path.dirname(chemin);
  if (!fs.existsSync(dossier)) return ` : le dossier « ${dossier} » n'existe pas.`;
  const nom = path.basename(chemin);
  if (nom.length < NOM_PROCHE_MIN || !estDossier(dossier)) return undefined;
  let voisins: string[];
  try {
    voisins = fs
      .readdirSync(dossier, { withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => e.name);
  } catch {
    return undefined; // a folder that cannot be listed: nothing to suggest
  }
  const proche = voisins.length <= 5000 ? procheDe(nom, voisins) : undefined;
  return proche && proche !== nom ? ` ; vouliez-vous dire « ${path.join(dossier, proche)} » ?` : undefined;
}

/**
 * The one wording of a file written (-o, `carbone --csv`), after the text output: « Écrit : sortie.xlsx (feuilles
 * « Devis », « Synthèse ») », « Écrit : sortie.xlsx ».
 */
export function ligneEcrit(chemin: string, detail?: string): string {
  return `Écrit : ${chemin}${detail ? ` (${detail})` : ""}`;
}

/**
 * Why a file could not be written, in French (Node's text is English). With the file's path, « not found » for a
 * folder that is there says what it is: a folder that takes no new file (/proc, a system folder), never « introuvable ».
 */
export function raisonEcriture(e: unknown, chemin?: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return chemin !== undefined && estDossier(path.dirname(chemin))
        ? `le dossier « ${path.dirname(chemin)} » n'accepte pas de nouveau fichier (dossier système)`
        : "dossier introuvable";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "écriture non autorisée";
    case "EISDIR":
      return "c'est un dossier";
    case "ENOSPC":
      return "disque plein";
    case "ENAMETOOLONG":
      return "nom de fichier trop long";
    case "ENOTDIR":
      return "un élément du chemin est un fichier, pas un dossier";
    case "ELOOP":
      return BOUCLE;
    default:
      return code ? `erreur système ${code}` : (e as Error).message;
  }
}

function estDossier(chemin: string): boolean {
  try {
    return fs.statSync(chemin).isDirectory();
  } catch {
    return false;
  }
}

/** Why a file could not be read, in French (Node's text is English): one list for the CLI and the workbook reader. */
export const raisonLecture = raisonSysteme;

/**
 * The bytes of a text file the user named (`--colonnes`, `--correspondances`, a FEC): a missing file, a folder, no
 * right to read, a zip (an .xlsx, a compressed FEC) or binary bytes (natureBinaire) given for text is the user's,
 * French message naming it, exit 2.
 * `quoi` starts the message: « Fichier de correspondances ».
 */
export function lireFichierTexte(chemin: string, quoi: string): Buffer {
  let b: Buffer;
  try {
    b = fs.readFileSync(chemin);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(fichierIntrouvable(chemin, quoi));
    throw new CliError(`${quoi} illisible (${chemin}) : ${raisonLecture(e)}.`);
  }
  if (estZip(b)) throw new CliError(`${quoi} illisible (${chemin}) : ${pasTexteZip(b)}.`);
  const binaire = natureBinaire(b.subarray(0, 4096));
  if (binaire) throw new CliError(`${quoi} illisible (${chemin}) : ${binaire}.`);
  return b;
}

// What a zip given for a text file is, and how to tell one: core's, shared with the FEC use case (src/app).
export { estZip, pasTexteZip } from "../core/comptabilite/fec/natureOctets";

/**
 * The name among `noms` a mistyped one was meant to be (« Devis », « finacement », « credit_impot »): the same once
 * case, accents and separators are set aside, else the one a single typo away.
 */
export function procheDe(tape: string, noms: readonly string[]): string | undefined {
  const simple = (x: string) =>
    x
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[\s_-]+/g, "-");
  const t = simple(tape);
  return noms.find((n) => simple(n) === t) ?? noms.find((n) => distance(simple(n), t) <= 2);
}
