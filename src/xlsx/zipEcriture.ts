import * as zlib from "zlib";
import { pipeline, Readable, type Writable } from "stream";
import { finished } from "stream/promises";
import { ErreurDonnees } from "../core/erreurs";

/**
 * A zip written with Node's zlib, entry by entry, into a stream: what ecrireAvecFlux needs of archiver, without its
 * modules (≈ 0.1 s of CPU to load them on each command that saves a workbook, about a tenth of `versions
 * enregistrer`) nor its CRC in JavaScript. Each entry is deflated at level 1 (the rows are highly repetitive, and the
 * default level costs three times the time for 10 % of size), its sizes and CRC in a data descriptor after the data,
 * every header field as archiver 5 writes them (version 2.0, Unix mode 644, UTC DOS time): only a generated part
 * (rows, notes) is ever held by its pieces, never whole. No ZIP64: a package beyond 4 GB or 65 535 parts is refused.
 */
export interface EntreeAEcrire {
  nom: string;
  date: Date;
  /**
   * The part's bytes, or its pieces in order (a sheet's rows generated block by block), or its deflated bytes as
   * another zip holds them (copied as they are).
   */
  donnees: Buffer | Iterable<Buffer> | AsyncIterable<Buffer> | PartieCompressee;
}

/** A part deflated (method 8) as it is read from a zip, with its CRC-32 and uncompressed size. */
export interface PartieCompressee {
  compressee: Buffer;
  crc: number;
  taille: number;
}

export const estCompressee = (d: EntreeAEcrire["donnees"]): d is PartieCompressee =>
  !Buffer.isBuffer(d) && Buffer.isBuffer((d as Partial<PartieCompressee>).compressee);

const SIG_LOCAL = 0x04034b50,
  SIG_DESCRIPTEUR = 0x08074b50,
  SIG_CENTRAL = 0x02014b50,
  SIG_FIN = 0x06054b50;
/** Data descriptor (bit 3): sizes and CRC follow the data. */
const DRAPEAUX = 0x0008;
const VERSION_REQUISE = 20;
/** Made by Unix (3), zip 4.5, as archiver says. */
const VERSION_AUTEUR = (3 << 8) | 45;
/** Mode 0100644 and the DOS archive attribute. */
const ATTRIBUTS_EXTERNES = ((0o100644 << 16) | 0x20) >>> 0;
const DEFLATE = 8,
  STOCKE = 0;
const NIVEAU = 1;
const MAX32 = 0xffffffff;

/** DOS date and time of `d`, in UTC, clamped to 1980–2043 (archiver's dateToDos). */
function heureDos(d: Date): number {
  const annee = d.getUTCFullYear();
  if (annee < 1980) return 2162688;
  if (annee >= 2044) return 2141175677;
  return (
    (((annee - 1980) << 25) |
      ((d.getUTCMonth() + 1) << 21) |
      (d.getUTCDate() << 16) |
      (d.getUTCHours() << 11) |
      (d.getUTCMinutes() << 5) |
      (d.getUTCSeconds() / 2)) >>>
    0
  );
}

let TABLE_CRC: Int32Array | undefined;
/** CRC-32 of `b` continuing `crc`: Node's (zlib.crc32, Node ≥ 20.15), else a table. */
function crc32(b: Buffer, crc: number): number {
  const natif = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (natif) return natif(b, crc);
  if (!TABLE_CRC) {
    TABLE_CRC = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE_CRC[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < b.length; i++) c = TABLE_CRC[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

interface Centrale {
  nom: Buffer;
  heure: number;
  methode: number;
  crc: number;
  compresse: number;
  taille: number;
  position: number;
}

/** The pieces of `donnees`, their CRC and size counted as they go by. */
async function* compter(donnees: Iterable<Buffer> | AsyncIterable<Buffer>, total: { crc: number; taille: number }) {
  for await (const morceau of donnees) {
    total.crc = crc32(morceau, total.crc);
    total.taille += morceau.length;
    if (total.taille > MAX32) throw trop();
    yield morceau;
  }
}

const trop = () =>
  new ErreurDonnees(
    "Le classeur à écrire dépasse 4 Go ou 65 535 parties, la limite du format zip que Prodbook écrit : " +
      "réduisez le nombre de lignes écrites.",
  );

/** Writes `entrees` as a zip into `sortie` and ends it; resolves once `sortie` is finished, rejects on its error. */
export async function ecrireZip(
  entrees: Iterable<EntreeAEcrire> | AsyncIterable<EntreeAEcrire>,
  sortie: Writable,
): Promise<void> {
  let position = 0;
  /** Writes `b`, waiting when `sortie` asks to (a 10 MB workbook is not buffered whole ahead of the disk). */
  const ecrire = async (b: Buffer) => {
    // A stream that failed (a file that cannot be created) says why.
    if (sortie.destroyed) await finished(sortie);
    position += b.length;
    if (!sortie.write(b) && !sortie.destroyed)
      await new Promise<void>((ok) => {
        const fin = () => {
          sortie.off("drain", fin);
          sortie.off("close", fin);
          ok();
        };
        sortie.on("drain", fin);
        sortie.on("close", fin);
      });
  };
  const centrales: Centrale[] = [];
  // Until the end: an error of `sortie` is then read by `finished`, not thrown as an unhandled event.
  const ignorer = () => undefined;
  sortie.on("error", ignorer);
  try {
    for await (const e of entrees) {
      const nom = Buffer.from(e.nom, "utf8");
      const heure = heureDos(e.date);
      const debut = position;
      const vide = Buffer.isBuffer(e.donnees) && e.donnees.length === 0;
      const methode = vide ? STOCKE : DEFLATE;
      const entete = Buffer.alloc(30);
      entete.writeUInt32LE(SIG_LOCAL, 0);
      entete.writeUInt16LE(VERSION_REQUISE, 4);
      entete.writeUInt16LE(DRAPEAUX, 6);
      entete.writeUInt16LE(methode, 8);
      entete.writeUInt32LE(heure, 10);
      // CRC and sizes (12 bytes at 14) stay zero: they are in the data descriptor.
      entete.writeUInt16LE(nom.length, 26);
      await ecrire(Buffer.concat([entete, nom]));
      const total = { crc: 0, taille: 0 };
      let compresse = 0;
      if (estCompressee(e.donnees)) {
        total.crc = e.donnees.crc;
        total.taille = e.donnees.taille;
        compresse = e.donnees.compressee.length;
        await ecrire(e.donnees.compressee);
      } else if (Buffer.isBuffer(e.donnees)) {
        total.crc = crc32(e.donnees, 0);
        total.taille = e.donnees.length;
        const z = vide ? e.donnees : zlib.deflateRawSync(e.donnees, { level: NIVEAU });
        compresse = z.length;
        await ecrire(z);
      } else {
        // Deflated piece by piece, what zlib gives back written as it comes.
        const d = zlib.createDeflateRaw({ level: NIVEAU });
        pipeline(Readable.from(compter(e.donnees, total)), d, ignorer);
        for await (const c of d as AsyncIterable<Buffer>) {
          compresse += c.length;
          await ecrire(c);
        }
      }
      if (compresse > MAX32 || total.taille > MAX32) throw trop();
      const descripteur = Buffer.alloc(16);
      descripteur.writeUInt32LE(SIG_DESCRIPTEUR, 0);
      descripteur.writeUInt32LE(total.crc >>> 0, 4);
      descripteur.writeUInt32LE(compresse, 8);
      descripteur.writeUInt32LE(total.taille, 12);
      await ecrire(descripteur);
      centrales.push({ nom, heure, methode, crc: total.crc >>> 0, compresse, taille: total.taille, position: debut });
    }
    const debutCentral = position;
    if (centrales.length > 0xffff || debutCentral > MAX32) throw trop();
    const blocs: Buffer[] = [];
    for (const c of centrales) {
      const b = Buffer.alloc(46);
      b.writeUInt32LE(SIG_CENTRAL, 0);
      b.writeUInt16LE(VERSION_AUTEUR, 4);
      b.writeUInt16LE(VERSION_REQUISE, 6);
      b.writeUInt16LE(DRAPEAUX, 8);
      b.writeUInt16LE(c.methode, 10);
      b.writeUInt32LE(c.heure, 12);
      b.writeUInt32LE(c.crc, 16);
      b.writeUInt32LE(c.compresse, 20);
      b.writeUInt32LE(c.taille, 24);
      b.writeUInt16LE(c.nom.length, 28);
      // Extra field, comment, disk number and internal attributes: none (0).
      b.writeUInt32LE(ATTRIBUTS_EXTERNES, 38);
      b.writeUInt32LE(c.position, 42);
      blocs.push(b, c.nom);
    }
    const central = Buffer.concat(blocs);
    if (debutCentral + central.length > MAX32) throw trop();
    const fin = Buffer.alloc(22);
    fin.writeUInt32LE(SIG_FIN, 0);
    fin.writeUInt16LE(centrales.length, 8);
    fin.writeUInt16LE(centrales.length, 10);
    fin.writeUInt32LE(central.length, 12);
    fin.writeUInt32LE(debutCentral, 16);
    await ecrire(Buffer.concat([central, fin]));
    sortie.end();
    await finished(sortie);
  } catch (e) {
    // Closed before saying why: a write in flight then fails too, on `ignorer` (kept), and the file the stream
    // was opening is there to remove.
    if (!sortie.closed) {
      const ferme = new Promise((ok) => sortie.once("close", ok));
      sortie.destroy();
      await ferme;
    }
    throw e;
  }
  sortie.off("error", ignorer);
}
