#!/usr/bin/env node
/**
 * Architecture lint (npm run lint): the layer rules of docs/architecture.md, checked on import statements.
 *  - src/core is pure: no Office, React/Fluent, ExcelJS or Node module (fs, path, node:*…), no import of an outer
 *    layer (office, xlsx, taskpane, cli, app, functions, commands, workers), no Excel/Office globals, no `as any`
 *    or @ts-ignore;
 *  - src/taskpane never imports src/office (it goes through src/app/catalogue), except its composition root
 *    src/taskpane/index.tsx which hands the Office workbook to the catalogue; nor src/xlsx or src/cli;
 *  - src/app (the use cases shared by the pane and the CLI) imports no adapter (src/office, src/xlsx), no door
 *    (src/taskpane, src/cli) and no Node module: it runs in the pane too;
 *  - only src/office calls Excel.run;
 *  - « as Cents » (a number taken for cents without the cents() guard) only in src/core/money, which defines the
 *    guard, and in the FEC hot loop (src/core/comptabilite/fec, where npm run bench justifies skipping it);
 *    elsewhere cents(), sumCents, subCents, negCents or ZERO;
 *  - src and tests read nothing outside the repository (not the shared folder beside it, no relative path that climbs above the root).
 * Usage: node tests/lint/check-architecture.js [racine]; exit 1 with one French line per violation.
 */
const fs = require("fs");
const path = require("path");

const NODE_BUILTINS = new Set(require("module").builtinModules);
const INTERDITS_CORE = [
  /^@microsoft\/office-js/,
  /^office-addin-/,
  /^react(-dom)?(\/|$)/,
  /^@fluentui\//,
  /^exceljs$/,
  /^jszip$/,
  /^node:/,
];
/** Where a number may be branded Cents without the guard: the money module, and the FEC hot loop (bench). */
const CENTS_SANS_GARDE = ["core/money/", "core/comptabilite/fec/"];
const COUCHES_EXTERIEURES = ["office", "xlsx", "taskpane", "cli", "app", "functions", "commands", "workers"];

function fichiers(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return fichiers(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** [specifier, 1-based line] of every import / export-from / require / dynamic import. */
function imports(source) {
  const out = [];
  const re =
    /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)["']([^"']+)["']/g;
  let m;
  while ((m = re.exec(source))) out.push([m[1], source.slice(0, m.index).split("\n").length]);
  return out;
}

/** Source without comments, so a comment mentioning Excel.run or `as any` is not a violation. */
function sansCommentaires(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

function ligneDe(source, index) {
  return source.slice(0, index).split("\n").length;
}

function verifier(racine) {
  const src = path.join(racine, "src");
  const violations = [];
  const signaler = (f, ligne, msg) => violations.push(`${path.relative(racine, f)}:${ligne} : ${msg}`);
  const couche = (f) => path.relative(src, f).split(path.sep)[0];

  for (const f of fichiers(src)) {
    const brut = fs.readFileSync(f, "utf8");
    const source = sansCommentaires(brut);
    const c = couche(f);
    for (const [spec, ligne] of imports(source)) {
      const relatif = spec.startsWith(".");
      const cible = relatif ? path.resolve(path.dirname(f), spec) : undefined;
      const coucheCible = cible && cible.startsWith(src + path.sep) ? couche(cible) : undefined;
      if (c === "core") {
        const racineSpec = spec.split("/")[0];
        if (
          !relatif &&
          (INTERDITS_CORE.some((r) => r.test(spec)) || NODE_BUILTINS.has(racineSpec) || NODE_BUILTINS.has(spec))
        ) {
          signaler(f, ligne, `src/core doit rester pur : import interdit de « ${spec} »`);
        }
        if (coucheCible && COUCHES_EXTERIEURES.includes(coucheCible)) {
          signaler(
            f,
            ligne,
            `src/core ne dépend pas des couches extérieures : import de src/${coucheCible} (« ${spec} »)`,
          );
        }
      }
      const racineTaskpane = path.relative(src, f).split(path.sep).join("/") === "taskpane/index.tsx";
      if (c === "taskpane" && (coucheCible === "xlsx" || coucheCible === "cli")) {
        signaler(f, ligne, `le volet n'utilise ni src/xlsx ni src/cli : import de src/${coucheCible} (« ${spec} »)`);
      }
      if (c === "app" && ["office", "xlsx", "taskpane", "cli"].includes(coucheCible)) {
        signaler(
          f,
          ligne,
          `src/app n'importe ni adaptateur ni porte d'entrée : import de src/${coucheCible} (« ${spec} »), ` +
            "le classeur lui est donné (brancherClasseur dans src/taskpane/index.tsx, XlsxWorkbook dans src/cli)",
        );
      }
      if (c === "app" && !relatif && (NODE_BUILTINS.has(spec.split("/")[0]) || spec.startsWith("node:"))) {
        signaler(f, ligne, `src/app tourne aussi dans le volet : import interdit du module Node « ${spec} »`);
      }
      if (c === "taskpane" && coucheCible === "office" && !racineTaskpane) {
        signaler(
          f,
          ligne,
          `le volet ne parle pas à Excel directement : passer par src/app/catalogue au lieu de « ${spec} »`,
        );
      }
    }
    if (c !== "office") {
      for (const m of source.matchAll(/\bExcel\s*\.\s*run\b/g)) {
        signaler(
          f,
          ligneDe(source, m.index),
          "Excel.run n'est appelé que dans src/office (adaptateur du port classeur)",
        );
      }
    }
    const relatifSrc = path.relative(src, f).split(path.sep).join("/");
    if (!CENTS_SANS_GARDE.some((d) => relatifSrc.startsWith(d))) {
      for (const m of source.matchAll(/\bas\s+Cents\b/g))
        signaler(f, ligneDe(source, m.index), "« as Cents » contourne la garde : cents(), sumCents, subCents ou ZERO");
    }
    if (c === "core") {
      for (const m of source.matchAll(/\b(Excel|Office|CustomFunctions)\s*\./g)) {
        signaler(f, ligneDe(source, m.index), `src/core n'utilise pas le global ${m[1]}`);
      }
      for (const m of source.matchAll(/\bas\s+any\b/g))
        signaler(f, ligneDe(source, m.index), "« as any » interdit dans src/core");
      for (const m of brut.matchAll(/@ts-(ignore|nocheck|expect-error)\b/g)) {
        signaler(f, ligneDe(brut, m.index), `« @ts-${m[1]} » interdit dans src/core`);
      }
    }
  }
  violations.push(...cheminsHorsDepot(racine));
  return violations;
}

/**
 * A clone must test alone: src/ and tests/ (fixtures aside) never name a file outside the repository. Flags a
 * string naming the shared fixtures folder beside the repository, and any relative path (a literal starting with
 * `../`, or the literal arguments of `path.join/resolve(__dirname, …)`) that leaves the root from the file's folder.
 */
function cheminsHorsDepot(racine) {
  const violations = [];
  const dehors = (cible) => {
    const r = path.relative(racine, cible);
    return r === ".." || r.startsWith(".." + path.sep) || path.isAbsolute(r);
  };
  // Fixtures are data; tests/lint holds this lint's own bad examples (written to a temporary project, never read).
  const exclus = [path.join(racine, "tests", "fixtures"), path.join(racine, "tests", "lint")];
  const sources = [...fichiers(path.join(racine, "src")), ...fichiers(path.join(racine, "tests"))].filter(
    (f) => !exclus.some((d) => f.startsWith(d + path.sep)),
  );
  for (const f of sources) {
    const source = sansCommentaires(fs.readFileSync(f, "utf8"));
    const signaler = (index, texte) =>
      violations.push(
        `${path.relative(racine, f)}:${ligneDe(source, index)} : chemin hors du dépôt « ${texte} » ` +
          "(les tests et les sources ne lisent que des fichiers du dépôt, par ex. tests/fixtures)",
      );
    for (const m of source.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`/g)) {
      const t = m[1] ?? m[2] ?? m[3];
      if (/(^|\/)\.\.\/shared(\/|$)|shared\/fixtures/.test(t)) signaler(m.index, t);
      else if (t.startsWith("../") && dehors(path.resolve(path.dirname(f), t))) signaler(m.index, t);
    }
    for (const m of source.matchAll(/\b(?:join|resolve)\(\s*__dirname\s*,([^)]*)\)/g)) {
      const morceaux = [...m[1].matchAll(/["'`]([^"'`]*)["'`]/g)].map((x) => x[1]);
      if (morceaux.length && dehors(path.resolve(path.dirname(f), ...morceaux))) {
        signaler(m.index, morceaux.join(", "));
      }
    }
  }
  return [...new Set(violations)];
}

module.exports = { verifier, imports };

if (require.main === module) {
  const racine = path.resolve(process.argv[2] || path.join(__dirname, "../.."));
  const v = verifier(racine);
  if (v.length) {
    console.error(
      `Architecture : ${v.length} violation${v.length > 1 ? "s" : ""}\n` + v.map((x) => "  " + x).join("\n"),
    );
    process.exit(1);
  }
  console.log("Architecture : règles des couches respectées.");
}
