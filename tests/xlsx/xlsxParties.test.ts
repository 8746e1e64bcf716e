import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import type { SheetSpec } from "../../src/core/port/workbook";
import { nombre, recalculer, recalculerSansCache, soffice } from "../helpers/libreoffice";

let dir: string;
let parties: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-parties-"));
  parties = await ecrire("parties.xlsx", [listes, ecarts]);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const ecarts: SheetSpec = {
  name: "Écarts",
  rows: [
    ["Chapitre", "Budget", "Réalisé", "Écart"],
    ["1 Droits", 1000, 800, { formula: "C2-B2", result: -200 }],
    ["2 Personnel", 2000, 2300, { formula: "C3-B3", result: 300 }],
    ["=Régie & co", 500, 450, { formula: "C4-B4", result: -50 }],
    [
      "Total",
      { formula: "SUBTOTAL(109,B2:B4)", result: 3500 },
      { formula: "SUBTOTAL(109,C2:C4)", result: 3550 },
      { formula: "C5-B5", result: 50 },
    ],
  ],
  columns: [{ width: 24 }, { numFmt: "#,##0.00 €" }, { numFmt: "#,##0.00 €" }, { numFmt: "#,##0.00 €" }],
  tables: [{ name: "tblEcarts", range: "A1:D5", style: "TableStyleLight9", showTotals: true }],
  validations: [
    { range: "A2:A4", list: { source: "=Listes!$A$1:$A$3" }, strict: false },
    { range: "E2:E4", list: ["oui", "non"], prompt: "Éligible ?" },
  ],
  conditionalFormats: [{ range: "D2:D4", formula: "ABS(D2)>100", fill: "#FFC7CE", fontColor: "#9C0006" }],
  charts: [
    {
      type: "column",
      title: "Budget & réalisé",
      categories: "'Écarts'!$A$2:$A$4",
      series: [
        { name: "Budget", values: "'Écarts'!$B$2:$B$4" },
        { name: "Réalisé", values: "'Écarts'!$C$2:$C$4" },
      ],
      anchor: "G2",
    },
    {
      type: "pie",
      title: "Répartition",
      categories: "'Écarts'!$A$2:$A$4",
      series: [{ name: "Budget", values: "'Écarts'!$B$2:$B$4" }],
      anchor: "G20",
    },
    {
      type: "line",
      title: "Courbe",
      categories: "'Écarts'!$A$2:$A$4",
      series: [{ name: "Réalisé", values: "'Écarts'!$C$2:$C$4" }],
      anchor: "P2",
    },
    {
      type: "bar",
      title: "Barres",
      categories: "'Écarts'!$A$2:$A$4",
      series: [{ name: "Écart", values: "'Écarts'!$D$2:$D$4" }],
      anchor: "P20",
      widthCols: 5,
      heightRows: 10,
    },
  ],
};
const listes: SheetSpec = { name: "Listes", rows: [["1 Droits"], ["2 Personnel"], ["=Régie & co"]], hidden: true };

async function zipDe(p: string): Promise<JSZip> {
  return JSZip.loadAsync(await fs.readFile(p));
}
const texte = async (z: JSZip, p: string) => (await z.file(p)?.async("string")) ?? "";

async function ecrire(nom: string, specs: SheetSpec[], depuis?: string): Promise<string> {
  const wb = depuis ? await XlsxWorkbook.ouvrir(depuis) : XlsxWorkbook.vide();
  await wb.writeSheets(specs);
  const p = path.join(dir, nom);
  await wb.enregistrer(p);
  return p;
}

describe("xlsx parts written by XlsxWorkbook", () => {
  it("writes a real table, list validations and an expression conditional format", async () => {
    const z = await zipDe(parties);
    const table = await texte(z, "xl/tables/table1.xml");
    expect(table).toMatch(/name="tblEcarts"[^>]*ref="A1:D5"[^>]*totalsRowCount="1"/);
    expect(table).toContain('<autoFilter ref="A1:D4">');
    expect([...table.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "Chapitre",
      "Budget",
      "Réalisé",
      "Écart",
    ]);
    expect(table).toContain("<totalsRowFormula>SUBTOTAL(109,B2:B4)</totalsRowFormula>");
    expect(table).toContain('totalsRowLabel="Total"');
    expect(table).toContain('<tableStyleInfo name="TableStyleLight9"');
    const feuille = await texte(z, "xl/worksheets/sheet2.xml");
    expect(feuille).toMatch(/<tableParts count="1">/);
    expect(feuille).toMatch(
      /<dataValidation type="list"[^>]*errorStyle="warning"[^>]*sqref="A2:A4"><formula1>Listes!\$A\$1:\$A\$3<\/formula1>/,
    );
    expect(feuille).toMatch(/<dataValidation type="list"[^>]*sqref="E2:E4"><formula1>&quot;oui,non&quot;<\/formula1>/);
    expect(feuille).toMatch(/prompt="Éligible \?"/);
    expect(feuille).toMatch(
      /<conditionalFormatting sqref="D2:D4"><cfRule type="expression" dxfId="\d+" priority="1"><formula>ABS\(D2\)&gt;100<\/formula>/,
    );
    // A text that looks like a formula is a shared string, never an <f>.
    expect(feuille).not.toContain("<f>=Régie");
    expect(await texte(z, "xl/sharedStrings.xml")).toContain("=Régie &amp; co");
  });

  it("adds one drawing with four charts referencing the requested ranges", async () => {
    const z = await zipDe(parties);
    const feuille = await texte(z, "xl/worksheets/sheet2.xml");
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(feuille)![1];
    expect(feuille.indexOf("<drawing")).toBeLessThan(feuille.indexOf("<tableParts"));
    expect(await texte(z, "xl/worksheets/_rels/sheet2.xml.rels")).toMatch(
      new RegExp(`Id="${rid}" Type="[^"]*/drawing" Target="../drawings/drawing1.xml"`),
    );
    const dessin = await texte(z, "xl/drawings/drawing1.xml");
    expect(dessin.match(/<xdr:twoCellAnchor/g)).toHaveLength(4);
    expect(dessin).toContain("<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(dessin).toContain("<xdr:to><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>29</xdr:row>");
    expect(
      (await texte(z, "xl/drawings/_rels/drawing1.xml.rels")).match(
        /relationships\/chart" Target="..\/charts\/chart\d\.xml"/g,
      ),
    ).toHaveLength(4);
    const types = await texte(z, "[Content_Types].xml");
    for (let i = 1; i <= 4; i++)
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    const c1 = await texte(z, "xl/charts/chart1.xml");
    expect(c1).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(c1).toContain("<a:t>Budget &amp; réalisé</a:t>");
    expect(c1.match(/<c:ser>/g)).toHaveLength(2);
    expect(c1).toContain(
      "<c:cat><c:strRef><c:f>'Écarts'!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Écarts'!$C$2:$C$4</c:f>",
    );
    expect(await texte(z, "xl/charts/chart2.xml")).toContain("<c:pieChart>");
    expect(await texte(z, "xl/charts/chart3.xml")).toContain("<c:lineChart>");
    expect(await texte(z, "xl/charts/chart4.xml")).toContain('<c:barDir val="bar"/>');
  });

  it("LibreOffice opens the file, keeps the table and the four charts, and recalculates the formulas", async () => {
    const recalcule = await recalculer(parties);
    const z = await zipDe(recalcule);
    const charts = Object.keys(z.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(4);
    const kinds = await Promise.all(
      charts.map(async (c) => /<c:(barChart|pieChart|lineChart)>/.exec(await texte(z, c))?.[1]),
    );
    expect(kinds.sort()).toEqual(["barChart", "barChart", "lineChart", "pieChart"]);
    expect(Object.keys(z.files).some((f) => /^xl\/tables\/table\d+\.xml$/.test(f))).toBe(true);
    // The formulas, from a copy without any cached result (ExcelJS rewrites it, charts aside: they are checked above).
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(await recalculerSansCache(parties));
    const ws = x.getWorksheet("Écarts")!;
    expect([nombre(ws.getCell("D3")), nombre(ws.getCell("B5")), nombre(ws.getCell("D5"))]).toEqual([300, 3500, 50]);
    expect(ws.getCell("A4").value).toBe("=Régie & co");
    // And it prints (PDF export renders the charts).
    await promisify(execFile)(
      soffice(),
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${path.join(dir, "profil-pdf")}`,
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        parties,
      ],
      { timeout: 180000 },
    );
    expect((await fs.stat(path.join(dir, "parties.pdf"))).size).toBeGreaterThan(5000);
  });

  it("keeps charts of sheets it does not rewrite, ours and a foreign program's, and does not duplicate them", async () => {
    // A workbook written by LibreOffice (foreign part names, chart styles) with four charts on "Écarts".
    const etranger = await recalculer(parties);
    const p1 = await ecrire("garde-1.xlsx", [{ name: "Synthèse", rows: [["s"]] }], etranger);
    const p2 = await ecrire("garde-2.xlsx", [{ name: "Synthèse", rows: [["s2"]] }], p1);
    for (const p of [p1, p2]) {
      const z = await zipDe(p);
      expect(Object.keys(z.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(4);
      expect(Object.keys(z.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f))).toHaveLength(1);
    }
    const relu2 = await zipDe(await recalculer(p2));
    expect(Object.keys(relu2.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(4);
    // Rewriting the chart sheet itself replaces its charts instead of adding more.
    const wb = await XlsxWorkbook.ouvrir(p2);
    expect(await wb.feuillesProdbook()).toEqual(["Listes", "Écarts", "Synthèse"]);
    await wb.writeSheets([ecarts]);
    const p3 = path.join(dir, "garde-3.xlsx");
    await wb.enregistrer(p3);
    const z3 = await zipDe(p3);
    expect(Object.keys(z3.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(4);
    const relu = await zipDe(await recalculer(p3));
    expect(Object.keys(relu.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(4);
  });
});
