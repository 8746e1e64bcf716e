import ExcelJS from "exceljs";
import { existsSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";
import { binaire, espacesSimples, lancerCli } from "../helpers/cli";

/**
 * A « Versions » sheet whose amount cell holds a formula saved without its result (the workbook written by a tool
 * that does not compute, here ExcelJS): refused in French, the cell and the formula named with what to do (open and
 * save in Excel or LibreOffice), exit 2, nothing written — not « la cellule est vide ». A formula whose saved result
 * is 0 (which ExcelJS's cell value drops) is read as 0, not as a missing result.
 */
const lancer = (args: string[]) => lancerCli(main, args, { espaces: "simples" });

/** `source` with cells of its « Versions » sheet set, written by ExcelJS (which computes no formula). */
async function avecFormules(source: string, sortie: string, cellules: Record<string, ExcelJS.CellValue>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.getWorksheet("Versions")!;
  for (const [ref, v] of Object.entries(cellules)) ws.getCell(ref).value = v;
  await wb.xlsx.writeFile(sortie);
}

let dir: string;
let v2: string;
let total: { [nom: string]: string };
let montantM2: number;
beforeAll(async () => {
  dir = await dossierTemp("prodbook-cli-versions-formule-");
  ({ v2 } = await deuxVersions(dir));
  const r = await lancer(["versions", "lister", v2, "--json"]);
  expect(r.code).toBe(0);
  total = Object.fromEntries(
    (JSON.parse(r.out).versions as { nom: string; total: string }[]).map((v) => [v.nom, v.total]),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(v2);
  const ws = wb.getWorksheet("Versions")!;
  // Row 2: the first line of « Devis initial » (1.1, droits d'auteur).
  expect([ws.getCell("A2").value, ws.getCell("G2").value]).toEqual(["Devis initial", "1.1"]);
  montantM2 = ws.getCell("M2").value as number;
  expect(montantM2).toBe(12000);
});

describe("versions : une formule sans résultat dans la feuille « Versions »", () => {
  it("est nommée comme telle (cellule, formule, que faire), exit 2, rien d'écrit", async () => {
    const f = path.join(dir, "sans-resultat.xlsx");
    await avecFormules(v2, f, { M2: { formula: "I2*L2" } as ExcelJS.CellFormulaValue });
    // The file holds the formula and no cached result, as a tool that does not compute writes it.
    const relu = new ExcelJS.Workbook();
    await relu.xlsx.readFile(f);
    expect(relu.getWorksheet("Versions")!.getCell("M2").result).toBeUndefined();
    const attendu =
      "Version « Devis initial » : la cellule Versions!M2 contient la formule =I2*L2 enregistrée sans son résultat";
    const commandes = [
      ["versions", "lister", f, "--json"],
      ["versions", "comparer", f, "--de", "Devis initial", "--a", "Dépôt agrément", "--json"],
      ["versions", "comparer", f, "--de", "Devis initial", "--a", "Dépôt agrément", "-o", path.join(dir, "c.xlsx")],
      ["versions", "enregistrer", f, "--nom", "Tournage", "--date", "2026-12-01", "-o", path.join(dir, "e.xlsx")],
    ];
    for (const c of commandes) {
      const r = await lancer(c);
      expect({ commande: c.slice(0, 2), code: r.code }).toEqual({ commande: c.slice(0, 2), code: 2 });
      expect(r.err).toContain(attendu);
      expect(r.err).toContain("ouvrez-le dans Excel ou LibreOffice et enregistrez-le, puis relancez");
      expect(r.err).not.toMatch(/est vide|Erreur interne|Error/);
      expect(r.out).toBe("");
    }
    expect(existsSync(path.join(dir, "c.xlsx"))).toBe(false);
    expect(existsSync(path.join(dir, "e.xlsx"))).toBe(false);
  });

  it("une formule dont le résultat enregistré est 0 se lit 0 (pas comme un résultat manquant)", async () => {
    const f = path.join(dir, "resultat-zero.xlsx");
    await avecFormules(v2, f, { M2: { formula: "0*L2", result: 0 } as ExcelJS.CellFormulaValue });
    // ExcelJS's value drops the result 0; the file has it (<v>0</v>), its public `result` too.
    const relu = new ExcelJS.Workbook();
    await relu.xlsx.readFile(f);
    expect(relu.getWorksheet("Versions")!.getCell("M2").result).toBe(0);
    const r = await lancer(["versions", "lister", f, "--json"]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const lus = Object.fromEntries(
      (JSON.parse(r.out).versions as { nom: string; total: string }[]).map((v) => [v.nom, v.total]),
    );
    expect(lus["Devis initial"]).toBe((Number(total["Devis initial"]) - montantM2).toFixed(2));
    expect(lus["Dépôt agrément"]).toBe(total["Dépôt agrément"]);
    const c = await lancer(["versions", "comparer", f, "--de", "Devis initial", "--a", "Dépôt agrément", "--json"]);
    expect(c.code).toBe(0);
    const j = JSON.parse(c.out);
    // Line 1.1 now reads 0,00 € in « Devis initial » and 12 000,00 € in « Dépôt agrément »: a change of +12 000 €.
    expect(j.lignes.find((l: { code: string | null }) => l.code === "1.1")).toMatchObject({
      statut: "modifiee",
      de: "0.00",
      a: "12000.00",
      delta: "12000.00",
    });
  });
});

/** Column B of the « Versions » sheet: the version's date. */
const COL_DATE = 2;

describe("versions par bin/prodbook.js : nom de version en formule sans résultat, date écrite en mots", () => {
  const cli = (args: string[]) => {
    const r = binaire(args);
    return { ...r, err: espacesSimples(r.err) };
  };

  it("un nom de version donné par une formule sans résultat est nommé comme tel, pas « pas de nom de version »", async () => {
    const f = path.join(dir, "nom-sans-resultat.xlsx");
    await avecFormules(v2, f, { A2: { formula: 'SI(1;"Devis initial";"")' } as ExcelJS.CellFormulaValue });
    const r = cli(["versions", "lister", f, "--json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "La ligne 2 de la feuille « Versions » : la cellule Versions!A2 contient la formule " +
        '=SI(1;"Devis initial";"") enregistrée sans son résultat',
    );
    expect(r.err).not.toMatch(/pas de nom de version|Erreur interne/);
    expect(r.out).toBe("");
  });

  it("une date de version écrite en mots (« 15 avril 2026 ») se lit ; un jour de la semaine faux est nommé", async () => {
    const f = path.join(dir, "date-en-mots.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(v2);
    const ws = wb.getWorksheet("Versions")!;
    const lignes: number[] = [];
    ws.eachRow((row, r) => {
      if (r > 1 && row.getCell(1).value === "Devis initial") lignes.push(r);
    });
    for (const r of lignes) ws.getCell(r, COL_DATE).value = "15 avril 2026";
    await wb.xlsx.writeFile(f);
    const r = cli(["versions", "lister", f, "--json"]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const v = (JSON.parse(r.out).versions as { nom: string; date: string }[]).find((x) => x.nom === "Devis initial");
    expect(v!.date).toBe("2026-04-15");
    for (const r2 of lignes) ws.getCell(r2, COL_DATE).value = "lundi 15 avril 2026";
    const g = path.join(dir, "date-jour-faux.xlsx");
    await wb.xlsx.writeFile(g);
    const e = cli(["versions", "lister", g, "--json"]);
    expect(e.code).toBe(2);
    expect(e.err).toContain(`contient « lundi 15 avril 2026 », une date est attendue`);
    expect(e.err).not.toMatch(/Erreur interne/);
  });
});
