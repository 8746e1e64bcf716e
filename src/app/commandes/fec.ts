/**
 * Reading a standalone FEC or ledger CSV (`prodbook fec`, the pane's « Grand livre » on the Écarts page): what is not
 * I/O — the options' checks and defaults, the choice between FEC and ledger CSV, the refusal of what is no text, the
 * result shape (`vueFec`, the public JSON of `prodbook fec --json`) and the French summary. The bytes are read by the
 * doors: Node files and worker threads in src/cli (SourceFec), a Blob in the pane's Web Worker (src/workers).
 */
import {
  analyserDebut,
  assemblerFec,
  dateIso,
  estZip,
  FecFormatError,
  lireGrandLivreOctets,
  nomEncodage,
  NOMS_SEPARATEURS,
  pasTexteZip,
  raisonMappingInvalide,
  texteAlerteFec,
  texteMontantsNegatifs,
  type DebutFichier,
  type EncodageFec,
  type MappingGrandLivre,
  type OptionsFec,
  type PartielFec,
  type ResultatFec,
} from "../../core/comptabilite/fec";
import { ErreurDonnees } from "../../core/erreurs";
import { centsToDecimalString, formatMontantFr, type Cents } from "../../core/money";
import { milliers, pluriel } from "../../core/util/texte";
import { invalide } from "../arguments";

/** The encodings a FEC may be forced to (default: detected from the bytes). */
export const ENCODAGES_FEC: readonly EncodageFec[] = ["utf-8", "windows-1252", "iso-8859-15", "ebcdic", "cp850"];

/** Bytes the first-bytes analysis looks at (FEC or CSV, UTF-16, binary). */
export const OCTETS_DEBUT = 4096;

export interface OptionsLectureFec extends OptionsFec {
  /** Column mapping of a ledger CSV (Sage, Cegid, EBP…); a `;` file without one gets a guessed mapping. */
  colonnes?: MappingGrandLivre;
}

/**
 * Where the bytes of a FEC come from: the door's side. `debut` gives the first bytes (at most OCTETS_DEBUT; empty
 * for an empty file), `tout` every byte (a ledger CSV is read whole), `parties` the core's reader (LecteurFec) over
 * the file, in one part or several read side by side (a file cut at line ends, see assemblerFec).
 */
export interface SourceFec {
  /** The file's name or path, as messages name it. */
  nom: string;
  debut(): Uint8Array | Promise<Uint8Array>;
  tout(): Uint8Array | Promise<Uint8Array>;
  parties(opts: OptionsFec, debut: DebutFichier | undefined): Promise<PartielFec[]>;
}

/** Neither a FEC nor a ledger CSV the reader knows: the door adds how to give the columns (an option, a field). */
export class GrandLivreNonReconnuError extends ErreurDonnees {
  constructor(public readonly nom: string) {
    super(
      `${nom} : ni FEC (séparateur tabulation ou « | ») ni grand livre CSV reconnu (colonnes Compte, Date et Débit/Crédit ` +
        `ou Montant/Sens).`,
    );
  }
}

/** A column mapping that cannot be used, named by its file (`source`). */
export class MappingInvalideError extends ErreurDonnees {}

const FORME_MAPPING =
  `correspondance de colonnes attendue sous la forme { "separateur": ";", "colonnes": { "compte": "Compte", ` +
  `"date": "Date", "debit": "Débit", "credit": "Crédit" } }.`;

/** Checks a column mapping read from JSON (a saved file): its keys, its separator and date format, its form. */
export function verifierMapping(brut: unknown, source: string): MappingGrandLivre {
  const raison = raisonMappingInvalide(brut);
  if (raison) throw new MappingInvalideError(`${source} : ${raison}`);
  const m = brut as MappingGrandLivre;
  if (
    !m ||
    typeof m !== "object" ||
    !m.colonnes ||
    typeof m.colonnes.compte !== "string" ||
    typeof m.colonnes.date !== "string"
  )
    throw new MappingInvalideError(`${source} : ${FORME_MAPPING}`);
  return m;
}

/** A column mapping from the text of its JSON file (`source` names it): empty, not JSON, or not a mapping, said so. */
export function lireMappingTexte(texte: string, source: string): MappingGrandLivre {
  const t = texte.replace(/^\uFEFF/, "");
  // An empty file (or only blanks) is said so, not « ce n'est pas du JSON valide ».
  if (!t.trim())
    throw new MappingInvalideError(
      `Correspondance de colonnes illisible (${source}) : le fichier est vide (attendu un objet JSON ` +
        `{ "colonnes": { "compte": …, "date": … } }).`,
    );
  let brut: unknown;
  try {
    brut = JSON.parse(t);
  } catch (e) {
    // JSON.parse's text is English; its position, when it gives one, is the line to look at.
    const position = /position (\d+)/.exec((e as Error).message);
    const ligne = position ? ` (ligne ${t.slice(0, Number(position[1])).split("\n").length})` : "";
    throw new MappingInvalideError(
      `Correspondance de colonnes illisible (${source}) : ce n'est pas du JSON valide${ligne}.`,
    );
  }
  return verifierMapping(brut, source);
}

/** The options' checks and defaults: encoding detected unless forced to a known one, the mapping's form. */
export function verifierOptionsFec(opts: OptionsLectureFec): OptionsLectureFec {
  if (opts.encodage !== undefined && !ENCODAGES_FEC.includes(opts.encodage))
    throw invalide("encodage", `attend ${ENCODAGES_FEC.join(", ")}, reçu « ${String(opts.encodage)} »`);
  if (opts.colonnes !== undefined) verifierMapping(opts.colonnes, "Correspondance de colonnes");
  return opts;
}

/** What the first bytes say (FEC or ledger CSV, UTF-16, no text): undefined for an empty file. */
export function debutFec(octets: Uint8Array): (DebutFichier & { zip?: string }) | undefined {
  return octets.length > 0
    ? { ...analyserDebut(octets.subarray(0, OCTETS_DEBUT)), zip: estZip(octets) ? pasTexteZip(octets) : undefined }
    : undefined;
}

/** A reading: the result, and for a ledger CSV the column mapping used (given or guessed), to be saved. */
export interface LectureFec {
  resultat: ResultatFec;
  mapping?: MappingGrandLivre;
}

/**
 * Reads a FEC or a ledger CSV from its source: refuses a zip or binary bytes, reads a ledger CSV whole (with the
 * mapping given, else a guessed one), a FEC by the core's reader in the parts the source cuts, then assembles them.
 */
export async function lireFecDepuis(source: SourceFec, options: OptionsLectureFec = {}): Promise<LectureFec> {
  const opts = verifierOptionsFec(options);
  const debut = debutFec(await source.debut());
  if (debut?.zip) throw new FecFormatError(`${source.nom} n'est pas un FEC lisible : ${debut.zip}.`);
  if (debut?.binaire) throw new FecFormatError(`${source.nom} n'est pas un FEC lisible : ${debut.binaire}.`);
  if (opts.colonnes || debut?.csv) {
    const lu = lireGrandLivreOctets(await source.tout(), { encodage: opts.encodage, mapping: opts.colonnes });
    if (!lu) throw new GrandLivreNonReconnuError(source.nom);
    return lu;
  }
  return { resultat: assemblerFec(await source.parties(opts, debut)) };
}

const m = (c: Cents) => centsToDecimalString(c);

/** The result as the CLI prints it in JSON (the public contract of `prodbook fec --json`, issue 3). */
export function vueFec(r: ResultatFec) {
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
    // Added (December 2026): no line imported (header only, or every line rejected): the totals prove nothing, the
    // ledger is not said balanced.
    aucuneLigneLue: r.ecritures === 0,
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
    // Added (December 2026): header lines met again (two exports appended), neither imported nor rejected.
    entetesRepetes: r.entetesRepetes ?? [],
    // Added (December 2026): entries listed twice (same journal, number, date and lines), counted twice in debit and
    // credit as the file gives them; null when none. `ecritures` cites the first 50, each with both line ranges.
    doublons: r.doublons
      ? {
          nombre: r.doublons.nombre,
          debit: m(r.doublons.debit),
          nombreLignes: r.doublons.nombreLignes,
          ecritures: r.doublons.ecritures.map((d) => ({
            journal: d.journal,
            ecritureNum: d.ecritureNum,
            date: dateIso(d.date),
            lignes: d.lignes,
            premieres: d.premieres,
            nombreLignes: d.nombreLignes,
            debit: m(d.debit),
            credit: m(d.credit),
          })),
        }
      : null,
    // Added (December 2026): lines whose Debit or Credit (or Montant) is written negative, read as written (a negative
    // debit or credit); null when none. `lignes`: the first 10.
    montantsNegatifs: r.montantsNegatifs
      ? { nombre: r.montantsNegatifs.nombre, lignes: r.montantsNegatifs.lignes }
      : null,
  };
}

export type VueFec = ReturnType<typeof vueFec>;

/** French names of the separators (the core's, also used by the écarts summary). */
export { NOMS_SEPARATEURS };

/** Rejected lines and alertes listed in the summary; the rest is counted (« … et 3 autres »). */
export const LISTES_MAX = 20;

/**
 * The ledger's balance in words: « aucune ligne lue » (and how many were rejected) when no line was imported — a
 * header-only or fully rejected file is not « équilibré » —, else « équilibré » or « DÉSÉQUILIBRÉ ».
 */
export function etatEquilibre(r: Pick<ResultatFec, "ecritures" | "erreurs" | "debit" | "credit">): string {
  if (r.ecritures === 0) return aucuneLigneLue(r.erreurs.length);
  return r.debit === r.credit ? "équilibré" : "DÉSÉQUILIBRÉ";
}

/** « aucune ligne lue », « aucune ligne lue, 3 lignes rejetées » (the pane's badge and the fec summary). */
export function aucuneLigneLue(rejetees: number): string {
  return `aucune ligne lue${rejetees ? `, ${pluriel(rejetees, "ligne")} ${rejetees >= 2 ? "rejetées" : "rejetée"}` : ""}`;
}

/**
 * The summary of a reading in French, one line per entry (the text of `prodbook fec`): format, lines imported,
 * totals and balance, accounts, classes, then the first rejected lines and alertes. `voirTout` follows the count of
 * rejected lines not listed (the CLI names its --json there).
 */
export function resumeFec(nom: string, r: ResultatFec, voirTout = ""): string[] {
  const f = r.format;
  const lignes = [
    `${f.type === "fec" ? "FEC" : "Grand livre CSV"} ${nom}`,
    `  Format : séparateur ${NOMS_SEPARATEURS[f.separateur]}, ${nomEncodage(f.encodage)}${f.bom ? " (BOM)" : ""}` +
      `${f.encodageForce ? " imposé" : ""}, ${f.montants === "debit-credit" ? "Debit/Credit" : "Montant/Sens"}, ${f.colonnes} colonnes`,
    `  Lignes importées : ${milliers(r.ecritures)} sur ${pluriel(r.lignesDonnees, "ligne")} de données ` +
      `(${pluriel(r.erreurs.length, "rejetée")})` +
      (r.ecrituresDistinctes !== undefined
        ? `, ${pluriel(r.ecrituresDistinctes, "écriture")} (JournalCode + EcritureNum)`
        : ""),
    `  Débit : ${formatMontantFr(r.debit)}   Crédit : ${formatMontantFr(r.credit)}   (${etatEquilibre(r)})`,
    `  Comptes : ${milliers(r.comptes.size)}`,
  ];
  if (r.doublons)
    lignes.push(
      `  Écritures en double : ${milliers(r.doublons.nombre)} (${pluriel(r.doublons.nombreLignes, "ligne")}, ` +
        `${formatMontantFr(r.doublons.debit)} au débit comptés deux fois)`,
    );
  for (const [k, v] of r.parClasse)
    lignes.push(`    classe ${k} : débit ${formatMontantFr(v.debit)}, crédit ${formatMontantFr(v.credit)}`);
  if (r.erreurs.length) lignes.push(`  Lignes rejetées :`);
  for (const e of r.erreurs.slice(0, LISTES_MAX)) lignes.push(`    ${e.message}`);
  if (r.erreurs.length > LISTES_MAX)
    lignes.push(`    … et ${pluriel(r.erreurs.length - LISTES_MAX, "autre")}${voirTout}`);
  if (r.alertes.length) lignes.push(`  Alertes :`);
  // One wording with the pane: « Ligne 6 : écriture… »; line 0 is the whole file (its encoding), said as it is.
  for (const a of r.alertes.slice(0, LISTES_MAX)) lignes.push(`    ${texteAlerteFec(a)}`);
  if (r.alertes.length > LISTES_MAX) lignes.push(`    … et ${pluriel(r.alertes.length - LISTES_MAX, "autre")}`);
  // Information, not an alerte: the amounts are read as written; the accountant sees where.
  if (r.montantsNegatifs)
    lignes.push(
      `  Montants négatifs :`,
      `    ${texteMontantsNegatifs(r.montantsNegatifs, f.type === "fec" ? "du FEC" : "du grand livre")}`,
    );
  return lignes;
}
