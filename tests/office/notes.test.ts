import * as path from "path";
import { creerFauxExcel, type FauxExcel } from "../helpers/fake-excel";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import type { SheetData, SheetSpec } from "../../src/core/port/workbook";
import { structurer } from "../../src/app/commandes/devis";
import { versFixture } from "../browser/volet";

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

let excel: FauxExcel;
function installer(sheets: Record<string, ReturnType<typeof versFixture>>): FauxExcel {
  excel = creerFauxExcel({ sheets });
  (globalThis as unknown as { Excel: FauxExcel }).Excel = excel;
  return excel;
}
const feuille = (nom: string) => excel.__etat().feuilles.find((f) => f.name === nom)!;
const ops = () => excel.__etat().syncs.flatMap((s) => s.ops.map((o) => (typeof o === "string" ? o : o.op)));

/** Office.context.requirements of a host answering `supporte` (apiExcel reads it on each call). */
function hote(supporte: (version: string) => boolean): void {
  (globalThis as { Office?: unknown }).Office = {
    context: { requirements: { isSetSupported: (_: string, v: string) => supporte(v) } },
  };
}
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

const avecNotes = (notes: SheetSpec["notes"]): SheetSpec => ({
  name: "Synthèse",
  rows: [
    ["Poste", "Montant"],
    ["Total", { formula: "SUM(B3:B4)", result: 30 }],
    ["a", 10],
    ["b", 20],
  ],
  notes,
});

describe("notes on computed cells, inside Excel (Office adapter, ExcelApi 1.18)", () => {
  it("writes each note as plain text, and a re-run replaces them instead of stacking them", async () => {
    installer({ Feuil1: [["x"]] });
    const wb = new OfficeWorkbook();
    await wb.writeSheets([
      avecNotes([
        { cell: "B2", text: "= Σ lignes 3 à 4\n← a : 10" },
        { cell: "A1", text: "=SUM(B3:B4)" },
      ]),
    ]);
    expect(feuille("Synthèse").notes).toEqual({ B2: "= Σ lignes 3 à 4\n← a : 10", A1: "=SUM(B3:B4)" });
    // The cells keep their own content: a note is never a formula.
    expect(feuille("Synthèse").valeurs[0][0]).toBe("Poste");
    expect(feuille("Synthèse").formules[1][1]).toBe("=SUM(B3:B4)");
    // Second run: the fake refuses a second note on a cell, so a stacked note would throw here.
    await wb.writeSheets([avecNotes([{ cell: "B2", text: "= Σ lignes 3 à 4" }])]);
    expect(feuille("Synthèse").notes).toEqual({ B2: "= Σ lignes 3 à 4" });
    await wb.writeSheets([avecNotes(undefined)]);
    expect(feuille("Synthèse").notes).toEqual({});
  });

  it("before ExcelApi 1.18 no note is written and nothing fails", async () => {
    installer({ Feuil1: [["x"]] });
    hote((v) => v !== "1.18");
    const wb = new OfficeWorkbook();
    await wb.writeSheets([avecNotes([{ cell: "B2", text: "Total" }])]);
    await wb.writeSheets([avecNotes([{ cell: "B2", text: "Total" }])]);
    expect(feuille("Synthèse").notes).toEqual({});
    expect(feuille("Synthèse").formules[1][1]).toBe("=SUM(B3:B4)");
    expect(ops().filter((o) => /note/i.test(o))).toEqual([]);
  });

  it("the example devis structured twice in Excel: one note per total, naming the lines and the cells read", async () => {
    const source = await XlsxWorkbook.ouvrir(EXEMPLE);
    const sheets: Record<string, ReturnType<typeof versFixture>> = {};
    for (const n of await source.listSheets()) sheets[n] = versFixture((await source.readSheet(n)) as SheetData);
    installer(sheets);
    const wb = new OfficeWorkbook();
    await structurer(wb, {}, true);
    const premiere = feuille("Devis").notes;
    await structurer(wb, {}, true);
    expect(feuille("Devis").notes).toEqual(premiere);

    // One note on each total of the sheet (chapters by SUMIF, coût hors frais, TOTAL), and nowhere else.
    const totaux = feuille("Devis")
      .formules.map((r, i) => [`H${i + 1}`, r[7]] as const)
      .filter(([, f]) => f !== null && /^=(SUMIF\(|SUM\(H|H\d+\+)/.test(f))
      .map(([a]) => a);
    expect(totaux.length).toBe(13);
    expect(Object.keys(premiere).sort()).toEqual(totaux.sort());

    const total = Object.entries(premiere).find(([, t]) => t.startsWith("Total du devis"))!;
    expect(feuille("Devis").formules[Number(total[0].slice(1)) - 1][7]).toMatch(/^=H\d+\+H\d+/);
    const chapitre2 = Object.values(premiere).find((t) => t.startsWith("Chapitre 2 "))!;
    expect(chapitre2).toMatch(/^Chapitre 2 Personnel : 54\u202f110,00\u00a0€\n= Σ lignes 8 à 18 du chapitre 2 /);
    expect(chapitre2).toContain("Cellules lues : 'Budget Gardiens'!G15:G25");
  });
});
