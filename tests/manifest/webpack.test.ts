import * as fs from "fs";
import * as path from "path";

/** webpack.config.js, evaluated without building: entries, the single page, office.js source, manifest rewriting. */
type Config = {
  entry: Record<string, string>;
  plugins: { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: Pattern[] }[];
};
type Pattern = { from: string; transform?: (c: Buffer) => string };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode?: string },
) => Promise<Config>;
const RACINE = path.join(__dirname, "../..");
const MANIFESTE = fs.readFileSync(path.join(RACINE, "manifest.xml"));

function plugin(c: Config, nom: string) {
  const p = c.plugins.find((x) => x.constructor.name === nom);
  if (!p) throw new Error(`plugin ${nom} absent`);
  return p;
}

function manifesteCopie(c: Config): string {
  const motif = plugin(c, "CopyPlugin").patterns?.find((p) => p.from === "manifest*.xml");
  if (!motif?.transform) throw new Error("copie du manifeste absente");
  return motif.transform(MANIFESTE);
}

describe("webpack.config.js", () => {
  const ancien = process.env.PRODBOOK_URL;
  afterEach(() => {
    if (ancien === undefined) delete process.env.PRODBOOK_URL;
    else process.env.PRODBOOK_URL = ancien;
  });

  it("construit une seule page qui charge le volet, les fonctions et les commandes", async () => {
    const c = await config({}, { mode: "production" });
    expect(Object.keys(c.entry)).toEqual(expect.arrayContaining(["taskpane", "functions", "commands"]));
    expect("fecWorker" in c.entry).toBe(fs.existsSync(path.join(RACINE, "src/workers/fec.worker.ts")));
    const html = plugin(c, "HtmlWebpackPlugin").userOptions as {
      filename: string;
      chunks: string[];
      templateParameters: { officeJsUrl: string };
    };
    expect(html.filename).toBe("taskpane.html");
    expect(html.chunks).toEqual(["taskpane", "functions", "commands"]);
    expect(html.templateParameters.officeJsUrl).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(plugin(c, "CustomFunctionsMetadataPlugin")).toBeDefined();
  });

  it("sert office.js depuis le paquet npm avec --env officeJsLocal (tests hors ligne)", async () => {
    const c = await config({ officeJsLocal: true }, { mode: "development" });
    const html = plugin(c, "HtmlWebpackPlugin").userOptions as { templateParameters: { officeJsUrl: string } };
    expect(html.templateParameters.officeJsUrl).toBe("office-js/office.js");
  });

  it("réécrit les URL localhost du manifeste vers PRODBOOK_URL en production, et seulement en production", async () => {
    process.env.PRODBOOK_URL = "https://addin.exemple.fr/prodbook/";
    const prod = manifesteCopie(await config({}, { mode: "production" }));
    expect(prod).not.toContain("localhost");
    expect(prod).toContain('DefaultValue="https://addin.exemple.fr/prodbook/taskpane.html"');
    expect(prod).toContain('DefaultValue="https://addin.exemple.fr/prodbook/functions.json"');
    const dev = manifesteCopie(await config({}, { mode: "development" }));
    expect(String(dev)).toBe(MANIFESTE.toString());
  });

  it("refuse une URL de production qui n'est pas en https", async () => {
    process.env.PRODBOOK_URL = "http://addin.exemple.fr/";
    const c = await config({}, { mode: "production" });
    expect(() => manifesteCopie(c)).toThrow("PRODBOOK_URL doit être une URL https se terminant par « / »");
  });
});
