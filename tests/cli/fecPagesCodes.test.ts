import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as path from "path";
import { TABLES_8_BITS } from "../../src/core/comptabilite/fec";
import { binaire, dossierTemporaire, espacesSimples, refus } from "../helpers/cli";

/**
 * `prodbook fec` and `prodbook ecarts` on a real FEC (tests/fixtures/fec-reel) written in EBCDIC (IBM-1147, records
 * ending NL 0x15 as z/OS writes them) and in CP850, through the built binary (npm run build:cli): the EBCDIC file is
 * recognised without --encodage, CP850 is read when asked for, and a forced encoding that cannot read the file is
 * refused in French, exit 2.
 */
const REEL = path.join(__dirname, "../fixtures/fec-reel/0000000001FEC20220831.txt");
const DEVIS = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const dossier = dossierTemporaire("prodbook-fec-pages-");
const texte = fs
  .readFileSync(REEL, "utf8")
  .replace(/^\ufeff/, "")
  .replace(/\r\n|\r/g, "\n");

function enEbcdic(t: string): Buffer {
  const inverse = new Map<string, number>();
  for (let o = 255; o >= 0; o--) if (o !== 0x25) inverse.set(TABLES_8_BITS.ebcdic[o], o);
  // « \n » is NL 0x15 (the first of the two record ends the table reads as a line end).
  return Buffer.from(Array.from(t, (c) => inverse.get(c)!));
}

type Json = { format: { encodage: string }; ecritures: number; debit: string; credit: string };
const json = (args: string[]): Json => {
  const r = binaire(args);
  expect([r.code, r.err]).toEqual([0, ""]);
  return JSON.parse(r.out) as Json;
};

describe("prodbook fec : EBCDIC et CP850", () => {
  let ebcdic: string;
  let cp850: string;
  let attendu: Json;
  beforeAll(() => {
    ebcdic = path.join(dossier(), "FEC-EBCDIC.txt");
    fs.writeFileSync(ebcdic, enEbcdic(texte));
    cp850 = path.join(dossier(), "FEC-DOS.txt");
    fs.writeFileSync(cp850, iconv.encode(texte, "cp850"));
    attendu = json(["fec", REEL, "--json"]);
  });

  test("un FEC EBCDIC est reconnu sans --encodage : mêmes écritures et totaux au centime que l'original", () => {
    const r = json(["fec", ebcdic, "--json"]);
    expect(r.format).toEqual({ ...attendu.format, encodage: "ebcdic" });
    expect([r.ecritures, r.debit, r.credit]).toEqual([attendu.ecritures, attendu.debit, attendu.credit]);
    expect(attendu.ecritures).toBe(5422);
    const t = binaire(["fec", ebcdic]);
    expect(espacesSimples(t.out)).toContain(
      "Format : séparateur tabulation, EBCDIC (IBM-1147, français), Debit/Credit",
    );
    // Forced under any of its names, the same reading.
    for (const nom of ["ebcdic", "EBCDIC", "ibm-1147"])
      expect(json(["fec", ebcdic, "--json", "--encodage", nom]).format).toEqual(r.format);
  });

  test("un autre encodage imposé sur le fichier EBCDIC : refus en français, code 2", () => {
    refus(
      binaire(["fec", ebcdic, "--encodage", "windows-1252"]),
      new RegExp(
        "^FEC-EBCDIC\\.txt\\s: Ligne 1\\s: le fichier est encodé en EBCDIC \\(IBM-1147, français\\)\\s: sa ligne " +
          "d'en-tête se lit dans ce jeu de caractères et n'a aucune lettre ASCII\\s; l'encodage Windows-1252 demandé ne peut pas le lire\\.",
      ),
    );
  });

  test("--encodage ebcdic sur un FEC ASCII : refus en français, code 2", () => {
    refus(
      binaire(["fec", REEL, "--encodage", "ebcdic"]),
      /^0000000001FEC20220831\.txt\s: Ligne 1\s: le fichier n'est pas encodé en EBCDIC \(IBM-1147, français\)\s: sa ligne d'en-tête se lit en ASCII/,
    );
  });

  test("--encodage cp850 lit un export DOS ; sans lui, le même fichier est lu en Windows-1252 (jamais deviné)", () => {
    const r = json(["fec", cp850, "--json", "--encodage", "cp850"]);
    expect(r.format).toEqual({ ...attendu.format, encodage: "cp850" });
    expect([r.ecritures, r.debit, r.credit]).toEqual([attendu.ecritures, attendu.debit, attendu.credit]);
    expect(json(["fec", cp850, "--json", "--encodage", "CP850"]).format.encodage).toBe("cp850");
    expect(json(["fec", cp850, "--json"]).format.encodage).toBe("windows-1252");
  });

  test("un FEC UTF-16 avec --encodage cp850 ou ebcdic : converti comme avec windows-1252, encodage UTF-16 nommé", () => {
    const utf16 = path.join(dossier(), "FEC-UTF16.txt");
    fs.writeFileSync(utf16, iconv.encode("\ufeff" + texte, "utf16le"));
    const temoin = json(["fec", utf16, "--json", "--encodage", "windows-1252"]);
    expect(temoin.format).toEqual({ ...attendu.format, encodage: "utf-16le" });
    for (const page of ["cp850", "ebcdic"]) {
      const r = json(["fec", utf16, "--json", "--encodage", page]);
      expect(r).toEqual(temoin);
      const t = binaire(["fec", utf16, "--encodage", page]);
      expect([t.code, t.err]).toEqual([0, ""]);
      expect(t.out).toBe(binaire(["fec", utf16, "--encodage", "windows-1252"]).out);
    }
  });

  test("prodbook ecarts lit le FEC EBCDIC et nomme son encodage", () => {
    const r = binaire(["ecarts", DEVIS, "--fec", ebcdic, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { grandLivre: { format: object } };
    expect(j.grandLivre.format).toMatchObject({
      encodage: "ebcdic",
      nomEncodage: "EBCDIC (IBM-1147, français)",
      encodageImpose: false,
    });
  });
});
