import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { recalculer } from "../helpers/libreoffice";

let dir: string;
beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-dv-")); });
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

/** A producer's file as Excel writes it when a list is set on whole columns (with Excel's xr:uid attributes). */
async function classeurColonnesEntieres(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRows([["Poste", "Catégorie", "Territoire", "Montant"], ["Régie", "prestation", "France", 1200]]);
  ws.getCell("B2").dataValidation = { type: "list", formulae: ['"prestation,achat,salaire"'] };
  const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  let x = await z.file("xl/worksheets/sheet1.xml")!.async("string");
  x = x.replace("<worksheet ", '<worksheet xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ')
    .replace(/<dataValidations[\s\S]*<\/dataValidations>/,
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{0A1B2C3D-0000-0000-0000-000000000001}" sqref="B2:B1048576"><formula1>"prestation,achat,salaire"</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{0A1B2C3D-0000-0000-0000-000000000002}" sqref="C2:C1048576 E2:E1048576"><formula1>"France,Étranger"</formula1></dataValidation></dataValidations>');
  z.file("xl/worksheets/sheet1.xml", x);
  const p = path.join(dir, "colonnes.xlsx");
  await fs.writeFile(p, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return p;
}

describe("whole-column validations of the user's sheets", () => {
  it("are not expanded cell by cell by ExcelJS and come back unchanged in the saved file", async () => {
    const wb = await XlsxWorkbook.ouvrir(await classeurColonnesEntieres());
    const modele = (wb.classeur.getWorksheet("Budget") as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(Object.keys(modele)).toHaveLength(0);
    expect((await wb.readSheet("Budget"))!.rows[1]).toEqual([{ v: "Régie" }, { v: "prestation" }, { v: "France" }, { v: 1200 }]);
    await wb.writeSheets([{ name: "Devis", rows: [["x"]], validations: [{ range: "A2:A3", list: ["a", "b"] }] }]);
    const out = path.join(dir, "colonnes-out.xlsx");
    await wb.enregistrer(out);
    const z = await JSZip.loadAsync(await fs.readFile(out));
    const budget = await z.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(budget.match(/<dataValidation /g)).toHaveLength(2);
    expect(budget).toContain('sqref="B2:B1048576"><formula1>"prestation,achat,salaire"</formula1>');
    expect(budget).toContain('sqref="C2:C1048576 E2:E1048576"');
    expect(budget).not.toContain("xr:uid");
    expect(budget.indexOf("<dataValidations")).toBeLessThan(budget.indexOf("<pageMargins"));
    expect(await z.file("xl/worksheets/sheet2.xml")!.async("string")).toContain('sqref="A2:A3"');
    // Re-reading and LibreOffice agree that the file is sound.
    const relu = new ExcelJS.Workbook();
    await relu.xlsx.load(await fs.readFile(await recalculer(out)) as unknown as ArrayBuffer);
    expect(relu.getWorksheet("Budget")!.getCell("D2").value).toBe(1200);
  });
});
