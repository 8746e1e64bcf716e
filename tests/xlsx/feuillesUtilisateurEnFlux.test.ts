import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { Readable } from "stream";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { commandesVersions } from "../../src/app/commandes/versions";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { glisserFormule, textesPartages, textesPartagesEnFlux } from "../../src/xlsx/lectureMiseDeCote";
import { contenusTels, debutTelles } from "../../src/xlsx/feuillesVolumineuses";
import { lireRecalcule, recalculer, resultat, sansResultats } from "../helpers/libreoffice";

/**
 * The versions commands keep the producer's sheets out of ExcelJS (`utilisateurEnFlux`): the devis is read from the
 * sheet's XML by streaming (lectureMiseDeCote.ts) and the sheets are put back from their original rows when the
 * workbook is saved (feuillesVolumineuses.ts). The producer must find her sheets as they were: values, formulas
 * (shared ones, across sheets, through a defined name), formats, notes, hyperlinks, merged cells, widths.
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-utilisateur-en-flux-"));
});

const io = (): Io & { sortie: string[]; erreurs: string[] } => {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { sortie, erreurs, out: (t) => sortie.push(t), err: (t) => erreurs.push(t) };
};

/** A producer's workbook: a devis with shared formulas, a note, a hyperlink, merges, a cross-sheet formula. */
async function classeurProducteur(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  const tarifs = wb.addWorksheet("Tarifs");
  tarifs.addRow(["Poste", "Tarif"]);
  tarifs.addRow(["Chef opérateur", 450]);
  tarifs.addRow(["Drone", 900]);
  tarifs.getCell("B2").numFmt = '#,##0.00 "€"';
  // A rich text and texts that look like a shared-string type (`"s"`, `'s'`): their rows are converted, not copied.
  tarifs.addRow([{ richText: [{ text: "Tarif ", font: { bold: true } }, { text: "syndical « s »" }] }, 'Le "s" final']);
  tarifs.addRow(["  espaces gardés  ", "l'accord 's'"]);
  for (let r = 6; r <= 40; r++) tarifs.addRow([`Ligne ${r}`, r * 10]);
  wb.definedNames.add("Tarifs!$B$3", "TauxDrone");

  ws.addRow(["DEVIS — « Les Gardiens du littoral »"]);
  ws.mergeCells("A1:G1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEEFF" } };
  ws.addRow(["Code", "Désignation", "Qté", "Nb", "Unité", "Tarif", "Montant"]);
  ws.getRow(2).font = { bold: true };
  ws.addRow(["2 - PERSONNEL"]);
  const lignes: [string, string, number, number, string, number][] = [
    ["2.1", "Réalisateur", 6, 1, "semaine", 1850],
    ["2.2", "Directrice de production", 12, 1, "jour", 412.37],
    ["2.3", "Chef opérateur", 18, 1, "jour", 450],
    ["2.4", "Scripte", 10, 1, "jour", 310.5],
    ["2.5", "Télépilote drone", 2, 1, "jour", 900],
  ];
  lignes.forEach(([code, lib, q, nb, u, t], i) => {
    const r = 4 + i;
    const montant = Math.round(q * nb * t * 100) / 100;
    ws.addRow([code, lib, q, nb, u, t, null]);
    // G4:G8 is one shared formula, as Excel writes a formula filled down.
    ws.getCell(r, 7).value =
      i === 0
        ? ({ formula: "ROUND(C4*D4*F4,2)", shareType: "shared", ref: "G4:G8", result: montant } as ExcelJS.CellValue)
        : ({ sharedFormula: "G4", result: montant } as ExcelJS.CellValue);
  });
  // The rate of 2.3 comes from the other sheet, the drone's through a defined name.
  ws.getCell("F6").value = { formula: "Tarifs!B2", result: 450 };
  ws.getCell("F8").value = { formula: "TauxDrone", result: 900 };
  ws.addRow([null, "Sous-total PERSONNEL", null, null, null, null, { formula: "SUM(G4:G8)", result: 0 }]);
  ws.getCell("G9").value = { formula: "SUM(G4:G8)", result: 29053.44 };
  ws.getCell("B5").note = "Tarif négocié avec l'agent";
  ws.getCell("B7").value = { text: "Scripte", hyperlink: "https://exemple.fr/grille-scriptes.pdf" };
  ws.mergeCells("E10:G10");
  ws.getCell("E10").value = "Devis établi le 2 novembre 2026";
  ws.getCell("A11").value = new Date(Date.UTC(2026, 10, 2));
  ws.getCell("A11").numFmt = "dd/mm/yyyy";
  for (let r = 4; r <= 9; r++) ws.getCell(r, 7).numFmt = '#,##0.00 "€"';
  ws.getColumn(2).width = 38;
  ws.getRow(2).height = 24;
  const f = path.join(dir, "producteur.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

/** Every cell of a sheet as the producer sees it: value, formula, format, font, fill, note, hyperlink. */
function cellules(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      const v = c.value as unknown;
      const o = v && typeof v === "object" && !(v instanceof Date) ? (v as Record<string, unknown>) : undefined;
      out[c.address] = {
        valeur: c.type === ExcelJS.ValueType.Formula ? c.result : o && "text" in o ? o.text : v,
        formule: c.type === ExcelJS.ValueType.Formula ? c.formula : undefined,
        format: c.numFmt,
        gras: !!c.font?.bold,
        taille: c.font?.size,
        fond: (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
        note: c.note === undefined ? undefined : typeof c.note === "string" ? c.note : JSON.stringify(c.note.texts),
        lien: c.hyperlink,
      };
    }),
  );
  return out;
}

function feuille(ws: ExcelJS.Worksheet) {
  return {
    cellules: cellules(ws),
    fusions: [...ws.model.merges].sort(),
    largeurB: ws.getColumn(2).width,
    hauteur2: ws.getRow(2).height,
  };
}

async function lire(f: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
}

describe("feuilles du producteur hors d'ExcelJS (commandes versions)", () => {
  it("les lignes copiées telles quelles commencent après la dernière qui peut tenir une chaîne partagée", () => {
    const l = (x: string) => Buffer.from(x, "latin1");
    const a = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';
    const b = '<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row>';
    expect(debutTelles(l(b), "")).toBe(0);
    expect(debutTelles(l(a + b), "")).toBe(a.length);
    expect(debutTelles(l(b + a), "")).toBe(b.length + a.length);
    expect(debutTelles(l(a.replace(/row/g, "x:row") + b.replace(/row/g, "x:row")), "x")).toBe(a.length + 4);
    // <rowBreaks> is no row: everything is converted.
    const c = '<row r="1"><c r="A1" t=\'s\'><v>0</v></c></row><rowBreaks/>';
    expect(debutTelles(l(c), "")).toBe(c.length);
  });

  it("le contenu de chaque chaîne partagée se reprend tel qu'écrit, sauf dans une partie qui déclare des préfixes", () => {
    const sst =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">' +
      '<si><t>a &amp; b</t></si><si/><si><r><rPr><b/></rPr><t xml:space="preserve">gras </t></r><r><t>fin</t></r>' +
      '<rPh sb="0" eb="1"><t>ふ</t></rPh></si></sst>';
    expect(contenusTels(sst)).toEqual([
      "<t>a &amp; b</t>",
      "",
      '<r><rPr><b/></rPr><t xml:space="preserve">gras </t></r><r><t>fin</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh>',
    ]);
    expect(contenusTels(sst.replace("<sst ", '<sst xmlns:x14ac="urn:x" '))).toBeUndefined();
    expect(contenusTels(sst.replace("<t>fin</t>", "<t><![CDATA[fin]]></t>"))).toBeUndefined();
  });

  it("les textes des chaînes partagées se lisent de même par l'expression régulière et par le tokenizer", async () => {
    const sst =
      '<?xml version="1.0"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9">' +
      '<si><t>simple</t></si><si><t xml:space="preserve">  espaces  </t></si><si><t/></si><si/>' +
      "<si><t>a &amp; b &lt;c&gt; &#233; &#x263A;</t></si><si><t>ligne1\r\nligne2\rfin</t></si>" +
      "<si><t>_x000D_ et _x0041_</t></si>\n<si><r><rPr><b/></rPr><t>gras </t></r><r><t>fin</t></r>" +
      '<rPh sb="0" eb="1"><t>ふ</t></rPh></si><si><t><![CDATA[<cdata>]]></t></si><si><t>dernier</t></si></sst>';
    const parJetons = await textesPartagesEnFlux({
      nom: "xl/sharedStrings.xml",
      taille: sst.length,
      flux: async () => Readable.from([Buffer.from(sst, "utf8")]),
    });
    expect(parJetons).toHaveLength(10);
    expect(parJetons[5]).toBe("ligne1\nligne2\nfin");
    expect(textesPartages(sst)).toEqual(parJetons);
    expect(textesPartages(sst.replace("<si><t>dernier", "<!-- x --><si><t>dernier"))).toEqual(parJetons);
  });

  it("une feuille du producteur avec un graphique et un tableau les garde, lue en flux puis remise", async () => {
    const wb = XlsxWorkbook.vide();
    await wb.writeSheets([
      {
        name: "Suivi",
        rows: [
          ["Poste", "Budget"],
          ["Caméra", 1200],
          ["Son", 800],
          ["Total", { formula: "SUM(B2:B3)", result: 2000 }],
        ],
        tables: [{ name: "tblSuivi", range: "A1:B3", style: "TableStyleLight9" }],
        charts: [
          {
            type: "column",
            title: "Budget",
            categories: "'Suivi'!$A$2:$A$3",
            series: [{ name: "Budget", values: "'Suivi'!$B$2:$B$3" }],
            anchor: "D2",
          },
        ],
      },
    ]);
    const f = path.join(dir, "graphique.xlsx");
    await wb.enregistrer(f);
    // The sheet becomes the producer's: its name leaves Prodbook's registry.
    const z = await JSZip.loadAsync(await fs.readFile(f));
    const sst = await z.file("xl/sharedStrings.xml")!.async("string");
    expect(sst).toContain("<t>Suivi</t>");
    z.file("xl/sharedStrings.xml", sst.replace("<t>Suivi</t>", "<t>Autre</t>"));
    const producteur = path.join(dir, "graphique-producteur.xlsx");
    await fs.writeFile(producteur, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const ouvert = await XlsxWorkbook.ouvrir(producteur, { aLire: ["Versions"], utilisateurEnFlux: true });
    expect(await ouvert.feuillesProdbook()).toEqual(["Autre"]);
    // Kept out of ExcelJS: it holds the placeholder, not the rows.
    expect(ouvert.classeur.getWorksheet("Suivi")!.getCell("A2").value).toBeNull();
    expect((await ouvert.readSheet("Suivi"))!.rows[3][1]).toEqual({ v: 2000, f: "SUM(B2:B3)" });
    await ouvert.writeSheets([{ name: "Versions", rows: [["Version"]] }]);
    const sortie = path.join(dir, "graphique-sortie.xlsx");
    await ouvert.enregistrer(sortie);
    const zs = await JSZip.loadAsync(await fs.readFile(sortie));
    const graphiques = Object.keys(zs.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(graphiques).toHaveLength(1);
    expect(await zs.file(graphiques[0])!.async("string")).toContain("'Suivi'!$B$2:$B$3");
    const relu = await lire(sortie);
    expect(relu.getWorksheet("Suivi")!.getCell("B4").formula).toBe("SUM(B2:B3)");
    expect(Object.keys((relu.getWorksheet("Suivi") as unknown as { tables: object }).tables)).toEqual(["tblSuivi"]);
    // LibreOffice opens it and keeps the chart.
    const lo = await JSZip.loadAsync(await fs.readFile(await recalculer(sortie)));
    expect(Object.keys(lo.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
  }, 120000);

  it("glisserFormule déplace les références relatives comme ExcelJS", () => {
    expect(glisserFormule("ROUND(C4*D4*F4,2)", "G4", "G6")).toBe("ROUND(C6*D6*F6,2)");
    expect(glisserFormule("$C$4+C$4+$C4+Tarifs!B2+SUM(A1:B2)", "G4", "H6")).toBe("$C$4+D$4+$C6+Tarifs!C4+SUM(B3:C4)");
    expect(glisserFormule("TauxDrone*LOG10(C4)", "G4", "G5")).toBe("TauxDrone*LOG10(C5)");
  });

  it("le partage de la formule est bien celui qu'Excel écrit (maître G4, esclaves G5:G8)", async () => {
    const f = await classeurProducteur();
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<c r="G4"[^>]*><f t="shared" ref="G4:G8" si="0">ROUND\(C4\*D4\*F4,2\)<\/f>/);
    expect(xml).toMatch(/<c r="G7"[^>]*><f t="shared" si="0"\/>/);
  });

  it("chaque feuille du producteur se lit en flux comme ExcelJS la lit (formules partagées, lien, fusions)", async () => {
    const f = await classeurProducteur();
    const parExcelJS = await XlsxWorkbook.ouvrir(f);
    const enFlux = await XlsxWorkbook.ouvrir(f, { aLire: ["Versions"], utilisateurEnFlux: true });
    for (const nom of ["Budget", "Tarifs"])
      expect(await enFlux.readSheet(nom)).toEqual(await parExcelJS.readSheet(nom));
    const budget = (await enFlux.readSheet("Budget"))!;
    expect(budget.rows[6][6]).toMatchObject({ f: "ROUND(C7*D7*F7,2)", v: 3105 });
    expect(budget.rows[6][1]).toEqual({ v: "Scripte" });
    // Same devis, same version, either way.
    const args = { nom: "Devis initial", date: "2026-11-02", auteur: "Claire" };
    const a = await commandesVersions.enregistrerVersion(parExcelJS, args);
    const b = await commandesVersions.enregistrerVersion(enFlux, args);
    expect(b).toEqual(a);
    expect(a.version.lignes).toBe(5);
  });

  it("versions enregistrer rend les feuilles du producteur inchangées (ExcelJS et LibreOffice), et de même à la ré-exécution", async () => {
    const f = await classeurProducteur();
    const v1 = path.join(dir, "v1.xlsx");
    const v1bis = path.join(dir, "v1-bis.xlsx");
    let x = io();
    expect(await main(["versions", "enregistrer", f, "--nom", "Initial", "--date", "2026-11-02", "-o", v1], x)).toBe(0);
    expect(x.erreurs).toEqual([]);
    x = io();
    const args = ["--nom", "Initial", "--date", "2026-11-02", "--remplacer", "-o", v1bis];
    expect(await main(["versions", "enregistrer", v1, ...args], x)).toBe(0);
    expect(x.erreurs).toEqual([]);

    const avant = await lire(f);
    for (const sortie of [v1, v1bis]) {
      const apres = await lire(sortie);
      expect(apres.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Budget", "Tarifs"]);
      for (const nom of ["Budget", "Tarifs"])
        expect(feuille(apres.getWorksheet(nom)!)).toEqual(feuille(avant.getWorksheet(nom)!));
      expect(apres.definedNames.model).toEqual(avant.definedNames.model);
      expect(apres.getWorksheet("Versions")!.getCell("A2").value).toBe("Initial");
    }
    const b = cellules(avant.getWorksheet("Budget")!);
    expect(b.G7).toMatchObject({ formule: "ROUND(C7*D7*F7,2)", format: '#,##0.00 "€"' });
    expect(b.B5).toMatchObject({ note: expect.stringContaining("Tarif négocié") });
    expect(b.B7).toMatchObject({ lien: "https://exemple.fr/grille-scriptes.pdf", valeur: "Scripte" });

    // LibreOffice, every cached result dropped first, computes the same figures before and after.
    const recalcule = async (fichier: string) => {
      const { fichier: sans, formules } = await sansResultats(fichier);
      expect(formules).toBeGreaterThanOrEqual(8);
      const wb = await lireRecalcule(await recalculer(sans));
      const ws = wb.getWorksheet("Budget")!;
      const valeurs: Record<string, unknown> = {};
      ws.eachRow((row) => row.eachCell((c) => (valeurs[c.address] = resultat(c))));
      return { valeurs, note: ws.getCell("B5").note, lien: ws.getCell("B7").hyperlink, fusions: ws.model.merges };
    };
    const lo = await recalcule(f);
    expect(lo.valeurs.G6).toBe(8100);
    expect(lo.valeurs.G8).toBe(1800);
    expect(lo.valeurs.G9).toBe(29053.44);
    const loApres = await recalcule(v1);
    expect(loApres).toEqual(lo);
  }, 120000);
});
