/**
 * Issue 10, a producer's own formulas (tests/fixtures/devis-reels/generer.js, `sousTotalFormules`): chapter subtotals in
 * =SUBTOTAL(9,…), a grand total =SUBTOTAL(9,…) over lines and subtotals, a line ='Détail'!F12 on another sheet, and
 * negative lines (remise, avoir) inside a chapter. Every cached result is dropped, LibreOffice recalculates, and the
 * import reads the same devis as from the cached values: each subtotal and the total proven, conservation at 0.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { importerDevis } from "../../src/core/devis/import";
import { controlerDevis } from "../../src/core/devis/regles";
import { lireFeuille } from "../../src/xlsx/read";
import { lireRecalcule, recalculerSansCache } from "../helpers/libreoffice";

const SOURCE = path.join(__dirname, "../fixtures/devis-reels/sous-total-formules.xlsx");

async function lireDevis(fichier: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  return importerDevis(lireFeuille(wb.getWorksheet("Devis") as ExcelJS.Worksheet));
}

describe("devis source : SOUS.TOTAL, formule vers une autre feuille, lignes négatives, recalculés par LibreOffice", () => {
  it("chaque sous-total et le total sont prouvés, les négatifs comptés, comme avec les valeurs enregistrées", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-devis-source-lo-"));
    const copie = path.join(dir, "sous-total-formules.xlsx");
    await fs.copyFile(SOURCE, copie);
    const recalcule = await recalculerSansCache(copie);
    const relu = await lireRecalcule(recalcule);
    const devis = importerDevis(lireFeuille(relu.getWorksheet("Devis") as ExcelJS.Worksheet));
    const enregistre = await lireDevis(SOURCE);
    for (const d of [devis, enregistre]) {
      expect(d.total).toBe(1775000);
      expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
        ["6", 510000],
        ["7", 1265000],
      ]);
      expect(d.lignes.find((l) => l.libelle === "Catering")?.montant).toBe(450000);
      expect(d.lignes.filter((l) => l.montant < 0).map((l) => l.montant)).toEqual([-90000, -25000]);
      expect(d.totauxProducteur.map((t) => [t.cellule, t.montant, !!t.preuve])).toEqual([
        ["Devis!D7", 510000, true],
        ["Devis!D13", 1265000, true],
        ["Devis!D15", 1775000, true],
      ]);
      expect(d.conservation).toMatchObject({ ecart: 0 });
      expect(controlerDevis(d, "2026-01-15").filter((c) => c.gravite !== "info" && /total/.test(c.regle))).toEqual([]);
    }
  }, 120000);
});
