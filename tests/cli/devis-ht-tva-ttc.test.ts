import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { devisBinaire } from "../helpers/cli";

/**
 * Issue 10 §3 through the built binary (npm run build:cli) on a committed supplier devis
 * (tests/fixtures/devis-taxes/generer.js): « Montant HT | TVA | Montant TTC », HT and TVA as formulas with their
 * cached results, three lines whose TTC is not HT + TVA. The HT is counted and said so in the conservation; each
 * inconsistent line is a finding naming its three cells and amounts.
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-taxes/devis-ht-tva-ttc.xlsx");
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const devis = (...opts: string[]) => devisBinaire(FICHIER, ...opts);

const ATTENDUS = [
  [
    "Devis!G4",
    "Devis!E4 + F4 ≠ G4 « Location caméra » : HT 1 000,00 € + TVA 200,00 € ≠ TTC 1 250,00 € (écart 50,00 €) ; " +
      "le devis compte le HT 1 000,00 €.",
  ],
  [
    "Devis!G7",
    "Devis!E7 + F7 ≠ G7 « Montage — station » : HT 100,00 € + TVA 20,00 € ≠ TTC 120,01 € (écart 0,01 €) ; " +
      "le devis compte le HT 100,00 €.",
  ],
  [
    "Devis!G8",
    "Devis!E8 + F8 ≠ G8 « Mixage auditorium » : HT 600,00 € + TVA 0,00 € ≠ TTC 720,00 € (écart 120,00 €) ; " +
      "le devis compte le HT 600,00 €.",
  ],
];

describe("prodbook devis : HT + TVA = TTC sur chaque ligne d'un devis à trois colonnes de montant", () => {
  it("--json : le HT est compté, la conservation nomme la colonne lue, trois lignes incohérentes nommées", () => {
    const r = devis("--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("3934.56");
    expect(j.devis.conservation).toMatchObject({
      colonne: "E",
      lu: "7869.12",
      lignes: "3934.56",
      totauxProuves: "3934.56",
      ecart: "0.00",
      nonComptees: [],
      colonneMontant: {
        retenue: { colonne: "E", cellule: "Devis!E3", entete: "Montant HT", nature: "ht" },
        ecartees: [
          { colonne: "F", cellule: "Devis!F3", entete: "TVA", nature: "tva" },
          { colonne: "G", cellule: "Devis!G3", entete: "Montant TTC", nature: "ttc" },
        ],
      },
    });
    const trouves = j.controles.filter((c: { regle: string }) => c.regle === "ht-tva-ttc");
    // Machinerie (float results of its formulas) and Éclairage (TTC = E6+F6) add up: no finding.
    expect(trouves.map((c: { cellule: string; message: string }) => [c.cellule, sp(c.message)])).toEqual(ATTENDUS);
    expect(trouves.every((c: { gravite: string }) => c.gravite === "alerte")).toBe(true);
  });

  it("texte : la conservation dit la colonne lue et les constats donnent les trois montants", () => {
    const r = devis();
    expect(r.code).toBe(0);
    const out = sp(r.out);
    expect(out).toContain(
      "Montants lus (colonne E « Montant HT », hors taxes ; F « TVA » et G « Montant TTC » non comptées) : " +
        "7 869,12 € = lignes placées 3 934,56 € + totaux prouvés 3 934,56 €",
    );
    // The finding by its French title; its id is for --json only.
    for (const [, message] of ATTENDUS) expect(out).toContain(`[alerte] HT + TVA ≠ TTC — ${message}`);
    expect(out).not.toContain("ht-tva-ttc");
  });

  it("--strict : des alertes seules laissent le code de sortie à 0", () => {
    expect(devis("--strict", "--json").code).toBe(0);
  });

  it("-o : la feuille Contrôles dit la colonne lue et liste les trois lignes sous leur titre français", async () => {
    const sortie = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-ht-tva-ttc-")), "sortie.xlsx");
    expect(devis("-o", sortie).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Contrôles")!;
    expect(sp(String(ws.getCell("A3").value))).toMatch(
      /^Montants lus \(colonne E « Montant HT », hors taxes ; F « TVA »/,
    );
    const lignes: [unknown, string][] = [];
    const legende: string[] = [];
    ws.eachRow((row) => {
      if (row.getCell(2).value !== "HT + TVA ≠ TTC") return;
      if (row.getCell(1).value === null) legende.push(String(row.getCell(3).value));
      else lignes.push([row.getCell(1).value, sp(String(row.getCell(3).value))]);
    });
    // Under the findings, the legend says what the check is.
    expect(legende).toEqual([
      "Quand le devis a des colonnes HT, TVA et TTC, chaque ligne vérifie HT + TVA = TTC au centime près.",
    ]);
    expect(lignes).toEqual(ATTENDUS.map(([, message]) => ["alerte", message]));
  });
});
