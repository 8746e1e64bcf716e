import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  ajouterValidation,
  classeExcelJS,
  completerStylesTables,
  EXCELJS_VERSION,
  nomsTables,
  placerOnglet,
  positionOnglet,
} from "../../src/xlsx/exceljsInterne";

/**
 * exceljsInterne.ts reads ExcelJS's private fields: these tests run each accessor against the installed
 * ExcelJS, which package.json pins to EXCELJS_VERSION. An upgrade that changes a shape fails here.
 */
const racine = path.resolve(__dirname, "../..");

async function parties(wb: ExcelJS.Workbook): Promise<JSZip> {
  return JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
}

it("runs against the ExcelJS version pinned exactly in package.json", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(racine, "package.json"), "utf8"));
  const installe = JSON.parse(fs.readFileSync(require.resolve("exceljs/package.json"), "utf8")).version;
  expect(pkg.dependencies.exceljs).toBe(EXCELJS_VERSION);
  expect(installe).toBe(EXCELJS_VERSION);
});

it("positionOnglet / placerOnglet: a sheet added in place of another is saved at its tab position", async () => {
  const wb = new ExcelJS.Workbook();
  for (const n of ["A", "B", "C"]) wb.addWorksheet(n);
  const b = wb.getWorksheet("B")!;
  const position = positionOnglet(b);
  expect(typeof position).toBe("number");
  wb.removeWorksheet(b.id);
  const nouvelle = wb.addWorksheet("B2");
  expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "C", "B2"]);
  placerOnglet(nouvelle, position);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "B2", "C"]);
  const xml = await (await parties(wb)).file("xl/workbook.xml")!.async("string");
  expect([...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(["A", "B2", "C"]);
});

it("nomsTables lists the sheet's tables; completerStylesTables lets ExcelJS save a table read without a style", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("T");
  ws.addTable({ name: "tblX", ref: "A1", columns: [{ name: "a" }], rows: [[1], [2]] });
  expect(nomsTables(ws)).toEqual(["tblX"]);
  // A table part with no <tableStyleInfo>, as LibreOffice writes it.
  const zip = await parties(wb);
  const chemin = Object.keys(zip.files).find((f) => /^xl\/tables\/.*\.xml$/.test(f))!;
  zip.file(chemin, (await zip.file(chemin)!.async("string")).replace(/<tableStyleInfo[^>]*\/>/, ""));
  const lu = async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ArrayBuffer);
    return w;
  };
  await expect((await lu()).xlsx.writeBuffer()).rejects.toThrow();
  const w = await lu();
  expect(nomsTables(w.getWorksheet("T")!)).toEqual(["tblX"]);
  completerStylesTables(w.getWorksheet("T")!);
  await expect(w.xlsx.writeBuffer()).resolves.toBeTruthy();
});

it("ajouterValidation keeps a whole-column list as one <dataValidation sqref>", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("V");
  ajouterValidation(ws, "B2:B1048576", { type: "list", allowBlank: true, formulae: ['"oui,non"'] });
  const xml = await (await parties(wb)).file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml.match(/<dataValidation\b/g)).toHaveLength(1);
  expect(xml).toMatch(/<dataValidation [^>]*sqref="B2:B1048576"[^>]*><formula1>&quot;oui,non&quot;<\/formula1>/);
});

it("classeExcelJS is the Workbook class ExcelJS's entry exports (required from its own module)", () => {
  expect(classeExcelJS()).toBe(ExcelJS.Workbook);
});
