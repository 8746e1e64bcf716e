/// <reference lib="webworker" />
/**
 * Web Worker: parses the chosen FEC / ledger CSV off the UI thread (the shared runtime has one thread),
 * posting its progress, then the result. Built by webpack as fecWorker.js.
 */
import type { DemandeFec, ReponseFec } from "./protocoleFec";
import { lireBlobFec } from "./lireFichierFec";
import { ErreurExpliquee } from "../core/erreurs";

const ctx = self as unknown as {
  onmessage: ((e: MessageEvent<DemandeFec>) => void) | null;
  postMessage(m: ReponseFec): void;
};

ctx.onmessage = async (e: MessageEvent<DemandeFec>) => {
  const d = e.data;
  if (d.type !== "lire") return;
  try {
    let dernier = 0;
    const r = await lireBlobFec(d.fichier, {
      encodage: d.encodage,
      mapping: d.mapping,
      onProgress: (fait, total) => {
        if (fait === total || fait - dernier >= total / 50) {
          dernier = fait;
          ctx.postMessage({ type: "progression", fait, total });
        }
      },
    });
    ctx.postMessage({ type: "resultat", resultat: r.resultat, mapping: r.mapping });
  } catch (err) {
    ctx.postMessage({
      type: "erreur",
      message: `${d.nom} : ${(err as Error).message}`,
      expliquee: err instanceof ErreurExpliquee,
    });
  }
};
