import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { SheetData } from "../../src/core/port/workbook";
import { structurerDevis } from "../../src/core/devis/structurer";
import { TITRES_CONSTATS } from "../../src/core/controles/titres";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { cliquablesNonInteractifs, compterCliquables } from "./cliquables";
import { fautes } from "./francaisVolet";
import { CALENDRIER, LISTE } from "./popups";
import {
  RACINE,
  debordements,
  sansEspacesInsecables,
  selectionApres,
  ouvrirVolet,
  versFixture,
  voletDuBloc,
  type Volet,
} from "./volet";

/**
 * The pane with the keyboard only (Tab, arrows in the tab list, Enter, Space; no mouse click): Structurer →
 * Contrôles → a finding selects its cell in the fake Excel. Then every page is scanned for elements that react
 * to a click without being a button, a link or a form control (a clickable div a keyboard cannot reach).
 */
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");

describe("volet au clavier seul (bundle construit, Excel simulé)", () => {
  let v: Volet;
  let page: Page;
  let attendu: Awaited<ReturnType<typeof structurerDevis>>;
  let source: string;

  beforeAll(async () => {
    const wb = await XlsxWorkbook.ouvrir(EXEMPLE);
    const sheets: Record<string, ReturnType<typeof versFixture>> = {};
    const noms = await wb.listSheets();
    for (const n of noms) sheets[n] = versFixture((await wb.readSheet(n)) as SheetData);
    source = noms[0];
    attendu = await structurerDevis(wb, { feuille: source, genre: "documentaire", dureeMinutes: 52 });
    v = await ouvrirVolet({ sheets, active: noms[0] });
    page = v.page;
  });

  afterAll(async () => {
    await v?.fermer();
  });

  it("Structurer → Contrôles → cellule d'un constat, avec Tab, Entrée et Espace", async () => {
    // The source sheet is detected before the first action (its header): nothing to choose with the mouse.
    await page.waitForFunction(
      ([id, f]) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(f),
      [TEST_IDS.production.resume, source],
    );
    await ongletAuClavier(page, "structurer");
    await tabJusqua(page, (e) => e.testId === TEST_IDS.structurer.analyser);
    await page.keyboard.press("Enter");
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);

    await ongletAuClavier(page, "controles");
    await page.getByTestId(TEST_IDS.controles.liste).waitFor();
    // The first finding with a cell is a button reached with Tab; Enter selects its cell in Excel.
    const avecCellule = attendu.constats.map((c, i) => ({ c, i })).filter((x) => x.c.cellule);
    expect(avecCellule.length).toBeGreaterThan(1);
    const premier = avecCellule[0];
    const focus1 = await tabJusqua(page, (e) => e.testId === TEST_IDS.controles.constat(premier.i));
    expect(focus1.tag).toBe("button");
    // French title, never the rule id.
    expect(focus1.texte).toContain(TITRES_CONSTATS[premier.c.regle]);
    expect(focus1.texte).not.toContain(premier.c.regle);
    await page.keyboard.press("Enter");
    await selectionDevient(page, premier.c.cellule as string);

    // The next one with Tab, pressed with Space.
    const second = avecCellule[1];
    await tabJusqua(page, (e) => e.testId === TEST_IDS.controles.constat(second.i));
    await page.keyboard.press("Space");
    await selectionDevient(page, second.c.cellule as string);
    expect(v.erreursPage).toEqual([]);
  });

  it("date de livraison au clavier : saisie française, calendrier en français, jour suivant avec les flèches", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await ongletAuClavier(page, "planning");
    const f = await tabJusqua(page, (e) => e.testId === "planning-livraison");
    expect(f.role).toBe("combobox");
    // The page just mounted: let its pending renders run before typing (on a loaded machine a keystroke sent during
    // Fluent's first layout of the picker was lost), then check the field holds every character typed.
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
    await page.keyboard.type("15/12/2026", { delay: 20 });
    expect(await page.getByTestId("planning-livraison").inputValue()).toBe("15/12/2026");
    // Enter reads the typed date and opens the calendar, its focus on that day.
    await page.keyboard.press("Enter");
    const calendrier = page.getByRole("dialog", { name: "Calendrier" });
    await calendrier.waitFor();
    expect(await calendrier.textContent()).toContain("Décembre 2026");
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'));
    const jourFocalise = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await jourFocalise()).toBe("15");
    // The calendar fits the pane at 320 px.
    const boite = (await calendrier.boundingBox())!;
    expect(boite.x).toBeGreaterThanOrEqual(0);
    expect(boite.x + boite.width).toBeLessThanOrEqual(320);
    await page.keyboard.press("ArrowRight");
    expect(await jourFocalise()).toBe("16");
    await page.keyboard.press("Enter");
    await calendrier.waitFor({ state: "detached" });
    expect(await page.getByTestId("planning-livraison").inputValue()).toBe("16\u00a0décembre\u00a02026");
    await page.setViewportSize({ width: 420, height: 1100 });
  });

  it("aucun élément cliquable qui ne soit ni bouton, ni lien, ni champ, sur aucune page", async () => {
    const trouves: string[] = [];
    const pages = await idsPages(page);
    expect(pages).toEqual(expect.arrayContaining(["structurer", "controles", "versions", "carbone"]));
    for (const id of pages) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      trouves.push(...(await cliquablesNonInteractifs(page)).map((t) => `${id} : ${t}`));
    }
    // The check itself sees click handlers: the tabs are found as clickable (and are buttons).
    expect(await compterCliquables(page)).toBeGreaterThan(pages.length);
    expect(trouves).toEqual([]);
  });
});

describe("popups au clavier : chacun s'ouvre et se ferme au clavier, le focus revient à ce qui l'a ouvert", () => {
  const volet = voletDuBloc({ largeur: 320 });
  const { page } = volet;
  const FEC = path.join(RACINE, "tests/fixtures/fec-reel/123456789FEC20500930.txt");
  /** The focused element's data-testid, else its tag. */
  const focusSur = () =>
    page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);

  it("« Détails et sources » : Entrée ouvre, Espace referme, le focus reste sur l'en-tête", async () => {
    const entete = page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("button", { name: /Détails et sources/ });
    // The page read (its last block drawn) before the first key: on a loaded machine the first reading could end
    // between the Tab and the Enter and draw the section anew.
    await page.getByTestId(IDS_TABLEAU_DE_BORD.suite("planning")).waitFor();
    await tabJusqua(page, (f) => f.role !== "tab" && /Détails et sources/.test(f.texte));
    expect(await entete.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter");
    expect(await entete.getAttribute("aria-expanded")).toBe("true");
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("link").first().waitFor();
    await page.keyboard.press("Space");
    expect(await entete.getAttribute("aria-expanded")).toBe("false");
    expect(await entete.evaluate((e) => e === document.activeElement)).toBe(true);
  });

  it("« D'où vient ce chiffre ? » : Entrée ouvre l'arbre (focus sur son titre), Échap ou « Fermer » le referme, focus rendu au chiffre", async () => {
    await ongletAuClavier(page, "structurer");
    await tabJusqua(page, (f) => f.testId === TEST_IDS.structurer.analyser);
    await page.keyboard.press("Enter");
    const total = page.getByTestId(TEST_IDS.structurer.expliquerTotal);
    await total.waitFor();
    await tabJusqua(page, (f) => f.testId === TEST_IDS.structurer.expliquerTotal);
    await page.keyboard.press("Enter");
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await total.getAttribute("aria-expanded")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H3");
    // A node opened with Enter, from the keyboard too.
    const noeud = await tabJusqua(page, (f) => f.testId === IDS_TRACE.deplier);
    expect(noeud.tag).toBe("button");
    const deplie = () => page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"));
    const avant = await deplie();
    await page.keyboard.press("Enter");
    expect(await deplie()).toBe(avant === "true" ? "false" : "true");
    // Escape, from inside the tree, closes it; the focus goes back to the figure that opened it.
    await page.keyboard.press("Escape");
    await panneau.waitFor({ state: "detached" });
    expect(await focusSur()).toBe(TEST_IDS.structurer.expliquerTotal);
    // Its close button, pressed with Space, does the same.
    await page.keyboard.press("Enter");
    await panneau.waitFor();
    await tabJusqua(page, (f) => f.testId === IDS_TRACE.fermer);
    await page.keyboard.press("Space");
    await panneau.waitFor({ state: "detached" });
    expect(await focusSur()).toBe(TEST_IDS.structurer.expliquerTotal);
  });

  it("calendrier : Entrée l'ouvre, Échap le ferme sans rien changer, focus rendu au champ", async () => {
    await ongletAuClavier(page, "planning");
    await tabJusqua(page, (e) => e.testId === "planning-livraison");
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
    await page.keyboard.type("15/12/2026", { delay: 20 });
    await page.keyboard.press("Enter");
    const calendrier = page.locator(CALENDRIER);
    await calendrier.waitFor();
    await page.waitForFunction((c) => !!document.activeElement?.closest(c), CALENDRIER);
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("22");
    await page.keyboard.press("Escape");
    await calendrier.waitFor({ state: "detached" });
    expect(await focusSur()).toBe("planning-livraison");
    expect(await page.getByTestId("planning-livraison").inputValue()).toBe("15\u00a0décembre\u00a02026");
  });

  it("liste « Affecter à… » (Écarts) : Entrée et Espace l'ouvrent, les flèches parcourent les postes, Échap la ferme, focus rendu", async () => {
    await ongletAuClavier(page, "ecarts");
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    await page.getByTestId(TEST_IDS.ecarts.sansPoste).waitFor({ timeout: 60000 });
    const f = await tabJusqua(page, (x) => (x.testId ?? "").startsWith(TEST_IDS.ecarts.affecter("")), 200);
    const choix = page.getByTestId(f.testId as string);
    const liste = page.locator(LISTE);
    /** The option the keyboard is on (the trigger's aria-activedescendant), by its text. */
    const active = () =>
      choix.evaluate((e) => document.getElementById(e.getAttribute("aria-activedescendant") ?? "")?.textContent ?? "");
    for (const touche of ["Enter", "Space"]) {
      await page.keyboard.press(touche);
      await liste.waitFor();
      expect(await choix.getAttribute("aria-expanded")).toBe("true");
      const premiere = await active();
      expect(premiere).not.toBe("");
      await page.keyboard.press("ArrowDown");
      const seconde = await active();
      expect(seconde).not.toBe(premiere);
      await page.keyboard.press("ArrowUp");
      expect(await active()).toBe(premiere);
      await page.keyboard.press("Escape");
      await liste.waitFor({ state: "hidden" });
      expect(await choix.getAttribute("aria-expanded")).toBe("false");
      expect(await focusSur()).toBe(f.testId);
    }
  });

  it("dialogue « Remplacer la version ? » : ouvert avec Entrée, focus dedans et gardé, Échap l'annule, focus rendu à « Enregistrer »", async () => {
    await ongletAuClavier(page, "versions");
    const nom = page.getByTestId(TEST_IDS.versions.nom);
    await tabJusqua(page, (f) => f.testId === TEST_IDS.versions.nom);
    await page.keyboard.type("Dépôt CNC");
    await tabJusqua(page, (f) => f.testId === TEST_IDS.versions.enregistrer);
    await page.keyboard.press("Enter");
    await page.getByTestId(TEST_IDS.versions.enregistree).waitFor();
    // The same name again: Enter on « Enregistrer » asks in a dialog.
    await nom.fill("Dépôt CNC");
    await page.getByTestId(TEST_IDS.versions.enregistrer).focus();
    await page.keyboard.press("Enter");
    const dialogue = page.getByTestId(TEST_IDS.versions.confirmation);
    await dialogue.waitFor();
    const dansDialogue = () => dialogue.evaluate((d) => d.contains(document.activeElement));
    await page.waitForFunction(
      (id) => !!document.activeElement?.closest(`[data-testid="${id}"]`),
      TEST_IDS.versions.confirmation,
    );
    // Tab stays in the dialog.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await dansDialogue()).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialogue.waitFor({ state: "detached" });
    expect(await focusSur()).toBe(TEST_IDS.versions.enregistrer);
    // « Annuler » with Enter: the same.
    await page.keyboard.press("Enter");
    await dialogue.waitFor();
    await page.waitForFunction(
      (id) => !!document.activeElement?.closest(`[data-testid="${id}"]`),
      TEST_IDS.versions.confirmation,
    );
    await page.getByTestId(TEST_IDS.versions.annuler).focus();
    await page.keyboard.press("Enter");
    await dialogue.waitFor({ state: "detached" });
    expect(await focusSur()).toBe(TEST_IDS.versions.enregistrer);
    expect(volet.erreursPage).toEqual([]);
  });
});

describe("infobulles : le texte entier au survol et au focus clavier, Échap les cache", () => {
  const volet = voletDuBloc({ largeur: 320 });
  const { page } = volet;
  /** The infobulle shown (Fluent's Tooltip: role="tooltip"; the hidden ones are not counted). */
  const infobulle = () => page.getByRole("tooltip");
  const texteDe = async (l: ReturnType<Page["locator"]>) => sansEspacesInsecables(await l.innerText()).trim();

  it("une source abrégée (Tableau de bord) : atteinte avec Tab, son titre entier paraît ; Échap le cache, la section reste ouverte", async () => {
    const details = page.getByTestId(IDS_TABLEAU_DE_BORD.details);
    const entete = details.getByRole("button", { name: /Détails et sources/ });
    // The page read (its last block drawn) before the first key.
    await page.getByTestId(IDS_TABLEAU_DE_BORD.suite("planning")).waitFor();
    await tabJusqua(page, (f) => f.role !== "tab" && /Détails et sources/.test(f.texte));
    await page.keyboard.press("Enter");
    expect(await entete.getAttribute("aria-expanded")).toBe("true");
    await details.getByRole("link").first().waitFor();
    // The section's opening motion over (a link still clipped by it has its infobulle hidden, as Fluent places it).
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    expect(await infobulle().count()).toBe(0);
    // The first link whose label shortens its source's title.
    const f = await tabJusqua(page, (x) => x.tag === "a" && !!x.decritPar, 60);
    const lien = page.locator(`a[aria-describedby="${f.decritPar}"]`);
    await infobulle().waitFor();
    const titre = await texteDe(infobulle());
    // Its whole title, as the rule tables give it for that address; it is the link's accessible description.
    const titres = titresDesSources().get((await lien.getAttribute("href")) ?? "") ?? [];
    expect(titres.map((t) => sansEspacesInsecables(t).trim())).toContain(titre);
    expect(titre.length).toBeGreaterThan(f.texte.replace(/^(Texte|Source)\u00a0: /, "").length);
    expect(await infobulle().getAttribute("id")).toBe(f.decritPar);
    // Drawn inside the 320 px pane.
    expect(await debordements(page)).toEqual([]);
    const boite = await infobulle().boundingBox();
    expect(boite!.x).toBeGreaterThanOrEqual(0);
    expect(boite!.x + boite!.width).toBeLessThanOrEqual(320);
    // Escape hides it; the focus and the open section stay.
    await page.keyboard.press("Escape");
    await infobulle().waitFor({ state: "hidden" });
    expect(await lien.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await entete.getAttribute("aria-expanded")).toBe("true");
    // The mouse shows it too, and leaving the link hides it.
    await page.getByTestId(TEST_IDS.app).click({ position: { x: 1, y: 1 } });
    await lien.hover();
    await infobulle().waitFor();
    expect(await texteDe(infobulle())).toBe(titre);
    await page.mouse.move(1, 1);
    await infobulle().waitFor({ state: "hidden" });
  });

  it("un bouton d'icône seule (« Fermer » l'arbre) : son nom en infobulle au focus clavier ; Échap la cache, puis referme l'arbre", async () => {
    await ongletAuClavier(page, "structurer");
    await tabJusqua(page, (f) => f.testId === TEST_IDS.structurer.analyser);
    await page.keyboard.press("Enter");
    await page.getByTestId(TEST_IDS.structurer.expliquerTotal).waitFor();
    await tabJusqua(page, (f) => f.testId === TEST_IDS.structurer.expliquerTotal);
    await page.keyboard.press("Enter");
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    await tabJusqua(page, (f) => f.testId === IDS_TRACE.fermer, 5);
    await infobulle().waitFor();
    const nom = "Fermer « D'où vient ce chiffre ? »";
    expect(await texteDe(infobulle())).toBe(nom);
    // The same words are the button's accessible name (it shows only an icon).
    const fermer = page.getByTestId(IDS_TRACE.fermer);
    expect(sansEspacesInsecables(await fermer.getAttribute("aria-label"))).toBe(nom);
    expect((await fermer.innerText()).trim()).toBe("");
    expect(await debordements(page)).toEqual([]);
    // The first Escape hides the infobulle only; the second closes the tree, as Fluent's popups do.
    await page.keyboard.press("Escape");
    await infobulle().waitFor({ state: "hidden" });
    expect(await panneau.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await panneau.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      TEST_IDS.structurer.expliquerTotal,
    );
    expect(volet.erreursPage).toEqual([]);
  });

  it("« Aide de Prodbook » depuis chaque page : le « ? » au bout des onglets, atteint avec Tab, ouvre l'aide dans une nouvelle fenêtre", async () => {
    const aide = page.getByTestId(TEST_IDS.aide);
    for (const id of await idsPages(page)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      // In view at 320 px, beside the tabs (not scrolled away with them), nothing pushed sideways.
      const b = await aide.boundingBox();
      expect([id, b !== null && b.x >= 0 && b.x + b.width <= 320 && b.y < 60]).toEqual([id, true]);
      expect(await debordements(page)).toEqual([]);
    }
    // From the tab chosen, the next Tab: its name in an infobulle and as its accessible name (an icon only).
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(TEST_IDS.aide);
    await infobulle().waitFor();
    const nom = "Aide de Prodbook (nouvelle fenêtre)";
    expect(await texteDe(infobulle())).toBe(nom);
    expect(sansEspacesInsecables(await aide.getAttribute("aria-label"))).toBe(nom);
    // Enter opens the help page the dashboard's « Aide de Prodbook » opens, served beside the pane.
    const [fenetre] = await Promise.all([page.context().waitForEvent("page"), page.keyboard.press("Enter")]);
    await fenetre.waitForLoadState();
    expect(new URL(fenetre.url()).pathname).toBe("/aide.html");
    expect(await fenetre.locator("h1").innerText()).toBe("Prodbook");
    // It tells every page of the tab list, in the pane's French (no-break spaces before « : » and inside « »).
    const aideTexte = await fenetre.locator("body").innerText();
    const titres = await page.locator('[role="tab"]').allInnerTexts();
    expect(titres.filter((t) => !aideTexte.includes(t.trim()))).toEqual([]);
    expect(fautes(aideTexte)).toEqual([]);
    await fenetre.close();
    await page.keyboard.press("Escape");
    expect(volet.erreursPage).toEqual([]);
  });
});

describe("d'une page à l'autre au clavier : le bouton d'un bloc du tableau de bord mène le focus dans la page ouverte", () => {
  const volet = voletDuBloc({ largeur: 320 });
  const { page } = volet;

  it("chaque bouton « Structurez le devis », « Bouclez le financement »… : Entrée, puis le focus est dans la page ouverte, Tab atteint son premier champ", async () => {
    await page.getByTestId(IDS_TABLEAU_DE_BORD.bloc("planning")).waitFor();
    // Each block's « what to do next » button (tdb-<bloc>-suite).
    const [debut, fin] = IDS_TABLEAU_DE_BORD.suite("|").split("|");
    const boutons = page
      .getByTestId(TEST_IDS.page("tableau-de-bord"))
      .locator(`[data-testid^="${debut}"][data-testid$="${fin}"]`);
    const n = await boutons.count();
    expect(n).toBeGreaterThanOrEqual(5);
    const perdus: string[] = [];
    for (let i = 0; i < n; i++) {
      await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
      const bouton = boutons.nth(i);
      const texte = await bouton.innerText();
      await bouton.focus();
      await page.keyboard.press("Enter");
      const ouverte = await page.locator("main:not([hidden])").getAttribute("data-testid");
      expect([texte, ouverte]).not.toEqual([texte, TEST_IDS.page("tableau-de-bord")]);
      // The focus is not left on the hidden button (the document's body): it is in the page opened, which is named.
      const dans = () =>
        page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), ouverte as string);
      if (!(await dans())) perdus.push(`${texte} : focus hors de la page ouverte`);
      // The page drawn (its code fetched on a first visit), as the user sees it before pressing Tab.
      await page.locator("main:not([hidden])").locator("button, input, select").first().waitFor();
      await page.keyboard.press("Tab");
      if (!(await dans())) perdus.push(`${texte} : Tab ne va pas dans la page ouverte`);
    }
    expect(perdus).toEqual([]);
    expect(volet.erreursPage).toEqual([]);
  });
});

/**
 * Where the focus lands when it moves with Tab or Shift+Tab on a long page: each element reached must be seen, not
 * left under the sticky header (tabs and production line) nor under a feedback held at the bottom of the pane.
 */
async function focusCaches(page: Page, id: string, sens: "Tab" | "Shift+Tab"): Promise<string[]> {
  // From the page's first (Tab) or last (Shift+Tab) element, through the page until the focus leaves it.
  await page.evaluate(
    ([p, arriere]) => {
      const sel = "a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),[tabindex='0']";
      const tous = Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${p}"] :is(${sel})`)).filter(
        (e) => e.getClientRects().length > 0,
      );
      (arriere ? tous[tous.length - 1] : tous[0]).focus();
    },
    [TEST_IDS.page(id), sens === "Shift+Tab"] as const,
  );
  const caches: string[] = [];
  for (let i = 0; i < 300; i++) {
    const r = await focusCache(page, id);
    if (r === null) break;
    if (r) caches.push(`${id} ${sens} : ${r}`);
    await page.keyboard.press(sens);
  }
  return caches;
}

/**
 * The focused element of the page `id`, when it cannot be seen: hit-tested at its top, middle and bottom, something
 * else (the sticky header, a feedback held at the bottom) is there at all three; a tooltip fading out does not count.
 * "" when seen, null when the focus is out of the page.
 */
function focusCache(page: Page, id: string): Promise<string | null> {
  return page.evaluate((p) => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || !e.closest(`[data-testid="${p}"]`)) return null;
    const b = e.getBoundingClientRect();
    const x = Math.min(Math.max(b.left + b.width / 2, 1), innerWidth - 1);
    const vus = [b.top + 2, b.top + b.height / 2, b.bottom - 2].map((y) => {
      const h = y >= 0 && y <= innerHeight ? document.elementFromPoint(x, y) : null;
      // A tooltip (a shortened source's full title) fading out over the next element is no sticky header: it goes.
      return !!h && (e.contains(h) || h.contains(e) || !!h.closest("[role='tooltip']"));
    });
    const nom = (e.getAttribute("aria-label") || e.textContent || e.tagName).trim().slice(0, 40);
    return vus.some(Boolean) ? "" : `${nom} (haut ${Math.round(b.top)} px)`;
  }, TEST_IDS.page(id));
}

describe("focus au clavier à 320 × 700 px : ce qui reçoit le focus est vu, jamais sous l'en-tête collant", () => {
  const volet = voletDuBloc({ largeur: 320, hauteur: 700 });
  const { page } = volet;

  it("Tableau de bord (sources dépliées), Financement (échéancier ouvert) et Sources, avec Tab puis Maj+Tab", async () => {
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("button").click();
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("link").first().waitFor();
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId("fin-verifier").click();
    await page
      .getByTestId("fin-echeancier")
      .getByRole("button", { name: /Échéancier mois par mois/ })
      .click();
    await page.getByTestId("fin-mois-0").waitFor();
    await page.getByTestId(TEST_IDS.onglet("sources")).click();
    await page.getByTestId("sources-resume").waitFor();
    const caches: string[] = [];
    for (const id of ["tableau-de-bord", "financement", "sources"]) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      for (const sens of ["Tab", "Shift+Tab"] as const) caches.push(...(await focusCaches(page, id, sens)));
    }
    expect(caches).toEqual([]);
    expect(volet.erreursPage).toEqual([]);
  });

  it("Sources : la date tapée puis Tab jusqu'à « Afficher » et Entrée, les barèmes de cette date s'affichent", async () => {
    // The list scrolled down first (a table opened far below), then the date typed at the top of the page.
    await page.getByTestId(TEST_IDS.onglet("sources")).click();
    await page.getByTestId("sources-table-credit-impot-audiovisuel").getByRole("button").first().click();
    await page.getByTestId("sources-periodes-credit-impot-audiovisuel").waitFor();
    await page.getByTestId("sources-date").fill("01/01/2000");
    await page.getByTestId("sources-date").press("Tab");
    expect((await focus(page)).testId).toBe("sources-actualiser");
    expect(await focusCache(page, "sources")).toBe("");
    await page.getByTestId("sources-actualiser").click();
    await page.getByTestId("sources-liste").getByText("aucune version à cette date").first().waitFor();
  });
});

/** Every source title of the rule tables (src/core/regles/data), by address. */
function titresDesSources(): Map<string, string[]> {
  const dossier = path.join(RACINE, "src/core/regles/data");
  const parUrl = new Map<string, string[]>();
  for (const f of fs.readdirSync(dossier).filter((x) => x.endsWith(".json"))) {
    const table = JSON.parse(fs.readFileSync(path.join(dossier, f), "utf8")) as {
      versions: { sources: { titre: string; url: string }[] }[];
    };
    for (const v of table.versions)
      for (const s of v.sources) parUrl.set(s.url, [...(parUrl.get(s.url) ?? []), s.titre]);
  }
  return parUrl;
}

interface Focus {
  testId: string | null;
  tag: string;
  role: string | null;
  texte: string;
  /** aria-describedby: an infobulle of relationship description. */
  decritPar: string | null;
}

async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      testId: e?.getAttribute("data-testid") ?? null,
      tag: e?.tagName.toLowerCase() ?? "",
      role: e?.getAttribute("role") ?? null,
      texte: e?.textContent ?? "",
      decritPar: e?.getAttribute("aria-describedby") ?? null,
    };
  });
}

/** Presses Tab (at most `max` times) until the focused element satisfies `ok`; fails if it never does. */
async function tabJusqua(page: Page, ok: (f: Focus) => boolean, max = 120): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focus(page);
    if (ok(f)) return f;
  }
  throw new Error(`Élément jamais atteint avec Tab (${max} appuis).`);
}

/** Reaches the tab list with Tab, moves to the page's tab with the arrows and opens it with Enter. */
async function ongletAuClavier(page: Page, id: string): Promise<void> {
  const cible = TEST_IDS.onglet(id);
  let f = await focus(page);
  if (f.role !== "tab") f = await tabJusqua(page, (x) => x.role === "tab");
  const ordre = (await idsPages(page)).map((p) => TEST_IDS.onglet(p));
  for (let i = 0; i < ordre.length && f.testId !== cible; i++) {
    await page.keyboard.press(ordre.indexOf(f.testId ?? "") < ordre.indexOf(cible) ? "ArrowRight" : "ArrowLeft");
    f = await focus(page);
  }
  expect(f.testId).toBe(cible);
  await page.keyboard.press("Enter");
  await page.getByTestId(TEST_IDS.page(id)).waitFor();
  expect(await page.getByTestId(cible).getAttribute("aria-selected")).toBe("true");
}

/** The pages' ids, in tab order, from the tab list. */
async function idsPages(page: Page): Promise<string[]> {
  const prefixe = TEST_IDS.onglet("");
  return page
    .locator(`[role="tab"][data-testid^="${prefixe}"]`)
    .evaluateAll((ts, p) => ts.map((t) => (t.getAttribute("data-testid") ?? "").slice(p.length)), prefixe);
}

async function selectionDevient(page: Page, cellule: string): Promise<void> {
  expect(await selectionApres(page, cellule)).toBe(cellule);
}
