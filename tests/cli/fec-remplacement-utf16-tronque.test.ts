/**
 * Two files whose text was damaged before Prodbook read them, built from the real FEC
 * tests/fixtures/fec-reel/000000000FEC20231231.txt:
 *  - a UTF-8 FEC holding a « � » (U+FFFD) written as valid bytes EF BF BD (« Facture n� 12 », a « ° » lost by an earlier
 *    program): it used to be said « Octets invalides en UTF-8 […] Essayez l'encodage Windows-1252 », which is untrue
 *    (every byte is UTF-8) and wrong advice (read in Windows-1252 every accent breaks). It is now an alerte naming its
 *    line, the file read as UTF-8;
 *  - a UTF-16 FEC of an odd number of bytes (its last byte cut): it used to be given the same UTF-8 advice. It is now
 *    said to be truncated, its last byte not read, every line read.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { dossierTemporaire, espacesSimples, lancerCli, type ConstatJson } from "../helpers/cli";

const REEL = path.resolve(__dirname, "../fixtures/fec-reel/000000000FEC20231231.txt");
const dossier = dossierTemporaire("fec-remplacement-utf16-");
const lancer = async (args: string[]) => {
  const r = await lancerCli(main, args);
  return { ...r, out: espacesSimples(r.out), err: espacesSimples(r.err) };
};

interface FecJson {
  format: { encodage: string };
  lignesImportees: number;
  debit: string;
  credit: string;
  erreurs: unknown[];
  alertes: { ligne: number; message: string }[];
}

const REMPLACEMENT =
  "Caractère de remplacement « � » présent dans le fichier (le texte a déjà été abîmé par un logiciel précédent, " +
  "qui ne savait pas lire une lettre) : la ligne est lue telle quelle. Corrigez le libellé à la source si besoin.";

describe("FEC au texte déjà abîmé : « � » valide, UTF-16 tronqué", () => {
  let lignes: string[];
  let remplacement: string;
  let utf16: string;
  let devis: string;
  beforeAll(async () => {
    const texte = fs.readFileSync(REEL, "utf8");
    lignes = texte.split("\n");
    const champs = lignes[100].split("\t");
    champs[10] = "Facture n\ufffd 12";
    remplacement = path.join(dossier(), "remplacement.txt");
    fs.writeFileSync(
      remplacement,
      [...lignes.slice(0, 100), champs.join("\t"), ...lignes.slice(101)].join("\n"),
      "utf8",
    );
    expect(fs.readFileSync(remplacement).includes(Buffer.from([0x6e, 0xef, 0xbf, 0xbd, 0x20]))).toBe(true);
    const octets = Buffer.from(`\ufeff${texte}`, "utf16le");
    expect(octets.length % 2).toBe(0);
    utf16 = path.join(dossier(), "utf16-tronque.txt");
    fs.writeFileSync(utf16, octets.subarray(0, octets.length - 1));
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
  });

  it("fec : « � » en UTF-8 valide est une alerte à sa ligne, le fichier lu en UTF-8 (avant : « Octets invalides »)", async () => {
    const r = await lancer(["fec", remplacement, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as FecJson;
    expect([j.format.encodage, j.lignesImportees, j.debit, j.credit]).toEqual([
      "utf-8",
      2102,
      "1265350.82",
      "1265350.82",
    ]);
    expect(j.alertes).toEqual([{ ligne: 101, message: REMPLACEMENT }]);
    const t = await lancer(["fec", remplacement]);
    expect(t.out).toContain(`Ligne 101 : ${REMPLACEMENT[0].toLowerCase()}${REMPLACEMENT.slice(1)}`);
    expect(t.out + t.err).not.toMatch(/Octets invalides|Windows-1252/);
  });

  it("ecarts : la même alerte parmi les constats, à sa ligne", async () => {
    const r = await lancer(["ecarts", devis, "--fec", remplacement, "--json"]);
    expect(r.code).toBe(0);
    const messages = (JSON.parse(r.out) as { controles: ConstatJson[] }).controles.map((c) => c.message);
    expect(messages.filter((m) => m.includes("�"))).toEqual([
      `Ligne 101 : ${REMPLACEMENT[0].toLowerCase()}${REMPLACEMENT.slice(1)}`,
    ]);
  });

  it("fec : un UTF-16 au nombre d'octets impair est dit tronqué, toutes ses lignes lues (avant : conseil Windows-1252)", async () => {
    const r = await lancer(["fec", utf16, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as FecJson;
    expect([j.format.encodage, j.lignesImportees, j.debit, j.erreurs]).toEqual(["utf-16le", 2102, "1265350.82", []]);
    const octets = fs.statSync(utf16).size;
    expect(octets % 2).toBe(1);
    expect(j.alertes).toEqual([
      {
        ligne: 0,
        message:
          `Le fichier UTF-16LE a un nombre impair d'octets (${octets.toLocaleString("fr-FR").replace(/\s/g, " ")}) : ` +
          "son dernier octet ne forme pas un caractère et n'est pas lu. Le fichier semble tronqué (copie ou export " +
          "interrompu) : vérifiez sa dernière ligne ou demandez un nouvel export.",
      },
    ]);
    const t = await lancer(["fec", utf16]);
    expect(t.out).toContain("Le fichier UTF-16LE a un nombre impair d'octets");
    expect(t.out + t.err).not.toMatch(/Octets invalides|Windows-1252|�/);
  });
});
