import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import {
  GrandLivreNonReconnuError,
  lireFecDepuis,
  lireMappingTexte,
  MappingInvalideError,
  OCTETS_DEBUT,
  resumeFec,
  vueFec,
  type OptionsLectureFec,
  type SourceFec,
} from "../../app/commandes/fec";
import {
  analyserDebut,
  avertissementEncodage,
  LecteurFec,
  nomEncodage,
  type DebutFichier,
  type MappingGrandLivre,
  type OptionsFec,
  type PartielFec,
  type ResultatFec,
} from "../../core/comptabilite/fec";
import { encodageArg, OPTION_ENCODAGE } from "../args";
import { lirePlage } from "./fecPlage";
import { CliError, erreurFichier, fichierIntrouvable, lireFichierTexte, raisonLecture, type Io } from "../io";
import { definirCommande } from "../runner";

const USAGE = `prodbook fec <fichier> ${OPTION_ENCODAGE} [--colonnes correspondance.json] [--json] [--strict]`;

/** Large files are split at line ends and read by several threads (the built CLI only: workers need .js). */
const SEUIL_PARALLELE = 24 << 20;

/** The options of a reading (the use case's, src/app/commandes/fec.ts). */
export type OptionsFichier = OptionsLectureFec;

/** Reads a JSON column mapping file (--colonnes); the use case checks its text. */
export function lireMapping(chemin: string): MappingGrandLivre {
  const texte = lireFichierTexte(chemin, "Correspondance de colonnes").toString("utf8");
  try {
    return lireMappingTexte(texte, chemin);
  } catch (e) {
    if (e instanceof MappingInvalideError) throw new CliError(e.message);
    throw e;
  }
}

/** The first bytes of a file (the use case tells FEC from ledger CSV and refuses what is no text). */
function premiersOctets(chemin: string): Uint8Array {
  const fd = fs.openSync(chemin, "r");
  try {
    const b = Buffer.alloc(OCTETS_DEBUT);
    return b.subarray(0, fs.readSync(fd, b, 0, b.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The warning on stderr when --encodage contradicts the file's first bytes (the reader found it in the bytes it read:
 * no second reading): « Le fichier semble encodé en UTF-8 : « é » est lu « Ã© » ; l'encodage windows-1252 imposé par
 * --encodage est gardé : … ». The pane says the same beside its Encodage list, with its own advice.
 */
export function avertissementEncodageCli(f: ResultatFec["format"]): string | undefined {
  const c = f.contradictionEncodage;
  return (
    c &&
    avertissementEncodage(
      c,
      `l'encodage ${nomEncodage(c.force)} imposé par --encodage est gardé : retirez --encodage ou indiquez --encodage ${c.montre} si ` +
        `les libellés sont mal lus.`,
    )
  );
}

/**
 * Reads a FEC file from disk through the use case (lireFecDepuis): the only fs access of the FEC path. A regular file is
 * read in place (by several threads when large), a pipe or a device whole.
 */
export async function lireFichierFec(chemin: string, opts: OptionsFichier = {}): Promise<ResultatFec> {
  let st: fs.Stats;
  try {
    st = fs.statSync(chemin);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(fichierIntrouvable(chemin, "FEC"));
    throw new CliError(`Lecture impossible de ${chemin} : ${raisonLecture(e)}.`);
  }
  if (st.isDirectory()) throw new CliError(`${chemin} n'est pas un fichier : c'est un dossier.`);
  try {
    // A pipe (`prodbook fec <(gunzip -c fec.txt.gz)`) or a device has no size to cut at: read whole, in one go.
    return (await lireFecDepuis(st.isFile() ? sourceFichier(chemin, st.size) : sourceFlux(chemin), opts)).resultat;
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof GrandLivreNonReconnuError)
      throw new CliError(`${e.message} Donnez la correspondance des colonnes avec --colonnes fichier.json.`);
    if ((e as NodeJS.ErrnoException).code) throw new CliError(`Lecture impossible de ${chemin} : ${raisonLecture(e)}.`);
    throw erreurFichier(e, chemin);
  }
}

/** A regular file: its first bytes, then its FEC read in place (by several threads when large) or its CSV whole. */
function sourceFichier(chemin: string, taille: number): SourceFec {
  return {
    nom: chemin,
    // An empty file is opened all the same: one the user may not read says so, never « Fichier vide ».
    debut: () => premiersOctets(chemin),
    tout: () => fs.readFileSync(chemin),
    parties: async (opts: OptionsFec, debut: DebutFichier | undefined) => {
      // UTF-16 and EBCDIC cannot be cut at LF bytes: one reader converts them as it goes.
      const parties =
        taille >= SEUIL_PARALLELE &&
        !opts.conserver &&
        !debut?.utf16 &&
        !debut?.ebcdic &&
        opts.encodage !== "ebcdic" &&
        __filename.endsWith(".js")
          ? await lireEnParallele(chemin, taille, opts)
          : undefined;
      return parties ?? [await lirePlage(chemin, 0, taille, opts)];
    },
  };
}

/** A FEC that is not a regular file (a pipe, a device): its bytes read whole, then as a file's. */
function sourceFlux(chemin: string): SourceFec {
  let octets: Uint8Array | undefined;
  const tout = () => (octets ??= fs.readFileSync(chemin));
  return {
    nom: chemin,
    debut: tout,
    tout,
    parties: async (opts: OptionsFec) => {
      const lecteur = new LecteurFec(opts);
      if (tout().length) lecteur.pousser(tout());
      return [lecteur.terminerPartiel()];
    },
  };
}

/** Offset just after the first LF at or after `depuis`, or -1. */
function apresFinDeLigne(fd: number, depuis: number, taille: number): number {
  const tampon = Buffer.alloc(1 << 16);
  for (let p = depuis; p < taille; p += tampon.length) {
    const n = fs.readSync(fd, tampon, 0, tampon.length, p);
    const k = tampon.subarray(0, n).indexOf(10);
    if (k >= 0) return p + k + 1;
  }
  return -1;
}

/** undefined when the file cannot be split (no LF line ends, one core): the caller reads it in one go. */
async function lireEnParallele(chemin: string, taille: number, opts: OptionsFec): Promise<PartielFec[] | undefined> {
  const dispo = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  // PRODBOOK_FEC_FILS=1 forces a single thread (measurements, constrained machines).
  // Threads pay off unless the machine is saturated (measured on 2 cores: faster up to a load of about 4,
  // slower at 8, where they only add start-up and memory).
  const sature = os.loadavg()[0] >= 2 * dispo;
  const coeurs = Math.min(4, Number(process.env.PRODBOOK_FEC_FILS) || (sature ? 1 : dispo));
  if (coeurs < 2) return undefined;
  const fd = fs.openSync(chemin, "r");
  let bornes: number[];
  let entete: string;
  try {
    const finEntete = apresFinDeLigne(fd, 0, taille);
    if (finEntete < 0) return undefined;
    const brut = Buffer.alloc(finEntete);
    fs.readSync(fd, brut, 0, finEntete, 0);
    entete = analyserDebut(brut).premiereLigne; // the core's reading of a first line (mark dropped)
    if (!entete.trim()) return undefined; // blank first lines: the plain reading handles them
    bornes = [0];
    for (let i = 1; i < coeurs; i++) {
      const b = apresFinDeLigne(fd, Math.max(finEntete, Math.floor((taille * i) / coeurs)), taille);
      if (b < 0 || b <= bornes[bornes.length - 1]) break;
      bornes.push(b);
    }
    bornes.push(taille);
  } finally {
    fs.closeSync(fd);
  }
  if (bornes.length < 3) return undefined;
  const suites = bornes.slice(1, -1).map(
    (debut, i) =>
      new Promise<PartielFec>((ok, ko) => {
        const w = new Worker(path.join(__dirname, "fecPlage.js"), {
          workerData: { prodbookFec: true, chemin, debut, fin: bornes[i + 2], opts: { ...opts, suite: { entete } } },
        });
        w.once("message", ok);
        w.once("error", ko);
      }),
  );
  const parties = [await lirePlage(chemin, 0, bornes[1], opts), ...(await Promise.all(suites))];
  // Parts that guessed different encodings: read again in one go, as one thread reads it (the file's first non-ASCII
  // byte decides). Forcing Windows-1252 here read a UTF-8 file whose later part starts with an invalid byte as
  // Windows-1252 (« Ã© ») with no « Octets invalides en UTF-8 » alert, unlike the same file read by one thread.
  const choix = new Set(parties.map((p) => p.encodage).filter((e) => e !== undefined));
  if (!opts.encodage && choix.size > 1) return [await lirePlage(chemin, 0, taille, opts)];
  return parties;
}

/** The public JSON contract of `prodbook fec --json` (issue 3): the use case's result shape. */
export const jsonFec = vueFec;

function texteFec(chemin: string, r: ResultatFec, io: Io): void {
  for (const l of resumeFec(chemin, r, " (--json pour la liste complète)")) io.out(l);
}

export const commande = definirCommande({
  nom: "fec",
  resume: "Lit un FEC (Grand Livre) : format détecté, totaux au centime, lignes rejetées, écritures déséquilibrées",
  usage: USAGE,
  entree: "un fichier FEC",
  classeur: false,
  strict: true,
  options: { encodage: { type: "string" }, colonnes: { type: "string", fichier: true } },
  verifier: (v): OptionsFichier => ({
    encodage: encodageArg(v.encodage),
    colonnes: v.colonnes ? lireMapping(v.colonnes) : undefined,
  }),
  executer: ({ entree, args }) => lireFichierFec(entree, args),
  json: (r) => jsonFec(r),
  texte: (r, io, { entree }) => texteFec(entree, r, io),
  avertissements: (r) => [avertissementEncodageCli(r.format)],
  // Rejected lines are part of the result (listed with their numbers), as findings are for every command:
  // exit 0, or 1 with --strict so that a script stops on a ledger not read in full.
  // Entries listed twice are errors too: the totals count them twice.
  constats: (r) => [...r.erreurs, ...(r.doublons?.ecritures ?? [])].map(() => ({ gravite: "erreur" })),
});
