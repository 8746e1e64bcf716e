import { creerFauxExcel, type FauxExcel, type FixtureExcel } from "../helpers/fake-excel";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { ConflitFeuilleError, type SheetSpec } from "../../src/core/port/workbook";
import { OCTETS_MAX_BLOC } from "../../src/core/port/blocs";
import { ErreurDonnees, ErreurExpliquee } from "../../src/core/erreurs";

let excel: FauxExcel;
function installer(fx: FixtureExcel): FauxExcel {
  excel = creerFauxExcel(fx);
  (globalThis as unknown as { Excel: FauxExcel }).Excel = excel;
  return excel;
}
const feuille = (nom: string) => excel.__etat().feuilles.find((f) => f.name === nom)!;

const devis: SheetSpec = {
  name: "Devis",
  rows: [
    ["Code", "Libellé", "Qté", "Taux", "Montant", "Date"],
    ["2.1", "=SUM(A1)", 2, 100, { formula: "C2*D2", result: 200 }, { date: "2025-03-01" }],
    ["02.03", "+33 6 12 34 56 78", 1, 50, { formula: "C3*D3", result: 50 }, null],
    ["3", "@chef", 1, 10, { formula: "=C4*D4" }, null],
    ["-x", "TRUE", null, null, { formula: "SUBTOTAL(109,E2:E4)", result: 260 }, null],
    [],
    ["Note de bas de page"],
  ],
  columns: [
    { width: 8 },
    { width: 30 },
    {},
    { numFmt: "#,##0.00 €" },
    { numFmt: "#,##0.00 €" },
    { numFmt: "dd/mm/yyyy" },
  ],
  formats: [
    { range: "A1:F1", bold: true, fill: "#DDEEFF", align: "center" },
    { range: "A5:F5", borderTop: true },
    { range: "C2:C4", numFmt: "0" },
  ],
  tables: [{ name: "tblDevis", range: "A1:F5", showTotals: true }],
  validations: [
    { range: "C2:C4", list: ["1", "2"], prompt: "Quantité" },
    { range: "B2:B4", list: { source: "Listes!$A$1:$A$3" }, strict: false },
  ],
  conditionalFormats: [{ range: "E2:E4", formula: "E2>100", fill: "#FFC7CE", bold: true }],
  charts: [
    {
      type: "column",
      title: "Montants",
      categories: "Devis!$A$2:$A$4",
      series: [
        { name: "Montant", values: "Devis!$E$2:$E$4" },
        { name: "Taux", values: "'Devis'!$D$2:$D$4" },
      ],
      anchor: "H2",
      widthCols: 6,
      heightRows: 10,
    },
  ],
  merges: ["A7:C7"],
  freeze: { rows: 1, columns: 2 },
  tabColor: "#1F4E79",
  print: { landscape: true, repeatRows: 1, fitToWidth: true },
};

describe("OfficeWorkbook against the fake Excel", () => {
  beforeEach(() =>
    installer({
      sheets: {
        "Devis producteur": [
          ["Poste", "Montant"],
          ["Régie", { f: "=1000+200", v: 1200, fmt: "#,##0.00" }],
          ["Date", { v: 45717, fmt: "dd/mm/yyyy" }],
        ],
        Notes: [[null, "x"]],
      },
    }),
  );

  it("lists sheets and reads values, formulas, dates and formats like the xlsx reader", async () => {
    const wb = new OfficeWorkbook();
    expect(await wb.listSheets()).toEqual(["Devis producteur", "Notes"]);
    expect(await wb.feuillesProdbook()).toEqual([]);
    const s = (await wb.readSheet("devis producteur"))!;
    expect(s.name).toBe("Devis producteur");
    expect(s.rows).toEqual([
      [{ v: "Poste" }, { v: "Montant" }],
      [{ v: "Régie" }, { v: 1200, f: "1000+200", fmt: "#,##0.00" }],
      [{ v: "Date" }, { v: "2025-03-01", fmt: "dd/mm/yyyy" }],
    ]);
    expect((await wb.readSheet("Notes"))!.rows).toEqual([[{ v: null }, { v: "x" }]]);
    expect(await wb.readSheet("Absente")).toBeUndefined();
  });

  it("writes text that Excel would parse as text, formulas as formulas, dates as serials with a date format", async () => {
    const wb = new OfficeWorkbook();
    await wb.writeSheets([{ name: "Listes", rows: [["a"], ["b"], ["c"]], hidden: true }, devis]);
    const d = feuille("Devis");
    expect(d.valeurs[1][1]).toBe("=SUM(A1)");
    expect(d.formules[1][1]).toBeNull();
    expect(d.valeurs[1][0]).toBe("2.1");
    expect(d.valeurs[2][0]).toBe("02.03");
    expect(d.valeurs[2][1]).toBe("+33 6 12 34 56 78");
    expect(d.valeurs[3][1]).toBe("@chef");
    expect(d.valeurs[4][0]).toBe("-x");
    expect(d.valeurs[4][1]).toBe("TRUE");
    expect(d.formules.flat().filter(Boolean)).toEqual(["=C2*D2", "=C3*D3", "=C4*D4", "=SUBTOTAL(109,E2:E4)"]);
    expect(d.valeurs[1][5]).toBe(45717);
    expect(d.formats[1][5]).toBe("dd/mm/yyyy");
    expect(d.formats[1][4]).toBe("#,##0.00 €");
    expect(d.formats[1][2]).toBe("0");
    // Read back through the port: the same values.
    const relu = (await wb.readSheet("Devis"))!;
    expect(relu.rows[1][1]).toEqual({ v: "=SUM(A1)" });
    expect(relu.rows[1][5]).toEqual({ v: "2025-03-01", fmt: "dd/mm/yyyy" });
    expect(relu.merges).toEqual(["A7:C7"]);
  });

  it("creates the table, validations, conditional formats, chart, freeze panes, tab colour and print setup", async () => {
    await new OfficeWorkbook().writeSheets([{ name: "Listes", rows: [["a"]], hidden: true }, devis]);
    const d = feuille("Devis");
    expect(d.tables).toEqual([
      expect.objectContaining({ name: "tblDevis", range: "A1:F4", hasHeaders: true, style: "TableStyleMedium2" }),
    ]);
    expect(d.validations).toEqual([
      expect.objectContaining({
        range: "C2:C4",
        rule: { list: { inCellDropDown: true, source: "1,2" } },
        prompt: expect.objectContaining({ message: "Quantité" }),
        errorAlert: expect.objectContaining({ style: "Stop" }),
      }),
      expect.objectContaining({
        range: "B2:B4",
        rule: { list: { inCellDropDown: true, source: "=Listes!$A$1:$A$3" } },
        errorAlert: expect.objectContaining({ style: "Warning" }),
      }),
    ]);
    expect(d.conditionalFormats).toEqual([
      { range: "E2:E4", type: "Custom", formula: "=E2>100", fill: "#FFC7CE", fontColor: null, bold: true },
    ]);
    expect(d.charts).toHaveLength(1);
    expect(d.charts[0]).toMatchObject({
      type: "ColumnClustered",
      title: "Montants",
      position: { debut: "H2", fin: "M11" },
    });
    expect(d.charts[0].series).toEqual([
      { name: "Montant", values: "Devis!E2:E4", categories: "Devis!A2:A4" },
      { name: "Taux", values: "Devis!D2:D4", categories: "Devis!A2:A4" },
    ]);
    expect(d.freeze).toEqual({ rows: 1, columns: 2 });
    expect(d.tabColor).toBe("#1F4E79");
    expect(d.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$1" });
    expect(d.mises["A1:F1"]).toMatchObject({
      "font.bold": true,
      "fill.color": "#DDEEFF",
      horizontalAlignment: "Center",
    });
    expect(d.mises["A5:F5"]).toMatchObject({ "border.EdgeTop.style": "Continuous" });
    expect(feuille("Listes").visibility).toBe("Hidden");
    expect(feuille("_prodbook").visibility).toBe("VeryHidden");
  });

  it("never touches a user sheet and replaces its own in place without duplicates", async () => {
    const wb = new OfficeWorkbook();
    await expect(wb.writeSheets([{ name: "notes", rows: [["x"]] }])).rejects.toBeInstanceOf(ConflitFeuilleError);
    expect(feuille("Notes").valeurs).toEqual([[null, "x"]]);
    await wb.writeSheets([devis, { name: "Synthèse", rows: [["s"]], columns: [{ width: 50 }] }]);
    await wb.writeSheets([devis, { name: "Synthèse", rows: [["s2"]] }]);
    expect(await wb.listSheets()).toEqual(["Devis producteur", "Notes", "Devis", "Synthèse"]);
    expect(await wb.feuillesProdbook()).toEqual(["Devis", "Synthèse"]);
    expect(feuille("Devis").tables).toHaveLength(1);
    expect(feuille("Devis").charts).toHaveLength(1);
    expect(feuille("Devis").validations).toHaveLength(2);
    expect(feuille("Synthèse").valeurs).toEqual([["s2"]]);
    expect(feuille("Devis").largeurs).toEqual({ A: 45.75, B: 161.25 });
    // A width of the previous run does not survive the replacement.
    expect(feuille("Synthèse").largeurs).toEqual({});
    // The user moves our sheet first: replacing it keeps that position.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Synthèse").position = 0;
      await ctx.sync();
    });
    await wb.writeSheets([{ name: "Synthèse", rows: [["s3"]] }]);
    expect(await wb.listSheets()).toEqual(["Synthèse", "Devis producteur", "Notes", "Devis"]);
  });

  it("a table of the user's named like one of Prodbook's: refused in French before anything is written", async () => {
    await excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Notes").tables.add("A1:B2", true);
      t.name = "TBLDEVIS";
      await ctx.sync();
    });
    const avant = excel.__etat().feuilles.map((f) => f.name);
    const e = await new OfficeWorkbook().writeSheets([devis]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurDonnees);
    expect((e as Error).message).toBe(
      "Le classeur a déjà un tableau nommé « tblDevis » : Prodbook a besoin de ce nom pour sa feuille « Devis ». " +
        "Renommez ce tableau dans Excel (Création de tableau › Nom du tableau), puis recommencez.",
    );
    // Neither the register nor the sheet was written (Excel used to refuse the name halfway, in its own words).
    expect(excel.__etat().feuilles.map((f) => f.name)).toEqual(avant);
    expect(feuille("Notes").tables.map((t) => t.name)).toEqual(["TBLDEVIS"]);
  });

  it("writes 100,000 rows × 10 columns in blocks of at most 2 MB with one sync per block", async () => {
    const rows = Array.from({ length: 100000 }, (_, i) => [
      `ECR-${i}`,
      `Libellé d'écriture numéro ${i} — régie`,
      i * 1.25,
      401000 + (i % 97),
      "=pas une formule",
      { date: "2025-01-15" },
      { formula: `C${i + 1}*2` },
      i % 2 === 0,
      "606400",
      null,
    ]);
    const progres: number[][] = [];
    await new OfficeWorkbook().writeSheets(
      [{ name: "Grand livre", rows, columns: [{}, {}, { numFmt: "#,##0.00" }] }],
      (f, t) => progres.push([f, t]),
    );
    const syncs = excel.__etat().syncs;
    const ecritures = syncs.filter((s) =>
      s.ops.some((o) => typeof o === "object" && o.prop === "formulas" && o.feuille === "Grand livre"),
    );
    expect(ecritures.length).toBeGreaterThan(5);
    let lignes = 0;
    for (const s of ecritures) {
      expect(s.octets).toBeLessThanOrEqual(OCTETS_MAX_BLOC);
      const w = s.ops.filter((o) => typeof o === "object" && o.op === "set" && o.feuille === "Grand livre");
      // One block per sync: the formats and the values of the same rectangle.
      expect(new Set(w.map((o) => typeof o === "object" && `${o.r},${o.h}`)).size).toBe(1);
      const o = w[0] as { r: number; h: number; w: number };
      expect(o.r).toBe(lignes);
      expect(o.w).toBe(10);
      lignes += o.h;
    }
    expect(lignes).toBe(100000);
    expect(progres).toHaveLength(ecritures.length);
    expect(progres[progres.length - 1]).toEqual([ecritures.length, ecritures.length]);
    const gl = feuille("Grand livre");
    expect(gl.valeurs[99999][4]).toBe("=pas une formule");
    expect(gl.formules[99999][6]).toBe("=C100000*2");
    expect(gl.valeurs[99999][0]).toBe("ECR-99999");
    expect(gl.valeurs[0][8]).toBe("606400");
  });

  it("writes bulk rows (a generated ledger) block by block, with the columns' formats", async () => {
    let passes = 0;
    const n = 60000;
    const spec: SheetSpec = {
      name: "Grand livre",
      rows: [["Ligne", "Libellé", "Date", "Débit"]],
      bulk: {
        count: n,
        *rows() {
          passes++;
          for (let i = 0; i < n; i++)
            yield [i + 2, i % 7 === 0 ? "=pas une formule" : `Écriture ${i}`, { date: "2025-02-03" }, i / 4];
        },
      },
      columns: [{}, { numFmt: "@" }, { numFmt: "dd/mm/yyyy" }, { numFmt: "#,##0.00" }],
    };
    await new OfficeWorkbook().writeSheets([spec]);
    const ecritures = excel
      .__etat()
      .syncs.filter((s) =>
        s.ops.some((o) => typeof o === "object" && o.prop === "formulas" && o.feuille === "Grand livre"),
      );
    expect(ecritures.length).toBeGreaterThan(2);
    for (const s of ecritures) expect(s.octets).toBeLessThanOrEqual(OCTETS_MAX_BLOC);
    // Sizes, then the write itself: the rows are generated, never kept.
    expect(passes).toBe(2);
    const gl = feuille("Grand livre");
    expect(gl.valeurs).toHaveLength(n + 1);
    expect(gl.valeurs[n]).toEqual([n + 1, `Écriture ${n - 1}`, 45691, (n - 1) / 4]);
    expect(gl.valeurs[1][1]).toBe("=pas une formule");
    expect(gl.formats[n]).toEqual(["General", "@", "dd/mm/yyyy", "#,##0.00"]);
  });

  it("refuses a bulk row wider than the sheet's rows and columns before writing anything", async () => {
    const avant = excel.__etat().syncs.length;
    const spec: SheetSpec = {
      name: "Grand livre",
      rows: [["Ligne", "Libellé"]],
      bulk: {
        count: 2,
        *rows() {
          yield [1, "a"];
          yield [2, "b", "de trop"];
        },
      },
    };
    await expect(new OfficeWorkbook().writeSheets([spec])).rejects.toThrow(
      "Feuille « Grand livre », ligne 3 : 3 colonnes pour une largeur de 2 (lignes et colonnes de la feuille).",
    );
    expect(excel.__etat().syncs.length).toBe(avant);
  });

  it("refuses a generated text longer than a cell holds, naming its cell, before writing anything", async () => {
    const avant = excel.__etat().syncs.length;
    const spec: SheetSpec = {
      name: "Grand livre",
      rows: [["Ligne", "Libellé"]],
      bulk: {
        count: 2,
        *rows() {
          yield [1, "a".repeat(32767)];
          yield [2, "b".repeat(40000)];
        },
      },
    };
    await expect(new OfficeWorkbook().writeSheets([spec])).rejects.toThrow(
      /le texte de la cellule 'Grand livre'!B3 aurait 40\s000 caractères/,
    );
    expect(excel.__etat().syncs.length).toBe(avant);
  });

  it("selects a cell on its sheet", async () => {
    await new OfficeWorkbook().selectCell("'Devis producteur'!B3");
    expect(excel.__etat().selection).toBe("'Devis producteur'!B3");
    expect(excel.__etat().active).toBe("Devis producteur");
  });

  it("a cell whose sheet is gone (renamed since the page read it) is refused in French, the sheet and cell named", async () => {
    const avant = excel.__etat().selection;
    const e = await new OfficeWorkbook().selectCell("'Plan fin.'!B2").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurDonnees);
    expect((e as Error).message).toBe(
      "La feuille « Plan fin. » n'est plus dans le classeur (renommée ou supprimée) : la cellule 'Plan fin.'!B2 ne " +
        "peut être sélectionnée. Relancez l'action de la page pour relire le classeur.",
    );
    expect(excel.__etat().selection).toBe(avant);
  });
});

describe("OfficeWorkbook reading a large sheet", () => {
  it("reads 30,000 rows in blocks whose responses stay small, with the same cells as written", async () => {
    const rows = Array.from({ length: 30000 }, (_, i) => [
      `L${i}`,
      i,
      i % 3 === 0 ? { f: `=B${i + 1}*2`, v: i * 2 } : null,
      i % 1000 === 0 ? { v: 45717, fmt: "dd/mm/yyyy" } : null,
    ]);
    installer({ sheets: { "Grand livre": [["Pièce", "Montant", "Double", "Date"], ...rows] } });
    const avant = excel.__etat().syncs.length;
    const s = (await new OfficeWorkbook().readSheet("Grand livre"))!;
    const syncs = excel.__etat().syncs.slice(avant);
    const lectures = syncs.filter((x) => x.ops.includes("load values,formulas,numberFormat,valueTypes"));
    expect(lectures.length).toBe(Math.ceil(30001 / 5000));
    for (const x of lectures) expect(x.reponse).toBeLessThan(2 * 1024 * 1024);
    expect(s.rows).toHaveLength(30001);
    expect(s.rows[30000]).toEqual([{ v: "L29999" }, { v: 29999 }, { v: null }, { v: null }]);
    expect(s.rows[29998]).toEqual([{ v: "L29997" }, { v: 29997 }, { v: 59994, f: "B29998*2" }, { v: null }]);
    expect(s.rows[1][3]).toEqual({ v: "2025-03-01", fmt: "dd/mm/yyyy" });
    expect(s.rows[2]).toEqual([{ v: "L1" }, { v: 1 }, { v: null }, { v: null }]);
  });
});

describe("OfficeWorkbook charts", () => {
  it("builds one series per ChartSpec series, for row and column ranges alike", async () => {
    installer({ sheets: { Notes: [["x"]] } });
    await new OfficeWorkbook().writeSheets([
      {
        name: "Mois",
        rows: [
          ["", "janv.", "févr.", "mars"],
          ["Encaissements", 1, 2, 3],
          ["Dépenses", 3, 2, 1],
        ],
        charts: [
          {
            type: "line",
            title: "Trésorerie",
            categories: "Mois!$B$1:$D$1",
            series: [
              { name: "Encaissements", values: "Mois!$B$2:$D$2" },
              { name: "Dépenses", values: "Mois!$B$3:$D$3" },
            ],
            anchor: "A6",
          },
          {
            type: "pie",
            title: "Parts",
            categories: "Mois!$B$1:$D$1",
            series: [{ name: "Encaissements", values: "Mois!B2:D2" }],
            anchor: "J6",
          },
        ],
      },
    ]);
    const [ligne, secteurs] = feuille("Mois").charts;
    expect(ligne).toMatchObject({ type: "LineMarkers", title: "Trésorerie", position: { debut: "A6", fin: "H20" } });
    expect(ligne.series).toEqual([
      { name: "Encaissements", values: "Mois!B2:D2", categories: "Mois!B1:D1" },
      { name: "Dépenses", values: "Mois!B3:D3", categories: "Mois!B1:D1" },
    ]);
    expect(secteurs.type).toBe("Pie");
    expect(secteurs.series).toHaveLength(1);
  });
});

describe("erreurs d'Office que l'utilisateur peut lever : expliquées en français", () => {
  const spec: SheetSpec = {
    name: "Budget",
    rows: [
      ["Poste", "Montant"],
      ["Régie", 100],
    ],
  };

  it("cellule en cours de saisie (InvalidOperationInCellEditMode) : dire de valider ou quitter la cellule", async () => {
    installer({ sheets: {} }).__echouerAuProchainSync("InvalidOperationInCellEditMode", "The operation failed.");
    const e = await new OfficeWorkbook().writeSheets([spec]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurExpliquee);
    expect((e as ErreurExpliquee).message).toBe(
      "Excel est en cours de saisie dans une cellule\u00a0: validez (Entrée) ou quittez la cellule, puis relancez.",
    );
    expect((e as ErreurExpliquee).details).toBe(
      "RichApi.Error (InvalidOperationInCellEditMode): The operation failed.",
    );
    // Once the cell is left, running it again writes the sheet.
    await new OfficeWorkbook().writeSheets([spec]);
    expect(feuille("Budget")).toBeDefined();
  });

  it("feuille ou classeur protégé, lecture seule (AccessDenied) : dire d'ôter la protection", async () => {
    installer({ sheets: {} }).__echouerAuProchainSync("AccessDenied", "Access denied.");
    const e = await new OfficeWorkbook().listSheets().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurExpliquee);
    expect((e as ErreurExpliquee).message).toMatch(
      /^Excel refuse la modification\u00a0: la feuille ou le classeur est protégé/,
    );
    expect((e as ErreurExpliquee).message).toContain("Ôtez la protection");
  });

  it("tout autre code d'Office reste une erreur inattendue (son texte pour le support)", async () => {
    installer({ sheets: {} }).__echouerAuProchainSync("GeneralException", "Boom.");
    const e = await new OfficeWorkbook().listSheets().catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(ErreurExpliquee);
    expect(e).toMatchObject({ name: "RichApi.Error", code: "GeneralException" });
  });
});
