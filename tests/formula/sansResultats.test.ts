/**
 * The helpers every LibreOffice test relies on: `sansResultats` leaves no cached result to be read back, and
 * `resultat` tells a 0 written in the file (which ExcelJS's `value` drops) from a formula without a result.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lireRecalcule, nombre, recalculerSansCache, resultat, sansResultats } from "../helpers/libreoffice";

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

test('un texte vide calculé par LibreOffice (<v></v>) se lit "" ; une formule restée sans résultat échoue toujours', async () => {
  const fichier = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-texte-vide-")), "Écarts.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Écarts");
  ws.getCell("A1").value = 5;
  ws.getCell("B1").value = { formula: 'IF(A1>10,"alerte","")', result: "alerte" };
  ws.getCell("C1").value = { formula: 'IF(A1>1,"alerte","")', result: "" };
  ws.getCell("D1").value = { formula: "A1-5", result: 7 };
  wb.addWorksheet("Autre").getCell("A1").value = { formula: '""' };
  await wb.xlsx.writeFile(fichier);

  const lu = await lireRecalcule(await recalculerSansCache(fichier));
  const e = lu.getWorksheet("Écarts")!;
  // ExcelJS alone reads LibreOffice's empty text as no result: lireRecalcule restores it from the sheet's XML.
  expect([resultat(e.getCell("B1")), resultat(e.getCell("C1")), nombre(e.getCell("D1"))]).toEqual(["", "alerte", 0]);
  expect(resultat(lu.getWorksheet("Autre")!.getCell("A1"))).toBe("");
  // The same file read without the helper: the empty text is indistinguishable from a missing result.
  const brut = new ExcelJS.Workbook();
  await brut.xlsx.readFile(await recalculerSansCache(fichier));
  expect(() => resultat(brut.getWorksheet("Écarts")!.getCell("B1"))).toThrow("formule sans résultat");
  // And a file LibreOffice never saw still fails, whatever the helper.
  const { fichier: sans } = await sansResultats(fichier);
  const jamaisCalcule = await lireRecalcule(sans);
  expect(() => resultat(jamaisCalcule.getWorksheet("Écarts")!.getCell("B1"))).toThrow(
    "Écarts!B1 : formule sans résultat",
  );
}, 120_000);
