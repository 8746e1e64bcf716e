import type { FauxExcel, FixtureExcel } from "../helpers/fake-excel";
import { cellulesExcel, hote, installerExcel, lireXlsx, type Cellule } from "../helpers/lectureMasquee";
import { CELLULES_PAR_LECTURE, OfficeWorkbook } from "../../src/office/officeWorkbook";
import { importerDevis } from "../../src/core/devis/import";

/**
 * Reading a sheet inside Excel costs a round trip per request (100 to 300 ms on Excel on the web): a devis with a
 * merged title, a hidden column and hidden rows is read in three requests (seven before: sheet, used range, cells,
 * merges, columns, then two for the rows), and gives the SheetData the .xlsx reader gives.
 */
const DEVIS: Cellule[][] = [
  ["Devis montage — version 3", null, null, null, null, null],
  ["Code", "Désignation", "Jours", "Tarif 2025", "Tarif", "Montant"],
  ["2.1", "Monteur", 20, 250, 265, { f: "C3*E3", v: 5300 }],
  ["2.2", "Assistant monteur", 15, 180, 190, { f: "C4*E4", v: 2850 }],
  ["2.2", "Assistant monteur (ancien tarif)", 15, 160, 160, { f: "C5*E5", v: 2400 }],
  ["7.1", "Location banc de montage", 4, 400, 420, { f: "C6*E6", v: 1680 }],
  ["8.1", "Mixage", 3, 850, 900, { f: "C7*E7", v: 2700 }],
  ["8.2", "Mixage 5.1 (option)", 2, 900, 900, { f: "C8*E8", v: 1800 }],
  [null, "TOTAL", null, null, null, { f: "SUM(F3:F8)", v: 16730 }],
];
const FUSION = "A1:F1";
const COLONNES = [3];
const LIGNES = [4, 7];

let excel: FauxExcel;
const installer = (fx: FixtureExcel) => (excel = installerExcel(fx));
const fixture = (colonnes: number[], lignes: number[], rows = DEVIS): FixtureExcel => ({
  sheets: { Budget: cellulesExcel(rows) },
  merges: { Budget: [FUSION] },
  colonnesMasquees: { Budget: colonnes },
  lignesMasquees: { Budget: lignes },
});
const xlsx = (colonnes: number[], lignes: number[]) =>
  lireXlsx(DEVIS, (ws) => {
    ws.mergeCells(FUSION);
    for (const c of colonnes) ws.getColumn(c + 1).hidden = true;
    for (const r of lignes) ws.getRow(r + 1).hidden = true;
  });
/** What each request loaded (its loads, and the merged areas asked for), in order. */
const charges = () =>
  excel
    .__etat()
    .syncs.map((s) => [
      ...new Set(s.ops.filter((o): o is string => typeof o === "string" && /^(load |getMergedAreas)/.test(o))),
    ]);

describe("a sheet read inside Excel in few round trips", () => {
  it("merges, a hidden column and hidden rows: three requests, the same SheetData as the .xlsx reader", async () => {
    installer(fixture(COLONNES, LIGNES));
    const office = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(office).toEqual(await xlsx(COLONNES, LIGNES));
    expect([office.merges, office.colonnesMasquees, office.lignesMasquees]).toEqual([[FUSION], [3], [4, 7]]);
    expect(office.rows).toHaveLength(9);
    expect(importerDevis(office).total).toBe(1673000);

    expect(excel.__etat().syncs).toHaveLength(3);
    expect(charges()).toEqual([
      // The sheet, its visibility and its used range.
      ["load name,visibility", "load rowIndex,columnIndex,rowCount,columnCount"],
      // The cells, with the merged areas, each column's hidden state and the rows' as one range.
      [
        "load values,formulas,numberFormat,valueTypes",
        "getMergedAreas",
        "load items",
        "load columnHidden",
        "load rowHidden",
      ],
      // The rows' range was mixed: its rows one by one (9 rows split in 16 parts).
      ["load rowHidden"],
    ]);
  });

  it("nothing hidden: two requests, and the same SheetData as the .xlsx reader", async () => {
    installer(fixture([], []));
    const office = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(office).toEqual(await xlsx([], []));
    expect(office).not.toHaveProperty("lignesMasquees");
    expect(office).not.toHaveProperty("colonnesMasquees");
    expect(excel.__etat().syncs).toHaveLength(2);
  });

  it("a sheet of three blocks: one request per block and one for the sheet, the hidden state in the last block's", async () => {
    const n = Math.floor(CELLULES_PAR_LECTURE / 2) * 2 + 5;
    const rows: Cellule[][] = Array.from({ length: n }, (_, r) => [`Poste ${r + 1}`, r]);
    installer({ sheets: { Grand: cellulesExcel(rows) }, colonnesMasquees: { Grand: [0] } });
    const s = (await new OfficeWorkbook().readSheet("Grand"))!;
    expect(s.rows).toHaveLength(n);
    expect(s.colonnesMasquees).toEqual([0]);
    expect(s).not.toHaveProperty("lignesMasquees");
    const c = charges();
    expect(c).toHaveLength(4);
    expect(c.map((x) => x.includes("load values,formulas,numberFormat,valueTypes"))).toEqual([false, true, true, true]);
    expect(c.map((x) => x.includes("load columnHidden") && x.includes("load rowHidden"))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it("a sheet that does not exist: undefined after one request", async () => {
    installer(fixture([], []));
    expect(await new OfficeWorkbook().readSheet("Absente")).toBeUndefined();
    expect(excel.__etat().syncs).toHaveLength(1);
  });

  it("a host without ExcelApi 1.2 nor 1.13: two requests, no hidden state nor merges, the same cells", async () => {
    hote((v) => v !== "1.2" && v !== "1.13");
    installer(fixture(COLONNES, LIGNES));
    const s = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(excel.__etat().syncs).toHaveLength(2);
    expect(s).toEqual({ ...(await xlsx([], [])), merges: [] });
  });
});
