#!/usr/bin/env node
"use strict";
/* global document -- functions passed to page.evaluate run in the pane */
/**
 * Screenshots of the pane's main pages at 350 px wide, for the README: docs/images/volet-<page>.png.
 *
 * The built pane (dist-test/, npm run build:browser) runs in Debian's Chromium over the fake Excel
 * (tests/helpers/fake-excel.js), as the browser tests do, on a production workbook: the example devis with its
 * post-production steps (tests/fixtures/planning/gardiens-planning.xlsx) and a financing plan
 * (tests/fixtures/financement/documentaire.xlsx), read with the xlsx adapter of the CLI build (build/). Each page
 * runs its main action as a user would (structure and write the devis, run the checks, compute the credit, check
 * the financing, compute and write the rétroplanning, load the production's FEC, assets/exemple/fec-exemple.txt,
 * pre-estimate the bilan carbone, save « Dépôt agrément provisoire » and compare it with the current devis), then
 * the Tableau de bord is refreshed. Nothing leaves the machine: every request outside the pane's origin is refused.
 *
 * The fake Excel does not calculate: before the Tableau de bord, the formulas of the Écarts and Coût définitif sheets
 * the pane wrote get the values LibreOffice computed for the same sheets written by `prodbook ecarts -o` (same devis,
 * FEC and default correspondances), after checking that the constants and formulas are the pane's own; the dashboard's
 * Écarts figures are then checked against `prodbook ecarts --json`. Any difference stops the captures.
 *
 * Run: npm run captures   (builds the CLI and the pane, then this script). CHROMIUM_PATH overrides /usr/bin/chromium,
 * SOFFICE the LibreOffice command (soffice).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const Module = require("module");
const { spawnSync } = require("child_process");
const ts = require("typescript");
const { chromium } = require("playwright-core");

const RACINE = path.resolve(__dirname, "..");
const DIST = path.join(RACINE, "dist-test");
const OFFICE_JS = path.join(RACINE, "node_modules/@microsoft/office-js/dist");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ORIGINE = "https://localhost:3000/";
const SORTIE = path.join(RACINE, "docs/images");
const LARGEUR = 350;
const HAUTEUR_MAX = 2000;
// The example production's Grand livre (fabricated by scripts/exemple-fec.js from the example devis), not a real
// company's: its réalisé reads against the devis's budget.
const FEC = path.join(RACINE, "assets/exemple/fec-exemple.txt");
const CLASSEURS = ["tests/fixtures/planning/gardiens-planning.xlsx", "tests/fixtures/financement/documentaire.xlsx"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
};

/**
 * A TypeScript module of the tests, transpiled and loaded (its imports resolved from the repository): one list of ids
 * for tests and captures, one LibreOffice helper.
 */
function chargerTs(relatif) {
  const fichier = path.join(RACINE, relatif);
  const js = ts.transpileModule(fs.readFileSync(fichier, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  }).outputText;
  const m = new Module(fichier);
  m.filename = fichier;
  m.paths = Module._nodeModulePaths(path.dirname(fichier));
  m._compile(js, fichier);
  return m.exports;
}

const { TEST_IDS } = chargerTs("src/taskpane/testIds.ts");
const { IDS_TABLEAU_DE_BORD } = chargerTs("src/taskpane/pages/tableauDeBordIds.ts");

/** The workbooks as the fake Excel's fixture (formulas kept with their values), like tests/browser/volet.ts. */
async function classeurProduction() {
  const xlsx = path.join(RACINE, "build/xlsx/xlsxWorkbook.js");
  if (!fs.existsSync(xlsx))
    throw new Error(`${xlsx} absent : lancez « npm run build:cli » (npm run captures le fait).`);
  const { XlsxWorkbook } = require(xlsx);
  const sheets = {};
  for (const f of CLASSEURS) {
    const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, f));
    for (const n of await wb.listSheets()) {
      const s = await wb.readSheet(n);
      sheets[n] = s.rows.map((r) =>
        r.map((c) => (c.f ? { f: "=" + c.f, v: c.v, ...(c.fmt ? { fmt: c.fmt } : {}) } : c.v)),
      );
    }
  }
  return { sheets, active: Object.keys(sheets)[0] };
}

/** An ExcelJS value as Office's `values` give it: a date as its serial number, an error as { erreur }, a text. */
function valeurCellule(v) {
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  if (v && typeof v === "object") {
    if (v.error) return { erreur: v.error };
    if (v.richText) return v.richText.map((t) => t.text).join("");
    if (v.text !== undefined) return v.text;
  }
  return v;
}

/** Runs the CLI build (bin/prodbook.js) and returns its standard output; a failure throws with its messages. */
function prodbook(args) {
  const r = spawnSync(process.execPath, [path.join(RACINE, "bin/prodbook.js"), ...args], {
    cwd: RACINE,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prodbook ${args[0]} a échoué (code ${r.status}) : ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * The sheets `prodbook ecarts` writes for the production (the devis workbook, the accountant's FEC, the
 * correspondances the pane proposes by default), recalculated by LibreOffice after every cached result was dropped
 * (tests/helpers/libreoffice.ts): per sheet, each formula cell's address → { f, v } (v as LibreOffice computed it),
 * and the totals of `prodbook ecarts --json`. What Excel computes for the pane's Écarts sheets, which hold the same
 * formulas: the fake Excel, which does not calculate, is given these values (Excel.__calculer checks the formulas).
 */
async function ecartsRecalcules() {
  const LO = chargerTs("tests/helpers/libreoffice.ts");
  const ExcelJS = require("exceljs");
  const { correspondancesParDefaut } = require(path.join(RACINE, "build/core/comptabilite/correspondances.js"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-captures-ecarts-"));
  try {
    const csv = path.join(dir, "correspondances.csv");
    const champ = (t) => (/[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const lignes = correspondancesParDefaut().comptes.map((c) => [c.cle, c.poste, c.libelle].map(champ).join(";"));
    fs.writeFileSync(csv, ["compte;poste;libelle", ...lignes].join("\n") + "\n");
    const devis = path.join(RACINE, CLASSEURS[0]);
    const options = ["--fec", FEC, "--correspondances", csv];
    const sortie = path.join(dir, "ecarts.xlsx");
    prodbook(["ecarts", devis, ...options, "-o", sortie]);
    const { totaux } = JSON.parse(prodbook(["ecarts", devis, ...options, "--json"]));
    const { XlsxWorkbook } = require(path.join(RACINE, "build/xlsx/xlsxWorkbook.js"));
    const deProdbook = new Set(await (await XlsxWorkbook.ouvrir(sortie)).feuillesProdbook());
    const ecrit = new ExcelJS.Workbook();
    await ecrit.xlsx.readFile(sortie);
    const calcule = await LO.lireRecalcule(await LO.recalculerSansCache(sortie));
    const feuilles = {};
    const constantes = {};
    ecrit.eachSheet((ws) => {
      if (!deProdbook.has(ws.name)) return; // the user's sheets and the registry
      const resultats = {};
      constantes[ws.name] = {};
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type !== ExcelJS.ValueType.Formula) {
            if (c.type !== ExcelJS.ValueType.Null) constantes[ws.name][c.address] = valeurCellule(c.value);
            return;
          }
          const r = LO.resultat(calcule.getWorksheet(ws.name).getCell(c.address));
          resultats[c.address] = { f: "=" + c.formula, v: valeurCellule(r) };
        }),
      );
      if (Object.keys(resultats).length) feuilles[ws.name] = resultats;
    });
    if (!feuilles["Écarts"]) throw new Error("prodbook ecarts -o n'a pas écrit de formules dans la feuille « Écarts »");
    // The computed values depend on the sheets holding formulas and on those their formulas name (Grand livre).
    const lues = new Set(Object.keys(feuilles));
    for (const resultats of Object.values(feuilles))
      for (const { f } of Object.values(resultats))
        for (const [, cite, simple] of f.matchAll(/'((?:[^']|'')+)'!|([\p{L}_][\p{L}\d_.]*)!/gu))
          lues.add(cite ? cite.replace(/''/g, "'") : simple);
    for (const nom of Object.keys(constantes)) if (!lues.has(nom)) delete constantes[nom];
    return { feuilles, constantes, totaux };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function ouvrirVolet(fixture) {
  if (!fs.existsSync(path.join(DIST, "taskpane.html")))
    throw new Error(`${DIST}/taskpane.html absent : npm run build:browser`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install chromium`);
  const profil = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-captures-"));
  const contexte = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    viewport: { width: LARGEUR, height: 900 },
    deviceScaleFactor: 1,
    locale: "fr-FR",
  });
  const erreurs = [];
  await contexte.route("**/*", (route) => route.abort());
  await contexte.route(`${ORIGINE}**`, (route) => {
    const chemin = decodeURIComponent(new URL(route.request().url()).pathname);
    const [base, relatif] = chemin.startsWith("/office-js/") ? [OFFICE_JS, chemin.slice(11)] : [DIST, chemin];
    const fichier = path.join(base, relatif);
    if (!fichier.startsWith(base) || !fs.existsSync(fichier) || fs.statSync(fichier).isDirectory())
      return route.fulfill({ status: 404, body: "introuvable" });
    const type = TYPES[path.extname(fichier)] ?? "application/octet-stream";
    return route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(fichier) });
  });
  const page = contexte.pages()[0] ?? (await contexte.newPage());
  page.on("pageerror", (e) => erreurs.push(e.message));
  await page.addInitScript({ content: `window.__prodbookFixture = ${JSON.stringify(fixture)};` });
  await page.addInitScript({ path: path.join(RACINE, "tests/helpers/fake-excel.js") });
  await page.goto(`${ORIGINE}taskpane.html`);
  await page.getByTestId(TEST_IDS.app).waitFor();
  return {
    page,
    erreurs,
    fermer: async () => {
      await contexte.close();
      fs.rmSync(profil, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page by its tab, runs `action`, then saves the page as volet-<id>.png: from the top (at most HAUTEUR_MAX
 * px), or, with `vers`, the screen the user sees once scrolled to that element (under the sticky tabs).
 */
async function capturer(page, id, action, vers) {
  await page.getByTestId(TEST_IDS.onglet(id)).click();
  await page.getByTestId(TEST_IDS.page(id)).waitFor();
  try {
    await action();
  } catch (e) {
    const echec = path.join(os.tmpdir(), `prodbook-captures-echec-${id}.png`);
    await page.screenshot({ path: echec, fullPage: true });
    throw new Error(`page ${id} : ${e.message.split("\n")[0]} (état de la page : ${echec})`, { cause: e });
  }
  // Nothing left to load or animate: spinners gone, then scrolled back to the top.
  await page.waitForFunction(() => !document.querySelector(".fui-Spinner"), null, { timeout: 60000 });
  // The image is clipped at the pane's width: a page wider than the pane would hide its overflow there. Refused.
  const largeur = await page.evaluate(() => document.documentElement.scrollWidth);
  if (largeur > LARGEUR) throw new Error(`page ${id} : ${largeur} px de large, plus que le volet (${LARGEUR} px)`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const fichier = path.join(SORTIE, `volet-${id}.png`);
  const options = { path: fichier, animations: "disabled", caret: "hide" };
  if (vers) {
    await page.getByTestId(vers).evaluate((e) => {
      e.scrollIntoView({ block: "start" });
      window.scrollBy(0, -(document.querySelector("header")?.getBoundingClientRect().height ?? 0) - 8);
    });
    await page.waitForTimeout(300);
    await page.screenshot(options);
  } else {
    await page.waitForTimeout(300);
    const hauteur = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      ...options,
      fullPage: true,
      clip: { x: 0, y: 0, width: LARGEUR, height: Math.min(hauteur, HAUTEUR_MAX) },
    });
  }
  process.stdout.write(`  ${path.relative(RACINE, fichier)}\n`);
}

/**
 * Each sheet the computed values depend on (holding formulas, or named by one) holds in the pane the same values
 * outside its formulas as `prodbook ecarts -o` wrote (texts, amounts, the Grand livre's lines), or the capture is
 * refused: LibreOffice's results are then those of the pane's sheets.
 */
async function verifierConstantes(page, constantes) {
  const noms = Object.keys(constantes);
  const lues = await page.evaluate(
    (noms) =>
      window.Excel.__etat()
        .feuilles.filter((f) => noms.includes(f.name))
        .map((f) => ({ name: f.name, valeurs: f.valeurs, formules: f.formules })),
    noms,
  );
  const ecarts = [];
  const comparees = [];
  for (const f of lues) {
    const attendues = constantes[f.name];
    const vues = new Set();
    f.valeurs.forEach((ligne, r) =>
      ligne.forEach((v, c) => {
        if (f.formules[r][c] || v === null || v === "") return;
        const ref = colonne(c) + (r + 1);
        vues.add(ref);
        const a = attendues[ref];
        const egales = typeof v === "number" && typeof a === "number" ? Math.abs(v - a) < 1e-9 : v === a;
        if (!egales) ecarts.push(`${f.name}!${ref} : ${JSON.stringify(v)} / ${JSON.stringify(a)}`);
      }),
    );
    for (const ref of Object.keys(attendues))
      if (!vues.has(ref) && attendues[ref] !== "")
        ecarts.push(`${f.name}!${ref} : vide / ${JSON.stringify(attendues[ref])}`);
    comparees.push(`${f.name} ${vues.size}`);
  }
  if (!lues.some((f) => f.name === "Écarts")) throw new Error("le volet n'a pas écrit la feuille « Écarts »");
  if (ecarts.length)
    throw new Error(
      `${ecarts.length} cellules diffèrent entre le volet et prodbook ecarts -o (volet / CLI) : ${ecarts.slice(0, 8).join(" ; ")}`,
    );
  process.stdout.write(`  valeurs identiques au volet et à prodbook ecarts -o : ${comparees.join(", ")}\n`);
}

/** 0 → A, 27 → AB. */
function colonne(c) {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The dashboard's Écarts figures are those of `prodbook ecarts --json`, or the capture is refused. */
async function verifierEcarts(page, totaux) {
  const { eurosToCents, formatEcartFr, formatMontantFr } = require(path.join(RACINE, "build/core/money/index.js"));
  const m = (euros) => formatMontantFr(eurosToCents(euros));
  const signe = (euros) => formatEcartFr(eurosToCents(euros));
  const attendus = {
    budget: m(totaux.budget),
    realise: m(totaux.realise),
    ecart: signe(totaux.ecart),
    estimation: m(totaux.estimation),
    ecartEstime: signe(totaux.ecartEstime),
  };
  for (const [chiffre, attendu] of Object.entries(attendus)) {
    const lu = await page.getByTestId(IDS_TABLEAU_DE_BORD.chiffre("ecarts", chiffre)).textContent({ timeout: 10000 });
    if (!lu.includes(attendu))
      throw new Error(
        `Écarts › ${chiffre} : « ${lu} » au tableau de bord, « ${attendu} » selon prodbook ecarts --json`,
      );
  }
}

async function main() {
  fs.mkdirSync(SORTIE, { recursive: true });
  const recalcule = await ecartsRecalcules();
  const v = await ouvrirVolet(await classeurProduction());
  const { page } = v;
  const id = (testId) => page.getByTestId(testId);
  try {
    process.stdout.write(`Captures du volet à ${LARGEUR} px :\n`);
    await capturer(page, "structurer", async () => {
      await id(TEST_IDS.structurer.analyser).click();
      await id(TEST_IDS.structurer.apercu).waitFor();
      await id(TEST_IDS.structurer.creer).click();
      await id(TEST_IDS.structurer.succes).waitFor();
    });
    await capturer(page, "controles", async () => {
      await id(TEST_IDS.controles.lancer).click();
      await id(TEST_IDS.controles.liste).waitFor();
    });
    await capturer(page, "credit-impot", async () => {
      await id("ci-duree").fill("52");
      await id("ci-calculer").click();
      await id("ci-resultat").waitFor();
    });
    await capturer(page, "financement", async () => {
      await id("fin-verifier").click();
      await id("fin-resultat").waitFor();
    });
    await capturer(page, "planning", async () => {
      await id("planning-livraison").fill("2027-03-15");
      await id("planning-recalculer").click();
      await id("planning-etapes").waitFor();
      await id("planning-ecrire").click();
      await id("planning-message").waitFor();
    });
    await capturer(
      page,
      "ecarts",
      async () => {
        await id(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
        await id(TEST_IDS.ecarts.format).waitFor({ timeout: 60000 });
        await id(TEST_IDS.ecarts.rapprocher).click();
        await id(TEST_IDS.ecarts.feuilles).waitFor({ timeout: 120000 });
        await id(TEST_IDS.ecarts.tableau).waitFor();
      },
      TEST_IDS.ecarts.rapport,
    );
    // The sheets the pane wrote hold what prodbook ecarts -o wrote: same constants (checked here), same formulas
    // (checked by Excel.__calculer). Excel calculates them; the fake does not: their formulas get LibreOffice's values.
    await verifierConstantes(page, recalcule.constantes);
    const calculees = await page.evaluate((feuilles) => {
      const etat = window.Excel.__etat();
      const n = {};
      for (const [nom, resultats] of Object.entries(feuilles))
        if (etat.feuilles.some((f) => f.name === nom)) n[nom] = window.Excel.__calculer(nom, resultats);
      return n;
    }, recalcule.feuilles);
    if (!calculees["Écarts"]) throw new Error("le volet n'a pas écrit la feuille « Écarts »");
    process.stdout.write(
      `  formules recalculées par LibreOffice : ${Object.entries(calculees)
        .map(([nom, n]) => `${nom} ${n}`)
        .join(", ")}\n`,
    );
    await capturer(page, "carbone", async () => {
      await id("carbone-estimer").click(); // IDS_CARBONE of pages/Carbone.tsx
      await id("carbone-total").waitFor({ timeout: 60000 });
    });
    await capturer(page, "versions", async () => {
      await id(TEST_IDS.versions.nom).fill("Dépôt agrément provisoire");
      await id(TEST_IDS.versions.enregistrer).click();
      await id(TEST_IDS.versions.enregistree).waitFor();
      await id(TEST_IDS.versions.comparer).click();
      await id(TEST_IDS.versions.resultat).waitFor();
    });
    await capturer(page, "tableau-de-bord", async () => {
      await id(IDS_TABLEAU_DE_BORD.actualiser).click();
      await id(IDS_TABLEAU_DE_BORD.chiffre("planning", "pad")).waitFor({ timeout: 60000 });
      await verifierEcarts(page, recalcule.totaux);
    });
    if (v.erreurs.length) throw new Error(`erreurs dans la page : ${v.erreurs.join(" ; ")}`);
  } finally {
    await v.fermer();
  }
}

main().catch((e) => {
  process.stderr.write(`Captures impossibles : ${e.message}\n`);
  process.exitCode = 1;
});
