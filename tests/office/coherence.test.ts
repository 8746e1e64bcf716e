import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { creerFauxExcel } from "../helpers/fake-excel";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import type { CellData, SheetSpec, WorkbookPort } from "../../src/core/port/workbook";
import { feuillePlanDeTravail } from "../../src/core/planning/feuillePlanDeTravail";
import { lirePlanDeTravail } from "../../src/core/planning/planDeTravail";
import { analyserTempsDeTravail } from "../../src/core/planning/tempsDeTravail";
import { feuille } from "../core/planning/feuille";

const spec: SheetSpec = {
  name: "Synthèse",
  rows: [
    ["Chapitre", "Montant", "Part", "Date", "Note"],
    ["02.03", 1234.56, { formula: "B2/B4", result: 0.5 }, { date: "2025-12-31" }, "=à revoir"],
    ["Régie", 1234.56, { formula: "B3/B4", result: 0.5 }, null, "+10 %"],
    ["Total", { formula: "SUM(B2:B3)", result: 2469.12 }, null, { date: "2026-01-01" }, true],
  ],
  columns: [{}, { numFmt: "#,##0.00 €" }, { numFmt: "0.0%" }, { numFmt: "dd/mm/yyyy" }],
  merges: ["E5:F5"],
};

/** Formula results are computed by Excel, not by the fake: compare everything else. */
const sansResultat = (rows: CellData[][]) => rows.map((r) => r.map((c) => (c.f ? { ...c, v: "(calculé)" } : c)));

describe("the three adapters read back the same sheet", () => {
  it("xlsx (after saving), Office (fake Excel) and memory agree on values, formulas, dates and formats", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-coherence-"));
    const xlsx = XlsxWorkbook.vide();
    await xlsx.writeSheets([spec]);
    await xlsx.enregistrer(path.join(dir, "c.xlsx"));
    const relu = await XlsxWorkbook.ouvrir(path.join(dir, "c.xlsx"));
    (globalThis as unknown as { Excel: unknown }).Excel = creerFauxExcel({ sheets: { Feuil1: [["x"]] } });
    const office = new OfficeWorkbook();
    await office.writeSheets([spec]);
    const memoire = new MemoryWorkbook({});
    await memoire.writeSheets([spec]);

    const lire = async (wb: WorkbookPort) => (await wb.readSheet("Synthèse"))!;
    const [x, o, m] = [await lire(relu), await lire(office), await lire(memoire)];
    expect(sansResultat(o.rows)).toEqual(sansResultat(x.rows));
    expect(x.rows[1]).toEqual([
      { v: "02.03" },
      { v: 1234.56, fmt: "#,##0.00 €" },
      { v: 0.5, f: "B2/B4", fmt: "0.0%" },
      { v: "2025-12-31", fmt: "dd/mm/yyyy" },
      { v: "=à revoir" },
    ]);
    expect(x.rows[3][4]).toEqual({ v: true });
    // Memory keeps no formats; everything else is the same.
    const sansFormat = (rows: CellData[][]) => rows.map((r) => r.map(({ fmt: _fmt, ...c }) => c));
    expect(sansFormat(m.rows)).toEqual(sansFormat(x.rows));
    expect(x.merges).toEqual(["E5:F5"]);
    expect(m.merges).toEqual(["E5:F5"]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("the Plan de travail's « Semaine » column in both adapters", () => {
  it("text « S20 – 11 mai 2026 » in the saved .xlsx and in Excel, the same after a second run", async () => {
    const plan = lirePlanDeTravail(
      feuille("PDT", [
        ["Date", "Nom", "Fonction", "Début", "Fin"],
        ["14/05/2026", "Yann", "Chef opérateur", "08:00", "17:00"],
        ["18/05/2026", "Yann", "Chef opérateur", "08:00", "17:00"],
      ]),
    );
    const spec = feuillePlanDeTravail(plan, analyserTempsDeTravail(plan));
    const semaines = async (wb: WorkbookPort) => {
      const rows = (await wb.readSheet("Plan de travail"))!.rows;
      const entete = rows.findIndex((r) => r[3]?.v === "Semaine");
      return rows.slice(entete + 1, entete + 3).map((r) => r[3]);
    };
    const attendu = [{ v: "S20 – 11\u00a0mai\u00a02026" }, { v: "S21 – 18\u00a0mai\u00a02026" }];
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-semaine-"));
    const xlsx = XlsxWorkbook.vide();
    await xlsx.writeSheets([spec]);
    await xlsx.enregistrer(path.join(dir, "a.xlsx"));
    // Run again on the saved file: the sheet is replaced, its weeks written the same.
    const relance = await XlsxWorkbook.ouvrir(path.join(dir, "a.xlsx"));
    expect(await semaines(relance)).toEqual(attendu);
    await relance.writeSheets([spec]);
    await relance.enregistrer(path.join(dir, "b.xlsx"));
    const relu = await XlsxWorkbook.ouvrir(path.join(dir, "b.xlsx"));
    expect(await relu.listSheets()).toEqual(["Plan de travail"]);
    expect(await semaines(relu)).toEqual(attendu);

    (globalThis as unknown as { Excel: unknown }).Excel = creerFauxExcel({ sheets: { PDT: [["x"]] } });
    const office = new OfficeWorkbook();
    await office.writeSheets([spec]);
    await office.writeSheets([spec]);
    expect(await office.listSheets()).toEqual(["PDT", "Plan de travail"]);
    // A string with digits goes through Excel with its leading apostrophe: kept as text, never read as a date.
    expect(await semaines(office)).toEqual(attendu);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
