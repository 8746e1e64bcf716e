import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { creerFauxExcel, type FauxExcel } from "../helpers/fake-excel";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { structurerDevis } from "../../src/core/devis/structurer";

/**
 * A hidden sheet chosen as the devis (no sheet named) is named in a « feuille-lue » information, the same inside
 * Excel (fake Excel, visibility « Hidden ») and from the .xlsx (state « hidden »): both adapters say `masquee`.
 */
const BUDGET = [
  ["Code", "Désignation", "Jours", "Tarif", "Montant"],
  ["2.1", "Monteur", 20, 260, 5200],
  ["7.1", "Location caméra", 5, 220, 1100],
];
const NOTES = [["Notes de production"], ["Tournage en avril"]];

async function xlsx(masquee: boolean): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").addRows(NOTES);
  wb.addWorksheet("Budget", { state: masquee ? "hidden" : "visible" }).addRows(BUDGET);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-feuille-masquee-"));
  try {
    const fichier = path.join(dir, "budget.xlsx");
    await wb.xlsx.writeFile(fichier);
    return await XlsxWorkbook.ouvrir(fichier);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function office(masquee: boolean): OfficeWorkbook {
  const excel: FauxExcel = creerFauxExcel({
    sheets: { Notes: NOTES, Budget: BUDGET },
    hidden: masquee ? ["Budget"] : [],
  });
  (globalThis as unknown as { Excel: FauxExcel }).Excel = excel;
  return new OfficeWorkbook();
}

const MESSAGE =
  "La feuille « Budget » est masquée dans le classeur ; c'est elle qui ressemble le plus à un devis et qui est " +
  "lue. Si le devis est dans une autre feuille, indiquez laquelle lire.";

describe("feuille de devis masquée : dite par les deux adaptateurs", () => {
  it.each([
    ["xlsx", xlsx],
    ["Office", async (m: boolean) => office(m)],
  ])(
    "%s : masquee sur la feuille lue, une information sans --feuille, rien quand elle est nommée",
    async (_, ouvrir) => {
      const wb = await ouvrir(true);
      expect((await wb.readSheet("Budget"))?.masquee).toBe(true);
      expect((await wb.readSheet("Notes"))?.masquee).toBeUndefined();
      const r = await structurerDevis(wb, { date: "2026-01-15" });
      expect(r.devis.feuille).toBe("Budget");
      expect(r.constats.filter((c) => c.regle === "feuille-lue")).toEqual([
        { regle: "feuille-lue", gravite: "info", message: MESSAGE },
      ]);
      const nommee = await structurerDevis(await ouvrir(true), { date: "2026-01-15", feuille: "Budget" });
      expect(nommee.constats.filter((c) => c.regle === "feuille-lue")).toEqual([]);
      const visible = await structurerDevis(await ouvrir(false), { date: "2026-01-15" });
      expect(visible.devis.feuille).toBe("Budget");
      expect(visible.constats.filter((c) => c.regle === "feuille-lue")).toEqual([]);
    },
  );
});
