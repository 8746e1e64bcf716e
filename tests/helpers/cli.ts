import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { CliError, texteFrancais, type Io } from "../../src/cli/io";
import { espacesInsecables } from "../../src/core/util/texte";

/** What a command printed (its lines on stdout and stderr, and each joined) and its exit code. */
export interface Lancement {
  code: number;
  sortie: string[];
  erreurs: string[];
  out: string;
  err: string;
}

/**
 * Runs a CLI entry as the binary does: `main`, or one command's `executer` (which loads no other command), where a
 * CliError becomes its French message on stderr (in the typography main gives it) and its exit code. With
 * `espaces: "simples"`, the no-break spaces of French typography read as plain spaces in every line (espacesSimples),
 * for tests that compare messages written with ordinary spaces.
 */
export async function lancerCli(
  executer: (argv: string[], io: Io) => Promise<number>,
  args: string[],
  { espaces }: { espaces?: "simples" } = {},
): Promise<Lancement> {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  const ligne = (t: string) => (espaces === "simples" ? espacesSimples(t) : t);
  const io: Io = { out: (t) => sortie.push(ligne(t)), err: (t) => erreurs.push(ligne(t)) };
  let code: number;
  try {
    code = await executer(args, io);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    erreurs.push(ligne(texteFrancais(e.message, args)));
    code = e.code;
  }
  return { code, sortie, erreurs, out: sortie.join("\n"), err: erreurs.join("\n") };
}

/**
 * A sentence of src/app (a finding's message, as --json and the written sheets keep it) as the text output prints it:
 * the same words with the no-break spaces of French typography (tests/cli/audit-typographie.test.ts checks those).
 */
export const fr = (s: string) => espacesInsecables(s);

/**
 * `prodbook credit-impot` on the 52-minute fiction of tests/core/creditImpot/classeurs.ts (ecrireDevisFiction):
 * audiovisual regime, year 2025.
 */
export const FICTION_52_2025 = ["--regime", "audiovisuel", "--genre", "fiction", "--duree", "52", "--annee", "2025"];

/** A fresh temporary folder for the test file (made before its tests): call the returned function for its path. */
export function dossierTemporaire(prefixe: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefixe));
  });
  return () => {
    if (!dir) throw new Error("dossier temporaire demandé avant beforeAll");
    return dir;
  };
}

/** The built binary (npm run build:cli), run as a user runs it. */
export const BINAIRE = path.join(__dirname, "../../bin/prodbook.js");

/** What the built binary did: its exit code (-1 when killed by a signal), stdout and stderr as printed. */
export interface Execution {
  code: number;
  out: string;
  err: string;
}

/** `prodbook …args` through the built binary (npm run build:cli), in its own process, in `cwd` if given. */
export function binaire(args: readonly string[], { cwd }: { cwd?: string } = {}): Execution {
  const r = spawnSync(process.execPath, [BINAIRE, ...args], { encoding: "utf8", ...(cwd ? { cwd } : {}) });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * `prodbook …args` through the built binary, expected to succeed: its stdout (a failure throws, with its stderr).
 */
export function sortieBinaire(args: readonly string[], { cwd }: { cwd?: string } = {}): string {
  return execFileSync(process.execPath, [BINAIRE, ...args], { encoding: "utf8", ...(cwd ? { cwd } : {}) });
}

/** `prodbook devis <fichier> --date 2026-01-15 …options` through the built binary: exit code, stdout, stderr. */
export function devisBinaire(fichier: string, ...options: string[]): Execution {
  return binaire(["devis", fichier, "--date", "2026-01-15", ...options]);
}

/** No-break and narrow no-break spaces as plain spaces, to compare French messages written with ordinary ones. */
export const espacesSimples = (s: string): string => s.replace(/[\u00a0\u202f]/g, " ");

/** A finding of `prodbook devis --json`. */
export interface ControleJson {
  regle: string;
  gravite: string;
  cellule: string;
  message: string;
}

/**
 * `prodbook devis <fichier> --json` through the built binary (devisBinaire), expected to succeed silently: its `devis`
 * object and its findings, messages with plain spaces.
 */
export function devisJsonBinaire(fichier: string, ...options: string[]) {
  const r = devisBinaire(fichier, "--json", ...options);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  const controles = (j.controles as ControleJson[]).map((c) => ({ ...c, message: espacesSimples(c.message) }));
  return { devis: j.devis, controles };
}

/**
 * A maker of variants: a copy of `source` changed by `modifier`, saved by ExcelJS under `nom` in the folder `dossier`
 * gives (usually a dossierTemporaire).
 */
export function fabriqueVariantes(dossier: () => string) {
  return async (source: string, nom: string, modifier: (wb: ExcelJS.Workbook) => void): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source);
    modifier(wb);
    const chemin = path.join(dossier(), nom);
    await wb.xlsx.writeFile(chemin);
    return chemin;
  };
}

/**
 * A refusal as the brief wants it: exit 2, nothing on stdout, `message` on stderr (exact text or pattern), no internal
 * error nor English library message nor stack, and none of `fichiers` written.
 */
export function refus(r: { code: number; out: string; err: string }, message: RegExp | string, ...fichiers: string[]) {
  expect([r.code, r.out]).toEqual([2, ""]);
  if (typeof message === "string") expect(r.err).toBe(message);
  else expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/Erreur interne|Error|ENO[A-Z]+|at .*\.js/);
  for (const f of fichiers) expect(existsSync(f)).toBe(false);
}

/** A finding of a command's `--json` output (`controles`). */
export interface ConstatJson {
  regle: string;
  gravite: string;
  message: string;
  cellule?: string | null;
}

/** The fields of `prodbook planning --json`, in order (a public contract: added at the end, never renamed). */
export const CHAMPS_PLANNING_JSON = [
  "etapes",
  "controles",
  "debut",
  "fin",
  "cheminCritique",
  "propositions",
  "tables",
  "livraison",
];

/** The findings (`controles`) of a command's `--json` output. */
export const controlesJson = (out: string) => (JSON.parse(out) as { controles: ConstatJson[] }).controles;

/** A cell of a devis a test writes: a value, or a formula with its cached result. */
export type CelluleDevis = string | number | null | { formula: string; result: number };

/** What the hostile-layout tests read of `prodbook devis --json`. */
export interface DevisJsonLu {
  total: string;
  lignes: number;
  chapitres: { code: string; total: string }[];
  conservation: { lu: string; lignes: string; totauxProuves: string; listes: string; ecart: string; colonne: string };
  nonPlaces: { cellule: string; montant: string }[];
  pourcentagesMontant?: {
    cellule: string;
    libelle: string;
    pourcentage: string;
    pourcentageLibelle?: string;
    montant: string;
  }[];
  uniteMilliers?: {
    cellule: string;
    texte: string;
    portee: string;
    colonnes: string[];
    cellules: number;
    facteur: number;
  };
  uniteNonAppliquee?: { cellule: string; texte: string; facteur: number };
  colonnesNonLues?: {
    colonne: string;
    cellule: string;
    entete: string;
    nature: string;
    somme: string;
    bloc?: unknown;
  }[];
}

/**
 * Writes `lignes` as the sheet « Devis » of `fichier` in `dossier` (a real .xlsx through ExcelJS), each cell of
 * `formats` (« C3 ») with that number format, runs `prodbook devis --json` on it (exit 0 expected): the devis read and
 * its findings.
 */
export async function devisDeLignes(
  dossier: string,
  fichier: string,
  lignes: CelluleDevis[][],
  formats: Record<string, string> = {},
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  for (const l of lignes) ws.addRow(l);
  for (const [cellule, numFmt] of Object.entries(formats)) ws.getCell(cellule).numFmt = numFmt;
  const f = path.join(dossier, fichier);
  await wb.xlsx.writeFile(f);
  const { main } = await import("../../src/cli/main");
  const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { devis: DevisJsonLu };
  return { d: j.devis, controles: controlesJson(r.out) };
}
