import fc from "fast-check";
import JSZip from "jszip";
import { LignesRestituees, partagesEnLigne } from "../../src/xlsx/lignesRestituees";
import { insererDrawing, lireRels, partiesFeuilles, relsXml } from "../../src/xlsx/zipParties";
import { elements, NS_MAIN, sousArbre } from "../../src/xlsx/xml";
import { NS_R } from "../../src/xlsx/chartXml";

/** The package parts are read with a real XML parser: entities, prefixes and chunk boundaries. */
describe("package parts read with saxes", () => {
  it("reads sheet names with numeric entities and any prefix of the spreadsheet namespace", async () => {
    const zip = new JSZip();
    zip.file(
      "xl/workbook.xml",
      `<?xml version="1.0"?><x:workbook xmlns:x="${NS_MAIN}" xmlns:rel="${NS_R}"><x:sheets>` +
        `<x:sheet name="R&#233;gie &amp; co &#x1F3AC;" sheetId="1" rel:id="rId1"/>` +
        `<x:sheet name="Sans relation" sheetId="2" rel:id="rId9"/></x:sheets></x:workbook>`,
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_R}/worksheet" Target="/xl/worksheets/sheet&#49;.xml"/></Relationships>`,
    );
    expect(await partiesFeuilles(zip)).toEqual(new Map([["Régie & co 🎬", "xl/worksheets/sheet1.xml"]]));
  });

  it("writes relationships that read back the same, special characters included", () => {
    const rels = [
      { id: "rId1", type: `${NS_R}/hyperlink`, target: 'https://exemple.fr/?a=1&b="2"<3>', externe: true },
      { id: "rId2", type: `${NS_R}/drawing`, target: "../drawings/drawing1.xml" },
    ];
    expect(lireRels(relsXml(rels))).toEqual(rels);
  });

  it("puts <drawing> where the schema wants it and declares the r prefix when the sheet lacks it", () => {
    const xml = `<worksheet xmlns="${NS_MAIN}"><sheetData/><pageMargins left="1"/><tableParts count="0"/><extLst/></worksheet>`;
    const out = insererDrawing(xml, "rId3");
    expect(out).toBe(
      `<worksheet xmlns:r="${NS_R}" xmlns="${NS_MAIN}"><sheetData/><pageMargins left="1"/>` +
        `<drawing r:id="rId3"/><tableParts count="0"/><extLst/></worksheet>`,
    );
    // Its own prefix for the relationships namespace is used.
    expect(
      insererDrawing(`<worksheet xmlns="${NS_MAIN}" xmlns:q="${NS_R}"><sheetData/></worksheet>`, "rId1"),
    ).toContain(`<drawing q:id="rId1"/></worksheet>`);
  });

  it("writes an element again on its own: main-namespace prefix dropped, other namespaces declared or left out", () => {
    const xml =
      `<x:worksheet xmlns:x="${NS_MAIN}" xmlns:xr="urn:xr" xmlns:k="urn:k"><x:dataValidations count="1">` +
      `<x:dataValidation xr:uid="{1}" k:a="1" sqref="A1"><x:formula1>"a&amp;b"&#10;</x:formula1>` +
      `<k:b/></x:dataValidation></x:dataValidations></x:worksheet>`;
    const tous = elements(xml);
    const bloc = tous.find((e) => e.local === "dataValidations")!;
    expect(sousArbre(xml, tous, bloc, ["urn:k"])).toBe(
      `<dataValidations xmlns:k="urn:k" count="1"><dataValidation k:a="1" sqref="A1"><formula1>"a&amp;b"\n</formula1>` +
        `<k:b/></dataValidation></dataValidations>`,
    );
  });
});

describe("rows put back (htmlparser2 tokenizer)", () => {
  const styles = new Map<string, string>([
    ["2", "20"],
    ["3", "30"],
    ["5", "50"],
    ["7", "70"],
  ]);
  const sst = ["<t>zéro</t>", "<r><rPr><b/></rPr><t>un</t></r>"];
  const lignes =
    `<row r="1" s="2" customFormat="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="7"><v>1.5</v></c>` +
    `<c r="C1" t="s" s="3"><v> 1 </v></c></row><!-- a > b <c s="2"> -->` +
    `<row r="2"><c r="A2" s="9" t="inlineStr"><is><t>x &amp; y &#233; &gt; z 🎬</t></is></c>` +
    `<c r="B2" s='2'><f>IF(A2>0,"a","b")</f><v>a</v></c><c r="C2" t="s"/></row>` +
    `<row r="3" spans="1:3"><c r="A3"  s="5"  /><c r="B3" t="str"><f><![CDATA[1<2 </c>]]></f><v>TRUE</v></c></row>`;
  const attendu =
    `<row r="1" s="20" customFormat="1"><c r="A1" s="20" t="inlineStr"><is><t>zéro</t></is></c><c r="B1" s="70"><v>1.5</v></c>` +
    `<c r="C1" t="inlineStr" s="30"><is><r><rPr><b/></rPr><t>un</t></r></is></c></row><!-- a > b <c s="2"> -->` +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>x &amp; y &#233; &gt; z 🎬</t></is></c>` +
    `<c r="B2" s='20'><f>IF(A2>0,"a","b")</f><v>a</v></c><c r="C2" t="inlineStr"/></row>` +
    `<row r="3" spans="1:3"><c r="A3"  s="50"  /><c r="B3" t="str"><f><![CDATA[1<2 </c>]]></f><v>TRUE</v></c></row>`;

  const convertir = (morceaux: string[], prefixe = "") => {
    const conv = new LignesRestituees(styles, (i) => sst[i], prefixe);
    return morceaux.map((m) => conv.ecrire(m)).join("") + conv.finir();
  };

  it("maps style ids (an unknown one is dropped), makes shared strings inline, copies the rest as written", () => {
    expect(convertir([lignes])).toBe(attendu);
  });

  it("gives the same rows however the text is cut into chunks", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: lignes.length - 1 }), { maxLength: 40 }), (coupes) => {
        const c = [0, ...coupes.sort((a, b) => a - b), lignes.length];
        expect(convertir(c.slice(1).map((f, i) => lignes.slice(c[i], f)))).toBe(attendu);
      }),
      { numRuns: 300 },
    );
    // Every single cut point.
    for (let i = 1; i < lignes.length; i++) expect(convertir([lignes.slice(0, i), lignes.slice(i)])).toBe(attendu);
  });

  it("reads rows whose spreadsheet namespace has a prefix", () => {
    const x = (s: string) => s.replace(/<(\/?)(row|c|v|is|t|f)\b/g, "<$1x:$2");
    const conv = new LignesRestituees(styles, (i) => sst[i], "x");
    expect(conv.ecrire(x(`<row r="1"><c r="A1" s="2" t="s"><v>1</v></c></row>`)) + conv.finir()).toBe(
      `<x:row r="1"><x:c r="A1" s="20" t="inlineStr"><x:is><r><rPr><b/></rPr><t>un</t></r></x:is></x:c></x:row>`,
    );
  });
});

describe("shared strings made inline by one regular expression (partagesEnLigne)", () => {
  const sst = ["<t>zéro</t>", "<r><rPr><b/></rPr><t>un</t></r>", '<t xml:space="preserve"> a &amp; b </t>'];
  const identite = new Map(Array.from({ length: 10 }, (_, i) => [String(i), String(i)] as [string, string]));
  const parTokenizer = (lignes: string) => {
    const conv = new LignesRestituees(identite, (i) => sst[i]);
    return conv.ecrire(lignes) + conv.finir();
  };
  const simples =
    `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
    `<c r="C1" t="s" s="3"><v>2</v></c><c r="D1" t="s"><v>9</v></c></row><row r="2"><c r="A2" s="1"><v>1.5</v></c>` +
    `<c r="B2" t="inlineStr"><is><t>Frais &amp; "divers"</t></is></c><c r="C2"><f>IF(A2&gt;0,"a","b")</f><v>a</v></c></row>`;

  it("gives what the tokenizer gives, for the rows Excel and ExcelJS write", () => {
    const attendu = parTokenizer(simples);
    expect(attendu).toContain('<c r="A1" s="2" t="inlineStr"><is><t>zéro</t></is></c>');
    expect(attendu).toContain('<c r="D1" t="inlineStr"><is><t></t></is></c>');
    expect(partagesEnLigne(simples, (i) => sst[i])).toBe(attendu);
  });

  it("leaves to the tokenizer the rows it cannot be sure of", () => {
    for (const autre of [
      '<row r="3"><c r="A3" t="s"/></row>',
      "<row r=\"3\"><c r='A3' t='s'><v>1</v></c></row>",
      '<row r="3"><c r="A3" t="s"><v> 1 </v></c></row>',
      '<row r="3"><c r="A3" t="str"><v>le "s" final</v></c></row>',
      '<row r="3"><!-- <c r="A3" t="s"><v>1</v></c> --></row>',
      '<row r="3"><c r="A3" t="str"><f><![CDATA[<c t="s">]]></f></c></row>',
    ])
      expect(partagesEnLigne(simples + autre, (i) => sst[i])).toBeUndefined();
  });
});
