import { GrandLivreNonReconnuError, lireFecDepuis, type LectureFec } from "../app/commandes/fec";
import { FecFormatError, LecteurFec, type EncodageFec, type MappingGrandLivre } from "../core/comptabilite/fec";

const BLOC = 1 << 20;

/**
 * Reads a FEC (streamed, 1 MiB at a time) or a ledger CSV from a Blob — the browser side of `prodbook fec`: the use
 * case (src/app/commandes/fec.ts) decides and checks, this gives it the Blob's bytes, with the lines kept for the
 * Grand livre. Shared by the worker and, when workers are unavailable, the page itself.
 */
export async function lireBlobFec(
  fichier: Blob,
  opts: {
    encodage?: EncodageFec;
    mapping?: MappingGrandLivre;
    onProgress?: (fait: number, total: number) => void;
  } = {},
): Promise<LectureFec> {
  const octets = async (debut: number, fin: number) => new Uint8Array(await fichier.slice(debut, fin).arrayBuffer());
  try {
    const lu = await lireFecDepuis(
      {
        // The worker prefixes the file's name to the message: « x.txt : Ce fichier n'est pas un FEC lisible : … ».
        nom: "Ce fichier",
        debut: () => octets(0, 65536),
        tout: async () => new Uint8Array(await fichier.arrayBuffer()),
        parties: async (o) => {
          const lecteur = new LecteurFec({ ...o, conserver: true });
          for (let p = 0; p < fichier.size; p += BLOC) {
            lecteur.pousser(await octets(p, p + BLOC));
            opts.onProgress?.(Math.min(fichier.size, p + BLOC), fichier.size);
          }
          return [lecteur.terminerPartiel()];
        },
      },
      { encodage: opts.encodage, colonnes: opts.mapping },
    );
    // A ledger CSV (its mapping given or guessed) is read whole: done once read.
    if (lu.mapping) opts.onProgress?.(fichier.size, fichier.size);
    return lu;
  } catch (e) {
    if (!(e instanceof GrandLivreNonReconnuError)) throw e;
    throw new FecFormatError(
      "Ligne 1 : colonnes du grand livre non reconnues (attendu au moins Compte, Date et Débit/Crédit ou Montant/Sens). Ce n'est " +
        "pas non plus un FEC (séparateur tabulation ou « | »).",
    );
  }
}
