import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { verifier } = require("./check-architecture.js") as { verifier: (racine: string) => string[] };

function projet(fichiers: Record<string, string>): string {
  const racine = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-lint-"));
  for (const [p, contenu] of Object.entries(fichiers)) {
    fs.mkdirSync(path.dirname(path.join(racine, p)), { recursive: true });
    fs.writeFileSync(path.join(racine, p), contenu);
  }
  return racine;
}

describe("lint d'architecture", () => {
  it("accepte un cœur pur, un volet qui passe par le catalogue et Excel.run dans src/office", () => {
    const racine = projet({
      "src/core/money/cents.ts":
        'import Decimal from "decimal.js";\nimport { x } from "../util/texte";\n// Excel.run ici est un commentaire\n',
      "src/core/regles/data.ts": 'import t from "./data/charges.json";\n',
      "src/core/money/zero.ts": "export const ZERO = 0 as Cents;\n",
      "src/core/comptabilite/fec/cumuls.ts": "s.debit = (s.debit + d) as Cents;\n",
      "src/office/officeWorkbook.ts": "export const f = () => Excel.run(async (ctx) => ctx.sync());\n",
      "src/taskpane/App.tsx":
        'import { envoyer } from "../app/catalogue";\nimport { Button } from "@fluentui/react-components";\n',
      "src/app/catalogue.ts": 'import type { WorkbookPort } from "../core/port/workbook";\n',
      "src/taskpane/index.tsx":
        'import { brancherClasseur } from "../app/catalogue";\nimport { OfficeWorkbook } from "../office/officeWorkbook";\n',
      "src/cli/runner.ts":
        'import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";\nimport { x } from "../app/arguments";\n',
    });
    expect(verifier(racine)).toEqual([]);
  });

  it("signale chaque violation avec le fichier et la ligne", () => {
    const racine = projet({
      "src/core/a.ts":
        'import * as fs from "fs";\nimport path = require("path");\nimport { readFile } from "node:fs/promises";\n',
      "src/core/b.ts":
        'export { OfficeWorkbook } from "../office/officeWorkbook";\nimport React from "react";\nconst x = y as any;\n',
      "src/core/c.ts": "// @ts-ignore\nconst r = Office.context;\nconst e = (a - b) as Cents;\n",
      "src/taskpane/pages/R.tsx": "const m = (c: number) => formatMontantFr(c as Cents);\n",
      "src/taskpane/pages/P.tsx": 'import { OfficeWorkbook } from "../../office/officeWorkbook";\n',
      "src/functions/functions.ts": "export async function f() { await Excel.run(async () => undefined); }\n",
      "src/taskpane/pages/Q.tsx":
        'import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";\nimport { main } from "../../cli/main";\n',
      "src/app/catalogue.ts": 'import { OfficeWorkbook } from "../office/officeWorkbook";\n',
      "src/app/commandes/a.ts":
        'import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";\nimport { App } from "../../taskpane/App";\n' +
        'import * as fs from "fs";\nimport { CliError } from "../../cli/io";\n',
    });
    expect(verifier(racine).sort()).toEqual(
      [
        "src/core/a.ts:1 : src/core doit rester pur : import interdit de « fs »",
        "src/core/a.ts:2 : src/core doit rester pur : import interdit de « path »",
        "src/core/a.ts:3 : src/core doit rester pur : import interdit de « node:fs/promises »",
        "src/core/b.ts:1 : src/core ne dépend pas des couches extérieures : import de src/office (« ../office/officeWorkbook »)",
        "src/core/b.ts:2 : src/core doit rester pur : import interdit de « react »",
        "src/core/b.ts:3 : « as any » interdit dans src/core",
        "src/core/c.ts:1 : « @ts-ignore » interdit dans src/core",
        "src/core/c.ts:2 : src/core n'utilise pas le global Office",
        "src/core/c.ts:3 : « as Cents » contourne la garde : cents(), sumCents, subCents ou ZERO",
        "src/taskpane/pages/R.tsx:1 : « as Cents » contourne la garde : cents(), sumCents, subCents ou ZERO",
        "src/taskpane/pages/P.tsx:1 : le volet ne parle pas à Excel directement : passer par src/app/catalogue au lieu de « ../../office/officeWorkbook »",
        "src/functions/functions.ts:1 : Excel.run n'est appelé que dans src/office (adaptateur du port classeur)",
        "src/taskpane/pages/Q.tsx:1 : le volet n'utilise ni src/xlsx ni src/cli : import de src/xlsx (« ../../xlsx/xlsxWorkbook »)",
        "src/taskpane/pages/Q.tsx:2 : le volet n'utilise ni src/xlsx ni src/cli : import de src/cli (« ../../cli/main »)",
        ...[
          ["src/app/catalogue.ts:1", "office", "../office/officeWorkbook"],
          ["src/app/commandes/a.ts:1", "xlsx", "../../xlsx/xlsxWorkbook"],
          ["src/app/commandes/a.ts:2", "taskpane", "../../taskpane/App"],
          ["src/app/commandes/a.ts:4", "cli", "../../cli/io"],
        ].map(
          ([ou, couche, spec]) =>
            `${ou} : src/app n'importe ni adaptateur ni porte d'entrée : import de src/${couche} (« ${spec} »), ` +
            "le classeur lui est donné (brancherClasseur dans src/taskpane/index.tsx, XlsxWorkbook dans src/cli)",
        ),
        "src/app/commandes/a.ts:3 : src/app tourne aussi dans le volet : import interdit du module Node « fs »",
      ].sort(),
    );
  });

  // The shared folder beside the repository, spelt in pieces: this test writes it into files, it never reads it.
  const PARTAGE = ["sha", "red"].join("");

  it("signale un test ou une source qui lit hors du dépôt (le dossier partagé voisin, chemin au-dessus de la racine)", () => {
    const racine = projet({
      "tests/core/a.test.ts":
        `const D = path.resolve(__dirname, "../../../${PARTAGE}/fixtures/fec-real");\n` +
        'const ok = path.join(__dirname, "../../tests/fixtures/fec-reel");\n',
      "tests/cli/b.test.ts":
        'const E = path.join(__dirname, "..", "..", "..", "autre");\nconst r = path.join(__dirname, "../..");\n',
      "src/cli/c.ts": `const F = "../${PARTAGE}/x.csv";\n// "../../../../commentaire"\n`,
      "tests/fixtures/d.ts": 'const G = "../../../../ignoré";\n',
      "tests/lint/e.test.ts": `const H = "../${PARTAGE}/exemple-du-lint";\n`,
    });
    expect(verifier(racine).sort()).toEqual(
      [
        `tests/core/a.test.ts:1 : chemin hors du dépôt « ../../../${PARTAGE}/fixtures/fec-real » ` +
          "(les tests et les sources ne lisent que des fichiers du dépôt, par ex. tests/fixtures)",
        "tests/cli/b.test.ts:1 : chemin hors du dépôt « .., .., .., autre » " +
          "(les tests et les sources ne lisent que des fichiers du dépôt, par ex. tests/fixtures)",
        `src/cli/c.ts:1 : chemin hors du dépôt « ../${PARTAGE}/x.csv » ` +
          "(les tests et les sources ne lisent que des fichiers du dépôt, par ex. tests/fixtures)",
      ].sort(),
    );
  });
});
