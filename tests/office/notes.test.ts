import * as path from "path";
import { creerFauxExcel, type FauxExcel } from "../helpers/fake-excel";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import type { SheetData, SheetSpec } from "../../src/core/port/workbook";
import { FEUILLE_REGISTRE } from "../../src/core/port/possession";
import { structurer } from "../../src/app/commandes/devis";
import { commandesVersions } from "../../src/app/commandes/versions";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";
import { versFixture } from "../browser/volet";
import { noteDeTrace } from "../../src/core/traces/note";

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");

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

    // One note on each total of the sheet (chapters by SUMIF, coût hors frais, TOTAL) and on each line computed as
    // quantité × nombre × taux (ROUND of a product), and nowhere else.
    const calculees = feuille("Devis")
      .formules.map((r, i) => [`H${i + 1}`, r[7]] as const)
      .filter(([, f]) => f !== null && /^=(SUMIF\(|SUM\(H|H\d+\+|ROUND\(D\d+\*)/.test(f));
    const totaux = calculees.filter(([, f]) => !f!.startsWith("=ROUND("));
    expect(totaux.length).toBe(13);
    expect(calculees.length).toBeGreaterThan(totaux.length);
    expect(Object.keys(premiere).sort()).toEqual(calculees.map(([a]) => a).sort());
    const ligne = calculees.find(([, f]) => f!.startsWith("=ROUND("))![0];
    expect(premiere[ligne]).toMatch(/\(D\d+ × E\d+( × [FG]\d+)?\), arrondi au centime/);

    const total = Object.entries(premiere).find(([, t]) => t.startsWith("Total du devis"))!;
    expect(feuille("Devis").formules[Number(total[0].slice(1)) - 1][7]).toMatch(/^=H\d+\+H\d+/);
    const chapitre2 = Object.values(premiere).find((t) => t.startsWith("Chapitre 2 "))!;
    expect(chapitre2).toMatch(/^Chapitre 2 Personnel : 54\u202f110,00\u00a0€\n= Σ lignes 8 à 18 du chapitre 2 /);
    expect(chapitre2).toContain("Cellules lues : 'Budget Gardiens'!G15:G25");
  });
  it("the Synthèse's shares of the total, in Excel: each names its amount cell over the total's", async () => {
    const source = await XlsxWorkbook.ouvrir(EXEMPLE);
    const sheets: Record<string, ReturnType<typeof versFixture>> = {};
    for (const n of await source.listSheets()) sheets[n] = versFixture((await source.readSheet(n)) as SheetData);
    installer(sheets);
    await structurer(new OfficeWorkbook(), {}, true);
    const sy = feuille("Synthèse");
    // Every « % du total » formula (column D) carries a note naming its numerator and the TOTAL cell.
    const parts = sy.formules
      .map((r, i) => [i + 1, r[3]] as const)
      .filter(([, f]) => f !== null && /^=IF\(\$C\$\d+=0,0,C\d+\/\$C\$\d+\)$/.test(f));
    expect(parts.length).toBe(13);
    for (const [r, f] of parts) {
      const totalCell = /\$C\$(\d+)=0/.exec(f!)![1];
      expect(sy.notes[`D${r}`]).toContain(` (C${r} ÷ C${totalCell}) ; 0 quand C${totalCell} vaut 0\n`);
    }
    expect(sy.notes.D6).toMatch(/^Part du total : chapitre 2 Personnel : 29,59\u00a0%\n/);
  });

  it("the Contrôles written in Excel: each salaire-minimum finding's message carries its trace's note, once", async () => {
    const source = await XlsxWorkbook.ouvrir(CINEMA);
    const sheets: Record<string, ReturnType<typeof versFixture>> = {};
    for (const n of await source.listSheets()) sheets[n] = versFixture((await source.readSheet(n)) as SheetData);
    installer(sheets);
    const wb = new OfficeWorkbook();
    const args = { typeOeuvre: "cinema" as const, genre: "fiction" as const, date: "2025-09-01", explique: true };
    const r = await structurer(wb, args, true);
    const premiere = feuille("Contrôles").notes;
    // A re-run replaces the notes with their sheet: the fake refuses a second note on a cell.
    await structurer(wb, args, true);
    expect(feuille("Contrôles").notes).toEqual(premiere);
    const salaires = r.constats.flatMap((c, i) => (c.regle === "salaire-minimum" ? [[`C${5 + i}`, c] as const] : []));
    // Six technicians (idcc3097-minima) and one artist, F21 (idcc3097-artistes-minima).
    expect(salaires).toHaveLength(7);
    expect(Object.keys(premiere).sort()).toEqual(salaires.map(([a]) => a).sort());
    for (const [cellule, c] of salaires) {
      expect(feuille("Contrôles").valeurs[Number(cellule.slice(1)) - 1][2]).toBe(c.message);
      const t = r.traces!.salairesMinimum!.find((x) => x.cellule === c.cellule)!;
      expect(premiere[cellule]).toBe(noteDeTrace(t));
      if (c.cellule === "'Devis La Rade'!F21")
        expect(premiere[cellule]).toContain(
          "Règle : idcc3097-artistes-minima, en vigueur au 1er\u00a0janvier\u00a02022, confiance H — " +
            "https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044102",
        );
      else {
        expect(premiere[cellule]).toContain(
          "Règle : idcc3097-minima, en vigueur au 1er\u00a0avril\u00a02024, confiance ",
        );
        expect(premiere[cellule]).toContain(
          " — https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044080 (et 5 ",
        );
      }
      expect(premiere[cellule]).toContain(` (taux de la ligne) [${c.cellule}]\n`);
    }
  });

  it("the Comparaison written in Excel: chapters' and total's écart and écart % name both versions; the lines' écart column its rule, each line's écart its rows", async () => {
    const f = await deuxVersions(await dossierTemp("prodbook-office-notes-"));
    const source = await XlsxWorkbook.ouvrir(f.v2);
    const sheets: Record<string, ReturnType<typeof versFixture>> = {};
    for (const n of await source.listSheets()) sheets[n] = versFixture((await source.readSheet(n)) as SheetData);
    // Prodbook's register of its own sheets, as the CLI left it in the file: « Versions » is Prodbook's.
    sheets[FEUILLE_REGISTRE] = (await source.feuillesProdbook()).map((n) => [n]);
    installer(sheets);
    const wb = new OfficeWorkbook();
    const args = { de: "Devis initial", a: "Dépôt agrément", ecrire: true };
    await commandesVersions.comparerVersions(wb, args);
    const premiere = feuille("Comparaison").notes;
    await commandesVersions.comparerVersions(wb, args);
    expect(feuille("Comparaison").notes).toEqual(premiere);
    const valeurs = feuille("Comparaison").valeurs;
    const chapitres = valeurs.map((r, i) => [i + 1, r] as const).filter(([, r]) => r[0] === "Chapitre");
    expect(chapitres.length).toBeGreaterThan(1);
    for (const [r, v] of chapitres) {
      expect(premiere[`N${r}`]).toMatch(
        new RegExp(
          `^Écart chapitre ${v[1]} : .*\n= version « Dépôt agrément » − version « Devis initial » \\(M${r} − L${r}\\)\n`,
        ),
      );
      expect(premiere[`O${r}`]).toContain(`(N${r} ÷ L${r}) ; vide quand L${r} vaut 0`);
    }
    const total = valeurs.findIndex((r) => r[0] === "Total") + 1;
    expect(premiere[`N${total}`]).toMatch(/^Écart total : −2\u202f422,89\u00a0€\n/);
    expect(valeurs[total + 1][13]).toBe("Écart (à − de)");
    expect(premiere[`N${total + 2}`]).toMatch(/^Écart \(à − de\) de chaque ligne = Montant à \(M\) − Montant de \(L\)/);
    // Each line's écart (the 9 lines below the header) names the rows of « Versions » it compares.
    for (let r = total + 3; r < total + 12; r++)
      expect(premiere[`N${r}`]).toMatch(
        new RegExp(`^Écart de la ligne .*\n= Montant à − Montant de \\(M${r} − L${r}\\)\n`),
      );
    expect(premiere[`N${total + 3}`]).toMatch(/\(lu en Versions!M\d+, SOMME\.SI\.ENS par version et N° \d+\) \[L/);
    // A note on every computed cell (links to the producer's cells apart), and on the lines' écart header: none else.
    const calculees: string[] = [];
    feuille("Comparaison").formules.forEach((r, i) =>
      r.forEach((x, k) => {
        if (x && !/^=?HYPERLINK\(/.test(x)) calculees.push(`${String.fromCharCode(65 + k)}${i + 1}`);
      }),
    );
    expect(calculees.length).toBeGreaterThan(4 * (chapitres.length + 1) + 9 * 4);
    expect(Object.keys(premiere).sort()).toEqual([...calculees, `N${total + 2}`].sort());
    expect(premiere[`L${total + 3}`]).toMatch(
      /^Montant, version « Devis initial » : .*\n= montant de la ligne n° \d+ /,
    );
  });
});
