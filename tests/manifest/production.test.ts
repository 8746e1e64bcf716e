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

  it("charge office.js depuis le CDN de Microsoft puis un seul runtime webpack et les trois blocs dans une seule page", () => {
    const html = lireDist("taskpane.html");
    // The production HTML is minified: attribute quotes may be dropped.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(scripts[1]).toBe("runtime.js");
    // Shared chunks (React, Fluent, decimal.js, src/core…) come before the entries that use them, in this order.
    const entrees = scripts.filter((s) => ["taskpane.js", "functions.js", "commands.js"].includes(s));
    expect(entrees).toEqual(["taskpane.js", "functions.js", "commands.js"]);
    for (const s of scripts.slice(1)) {
      expect(s).toMatch(/^[\w.-]+\.js$/);
      expect(fs.existsSync(path.join(DIST, s))).toBe(true);
    }
    expect(scripts.indexOf("taskpane.js")).toBeGreaterThan(1);
    const meta = JSON.parse(lireDist("functions.json")) as { functions: { id: string }[] };
    expect(meta.functions.map((f) => f.id)).toEqual(
      expect.arrayContaining(["MONTANT", "CHARGES", "ECART", "ECART.PCT", "COUT.MINUTE"]),
    );
    expect(lireDist("functions.js")).toContain('CustomFunctions.associate("MONTANT"');
  });

  it("livre les tables de règles sans leurs journaux de recherche, avec leurs motifs (webpack.config.js)", () => {
    lireDist("taskpane.html");
    const bundle = fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith(".js"))
      .map((f) => fs.readFileSync(path.join(DIST, f), "utf8"))
      .join("\n");
    // A passage of plain ASCII (written the same in the minified JSON) of each field, as the pane's bundle holds it.
    const passage = (t: string) => t.match(/[A-Za-z0-9 ,.]{40}/)?.[0];
    const dir = path.join(__dirname, "../../src/core/regles/data");
    let recherches = 0,
      motifs = 0;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".json"))) {
      const table = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as {
        versions: { recherche?: string; motifConfiance?: string }[];
      };
      for (const v of table.versions) {
        const r = v.recherche && passage(v.recherche);
        if (r && !JSON.stringify(table.versions.map((x) => ({ ...x, recherche: undefined }))).includes(r)) {
          expect(`${f} : ${bundle.includes(r) ? r : ""}`).toBe(`${f} : `);
          recherches++;
        }
        const m = v.motifConfiance && passage(v.motifConfiance);
        if (m) {
          expect(`${f} : ${bundle.includes(m) ? m : "absent"}`).toBe(`${f} : ${m}`);
          motifs++;
        }
      }
    }
    // The check bites: research logs and motifs were found to look for.
    expect(recherches).toBeGreaterThan(10);
    expect(motifs).toBeGreaterThan(10);
  });

  it("ne charge qu'une fois les modules communs au volet et aux fonctions (decimal.js dans un seul fichier)", () => {
    lireDist("taskpane.html");
    // The FEC worker is a separate, self-contained file (a worker cannot share the page's chunks).
    const fichiers = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== "fecWorker.js");
    const avecDecimal = fichiers.filter((f) => fs.readFileSync(path.join(DIST, f), "utf8").includes("[DecimalError]"));
    expect(avecDecimal).toHaveLength(1);
    expect(avecDecimal[0]).not.toMatch(/^(taskpane|functions|commands)\.js$/);
  });
});
