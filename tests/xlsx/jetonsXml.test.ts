import * as fc from "fast-check";
import { SaxesParser, type SaxesTag } from "saxes";
import { LecteurJetons, LecteurLignes } from "../../src/xlsx/jetonsXml";

/**
 * The tokenizer-based reader (jetonsXml.ts) must report what saxes reports for the rows of a sheet: the same tags,
 * the same kept attributes, each text node whole with entities decoded and line ends normalised, whatever the
 * chunks the part arrives in.
 */
const NOMS = ["c", "row", "v", "is", "t", "r", "rPh", "x:c"];
const ATTRIBUTS = ["r", "t", "s"];

function parSaxes(xml: string, cdata = false): string[] {
  const out: string[] = [];
  const sax = new SaxesParser({ xmlns: false });
  const nom = (n: string) => NOMS.indexOf(n);
  sax.on("opentag", (t: SaxesTag) => {
    const a = t.attributes as Record<string, string>;
    const i = nom(t.name);
    out.push(`<${i} ${i >= 0 ? ATTRIBUTS.map((k) => a[k] ?? "-").join("|") : ""}`);
  });
  sax.on("text", (x) => out.push(`T${JSON.stringify(x)}`));
  if (cdata) sax.on("cdata", (x) => out.push(`T${JSON.stringify(x)}`));
  sax.on("closetag", (t: SaxesTag) => out.push(`>${nom(t.name)}`));
  sax.write("<racine>" + xml + "</racine>").close();
  return out.slice(1, -1);
}

function parJetons(xml: string, coupures: number[], cdata = false): string[] {
  const out: string[] = [];
  const l = new LecteurJetons(
    {
      ouverture: (i, a) => out.push(`<${i} ${i >= 0 ? ATTRIBUTS.map((k) => a[k] ?? "-").join("|") : ""}`),
      texte: (x) => out.push(`T${JSON.stringify(x)}`),
      fermeture: (i) => out.push(`>${i}`),
    },
    NOMS,
    ATTRIBUTS,
    cdata,
  );
  let d = 0;
  for (const c of [...coupures.filter((x) => x > 0 && x < xml.length)].sort((a, b) => a - b)) {
    l.ecrire(xml.slice(d, c));
    d = c;
  }
  l.ecrire(xml.slice(d));
  l.finir();
  return out;
}

const EXEMPLE =
  '<row r="1" spans="1:3"><c r="A1" t="s" s="3"><v>12</v></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">' +
  "a\r\nb\rc &amp; &lt;d&gt; &#13;&#10; &#x1F600; é</t></r><rPh><t>x</t></rPh></is></c><c r='C1' s=\"&#52;\"/>" +
  '<x:c r="D1"><v>1<!-- note -->2</v></x:c><c r="E1"><f>SUM(A1:B1)</f><v><![CDATA[7\r\n<>]]>8</v></c></row>\r\n' +
  '<row r="3"><c r="A3" t="str"><v>  espaces\r\n\r\n</v></c><c/></row>';

test("mêmes événements que saxes, quel que soit le découpage en morceaux", () => {
  const attendu = parSaxes(EXEMPLE);
  expect(attendu.length).toBeGreaterThan(40);
  expect(parJetons(EXEMPLE, [])).toEqual(attendu);
  // Every cut, one at a time (inside names, attributes, entities, between CR and LF), then random sets of cuts.
  for (let i = 1; i < EXEMPLE.length; i++) expect(parJetons(EXEMPLE, [i])).toEqual(attendu);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: EXEMPLE.length - 1 }), { maxLength: 30 }), (coupures) => {
      expect(parJetons(EXEMPLE, coupures)).toEqual(attendu);
    }),
    { numRuns: 2000 },
  );
});

test("les sections CDATA, quand elles sont demandées, sont des textes comme saxes les rapporte (« cdata »)", () => {
  const attendu = parSaxes(EXEMPLE, true);
  expect(attendu).toContain('T"7\\n<>"');
  for (let i = 1; i < EXEMPLE.length; i++) expect(parJetons(EXEMPLE, [i], true)).toEqual(attendu);
});

/** LecteurLignes (rows in the plain form, read by a scanner) reports what LecteurJetons reports, tags asked for. */
const NOMS_LIGNES = ["c", "row", "v", "f", "t", "r", "rPh"];
const ATTRIBUTS_LIGNES = ["r", "t", "s", "si", "ref"];

/** Whether the last LecteurLignes of `evenements` handed over to the tokenizer. */
let relaye: boolean | undefined;

function evenements(lecteur: "jetons" | "lignes", xml: string, coupures: number[], prefixe = ""): string[] {
  const out: string[] = [];
  const noms = NOMS_LIGNES.map((n) => (prefixe ? `${prefixe}:${n}` : n));
  const ev = {
    ouverture: (i: number, a: Readonly<Record<string, string | undefined>>) => {
      if (i >= 0) out.push(`<${i} ${ATTRIBUTS_LIGNES.map((k) => a[k] ?? "-").join("|")}`);
    },
    texte: (x: string) => out.push(`T${JSON.stringify(x)}`),
    fermeture: (i: number) => {
      if (i >= 0) out.push(`>${i}`);
    },
  };
  const l =
    lecteur === "jetons"
      ? new LecteurJetons(ev, noms, ATTRIBUTS_LIGNES)
      : new LecteurLignes(ev, noms, ATTRIBUTS_LIGNES, prefixe);
  let d = 0;
  for (const c of [...new Set(coupures.filter((x) => x > 0 && x < xml.length))].sort((a, b) => a - b)) {
    l.ecrire(xml.slice(d, c));
    d = c;
  }
  l.ecrire(xml.slice(d));
  l.finir();
  relaye = l instanceof LecteurLignes ? l.relaye : undefined;
  return out;
}

// Rows as Excel, LibreOffice, ExcelJS and Prodbook write them: what the scanner reads itself.
const SIMPLES =
  '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="1" t="inlineStr"><is><t>Devis initial</t></is></c>' +
  '<c r="B1" s="2"><v>46328</v></c><c r="C1" t="s"><v>12</v></c><c r="D1"/><c r="E1" s="3"><f>ROUND(C1*D1,2)</f>' +
  '<v>5145.84</v></c><c r="H1" t="str"><f>HYPERLINK(&quot;#Budget!G4&quot;,&quot;Budget &amp; co&quot;)</f>' +
  '<v>Budget &amp; co</v></c><c r="I1" s="4"><f>SUM(A1:B1)</f></c><c r="J1" t="inlineStr"><is><t>R&amp;D &#233;</t></is></c>' +
  '</row><row r="2"><c r="A2" t="str"><f t="shared" ref="A2:A4" si="0">IF(B2&gt;0,&quot;a&amp;b&quot;,"")</f>' +
  '<v>a&amp;b</v></c><c r=\'B2\' t="inlineStr"><is><t xml:space="preserve"> Frais &amp; divers &#233;&#x1F600;&#13;\n</t></is></c>' +
  '<c r="C2" t="inlineStr"><is><t/></is></c><c r="D2" t="inlineStr"><is/></c><c r="E2"><f t="shared" si="0"/><v></v></c>' +
  '<c r="F2" t="e"><v>#N/A</v></c><c r="G2" t="b"><v>1</v></c></row>\n  <row r="3" hidden="1"/>' +
  '<row r="4" ><c r = "A4"  s="5" >\n <v>1.5</v>\n</c ></row >';

test("LecteurLignes : les lignes simples donnent les événements du tokenizer, quel que soit le découpage", () => {
  const attendu = evenements("jetons", SIMPLES, []);
  expect(attendu.length).toBeGreaterThan(60);
  expect(attendu).toContain('T" Frais & divers é😀\\r\\n"');
  expect(attendu).toContain('T"HYPERLINK(\\"#Budget!G4\\",\\"Budget & co\\")"');
  expect(attendu).toContain('T"R&D é"');
  for (let i = 1; i < SIMPLES.length; i++) {
    expect(evenements("lignes", SIMPLES, [i])).toEqual(attendu);
    expect(relaye).toBe(false);
  }
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: SIMPLES.length - 1 }), { maxLength: 20 }), (coupures) => {
      expect(evenements("lignes", SIMPLES, coupures)).toEqual(attendu);
    }),
    { numRuns: 500 },
  );
});

test("LecteurLignes : ce qui sort de la forme simple (commentaire, CDATA, texte riche, CR, entité inconnue) passe au tokenizer", () => {
  const ecarts = [
    '<c r="A9"><v>1<!-- note -->2</v></c>',
    '<c r="A9"><v><![CDATA[7\r\n<>]]>8</v></c>',
    '<c r="A9" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh></is></c>',
    '<c r="A9" t="str"><v>a\r\nb\rc</v></c>',
    '<c r="A9" t="str"><v>&#0;&#128;&#xD800;&nbsp;&foo;</v></c>',
    '<c r="A9" s="&#52;"><v>1</v></c>',
    '<c r="A9"><extLst><ext uri="x"><v>3</v></ext></extLst><v>4</v></c>',
    "<c r=A9><v>5</v></c>",
  ];
  for (const ecart of ecarts) {
    // Plain rows, the odd cell, plain rows again: the handover changes nothing.
    const xml = SIMPLES + `<row r="9">${ecart}<c r="B9"><v>2</v></c></row>` + SIMPLES.replace(/r="(\d)"/g, 'r="1$1"');
    const attendu = evenements("jetons", xml, []);
    for (let i = 1; i < xml.length; i += 7) expect(evenements("lignes", xml, [i])).toEqual(attendu);
    expect(evenements("lignes", xml, [])).toEqual(attendu);
    expect(relaye).toBe(true);
  }
  // EXEMPLE above: a rich text, CDATA, a comment, a prefixed cell, CR LF.
  const attendu = evenements("jetons", EXEMPLE, []);
  for (let i = 1; i < EXEMPLE.length; i++) expect(evenements("lignes", EXEMPLE, [i])).toEqual(attendu);
});

test("LecteurLignes : un préfixe d'espace de noms (x:row, x:c…)", () => {
  const xml = SIMPLES.replace(/<(\/?)(row|c|v|f|is|t)([ >/])/g, "<$1x:$2$3");
  expect(xml).toContain("<x:is><x:t>");
  const attendu = evenements("jetons", xml, [], "x");
  expect(attendu).toEqual(evenements("jetons", SIMPLES, []));
  for (let i = 1; i < xml.length; i++) expect(evenements("lignes", xml, [i], "x")).toEqual(attendu);
  expect(relaye).toBe(false);
});

/**
 * The cells of `xml` as LecteurLignes reports them (r, s, t, formula, value: an empty text counts as none), through
 * the tags' events only, or with `cellule` given (the plain cells then come at once).
 */
function cellules(xml: string, coupures: number[], directes: boolean): string[] {
  const out: string[] = [];
  let cell: { r?: string; s?: string; t?: string; f?: string; v?: string } | undefined;
  let dans: number | undefined;
  const ev = {
    ouverture: (i: number, a: Readonly<Record<string, string | undefined>>) => {
      if (i === 0) cell = { r: a.r, s: a.s, t: a.t };
      else if (cell) dans = i;
    },
    texte: (x: string) => {
      if (cell && dans === 3) cell.f = (cell.f ?? "") + x;
      else if (cell && (dans === 2 || dans === 4)) cell.v = (cell.v ?? "") + x;
    },
    fermeture: (i: number) => {
      if (i === 0 && cell) {
        out.push(JSON.stringify([cell.r, cell.s, cell.t, cell.f || undefined, cell.v || undefined]));
        cell = undefined;
      } else dans = undefined;
    },
    ...(directes
      ? {
          cellule: (r: string, s?: string, t?: string, f?: string, v?: string, texte?: string) =>
            out.push(JSON.stringify([r, s, t, f, v ?? texte]) + " directe"),
        }
      : {}),
  };
  const l = new LecteurLignes(ev, NOMS_LIGNES, ATTRIBUTS_LIGNES);
  let d = 0;
  for (const c of [...new Set(coupures.filter((x) => x > 0 && x < xml.length))].sort((a, b) => a - b)) {
    l.ecrire(xml.slice(d, c));
    d = c;
  }
  l.ecrire(xml.slice(d));
  l.finir();
  return out;
}

test("LecteurLignes : une cellule simple donnée d'un coup (cellule) est celle que ses événements décrivent", () => {
  const attendu = cellules(SIMPLES, [], false);
  expect(attendu.length).toBe(16);
  const directes = cellules(SIMPLES, [], true);
  // Most cells of these rows are in the plain form; the others (a shared formula, quotes, spaces) come by events.
  expect(directes.filter((c) => c.endsWith(" directe")).length).toBe(10);
  expect(directes.map((c) => c.replace(/ directe$/, ""))).toEqual(attendu);
  expect(directes).toContain(JSON.stringify(["J1", undefined, "inlineStr", undefined, "R&D é"]) + " directe");
  for (let i = 1; i < SIMPLES.length; i += 7)
    expect(cellules(SIMPLES, [i], true).map((c) => c.replace(/ directe$/, ""))).toEqual(attendu);
});
