import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { recalculer } from "../helpers/libreoffice";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-dv-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A producer's file as Excel writes it when a list is set on whole columns (with Excel's xr:uid attributes). */
async function classeurColonnesEntieres(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRows([
    ["Poste", "Catégorie", "Territoire", "Montant"],
    ["Régie", "prestation", "France", 1200],
  ]);
  ws.getCell("B2").dataValidation = { type: "list", formulae: ['"prestation,achat,salaire"'] };
  const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  let x = await z.file("xl/worksheets/sheet1.xml")!.async("string");
  x = x
    .replace("<worksheet ", '<worksheet xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ')
    .replace(
      /<dataValidations[\s\S]*<\/dataValidations>/,
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{0A1B2C3D-0000-0000-0000-000000000001}" sqref="B2:B1048576"><formula1>"prestation,achat,salaire"</formula1></dataValidation>' +
        '<dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{0A1B2C3D-0000-0000-0000-000000000002}" sqref="C2:C1048576 E2:E1048576"><formula1>"France,Étranger"</formula1></dataValidation></dataValidations>',
    );
  z.file("xl/worksheets/sheet1.xml", x);
  const p = path.join(dir, "colonnes.xlsx");
  await fs.writeFile(p, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return p;
}

describe("whole-column validations of the user's sheets", () => {
  it("are not expanded cell by cell by ExcelJS and come back unchanged in the saved file", async () => {
    const wb = await XlsxWorkbook.ouvrir(await classeurColonnesEntieres());
    const modele = (
      wb.classeur.getWorksheet("Budget") as unknown as { dataValidations: { model: Record<string, unknown> } }
    ).dataValidations.model;
    expect(Object.keys(modele)).toHaveLength(0);
    expect((await wb.readSheet("Budget"))!.rows[1]).toEqual([
      { v: "Régie" },
      { v: "prestation" },
      { v: "France" },
      { v: 1200 },
    ]);
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
    await relu.xlsx.load((await fs.readFile(await recalculer(out))) as unknown as ArrayBuffer);
    expect(relu.getWorksheet("Budget")!.getCell("D2").value).toBe(1200);
  });
});

describe("x14 extensions of the user's sheets", () => {
  it("keeps a list whose source is on another sheet (Excel writes it in <extLst>), and LibreOffice reads it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRows([
      ["Poste", "Catégorie"],
      ["Régie", "achat"],
    ]);
    wb.addWorksheet("Listes").addRows([["prestation"], ["achat"]]);
    const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    let x = await z.file("xl/worksheets/sheet1.xml")!.async("string");
    x = x
      .replace(
        "<worksheet ",
        '<worksheet xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ',
      )
      .replace(
        "</worksheet>",
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{11111111-2222-3333-4444-555555555555}"><x14:formula1><xm:f>Listes!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>B2:B50</xm:sqref></x14:dataValidation></x14:dataValidations></ext>' +
          '<ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}"><x14:slicerList><x14:slicer r:id="rId9"/></x14:slicerList></ext></extLst></worksheet>',
      );
    z.file("xl/worksheets/sheet1.xml", x);
    const src = path.join(dir, "x14.xlsx");
    await fs.writeFile(src, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const classeur = await XlsxWorkbook.ouvrir(src);
    await classeur.writeSheets([{ name: "Devis", rows: [["x"]] }]);
    const out = path.join(dir, "x14-out.xlsx");
    await classeur.enregistrer(out);
    const budget = await (
      await JSZip.loadAsync(await fs.readFile(out))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    // The entry declares the prefixes it uses (declared on the original root only).
    expect(budget).toMatch(
      /<extLst><ext(?: xmlns:xm="[^"]+"| xmlns:x14="[^"]+"| uri="\{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF\}"){3}>/,
    );
    expect(budget).toContain("<xm:f>Listes!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>B2:B50</xm:sqref>");
    expect(budget).not.toContain("slicer");
    expect(budget).not.toContain("xr:uid");
    expect(budget.trimEnd().endsWith("</extLst></worksheet>")).toBe(true);
    // LibreOffice understands the kept validation and writes it back.
    const lo = await (
      await JSZip.loadAsync(await fs.readFile(await recalculer(out)))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(lo).toMatch(/Listes!\$A\$1:\$A\$2/);
  });
});
