/**
 * The one skeleton of every `prodbook` command: parse → check → open → run → JSON or text → exit code.
 *
 * A command is a `definirCommande({...})` object (see docs/architecture.md, « Checklist: add a CLI command »):
 * it declares its options, checks them into the arguments of a use case of src/app, runs that use case on the
 * opened workbook and says how to print the result. Everything else is done here, once:
 *  - option errors in French, naming the option (unknown option, missing value, a value given to a flag, an
 *    option-like value, missing or extra positional argument), exit 2 — Node's English text never leaks;
 *  - `--json` (always), `-o/--sortie` (commands that write: .xlsx only, never the input file itself, compared
 *    by real path so a symlink or a relative path to the input is refused too), `--strict` (exit 1 on a finding
 *    of gravity « erreur »);
 *  - opening the input workbook (ExcelJS adapter, loaded only by commands that need it), attributing data
 *    errors to the file, saving the output, and the exit code: 0 done, 1 --strict with errors (or what the
 *    command's `code` says), 2 bad input.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "node:util";
import type { OptionsOuverture, XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { ArgumentInvalideError } from "../app/arguments";
import {
  CliError,
  ecrireJson,
  enregistrerSortie,
  erreurFichier,
  fichierIntrouvable,
  ioFrancais,
  ligneEcrit,
  procheDe,
  raisonEcriture,
  raisonLecture,
  type Commande,
  type Io,
} from "./io";

export interface OptionCli {
  type: "string" | "boolean";
  short?: string;
  /**
   * The option names one file the command reads (`--fec`, `--correspondances`): given twice, even with the same name,
   * it is refused (one file is read; the second one meant, a second FEC, is never guessed).
   */
  fichier?: boolean;
}
export type OptionsCli = Record<string, OptionCli>;

/** Parsed option values, typed from the declaration: strings for `string` options, `true` for flags. */
export type Valeurs<O extends OptionsCli> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string;
};

/** What a command's `executer` gets. */
export interface Contexte<A> {
  /** The checked arguments returned by `verifier`. */
  args: A;
  /** The single positional argument (the input file), as typed. */
  entree: string;
  /** The -o file when given (commands with `ecrit`); the runner saves `wb` there after `executer`. */
  sortie?: string;
  /** The opened input workbook (commands with `classeur: true`, the default). */
  wb: XlsxWorkbook;
}

export interface DefinitionCommande<O extends OptionsCli, A, R> {
  nom: string;
  /** One line of French help. */
  resume: string;
  usage: string;
  /** The command's own options; `--json`, and `-o/--sortie` and `--strict` when asked below, are added. */
  options: O;
  /**
   * What the one positional argument is, for « Indiquez … » (e.g. "un classeur .xlsx"); `null` for a command
   * that takes options only (`regles`): any positional argument is then refused.
   */
  entree: string | null;
  /** The command writes a workbook with `-o sortie.xlsx` (also `--sortie`). */
  ecrit?: boolean;
  /** `--strict`: exit 1 when `constats` holds a finding of gravity « erreur ». */
  strict?: boolean;
  /**
   * Opens the positional argument as a workbook before `executer` (default true; `fec` reads a text file), or
   * the workbook a checked argument names (`regles --classeur`), none when it returns undefined. Data errors
   * name that file.
   */
  classeur?: boolean | ((args: A) => string | undefined);
  /**
   * How the workbook is opened (e.g. `aLire`: Prodbook's sheets read by streaming, not loaded by ExcelJS), or a
   * function of the checked arguments and the -o file that says it.
   */
  ouverture?: OptionsOuverture | ((args: A, ctx: { sortie?: string }) => OptionsOuverture);
  /**
   * Checks the options (throw `CliError` or the app's `ArgumentInvalideError`, whose field is named by its
   * option through `champs`) and returns the use case's arguments. `sortie` is the -o file, already checked.
   */
  verifier(valeurs: Valeurs<O>, ctx: { entree: string; sortie?: string }): A | Promise<A>;
  /** Maps an app argument name (ArgumentInvalideError.champ) to its option, e.g. `{ dureeMinutes: "--duree" }`. */
  champs?: Record<string, string>;
  /** Runs the use case (a function of src/app) and returns its result. Data errors name the input file. */
  executer(ctx: Contexte<A>): Promise<R>;
  /** The public JSON contract (field names: add, never rename or remove). */
  json(r: R, ctx: Contexte<A>): unknown;
  /** The French text summary. */
  texte(r: R, io: Io, ctx: Contexte<A>): void;
  /**
   * Warnings on stderr, in the text output and with --json alike (undefined: none), before the result: what the user
   * asked for and got, though it looks wrong (`fec --encodage windows-1252` on a UTF-8 file).
   */
  avertissements?(r: R, ctx: Contexte<A>): readonly (string | undefined)[];
  /** Findings for --strict. */
  constats?(r: R): readonly { gravite: string }[];
  /** Exit code when there is no --strict failure (default 0). */
  code?(r: R, ctx: Contexte<A>): number;
  /** Sheets written, for the « Écrit : … » line after -o (text output only, ligneEcrit). */
  feuillesEcrites?(r: R): readonly string[];
  /**
   * Other files the command writes besides -o (`carbone --csv`), with the line said after them. They are written
   * with the workbook or not at all: each goes to a temporary file first, renamed only once every file and the
   * workbook are written, so an exit 2 leaves nothing behind.
   */
  autresFichiers?(r: R, ctx: Contexte<A>): readonly { chemin: string; contenu: string; ecrit: string }[];
}

const SORTIE: OptionCli = { type: "string", short: "o" };

/**
 * What a command that checks the user's workbook declares (devis, financement, planning): the workbook as its
 * one argument, `-o` to write its sheets into a copy, `--strict` to exit 1 on a finding « erreur ».
 */
export const CONTROLE_CLASSEUR = { entree: "un classeur .xlsx", ecrit: true, strict: true } as const;

/** Builds a `Commande` (what src/cli/commandes.ts lists) from its definition. */
export function definirCommande<O extends OptionsCli, A, R>(def: DefinitionCommande<O, A, R>): Commande {
  return {
    nom: def.nom,
    resume: def.resume,
    usage: def.usage,
    executer: (args, io) => executer(def, args, io),
  };
}

async function executer<O extends OptionsCli, A, R>(
  def: DefinitionCommande<O, A, R>,
  argv: string[],
  processus: Io,
): Promise<number> {
  // The text output in French typography, as main gives it (a test may run the command alone); --json as it is.
  const io = ioFrancais(processus, argv);
  const options: OptionsCli = {
    ...def.options,
    json: { type: "boolean" },
    ...(def.ecrit ? { sortie: SORTIE } : {}),
    ...(def.strict ? { strict: { type: "boolean" } } : {}),
  };
  const { valeurs, positionnels } = analyserOptions(argv, options, def.usage);
  if (def.entree === null) {
    if (positionnels.length) {
      throw new CliError(
        `Argument en trop « ${positionnels[0]} » : prodbook ${def.nom} ne prend que des options.\nUsage : ${def.usage}`,
      );
    }
  } else {
    if (positionnels.length === 0) throw new CliError(`Indiquez ${def.entree}.\nUsage : ${def.usage}`);
    // `prodbook devis "$F"` with F unset: no file named; said in French, never a command run on no workbook.
    if (positionnels[0] === "")
      throw new CliError(
        `Indiquez ${def.entree} : le nom de fichier reçu est vide (une variable du terminal non définie ?).\n` +
          `Usage : ${def.usage}`,
      );
    if (positionnels.length > 1) {
      throw new CliError(
        `Argument en trop « ${positionnels[1]} » : prodbook ${def.nom} prend ${def.entree} et des options.\n` +
          `Usage : ${def.usage}`,
      );
    }
  }
  const entree = positionnels[0] ?? "";
  const sortie = def.ecrit
    ? verifierSortie(
        valeurs.sortie as string | undefined,
        ...(def.entree === null ? [] : [{ chemin: entree, quoi: def.classeur === false ? "" : "classeur" }]),
      )
    : undefined;
  let args: A;
  try {
    args = await def.verifier(valeurs as Valeurs<O>, { entree, sortie });
  } catch (e) {
    throw enErreurOption(e, def);
  }
  const lu =
    typeof def.classeur === "function" ? def.classeur(args) : def.classeur === false ? undefined : entree || undefined;
  let wb: XlsxWorkbook | undefined;
  const ouverture = typeof def.ouverture === "function" ? def.ouverture(args, { sortie }) : def.ouverture;
  if (lu !== undefined) wb = await ouvrirClasseur(lu, ouverture);
  const ctx: Contexte<A> = { args, entree, sortie, wb: wb as XlsxWorkbook };
  let r: R;
  try {
    r = await def.executer(ctx);
  } catch (e) {
    const fichier = lu ?? (def.entree === null ? undefined : entree);
    throw fichier === undefined ? enErreurOption(e, def) : erreurFichier(enErreurOption(e, def), fichier);
  }
  const autres = def.autresFichiers?.(r, ctx) ?? [];
  await ecrireTout(autres, sortie !== undefined && wb ? { wb, sortie } : undefined);
  for (const a of def.avertissements?.(r, ctx) ?? []) if (a) io.err(a);
  if (valeurs.json) ecrireJson(io, def.json(r, ctx));
  else {
    def.texte(r, io, ctx);
    if (sortie !== undefined) {
      const f = def.feuillesEcrites?.(r);
      const liste = f && `feuille${f.length > 1 ? "s" : ""} ${f.map((x) => `« ${x} »`).join(", ")}`;
      io.out(ligneEcrit(sortie, liste));
    }
    for (const a of autres) io.out(ligneEcrit(a.chemin, a.ecrit));
  }
  if (valeurs.strict && def.constats?.(r).some((c) => c.gravite === "erreur")) return 1;
  return def.code?.(r, ctx) ?? 0;
}

/**
 * Writes the -o workbook and the other files all or nothing: the text files go to temporary files first, the
 * workbook is saved (itself through a temporary file), then the text files are renamed into place. A failure at
 * any step removes what was written and is the user's (exit 2, French message naming the file).
 */
async function ecrireTout(
  fichiers: readonly { chemin: string; contenu: string }[],
  classeur: { wb: XlsxWorkbook; sortie: string } | undefined,
): Promise<void> {
  const temporaires: string[] = [];
  const nettoyer = () => {
    for (const t of temporaires) effacer(t);
  };
  for (const f of fichiers) {
    const t = `${f.chemin}.${process.pid}.tmp`;
    try {
      temporaires.push(t);
      fs.writeFileSync(t, f.contenu, "utf8");
    } catch (e) {
      nettoyer();
      throw new CliError(`Écriture impossible de « ${f.chemin} » : ${raisonEcriture(e, f.chemin)}.`);
    }
  }
  if (classeur) {
    try {
      await enregistrerSortie(classeur.wb, classeur.sortie);
    } catch (e) {
      nettoyer();
      throw e;
    }
  }
  fichiers.forEach((f, i) => {
    try {
      fs.renameSync(temporaires[i], f.chemin);
    } catch (e) {
      nettoyer();
      for (const deja of fichiers.slice(0, i)) effacer(deja.chemin);
      if (classeur) effacer(classeur.sortie);
      throw new CliError(`Écriture impossible de « ${f.chemin} » : ${raisonEcriture(e, f.chemin)}.`);
    }
  });
}

/**
 * Removes a file written for nothing; a path that could not hold a file (under a file, a name too long) has nothing
 * to remove, and the failure already being told is the one the user reads.
 */
function effacer(chemin: string): void {
  try {
    fs.rmSync(chemin, { force: true });
  } catch {
    // nothing was written there
  }
}

/** An app argument error names the app's field: the CLI names the option instead. */
function enErreurOption(e: unknown, def: { champs?: Record<string, string> }): unknown {
  if (!(e instanceof ArgumentInvalideError)) return e;
  const option = def.champs?.[e.champ];
  return new CliError(option ? `L'option ${option} ${e.detail}.` : e.message);
}

async function ouvrirClasseur(entree: string, options?: OptionsOuverture): Promise<XlsxWorkbook> {
  // Loaded here, not at the top: `prodbook fec` never loads ExcelJS.
  const { XlsxWorkbook: Classeur } = require("../xlsx/xlsxWorkbook") as typeof import("../xlsx/xlsxWorkbook");
  // A missing file is said as every command says it (the adapter's « n'est pas un classeur lisible » is for the others);
  // a path that cannot be looked at (a link looping on itself, a name too long) says why, never « introuvable ».
  try {
    fs.statSync(entree);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(fichierIntrouvable(entree, "classeur"));
    throw new CliError(`Le fichier « ${entree} » n'est pas un classeur Excel lisible (.xlsx) : ${raisonLecture(e)}.`);
  }
  try {
    return await Classeur.ouvrir(entree, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(fichierIntrouvable(entree, "classeur"));
    throw erreurFichier(e, entree);
  }
}

/**
 * The -o file: .xlsx only, and never one of the files read (the input is never modified: ExcelJS would drop its
 * pivot tables and macros). Same file = same device and inode, so a symlink, a hard link, `./x.xlsx` or
 * `../dir/x.xlsx` naming the input are all refused.
 */
export function verifierSortie(
  sortie: string | undefined,
  ...entrees: (string | { chemin: string; quoi: string })[]
): string | undefined {
  if (sortie === undefined) return undefined;
  // `-o sorties/` or `-o sorties` (an existing folder): a folder named, not a file without its extension (a folder named
  // « x.xlsx » is refused by verifierEmplacement: « c'est un dossier »).
  if (!/\.xlsx$/i.test(sortie) && estUnDossier(sortie))
    throw new CliError(
      `Le fichier de sortie « ${sortie} » est un dossier : indiquez un nom de fichier .xlsx ` +
        `(-o ${path.join(sortie, "sortie.xlsx")}).`,
    );
  if (!/\.xlsx$/i.test(sortie)) throw new CliError(`Le fichier de sortie « ${sortie} » doit avoir l'extension .xlsx.`);
  // `-o .xlsx`, `-o sorties/.xlsx`: the name forgotten before its extension (a hidden file nobody would find).
  if (/^\.xlsx$/i.test(path.basename(sortie)))
    throw new CliError(
      `Le fichier de sortie « ${sortie} » n'a pas de nom avant .xlsx : indiquez-en un (-o sortie.xlsx).`,
    );
  verifierEmplacement(sortie);
  for (const e of entrees) {
    const [entree, quoi] = typeof e === "string" ? [e, undefined] : [e.chemin, e.quoi];
    if (memeFichier(sortie, entree)) {
      // `devis absent.xlsx -o absent.xlsx`: the input missing is what is wrong, said first (as without -o).
      if (!fs.existsSync(entree)) throw new CliError(fichierIntrouvable(entree, quoi));
      throw new CliError(
        `Le fichier de sortie « ${sortie} » est le fichier lu « ${entree} » : Prodbook ne modifie jamais le fichier ` +
          `d'origine. Indiquez un autre nom avec -o.`,
      );
    }
  }
  return sortie;
}

/** A path naming a folder: it ends with a separator (« sorties/ »), or an existing folder is there. */
export function estUnDossier(chemin: string): boolean {
  if (/[\\/]$/.test(chemin)) return true;
  try {
    return fs.statSync(chemin).isDirectory();
  } catch {
    return false;
  }
}

/** The text files `--fec`, `--correspondances` and `--colonnes` name, each with what it is for (verifierSortie). */
export const lusPar = (v: { fec?: string; correspondances?: string; colonnes?: string }) =>
  (
    [
      [v.fec, "FEC"],
      [v.correspondances, "fichier de correspondances"],
      [v.colonnes, "correspondance de colonnes"],
    ] as const
  ).flatMap(([chemin, quoi]) => (chemin === undefined ? [] : [{ chemin, quoi }]));

/**
 * A file the command will write (-o, `carbone --csv`), checked before anything is read: its folder exists and is a
 * folder (none is made: a typo in the path is the user's, named here), it is not itself a folder and its name is not
 * too long for the disk.
 */
export function verifierEmplacement(sortie: string): void {
  const dossier = path.dirname(sortie);
  const type = (p: string) => {
    try {
      return fs.statSync(p).isDirectory() ? "dossier" : "fichier";
    } catch {
      return undefined;
    }
  };
  const t = type(dossier);
  if (t !== "dossier") {
    const raison = t ? `« ${dossier} » est un fichier, pas un dossier` : `dossier « ${dossier} » introuvable`;
    throw new CliError(`Écriture impossible de « ${sortie} » : ${raison}.`);
  }
  if (type(sortie) === "dossier") throw new CliError(`Écriture impossible de « ${sortie} » : c'est un dossier.`);
  let existant: fs.Stats;
  try {
    existant = fs.statSync(sortie);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new CliError(`Écriture impossible de « ${sortie} » : ${raisonEcriture(e, sortie)}.`);
    return;
  }
  // The file is replaced through a temporary file and a rename, which the folder's rights allow even on a file the
  // user made read-only (or one they may not write): its protection is kept, never written past (root included).
  if (enLectureSeule(sortie, existant))
    throw new CliError(
      `Écriture impossible de « ${sortie} » : le fichier est en lecture seule, Prodbook ne le remplace pas ` +
        `(indiquez un autre nom, ou autorisez son écriture).`,
    );
}

/** A file nobody may write (no write bit), or that this user may not write. */
function enLectureSeule(chemin: string, s: fs.Stats): boolean {
  if (!s.isFile()) return false;
  if ((s.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(chemin, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Same file: same resolved path, or same device and inode (a symlink or hard link). */
export function memeFichier(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  let sa: fs.Stats, sb: fs.Stats;
  try {
    sa = fs.statSync(a);
    sb = fs.statSync(b);
  } catch {
    return false; // one of them does not exist: not the same file
  }
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/** A value that reads as a number (« -5 », « -2,5 »): given to an option, not an option itself. */
const NOMBRE = /^-?\d+([.,]\d+)?$/;
/** A piece of a number the shell cut at a space: « 000 », « 000,00 », « % », « € », « 50 % ». */
const MORCEAU = /^(\d[\d.,]*\s*[%€]?|[%€])$/;

/**
 * The option a mistyped long one was meant to be: « --duree52 » → « --duree 52 » (the value glued to its name),
 * « --dure », « --durée », « --modele_parametres » → that option (procheDe: one typo away). Names under 3 letters
 * are not guessed (« --o » is not « --nom »).
 */
function optionProche(nom: string, options: OptionsCli): string | undefined {
  const colle = /^([a-z-]+?)=?(\d[\d.,]*)$/i.exec(nom);
  if (colle && Object.prototype.hasOwnProperty.call(options, colle[1])) return `--${colle[1]} ${colle[2]}`;
  if (nom.length < 3) return undefined;
  const proche = procheDe(nom, Object.keys(options));
  return proche && `--${proche}`;
}

/**
 * util.parseArgs in its tolerant mode, with its tokens checked here so that every error is French and names
 * the option: unknown option, missing value, a value given to a flag, an option-like value (`--feuille --json`).
 * A negative number (`--duree -5`) is kept as the option's value, so that its own check says what is expected.
 */
export function analyserOptions(
  args: string[],
  options: OptionsCli,
  usage: string,
): { valeurs: Record<string, string | boolean | undefined>; positionnels: string[] } {
  // parseArgs knows `type` and `short` only.
  const pourNode = Object.fromEntries(
    Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args, options: pourNode, allowPositionals: true, strict: false, tokens: true });
  const valeurs: Record<string, string | boolean | undefined> = {};
  const positionnels: string[] = [];
  const erreur = (detail: string) =>
    new CliError(`Arguments invalides : ${detail}${detail.endsWith("?") ? "" : "."}\nUsage : ${usage}`);
  for (const t of tokens) {
    if (t.kind === "positional") {
      // « —livraison » (a word processor turned « -- » into a dash): the option named, not an extra file.
      const tiret = /^[\u2012-\u2015\u2212]+-?([a-z][\w-]*)(=.*)?$/i.exec(t.value);
      const court = tiret && Object.values(options).some((o) => o.short === tiret[1]);
      if (tiret && (court || Object.prototype.hasOwnProperty.call(options, tiret[1])))
        throw erreur(
          `« ${t.value} » commence par un tiret typographique : écrivez « ${court ? "-" : "--"}${tiret[1]} » avec ` +
            `${court ? "un tiret simple" : "deux tirets simples"}`,
        );
    }
    if (t.kind === "positional") {
      // `--cout 3 000 000`, `--financement-etranger 50 %`: a value cut by the shell at its spaces.
      const avant = tokens[tokens.indexOf(t) - 1];
      if (
        avant?.kind === "option" &&
        !avant.inlineValue &&
        avant.value !== undefined &&
        /^[+-]?\d[\d.,]*$/.test(avant.value) &&
        MORCEAU.test(t.value)
      ) {
        const morceaux = [avant.value];
        for (const u of tokens.slice(tokens.indexOf(t))) {
          if (u.kind !== "positional" || !MORCEAU.test(u.value)) break;
          morceaux.push(u.value);
        }
        const valeur = morceaux.join(" ");
        throw erreur(
          `« ${valeur} » est coupé à ses espaces par le terminal : écrivez-le entre guillemets, ` +
            `${avant.rawName} "${valeur}"`,
        );
      }
      positionnels.push(t.value);
    }
    if (t.kind !== "option") continue;
    const o = Object.prototype.hasOwnProperty.call(options, t.name) ? options[t.name] : undefined;
    if (!o) {
      const proche = t.rawName.startsWith("--") ? optionProche(t.name, options) : undefined;
      throw erreur(`option inconnue « ${t.rawName} »${proche ? ` : vouliez-vous dire « ${proche} » ?` : ""}`);
    }
    if (o.type === "boolean") {
      if (t.value !== undefined) throw erreur(`l'option « ${t.rawName} » ne prend pas de valeur (reçu « ${t.value} »)`);
      valeurs[t.name] = true;
      continue;
    }
    if (t.value === undefined) throw erreur(`l'option « ${t.rawName} » attend une valeur`);
    if (!t.inlineValue && t.value.startsWith("-") && !NOMBRE.test(t.value)) {
      // `--feuille --json`: the value forgotten. `--nom -V1`: a value starting with a dash, written with « = ».
      const suite = /^--?([^=]+)/.exec(t.value)?.[1] ?? "";
      const option =
        Object.prototype.hasOwnProperty.call(options, suite) || Object.values(options).some((x) => x.short === suite);
      throw erreur(
        option || t.value === "-" || t.value === "--"
          ? `l'option « ${t.rawName} » attend une valeur`
          : `l'option « ${t.rawName} » attend une valeur : si « ${t.value} » en est bien une, écrivez « ${t.rawName}=${t.value} »`,
      );
    }
    // `--feuille ""` (an unset shell variable) is no value: never read as « not given », which would guess instead.
    if (t.value === "") throw erreur(`l'option « ${t.rawName} » attend une valeur, reçu une valeur vide`);
    // `-o=sortie.xlsx`: a short option takes what follows it whole, « = » included (a file « =sortie.xlsx » was
    // written); the form meant is said, never guessed.
    if (t.inlineValue && !t.rawName.startsWith("--") && t.value.startsWith("="))
      throw erreur(
        `l'option « ${t.rawName} » prend sa valeur après une espace : écrivez « ${t.rawName} ${t.value.slice(1)} »`,
      );
    // `--livraison A … --livraison B` (a line edited in the shell's history): which one was meant is not guessed.
    const deja = valeurs[t.name];
    if (typeof deja === "string" && deja !== t.value)
      throw erreur(`l'option « ${t.rawName} » est donnée deux fois (« ${deja} » puis « ${t.value} ») : gardez-en une`);
    // `--fec a.txt --fec a.txt`: one file is read, the second one meant (another year's FEC?) is not guessed.
    if (deja === t.value && o.fichier)
      throw erreur(
        `l'option « ${t.rawName} » est donnée deux fois avec le même fichier « ${t.value} » : un seul fichier est lu ` +
          `avec cette option ; gardez-en une`,
      );
    valeurs[t.name] = t.value;
  }
  return { valeurs, positionnels };
}
