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
 * the financing, compute and write the rétroplanning, load the accountant's FEC), then the Tableau de bord is
 * refreshed. Nothing leaves the machine: every request outside the pane's origin is refused.
 *
 * Run: npm run captures   (builds the CLI and the pane, then this script). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const Module = require("module");
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
const FEC = path.join(RACINE, "tests/fixtures/fec-reel/123456789FEC20500930.txt");
const CLASSEURS = ["tests/fixtures/planning/gardiens-planning.xlsx", "tests/fixtures/financement/documentaire.xlsx"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
};

/** A TypeScript module without imports (the test ids), transpiled and loaded: one list of ids for tests and captures. */
function chargerTs(relatif) {
  const fichier = path.join(RACINE, relatif);
  const js = ts.transpileModule(fs.readFileSync(fichier, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const m = new Module(fichier);
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

async function main() {
  fs.mkdirSync(SORTIE, { recursive: true });
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
    await capturer(page, "tableau-de-bord", async () => {
      await id(IDS_TABLEAU_DE_BORD.actualiser).click();
      await id(IDS_TABLEAU_DE_BORD.chiffre("planning", "pad")).waitFor({ timeout: 60000 });
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
