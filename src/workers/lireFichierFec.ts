import {
  analyserDebut,
  FecFormatError,
  LecteurFec,
  lireGrandLivreOctets,
  type EncodageFec,
  type MappingGrandLivre,
  type ResultatFec,
} from "../core/comptabilite/fec";

const BLOC = 1 << 20;

/**
 * Reads a FEC (streamed, 1 MiB at a time) or a ledger CSV from a Blob — the browser side of `prodbook fec`.
 * Shared by the worker and, when workers are unavailable, the page itself.
 */
export async function lireBlobFec(
  fichier: Blob,
  opts: {
    encodage?: EncodageFec;
    mapping?: MappingGrandLivre;
    onProgress?: (fait: number, total: number) => void;
  } = {},
): Promise<{ resultat: ResultatFec; mapping?: MappingGrandLivre }> {
  const debut = analyserDebut(new Uint8Array(await fichier.slice(0, 65536).arrayBuffer()));
  if (debut.binaire) throw new FecFormatError(`Ce fichier n'est pas un FEC lisible : ${debut.binaire}.`);
  if (opts.mapping !== undefined || debut.csv) {
    const lu = lireGrandLivreOctets(new Uint8Array(await fichier.arrayBuffer()), opts);
    if (!lu) {
      throw new FecFormatError(
        "Ligne 1 : colonnes du grand livre non reconnues (attendu au moins Compte, Date et Débit/Crédit ou Montant/Sens). Ce n'est " +
          "pas non plus un FEC (séparateur tabulation ou « | »).",
      );
    }
    opts.onProgress?.(fichier.size, fichier.size);
    return lu;
  }
  const lecteur = new LecteurFec({ encodage: opts.encodage, conserver: true });
  for (let p = 0; p < fichier.size; p += BLOC) {
    lecteur.pousser(new Uint8Array(await fichier.slice(p, p + BLOC).arrayBuffer()));
    opts.onProgress?.(Math.min(fichier.size, p + BLOC), fichier.size);
  }
  return { resultat: lecteur.terminer() };
}
