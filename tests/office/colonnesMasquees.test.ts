import type { FauxExcel, FixtureExcel } from "../helpers/fake-excel";
import { cellulesExcel, hote, installerExcel, lireXlsx as lire, type Cellule } from "../helpers/lectureMasquee";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { importerDevis } from "../../src/core/devis/import";
import { centsToDecimalString } from "../../src/core/money/cents";
import type { SheetData } from "../../src/core/port/workbook";

// The producer keeps last year's rates and amounts next to this year's, hidden (D and F).
const DEVIS: Cellule[][] = [
  ["Code", "Désignation", "Jours", "Tarif", "Tarif", "Montant", "Montant", "Notes"],
  ["2.1", "Monteur", 20, 250, 265, { f: "C2*D2", v: 5000 }, { f: "C2*E2", v: 5300 }, 3],
  ["2.2", "Assistant monteur", 15, 180, 190, { f: "C3*D3", v: 2700 }, { f: "C3*E3", v: 2850 }, "devis n° 4471"],
  ["7.1", "Location banc de montage", 4, 400, 420, { f: "C4*D4", v: 1600 }, { f: "C4*E4", v: 1680 }, null],
  ["8.1", "Mixage", 3, 850, 900, { f: "C5*D5", v: 2550 }, { f: "C5*E5", v: 2700 }, 45],
  [null, "TOTAL", null, null, null, { f: "SUM(F2:F5)", v: 11850 }, { f: "SUM(G2:G5)", v: 12530 }, null],
];
const MASQUEES = [3, 5];
// A hidden column right of the data (K) is not a read column: neither reader reports it.
const MASQUEE_HORS_DONNEES = 10;

let excel: FauxExcel;
const installer = (fx: FixtureExcel) => (excel = installerExcel(fx));
const fixture = (masquees: number[]): FixtureExcel => ({
  sheets: { Budget: cellulesExcel(DEVIS) },
  colonnesMasquees: { Budget: masquees },
});
const lireXlsx = (masquees: number[]) =>
  lire(DEVIS, (ws) => {
    for (const c of masquees) ws.getColumn(c + 1).hidden = true;
  });

const resume = (s: SheetData) => {
  const d = importerDevis(s);
  return { lignes: d.lignes, total: centsToDecimalString(d.total) };
};

describe("hidden columns read inside Excel, as from the .xlsx", () => {
  it("a producer devis with hidden helper columns: same colonnesMasquees, same lines and total in both adapters", async () => {
    const xlsx = await lireXlsx([...MASQUEES, MASQUEE_HORS_DONNEES]);
    installer(fixture([...MASQUEES, MASQUEE_HORS_DONNEES]));
    const office = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(xlsx.colonnesMasquees).toEqual([3, 5]);
    expect(office.colonnesMasquees).toEqual([3, 5]);
    expect(office).toEqual(xlsx);

    const a = resume(office),
      b = resume(xlsx);
    expect(a).toEqual(b);
    expect(a.total).toBe("12530.00");
    expect(a.lignes.map((l) => [l.code, centsToDecimalString(l.montant), l.source.cellules.montant])).toEqual([
      ["2.1", "5300.00", "Budget!G2"],
      ["2.2", "2850.00", "Budget!G3"],
      ["7.1", "1680.00", "Budget!G4"],
      ["8.1", "2700.00", "Budget!G5"],
    ]);
    // Without the hidden state, the importer would read last year's rates (D) and could only guess the amount
    // column (the rightmost, said in an alerte): the reading matters.
    const avec = importerDevis(office);
    const sans = importerDevis({ ...office, colonnesMasquees: undefined });
    expect(avec.lignes.map((l) => l.taux)).toEqual(["265", "190", "420", "900"]);
    expect(sans.lignes.map((l) => l.taux)).toEqual(["250", "180", "400", "850"]);
    expect([avec.colonneMontant?.choix, sans.colonneMontant?.choix]).toEqual(["visible", "aDroite"]);
  });

  it("no hidden column among the read ones: no colonnesMasquees, as the xlsx reader", async () => {
    const xlsx = await lireXlsx([MASQUEE_HORS_DONNEES]);
    installer(fixture([MASQUEE_HORS_DONNEES]));
    const office = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(xlsx).not.toHaveProperty("colonnesMasquees");
    expect(office).not.toHaveProperty("colonnesMasquees");
    expect(office).toEqual(xlsx);
  });

  it("reads all the columns' hidden state in the request of the cells (no request of its own), only where ExcelApi 1.2 is supported", async () => {
    const syncsDeLecture = async () => {
      installer(fixture(MASQUEES));
      const s = (await new OfficeWorkbook().readSheet("Budget"))!;
      return { s, syncs: excel.__etat().syncs };
    };
    const avec = await syncsDeLecture();
    const lectureMasquage = avec.syncs.filter((x) => x.ops.includes("load columnHidden"));
    expect(lectureMasquage).toHaveLength(1);
    // One load per read column (A to H), all in the request that loads the cells, with the rows' one.
    expect(lectureMasquage[0].ops.filter((o) => o === "load columnHidden")).toHaveLength(8);
    expect(lectureMasquage[0].ops).toContain("load values,formulas,numberFormat,valueTypes");
    expect(lectureMasquage[0].ops.filter((o) => o === "load rowHidden")).toHaveLength(1);

    hote((v) => v !== "1.2");
    const sans = await syncsDeLecture();
    expect(sans.syncs.some((x) => x.ops.includes("load columnHidden") || x.ops.includes("load rowHidden"))).toBe(false);
    expect(sans.s).not.toHaveProperty("colonnesMasquees");
    // Sheet and used range, then the cells: two round trips with or without the hidden state.
    expect([avec.syncs.length, sans.syncs.length]).toEqual([2, 2]);
    expect(sans.s.rows).toEqual(avec.s.rows);
  });
});

describe("fake Excel: columnHidden", () => {
  it("is loaded after sync for a cell, a whole column or several columns, and set on whole columns", async () => {
    installer({ sheets: { Budget: [["a", "b", "c", "d"]] }, colonnesMasquees: { Budget: [1] } });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Budget");
      const cellule = ws.getRangeByIndexes(0, 1, 1, 1);
      cellule.load("columnHidden");
      expect(() => cellule.columnHidden).toThrow(/chargée/);
      const colonne = ws.getRangeByIndexes(3, 1, 1, 1).getEntireColumn().load("columnHidden");
      const deux = ws.getRange("A:B").load("columnHidden");
      const visible = ws.getRange("C1").load("columnHidden");
      await ctx.sync();
      expect([cellule.columnHidden, colonne.columnHidden, deux.columnHidden, visible.columnHidden]).toEqual([
        true,
        true,
        null,
        false,
      ]);
      // Only columnHidden was loaded: the cells were not.
      expect(() => colonne.values).toThrow(/chargée/);
      ws.getRange("C:D").columnHidden = true;
      ws.getRange("B:B").columnHidden = false;
      await ctx.sync();
    });
    expect(excel.__etat().feuilles[0].colonnesMasquees).toEqual([2, 3]);
  });
});
