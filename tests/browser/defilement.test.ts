import type { Locator, Page } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { voletDuBloc } from "./volet";

/**
 * « Feedback next to the action »: when an action's result (or its error) appears below the fold, the pane scrolls
 * just enough to show it under its sticky header (Retour's montrerLaSuite). Checked in Chromium on the built bundle at
 * Excel's narrowest pane, 320 px wide, in a window only 400 px high (a small laptop's Excel): below the header (tabs,
 * production line) and a page's form, every result starts out of view.
 */
const LARGEUR = 320;
const HAUTEUR = 400;

/** Where `l` is in the window, and where the sticky header ends (what is under it is not seen). */
async function position(l: Locator): Promise<{ haut: number; bas: number; entete: number; fenetre: number }> {
  return l.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return {
      haut: Math.round(r.top),
      bas: Math.round(r.bottom),
      entete: Math.round(document.querySelector("header")?.getBoundingClientRect().bottom ?? 0),
      fenetre: window.innerHeight,
    };
  });
}

/** Once the pane has stopped scrolling (montrerLaSuite scrolls once painted, and may adjust 250 ms later). */
async function defilementFini(page: Page): Promise<void> {
  let avant = -1;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const y = await page.evaluate(() => window.scrollY);
    if (y === avant) return;
    avant = y;
  }
}

type Position = Awaited<ReturnType<typeof position>>;

/**
 * Runs `agir` from the top of the page, its button scrolled into view (the pane at rest, as a user reaches it), and
 * returns where the button and `cible` (the result's first line, or the error) are once the pane has stopped
 * scrolling, and where `cible` would be had the pane not scrolled.
 */
async function agirPuisMesurer(page: Page, bouton: Locator, cible: Locator, agir: () => Promise<void>) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await bouton.scrollIntoViewIfNeeded();
  const debut = await page.evaluate(() => window.scrollY);
  await agir();
  await cible.waitFor();
  await defilementFini(page);
  const fin = await page.evaluate(() => window.scrollY);
  const c = await position(cible);
  return { defile: fin - debut, cible: c, sansDefiler: c.haut + fin - debut, bouton: await position(bouton) };
}

/** Wholly in the visible part of the pane: below the sticky header, above the window's bottom. */
const enVue = (p: Position) => p.haut >= p.entete && p.bas <= p.fenetre;

describe(`le résultat d'une action vient en vue (Chromium, ${LARGEUR} × ${HAUTEUR} px)`, () => {
  const { page } = voletDuBloc({ largeur: LARGEUR, hauteur: HAUTEUR });
  const id = (t: string) => page.getByTestId(t);
  const ouvrir = async (p: string) => {
    await id(TEST_IDS.onglet(p)).click();
    await id(TEST_IDS.page(p)).waitFor();
  };

  // Each result's first line (its title or headline figure), which appears below the window's bottom.
  const CAS: { page: string; bouton: string; cible: string; avant?: () => Promise<void> }[] = [
    { page: "structurer", bouton: TEST_IDS.structurer.analyser, cible: TEST_IDS.structurer.nbLignes },
  ];

  // Crédit d'impôt and Financement put their result first, their form folded under it: the button was pressed far down
  // a long form, the headline is shown at once under the header, the button (under the folded form) in view too.
  const EN_TETE: { page: string; bouton: string; cible: string; avant?: () => Promise<void> }[] = [
    { page: "credit-impot", bouton: "ci-calculer", cible: "ci-credit", avant: () => id("ci-duree").fill("52") },
    { page: "financement", bouton: "fin-verifier", cible: "fin-resultat" },
  ];

  it.each(CAS)("$page : après le clic, le résultat est en vue sous l'en-tête, le bouton aussi", async (cas) => {
    await ouvrir(cas.page);
    await cas.avant?.();
    // The first line of the result: for a block, its top 40 px.
    const cible = id(cas.cible);
    const r = await agirPuisMesurer(page, id(cas.bouton), cible, () => id(cas.bouton).click());
    const ligne = { ...r.cible, bas: Math.min(r.cible.bas, r.cible.haut + 40) };
    // Unmoved, the pane would have left it below the window: the scroll is what shows it.
    expect(r.sansDefiler + (ligne.bas - ligne.haut)).toBeGreaterThan(r.cible.fenetre);
    expect(r.defile).toBeGreaterThan(0);
    expect([cas.page, enVue(ligne)]).toEqual([cas.page, true]);
    // As little as needed: the button just pressed is still in view above it.
    expect([cas.page, enVue(r.bouton)]).toEqual([cas.page, true]);
  });

  it.each(EN_TETE)(
    "$page : après le clic, le chiffre en tête est en vue sous l'en-tête, le bouton aussi",
    async (cas) => {
      await ouvrir(cas.page);
      await cas.avant?.();
      const cible = id(cas.cible);
      // The button below the window's fold before the click: the form is longer than the window.
      const avant = await position(id(cas.bouton));
      expect(avant.bas + (await page.evaluate(() => window.scrollY))).toBeGreaterThan(HAUTEUR);
      const r = await agirPuisMesurer(page, id(cas.bouton), cible, () => id(cas.bouton).click());
      const ligne = { ...r.cible, bas: Math.min(r.cible.bas, r.cible.haut + 40) };
      expect([cas.page, enVue(ligne)]).toEqual([cas.page, true]);
      expect([cas.page, enVue(r.bouton)]).toEqual([cas.page, true]);
      expect(r.bouton.haut).toBeGreaterThan(r.cible.haut);
    },
  );

  it("Contrôles : le résultat déjà en vue sous le bouton, rien ne bouge", async () => {
    await ouvrir("controles");
    const r = await agirPuisMesurer(page, id(TEST_IDS.controles.lancer), id(TEST_IDS.controles.liste), () =>
      id(TEST_IDS.controles.lancer).click(),
    );
    expect(r.cible.haut).toBeGreaterThanOrEqual(r.cible.entete);
    expect(r.cible.haut + 40).toBeLessThanOrEqual(r.cible.fenetre);
    expect(r.defile).toBe(0);
  });

  it("Structurer, au clavier et en erreur : le message entier en vue, sous l'en-tête", async () => {
    await ouvrir("structurer");
    await id(TEST_IDS.structurer.feuille).selectOption("PDT");
    const erreur = id(TEST_IDS.page("structurer")).getByTestId(TEST_IDS.erreur);
    const bouton = id(TEST_IDS.structurer.analyser);
    const r = await agirPuisMesurer(page, bouton, erreur, async () => {
      await bouton.focus();
      await page.keyboard.press("Enter");
    });
    expect(r.sansDefiler + (r.cible.bas - r.cible.haut)).toBeGreaterThan(r.cible.fenetre);
    expect(enVue(r.cible)).toBe(true);
    expect(await erreur.innerText()).toMatch(/PDT/);
    await id(TEST_IDS.structurer.feuille).selectOption("");
  });
});
