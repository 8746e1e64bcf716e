import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import {
  cacheeParSaHauteur,
  formatLignesAConserver,
  formatLignesDeTete,
  hauteurNulle,
  masquerHauteursNulles,
  restituerFormatLignes,
} from "../../src/xlsx/hauteursNulles";
import { elements, NS_MAIN } from "../../src/xlsx/xml";
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

/** The `<sheetFormatPr>` start tag of each sheet of a saved .xlsx, by sheet name. */
async function formats(fichier: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(fichier));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, string>();
  for (const e of elements(wb).filter((x) => x.local === "sheet")) {
    const rid = e.attributs.find((a) => a.local === "id")!.valeur;
    const rel = elements(rels).find((x) => x.attributs.some((a) => a.local === "Id" && a.valeur === rid))!;
    const cible = rel.attributs.find((a) => a.local === "Target")!.valeur.replace(/^\/?(xl\/)?/, "xl/");
    const xml = await zip.file(cible)!.async("string");
    const f = elements(xml, { profondeurMax: 1 }).find((x) => x.local === "sheetFormatPr");
    out.set(e.attributs.find((a) => a.local === "name")!.valeur, f ? xml.slice(f.debut, f.fin) : "");
  }
  return out;
}

describe("zeroHeight gardé à l'enregistrement (la feuille de l'utilisateur revient telle quelle)", () => {
  it("par ExcelJS : zeroHeight et la hauteur par défaut restent sur la feuille de l'utilisateur, pas sur celles de Prodbook", async () => {
    const f = await classeur("garde-exceljs.xlsx", true);
    const wb = await XlsxWorkbook.ouvrir(f);
    await wb.writeSheets([{ name: "Note", rows: [["x"]] }]);
    const sortie = path.join(dir, "garde-exceljs-sortie.xlsx");
    await wb.enregistrer(sortie);
    const f2 = await formats(sortie);
    expect(f2.get("Budget")).toMatch(/^<sheetFormatPr [^>]*\bzeroHeight="1"[^>]*\/>$/);
    expect(f2.get("Budget")).toContain('defaultRowHeight="15"');
    expect(f2.get("Budget")).not.toContain("customHeight");
    expect(f2.get("Note")).not.toContain("zeroHeight");
    expect(f2.get("_prodbook") ?? "").not.toContain("zeroHeight");
    expect((await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Budget"))!.lignesMasquees).toEqual([3, 5, 6]);
    // Saved a second time: the same.
    const wb2 = await XlsxWorkbook.ouvrir(sortie);
    await wb2.writeSheets([{ name: "Note", rows: [["y"]] }]);
    const sortie2 = path.join(dir, "garde-exceljs-sortie2.xlsx");
    await wb2.enregistrer(sortie2);
    expect((await formats(sortie2)).get("Budget")).toBe(f2.get("Budget"));
  });

  it("mise de côté (lecture en flux) : les lignes remises sans hauteur propre restent masquées à la relecture", async () => {
    const f = await classeur("garde-flux.xlsx", true);
    const wb = await XlsxWorkbook.ouvrir(f, { utilisateurEnFlux: true });
    await wb.writeSheets([{ name: "Note", rows: [["x"]] }]);
    const sortie = path.join(dir, "garde-flux-sortie.xlsx");
    await wb.enregistrer(sortie);
    const xml = await (
      await JSZip.loadAsync(await fs.readFile(sortie))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    // The original rows put back as they were: rows 6 and 7 have neither a height nor a hidden attribute.
    expect(xml.match(/<row r="[67]"[^>]*>/g)).toEqual([
      '<row r="6" spans="1:5" x14ac:dyDescent="0.25">',
      '<row r="7" spans="1:5" x14ac:dyDescent="0.25">',
    ]);
    const f2 = await formats(sortie);
    expect(f2.get("Budget")).toContain('zeroHeight="1"');
    expect(f2.get("Note")).not.toContain("zeroHeight");
    // Hidden by the sheet's default height only: read back hidden, by ExcelJS and by streaming.
    expect((await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Budget"))!.lignesMasquees).toEqual([3, 5, 6]);
    expect(
      (await (await XlsxWorkbook.ouvrir(sortie, { utilisateurEnFlux: true })).readSheet("Budget"))!.lignesMasquees,
    ).toEqual([3, 5, 6]);
  });

  it("customHeight, thickTop, baseColWidth et une hauteur par défaut autre que 15 reviennent comme ils étaient", async () => {
    const f = await classeur("format-divers.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const avant = xml.replace(
      /<sheetFormatPr [^>]*\/>/,
      '<sheetFormatPr baseColWidth="10" defaultRowHeight="15" customHeight="1" thickTop="1" x14ac:dyDescent="55"/>',
    );
    expect(avant).not.toBe(xml);
    zip.file("xl/worksheets/sheet1.xml", avant);
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
    for (const utilisateurEnFlux of [false, true]) {
      const wb = await XlsxWorkbook.ouvrir(f, { utilisateurEnFlux });
      await wb.writeSheets([{ name: "Note", rows: [["x"]] }]);
      const sortie = path.join(dir, `format-divers-${utilisateurEnFlux}.xlsx`);
      await wb.enregistrer(sortie);
      const budget = (await formats(sortie)).get("Budget")!;
      for (const a of ['baseColWidth="10"', 'defaultRowHeight="15"', 'customHeight="1"', 'thickTop="1"'])
        expect(budget).toContain(a);
      expect(budget).not.toContain("zeroHeight");
    }
  });

  it('sans hauteur par défaut : pas de defaultRowHeight="0" customHeight="1" (toutes les lignes écrasées)', async () => {
    const f = await classeur("sans-hauteur.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const sans = xml.replace(/<sheetFormatPr [^>]*\/>/, '<sheetFormatPr outlineLevelRow="0" x14ac:dyDescent="0.25"/>');
    expect(sans).not.toBe(xml);
    zip.file("xl/worksheets/sheet1.xml", sans);
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
    const wb = await XlsxWorkbook.ouvrir(f);
    await wb.writeSheets([{ name: "Note", rows: [["x"]] }]);
    const sortie = path.join(dir, "sans-hauteur-sortie.xlsx");
    await wb.enregistrer(sortie);
    // ExcelJS alone writes defaultRowHeight="0" customHeight="1": every row without a height of its own flattened.
    const budget = (await formats(sortie)).get("Budget")!;
    expect(budget).toMatch(/^<sheetFormatPr /);
    expect(budget).not.toContain("defaultRowHeight");
    expect(budget).not.toContain("customHeight");
    expect((await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Budget"))!.lignesMasquees).toEqual([3, 5, 6]);
  });

  it("formatLignesDeTete / formatLignesAConserver / restituerFormatLignes", () => {
    expect(
      formatLignesDeTete(`<worksheet><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/></worksheet>`),
    ).toBe(undefined);
    expect(formatLignesDeTete(`<worksheet><sheetData><row r="1"/></sheetData></worksheet>`)).toBe(undefined);
    expect(
      formatLignesDeTete(
        `<x:worksheet><x:sheetViews/><x:sheetFormatPr defaultRowHeight='14.4' zeroHeight="true" outlineLevelRow="1"/>` +
          `<x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`,
      ),
    ).toEqual([
      ["defaultRowHeight", "14.4"],
      ["zeroHeight", "true"],
    ]);
    // Only the head is read: an element of that name after <sheetData> is none.
    expect(formatLignesDeTete(`<worksheet><sheetData/><sheetFormatPr zeroHeight="1"/></worksheet>`)).toBe(undefined);
    // A default height other than 15 without customHeight: ExcelJS would add customHeight="1".
    expect(formatLignesAConserver([["defaultRowHeight", "20"]])).toEqual([["defaultRowHeight", "20"]]);
    expect(
      formatLignesAConserver([
        ["defaultRowHeight", "15.0"],
        ["outlineLevelRow", "0"],
      ]),
    ).toBe(undefined);
    const ecrit = `<worksheet xmlns="${NS_MAIN}"><sheetFormatPr defaultRowHeight="20" outlineLevelRow="0" customHeight="1"/><sheetData/></worksheet>`;
    expect(
      restituerFormatLignes(ecrit, elements(ecrit), [
        ["defaultRowHeight", "20"],
        ["zeroHeight", "1"],
      ]),
    ).toBe(
      `<worksheet xmlns="${NS_MAIN}"><sheetFormatPr outlineLevelRow="0" defaultRowHeight="20" zeroHeight="1"/><sheetData/></worksheet>`,
    );
    const sans = `<worksheet xmlns="${NS_MAIN}"><dimension ref="A1"/><sheetData/></worksheet>`;
    expect(restituerFormatLignes(sans, elements(sans), [["zeroHeight", "1"]])).toBe(
      `<worksheet xmlns="${NS_MAIN}"><dimension ref="A1"/><sheetFormatPr zeroHeight="1"/><sheetData/></worksheet>`,
    );
  });
});
