/**
 * What the first bytes of a ledger file say: FEC or ledger CSV, UTF-16 or not. One decision shared by the CLI
 * (`prodbook fec`, `prodbook ecarts`) and the pane's worker, so both read a file the same way.
 */
import Papa from "papaparse";
import { ALERTE_SIGNE_MONETAIRE, decoderOctets, sequenceCoupee, utf8Strict, type EncodageFec } from "./decodage";
import { devinerMapping, formatDateProuve, lireGrandLivreCsv, type MappingGrandLivre } from "./grandLivreCsv";
import type { ResultatFec } from "./types";
import { detecterUtf16, natureBinaire, type EncodageUtf16 } from "./natureOctets";
import { estEbcdic } from "./pagesCodes";

export { detecterUtf16, estZip, natureBinaire, pasTexteZip, type EncodageUtf16 } from "./natureOctets";

/**
 * The encoding a file was read in: one the FEC allows (EBCDIC and CP850 converted while reading), or UTF-16 (converted
 * while reading).
 */
export type EncodageLu = EncodageFec | EncodageUtf16;

export interface DebutFichier {
  /** A ledger CSV: `;` or `,` in the first line, and neither tab nor `|` (else a FEC, or nothing readable). */
  csv: boolean;
  /** The CSV's separator (`;` wins over `,`). */
  separateurCsv: ";" | ",";
  /** EBCDIC beyond doubt (estEbcdic): the first line is a FEC header in IBM-1147 with no ASCII letter. */
  ebcdic: boolean;
  /** UTF-16, by its byte-order mark or by a NUL byte every other byte at the start. */
  utf16?: EncodageUtf16;
  /** The file starts with a byte-order mark (UTF-8 or UTF-16). */
  bom: boolean;
  /** The first line, decoded (without the mark). */
  premiereLigne: string;
  /** Why the file is no text at all (an old .xls, a compressed file, a PDF, binary bytes): natureBinaire. */
  binaire?: string;
}

function bomUtf8(u: Uint8Array): boolean {
  return u.length >= 3 && u[0] === 0xef && u[1] === 0xbb && u[2] === 0xbf;
}

/** Reads the start of a file (a few KiB are enough: the first line decides). */
export function analyserDebut(debut: Uint8Array): DebutFichier {
  const utf16 = detecterUtf16(debut);
  const ebcdic = utf16 === undefined && estEbcdic(debut);
  const bom = bomUtf8(debut) || (utf16 !== undefined && (debut[0] === 0xff || debut[0] === 0xfe));
  // An 8-bit reading of the first line is enough to find separators (ASCII in every encoding allowed but EBCDIC).
  const texte = decoderOctets(
    bomUtf8(debut) ? debut.subarray(3) : debut,
    utf16 ?? (ebcdic ? "ebcdic" : "windows-1252"),
  );
  const premiereLigne = texte.split(/\r|\n/)[0] ?? "";
  const csv = !premiereLigne.includes("\t") && !premiereLigne.includes("|") && /[;,]/.test(premiereLigne);
  const binaire = natureBinaire(debut);
  return {
    csv,
    separateurCsv: premiereLigne.includes(";") ? ";" : ",",
    ebcdic,
    utf16,
    bom,
    premiereLigne,
    ...(binaire ? { binaire } : {}),
  };
}

/**
 * A whole ledger CSV as text: UTF-16 when its start says so, else the encoding given, else UTF-8 when every byte
 * sequence is valid UTF-8 and Windows-1252 otherwise. The mark is dropped.
 */
export function decoderCsv(
  octets: Uint8Array,
  encodage?: EncodageFec,
): { texte: string; encodage: EncodageLu; encodageForce: boolean; bom: boolean } {
  const utf16 = detecterUtf16(octets);
  const bom = bomUtf8(octets) || (utf16 !== undefined && (octets[0] === 0xff || octets[0] === 0xfe));
  const encodageForce = utf16 === undefined && encodage !== undefined;
  if (!utf16 && !encodage) {
    // Valid UTF-8 is read as such in one pass. A sequence cut by the end of the file gives « � » when complete
    // sequences before it prove UTF-8; alone, it proves nothing (a Windows-1252 « …é » ending the file).
    const texte = utf8Strict(octets) ?? (utf8AvantCoupure(octets) ? decoderOctets(octets, "utf-8") : undefined);
    if (texte !== undefined) return { texte, encodage: "utf-8", encodageForce, bom };
  }
  const enc: EncodageLu = utf16 ?? encodage ?? "windows-1252";
  // TextDecoder drops a leading mark of its own encoding; a UTF-8 mark read as an 8-bit encoding is dropped here.
  const texte = decoderOctets(bomUtf8(octets) && enc !== "utf-8" ? octets.subarray(3) : octets, enc);
  return { texte, encodage: enc, encodageForce, bom };
}

/**
 * A whole ledger CSV from its bytes: decoded (decoderCsv), read with the mapping given or one guessed from its
 * header; undefined when no mapping is given and none can be guessed (the caller says what to do, in its words).
 */
export function lireGrandLivreOctets(
  octets: Uint8Array,
  opts: { encodage?: EncodageFec; mapping?: MappingGrandLivre } = {},
): { resultat: ResultatFec; mapping: MappingGrandLivre } | undefined {
  const lu = decoderCsv(octets, opts.encodage);
  const debut = lu.texte.replace(/^\ufeff/, "").split(/\r\n|\r|\n/, 201);
  const sep = debut[0].includes(";") ? ";" : ",";
  // The header and the first rows split as lireGrandLivreCsv splits them (papaparse): a field in double quotes
  // (« "Compte","Date","Débit" », « "20240110" », as many exports quote every field) is read without its quotes,
  // never refused as an unknown CSV or its dates as « "20240110" » not a date.
  const echantillon = Papa.parse<string[]>(debut.join("\n"), { delimiter: sep, skipEmptyLines: true }).data;
  const noms = echantillon[0] ?? [];
  let mapping = opts.mapping ?? devinerMapping(noms, sep);
  if (!mapping) return undefined;
  if (!opts.mapping) {
    // A guessed mapping takes its date format from the first dates of the file (a sample: papaparse reads them all).
    const i = noms.indexOf(mapping.colonnes.date);
    const dates = echantillon.slice(1).map((r) => r[i] ?? "");
    mapping = { ...mapping, formatDate: formatDateProuve(dates) };
  }
  const resultat = lireGrandLivreCsv(lu.texte, mapping, { conserver: true });
  // The core reads decoded text (TextDecoder drops the mark): report what the bytes were.
  resultat.format.encodage = lu.encodage;
  resultat.format.encodageForce = lu.encodageForce;
  resultat.format.bom = lu.bom;
  // The bytes are all here: the encoding forced is checked on the same first bytes as a FEC's (LecteurFec).
  const contradiction =
    opts.encodage && lu.encodageForce
      ? contradictionEncodage(octets.subarray(0, ECHANTILLON_ENCODAGE), opts.encodage)
      : undefined;
  if (contradiction) resultat.format.contradictionEncodage = contradiction;
  // « ¤ » read in Windows-1252 is the « € » of ISO-8859-15: said, as for a FEC.
  if (lu.encodage === "windows-1252" && lu.texte.includes("\u00a4"))
    resultat.alertes.unshift({ ligne: 0, message: ALERTE_SIGNE_MONETAIRE });
  return { resultat, mapping };
}

/** How many first bytes of a file tell whether the encoding forced contradicts them (contradictionEncodage). */
export const ECHANTILLON_ENCODAGE = 1 << 20;

/**
 * The encoding the user forced contradicted by the file's first bytes (the forced one is kept): bytes that are valid
 * UTF-8 with accents read as windows-1252 or ISO-8859-15 (« é » read « Ã© »), or bytes that are not UTF-8 read as UTF-8
 * (« é » read « � »). Computed by the reader from the bytes it reads (the first ECHANTILLON_ENCODAGE), for the CLI
 * (stderr) and the pane (beside its Encodage list) alike.
 */
export interface ContradictionEncodage {
  /** The encoding forced, kept. */
  force: EncodageFec;
  /** The encoding the bytes show: UTF-8, or not UTF-8 (windows-1252 is then proposed). */
  montre: "utf-8" | "windows-1252";
  /** The first character concerned, as the bytes mean it (in `montre`). */
  attendu: string;
  /** The same bytes as the forced encoding reads them. */
  lu: string;
}

/** The end of the UTF-8 character whose lead byte is at `k` (at least one byte). */
/** Valid UTF-8 up to a sequence cut at b's end, with at least one complete sequence ≥ 0x80 before it. */
function utf8AvantCoupure(b: Uint8Array): boolean {
  const n = sequenceCoupee(b);
  if (n === 0) return false;
  const texte = utf8Strict(b.subarray(0, b.length - n));
  return texte !== undefined && /[^\u0000-\u007f]/u.test(texte);
}

function finCaractereUtf8(b: Uint8Array, k: number): number {
  const n = b[k] >= 0xf0 ? 4 : b[k] >= 0xe0 ? 3 : b[k] >= 0xc0 ? 2 : 1;
  return Math.min(b.length, k + n);
}

/**
 * `debut` is the file's first bytes (a sequence cut at their end is accepted); undefined when they agree with the
 * encoding forced, are UTF-16 (converted whatever was forced), or hold no byte ≥ 0x80 (every encoding reads them alike).
 */
export function contradictionEncodage(debut: Uint8Array, force: EncodageFec): ContradictionEncodage | undefined {
  // UTF-16 is converted whatever was forced; EBCDIC forced is checked on the header by the reader (verifierEbcdic).
  if (detecterUtf16(debut) || force === "ebcdic") return undefined;
  let k = bomUtf8(debut) ? 3 : 0;
  while (k < debut.length && debut[k] < 0x80) k++;
  // Only complete sequences decide: the first non-ASCII one cut by the end of `debut` leaves the question open.
  const complet = debut.length - sequenceCoupee(debut);
  if (k >= complet) return undefined;
  const utf8 = utf8Strict(debut.subarray(0, complet)) !== undefined;
  if (force !== "utf-8" && utf8) {
    const car = debut.subarray(k, finCaractereUtf8(debut, k));
    return { force, montre: "utf-8", attendu: decoderOctets(car, "utf-8"), lu: decoderOctets(car, force) };
  }
  if (force === "utf-8" && !utf8) {
    // The first byte that breaks UTF-8, as windows-1252 reads it.
    let i = k;
    for (; i < debut.length; i++) {
      if (debut[i] < 0x80) continue;
      const fin = finCaractereUtf8(debut, i);
      if (debut[i] < 0xc0 || utf8Strict(debut.subarray(i, fin), fin === debut.length) === undefined) break;
      i = fin - 1;
    }
    const j = i < debut.length ? i : k;
    return {
      force,
      montre: "windows-1252",
      attendu: decoderOctets(debut.subarray(j, j + 1), "windows-1252"),
      lu: "\ufffd",
    };
  }
  return undefined;
}

/**
 * The warning in French: what the bytes show, then `conseil` — what the door says to do (the CLI names its option,
 * the pane its list): « Le fichier semble encodé en UTF-8 : « é » est lu « Ã© » ; <conseil> ».
 */
export function avertissementEncodage(c: ContradictionEncodage, conseil: string): string {
  return c.montre === "utf-8"
    ? `Le fichier semble encodé en UTF-8 : « ${c.attendu} » est lu « ${c.lu} » ; ${conseil}`
    : `Le fichier ne semble pas encodé en UTF-8 : « ${c.attendu} » (en Windows-1252) est lu « ${c.lu} » ; ${conseil}`;
}
