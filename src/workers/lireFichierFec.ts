import {
  devinerMapping,
  FecFormatError,
  LecteurFec,
  lireGrandLivreCsv,
  utf8Valide,
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
  const debut = new Uint8Array(await fichier.slice(0, 65536).arrayBuffer());
  const premiere = new TextDecoder("latin1").decode(debut).split(/\r|\n/)[0] ?? "";
  const csv =
    opts.mapping !== undefined || (!premiere.includes("\t") && !premiere.includes("|") && /[;,]/.test(premiere));
  if (csv) {
    const octets = new Uint8Array(await fichier.arrayBuffer());
    const enc = opts.encodage ?? (utf8Valide(octets) ? "utf-8" : "windows-1252");
    const texte = new TextDecoder(enc).decode(octets);
    const sep = premiere.includes(";") ? ";" : ",";
    const mapping =
      opts.mapping ??
      devinerMapping(
        texte
          .replace(/^\ufeff/, "")
          .split(/\r\n|\r|\n/)[0]
          .split(sep),
        sep,
      );
    if (!mapping) {
      throw new FecFormatError(
        "Ligne 1 : colonnes du grand livre non reconnues (attendu au moins Compte, Date et Débit/Crédit ou Montant/Sens). Ce n'est " +
          "pas non plus un FEC (séparateur tabulation ou « | »).",
      );
    }
    opts.onProgress?.(fichier.size, fichier.size);
    const resultat = lireGrandLivreCsv(texte, mapping, { conserver: true });
    // The core sees decoded text (TextDecoder also drops the BOM): report what the bytes were, as the CLI does.
    resultat.format.encodage = enc;
    resultat.format.encodageForce = opts.encodage !== undefined;
    resultat.format.bom = octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf;
    return { resultat, mapping };
  }
  const lecteur = new LecteurFec({ encodage: opts.encodage, conserver: true });
  for (let p = 0; p < fichier.size; p += BLOC) {
    lecteur.pousser(new Uint8Array(await fichier.slice(p, p + BLOC).arrayBuffer()));
    opts.onProgress?.(Math.min(fichier.size, p + BLOC), fichier.size);
  }
  return { resultat: lecteur.terminer() };
}
