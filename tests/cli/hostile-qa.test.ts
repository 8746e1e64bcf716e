import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * A new user's and a hostile tester's inputs to the CLI (real .xlsx written here with ExcelJS): every amount
 * the import reads is accounted for by `devis.conservation`, and bad input gives a French message, exit 2 and
 * nothing written.
 */
const dossier = dossierTemporaire("prodbook-hostile-qa-");

const ENTETE = ["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"];

async function devisXlsx(nom: string, lignes: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  ws.addRow(ENTETE);
  for (const l of lignes) ws.addRow(l);
  const chemin = path.join(dossier(), nom);
  await wb.xlsx.writeFile(chemin);
  return chemin;
}

interface DevisJson {
  devis: {
    total: string;
    lignes: number;
    conservation: { lu: string; lignes: string; ecart: string; cellules: { lues: number }; nonComptees: unknown[] };
  };
}

describe("devis : conservation de tout montant lu", () => {
  it("un montant en texte précédé d'une apostrophe (« '5000 ») compté dans le total l'est aussi dans la conservation", async () => {
    const f = await devisXlsx("apostrophe.xlsx", [
      [null, "PERSONNEL"],
      ["21", "Réalisateur", null, null, null, "'5000"],
      ["22", "Scripte", null, null, null, "'2 000,50"],
      ["23", "Chef opérateur", null, null, null, "1 000 EUR."],
    ]);
    const r = await lancerCli(main, ["devis", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as DevisJson;
    expect(j.devis.total).toBe("8000.50");
    // Before: « lu » 0,00 € over 0 cells while the total counted 8 000,50 € (the cells were invisible to it).
    expect(j.devis.conservation).toMatchObject({ lu: "8000.50", lignes: "8000.50", ecart: "0.00", nonComptees: [] });
    expect(j.devis.conservation.cellules.lues).toBe(3);
  });
});

describe("-o : un chemin de sortie impossible est refusé avant tout travail, en français, rien d'écrit", () => {
  const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

  it("dans un dossier qui n'existe pas : code 2, le dossier n'est pas créé", async () => {
    const absent = path.join(dossier(), "absent");
    const sortie = path.join(absent, "sortie.xlsx");
    const r = await lancerCli(main, ["devis", EXEMPLE, "-o", sortie]);
    // Before: exit 0, the folder made silently (and left behind when a later step failed).
    expect([r.code, r.out, r.err]).toEqual([
      2,
      "",
      `Écriture impossible de «\u00a0${sortie}\u00a0»\u00a0: dossier «\u00a0${absent}\u00a0» introuvable.`,
    ]);
    expect(existsSync(absent)).toBe(false);
  });

  it("sous un fichier pris pour un dossier : code 2, message français (pas « erreur système EEXIST »)", async () => {
    const fichier = path.join(dossier(), "note.txt");
    await fs.writeFile(fichier, "x");
    const sortie = path.join(fichier, "sortie.xlsx");
    const r = await lancerCli(main, [
      "financement",
      path.join(__dirname, "../fixtures/financement/fiction.xlsx"),
      "-o",
      sortie,
    ]);
    expect([r.code, r.out, r.err]).toEqual([
      2,
      "",
      `Écriture impossible de «\u00a0${sortie}\u00a0»\u00a0: «\u00a0${fichier}\u00a0» est un fichier, pas un dossier.`,
    ]);
  });

  it("un dossier nommé .xlsx : code 2 avant la lecture", async () => {
    const rep = path.join(dossier(), "rep.xlsx");
    await fs.mkdir(rep);
    const r = await lancerCli(main, ["devis", EXEMPLE, "-o", rep]);
    expect([r.code, r.out, r.err]).toEqual([
      2,
      "",
      `Écriture impossible de «\u00a0${rep}\u00a0»\u00a0: c'est un dossier.`,
    ]);
  });
});

describe("fichiers texte nommés par une option (--colonnes, --correspondances, le FEC) : message français, code 2", () => {
  const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
  const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
  const CORRESPONDANCES = path.join(__dirname, "../fixtures/fec/correspondances.csv");
  /** Node's, JSON.parse's or a library's English text. */
  const ANGLAIS = /ENOENT|EISDIR|no such file|Unexpected|Expected|JSON at|position \d/;

  it.each([
    ["absent", () => path.join(dossier(), "absent.json"), "fichier introuvable"],
    ["un dossier", () => dossier(), "c'est un dossier"],
    ["un classeur .xlsx", () => EXEMPLE, "c'est un classeur Excel (.xlsx)"],
  ])("--colonnes %s", async (_cas, chemin, raison) => {
    const r = await lancerCli(main, ["fec", FEC, "--colonnes", chemin()]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(
      raison === "fichier introuvable"
        ? `Fichier introuvable\u00a0: «\u00a0${chemin()}\u00a0» (correspondance de colonnes).`
        : `Correspondance de colonnes illisible (${chemin()})\u00a0: ${raison}` +
            (raison.startsWith("c'est un classeur")
              ? ", pas un fichier texte\u00a0: ouvrez-le dans Excel et enregistrez-le en texte (Fichier › Enregistrer sous › " +
                "Texte (séparateur\u00a0: tabulation) ou CSV)."
              : "."),
    );
  });

  it("--colonnes dont le JSON est cassé : la ligne, pas le texte anglais de JSON.parse", async () => {
    const json = path.join(dossier(), "colonnes.json");
    await fs.writeFile(json, '{\n  "separateur": ";",\n  "colonnes": { "compte": "Compte", }\n}\n');
    const r = await lancerCli(main, ["fec", FEC, "--colonnes", json]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(`Correspondance de colonnes illisible (${json})\u00a0: ce n'est pas du JSON valide (ligne 3).`);
  });

  it.each([
    // Before: « Fichier de correspondances introuvable » for a folder that exists.
    ["un dossier", () => dossier(), /^Fichier de correspondances illisible \(.+\)\u00a0: c'est un dossier\.$/],
    // Before: « ligne 27 : guillemet non fermé… », the zip read as a CSV.
    [
      "un classeur .xlsx",
      () => EXEMPLE,
      /^Fichier de correspondances illisible \(.+\)\u00a0: c'est un classeur Excel \(\.xlsx\)/,
    ],
  ])("ecarts --correspondances %s", async (_cas, chemin, message) => {
    const sortie = path.join(dossier(), "ecarts-jamais.xlsx");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", chemin(), "-o", sortie]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(ANGLAIS);
    expect(existsSync(sortie)).toBe(false);
  });

  it("un classeur .xlsx donné pour FEC est nommé comme tel (pas « en-tête sans séparateur tabulation »)", async () => {
    for (const args of [
      ["fec", EXEMPLE],
      ["ecarts", EXEMPLE, "--fec", EXEMPLE, "--correspondances", CORRESPONDANCES],
    ]) {
      const r = await lancerCli(main, args);
      expect([r.code, r.out]).toEqual([2, ""]);
      expect(r.err).toMatch(
        /devis-producteur\.xlsx n'est pas un FEC lisible\u00a0: c'est un classeur Excel \(\.xlsx\)/,
      );
    }
  });
});

describe("FEC enregistré avec « ; » au lieu de la tabulation", () => {
  const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");

  it("ses dates AAAAMMJJ sont lues (avant : les 23 lignes rejetées, « attendu JJ/MM/AAAA », code 0)", async () => {
    const csv = path.join(dossier(), "fec-point-virgule.txt");
    await fs.writeFile(csv, (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { lignesImportees: number; debit: string; credit: string; erreurs: unknown[] };
    expect([j.lignesImportees, j.debit, j.credit, j.erreurs]).toEqual([23, "47112.65", "47112.65", []]);
  });

  it("une date JJ/MM/AAAA parmi elles : rien n'est deviné, les dates AAAAMMJJ sont rejetées avec leur ligne", async () => {
    const csv = path.join(dossier(), "fec-dates-melangees.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";").split("\n");
    lignes[1] = lignes[1].replace(";20240110;", ";10/01/2024;");
    await fs.writeFile(csv, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    const j = JSON.parse(r.out) as { lignesImportees: number; erreurs: { ligne: number; message: string }[] };
    expect(j.lignesImportees).toBe(1);
    expect(j.erreurs).toHaveLength(22);
    expect(j.erreurs[0].message).toMatch(/date « 20240110 » invalide \(attendu JJ\/MM\/AAAA\)/);
  });
});

describe("une option donnée vide (variable du shell non définie) n'est pas une option absente", () => {
  const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

  it.each([
    [["devis", EXEMPLE, "--feuille", ""], "--feuille"],
    [["devis", EXEMPLE, "--feuille="], "--feuille"],
    [["planning", path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx"), "--feuille", ""], "--feuille"],
    [["devis", EXEMPLE, "-o", ""], "-o"],
  ])("%j", async (args, option) => {
    const r = await lancerCli(main, args);
    // Before: `--feuille ""` ran on the sheet Prodbook found by itself, exit 0.
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(
      new RegExp(
        `^Arguments invalides\u00a0: l'option «\u00a0${option}\u00a0» attend une valeur, reçu une valeur vide\\.`,
      ),
    );
  });
});
