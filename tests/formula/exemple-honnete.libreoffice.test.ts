/**
 * The example workbook (assets/exemple/devis-producteur.xlsx, scripts/generer-exemple.js) must store, for every
 * formula, the result Excel would compute: opened in Excel, it shows the same totals as the producer's columns the
 * CLI reports. Its two amounts written as text (1.2 archives, repas) are skipped by SUM, as in Excel. Every cached
 * result is dropped, LibreOffice recalculates, and each formula cell is compared with the stored cache to the cent.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { lireRecalcule, recalculerSansCache, resultat } from "../helpers/libreoffice";

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

describe("exemple : chaque résultat enregistré est celui qu'Excel calcule", () => {
  it("chaque formule recalculée par LibreOffice vaut son résultat enregistré, au centime", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-exemple-honnete-"));
    const copie = path.join(dir, "devis-producteur.xlsx");
    await fs.copyFile(EXEMPLE, copie);
    const relu = await lireRecalcule(await recalculerSansCache(copie));
    const enregistre = new ExcelJS.Workbook();
    await enregistre.xlsx.readFile(EXEMPLE);
    const ws = enregistre.getWorksheet("Budget Gardiens") as ExcelJS.Worksheet;
    const recalc = relu.getWorksheet("Budget Gardiens") as ExcelJS.Worksheet;
    const compares: string[] = [];
    const ecarts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type !== ExcelJS.ValueType.Formula) return;
        compares.push(c.address);
        const attendu = Math.round(Number(resultat(c)) * 100);
        const obtenu = Math.round(Number(resultat(recalc.getCell(c.address))) * 100);
        if (attendu !== obtenu) ecarts.push(`${c.address} (${c.formula}) : enregistré ${attendu}, recalculé ${obtenu}`);
      }),
    );
    expect(ecarts).toEqual([]);
    // The lines' formulas, the chapter subtotals, TOTAL HT, frais généraux, imprévus and the total général.
    expect(compares.length).toBeGreaterThan(40);
    const libelles = new Map<string, string>();
    ws.eachRow((row) => libelles.set(String(row.getCell(2).value), row.getCell(7).address));
    // The two text amounts are still text: the trap the example demonstrates.
    expect(ws.getCell(libelles.get("Archives INA (à la minute)")!).value).toBe("6 000,00 €");
    expect(ws.getCell(libelles.get("Repas (défraiements)")!).value).toBe("1 454,40 €");
    // The producer's subtotals skip them, as Excel's SUM does; the total général follows.
    expect(resultat(ws.getCell(libelles.get("Sous-total droits artistiques")!))).toBe(17000);
    expect(resultat(ws.getCell(libelles.get("TOTAL GÉNÉRAL HT")!))).toBe(176614.76);
  }, 240_000);
});
