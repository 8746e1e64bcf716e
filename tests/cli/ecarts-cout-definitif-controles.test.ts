import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { lireRecalcule, nombre, recalculerSansCache } from "../helpers/libreoffice";
import { lancerCli } from "../helpers/cli";

/**
 * The « Coût définitif » sheet written by `prodbook ecarts -o` lists the reconciliation's findings below its total,
 * the same list as the Écarts sheet's Contrôles section and the --json controles (computed once), as text: whoever
 * signs the coût définitif sees the rejected FEC lines, the accounts without poste, the correspondances file's
 * ignored columns and the hidden devis sheet read. On a real FEC (111111111FEC20221231.TXT, pipe, space-padded)
 * with one line an export cut short appended.
 */
const FIX = path.resolve(__dirname, "../fixtures");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-cout-definitif-"));

const lancer = (args: string[]) => lancerCli(main, args);

/** The rows under the « Contrôles » title of a written sheet: gravité, contrôle, cellule, message. */
function controlesEcrits(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const v = (r: number, c: number) => ws.getCell(r, c).value;
  let r = 1;
  while (r <= ws.rowCount && !String(v(r, 1) ?? "").startsWith("Contrôles")) r++;
  expect(r).toBeLessThanOrEqual(ws.rowCount);
  expect([1, 2, 3, 4].map((c) => v(r + 1, c))).toEqual(["Gravité", "Contrôle", "Cellule", "Message"]);
  const out: ExcelJS.CellValue[][] = [];
  for (r += 2; r <= ws.rowCount && v(r, 1) !== null; r++) out.push([1, 2, 3, 4].map((c) => v(r, c)));
  return out;
}

describe("prodbook ecarts -o : la feuille « Coût définitif » liste les constats du rapprochement", () => {
  const fec = path.join(dir, "111111111FEC20221231.TXT");
  const corr = path.join(dir, "=1+1 correspondances.csv");
  const devis = path.join(dir, "devis-masque.xlsx");
  const sortie = path.join(dir, "cout-definitif.xlsx");
  let json: { controles: { regle: string; gravite: string; message: string; cellule: string | null }[] };

  beforeAll(async () => {
    // The real export, and a last line cut before its amounts (rejected with its number: 936).
    const reel = fs.readFileSync(path.join(FIX, "fec-reel/111111111FEC20221231.TXT"));
    const coupee = "AC  |AC11|00009999|20221231|60100000|ACHATS MATIERES|";
    fs.writeFileSync(fec, Buffer.concat([reel, Buffer.from(`${coupee}\n`)]));
    // A correspondances file with a « Commentaire » column, under a name Excel would take for a formula.
    fs.copyFileSync(path.join(FIX, "fec/correspondances-commentaires.csv"), corr);
    // The devis sheet hidden behind a visible « Notes » sheet.
    const visible = path.join(dir, "devis.xlsx");
    await ecrireDevisTest(visible);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(visible);
    wb.addWorksheet("Notes").getCell("A1").value = "Notes de production";
    (wb.getWorksheet("Budget doc") as ExcelJS.Worksheet).state = "hidden";
    await wb.xlsx.writeFile(devis);
    const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", corr, "-o", sortie, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    json = JSON.parse(r.out);
  });

  test("les mêmes constats que « Écarts » et que --json controles, dans le même ordre, en texte", async () => {
    const regles = json.controles.map((c) => c.regle);
    expect(regles).toEqual(
      expect.arrayContaining([
        "lignes-fec-rejetees",
        "comptes-non-affectes",
        "correspondances-colonnes",
        "feuille-lue",
      ]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const cout = controlesEcrits(wb.getWorksheet("Coût définitif") as ExcelJS.Worksheet);
    expect(cout).toEqual(controlesEcrits(wb.getWorksheet("Écarts") as ExcelJS.Worksheet));
    expect(cout.map((l) => l[3])).toEqual(json.controles.map((c) => c.message));
    expect(cout.map((l) => l[2])).toEqual(json.controles.map((c) => c.cellule));
    const rejet = cout.find((l) => String(l[3]).includes("rejetée"))!;
    expect(rejet.slice(0, 2)).toEqual(["Erreur", "Lignes du FEC rejetées"]);
    expect(rejet[3]).toMatch(
      /^1\u00a0ligne du grand livre rejetée à la lecture, absente du réalisé : ligne 936 du FEC\./,
    );
    expect(cout.filter((l) => l[1] === "Comptes sans poste")).toHaveLength(1);
    expect(cout.filter((l) => l[1] === "Feuille lue")).toEqual([
      [
        "Info",
        "Feuille lue",
        null,
        "La feuille « Budget doc » est masquée dans le classeur ; c'est elle qui ressemble le plus à un devis et qui " +
          "est lue. Si le devis est dans une autre feuille, indiquez laquelle lire.",
      ],
    ]);
    // The file's name starts with « = »: its alertes stay text, never a formula.
    const colonnes = cout.filter((l) => l[1] === "Colonne ignorée (correspondances)");
    expect(colonnes.map((l) => String(l[3]).slice(0, 35))).toEqual([
      "=1+1 correspondances.csv, ligne 1 :",
      "=1+1 correspondances.csv, ligne 8 :",
    ]);
    for (const l of cout) for (const v of l) expect(v === null || typeof v === "string").toBe(true);
  });

  test("recalculée par LibreOffice sans résultats en cache : totaux du coût définitif intacts, constats restés du texte", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const cd = wb.getWorksheet("Coût définitif") as ExcelJS.Worksheet;
    let total = 0;
    cd.eachRow((row, n) => {
      if (row.getCell(1).value === "Total") total = n;
    });
    expect(cd.getCell(`D${total}`).value).toMatchObject({ formula: `SUM(D5:D${total - 1})` });
    const lu = await lireRecalcule(await recalculerSansCache(sortie));
    const cdLu = lu.getWorksheet("Coût définitif") as ExcelJS.Worksheet;
    const somme = Array.from({ length: total - 5 }, (_, i) => nombre(cdLu.getCell(`D${5 + i}`))).reduce(
      (a, b) => a + b,
    );
    expect(nombre(cdLu.getCell(`D${total}`))).toBeCloseTo(somme, 2);
    expect(nombre(cdLu.getCell(`E${total}`))).toBeCloseTo(somme - nombre(cdLu.getCell(`C${total}`)), 2);
    const apres = controlesEcrits(cdLu);
    expect(apres.map((l) => l[3])).toEqual(json.controles.map((c) => c.message));
  }, 240000);
});
