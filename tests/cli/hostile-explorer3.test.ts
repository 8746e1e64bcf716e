import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * A new user's hostile but real workbooks (issue 10, « no internal errors for users »): a chart sheet, an amount
 * shown in thousands of euros (« 50 k€ »), a line whose amount cell holds #REF!.
 */
const dossier = dossierTemporaire("prodbook-hostile-explorer3-");

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

/**
 * A devis « Devis » (F2:F4 = 5 000, 1 500, 2 000) with a chart sheet « Graphique » in front of it, as Excel writes one
 * (F11 « Déplacer le graphique > Nouvelle feuille »): chartsheet → drawing → bar chart of Devis!F2:F4.
 */
async function classeurAvecFeuilleGraphique(nom: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
  ws.addRow(["21", "Réalisateur", 10, 1, 500, 5000]);
  ws.addRow(["22", "Scripte", 5, 1, 300, 1500]);
  ws.addRow(["31", "Comédien", 2, 1, 1000, 2000]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file(
    "xl/chartsheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet ${NS} xmlns:r="${NS_R}"><sheetPr/>` +
      `<sheetViews><sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
  );
  zip.file(
    "xl/chartsheets/_rels/sheet1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${T}/drawing" Target="../drawings/drawing9.xml"/></Relationships>`,
  );
  zip.file(
    "xl/drawings/drawing9.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/>` +
      `<xdr:ext cx="8666400" cy="6293224"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique 1"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData ` +
      `uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
      `xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
  );
  zip.file(
    "xl/drawings/_rels/drawing9.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${T}/chart" Target="../charts/chart9.xml"/></Relationships>`,
  );
  zip.file(
    "xl/charts/chart9.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:chart><c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
      `<c:val><c:numRef><c:f>Devis!$F$2:$F$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
      `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
      `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>` +
      `</c:plotArea></c:chart></c:chartSpace>`,
  );
  const wbXml = (await zip.file("xl/workbook.xml")!.async("string")).replace(
    "<sheets>",
    '<sheets><sheet name="Graphique" sheetId="9" r:id="rIdG"/>',
  );
  zip.file("xl/workbook.xml", wbXml);
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
    "</Relationships>",
    `<Relationship Id="rIdG" Type="${T}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  const types = (await zip.file("[Content_Types].xml")!.async("string")).replace(
    "</Types>",
    `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CT}.spreadsheetml.chartsheet+xml"/>` +
      `<Override PartName="/xl/drawings/drawing9.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart9.xml" ContentType="${CT}.drawingml.chart+xml"/></Types>`,
  );
  zip.file("[Content_Types].xml", types);
  const f = path.join(dossier(), nom);
  await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
  return f;
}

/** The chart sheets of a saved workbook: name, and the chart its drawing shows (the series' range). */
async function feuillesGraphiques(f: string): Promise<{ nom: string; serie: string }[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(f));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const out: { nom: string; serie: string }[] = [];
  for (const m of wb.matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"\/>/g)) {
    const rel = new RegExp(`Id="${m[2]}" Type="[^"]+/chartsheet" Target="([^"]+)"`).exec(rels);
    if (!rel) continue;
    const partie = `xl/${rel[1]}`;
    expect(types).toContain(`PartName="/${partie}"`);
    const relsFeuille = await zip.file(partie.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
    const dessin = `xl/drawings/${/Target="\.\.\/drawings\/([^"]+)"/.exec(relsFeuille)![1]}`;
    const relsDessin = await zip.file(dessin.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
    const chart = `xl/charts/${/Target="\.\.\/charts\/([^"]+)"/.exec(relsDessin)![1]}`;
    const serie = /<c:f>([^<]+)<\/c:f>/.exec(await zip.file(chart)!.async("string"))![1];
    out.push({ nom: m[1], serie });
  }
  return out;
}

describe("un classeur qui a une feuille graphique (un graphique sur son propre onglet)", () => {
  it("versions enregistrer le lit (avant : « une partie du classeur a une structure que Prodbook ne sait pas lire », code 2) et la garde", async () => {
    const f = await classeurAvecFeuilleGraphique("versions-graphique.xlsx");
    const sortie = path.join(dossier(), "versions-graphique-v1.xlsx");
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      f,
      "--nom",
      "V1",
      "--date",
      "2026-01-15",
      "-o",
      sortie,
    ]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(await feuillesGraphiques(sortie)).toEqual([{ nom: "Graphique", serie: "Devis!$F$2:$F$4" }]);
    const l = await lancerCli(main, ["versions", "lister", sortie, "--json"]);
    expect(l.code).toBe(0);
    expect(l.out).toContain('"V1"');
  });

  it("devis -o garde la feuille graphique, son dessin et son graphique (avant : perdue sans un mot)", async () => {
    const f = await classeurAvecFeuilleGraphique("devis-graphique.xlsx");
    const sortie = path.join(dossier(), "devis-graphique-sortie.xlsx");
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "-o", sortie]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(await feuillesGraphiques(sortie)).toEqual([{ nom: "Graphique", serie: "Devis!$F$2:$F$4" }]);
    // The output is read again as any workbook: the devis, whole, and still one chart sheet after a second run.
    const j = await lancerCli(main, ["devis", sortie, "--feuille", "Devis", "--date", "2026-01-15", "--json"]);
    expect(JSON.parse(j.out).devis.total).toBe("8500.00");
    const sortie2 = path.join(dossier(), "devis-graphique-sortie2.xlsx");
    const r2 = await lancerCli(main, ["devis", sortie, "--feuille", "Devis", "--date", "2026-01-15", "-o", sortie2]);
    expect(r2.code).toBe(0);
    expect(await feuillesGraphiques(sortie2)).toEqual([{ nom: "Graphique", serie: "Devis!$F$2:$F$4" }]);
  });
});

describe("un montant affiché en milliers d'euros (« 50 k€ ») sans que le format divise le nombre", () => {
  it('nommé, non compté (avant : 50 k€ comptés 50,00 €) ; « #,##0, "k€" » (12 000 affiché « 12 k€ ») reste 12 000 €', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Montant"]);
    ws.addRow(["21", "Réalisateur", 50]);
    ws.addRow(["22", "Scripte", 1.5]);
    ws.addRow(["24", "Cadreur", 12000]);
    ws.getCell("C2").numFmt = '#,##0 "k€"';
    ws.getCell("C3").numFmt = '0.0" M€"';
    ws.getCell("C4").numFmt = '#,##0, "k€"';
    const f = path.join(dossier(), "devis-kilo-euros.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { devis: { total: string; conservation: { lu: string; ecart: string } } };
    expect([j.devis.total, j.devis.conservation.lu, j.devis.conservation.ecart]).toEqual([
      "12000.00",
      "12000.00",
      "0.00",
    ]);
    expect(controlesJson(r.out).filter((c) => c.regle === "montant-devise")).toEqual([
      {
        regle: "montant-devise",
        gravite: "alerte",
        message:
          'Devis!C2 « Réalisateur » : 50,00\u00a0k€ est affiché en « k€ » (format de nombre « #,##0 "k€" »), pas en ' +
          "euros ; la ligne n'est pas comptée (la cellule contient ce nombre, pas 1 000 fois plus : Prodbook ne devine " +
          "pas l'échelle). Convertissez le montant en euros et donnez à la cellule un format en € ou sans devise, puis " +
          "relancez.",
        cellule: "Devis!C2",
      },
      expect.objectContaining({
        cellule: "Devis!C3",
        message: expect.stringMatching(/^Devis!C3 « Scripte » : 1,50\u00a0M€ .* pas 1 000 000 fois plus/),
      }),
    ]);
  });
});

describe("une ligne dont la cellule du montant est une erreur Excel", () => {
  it("« 23 Régie » avec #REF! est une ligne non comptée (avant : lue comme un titre de chapitre, « ce total du producteur n'est pas comparé »)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Montant"]);
    ws.addRow(["21", "Réalisateur", 5000]);
    ws.addRow(["23", "Régie", { error: "#REF!" }]);
    ws.addRow(["24", "Cadreur", 1200]);
    const f = path.join(dossier(), "devis-ref.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).devis.total).toBe("6200.00");
    expect(controlesJson(r.out).filter((c) => c.cellule === "Devis!C3")).toEqual([
      {
        regle: "montant-illisible",
        gravite: "erreur",
        message: "Devis!C3 « Régie » : le montant est une erreur Excel (#REF!) ; la ligne n'est pas comptée.",
        cellule: "Devis!C3",
      },
    ]);
  });
});

describe("l'en-tête « Montant » fusionné sur deux colonnes", () => {
  it("les montants saisis sous la deuxième colonne de la fusion sont lus (avant : total 0,00 €, aucun constat)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Montant", null]);
    ws.addRow(["21", "Réalisateur", null, 5000]);
    ws.addRow(["22", "Scripte", null, 1500]);
    ws.mergeCells("C1:D1");
    const f = path.join(dossier(), "devis-entete-fusionne.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    const c = (JSON.parse(r.out) as { devis: { total: string; conservation: Record<string, string> } }).devis;
    expect([c.total, c.conservation.colonne, c.conservation.lu, c.conservation.ecart]).toEqual([
      "6500.00",
      "D",
      "6500.00",
      "0.00",
    ]);
  });

  it("« Coût » fusionné sur « HT | TTC » : la ligne « HT | TTC » est l'en-tête, HT lu, TTC écarté et dit (avant : « « HT » n'est pas un montant ; la ligne n'est pas comptée »)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Coût", null]);
    ws.addRow([null, null, "HT", "TTC"]);
    ws.addRow(["21", "Réalisateur", 5000, 6000]);
    ws.addRow(["22", "Scripte", 1500, 1800]);
    ws.mergeCells("C1:D1");
    const f = path.join(dossier(), "devis-entete-ht-ttc.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { devis: { total: string } }).devis.total).toBe("6500.00");
    const cs = controlesJson(r.out);
    expect(cs.filter((c) => /n'est pas un montant/.test(c.message))).toEqual([]);
    expect(cs.find((c) => c.cellule === "Devis!C2")?.message).toBe(
      "Devis!C2 : plusieurs colonnes de montant ; la colonne C « HT » est lue. « TTC » (D) n'est pas comptée : la " +
        "TVA et le TTC se déduisent du hors taxes.",
    );
  });
});
describe("credit-impot et ecarts sur un devis dont des montants ne sont pas lus", () => {
  it("l'alerte nomme les cellules laissées hors du calcul (avant : crédit et budget calculés sans elles, sans un mot)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Montant", "Charges"]);
    ws.addRow(["21", "Réalisatrice", 50000, { error: "#REF!" }]);
    ws.addRow(["22", "Monteur", "12.500", null]);
    ws.addRow(["23", "Scripte", 8000, 4000]);
    ws.addRow(["83", "Mixage", 1500, null]);
    ws.getCell("C5").numFmt = "[$$-409]#,##0.00";
    const f = path.join(dossier(), "devis-non-lus.xlsx");
    await wb.xlsx.writeFile(f);
    const attendu = (calcul: string) =>
      `3 cellules du devis « Devis » sans montant lu (Devis!D2, Devis!C3, Devis!C5) : ${calcul} sans elles. ` +
      "Le contrôle du devis dit pourquoi pour chacune ; corrigez-les, puis relancez.";
    const ci = await lancerCli(main, [
      "credit-impot",
      f,
      "--regime",
      "audiovisuel",
      "--genre",
      "documentaire",
      "--duree",
      "52",
      "--annee",
      "2025",
      "--json",
    ]);
    expect(ci.code).toBe(0);
    expect((JSON.parse(ci.out) as { alertes: string[] }).alertes).toContain(attendu("le crédit d'impôt est calculé"));
    const fec = path.join(__dirname, "../fixtures/fec/production-2024.txt");
    const ec = await lancerCli(main, ["ecarts", f, "--fec", fec, "--json"]);
    expect(ec.code).toBe(0);
    expect(controlesJson(ec.out).filter((c) => c.regle === "montants-non-lus")).toEqual([
      { regle: "montants-non-lus", gravite: "alerte", message: attendu("le budget est compté"), cellule: "Devis!D2" },
    ]);
  });
});

describe("financement : le coût pris dans un devis dont un montant n'est pas lu", () => {
  it("dit la cellule laissée hors du coût (avant : plan comparé à un coût sans elle, sans un mot)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(__dirname, "../fixtures/financement/fiction.xlsx"));
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Montant"]);
    ws.addRow(["21", "Réalisateur", 900000]);
    ws.addRow(["22", "Régie", { error: "#REF!" }]);
    const f = path.join(dossier(), "financement-devis-ref.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["financement", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).filter((c) => c.regle === "montants-non-lus")).toEqual([
      {
        regle: "montants-non-lus",
        gravite: "alerte",
        message:
          "Une cellule du devis « Devis » sans montant lu (Devis!C3) : le coût de production est compté sans elle. " +
          "Le contrôle du devis dit pourquoi ; corrigez-la, puis relancez.",
        cellule: "Devis!C3",
      },
    ]);
  });
});

describe("FEC : un montant écrit avec des milliers ou une devise", () => {
  it.each([
    [
      "12.000,00",
      "n'est pas écrit comme un montant de FEC (ni point ni virgule de milliers, ni devise) : écrivez « 12000,00 »",
    ],
    [
      "12,000.00",
      "n'est pas écrit comme un montant de FEC (ni point ni virgule de milliers, ni devise) : écrivez « 12000,00 »",
    ],
    ["12 000,00 $", ": montant en dollars : Prodbook ne convertit pas, convertissez en euros"],
  ])("« %s » : la ligne rejetée dit l'écriture attendue (avant : « n'est pas un montant »)", async (texte, raison) => {
    const source = await fs.readFile(path.join(__dirname, "../fixtures/fec/production-2024.txt"), "utf8");
    const lignes = source.split("\n");
    lignes[1] = lignes[1].replace("\t12000,00\t", `\t${texte}\t`);
    const f = path.join(dossier(), "fec-milliers.txt");
    await fs.writeFile(f, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", f, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { erreurs: unknown[] }).erreurs).toEqual([
      { ligne: 2, message: `Ligne 2 rejetée : Debit « ${texte} » ${raison}.` },
    ]);
  });
});
