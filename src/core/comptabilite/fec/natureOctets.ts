/**
 * What the first bytes of a file given for text say before any reading: a zip, an Office 97-2003 document, a PDF,
 * binary bytes, or UTF-16. Apart from detection.ts (which re-exports it) so that the CLI's file checks (src/cli/io.ts,
 * loaded by every command) do not load the ledger readers and papaparse.
 */
import { estEbcdic } from "./pagesCodes";

export type EncodageUtf16 = "utf-16le" | "utf-16be";

/**
 * What a zip given for a text file is, from its first 4 KiB (`estZip`; the same bytes for the CLI and the pane): a
 * workbook picked by mistake (an .xlsx, whose parts are named « xl/… », an .ods, whose part « mimetype » says so), or
 * another Office or OpenDocument file (« [Content_Types].xml », « _rels/.rels », « mimetype »), is to be saved as text,
 * not unzipped; any other zip (a compressed FEC) is to be unzipped.
 */
export function pasTexteZip(octets: Uint8Array): string {
  const debut = octets.subarray(0, 4096);
  const noms = nomsZip(debut);
  const mime = noms.includes("mimetype") ? latin1(debut.subarray(0, 400)) : "";
  if (mime.includes("opendocument.spreadsheet"))
    return (
      "c'est un classeur OpenDocument (.ods), pas un fichier texte : ouvrez-le et enregistrez-le en texte (.txt ou " +
      ".csv)"
    );
  if (noms.some((n) => n.startsWith("xl/")))
    return (
      "c'est un classeur Excel (.xlsx), pas un fichier texte : ouvrez-le dans Excel et enregistrez-le en texte " +
      "(Fichier › Enregistrer sous › Texte (séparateur : tabulation) ou CSV)"
    );
  if (noms.some((n) => n === "[Content_Types].xml" || n === "_rels/.rels") || mime.includes("opendocument"))
    return (
      "c'est un document Office ou OpenDocument (classeur, texte, présentation), pas un fichier texte : ouvrez-le et " +
      "enregistrez-le en texte (.txt ou .csv)"
    );
  return "c'est une archive zip (un fichier compressé), pas un fichier texte : décompressez-la et donnez le fichier qu'elle contient";
}

/** The local file header of a zip (an .xlsx is one). */
export function estZip(debut: Uint8Array): boolean {
  return debut.length >= 4 && debut[0] === 0x50 && debut[1] === 0x4b && debut[2] === 0x03 && debut[3] === 0x04;
}

/** The names of the zip's parts whose local headers lie within `debut` (in order; a cut header ends the list). */
function nomsZip(debut: Uint8Array): string[] {
  const noms: string[] = [];
  const u16 = (i: number) => debut[i] | (debut[i + 1] << 8);
  const u32 = (i: number) => (u16(i) | (u16(i + 2) << 16)) >>> 0;
  for (let p = 0; p + 30 <= debut.length && u32(p) === 0x04034b50 && noms.length < 64;) {
    const n = u16(p + 26);
    const extra = u16(p + 28);
    if (p + 30 + n > debut.length) break;
    noms.push(latin1(debut.subarray(p + 30, p + 30 + n)));
    const donnees = p + 30 + n + extra;
    // A part whose size is given after its data (bit 3 of the flags, as LibreOffice writes them): the next header is
    // looked for after its name.
    p = u16(p + 6) & 0x08 ? prochainEnTete(debut, donnees) : donnees + u32(p + 18);
  }
  return noms;
}

/** The offset of the next local header « PK\x03\x04 » from `p`, or the length when there is none. */
function prochainEnTete(u: Uint8Array, p: number): number {
  for (let i = p; i + 4 <= u.length; i++)
    if (u[i] === 0x50 && u[i + 1] === 0x4b && u[i + 2] === 0x03 && u[i + 3] === 0x04) return i;
  return u.length;
}

function latin1(octets: Uint8Array): string {
  let s = "";
  for (const o of octets) s += String.fromCharCode(o);
  return s;
}

/**
 * Why the first bytes of a file given for text (a FEC, a ledger CSV, a correspondances file) are no text, in French,
 * or undefined: an Office 97-2003 document (an old .xls), a gzip file, a PDF, or control bytes in its first line (a
 * header of names never holds any). Read as text, those bytes would only make a message of unreadable characters.
 * UTF-16 (a NUL beside each letter) is text.
 */
export function natureBinaire(debut: Uint8Array): string | undefined {
  const commence = (...octets: number[]) => debut.length >= octets.length && octets.every((o, i) => debut[i] === o);
  // An encrypted .xlsx is an OLE container too, whose directory (in its first sectors) names EncryptionInfo.
  if (commence(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) && contientUtf16(debut, "EncryptionInfo"))
    return (
      "c'est un classeur Excel protégé par mot de passe, pas un fichier texte : enregistrez le grand livre en " +
      "texte (.txt ou .csv)"
    );
  if (commence(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return (
      "c'est un ancien classeur .xls (Excel 97-2003) ou un autre document Office 97-2003, pas un fichier texte : " +
      "enregistrez-le en texte (.txt ou .csv)"
    );
  if (commence(0x1f, 0x8b)) return "c'est un fichier compressé (gzip), pas un fichier texte : décompressez-le";
  if (commence(0x25, 0x50, 0x44, 0x46, 0x2d))
    return "c'est un document PDF, pas un fichier texte : demandez le fichier en texte (.txt ou .csv)";
  // UTF-16 (a NUL beside each letter) and EBCDIC (tab 0x05, NL 0x15) are text.
  if (detecterUtf16(debut) !== undefined || estEbcdic(debut)) return undefined;
  for (const o of debut) {
    if (o === 10 || o === 13) break;
    if ((o < 0x20 && o !== 9) || o === 0x7f)
      return "sa première ligne contient des octets binaires (caractères de contrôle) : ce n'est pas un fichier texte";
  }
  return undefined;
}

/** `nom` written in UTF-16LE (as an OLE directory names its streams) among the bytes. */
function contientUtf16(octets: Uint8Array, nom: string): boolean {
  const cible = Array.from(nom).flatMap((c) => [c.charCodeAt(0), 0]);
  for (let i = 0; i + cible.length <= octets.length; i++) {
    let j = 0;
    while (j < cible.length && octets[i + j] === cible[j]) j++;
    if (j === cible.length) return true;
  }
  return false;
}

/**
 * UTF-16 from the first bytes: FF FE / FE FF, or (no mark) ASCII letters with a NUL beside each, as the header
 * « JournalCode… » gives in UTF-16. Other encodings never hold NUL in a text file.
 */
export function detecterUtf16(u: Uint8Array): EncodageUtf16 | undefined {
  if (u.length >= 2 && u[0] === 0xff && u[1] === 0xfe) return "utf-16le";
  if (u.length >= 2 && u[0] === 0xfe && u[1] === 0xff) return "utf-16be";
  if (u.length < 4) return undefined;
  if (u[0] !== 0 && u[1] === 0 && u[2] !== 0 && u[3] === 0) return "utf-16le";
  if (u[0] === 0 && u[1] !== 0 && u[2] === 0 && u[3] !== 0) return "utf-16be";
  return undefined;
}
