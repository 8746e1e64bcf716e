import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

/** The production build (npm run build, run by npm test before jest) must point Office at the hosted add-in. */
const DIST = path.join(__dirname, "../../dist");

function lireDist(fichier: string): string {
  const p = path.join(DIST, fichier);
  if (!fs.existsSync(p)) throw new Error(`${p} absent : lancez d'abord « npm run build » (npm test le fait).`);
  return fs.readFileSync(p, "utf8");
}

describe("build de production (dist/)", () => {
  it("réécrit toutes les URL de développement du manifeste vers l'URL de production", async () => {
    const source = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    const prod = lireDist("manifest.xml");
    expect(prod).not.toMatch(/localhost/i);
    const urls = prod.match(/https?:\/\/[^"<\s]+/g) ?? [];
    const attendues = (source.match(/https:\/\/localhost:3000\/?[^"<\s]*/g) ?? []).length;
    const hebergees = urls.filter(
      (u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"),
    );
    expect(hebergees).toHaveLength(attendues);
    for (const u of hebergees) expect(u).toMatch(/^https:\/\//);
    // Same manifest otherwise: still parses, same Id.
    const [a, b] = await Promise.all([parseStringPromise(source), parseStringPromise(prod)]);
    expect(b.OfficeApp.Id).toEqual(a.OfficeApp.Id);
  });

  it("charge office.js depuis le CDN de Microsoft et les trois blocs dans une seule page", () => {
    const html = lireDist("taskpane.html");
    // The production HTML is minified: attribute quotes may be dropped.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "taskpane.js",
      "functions.js",
      "commands.js",
    ]);
    const meta = JSON.parse(lireDist("functions.json")) as { functions: { id: string }[] };
    expect(meta.functions.map((f) => f.id)).toEqual(
      expect.arrayContaining(["MONTANT", "CHARGES", "ECART", "ECART.PCT", "COUT.MINUTE"]),
    );
    expect(lireDist("functions.js")).toContain('CustomFunctions.associate("MONTANT"');
  });
});
