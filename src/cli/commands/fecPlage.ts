import * as fs from "fs";
import { isMainThread, parentPort, workerData } from "worker_threads";
import { LecteurFec, type OptionsFec, type PartielFec } from "../../core/comptabilite/fec";

/**
 * A byte range of a FEC read by the core's reader, in the calling thread or as the entry of a worker thread of
 * `prodbook fec` (lireEnParallele): this module loads only the reader, so that a worker starts without the CLI's
 * commands, runner and application layer (about 60 ms less per thread, measured by `npm run bench`).
 */

/** Bytes read at a time: small enough to stay in cache while scanned. */
const TAMPON = 256 << 10;

export async function lirePlage(chemin: string, debut: number, fin: number, opts: OptionsFec): Promise<PartielFec> {
  const lecteur = new LecteurFec(opts);
  if (fin > debut) {
    // One buffer for every chunk (the reader copies what it keeps): a stream allocated a fresh megabyte per chunk,
    // and the page faults of those allocations cost more system time than the reads themselves.
    const tampon = new Uint8Array(Number(process.env.PRODBOOK_FEC_TAMPON) || TAMPON);
    const fd = fs.openSync(chemin, "r");
    try {
      for (let p = debut; p < fin;) {
        const n = fs.readSync(fd, tampon, 0, Math.min(tampon.length, fin - p), p);
        if (n <= 0) break;
        lecteur.pousser(n === tampon.length ? tampon : tampon.subarray(0, n));
        p += n;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return lecteur.terminerPartiel();
}

if (!isMainThread && workerData?.prodbookFec) {
  const d = workerData as { chemin: string; debut: number; fin: number; opts: OptionsFec };
  lirePlage(d.chemin, d.debut, d.fin, d.opts).then((p) => parentPort!.postMessage(p, tampons(p)));
}

/** The part's large arrays (its runs' blocks, its key arena) moved to the calling thread rather than copied. */
function tampons(p: PartielFec): ArrayBuffer[] {
  const t = new Set<ArrayBuffer>();
  for (const r of p.runs ?? [])
    for (const a of [r.cle, r.debut, r.fin, r.lignes, r.date, r.empreinte, r.debit, r.credit])
      t.add(a.buffer as ArrayBuffer);
  t.add(p.entrees.octets.buffer as ArrayBuffer);
  return [...t];
}
