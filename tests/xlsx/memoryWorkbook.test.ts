import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { ConflitFeuilleError } from "../../src/core/port/workbook";
import { FeuilleTropGrandeError } from "../../src/core/port/possession";
import { ErreurDonnees } from "../../src/core/erreurs";

describe("MemoryWorkbook", () => {
  it("reads plain rows and formula cells", async () => {
    const wb = new MemoryWorkbook({
      Budget: [
        ["Code", "Montant"],
        ["2.1", { f: "=B3*2", v: 40 }],
        [null, null],
      ],
    });
    expect(await wb.listSheets()).toEqual(["Budget"]);
    const s = await wb.readSheet("budget");
    expect(s?.rows).toEqual([
      [{ v: "Code" }, { v: "Montant" }],
      [{ v: "2.1" }, { v: 40, f: "B3*2" }],
    ]);
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
    expect((await wb.readSheet("Synthèse"))?.rows[0]).toEqual([
      { v: "=SUM(A1)" },
      { v: 2, f: "1+1" },
      { v: "2025-03-01" },
    ]);
    expect(wb.ecrites.get("Synthèse")).toBe(spec);
  });
});

describe("table checks shared by the adapters", () => {
  it("refuses a table overlapping a merge or another table", async () => {
    const wb = new MemoryWorkbook({});
    await expect(
      wb.writeSheets([
        {
          name: "D",
          rows: [
            ["a", "b"],
            [1, 2],
          ],
          tables: [{ name: "tblA", range: "A1:B2" }],
          merges: ["B2:C2"],
        },
      ]),
    ).rejects.toThrow(/tblA \(A1:B2\) chevauche la fusion B2:C2/);
    await expect(
      wb.writeSheets([
        {
          name: "D",
          rows: [
            ["a", "b"],
            [1, 2],
          ],
          tables: [
            { name: "tblA", range: "A1:A2" },
            { name: "tblB", range: "A2:B2" },
          ],
        },
      ]),
    ).rejects.toThrow(/chevauche la table tblB/);
    await wb.writeSheets([
      {
        name: "D",
        rows: [
          ["a", "b"],
          [1, 2],
        ],
        tables: [
          { name: "tblA", range: "A1:A2" },
          { name: "tblB", range: "B1:B2" },
        ],
        merges: ["A4:B4"],
      },
    ]);
    expect(await wb.listSheets()).toEqual(["D"]);
  });
});

describe("spec checks before writing", () => {
  it("refuses bad sheet names and inline lists before touching anything", async () => {
    const wb = new MemoryWorkbook({ A: [["x"]] });
    await expect(wb.writeSheets([{ name: "Écarts/2025", rows: [] }])).rejects.toThrow(
      /Nom de feuille invalide « Écarts\/2025 »/,
    );
    await expect(wb.writeSheets([{ name: "x".repeat(32), rows: [] }])).rejects.toThrow(/Nom de feuille invalide/);
    await expect(
      wb.writeSheets([
        { name: "Bon", rows: [] },
        { name: "L", rows: [], validations: [{ range: "A1:A3", list: ["a,b", "c"] }] },
      ]),
    ).rejects.toThrow(/L!A1:A3.*« a,b » contient une virgule/);
    await expect(
      wb.writeSheets([
        {
          name: "L",
          rows: [],
          validations: [{ range: "A1", list: Array.from({ length: 60 }, (_, i) => `valeur${i}`) }],
        },
      ]),
    ).rejects.toThrow(/trop longue/);
    expect(await wb.listSheets()).toEqual(["A"]);
  });

  it("refuses more rows than a worksheet holds, as a data error, before generating any", async () => {
    const wb = new MemoryWorkbook({ A: [["x"]] });
    let generees = 0;
    const spec = (count: number) => ({
      name: "Grand livre",
      rows: [["Ligne"]],
      bulk: {
        count,
        *rows() {
          for (let i = 0; i < count; i++) {
            generees++;
            yield [i];
          }
        },
      },
    });
    const refus = wb.writeSheets([spec(1048576)]);
    await expect(refus).rejects.toBeInstanceOf(FeuilleTropGrandeError);
    await expect(refus).rejects.toBeInstanceOf(ErreurDonnees);
    await expect(refus).rejects.toThrow(
      "La feuille « Grand livre » aurait 1 048 577 lignes : une feuille Excel en contient au plus 1 048 576.",
    );
    expect(generees).toBe(0);
    await wb.writeSheets([spec(3)]);
    expect((await wb.readSheet("Grand livre"))!.rows.map((r) => r[0].v)).toEqual(["Ligne", 0, 1, 2]);
  });
});
