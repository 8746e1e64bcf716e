/**
 * The helpers every LibreOffice test relies on: `sansResultats` leaves no cached result to be read back, and
 * `resultat` tells a 0 written in the file (which ExcelJS's `value` drops) from a formula without a result.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { nombre, resultat, sansResultats } from "../helpers/libreoffice";

test("résultats en cache retirés ; un 0 écrit reste 0, un résultat absent échoue en nommant la cellule", async () => {
  const fichier = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-sans-resultats-")), "f.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.getCell("A1").value = { formula: "1-1", result: 0 };
  ws.getCell("A2").value = { formula: "1+1", result: 2 };
  ws.getCell("A3").value = { formula: '"Oui"', result: "Oui" };
  ws.getCell("B1").value = 5;
  await wb.xlsx.writeFile(fichier);

  const lu = new ExcelJS.Workbook();
  await lu.xlsx.readFile(fichier);
  const p = lu.getWorksheet("Plan")!;
  expect(p.getCell("A1").value).toEqual({ formula: "1-1" }); // what ExcelJS's value shows for a result of 0
  expect([
    nombre(p.getCell("A1")),
    nombre(p.getCell("A2")),
    resultat(p.getCell("A3")),
    nombre(p.getCell("B1")),
  ]).toEqual([0, 2, "Oui", 5]);
  expect(() => nombre(p.getCell("A3"))).toThrow('Plan!A3 : nombre attendu, lu "Oui"');

  const { fichier: vide, formules } = await sansResultats(fichier);
  expect(formules).toBe(3);
  const sans = new ExcelJS.Workbook();
  await sans.xlsx.readFile(vide);
  const s = sans.getWorksheet("Plan")!;
  for (const a of ["A1", "A2", "A3"]) expect(() => resultat(s.getCell(a))).toThrow(`Plan!${a} : formule sans résultat`);
  expect(nombre(s.getCell("B1"))).toBe(5);
});
