import { milliers, pluriel } from "../../core/util/texte";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { centsToDecimalString, formatMontantFr, type Cents } from "../../core/money";
import {
  assemblerFec,
  analyserDebut,
  LecteurFec,
  avertissementEncodage,
  nomEncodage,
  lireGrandLivreOctets,
  raisonMappingInvalide,
  type DebutFichier,
  type MappingGrandLivre,
  type OptionsFec,
  type PartielFec,
  type ResultatFec,
  texteAlerteFec,
} from "../../core/comptabilite/fec";
import { encodageArg } from "../args";
import { lirePlage } from "./fecPlage";
import {
  CliError,
  erreurFichier,
  estZip,
  fichierIntrouvable,
  lireFichierTexte,
  PAS_TEXTE,
  raisonLecture,
  type Io,
} from "../io";
import { definirCommande } from "../runner";

const USAGE =
  "prodbook fec <fichier> [--encodage utf-8|windows-1252|iso-8859-15] [--colonnes correspondance.json] [--json] [--strict]";

/** Large files are split at line ends and read by several threads (the built CLI only: workers need .js). */
const SEUIL_PARALLELE = 24 << 20;

export interface OptionsFichier extends OptionsFec {
  /** Column mapping of a ledger CSV (Sage, Cegid, EBP…); a `;` file without one gets a guessed mapping. */
  colonnes?: MappingGrandLivre;
}

/** Reads a JSON column mapping file (--colonnes). */
export function lireMapping(chemin: string): MappingGrandLivre {
  const texte = lireFichierTexte(chemin, "Correspondance de colonnes")
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  // An empty file (or only blanks) is said so, not « ce n'est pas du JSON valide ».
  if (!texte.trim())
    throw new CliError(
      `Correspondance de colonnes illisible (${chemin}) : le fichier est vide (attendu un objet JSON ` +
        `{ "colonnes": { "compte": …, "date": … } }).`,
    );
  let brut: unknown;
  try {
    brut = JSON.parse(texte);
  } catch (e) {
    // JSON.parse's text is English; its position, when it gives one, is the line to look at.
    const position = /position (\d+)/.exec((e as Error).message);
    const ligne = position ? ` (ligne ${texte.slice(0, Number(position[1])).split("\n").length})` : "";
    throw new CliError(`Correspondance de colonnes illisible (${chemin}) : ce n'est pas du JSON valide${ligne}.`);
  }
  const raison = raisonMappingInvalide(brut);
  if (raison) throw new CliError(`${chemin} : ${raison}`);
  const m = brut as MappingGrandLivre;
  if (
    !m ||
    typeof m !== "object" ||
    !m.colonnes ||
    typeof m.colonnes.compte !== "string" ||
    typeof m.colonnes.date !== "string"
  ) {
    throw new CliError(
      `${chemin} : correspondance de colonnes attendue sous la forme { "separateur": ";", "colonnes": { "compte": "Compte", ` +
        `"date": "Date", "debit": "Débit", "credit": "Crédit" } }.`,
    );
  }
  return m;
}

/** What the file's first bytes say (FEC or ledger CSV, UTF-16): the decision the pane's worker makes too. */
function debutDe(chemin: string): DebutFichier & { zip: boolean } {
  const fd = fs.openSync(chemin, "r");
  try {
    const b = Buffer.alloc(4096);
    const n = fs.readSync(fd, b, 0, b.length, 0);
    return { ...analyserDebut(b.subarray(0, n)), zip: estZip(b.subarray(0, n)) };
  } finally {
    fs.closeSync(fd);
  }
}

function lireCsv(chemin: string, opts: OptionsFichier, octets: Uint8Array = fs.readFileSync(chemin)): ResultatFec {
  const lu = lireGrandLivreOctets(octets, { encodage: opts.encodage, mapping: opts.colonnes });
  if (!lu) {
    throw new CliError(
      `${chemin} : ni FEC (séparateur tabulation ou « | ») ni grand livre CSV reconnu (colonnes Compte, Date et Débit/Crédit ou ` +
        `Montant/Sens). Donnez la correspondance des colonnes avec --colonnes fichier.json.`,
    );
  }
  return lu.resultat;
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

/** Streams a FEC file from disk into the core reader (the only fs access of the FEC path). */
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
    if (!st.isFile()) return lireFlux(chemin, opts);
    // An empty file is opened all the same: one the user may not read says so, never « Fichier vide ».
    const debut = st.size > 0 ? debutDe(chemin) : void fs.closeSync(fs.openSync(chemin, "r"));
    refuserNonTexte(chemin, debut);
    if (opts.colonnes || debut?.csv) return lireCsv(chemin, opts);
    // UTF-16 cannot be cut at LF bytes: one reader converts it as it goes.
    const parties =
      st.size >= SEUIL_PARALLELE && !opts.conserver && !debut?.utf16 && __filename.endsWith(".js")
        ? await lireEnParallele(chemin, st.size, opts)
        : undefined;
    if (parties) return assemblerFec(parties);
    return assemblerFec([await lirePlage(chemin, 0, st.size, opts)]);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code) throw new CliError(`Lecture impossible de ${chemin} : ${raisonLecture(e)}.`);
    throw erreurFichier(e, chemin);
  }
}

/** A zip, an old .xls, a compressed file or binary bytes given as a FEC: refused, said in French (natureBinaire). */
function refuserNonTexte(chemin: string, debut: (DebutFichier & { zip: boolean }) | undefined): void {
  if (debut?.zip) throw new CliError(`${chemin} n'est pas un FEC lisible : ${PAS_TEXTE}.`);
  if (debut?.binaire) throw new CliError(`${chemin} n'est pas un FEC lisible : ${debut.binaire}.`);
}

/** A FEC that is not a regular file (a pipe, a device): its bytes read whole, then as a file's. */
function lireFlux(chemin: string, opts: OptionsFichier): ResultatFec {
  const octets = fs.readFileSync(chemin);
  const debut = octets.length > 0 ? { ...analyserDebut(octets.subarray(0, 4096)), zip: estZip(octets) } : undefined;
  refuserNonTexte(chemin, debut);
  if (opts.colonnes || debut?.csv) return lireCsv(chemin, opts, octets);
  const lecteur = new LecteurFec(opts);
  if (octets.length) lecteur.pousser(octets);
  return assemblerFec([lecteur.terminerPartiel()]);
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
  // Parts that guessed different encodings: read again in one go with the non-UTF-8 one.
  const choix = new Set(parties.map((p) => p.encodage).filter((e) => e !== undefined));
  if (!opts.encodage && choix.size > 1)
    return [await lirePlage(chemin, 0, taille, { ...opts, encodage: "windows-1252" })];
  return parties;
}

const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON contract of `prodbook fec --json` (issue 3). */
export function jsonFec(r: ResultatFec) {
  const parClasse: Record<string, { debit: string; credit: string }> = {};
  for (const [k, v] of r.parClasse) parClasse[k] = { debit: m(v.debit), credit: m(v.credit) };
  return {
    format: {
      separateur: r.format.separateur,
      encodage: r.format.encodage,
      montants: r.format.montants,
      colonnes: r.format.colonnes,
    },
    // « ecritures » counts imported lines (kept for the contract); lignesImportees says so by its name.
    ecritures: r.ecritures,
    lignesImportees: r.ecritures,
    // Distinct entries JournalCode + EcritureNum (null: a ledger CSV mapped without journal number or piece).
    ecrituresDistinctes: r.ecrituresDistinctes ?? null,
    debit: m(r.debit),
    credit: m(r.credit),
    comptes: r.comptes.size,
    parClasse,
    erreurs: r.erreurs.map((e) => ({ ligne: e.ligne, message: e.message })),
    alertes: r.alertes.map((a) =>
      a.ecritureNum !== undefined
        ? { ligne: a.ligne, ecritureNum: a.ecritureNum, message: a.message }
        : { ligne: a.ligne, message: a.message },
    ),
  };
}

function texteFec(chemin: string, r: ResultatFec, io: Io): void {
  const f = r.format;
  const seps: Record<string, string> = { tab: "tabulation", pipe: "|", "point-virgule": ";", virgule: "," };
  io.out(`${f.type === "fec" ? "FEC" : "Grand livre CSV"} ${chemin}`);
  io.out(
    `  Format : séparateur ${seps[f.separateur]}, ${nomEncodage(f.encodage)}${f.bom ? " (BOM)" : ""}` +
      `${f.encodageForce ? " imposé" : ""}, ${f.montants === "debit-credit" ? "Debit/Credit" : "Montant/Sens"}, ${f.colonnes} colonnes`,
  );
  io.out(
    `  Lignes importées : ${milliers(r.ecritures)} sur ${pluriel(r.lignesDonnees, "ligne")} de données ` +
      `(${pluriel(r.erreurs.length, "rejetée")})` +
      (r.ecrituresDistinctes !== undefined
        ? `, ${pluriel(r.ecrituresDistinctes, "écriture")} (JournalCode + EcritureNum)`
        : ""),
  );
  io.out(
    `  Débit : ${formatMontantFr(r.debit)}   Crédit : ${formatMontantFr(r.credit)}` +
      `${r.debit === r.credit ? "   (équilibré)" : "   (DÉSÉQUILIBRÉ)"}`,
  );
  io.out(`  Comptes : ${milliers(r.comptes.size)}`);
  for (const [k, v] of r.parClasse)
    io.out(`    classe ${k} : débit ${formatMontantFr(v.debit)}, crédit ${formatMontantFr(v.credit)}`);
  const max = 20;
  if (r.erreurs.length) io.out(`  Lignes rejetées :`);
  for (const e of r.erreurs.slice(0, max)) io.out(`    ${e.message}`);
  if (r.erreurs.length > max)
    io.out(`    … et ${pluriel(r.erreurs.length - max, "autre")} (--json pour la liste complète)`);
  if (r.alertes.length) io.out(`  Alertes :`);
  // One wording with the pane: « Ligne 6 : écriture… »; line 0 is the whole file (its encoding), said as it is.
  for (const a of r.alertes.slice(0, max)) io.out(`    ${texteAlerteFec(a)}`);
  if (r.alertes.length > max) io.out(`    … et ${pluriel(r.alertes.length - max, "autre")}`);
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
  constats: (r) => r.erreurs.map(() => ({ gravite: "erreur" })),
});
