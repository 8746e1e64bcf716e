import type { FauxExcel, FixtureExcel } from "../helpers/fake-excel";
import { cellulesExcel, hote, installerExcel, lireXlsx as lire, type Cellule } from "../helpers/lectureMasquee";
import { OfficeWorkbook, PLAGES_MASQUAGE_PAR_SYNC } from "../../src/office/officeWorkbook";
import { OCTETS_MAX_BLOC } from "../../src/core/port/blocs";
import { importerDevis } from "../../src/core/devis/import";
import { controlerDevis } from "../../src/core/devis/regles";
import type { SheetData } from "../../src/core/port/workbook";

/**
 * Hidden rows read inside Excel (rowHidden) as from the .xlsx (hidden="1"): the same SheetData, the same devis and
 * the same finding, in few syncs even for a 5 000-row sheet.
 */
const DEVIS: Cellule[][] = [
  ["Code", "Désignation", "Jours", "Tarif", "Montant"],
  ["2.1", "Monteur", 20, 250, { f: "C2*D2", v: 5000 }],
  ["2.2", "Assistant monteur", 15, 180, { f: "C3*D3", v: 2700 }],
  ["2.2", "Assistant monteur (ancien tarif)", 15, 160, { f: "C4*D4", v: 2400 }],
  ["7.1", "Location banc de montage", 4, 400, { f: "C5*D5", v: 1600 }],
  ["8.1", "Mixage", 3, 850, { f: "C6*D6", v: 2550 }],
  ["8.2", "Mixage 5.1 (option)", 2, 900, { f: "C7*D7", v: 1800 }],
  [null, "TOTAL", null, null, { f: "SUM(E2:E7)", v: 16050 }],
];
const MASQUEES = [3, 6];

let excel: FauxExcel;
const installer = (fx: FixtureExcel) => (excel = installerExcel(fx));
const lireXlsx = (masquees: number[]): Promise<SheetData> =>
  lire(DEVIS, (ws) => {
    for (const r of masquees) ws.getRow(r + 1).hidden = true;
  });

const lectures = (syncs: ReturnType<FauxExcel["__etat"]>["syncs"]) =>
  syncs.filter((s) => s.ops.includes("load rowHidden"));

describe("hidden rows read inside Excel, as from the .xlsx", () => {
  it("a devis with hidden rows: same lignesMasquees, same devis and same finding in both adapters", async () => {
    const xlsx = await lireXlsx(MASQUEES);
    installer({ sheets: { Budget: cellulesExcel(DEVIS) }, lignesMasquees: { Budget: MASQUEES } });
    const office = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(xlsx.lignesMasquees).toEqual([3, 6]);
    expect(office.lignesMasquees).toEqual([3, 6]);
    expect(office).toEqual(xlsx);

    const d = importerDevis(office);
    expect(d.total).toBe(1605000);
    expect(d).toEqual(importerDevis(xlsx));
    const c = controlerDevis(d, "2026-11-02").filter((x) => x.regle === "lignes-masquees");
    expect(c.map((x) => [x.gravite, x.cellule])).toEqual([["alerte", "Budget!E4"]]);
    expect(c[0].message).toMatch(
      /^2 lignes masquées de la feuille « Budget » comptées dans le devis \(4\s200,00\s€\) : E4, E7 — /,
    );
  });

  it("no hidden row among the read ones: no lignesMasquees, in one sync of one range", async () => {
    installer({ sheets: { Budget: cellulesExcel(DEVIS) }, lignesMasquees: { Budget: [20] } });
    const office = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(office).not.toHaveProperty("lignesMasquees");
    expect(office).toEqual(await lireXlsx([]));
    const l = lectures(excel.__etat().syncs);
    expect(l).toHaveLength(1);
    expect(l[0].ops.filter((o) => o === "load rowHidden")).toHaveLength(1);
  });

  it("a 5 000-row sheet with a few hidden runs: a handful of small syncs, never a load per row", async () => {
    const n = 5000;
    const rows: Cellule[][] = [["Désignation", "Montant"]];
    for (let r = 1; r < n; r++) rows.push([`Poste ${r}`, r]);
    const masquees = [...Array.from({ length: 40 }, (_, i) => 100 + i), 2500, 4998, 4999];
    installer({ sheets: { Grand: cellulesExcel(rows) }, lignesMasquees: { Grand: masquees } });
    const s = (await new OfficeWorkbook().readSheet("Grand"))!;
    expect(s.rows).toHaveLength(n);
    expect(s.lignesMasquees).toEqual(masquees);
    const l = lectures(excel.__etat().syncs);
    expect(l.length).toBeLessThanOrEqual(5);
    const charges = l.reduce((t, x) => t + x.ops.filter((o) => o === "load rowHidden").length, 0);
    expect(charges).toBeLessThan(300);
    for (const x of l) expect(x.octets).toBeLessThan(OCTETS_MAX_BLOC);
  });

  it("every other row hidden (the worst layout): each sync within its budget, every hidden row found", async () => {
    const n = 5000;
    const rows: Cellule[][] = Array.from({ length: n }, (_, r) => [`Ligne ${r + 1}`, r]);
    const masquees = Array.from({ length: n / 2 }, (_, i) => 2 * i + 1);
    installer({ sheets: { Grand: cellulesExcel(rows) }, lignesMasquees: { Grand: masquees } });
    const s = (await new OfficeWorkbook().readSheet("Grand"))!;
    expect(s.lignesMasquees).toEqual(masquees);
    for (const x of lectures(excel.__etat().syncs)) {
      expect(x.ops.filter((o) => o === "load rowHidden").length).toBeLessThanOrEqual(PLAGES_MASQUAGE_PAR_SYNC);
      expect(x.octets).toBeLessThan(OCTETS_MAX_BLOC);
    }
  });

  it("a host without ExcelApi 1.2: no rowHidden read, rows as before", async () => {
    hote((v) => v !== "1.2");
    installer({ sheets: { Budget: cellulesExcel(DEVIS) }, lignesMasquees: { Budget: MASQUEES } });
    const s = (await new OfficeWorkbook().readSheet("Budget"))!;
    expect(lectures(excel.__etat().syncs)).toEqual([]);
    expect(s).not.toHaveProperty("lignesMasquees");
    expect(s.rows).toEqual((await lireXlsx(MASQUEES)).rows);
  });
});

describe("fake Excel: rowHidden", () => {
  it("is true when all the range's rows are hidden, false when none, null when mixed; set on whole rows", async () => {
    installer({ sheets: { Budget: [["a"], ["b"], ["c"], ["d"]] }, lignesMasquees: { Budget: [1, 2] } });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Budget");
      const cellule = ws.getRangeByIndexes(1, 0, 1, 1);
      cellule.load("rowHidden");
      expect(() => cellule.rowHidden).toThrow(/chargée/);
      const deux = ws.getRange("A2:B3").load("rowHidden");
      const melange = ws.getRange("A1:A3").load("rowHidden");
      const visible = ws.getRange("A4").load("rowHidden");
      await ctx.sync();
      expect([cellule.rowHidden, deux.rowHidden, melange.rowHidden, visible.rowHidden]).toEqual([
        true,
        true,
        null,
        false,
      ]);
      expect(() => deux.values).toThrow(/chargée/);
      ws.getRange("A4").rowHidden = true;
      ws.getRange("A2").rowHidden = false;
      await ctx.sync();
    });
    expect(excel.__etat().feuilles[0].lignesMasquees).toEqual([2, 3]);
    // Prodbook's sheet replaced: every row shown again (feuillePropre sets rowHidden false on the whole sheet).
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Budget").getRange().rowHidden = false;
      await ctx.sync();
    });
    expect(excel.__etat().feuilles[0].lignesMasquees).toEqual([]);
  });
});
