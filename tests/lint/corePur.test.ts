import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";

/**
 * `npm run typecheck` also compiles src/core alone with tsconfig.core.json: no DOM lib, no Node or other ambient
 * types (only the WHATWG TextDecoder/TextEncoder of types/core). A core file using `document`, `window`, `Buffer`
 * or `process` does not compile, while the real src/core does.
 */
const RACINE = path.resolve(__dirname, "../..");

function programme(fichierEnPlus?: string) {
  const config = ts.readConfigFile(path.join(RACINE, "tsconfig.core.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, RACINE);
  const p = ts.createProgram(fichierEnPlus ? [...parsed.fileNames, fichierEnPlus] : parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(p).map((d) => ({
    fichier: d.file?.fileName,
    texte: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
}

describe("tsconfig.core.json : le compilateur garde src/core pur", () => {
  it("refuse document, window, Buffer et process ; accepte TextDecoder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-core-pur-"));
    const f = path.join(dir, "impur.ts");
    fs.writeFileSync(
      f,
      [
        "export const a = document.title;",
        "export const b = window.location;",
        'export const c = Buffer.from("x");',
        "export const d = process.env;",
        'export const e = new TextDecoder("windows-1252").decode(new Uint8Array([0x80]));',
      ].join("\n"),
    );
    const diagnostics = programme(f);
    const ici = diagnostics.filter((d) => d.fichier === f.split(path.sep).join("/"));
    expect(diagnostics.filter((d) => d.fichier !== f.split(path.sep).join("/"))).toEqual([]);
    const noms = ici.map((d) => /Cannot find name '(\w+)'/.exec(d.texte)?.[1]);
    expect(noms).toEqual(["document", "window", "Buffer", "process"]);
  });
});
