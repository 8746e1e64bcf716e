import ExcelJS from "exceljs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

describe("lecture des dates et des heures d'un classeur", () => {
  it("garde les dates en texte ISO et les heures en numéro de série Excel, sans perdre l'heure", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan de travail");
    ws.addRow(["Date", "Début", "Fin", "Horodatage"]);
    ws.addRow([
      new Date(Date.UTC(2026, 4, 11)),
      new Date(Date.UTC(1899, 11, 30, 8, 30)),
      new Date(Date.UTC(1899, 11, 30, 20, 0)),
      new Date(Date.UTC(2026, 4, 11, 6, 0)),
    ]);
    ws.getCell("B2").numFmt = "hh:mm";
    ws.getCell("C2").numFmt = "hh:mm";
    const fichier = path.join(os.tmpdir(), `prodbook-heures-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(fichier);

    const lu = await (await XlsxWorkbook.ouvrir(fichier)).readSheet("Plan de travail");
    const [date, debut, fin, horodatage] = lu!.rows[1].map((c) => c.v);
    expect(date).toBe("2026-05-11");
    // 08:30 = 8.5 / 24 of a day; 20:00 = 20 / 24.
    expect(debut as number).toBeCloseTo(8.5 / 24, 10);
    expect(fin as number).toBeCloseTo(20 / 24, 10);
    // 2026-05-11 is serial 46153; 06:00 adds a quarter of a day.
    expect(horodatage as number).toBeCloseTo(46153.25, 10);
  });

  it("une durée « [h]:mm » reste un nombre de jours, même entière (48:00), jamais une date de 1900", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PDT");
    ws.addRow(["Total", 2, (152 * 60 + 30) / 1440, 46153]);
    ws.getCell("B1").numFmt = "[h]:mm";
    ws.getCell("C1").numFmt = "[h]:mm";
    ws.getCell("D1").numFmt = "dd/mm/yyyy";
    const fichier = path.join(os.tmpdir(), `prodbook-durees-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(fichier);
    const lu = await (await XlsxWorkbook.ouvrir(fichier)).readSheet("PDT");
    const [, quaranteHuit, cent, date] = lu!.rows[0];
    // Before: 48:00 came back as a day of January 1900 (ExcelJS reads it as a Date); Excel gives the Office adapter 2.
    expect([quaranteHuit.v, quaranteHuit.fmt]).toEqual([2, "[h]:mm"]);
    expect(Math.round((cent.v as number) * 1440)).toBe(152 * 60 + 30);
    // A real date stays ISO text.
    expect(date.v).toBe("2026-05-11");
  });
});
