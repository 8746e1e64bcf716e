import { ENCODAGES_FEC } from "../../src/app/commandes/fec";
import { nomEncodage } from "../../src/core/comptabilite/fec";
import { OPTION_ENCODAGE } from "../../src/cli/args";
import { DOCS, lire } from "../helpers/documentation";

/**
 * The encodings a FEC may be forced to are one list, `ENCODAGES_FEC` (src/app/commandes/fec.ts): `--encodage` takes
 * it, `prodbook --help` prints it, the pane's « Encodage » list shows it. README.md and docs/*.md write it by hand
 * (the synopses' `[--encodage a|b|…]`, the list of values and names in docs/comptabilite.md): this test fails as soon
 * as one of them says another list, so that adding or removing an encoding updates the documentation too.
 */

describe("encodages du FEC : la documentation = ENCODAGES_FEC", () => {
  test("chaque « --encodage a|b|… » de README.md et docs/*.md donne la liste d'ENCODAGES_FEC, dans son ordre", () => {
    expect(OPTION_ENCODAGE).toBe(`[--encodage ${ENCODAGES_FEC.join("|")}]`);
    const vus: { doc: string; liste: string }[] = [];
    for (const doc of DOCS)
      for (const m of lire(doc).matchAll(/--encodage ([a-z0-9-]+(?:\|[a-z0-9-]+)+)/g)) vus.push({ doc, liste: m[1] });
    // README's fec, ecarts and carbone synopses, and docs/carbone.md's.
    expect(vus.filter((v) => v.doc === "README.md").length).toBeGreaterThanOrEqual(3);
    for (const v of vus) expect(v).toEqual({ doc: v.doc, liste: ENCODAGES_FEC.join("|") });
  });

  test("docs/comptabilite.md nomme chaque encodage et donne les valeurs de --encodage", () => {
    const doc = lire("docs/comptabilite.md").replace(/\s+/g, " ");
    // « … les encodages sont nommés « UTF-8 », « Windows-1252 », … (`nomEncodage`) »: the names nomEncodage gives.
    const noms = /les encodages sont nommés (.*?) \(`nomEncodage`\)/.exec(doc);
    expect(noms).not.toBeNull();
    expect([...noms![1].matchAll(/« ([^»]+?) »/g)].map((m) => m[1])).toEqual(ENCODAGES_FEC.map((e) => nomEncodage(e)));
    // « `--encodage` accepte ces noms comme ses valeurs `utf-8`, `windows-1252`, … (et `ibm-1147`, `ibm850`) ».
    const valeurs = /comme ses valeurs (.*?) \(et /.exec(doc);
    expect(valeurs).not.toBeNull();
    expect([...valeurs![1].matchAll(/`([^`]+)`/g)].map((m) => m[1])).toEqual([...ENCODAGES_FEC]);
    // Each one has its paragraph in « Formats acceptés » (bold name), UTF-16 besides (detected, never forced).
    for (const nom of ["UTF-8", "Windows-1252", "ISO-8859-15", "EBCDIC", "CP850", "UTF-16"])
      expect({ nom, decrit: doc.includes(`**${nom}**`) }).toEqual({ nom, decrit: true });
  });
});
