import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { ConflitFeuilleError } from "../../src/core/port/workbook";

describe("MemoryWorkbook", () => {
  it("reads plain rows and formula cells", async () => {
    const wb = new MemoryWorkbook({ Budget: [["Code", "Montant"], ["2.1", { f: "=B3*2", v: 40 }], [null, null]] });
    expect(await wb.listSheets()).toEqual(["Budget"]);
    const s = await wb.readSheet("budget");
    expect(s?.rows).toEqual([[{ v: "Code" }, { v: "Montant" }], [{ v: "2.1" }, { v: 40, f: "B3*2" }]]);
    expect(await wb.readSheet("Absente")).toBeUndefined();
  });

  it("refuses a user sheet, replaces its own in place, no duplicates", async () => {
    const wb = new MemoryWorkbook({ A: [["x"]], Devis: [["y"]] });
    await expect(wb.writeSheets([{ name: "Devis", rows: [] }])).rejects.toBeInstanceOf(ConflitFeuilleError);
    const spec = { name: "Synthèse", rows: [["=SUM(A1)", { formula: "1+1", result: 2 }, { date: "2025-03-01" }]] };
    await wb.writeSheets([spec]);
    await wb.writeSheets([{ name: "Contrôles", rows: [[1]] }]);
    await wb.writeSheets([spec]);
    expect(await wb.listSheets()).toEqual(["A", "Devis", "Synthèse", "Contrôles"]);
    expect(await wb.feuillesProdbook()).toEqual(["Synthèse", "Contrôles"]);
    expect((await wb.readSheet("Synthèse"))?.rows[0]).toEqual([{ v: "=SUM(A1)" }, { v: 2, f: "1+1" }, { v: "2025-03-01" }]);
    expect(wb.ecrites.get("Synthèse")).toBe(spec);
  });
});
