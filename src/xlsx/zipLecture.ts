import { Readable } from "stream";
import { constants, inflateRawSync } from "zlib";
import * as yauzl from "yauzl";
import type { PartieCompressee } from "./zipEcriture";

/**
 * The entries of an xlsx package as yauzl lists them (its public API): each part's uncompressed size from the
 * central directory, and its bytes as a stream inflated by Node's zlib. JSZip tells neither without
 * decompressing the part in JavaScript, three times slower, which matters for a 600 MB sheet.
 */
export interface EntreeZip {
  nom: string;
  /** Uncompressed size, as the central directory states it. */
  taille: number;
  flux(): Promise<Readable>;
  /** Its bytes, when they are kept in memory (entreeEnMemoire). */
  octets?: () => Promise<Buffer>;
  /**
   * Its bytes read whole: the compressed bytes (yauzl's raw stream) inflated by zlib in one call, two to four times
   * less CPU than the inflating stream's 16 KB chunks (a 6.7 MB « Comparaison » sheet: 15 ms instead of 50).
   */
  entiere?: () => Promise<Buffer>;
  /**
   * Its first bytes (about `n` or more, fewer when the part is shorter): its first `n` compressed bytes inflated as
   * far as they go, without a stream (a zlib stream per part costs more than reading its head).
   */
  debut?: (n: number) => Promise<Buffer>;
  /**
   * Its compressed bytes as they are, with the method, CRC and size the central directory states (a deflated entry
   * only): a part put back unchanged is copied into the saved package, neither inflated nor deflated again.
   */
  brute?: () => Promise<PartieCompressee>;
}

export async function catalogueZip(data: Buffer): Promise<Map<string, EntreeZip>> {
  const zip = await new Promise<yauzl.ZipFile>((ok, ko) =>
    yauzl.fromBuffer(data, { lazyEntries: true }, (e, z) => (e ? ko(e) : ok(z))),
  );
  const out = new Map<string, EntreeZip>();
  await new Promise<void>((ok, ko) => {
    zip.on("entry", (entree: yauzl.Entry) => {
      if (!entree.fileName.endsWith("/"))
        out.set(entree.fileName, {
          nom: entree.fileName,
          taille: entree.uncompressedSize,
          flux: () => new Promise<Readable>((ok2, ko2) => zip.openReadStream(entree, (e, s) => (e ? ko2(e) : ok2(s)))),
          entiere: () => entiere(zip, entree),
          debut: (n) => debut(zip, entree, n),
          ...(entree.compressionMethod === 8 && !entree.isEncrypted()
            ? {
                brute: async () => ({
                  compressee: await lire(zip, entree, { decodeFileData: false }),
                  crc: entree.crc32,
                  taille: entree.uncompressedSize,
                }),
              }
            : {}),
        });
      zip.readEntry();
    });
    zip.on("end", () => ok());
    zip.on("error", ko);
    zip.readEntry();
  });
  return out;
}

/** An entry's bytes, inflated in one call (stored or deflated entries; any other is read by yauzl's stream). */
async function entiere(zip: yauzl.ZipFile, entree: yauzl.Entry): Promise<Buffer> {
  const methode = entree.compressionMethod;
  if (entree.isEncrypted() || (methode !== 0 && methode !== 8)) return lire(zip, entree, {});
  const brut = await lire(zip, entree, { decodeFileData: false });
  // One output buffer of the announced size (zlib's 16 KB chunks, then joined, cost as much as inflating).
  const octets =
    methode === 8
      ? inflateRawSync(brut, { chunkSize: Math.min(Math.max(entree.uncompressedSize + 1, 64), 1 << 26) })
      : brut;
  if (octets.length !== entree.uncompressedSize)
    throw new Error(`${entree.fileName} : ${octets.length} octets lus, ${entree.uncompressedSize} annoncés`);
  return octets;
}

/** The entry's first bytes: its first `n` compressed bytes inflated as far as they go (a stored entry: `n` bytes). */
async function debut(zip: yauzl.ZipFile, entree: yauzl.Entry, n: number): Promise<Buffer> {
  const methode = entree.compressionMethod;
  if (entree.isEncrypted() || (methode !== 0 && methode !== 8)) return lire(zip, entree, {});
  const brut = await lire(zip, entree, { decodeFileData: false, start: 0, end: Math.min(n, entree.compressedSize) });
  // Z_SYNC_FLUSH: the input is cut, zlib gives what it inflated instead of an « unexpected end of file ».
  return methode === 8 ? inflateRawSync(brut, { finishFlush: constants.Z_SYNC_FLUSH }) : brut;
}

function lire(zip: yauzl.ZipFile, entree: yauzl.Entry, options: yauzl.ZipFileOptions): Promise<Buffer> {
  return new Promise<Buffer>((ok, ko) =>
    zip.openReadStream(entree, options, (e, flux) => {
      if (e) return ko(e);
      const morceaux: Buffer[] = [];
      flux.on("data", (m: Buffer) => morceaux.push(m));
      flux.on("error", ko);
      flux.on("end", () => ok(Buffer.concat(morceaux)));
    }),
  );
}

/**
 * The entry inflated once, on its first read, and kept: a set-aside sheet is read three times (its head, its rows
 * for reading, its rows again when saving), its shared strings twice. Served in 64 KB slices, as zlib's own chunks:
 * a reader that parses a chunk whole (the head's, with saxes) must not get every row at once.
 */
export function entreeEnMemoire(e: EntreeZip): EntreeZip {
  let octets: Promise<Buffer> | undefined;
  const lire = () => (octets ??= octetsEntree(e));
  return {
    nom: e.nom,
    taille: e.taille,
    octets: lire,
    flux: async () => Readable.from(tranches(await lire())),
  };
}

function* tranches(b: Buffer): Generator<Buffer> {
  for (let i = 0; i < b.length; i += 65536) yield b.subarray(i, i + 65536);
}

/** The part's bytes (inflated by Node's zlib). */
export async function octetsEntree(entree: EntreeZip): Promise<Buffer> {
  if (entree.octets) return entree.octets();
  if (entree.entiere) return entree.entiere();
  const morceaux: Buffer[] = [];
  for await (const m of await entree.flux()) morceaux.push(m as Buffer);
  return Buffer.concat(morceaux);
}
