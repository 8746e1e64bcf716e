import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserContext, Locator, Page, chromium } from "playwright-core";
import type { CellData, SheetData, WorkbookPort } from "../../src/core/port/workbook";
import type { EtatExcel, FixtureExcel } from "../helpers/fake-excel";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

/**
 * Opens the built task pane (dist-test/) in Debian's Chromium with the fake Excel over `fixture`:
 * https://localhost:3000 is served from disk, every other request is refused and recorded.
 */
export const RACINE = path.join(__dirname, "../..");
const DIST = path.join(RACINE, "dist-test");
const OFFICE_JS = path.join(RACINE, "node_modules/@microsoft/office-js/dist");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const ORIGINE = "https://localhost:3000/";
export const ECRANS = path.join(__dirname, "__screens__");

/**
 * A picture of the pane (a page, whole) or of one part (a locator) in tests/browser/__screens__/`nom`, for a person
 * to look at: taken only with PRODBOOK_ECRANS=1 (`PRODBOOK_ECRANS=1 npx jest tests/browser`), as no test reads it.
 */
export async function ecran(cible: Page | Locator, nom: string): Promise<void> {
  if (!process.env.PRODBOOK_ECRANS) return;
  fs.mkdirSync(ECRANS, { recursive: true });
  const chemin = path.join(ECRANS, nom);
  if ("goto" in cible) await cible.screenshot({ path: chemin, fullPage: true });
  else await cible.screenshot({ path: chemin });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

type CelluleFixture = string | number | boolean | null | { f: string; v: CellData["v"]; fmt?: string };

/** SheetData (as the xlsx adapter reads it) → the fake Excel's fixture rows, formulas kept with their values. */
export function versFixture(s: SheetData): CelluleFixture[][] {
  return s.rows.map((r) => r.map((c) => (c.f ? { f: "=" + c.f, v: c.v, ...(c.fmt ? { fmt: c.fmt } : {}) } : c.v)));
}

/** Every sheet of a workbook read through an adapter (XlsxWorkbook…), in its order, as the fake Excel's sheets. */
export async function feuillesFixture(wb: Pick<WorkbookPort, "listSheets" | "readSheet">) {
  const sheets: Record<string, CelluleFixture[][]> = {};
  for (const n of await wb.listSheets()) sheets[n] = versFixture((await wb.readSheet(n)) as SheetData);
  return sheets;
}

export interface Volet {
  page: Page;
  /** Paths served from dist-test/ (e.g. "/fecWorker.js"), in order. */
  servis: string[];
  /** URLs of the dedicated workers the page started. */
  workers: string[];
  refusees: string[];
  erreursPage: string[];
  fermer(): Promise<void>;
}

export async function ouvrirVolet(fixture: FixtureExcel, initScripts: string[] = []): Promise<Volet> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`${DIST}/taskpane.html absent : lancez « npm run build:browser » (npm test le fait).`);
  }
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install chromium (voir .ci/run).`);
  const profil = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-chromium-"));
  const contexte: BrowserContext = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 420, height: 1100 },
    locale: "fr-FR",
  });
  const v: Omit<Volet, "page" | "fermer"> = { servis: [], workers: [], refusees: [], erreursPage: [] };
  // Registered first = consulted last: anything not served from disk is refused and recorded.
  await contexte.route("**/*", (route) => {
    v.refusees.push(route.request().url());
    return route.abort();
  });
  await contexte.route(`${ORIGINE}**`, (route) => {
    const chemin = decodeURIComponent(new URL(route.request().url()).pathname);
    v.servis.push(chemin);
    const base = chemin.startsWith("/office-js/") ? OFFICE_JS : DIST;
    const fichier = chemin.startsWith("/office-js/")
      ? path.join(OFFICE_JS, chemin.slice("/office-js/".length))
      : path.join(DIST, chemin);
    if (!fichier.startsWith(base) || !fs.existsSync(fichier) || fs.statSync(fichier).isDirectory()) {
      return route.fulfill({ status: 404, body: "introuvable" });
    }
    return route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(fichier)] ?? "application/octet-stream",
      body: fs.readFileSync(fichier),
    });
  });
  const page = contexte.pages()[0] ?? (await contexte.newPage());
  page.on("pageerror", (e) => v.erreursPage.push(e.message));
  page.on("worker", (w) => v.workers.push(w.url()));
  await page.addInitScript({ content: `window.__prodbookFixture = ${JSON.stringify(fixture)};` });
  for (const s of initScripts) await page.addInitScript({ content: s });
  await page.addInitScript({ path: path.join(RACINE, "tests/helpers/fake-excel.js") });
  await page.goto(`${ORIGINE}taskpane.html`);
  await page.getByTestId(TEST_IDS.app).waitFor();
  return {
    ...v,
    page,
    fermer: async () => {
      await contexte.close();
      fs.rmSync(profil, { recursive: true, force: true });
    },
  };
}

export interface OptionsVolet {
  /** The workbook in the fake Excel; by default the production workbook (classeurProduction). */
  classeur?: () => FixtureExcel | Promise<FixtureExcel>;
  /** Pane width in px, set once the pane is open (height `hauteur`, 900 px unless given); else 420 × 1100. */
  largeur?: number;
  hauteur?: number;
  /** Scripts run in the page before the pane's own (see ouvrirVolet). */
  initScripts?: string[];
}

/**
 * The built pane for the describe block that calls this: opened once before its tests (beforeAll, over the fake Excel
 * holding `classeur`, at `largeur`), closed after them (afterAll). Call it in the describe body and use the result in
 * the tests: its `page` forwards to the pane's page once open (so `const { page } = voletDuBloc()` works), its other
 * fields read the open pane's; either used before the pane is open throws.
 */
export function voletDuBloc(o: OptionsVolet = {}): Volet {
  let v: Volet | undefined;
  beforeAll(async () => {
    v = await ouvrirVolet(await (o.classeur ?? classeurProduction)(), o.initScripts);
    if (o.largeur) await v.page.setViewportSize({ width: o.largeur, height: o.hauteur ?? 900 });
  });
  afterAll(async () => {
    await v?.fermer();
  });
  const ouvert = (): Volet => {
    if (!v) throw new Error("volet demandé avant son ouverture (beforeAll)");
    return v;
  };
  // Methods are called on the real page (bound), so Playwright sees its own object.
  const page = new Proxy({} as Page, {
    get: (_, cle) => {
      const p = ouvert().page;
      const x: unknown = Reflect.get(p, cle, p);
      return typeof x === "function" ? (x as (...a: unknown[]) => unknown).bind(p) : x;
    },
  });
  return {
    page,
    get servis() {
      return ouvert().servis;
    },
    get workers() {
      return ouvert().workers;
    },
    get refusees() {
      return ouvert().refusees;
    },
    get erreursPage() {
      return ouvert().erreursPage;
    },
    fermer: () => ouvert().fermer(),
  };
}

/** The fake Excel's state; as a JSON string (Playwright's own serialisation of a 10 000-row sheet takes seconds). */
export async function etatExcel(page: Page): Promise<EtatExcel> {
  return JSON.parse(
    await page.evaluate(() => JSON.stringify((window as unknown as { Excel: { __etat(): EtatExcel } }).Excel.__etat())),
  ) as EtatExcel;
}

/**
 * The fake Excel's selection once it is `cellule` (or after 5 s, whatever it is then): callers assert it equals
 * `cellule`, so a click that selects nothing fails with the selection actually made.
 */
export async function selectionApres(page: Page, cellule: string): Promise<string | null> {
  await page
    .waitForFunction(
      (c) =>
        (window as unknown as { Excel: { __etat(): { selection: string | null } } }).Excel.__etat().selection === c,
      cellule,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  return (await etatExcel(page)).selection;
}

/** Requests of ours that were refused (office.js's own telemetry iframe is the only expected outside call). */
export function sortiesInattendues(refusees: string[]): string[] {
  return refusees.filter((u) => !new URL(u).hostname.endsWith(".oaspapps.com"));
}

/** The sheets of classeurProduction. */
export const FICHIERS_PRODUCTION = [
  "tests/fixtures/planning/gardiens-planning.xlsx",
  "tests/fixtures/financement/documentaire.xlsx",
];

/**
 * A production workbook as the user would have it: the example devis with its post-production steps and
 * plan de travail (tests/fixtures/planning/gardiens-planning.xlsx) plus a financing plan sheet
 * (tests/fixtures/financement/documentaire.xlsx), read through the xlsx adapter.
 */
export async function classeurProduction(): Promise<FixtureExcel> {
  const sheets: Record<string, CelluleFixture[][]> = {};
  for (const f of FICHIERS_PRODUCTION) {
    const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, f));
    for (const n of await wb.listSheets()) sheets[n] = versFixture((await wb.readSheet(n)) as SheetData);
  }
  return { sheets, active: Object.keys(sheets)[0] };
}

/** The sheets of .xlsx files (paths from the repository's root) as the xlsx adapter reads them. */
export async function feuillesDe(fichiers: string[]): Promise<SheetData[]> {
  const out: SheetData[] = [];
  for (const f of fichiers) {
    const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, f));
    for (const n of await wb.listSheets()) out.push((await wb.readSheet(n)) as SheetData);
  }
  return out;
}

/** The fake Excel's workbook of `feuilles`, the first one active, the production `contexte` saved in its settings. */
export const classeurDe = (feuilles: SheetData[], contexte: object): FixtureExcel => ({
  sheets: Object.fromEntries(feuilles.map((f) => [f.name, versFixture(f)])),
  active: feuilles[0].name,
  reglages: { "prodbook.production": JSON.stringify(contexte) },
});

/**
 * The sheets of classeurProduction, the crédit d'impôt line taken out of its plan « Plan fin. » (and its total
 * brought down to the 140 000,00 € left), so that the Financement page's « Ajouter le crédit d'impôt calculé sur le
 * devis s'il manque au plan » adds one.
 */
export async function productionSansCreditAuPlan(): Promise<SheetData[]> {
  const s = await feuillesDe(FICHIERS_PRODUCTION);
  const plan = s.find((f) => f.name === "Plan fin.");
  const ligne = plan?.rows.findIndex((r) => r.some((c) => String(c.v).startsWith("Crédit d'impôt"))) ?? -1;
  const total = plan?.rows.find((r) => r.some((c) => c.v === "TOTAL"));
  const colonne = total?.findIndex((c) => typeof c.v === "string" && c.v.includes("€")) ?? -1;
  if (!plan || ligne < 0 || !total || colonne < 0)
    throw new Error("Plan fin. : ligne du crédit d'impôt ou total introuvable (documentaire.xlsx a changé ?)");
  plan.rows.splice(ligne, 1);
  total[colonne] = { v: "140 000,00 €" };
  return s;
}

/**
 * The example devis (assets/exemple/devis-producteur.xlsx) in a sheet hidden in the workbook, a visible « Notes »
 * sheet active: the pane must find the devis and say it read a hidden sheet. `devis` is that sheet's name.
 */
export async function classeurDevisMasque(): Promise<{ fixture: FixtureExcel; devis: string }> {
  const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, "assets/exemple/devis-producteur.xlsx"));
  const [devis] = await wb.listSheets();
  const sheets = {
    Notes: [["Notes de production"], ["Tournage en Bretagne, mars"]],
    [devis]: versFixture((await wb.readSheet(devis)) as SheetData),
  };
  return { fixture: { sheets, hidden: [devis], active: "Notes" }, devis };
}

/** The pane's French typography puts no-break spaces before « ; » and « : »: compared as plain spaces. */
export const sansEspacesInsecables = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/**
 * What scrolls or sticks out sideways in the pane: the document itself (scrollWidth > clientWidth), any element
 * that scrolls horizontally, and any visible element whose right edge passes the pane's width. Each is
 * described as « tag[data-testid] : largeur » so a failing test says where. The one row meant to scroll sideways,
 * the tabs' (marked data-defilement-horizontal, with its arrows), is checked itself for fitting the pane; what it
 * holds beyond its edge is reached by scrolling it.
 */
export async function debordements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sortie: string[] = [];
    const doc = document.scrollingElement as HTMLElement;
    const largeur = doc.clientWidth;
    if (doc.scrollWidth > largeur) sortie.push(`document : ${doc.scrollWidth} > ${largeur}`);
    const nom = (e: Element) => {
      const id = e.closest("[data-testid]")?.getAttribute("data-testid");
      const texte = (e.textContent ?? "").trim().slice(0, 40);
      return `${e.tagName.toLowerCase()}${id ? `[${id}]` : ""} « ${texte} »`;
    };
    const DEFILANT = "[data-defilement-horizontal]";
    const dansDefilant = (e: Element | null) => !!e?.parentElement?.closest(DEFILANT);
    for (const e of Array.from(document.body.querySelectorAll("*"))) {
      if (dansDefilant(e)) continue;
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden") continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (/(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1 && !e.matches(DEFILANT))
        sortie.push(`${nom(e)} défile : ${e.scrollWidth} > ${e.clientWidth}`);
      else if (r.right > largeur + 1 && !e.closest("[hidden]"))
        sortie.push(`${nom(e)} dépasse : ${Math.round(r.right)} > ${largeur}`);
    }
    // Text that runs past its box (a long URL or cell reference with nowhere to break).
    const textes = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const plage = document.createRange();
    for (let n = textes.nextNode(); n; n = textes.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !n.textContent?.trim() || parent.closest("[hidden]") || parent.closest(DEFILANT)) continue;
      const sp = getComputedStyle(parent);
      // Visually hidden text for screen readers (clipped to 1 px) is not seen and cannot be scrolled to.
      if (sp.display === "none" || (sp.clip !== "auto" && sp.clip !== "") || sp.overflow === "hidden") continue;
      plage.selectNodeContents(n);
      const r = plage.getBoundingClientRect();
      if (r.width > 0 && r.right > largeur + 1)
        sortie.push(`texte ${nom(parent)} dépasse : ${Math.round(r.right)} > ${largeur}`);
    }
    return sortie.slice(0, 30);
  });
}

/**
 * What of a popup's surface (CSS selector; its first visible match) scrolls or sticks out sideways: its content wider
 * than its box (scrollWidth > clientWidth) or the surface past the pane's edges. Fluent draws lists, calendars,
 * dialogs and infobulles in portals beside the pane's root, so each is measured itself, not only through the page.
 */
export async function debordementsSurface(page: Page, surface: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const largeur = (document.scrollingElement as HTMLElement).clientWidth;
    const e = Array.from(document.querySelectorAll(sel)).find((x) => {
      const r = x.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    if (!e) return [`${sel} : aucune surface visible`];
    const sortie: string[] = [];
    if (e.scrollWidth > e.clientWidth + 1) sortie.push(`${sel} défile : ${e.scrollWidth} > ${e.clientWidth}`);
    const r = e.getBoundingClientRect();
    if (r.left < -1 || r.right > largeur + 1)
      sortie.push(`${sel} hors du volet : de ${Math.round(r.left)} à ${Math.round(r.right)} (volet de ${largeur})`);
    return sortie;
  }, surface);
}

/**
 * Words the pane breaks inside, over two lines (« Interprétatio / n » in a column too narrow for it): each visible text
 * node's words, split at spaces and after a hyphen, dash, slash or arrow (where a line may end), whose glyphs sit on
 * more than one line. Only words of letters (with their apostrophes, brackets and punctuation) are looked at: a URL, a
 * file name, a cell reference or an identifier may be cut anywhere rather than stick out. Text for screen readers only
 * (clipped) is not laid out for the eye. Each as « word » in « text ».
 */
export async function motsCoupes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sortie: string[] = [];
    const textes = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const plage = document.createRange();
    // Text for screen readers only: in an element clipped, or cut to 1 px by its overflow (a calendar's « Date choisie : … »).
    const lus = new Map<Element, boolean>();
    const lu = (e: Element | null): boolean => {
      if (!e) return false;
      let v = lus.get(e);
      if (v === undefined) {
        const s = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        v =
          (s.clip !== "auto" && s.clip !== "") ||
          (s.overflow === "hidden" && (r.width <= 1 || r.height <= 1)) ||
          lu(e.parentElement);
        lus.set(e, v);
      }
      return v;
    };
    for (let n = textes.nextNode(); n; n = textes.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !n.textContent?.trim() || parent.closest("[hidden]")) continue;
      const s = getComputedStyle(parent);
      if (s.display === "none" || s.visibility === "hidden" || lu(parent)) continue;
      const t = n.textContent;
      for (const m of t.matchAll(/[^\s/—→-]+[/—→-]?/g)) {
        if (!/^[(«]?[\p{L}'’]{3,}[)»,.;:\-/—→]*$/u.test(m[0])) continue;
        plage.setStart(n, m.index);
        plage.setEnd(n, m.index + m[0].length);
        const lignes = new Set(
          Array.from(plage.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top)),
        );
        if (lignes.size > 1) sortie.push(`« ${m[0]} » dans « ${t.trim().slice(0, 50)} »`);
      }
    }
    return sortie.slice(0, 30);
  });
}

/**
 * Watches every frame the pane paints from now on, at `largeur` px, for a document wider than the pane (a sideways
 * scrollbar, even for one frame, as when a component is laid out on one line before measuring itself); `vus` gives
 * those frames as « largeur > pane : the outermost elements past the edge », each description once. Sampled in
 * requestAnimationFrame, which runs before each paint; frames at another width (a full-page screenshot) are skipped.
 */
export async function surveillerDebordements(page: Page, largeur: number): Promise<{ vus(): Promise<string[]> }> {
  await page.evaluate((largeur) => {
    const w = window as unknown as { __debordementsVus: string[] };
    w.__debordementsVus = [];
    const nom = (e: Element) => {
      const id = e.closest("[data-testid]")?.getAttribute("data-testid");
      return `${e.tagName.toLowerCase()}${id ? `[${id}]` : ""} « ${(e.textContent ?? "").trim().slice(0, 40)} »`;
    };
    const boucle = () => {
      const doc = document.scrollingElement as HTMLElement;
      if (window.innerWidth === largeur && doc.scrollWidth > doc.clientWidth) {
        const dehors = (e: Element | null) => !!e && e.getBoundingClientRect().right > doc.clientWidth + 1;
        const premiers = Array.from(document.body.querySelectorAll("*")).filter(
          (e) => dehors(e) && !dehors(e.parentElement),
        );
        const d = `${doc.scrollWidth} > ${doc.clientWidth} : ${premiers.slice(0, 3).map(nom).join(" ; ")}`;
        if (!w.__debordementsVus.includes(d)) w.__debordementsVus.push(d);
      }
      requestAnimationFrame(boucle);
    };
    requestAnimationFrame(boucle);
  }, largeur);
  return {
    vus: () =>
      page.evaluate(() => (window as unknown as { __debordementsVus: string[] }).__debordementsVus.slice(0, 30)),
  };
}

/** The rows of a TableauAdaptatif (table or cards alike): each row's values by column id, in column order. */
export async function lignesTableau(conteneur: ReturnType<Page["getByTestId"]>): Promise<string[][]> {
  return conteneur
    .locator("[data-ligne]")
    .evaluateAll((ls) => ls.map((l) => [...l.querySelectorAll("[data-colonne]")].map((c) => c.textContent ?? "")));
}

/**
 * Types a date in a date field (Fluent DatePicker) and leaves it with Tab, as a user does, then waits until the field
 * shows the date it read, written out in French (« 15 décembre 2026 »): the page has taken it before the next click.
 */
export async function saisirDate(champ: Locator, texte: string): Promise<void> {
  await champ.fill(texte);
  await champ.press("Tab");
  await champ.evaluate(
    (e) =>
      new Promise<void>((ok, ko) => {
        const lu = () => /^\d{1,2}(er)?\s[a-zéû]+\s\d{4}$/.test((e as HTMLInputElement).value);
        const debut = Date.now();
        const attendre = () =>
          lu()
            ? ok()
            : Date.now() - debut > 20000
              ? ko(new Error(`date non lue par le champ : « ${(e as HTMLInputElement).value} »`))
              : setTimeout(attendre, 20);
        attendre();
      }),
  );
}
