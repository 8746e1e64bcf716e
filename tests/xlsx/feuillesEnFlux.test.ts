import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook, FeuilleVolumineuseError } from "../../src/xlsx/xlsxWorkbook";
import type { CellData, CellSpec, SheetSpec } from "../../src/core/port/workbook";
import { lireRecalcule, nombre, recalculer, resultat, sansResultatsXml } from "../helpers/libreoffice";

/**
 * Sheets with bulk rows (the Grand livre) are streamed into the saved file, and a saved one too large for
 * ExcelJS is set aside when the file is opened again, then either rewritten or put back unchanged.
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-flux-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const N = 5000;
const LIBELLES = [
  "=SUM(A1)",
  "+33 6 12 34 56 78",
  "@chef",
  "-remise",
  "  espaces  ",
  'a & b <c> "d"',
  "ctrl\u0001\u001f fin",
  "clap 🎬",
  "seul \ud800 ici",
  "ligne\nsuivante",
];
const LIBELLES_LUS = LIBELLES.map((l) => l.replace(/[\u0001\u001f]|\ud800/g, ""));

function ligne(i: number): CellSpec[] {
  return [
    i + 2,
    `AC${String(i).padStart(6, "0")}`,
    { date: `2025-0${1 + (i % 9)}-1${i % 10}` },
    LIBELLES[i % LIBELLES.length],
    Math.round(i * 137.31) / 100,
    i % 3 === 0 ? null : i % 2 === 0,
    { formula: `E${i + 2}*2`, result: (Math.round(i * 137.31) / 100) * 2 },
    { formula: `IF(E${i + 2}>100,"haut","bas")`, result: i * 1.3731 > 100 ? "haut" : "bas" },
  ];
}

function specGrandLivre(n = N, decalage = 0): SheetSpec {
  return {
    name: "Grand livre",
    rows: [["Ligne", "N° écriture", "Date", "Libellé", "Montant", "Lettré", "Double", "Niveau"]],
    bulk: {
      count: n,
      *rows() {
        for (let i = 0; i < n; i++) yield ligne(i + decalage);
      },
    },
    columns: [{ width: 8 }, { numFmt: "@" }, { numFmt: "dd/mm/yyyy" }, { width: 40 }, { numFmt: "#,##0.00" }],
    tables: [{ name: "tblGL", range: `A1:H${n + 1}`, style: "TableStyleLight1" }],
    freeze: { rows: 1 },
  };
}

const totalAttendu = (n: number, decalage = 0) =>
  Array.from({ length: n }, (_, i) => Math.round((i + decalage) * 137.31)).reduce((a, b) => a + b, 0) / 100;

async function fichierAvecGrandLivre(nom: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Budget").addRows([
    ["Poste", "Montant"],
    ["Régie", 1200],
  ]);
  const p = path.join(dir, nom);
  await wb.xlsx.writeFile(p);
  const x = await XlsxWorkbook.ouvrir(p);
  await x.writeSheets([
    specGrandLivre(),
    { name: "Synthèse", rows: [["Total", { formula: `SUM('Grand livre'!E2:E${N + 1})` }]] },
  ]);
  await x.enregistrer(p);
  return p;
}

async function relire(p: string) {
  return (await XlsxWorkbook.ouvrir(p)).readSheet("Grand livre");
}

describe("bulk rows streamed into the file", () => {
  it("writes every row with its value, type and column format, and the table over all of them", async () => {
    const p = await fichierAvecGrandLivre("flux.xlsx");
    const s = (await relire(p))!;
    expect(s.rows).toHaveLength(N + 1);
    expect(s.rows[0].map((c) => c.v)).toEqual([
      "Ligne",
      "N° écriture",
      "Date",
      "Libellé",
      "Montant",
      "Lettré",
      "Double",
      "Niveau",
    ]);
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2500, N - 1]) {
      const r = s.rows[i + 1];
      expect(r[0].v).toBe(i + 2);
      expect(r[1]).toMatchObject({ v: `AC${String(i).padStart(6, "0")}`, fmt: "@" });
      expect(r[2].v).toBe(`2025-0${1 + (i % 9)}-1${i % 10}`);
      // Imported text stays text, minus what XML cannot carry (control characters, lone surrogates).
      expect(r[3]).toEqual({ v: LIBELLES_LUS[i % LIBELLES.length] });
      expect(r[4]).toMatchObject({ v: Math.round(i * 137.31) / 100, fmt: "#,##0.00" });
      expect(r[5].v).toBe(i % 3 === 0 ? null : i % 2 === 0);
      expect(r[6]).toMatchObject({ f: `E${i + 2}*2` });
      expect(r[7]).toMatchObject({ f: `IF(E${i + 2}>100,"haut","bas")`, v: i * 1.3731 > 100 ? "haut" : "bas" });
    }
    const zip = await JSZip.loadAsync(await fs.readFile(p));
    const tables = await Promise.all(zip.file(/^xl\/tables\/.*\.xml$/).map((f) => f.async("string")));
    expect(tables.join("")).toMatch(
      new RegExp(`name="tblGL"[^>]*ref="A1:H${N + 1}"[\\s\\S]*<autoFilter ref="A1:H${N + 1}"`),
    );
  }, 60000);

  it("gives LibreOffice a sheet it recalculates: every formula of the streamed rows, its cached result dropped first, is right", async () => {
    const p = await fichierAvecGrandLivre("flux-lo.xlsx");
    // The cached results are dropped in the XML itself (sansResultats would have ExcelJS rewrite the XML under test):
    // two formulas per streamed row and the Synthèse's, so every figure below is LibreOffice's own.
    const { fichier, formules, parFeuille } = await sansResultatsXml(p);
    expect(formules).toBe(2 * N + 1);
    expect(parFeuille).toMatchObject({ "Grand livre": 2 * N, Synthèse: 1, Budget: 0 });
    const lu = await lireRecalcule(await recalculer(fichier));
    expect(nombre(lu.getWorksheet("Synthèse")!.getCell("B1"))).toBeCloseTo(totalAttendu(N), 2);
    const gl = lu.getWorksheet("Grand livre")!;
    const faux: string[] = [];
    for (let i = 0; i < N; i++) {
      const r = i + 2;
      const montant = Math.round(i * 137.31) / 100;
      const double = nombre(gl.getCell(`G${r}`));
      const niveau = resultat(gl.getCell(`H${r}`));
      if (Math.abs(double - montant * 2) > 0.005 || niveau !== (montant > 100 ? "haut" : "bas"))
        faux.push(`ligne ${r} : ${double} ${String(niveau)}`);
    }
    expect(faux).toEqual([]);
    expect(gl.getCell("D2").value).toBe("=SUM(A1)");
  }, 240000);

  it("a wrong formula in a streamed row is caught: with its cached result dropped, LibreOffice computes the formula, not the cache", async () => {
    // E×3 written with the cached result E×2 would read right; the check above reads LibreOffice's E×3 instead.
    const x = XlsxWorkbook.vide();
    await x.writeSheets([
      {
        name: "Grand livre",
        rows: [["Montant", "Double"]],
        bulk: {
          count: 3,
          *rows() {
            for (let i = 1; i <= 3; i++) yield [i * 10, { formula: `A${i + 1}*3`, result: i * 20 }];
          },
        },
      },
    ]);
    const p = path.join(dir, "formule-fausse.xlsx");
    await x.enregistrer(p);
    const { fichier, formules } = await sansResultatsXml(p);
    expect(formules).toBe(3);
    const zip = await JSZip.loadAsync(await fs.readFile(fichier));
    const xml = await zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)[0].async("string");
    expect(xml).toContain("<f>A2*3</f>");
    expect(xml).not.toMatch(/<f>[^<]*<\/f><v>/);
    const gl = (await lireRecalcule(await recalculer(fichier))).getWorksheet("Grand livre")!;
    expect([2, 3, 4].map((r) => nombre(gl.getCell(`B${r}`)))).toEqual([30, 60, 90]);
  }, 240000);

  it("keeps a format range that runs over the bulk rows to the rows ExcelJS holds (a million-row range is never expanded)", async () => {
    const x = XlsxWorkbook.vide();
    await x.writeSheets([
      {
        ...specGrandLivre(2000),
        formats: [
          { range: "A1:H1", bold: true },
          { range: "E2:E1048576", numFmt: "0.000" },
          { range: "A5000:A6000", italic: true },
        ],
      },
    ]);
    const p = path.join(dir, "formats.xlsx");
    await x.enregistrer(p);
    const s = (await relire(p))!;
    expect(s.rows).toHaveLength(2001);
    // The streamed rows take the template row's cell styles: the range's format reaches them all.
    expect(s.rows[1][4].fmt).toBe("0.000");
    expect(s.rows[2000][4].fmt).toBe("0.000");
  });

  it("refuses a bulk that yields another number of rows than announced, and leaves no file behind", async () => {
    const x = XlsxWorkbook.vide();
    const spec = specGrandLivre(10);
    await x.writeSheets([{ ...spec, bulk: { count: 11, rows: spec.bulk!.rows } }]);
    const p = path.join(dir, "incomplet.xlsx");
    await expect(x.enregistrer(p)).rejects.toThrow(/10 lignes générées au lieu de 11/);
    await expect(fs.stat(p)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a saved Grand livre too large for ExcelJS", () => {
  const SEUIL = 64 * 1024;

  it("is set aside on opening: it cannot be read, and the other sheets can", async () => {
    const p = await fichierAvecGrandLivre("volumineux.xlsx");
    const wb = await XlsxWorkbook.ouvrir(p, { seuilFeuille: SEUIL });
    await expect(wb.readSheet("Grand livre")).rejects.toBeInstanceOf(FeuilleVolumineuseError);
    expect((await wb.readSheet("Budget"))!.rows[1].map((c) => c.v)).toEqual(["Régie", 1200]);
    expect(await wb.feuillesProdbook()).toEqual(["Grand livre", "Synthèse"]);
  }, 60000);

  it("is put back unchanged when another sheet is written: values, formats, table; LibreOffice still adds it up", async () => {
    const p = await fichierAvecGrandLivre("garde.xlsx");
    const wb = await XlsxWorkbook.ouvrir(p, { seuilFeuille: SEUIL });
    await wb.writeSheets([
      {
        name: "Synthèse",
        rows: [
          ["Total", { formula: `SUM('Grand livre'!E2:E${N + 1})` }],
          ["Lignes", { formula: `COUNTA('Grand livre'!B2:B${N + 1})` }],
        ],
      },
    ]);
    const sortie = path.join(dir, "garde-2.xlsx");
    await wb.enregistrer(sortie);
    const avant = (await relire(p))!,
      apres = (await relire(sortie))!;
    expect(apres.rows).toEqual(avant.rows);
    const zip = await JSZip.loadAsync(await fs.readFile(sortie));
    const tables = await Promise.all(zip.file(/^xl\/tables\/.*\.xml$/).map((f) => f.async("string")));
    expect(tables.join("")).toMatch(new RegExp(`name="tblGL"[^>]*ref="A1:H${N + 1}"`));
    // Every cached result dropped in the XML first: the sums below are LibreOffice's own.
    const sans = await sansResultatsXml(sortie);
    expect(sans.parFeuille).toMatchObject({ Synthèse: 2, "Grand livre": 2 * N });
    const lu = await lireRecalcule(await recalculer(sans.fichier));
    const val = (a: string) => nombre(lu.getWorksheet("Synthèse")!.getCell(a));
    expect(val("B1")).toBeCloseTo(totalAttendu(N), 2);
    expect(val("B2")).toBe(N);
  }, 240000);

  it("saved again by LibreOffice (shared strings, its own styles and registry), is still put back unchanged", async () => {
    const lo = await recalculer(await fichierAvecGrandLivre("par-libreoffice.xlsx"));
    const avant = (await relire(lo))!;
    expect(avant.rows).toHaveLength(N + 1);
    const wb = await XlsxWorkbook.ouvrir(lo, { seuilFeuille: SEUIL });
    await expect(wb.readSheet("Grand livre")).rejects.toBeInstanceOf(FeuilleVolumineuseError);
    await wb.writeSheets([{ name: "Synthèse", rows: [["Lignes", { formula: `COUNTA('Grand livre'!B2:B${N + 1})` }]] }]);
    const sortie = path.join(dir, "par-libreoffice-2.xlsx");
    await wb.enregistrer(sortie);
    // LibreOffice names the default format « General »; put back through ExcelJS's styles it is the default.
    const general = (rows: CellData[][]) =>
      rows.map((r) => r.map((c) => (c.fmt === "General" ? { ...c, fmt: undefined } : c)));
    expect(general((await relire(sortie))!.rows)).toEqual(general(avant.rows));
  }, 240000);

  it("beside it, the chart of a sheet not rewritten is kept (copied from the package given to ExcelJS)", async () => {
    const p = await fichierAvecGrandLivre("graphique.xlsx");
    const avecGraphique = await XlsxWorkbook.ouvrir(p, { seuilFeuille: SEUIL });
    const chart = {
      type: "column" as const,
      title: "Montants",
      categories: "'Tableau'!$A$1:$A$2",
      series: [{ name: "Montant", values: "'Tableau'!$B$1:$B$2" }],
      anchor: "D2",
    };
    await avecGraphique.writeSheets([
      {
        name: "Tableau",
        rows: [
          ["a", 1],
          ["b", 2],
        ],
        charts: [chart],
      },
    ]);
    const p2 = path.join(dir, "graphique-2.xlsx");
    await avecGraphique.enregistrer(p2);
    const wb = await XlsxWorkbook.ouvrir(p2, { seuilFeuille: SEUIL });
    await wb.writeSheets([{ name: "Synthèse", rows: [["Total", 0]] }]);
    const sortie = path.join(dir, "graphique-3.xlsx");
    await wb.enregistrer(sortie);
    const zip = await JSZip.loadAsync(await fs.readFile(sortie));
    const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(1);
    expect(await charts[0].async("string")).toContain("'Tableau'!$B$1:$B$2");
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    expect(lu.worksheets.map((w) => w.name).filter((n) => n !== "_prodbook")).toEqual([
      "Budget",
      "Grand livre",
      "Synthèse",
      "Tableau",
    ]);
    expect((await relire(sortie))!.rows).toEqual((await relire(p))!.rows);
  }, 120000);

  it("opened to be replaced (`remplacees`, whatever its size): not readable, replaced at its tab, the old rows gone", async () => {
    const p = await fichierAvecGrandLivre("a-remplacer.xlsx");
    const wb = await XlsxWorkbook.ouvrir(p, { remplacees: ["Grand livre"] });
    await expect(wb.readSheet("Grand livre")).rejects.toThrow("non chargée");
    expect((await wb.readSheet("Budget"))!.rows[1].map((c) => c.v)).toEqual(["Régie", 1200]);
    await wb.writeSheets([specGrandLivre(300, 7)]);
    const sortie = path.join(dir, "a-remplacer-2.xlsx");
    await wb.enregistrer(sortie);
    const s = (await relire(sortie))!;
    expect(s.rows).toHaveLength(301);
    expect([s.rows[1][1].v, s.rows[300][1].v]).toEqual(["AC000007", "AC000306"]);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    expect(lu.worksheets.map((w) => w.name)).toEqual(["Budget", "Grand livre", "Synthèse", "_prodbook"]);
  }, 60000);

  it("opened to be replaced and not rewritten: saving is refused (its rows would be lost), nothing written", async () => {
    const p = await fichierAvecGrandLivre("non-remplace.xlsx");
    const wb = await XlsxWorkbook.ouvrir(p, { remplacees: ["Grand livre"] });
    await wb.writeSheets([{ name: "Synthèse", rows: [["Total", 0]] }]);
    const sortie = path.join(dir, "non-remplace-2.xlsx");
    await expect(wb.enregistrer(sortie)).rejects.toThrow("ses lignes seraient perdues");
    await expect(fs.access(sortie)).rejects.toThrow();
  }, 60000);

  it("is replaced when Prodbook rewrites it (a new ledger), with no trace of the old rows", async () => {
    const p = await fichierAvecGrandLivre("remplace.xlsx");
    const wb = await XlsxWorkbook.ouvrir(p, { seuilFeuille: SEUIL });
    await wb.writeSheets([specGrandLivre(300, 7)]);
    const ecrite = (await wb.readSheet("Grand livre"))!;
    expect(ecrite.rows).toHaveLength(301);
    expect(ecrite.rows[300][2].v).toBe("2025-01-16");
    const sortie = path.join(dir, "remplace-2.xlsx");
    await wb.enregistrer(sortie);
    const s = (await relire(sortie))!;
    expect(s.rows).toHaveLength(301);
    expect(s.rows[1][1].v).toBe("AC000007");
    expect(s.rows[300][1].v).toBe("AC000306");
  }, 60000);
});

describe("notes on streamed rows", () => {
  const texte = (n: ExcelJS.Cell["note"]) => (typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join(""));
  const spec = (notes: { cell: string; text: string }[]): SheetSpec => ({
    name: "Lignes",
    rows: [["N°", "Montant"]],
    bulk: { count: 1500, rows: () => Array.from({ length: 1500 }, (_, i) => [i + 1, { formula: `A${i + 2}*2` }]) },
    notes,
  });
  const relire = async (s: SheetSpec) => {
    const wb = XlsxWorkbook.vide();
    await wb.writeSheets([s]);
    const f = path.join(dir, `notes-${s.notes!.length}.xlsx`);
    await wb.enregistrer(f);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(f);
    return { ws: x.getWorksheet("Lignes")!, f };
  };

  it("each row's note is in the file, as ExcelJS writes notes (1 500 of them: VML ids past one block)", async () => {
    const notes = [
      { cell: "B1", text: "En-tête : montant = N° × 2" },
      ...Array.from({ length: 1500 }, (_, i) => ({
        cell: `B${i + 2}`,
        text: `Montant de la ligne ${i + 1} = A${i + 2} × 2\n« source » & <cellule>`,
      })),
    ];
    const { ws, f } = await relire(spec(notes));
    for (const n of notes) expect(texte(ws.getCell(n.cell).note)).toBe(n.text);
    expect(ws.getCell("A1").note).toBeUndefined();
    expect(ws.getCell("A1500").value).toBe(1499);
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const vml = await zip.file(/vmlDrawing\d+\.vml$/)[0].async("string");
    expect(vml).toContain('<o:idmap v:ext="edit" data="1,2"/>');
    expect(vml.split("<v:shape ").length - 1).toBe(1501);
    expect(new Set(vml.match(/_x0000_s\d+/g)).size).toBe(1501);
    // LibreOffice opens it, recalculates the rows and keeps the notes.
    const lo = await lireRecalcule(await recalculer(f));
    const w = lo.getWorksheet("Lignes")!;
    expect(nombre(w.getCell("B1501"))).toBe(3000);
    expect(texte(w.getCell("B1501").note)).toBe(notes[1500].text);
  });

  it("notes on streamed rows only: the note ExcelJS needed to write the parts is not left in the file", async () => {
    const notes = [{ cell: "B900", text: "seule note" }];
    const { ws } = await relire(spec(notes));
    expect(texte(ws.getCell("B900").note)).toBe("seule note");
    let n = 0;
    ws.eachRow((r) => r.eachCell((c) => void (c.note && n++)));
    expect(n).toBe(1);
  });
});
