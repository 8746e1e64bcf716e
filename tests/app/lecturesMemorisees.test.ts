import * as path from "path";
import { structurer } from "../../src/app/commandes/devis";
import { financement } from "../../src/app/commandes/financement";
import { memoriserLectures } from "../../src/app/lecturesMemorisees";
import type { WorkbookPort } from "../../src/core/port/workbook";
import { texteDuree, texteDureesAmbigues } from "../../src/cli/args";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

/**
 * The duration taken from the workbook and the devis found afterwards read the same sheets: each is read once per use
 * case, and a write makes the sheets it replaces read anew.
 */
const EXEMPLE = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const PLAN = path.resolve(__dirname, "../fixtures/financement/documentaire.xlsx");

/** The workbook with every readSheet counted by sheet name. */
function compte(wb: WorkbookPort): { port: WorkbookPort; lectures: Map<string, number> } {
  const lectures = new Map<string, number>();
  const port: WorkbookPort = {
    listSheets: () => {
      lectures.set("(liste des feuilles)", (lectures.get("(liste des feuilles)") ?? 0) + 1);
      return wb.listSheets();
    },
    feuillesProdbook: () => wb.feuillesProdbook(),
    writeSheets: (s, p) => wb.writeSheets(s, p),
    readSheet: (nom, o) => {
      lectures.set(nom, (lectures.get(nom) ?? 0) + 1);
      return wb.readSheet(nom, o);
    },
  };
  return { port, lectures };
}

describe("each sheet read once per use case", () => {
  it("devis without a sheet named, duration from the workbook: 52 min read, no sheet read twice", async () => {
    const { port, lectures } = compte(await XlsxWorkbook.ouvrir(EXEMPLE));
    const r = await structurer(port, { dureeDuClasseur: true, date: "2026-01-15" }, false);
    expect(r.devis.dureeMinutes).toBe(52);
    expect(lectures.get("Budget Gardiens")).toBe(1);
    expect([...lectures.values()].filter((n) => n > 1)).toEqual([]);
  });

  it("financement of an audiovisual work: the devis sheet read once for the duration and the cost", async () => {
    const { port, lectures } = compte(await XlsxWorkbook.ouvrir(PLAN));
    await financement(port, { typeOeuvre: "audiovisuel", premierOuDeuxiemeFilm: false, dureeDuClasseur: true }, false);
    expect(lectures.size).toBeGreaterThan(0);
    expect([...lectures.entries()].filter(([, n]) => n > 1)).toEqual([]);
  });

  it("a write forgets the readings: the sheet written is read anew, with what was written", async () => {
    const wb = XlsxWorkbook.vide();
    const { port, lectures } = compte(wb);
    const m = memoriserLectures(port);
    await m.writeSheets([{ name: "Notes", rows: [["avant"]] }]);
    expect((await m.readSheet("Notes"))?.rows[0][0]?.v).toBe("avant");
    expect((await m.readSheet("Notes"))?.rows[0][0]?.v).toBe("avant");
    expect(lectures.get("Notes")).toBe(1);
    await m.writeSheets([{ name: "Notes", rows: [["après"]] }]);
    expect((await m.readSheet("Notes"))?.rows[0][0]?.v).toBe("après");
    expect(lectures.get("Notes")).toBe(2);
    // The sheet list likewise: asked once until a write, then anew (with the sheet written).
    expect(await m.listSheets()).toEqual(["Notes"]);
    expect(await m.listSheets()).toEqual(["Notes"]);
    expect(lectures.get("(liste des feuilles)")).toBe(1);
    await m.writeSheets([{ name: "Suite", rows: [["x"]] }]);
    expect(await m.listSheets()).toEqual(["Notes", "Suite"]);
    expect(lectures.get("(liste des feuilles)")).toBe(2);
  });
});

describe("the duration in the CLI's text", () => {
  it("written in French figures, and durations not taken named as the use cases name them", () => {
    expect(texteDuree(52.5, { formule: "durée saisie avec l'option --duree" })).toBe(
      "Durée : 52,5 min (durée saisie avec l'option --duree)",
    );
    expect(texteDuree(1200, undefined)).toBe("Durée : 1\u202f200 min");
    expect(
      texteDureesAmbigues([
        { minutes: "52", cellule: "'Budget'!A2" },
        { minutes: "90", cellule: "'Budget'!B3" },
      ]),
    ).toBe(
      "Durée : le classeur écrit plusieurs durées, aucune n'est prise : 52 min ('Budget'!A2), 90 min ('Budget'!B3) ; indiquez --duree",
    );
  });
});
