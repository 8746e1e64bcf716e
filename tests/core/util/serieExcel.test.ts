import ExcelJS from "exceljs";
import * as os from "os";
import * as path from "path";
import { estSerieDate, isoDepuisSerie, serieDepuisIso, SERIE_MAX } from "../../../src/core/util/serieExcel";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";

/** The one Excel serial ↔ date module (1900 system, with Excel's 29/02/1900). */
describe("numéros de série Excel (système 1900)", () => {
  test("série 1 = 1er janvier 1900, 59 = 28/02/1900, 61 = 01/03/1900, dans les deux sens", () => {
    expect(isoDepuisSerie(1)).toBe("1900-01-01");
    expect(isoDepuisSerie(59)).toBe("1900-02-28");
    expect(isoDepuisSerie(61)).toBe("1900-03-01");
    expect(serieDepuisIso("1900-01-01")).toBe(1);
    expect(serieDepuisIso("1900-02-28")).toBe(59);
    expect(serieDepuisIso("1900-03-01")).toBe(61);
  });

  test("série 60, le 29/02/1900 qu'Excel compte et qui n'a pas existé : refusée, pas un jour", () => {
    expect(() => isoDepuisSerie(60)).toThrow("Le 29/02/1900 n'existe pas (erreur historique d'Excel, série 60)");
    expect(() => isoDepuisSerie(60.5)).toThrow(/29\/02\/1900/);
    expect([estSerieDate(59), estSerieDate(60), estSerieDate(60.9), estSerieDate(61)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  test("une date de 2026, avec ou sans heure ; 9999-12-31 est la dernière", () => {
    expect(isoDepuisSerie(46143)).toBe("2026-05-01");
    expect(isoDepuisSerie(46143.75)).toBe("2026-05-01");
    expect(serieDepuisIso("2026-05-01")).toBe(46143);
    expect(serieDepuisIso("2026-12-03T08:00:00Z")).toBe(46359);
    expect(isoDepuisSerie(SERIE_MAX)).toBe("9999-12-31");
    expect(serieDepuisIso("9999-12-31")).toBe(SERIE_MAX);
  });

  test("hors des dates Excel : message français", () => {
    for (const s of [0, -1, 0.5, SERIE_MAX + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(estSerieDate(s)).toBe(false);
      expect(() => isoDepuisSerie(s)).toThrow(/^Numéro de série de date invalide/);
    }
    expect(() => serieDepuisIso("15/05/2026")).toThrow("Date invalide « 15/05/2026 » (AAAA-MM-JJ attendu)");
  });

  test("aller-retour exact pour chaque jour de 1900 à 2100, séries consécutives sauf 60", () => {
    let attendu = 1;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const s = serieDepuisIso(iso);
      expect(s).toBe(attendu);
      expect(isoDepuisSerie(s)).toBe(iso);
      attendu += attendu === 59 ? 2 : 1;
    }
  });
});

describe("lecture d'un classeur (ExcelJS) : les séries 1, 59, 60, 61 et 2026 sous format date", () => {
  it("donne le jour qu'Excel affiche ; la série 60 reste un nombre, une heure reste une fraction", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dates");
    const series = [1, 59, 60, 61, 46143, 46143.25];
    series.forEach((s, i) => {
      const c = ws.getCell(i + 1, 1);
      c.value = s;
      c.numFmt = "dd/mm/yyyy";
    });
    const fichier = path.join(os.tmpdir(), `prodbook-series-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(fichier);
    const lu = await (await XlsxWorkbook.ouvrir(fichier)).readSheet("Dates");
    const valeurs = lu!.rows.map((r) => r[0].v);
    expect(valeurs.slice(0, 5)).toEqual(["1900-01-01", "1900-02-28", 60, "1900-03-01", "2026-05-01"]);
    expect(valeurs[5] as number).toBeCloseTo(46143.25, 10);
  });
});
