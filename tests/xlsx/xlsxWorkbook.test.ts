import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { FichierIllisibleError } from "../../src/xlsx/read";
import { ConflitFeuilleError, type SheetSpec } from "../../src/core/port/workbook";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-xlsx-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function fichierUtilisateur(nom: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Budget").addRows([
    ["Poste", "Montant"],
    ["Régie", 1200],
  ]);
  wb.addWorksheet("Notes").getCell("A1").value = "libre";
  const p = path.join(dir, nom);
  await wb.xlsx.writeFile(p);
  return p;
}

const specDevis = (n = 3): SheetSpec => ({
  name: "Devis",
  rows: [
    ["Code", "Libellé", "Qté", "Taux", "Montant", "Date"],
    ...Array.from({ length: n }, (_, i) => [
      `2.${i + 1}`,
      i === 0 ? "=SUM(A1)" : i === 1 ? "+33 6 12 34 56 78" : "@chef -op",
      2,
      100 + i,
      { formula: `C${i + 2}*D${i + 2}`, result: 2 * (100 + i) },
      { date: "2025-03-0" + (i + 1) },
    ]),
    ["-total", null, null, null, { formula: `SUBTOTAL(109,E2:E${n + 1})`, result: 2 * (300 + 3) }, null],
  ],
  columns: [
    { width: 8 },
    { width: 30 },
    {},
    { numFmt: "#,##0.00 €" },
    { numFmt: "#,##0.00 €" },
    { numFmt: "dd/mm/yyyy" },
  ],
  formats: [
    { range: "A1:F1", bold: true, fill: "#DDEEFF", align: "center", wrap: true },
    { range: `A${n + 2}:F${n + 2}`, borderTop: true, italic: true, fontColor: "#C00000" },
  ],
  tables: [{ name: "tblDevis", range: `A1:F${n + 2}`, style: "TableStyleMedium2", showTotals: true }],
  validations: [
    { range: `C2:C${n + 1}`, list: ["1", "2", "3"], prompt: "Quantité" },
    { range: `B2:B${n + 1}`, list: { source: "=Listes!$A$1:$A$3" }, strict: false },
  ],
  conditionalFormats: [{ range: `E2:E${n + 1}`, formula: "E2>200", fill: "#FFC7CE", fontColor: "#9C0006", bold: true }],
  freeze: { rows: 1, columns: 1 },
  tabColor: "#1F4E79",
  print: { landscape: true, repeatRows: 1, fitToWidth: true },
  charts: [
    {
      type: "column",
      title: "Montants par poste",
      categories: `Devis!$A$2:$A$${n + 1}`,
      series: [{ name: "Montant", values: `Devis!$E$2:$E$${n + 1}` }],
      anchor: "H2",
    },
  ],
});
const specListes: SheetSpec = { name: "Listes", rows: [["a"], ["b"], ["c"]], hidden: true };

describe("XlsxWorkbook", () => {
  it("opens a missing or non-xlsx file with a French error naming it", async () => {
    await expect(XlsxWorkbook.ouvrir(path.join(dir, "absent.xlsx"))).rejects.toThrow(/« absent.xlsx ».*introuvable/);
    const faux = path.join(dir, "faux.xlsx");
    await fs.writeFile(faux, "Code;Montant\n1;2\n");
    await expect(XlsxWorkbook.ouvrir(faux)).rejects.toBeInstanceOf(FichierIllisibleError);
  });

  it("writes text, formulas, dates and reads them back identically after saving", async () => {
    const src = await fichierUtilisateur("u1.xlsx");
    const wb = await XlsxWorkbook.ouvrir(src);
    await wb.writeSheets([specListes, specDevis()]);
    const out = path.join(dir, "u1-out.xlsx");
    await wb.enregistrer(out);
    const relu = await XlsxWorkbook.ouvrir(out);
    expect(await relu.listSheets()).toEqual(["Budget", "Notes", "Listes", "Devis"]);
    expect(await relu.feuillesProdbook()).toEqual(["Listes", "Devis"]);
    const d = (await relu.readSheet("Devis"))!;
    expect(d.rows[1][1]).toEqual({ v: "=SUM(A1)" });
    expect(d.rows[2][1]).toEqual({ v: "+33 6 12 34 56 78" });
    expect(d.rows[3][1]).toEqual({ v: "@chef -op" });
    expect(d.rows[4][0]).toEqual({ v: "-total" });
    expect(d.rows[1][4]).toMatchObject({ v: 200, f: "C2*D2", fmt: "#,##0.00 €" });
    expect(d.rows[1][5]).toMatchObject({ v: "2025-03-01", fmt: "dd/mm/yyyy" });
    expect(d.rows[4][4]).toMatchObject({ f: "SUBTOTAL(109,E2:E4)", v: 606 });
    // The user's sheets are unchanged.
    expect((await relu.readSheet("Budget"))!.rows).toEqual([
      [{ v: "Poste" }, { v: "Montant" }],
      [{ v: "Régie" }, { v: 1200 }],
    ]);

    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(out);
    const ws = x.getWorksheet("Devis")!;
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A5").border?.top?.style).toBe("thin");
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(ws.properties.tabColor?.argb).toBe("FF1F4E79");
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(x.getWorksheet("Listes")!.state).toBe("hidden");
    expect(x.getWorksheet("_prodbook")!.state).toBe("veryHidden");
  });

  it("refuses to overwrite a user sheet", async () => {
    const wb = await XlsxWorkbook.ouvrir(await fichierUtilisateur("u2.xlsx"));
    await expect(wb.writeSheets([{ name: "budget", rows: [["x"]] }])).rejects.toBeInstanceOf(ConflitFeuilleError);
    await expect(wb.writeSheets([{ name: "Notes", rows: [["x"]] }])).rejects.toThrow(/Notes/);
  });

  it("replaces its own sheet at the same tab position; running twice gives the same sheets", async () => {
    const src = await fichierUtilisateur("u3.xlsx");
    const un = path.join(dir, "u3-a.xlsx"),
      deux = path.join(dir, "u3-b.xlsx");
    let wb = await XlsxWorkbook.ouvrir(src);
    await wb.writeSheets([
      { name: "Devis", rows: [["v1"]] },
      { name: "Synthèse", rows: [["s"]] },
    ]);
    await wb.enregistrer(un);
    // The user moves nothing, but adds a sheet after ours.
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(un);
    x.addWorksheet("Après").getCell("A1").value = "u";
    await x.xlsx.writeFile(un);
    wb = await XlsxWorkbook.ouvrir(un);
    await wb.writeSheets([
      { name: "Devis", rows: [["v2"]] },
      { name: "Synthèse", rows: [["s2"]] },
    ]);
    await wb.enregistrer(deux);
    const relu = await XlsxWorkbook.ouvrir(deux);
    expect(await relu.listSheets()).toEqual(["Budget", "Notes", "Devis", "Synthèse", "Après"]);
    expect(await relu.feuillesProdbook()).toEqual(["Devis", "Synthèse"]);
    expect((await relu.readSheet("Devis"))!.rows).toEqual([[{ v: "v2" }]]);
    // The order is the one stored in workbook.xml, not only ExcelJS's view of it.
    const zip = await JSZip.loadAsync(await fs.readFile(deux));
    const noms = [...(await zip.file("xl/workbook.xml")!.async("string")).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(noms).toEqual(["Budget", "Notes", "Devis", "Synthèse", "Après", "_prodbook"]);
  });
});

describe("XlsxWorkbook table names", () => {
  it("refuses an invalid or duplicate table name with a French message", async () => {
    const wb = XlsxWorkbook.vide();
    await wb.writeSheets([{ name: "A", rows: [["x"], [1]], tables: [{ name: "tblÉcarts", range: "A1:A2" }] }]);
    await expect(
      wb.writeSheets([{ name: "B", rows: [["x"], [1]], tables: [{ name: "tblécarts", range: "A1:A2" }] }]),
    ).rejects.toThrow(/déjà un tableau nommé « tblécarts »/);
    await expect(
      wb.writeSheets([{ name: "B", rows: [["x"], [1]], tables: [{ name: "tbl Devis", range: "A1:A2" }] }]),
    ).rejects.toThrow(/Nom de table invalide/);
    await expect(
      wb.writeSheets([{ name: "B", rows: [["x"], [1]], tables: [{ name: "AB12", range: "A1:A2" }] }]),
    ).rejects.toThrow(/Nom de table invalide/);
    // Rewriting the sheet that holds the table reuses the name.
    await wb.writeSheets([
      { name: "A", rows: [["y"], [2]], tables: [{ name: "tblÉcarts", range: "A1:A2" }], merges: ["B1:C1"] },
    ]);
    const out = path.join(dir, "tables.xlsx");
    await wb.enregistrer(out);
    const relu = await XlsxWorkbook.ouvrir(out);
    expect((await relu.readSheet("A"))!.merges).toEqual(["B1:C1"]);
    // Without a totals row, the table part carries no totals attributes (as Excel writes it).
    const table = await (await JSZip.loadAsync(await fs.readFile(out))).file("xl/tables/table1.xml")!.async("string");
    expect(table).toMatch(/name="tblÉcarts"[^>]*ref="A1:A2"[^>]*totalsRowShown="0"/);
    expect(table).not.toMatch(/totalsRowLabel|totalsRowFunction/);
  });
});
