import type { EncodageLu } from "./detection";
import type { FormatFec } from "./types";

const NOMS_ENCODAGES: Record<EncodageLu, string> = {
  "utf-8": "UTF-8",
  "windows-1252": "Windows-1252",
  "iso-8859-15": "ISO-8859-15",
  ebcdic: "EBCDIC (IBM-1147, français)",
  cp850: "CP850 (DOS)",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
};

/**
 * An encoding as the user reads it, in the pane, the CLI's text and the messages: « UTF-8 », « Windows-1252 »,
 * « ISO-8859-15 » (the case of its registered name), « EBCDIC (IBM-1147, français) », « CP850 (DOS) ». The value
 * itself ("utf-8", "ebcdic": what `--encodage` takes and `--json` gives, what the production context keeps) is
 * unchanged; a value this list does not know is shown as it is.
 */
export function nomEncodage(e: EncodageLu | string): string {
  return Object.prototype.hasOwnProperty.call(NOMS_ENCODAGES, e) ? NOMS_ENCODAGES[e as EncodageLu] : e;
}

/**
 * French names of the separators, as summaries say them: in words, « | » quoted (a bare « ; » or « , » read
 * « séparateur ,, UTF-8 »).
 */
export const NOMS_SEPARATEURS: Record<FormatFec["separateur"], string> = {
  tab: "tabulation",
  pipe: "« | »",
  "point-virgule": "point-virgule",
  virgule: "virgule",
};
