import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { cacheeParSaHauteur, hauteurNulle, masquerHauteursNulles } from "../../src/xlsx/hauteursNulles";
import { donnerHauteurNulle, masquerLignesParDefaut } from "../helpers/hauteurNulle";

/**
 * A row of height 0 is hidden to the user like a hidden row: both readers (ExcelJS, and streaming for the versions
 * commands) report it in lignesMasquees, and a workbook saved by Prodbook keeps it hidden (ExcelJS drops a height
 * of 0: it would come back shown).
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-hauteurs-nulles-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * A devis whose row 4 is hidden and rows 6 and 7 have a height of 0 (an amount on each); with `parDefaut`, rows 6 and
 * 7 are hidden instead by the sheet's default height of 0 (`zeroHeight="1"`, the other rows with a height of their own).
 */
async function classeur(nom: string, parDefaut = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Désignation", "Qté", "Tarif", "Montant"]);
  ws.addRow(["2.1", "Monteur", 20, 250, 5000]);
  ws.addRow(["2.2", "Assistant monteur", 15, 180, 2700]);
  ws.addRow(["2.2", "Assistant monteur (juin)", 15, 160, 2400]);
  ws.addRow(["7.1", "Location banc de montage", 4, 400, 1600]);
  ws.addRow(["8.2", "Mixage 5.1 (option)", 2, 900, 1800]);
  ws.addRow(["8.3", "Étalonnage (option)", 2, 1200, 2400]);
  ws.addRow([null, "TOTAL", null, null, { formula: "SUM(E2:E7)", result: 15900 }]);
  ws.getRow(4).hidden = true;
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  if (parDefaut) await masquerLignesParDefaut(f, [1, 2, 3, 5, 8]);
  else await donnerHauteurNulle(f, [6, 7]);
  return f;
}

describe("lignes de hauteur nulle", () => {
  it("lues masquées par ExcelJS et par la lecture en flux, comme une ligne masquée", async () => {
    const f = await classeur("hauteurs.xlsx");
    const parExcelJS = (await (await XlsxWorkbook.ouvrir(f)).readSheet("Budget"))!;
    const enFlux = await (await XlsxWorkbook.ouvrir(f, { utilisateurEnFlux: true })).readSheet("Budget");
    expect(parExcelJS.lignesMasquees).toEqual([3, 5, 6]);
    expect(enFlux).toEqual(parExcelJS);
    expect(parExcelJS.rows[5].map((c) => c.v)).toEqual(["8.2", "Mixage 5.1 (option)", 2, 900, 1800]);
  });

  it('un classeur enregistré par Prodbook les garde masquées (hidden="1")', async () => {
    const f = await classeur("a-enregistrer.xlsx");
    const wb = await XlsxWorkbook.ouvrir(f);
    await wb.writeSheets([{ name: "Note", rows: [["x"]] }]);
    const sortie = path.join(dir, "enregistre.xlsx");
    await wb.enregistrer(sortie);
    expect((await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Budget"))!.lignesMasquees).toEqual([3, 5, 6]);
    const xml = await (
      await JSZip.loadAsync(await fs.readFile(sortie))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml.match(/<row r="[67]"[^>]*>/g)?.every((t) => / hidden="1"/.test(t))).toBe(true);
  });

  it("lignes masquées par la hauteur par défaut nulle de la feuille (zeroHeight) : lues masquées, par ExcelJS et en flux", async () => {
    const f = await classeur("par-defaut.xlsx", true);
    const xml = await (await JSZip.loadAsync(await fs.readFile(f))).file("xl/worksheets/sheet1.xml")!.async("string");
    // Rows 6 and 7 have no height of their own, nor a hidden attribute: only the sheet's default hides them.
    expect(xml).toContain('<sheetFormatPr zeroHeight="1" ');
    expect(xml.match(/<row r="[67]"[^>]*>/g)).toEqual([
      '<row r="6" spans="1:5" x14ac:dyDescent="0.25">',
      '<row r="7" spans="1:5" x14ac:dyDescent="0.25">',
    ]);
    const parExcelJS = (await (await XlsxWorkbook.ouvrir(f)).readSheet("Budget"))!;
    const enFlux = await (await XlsxWorkbook.ouvrir(f, { utilisateurEnFlux: true })).readSheet("Budget");
    expect(parExcelJS.lignesMasquees).toEqual([3, 5, 6]);
    expect(enFlux).toEqual(parExcelJS);
    expect(parExcelJS.rows[6].map((c) => c.v)).toEqual(["8.3", "Étalonnage (option)", 2, 1200, 2400]);
    // Saved by Prodbook (ExcelJS writes no zeroHeight): the rows stay hidden, said so on each.
    const wb = await XlsxWorkbook.ouvrir(f);
    await wb.writeSheets([{ name: "Note", rows: [["x"]] }]);
    const sortie = path.join(dir, "par-defaut-enregistre.xlsx");
    await wb.enregistrer(sortie);
    expect((await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Budget"))!.lignesMasquees).toEqual([3, 5, 6]);
  });

  it('une feuille sans zeroHeight, ou zeroHeight="0" : ses lignes sans hauteur restent visibles', async () => {
    const f = await classeur("zero-height-0.xlsx", true);
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace('zeroHeight="1"', 'zeroHeight="0"'));
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await (await XlsxWorkbook.ouvrir(f)).readSheet("Budget"))!.lignesMasquees).toEqual([3]);
    expect(
      (await (await XlsxWorkbook.ouvrir(f, { utilisateurEnFlux: true })).readSheet("Budget"))!.lignesMasquees,
    ).toEqual([3]);
  });

  it('masquerHauteursNulles sous zeroHeight="1" : hidden="1" sur chaque ligne sans hauteur propre au-dessus de 0', () => {
    const xml =
      `<x:worksheet><x:sheetFormatPr defaultRowHeight="15" zeroHeight='true'/><x:sheetData>` +
      `<x:row r="1" ht="15" customHeight="1"/><x:row r="2"/><x:row r="3" ht="15"/><x:row r="4" customHeight="1"/>` +
      `<x:row r="5" ht="0" customHeight="1"/><x:row r="6" hidden="0" ht="20" customHeight="true"/>` +
      `<x:row r="7" hidden="0"/><x:row r="8" hidden="1"/></x:sheetData></x:worksheet>`;
    expect(masquerHauteursNulles(xml)).toBe(
      `<x:worksheet><x:sheetFormatPr defaultRowHeight="15" zeroHeight='true'/><x:sheetData>` +
        `<x:row r="1" ht="15" customHeight="1"/><x:row hidden="1" r="2"/><x:row hidden="1" r="3" ht="15"/>` +
        `<x:row hidden="1" r="4" customHeight="1"/><x:row hidden="1" r="5" ht="0" customHeight="1"/>` +
        `<x:row r="6" hidden="0" ht="20" customHeight="true"/><x:row r="7" hidden="1"/><x:row r="8" hidden="1"/>` +
        `</x:sheetData></x:worksheet>`,
    );
    expect(masquerHauteursNulles(`<sheetFormatPr zeroHeight="0"/><sheetData><row r="1"/></sheetData>`)).toBe(undefined);
    expect([
      cacheeParSaHauteur(undefined, undefined, true),
      cacheeParSaHauteur("15", "1", true),
      cacheeParSaHauteur("15", undefined, true),
      cacheeParSaHauteur("0", "1", false),
      cacheeParSaHauteur(undefined, undefined, false),
    ]).toEqual([true, false, true, true, false]);
  });

  it('masquerHauteursNulles : hidden="1" sur les seules lignes de hauteur 0 non masquées', () => {
    const xml =
      `<worksheet><sheetData><row r="1" ht="15"><c r="A1"/></row><row r="2" ht="0" customHeight="1"><c r="A2"/></row>` +
      `<row r="3" ht='0.0' hidden="0"/><row r="4" ht="0" hidden="1"/><x:row r="5" ht=" 0 "></x:row>` +
      `<row r="6" ht="0.5"/><row r="7" hidden="true" ht="0"/><row r="8"/></sheetData><rowBreaks count="0"/></worksheet>`;
    expect(masquerHauteursNulles(xml)).toBe(
      `<worksheet><sheetData><row r="1" ht="15"><c r="A1"/></row><row hidden="1" r="2" ht="0" customHeight="1"><c r="A2"/></row>` +
        `<row r="3" ht='0.0' hidden="1"/><row r="4" ht="0" hidden="1"/><x:row hidden="1" r="5" ht=" 0 "></x:row>` +
        `<row r="6" ht="0.5"/><row r="7" hidden="true" ht="0"/><row r="8"/></sheetData><rowBreaks count="0"/></worksheet>`,
    );
    // Nothing to change: no new text (the package is then given to ExcelJS as it was).
    expect(masquerHauteursNulles(`<sheetData><row r="1" ht="0.5"/><row r="2" hidden="1" ht="0"/></sheetData>`)).toBe(
      undefined,
    );
    expect(masquerHauteursNulles(`<sheetFormatPr defaultRowHeight="0"/><row r="1"/>`)).toBe(undefined);
    expect([
      hauteurNulle("0"),
      hauteurNulle("0.00"),
      hauteurNulle(""),
      hauteurNulle(undefined),
      hauteurNulle("3"),
    ]).toEqual([true, true, false, false, false]);
  });
});
