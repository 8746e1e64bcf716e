import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";

const DOSSIER = path.resolve(__dirname, "../fixtures/fec-reel");

const lancer = (args: string[]) => lancerCli(main, args);

describe("prodbook fec", () => {
  test("--json : exactement les champs du contrat, sur un FEC réel", async () => {
    const r = await lancer(["fec", path.join(DOSSIER, "0000000001FEC20220831.txt"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual([
      "alertes",
      "aucuneLigneLue",
      "comptes",
      "credit",
      "debit",
      "doublons",
      "ecritures",
      "ecrituresDistinctes",
      "entetesRepetes",
      "erreurs",
      "format",
      "lignesImportees",
      "montantsNegatifs",
      "parClasse",
    ]);
    expect(j.format).toEqual({ separateur: "tab", encodage: "utf-8", montants: "debit-credit", colonnes: 18 });
    // ecritures and lignesImportees count lines; 2 033 distinct JournalCode + EcritureNum (counted by awk).
    expect([j.ecritures, j.lignesImportees, j.ecrituresDistinctes]).toEqual([5422, 5422, 2033]);
    expect(j.debit).toBe("10186219.81");
    expect(j.credit).toBe(j.debit);
    expect(j.comptes).toBe(153);
    expect(j.parClasse["6"]).toEqual({ debit: "963148.11", credit: "66157.09" });
    expect(j.erreurs).toEqual([]);
    // Added fields (December 2026): no header met again, no entry listed twice in this real export.
    expect([j.entetesRepetes, j.doublons]).toEqual([[], null]);
  });

  test("FEC « | » en windows-1252 forcé, lignes rejetées et alertes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fec-cli-"));
    const f = path.join(dir, "123FEC20241231.txt");
    const entete =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Montant|Sens|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
    const lignes = [
      entete,
      "AC|Achats|VT-0042|20240105|606400|Fournitures|||F1|20240105|Café été|100,00|D|||20240110||",
      "AC|Achats|VT-0042|20240105|401000|Fournisseurs|||F1|20240105|Café été|90,00|C|||20240110||",
      "AC|Achats|VT-0043|20240231|606400|Fournitures|||F2|20240105|Date impossible|10,00|D|||20240110||",
    ];
    fs.writeFileSync(f, Buffer.from(lignes.join("\r\n") + "\r\n", "latin1"));
    const r = await lancer(["fec", f, "--encodage", "windows-1252", "--json"]);
    // A rejected line is part of the result (exit 0, as the README says); --strict makes it exit 1.
    expect(r.code).toBe(0);
    expect((await lancer(["fec", f, "--strict"])).code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.format).toEqual({ separateur: "pipe", encodage: "windows-1252", montants: "montant-sens", colonnes: 18 });
    expect([j.ecritures, j.ecrituresDistinctes]).toEqual([2, 1]);
    expect(j.erreurs).toEqual([{ ligne: 4, message: expect.stringContaining("EcritureDate « 20240231 »") }]);
    expect(j.alertes).toEqual([
      { ligne: 2, ecritureNum: "VT-0042", message: expect.stringContaining("déséquilibrée") },
    ]);
    // The text says the alerte as the pane does: « Ligne 2 : écriture … », capital first, lower case after.
    const texte = (await lancer(["fec", f, "--encodage", "windows-1252"])).out;
    expect(texte).toMatch(/\n {4}Ligne 2\s:\sécriture AC VT-0042 déséquilibrée/u);
    expect(texte).not.toMatch(/\n {4}ligne 2\s:/u);
  });

  test("grand livre CSV « ; » : colonnes devinées ou données par --colonnes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fec-cli-"));
    const f = path.join(dir, "grand-livre-sage.csv");
    fs.writeFileSync(
      f,
      "Date;Compte;Libellé;Débit;Crédit\n05/01/2024;613500;Caméra;1 200,00;\n05/01/2024;401000;Caméra;;1 200,00\n31/06/2024;625100;Date fausse;10,00;\n",
    );
    const r = await lancer(["fec", f, "--json"]);
    const j = JSON.parse(r.out);
    expect([r.code, j.ecritures, j.debit, j.format.separateur]).toEqual([0, 2, "1200.00", "point-virgule"]);
    expect(j.ecrituresDistinctes).toBeNull(); // neither journal number nor piece column
    expect(j.erreurs).toEqual([
      { ligne: 4, message: "Ligne 4 rejetée : date « 31/06/2024 » invalide (attendu JJ/MM/AAAA)." },
    ]);
    const m = path.join(dir, "colonnes.json");
    fs.writeFileSync(
      m,
      JSON.stringify({
        separateur: ";",
        colonnes: { compte: "Compte", date: "Date", debit: "Débit", credit: "Crédit" },
      }),
    );
    const avec = JSON.parse((await lancer(["fec", f, "--colonnes", m, "--json"])).out);
    expect(avec.ecritures).toBe(2);
    fs.writeFileSync(m, "{ pas du json");
    const mauvais = await lancer(["fec", f, "--colonnes", m]);
    expect([mauvais.code, mauvais.err]).toEqual([2, expect.stringContaining("Correspondance de colonnes illisible")]);
  });

  test("FEC en UTF-16 (export Windows « Unicode ») : lu, encodage nommé dans le JSON et le résumé", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fec-cli-"));
    const f = path.join(dir, "111111111FEC20221231-utf16.txt");
    const texte = fs.readFileSync(path.join(DOSSIER, "111111111FEC20221231.TXT"), "utf8");
    fs.writeFileSync(f, Buffer.from("\ufeff" + texte, "utf16le"));
    const r = await lancer(["fec", f, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.format).toEqual({ separateur: "pipe", encodage: "utf-16le", montants: "debit-credit", colonnes: 18 });
    expect([j.ecritures, j.ecrituresDistinctes, j.erreurs]).toEqual([934, 248, []]);
    const be = path.join(dir, "sans-bom-be.txt");
    fs.writeFileSync(be, Buffer.from(texte, "utf16le").swap16());
    expect((await lancer(["fec", be])).out).toContain(
      "Format\u00a0: séparateur «\u00a0|\u00a0», UTF-16BE, Debit/Credit",
    );
  });

  test("texte lisible sans --json", async () => {
    const r = await lancer(["fec", path.join(DOSSIER, "111111111FEC20221231.TXT")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Lignes importées\u00a0: 934 sur 934\u00a0lignes de données (0\u00a0rejetée), 248\u00a0écritures",
    );
    expect(r.out).toContain("(équilibré)");
  });

  test("fichier absent, pas un FEC, encodage inconnu : message français, code 2", async () => {
    const absent = await lancer(["fec", "nulle-part.txt"]);
    expect(absent.code).toBe(2);
    expect(absent.err).toContain("Fichier introuvable");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fec-cli-"));
    const f = path.join(dir, "pasunfec.csv");
    fs.writeFileSync(f, "Compte;Date;Débit\n606;01/01/2024;12,00\n");
    const pas = await lancer(["fec", f, "--json"]);
    expect(pas.code).toBe(2);
    expect(pas.err).toMatch(
      /pasunfec\.csv\u00a0: ni FEC \(séparateur tabulation ou «\u00a0\|\u00a0»\) ni grand livre CSV reconnu/,
    );
    expect(pas.out).toBe("");
    const enc = await lancer(["fec", f, "--encodage", "latin9"]);
    expect(enc.code).toBe(2);
    expect(enc.err).toContain("--encodage");
  });
});
