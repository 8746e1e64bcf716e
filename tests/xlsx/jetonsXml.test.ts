import * as fc from "fast-check";
import { SaxesParser, type SaxesTag } from "saxes";
import { LecteurJetons } from "../../src/xlsx/jetonsXml";

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
