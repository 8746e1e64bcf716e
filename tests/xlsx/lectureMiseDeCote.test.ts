import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import JSZip from "jszip";
import { formatDate, ligneAvecColonne } from "../../src/xlsx/lectureMiseDeCote";
import { catalogueZip, octetsEntree } from "../../src/xlsx/zipLecture";
import { normaliserPrefixes } from "../../src/xlsx/prefixes";

/**
 * A Prodbook sheet set aside on opening (`aLire`, the versions commands' « Versions ») is read by streaming
 * (lectureMiseDeCote.ts): each cell must read as ExcelJS + lireFeuille read it, and the sheet must come back
 * unchanged when the workbook is saved without rewriting it.
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-lecture-de-cote-"));
});

/** A workbook whose « Versions » sheet is Prodbook's (registry) and holds every kind of cell. */
async function classeur(partagees: boolean): Promise<string> {
  const wb = XlsxWorkbook.vide();
  await wb.writeSheets([
    { name: "Versions", rows: [["Version", "Date"]] },
    { name: "Autre", rows: [["x"]] },
  ]);
  const ws = wb.classeur.getWorksheet("Versions")!;
  const lignes: ExcelJS.CellValue[][] = [
    ["Version", "Date", "Montant", "Texte"],
    ["Devis initial", new Date(Date.UTC(2026, 10, 2)), 1234.56, "  espaces  "],
    ["R&D <b> \"x\" 'y'", new Date(Date.UTC(2026, 10, 2, 8, 30)), -0.1, "ligne1\nligne2"],
    [
      { richText: [{ text: "gras ", font: { bold: true } }, { text: "et _x000D_ normal" }] },
      { formula: "B2+1", result: new Date(Date.UTC(2026, 10, 3)) },
      { formula: "C2*2", result: 2469.12 },
      { formula: 'IF(1,"oui","non")', result: "oui" },
    ],
    [true, false, { error: "#REF!" }, { formula: "1/0", result: { error: "#DIV/0!" } }],
    [null, "", 0, "=pas une formule"],
    ["fusion", null, null, "après"],
    [{ formula: "C2", result: 0 }, { formula: "D9", result: "" }, 1e-7, 123456789012],
    [],
    [null, null, null, "fin"],
    ["cr\r\nlf", "cr\rseul", "&amp; &#13; écrit", "tab\tet 😀 hors BMP"],
  ];
  lignes.forEach((l, r) => l.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  ws.getColumn(2).numFmt = "dd/mm/yyyy";
  ws.getCell("B3").numFmt = "dd/mm/yyyy hh:mm";
  ws.getCell("C2").numFmt = '#,##0.00 "€"';
  ws.getCell("C4").numFmt = "0.00";
  ws.mergeCells("A7:C7");
  ws.getColumn(5).hidden = true;
  // A hidden row, and two rows folded in a collapsed group (written hidden="1" with their outline level).
  ws.getRow(3).hidden = true;
  for (const r of [7, 8]) {
    ws.getRow(r).outlineLevel = 1;
    ws.getRow(r).hidden = true;
  }
  ws.getCell("F1").value = "réglage";
  const f = path.join(dir, `classeur-${partagees ? "sst" : "inline"}.xlsx`);
  if (partagees) await wb.enregistrer(f);
  else {
    // Inline strings, as Prodbook's bulk writer writes the « Versions » rows.
    const x = wb.classeur;
    await x.xlsx.writeFile(f, { useSharedStrings: false } as ExcelJS.XlsxWriteOptions);
  }
  return f;
}

describe.each([true, false])("feuille mise de côté lue en flux (chaînes partagées : %s)", (partagees) => {
  it("chaque cellule se lit comme ExcelJS la lit (valeurs, formats, dates, formules, erreurs, fusions, colonnes et lignes masquées)", async () => {
    const f = await classeur(partagees);
    const parExcelJS = await (await XlsxWorkbook.ouvrir(f)).readSheet("Versions");
    const enFlux = await (await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"] })).readSheet("Versions");
    expect(parExcelJS!.rows.length).toBeGreaterThan(8);
    expect(parExcelJS!.lignesMasquees).toEqual([2, 6, 7]);
    // B8 =D9 saved with its empty text result, t="str" <v></v> (=SI(A1="";"";A1)): read as that empty text, not as a
    // formula without its result; ExcelJS cannot tell the two apart (no value either way) and reads no result.
    const xml = await (await JSZip.loadAsync(await fs.readFile(f))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<c r="B8"[^>]* t="str"><f>D9<\/f><v><\/v><\/c>/);
    expect(enFlux!.rows[7][1]).toEqual({ v: "", f: "D9", fmt: "dd/mm/yyyy" });
    expect(parExcelJS!.rows[7][1]).toEqual({ v: null, f: "D9", fmt: "dd/mm/yyyy" });
    parExcelJS!.rows[7][1] = enFlux!.rows[7][1];
    expect(enFlux).toEqual(parExcelJS);
  });

  it("la feuille revient inchangée quand le classeur est enregistré sans la réécrire", async () => {
    const f = await classeur(partagees);
    const wb = await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"] });
    await wb.writeSheets([{ name: "Autre", rows: [["y"]] }]);
    const sortie = path.join(dir, `sortie-${partagees}.xlsx`);
    await wb.enregistrer(sortie);
    const avant = (await (await XlsxWorkbook.ouvrir(f)).readSheet("Versions"))!;
    const apres = await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Versions");
    // Put back as inline strings (feuillesVolumineuses.ts), an empty text is <is><t></t></is>: Excel reads an empty
    // text there as before, ExcelJS reads no value (B6).
    expect(avant.rows[5][1]).toEqual({ v: "", fmt: "dd/mm/yyyy" });
    avant.rows[5][1] = { v: null };
    expect(apres).toEqual(avant);
    expect((await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Autre"))!.rows[0][0].v).toBe("y");
  });
});

it("une feuille de l'utilisateur nommée « Versions » n'est jamais mise de côté : celle de Prodbook est « Versions (Prodbook) »", async () => {
  const wb = XlsxWorkbook.vide();
  wb.classeur.addWorksheet("Versions").getCell("A1").value = "à l'utilisateur";
  await wb.writeSheets([{ name: "Versions (Prodbook)", rows: [["Version"], ["V1"]] }]);
  const f = path.join(dir, "homonyme.xlsx");
  await wb.enregistrer(f);
  const relu = await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"] });
  expect((await relu.readSheet("Versions"))!.rows).toEqual([[{ v: "à l'utilisateur" }]]);
  expect((await relu.readSheet("Versions (Prodbook)"))!.rows.map((r) => r[0].v)).toEqual(["Version", "V1"]);
});

it("formatDate suit le test d'ExcelJS (lettres de date hors guillemets et crochets)", () => {
  expect(formatDate("dd/mm/yyyy")).toBe(true);
  expect(formatDate("[$-40C]d mmmm yyyy")).toBe(true);
  expect(formatDate('#,##0.00 "€"')).toBe(false);
  expect(formatDate("[Red]0.00")).toBe(false);
  expect(formatDate(undefined)).toBe(false);
});

it("sansFeuillesUtilisateur : les feuilles de l'utilisateur ne sont pas chargées, celles de Prodbook se lisent comme avant", async () => {
  const f = await classeur(true);
  const normal = await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"] });
  const sans = await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"], sansFeuillesUtilisateur: true });
  expect(await sans.listSheets()).toEqual(await normal.listSheets());
  expect(await sans.feuillesProdbook()).toEqual(await normal.feuillesProdbook());
  expect(await sans.readSheet("Versions")).toEqual(await normal.readSheet("Versions"));
  expect(await sans.readSheet("Autre")).toEqual(await normal.readSheet("Autre"));
  // A sheet of the user's: its rows were never given to ExcelJS.
  const u = XlsxWorkbook.vide();
  u.classeur.addWorksheet("Budget").getCell("A1").value = "devis";
  await u.writeSheets([{ name: "Versions", rows: [["Version"]] }]);
  const g = path.join(dir, "utilisateur.xlsx");
  await u.enregistrer(g);
  const relu = await XlsxWorkbook.ouvrir(g, { aLire: ["Versions"], sansFeuillesUtilisateur: true });
  expect(await relu.listSheets()).toEqual(["Budget", "Versions"]);
  expect(relu.classeur.getWorksheet("Budget")!.getCell("A1").value).toBeNull();
  await expect(relu.readSheet("Budget")).rejects.toThrow(/non chargée/);
});

describe.each([true, false])(
  "lignesAvec : seules les lignes qui ont une cellule de la colonne (chaînes partagées : %s)",
  (partagees) => {
    it("se lisent, comme en entier ; les autres viennent vides", async () => {
      const f = await classeur(partagees);
      const entier = (await (await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"] })).readSheet("Versions"))!;
      const wb = await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"] });
      // Column F: « réglage » in F1 only; column A: every row but the empty one (row 9) and those without a cell in A
      // (rows 6 and 10).
      const f1 = (await wb.readSheet("Versions", { lignesAvec: 5 }))!;
      expect(f1.rows).toEqual([entier.rows[0]]);
      const a = (await wb.readSheet("Versions", { lignesAvec: 0 }))!;
      expect(a.rows.length).toBe(entier.rows.length);
      let vides = 0;
      a.rows.forEach((r, i) => {
        if (!r.length) vides++;
        // A row read is the whole row, without the empty cells that pad it to the sheet's width.
        else expect(r).toEqual(entier.rows[i].slice(0, r.length));
        if (entier.rows[i][0]?.v !== null) expect(r.length).toBeGreaterThan(0);
      });
      expect(vides).toBe(3);
      expect(a.merges).toEqual(entier.merges);
    });
  },
);

it("ligneAvecColonne : une cellule de la colonne, ou une cellule d'une autre forme, fait lire la ligne", () => {
  const r = ligneAvecColonne("R");
  expect(r('<c r="A5" t="s"><v>1</v></c><c r="R5"><v>2</v></c>')).toBe(true);
  // Other columns (RA, AR, « R5 » as a text), every cell in the plain form.
  expect(r('<c r="RA5"><v>1</v></c><c r="AR5"/><c r="Q5" t="inlineStr"><is><t>R5 &lt;c r="R5"</t></is></c>')).toBe(
    false,
  );
  // Another form (its reference further, quoted otherwise, spaced, or none: placed by its order): it may be in R.
  expect(r('<c s="1" r="Q5"/>')).toBe(true);
  expect(r("<c r='Q12' s=\"3\"/>")).toBe(true);
  expect(r('<c r = "Q7"><v>1</v></c>')).toBe(true);
  expect(r("<c><v>1</v></c>")).toBe(true);
  expect(r('<c r="A5"/><c/>')).toBe(true);
  // A prefix: only its cells are cells.
  const x = ligneAvecColonne("R", "x");
  expect(x('<x:c r="R7"><x:v>1</x:v></x:c>')).toBe(true);
  expect(x('<x:c r="A7"><x:v>1</x:v></x:c>')).toBe(false);
  expect(x('<x:c t="s"><x:v>1</x:v></x:c>')).toBe(true);
});

it("octetsEntree : les octets d'une partie comprimée ou stockée, lue d'un coup, sont ceux du flux", async () => {
  const f = await classeur(true);
  for (const compression of ["DEFLATE", "STORE"] as const) {
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const data = await zip.generateAsync({ type: "nodebuffer", compression });
    const catalogue = await catalogueZip(data);
    expect(catalogue.size).toBeGreaterThan(5);
    for (const [nom, e] of catalogue) {
      const parFlux: Buffer[] = [];
      for await (const m of await e.flux()) parFlux.push(m as Buffer);
      const octets = await octetsEntree(e);
      expect(octets.equals(Buffer.concat(parFlux))).toBe(true);
      expect(octets.equals(await zip.file(nom)!.async("nodebuffer"))).toBe(true);
    }
  }
});

it("normaliserPrefixes : « cp:coreProperties » (tout classeur d'ExcelJS) ne fait pas réécrire le paquet ; « x:worksheet » si", async () => {
  const f = await fs.readFile(await classeur(true));
  expect((await JSZip.loadAsync(f)).file("docProps/core.xml")).not.toBeNull();
  expect(await normaliserPrefixes(f)).toBeUndefined();
  const zip = await JSZip.loadAsync(f);
  const partie = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(partie)!.async("string");
  zip.file(partie, xml.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:").replace("<x:worksheet xmlns=", "<x:worksheet xmlns:x="));
  const prefixe = await zip.generateAsync({ type: "nodebuffer" });
  const normalise = await normaliserPrefixes(prefixe);
  expect(normalise).toBeDefined();
  const relu = await (await JSZip.loadAsync(normalise!)).file(partie)!.async("string");
  expect(relu).toMatch(/<worksheet xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/);
  expect(relu).not.toContain("<x:");
});
