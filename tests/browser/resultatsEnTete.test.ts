import type { Page } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { saisirDate, voletDuBloc } from "./volet";

/**
 * At Excel's narrowest pane (320 × 568 px), once a page has its result the headline figure comes first, in the first
 * screen of the page, and the form it was computed from folds into one line above the buttons: « Film de cinéma · 52 min
 * · … — Modifier », a button (aria-expanded) that unfolds it with the mouse or the keyboard, its state kept across tabs.
 */
const LARGEUR = 320;
const HAUTEUR = 568;

interface Cas {
  page: string;
  /** Fills what the action needs, then presses it. */
  agir: (page: Page) => Promise<void>;
  /** The headline figure. */
  chiffre: string;
  bascule: string;
  /** A field of the form, hidden while folded. */
  champ: string;
  /** What the summary line says of the parameters (every space, non-breaking or not, read as one). */
  resume: RegExp;
  bouton: string;
}

const CAS: Cas[] = [
  {
    page: "credit-impot",
    agir: async (page) => {
      await page.getByTestId("ci-duree").fill("52");
      await page.getByTestId("ci-calculer").click();
    },
    chiffre: "ci-credit",
    bascule: "ci-parametres",
    champ: "ci-duree",
    resume: / · 52 min · \d{4} — Modifier$/,
    bouton: "ci-calculer",
  },
  {
    page: "financement",
    agir: (page) => page.getByTestId("fin-verifier").click(),
    chiffre: "fin-reste",
    bascule: "fin-parametres",
    champ: "fin-cout",
    resume: /^Plan .* — Modifier$/,
    bouton: "fin-verifier",
  },
  {
    page: "planning",
    agir: async (page) => {
      await saisirDate(page.getByTestId("planning-livraison"), "2026-12-15");
      await page.getByTestId("planning-recalculer").click();
    },
    chiffre: "planning-chiffres",
    bascule: "planning-parametres",
    champ: "planning-livraison",
    resume: /^Livraison \(PAD\) le 15 décembre 2026 · Métropole — Modifier$/,
    bouton: "planning-recalculer",
  },
  {
    page: "carbone",
    agir: async (page) => {
      await page.locator('[data-testid="carbone-planning"] option', { hasText: "PDT" }).waitFor({ state: "attached" });
      await page.getByTestId("carbone-planning").selectOption("PDT");
      await page.getByTestId("carbone-estimer").click();
    },
    chiffre: "carbone-total",
    bascule: "carbone-parametres",
    champ: "carbone-planning",
    resume: / · plan de travail « PDT » — Modifier$/,
    bouton: "carbone-estimer",
  },
];

describe(`le chiffre d'abord, les paramètres repliés (Chromium, ${LARGEUR} × ${HAUTEUR} px)`, () => {
  const { page } = voletDuBloc({ largeur: LARGEUR, hauteur: HAUTEUR });
  const id = (t: string) => page.getByTestId(t);
  /** Top of an element in the page (not the window), and whether it is laid out. */
  const hautDansLaPage = (t: string) =>
    id(t)
      .first()
      .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const deborde = () =>
    page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it.each(CAS)("$page : avant le résultat, le formulaire ; après, le chiffre en tête", async (cas) => {
    await id(TEST_IDS.onglet(cas.page)).click();
    await id(TEST_IDS.page(cas.page)).waitFor();
    // Before any result: the form as a form, no summary line.
    // (The page's fields may still be loading under a busy machine: wait for the field, then check no summary line.)
    await id(cas.champ).waitFor({ state: "visible" });
    expect(await id(cas.bascule).count()).toBe(0);
    const boutonAvant = await hautDansLaPage(cas.bouton);

    await cas.agir(page);
    await id(cas.chiffre).waitFor();
    await id(cas.bascule).waitFor();

    // The headline figure in the page's first screen, above the folded form and the buttons.
    const chiffre = await hautDansLaPage(cas.chiffre);
    expect(chiffre).toBeLessThan(HAUTEUR);
    expect(chiffre).toBeLessThan(await hautDansLaPage(cas.bascule));
    expect(chiffre).toBeLessThan(await hautDansLaPage(cas.bouton));
    // And in view, under the sticky header.
    const fenetre = await id(cas.chiffre)
      .first()
      .evaluate((e) => ({
        haut: e.getBoundingClientRect().top,
        entete: document.querySelector("header")?.getBoundingClientRect().bottom ?? 0,
      }));
    expect(fenetre.haut).toBeGreaterThanOrEqual(fenetre.entete);
    expect(fenetre.haut).toBeLessThan(HAUTEUR);

    // The form folded into one line that says what it holds; the buttons, under it, moved up.
    expect(await id(cas.bascule).getAttribute("aria-expanded")).toBe("false");
    expect(await id(cas.champ).isVisible()).toBe(false);
    expect((await id(cas.bascule).innerText()).replace(/\s+/g, " ").trim()).toMatch(cas.resume);
    expect(await id(cas.bouton).isVisible()).toBe(true);
    expect(boutonAvant).toBeGreaterThan(0);
    expect(await deborde()).toBe(false);
  });

  it.each(CAS)("$page : au clavier, « Modifier » déplie et replie les paramètres", async (cas) => {
    await id(TEST_IDS.onglet(cas.page)).click();
    const bascule = id(cas.bascule);
    await bascule.focus();
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid="${cas.bascule}"][aria-expanded="true"]`).waitFor();
    expect(await id(cas.champ).isVisible()).toBe(true);
    expect(await bascule.innerText()).toMatch(/— Replier$/);
    // The fields it controls are those shown.
    const controle = await bascule.getAttribute("aria-controls");
    expect(await page.locator(`#${controle}`).isVisible()).toBe(true);
    expect(await deborde()).toBe(false);

    // Another tab and back: still unfolded, the value typed kept.
    await id(TEST_IDS.onglet("tableau-de-bord")).click();
    await id(TEST_IDS.onglet(cas.page)).click();
    expect(await bascule.getAttribute("aria-expanded")).toBe("true");
    expect(await id(cas.champ).isVisible()).toBe(true);

    // Space folds it again, focus staying on the toggle.
    await bascule.focus();
    await page.keyboard.press("Space");
    await page.locator(`[data-testid="${cas.bascule}"][aria-expanded="false"]`).waitFor();
    expect(await id(cas.champ).isVisible()).toBe(false);
    expect(await bascule.evaluate((e) => e === document.activeElement)).toBe(true);

    // Pressing the action again with the form folded: the headline stays first, the form stays folded.
    await id(cas.bouton).click();
    await id(cas.chiffre).waitFor();
    expect(await bascule.getAttribute("aria-expanded")).toBe("false");
    expect(await hautDansLaPage(cas.chiffre)).toBeLessThan(await hautDansLaPage(cas.bascule));
  });

  it("Structurer : après « Analyser », le total calculé et l'écart au total du producteur en vue, avant le tableau des chapitres", async () => {
    await id(TEST_IDS.onglet("structurer")).click();
    await id(TEST_IDS.structurer.duree).fill("52");
    await id(TEST_IDS.structurer.analyser).click();
    await id(TEST_IDS.structurer.apercu).waitFor();
    // Once the pane has scrolled to the result (Retour): the headline total under the sticky header, in the screen.
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 400)));
    for (const t of [TEST_IDS.structurer.totalCalcule, TEST_IDS.structurer.totalProducteur]) {
      const vue = await id(t).evaluate((e) => ({
        haut: e.getBoundingClientRect().top,
        bas: e.getBoundingClientRect().bottom,
        entete: document.querySelector("header")?.getBoundingClientRect().bottom ?? 0,
      }));
      expect([t, vue.haut >= vue.entete, vue.bas <= HAUTEUR]).toEqual([t, true, true]);
    }
    // The chapters (11 rows in this devis) come after the totals.
    const tableau = page.getByTestId(TEST_IDS.structurer.apercu).getByRole("table");
    expect(await hautDansLaPage(TEST_IDS.structurer.totalCalcule)).toBeLessThan(
      await tableau.evaluate((e) => e.getBoundingClientRect().top + window.scrollY),
    );
    expect(await deborde()).toBe(false);
  });

  it("Crédit d'impôt : une valeur refusée, les paramètres repliés se déplient pour la montrer", async () => {
    await id(TEST_IDS.onglet("credit-impot")).click();
    await id("ci-parametres").click();
    await id("ci-annee").fill("20xx");
    await id("ci-parametres").click();
    expect(await id("ci-annee").isVisible()).toBe(false);
    await id("ci-calculer").click();
    await page.locator('[data-testid="ci-annee"][aria-invalid="true"]').waitFor();
    expect(await id("ci-annee").isVisible()).toBe(true);
    expect(await id("ci-parametres").getAttribute("aria-expanded")).toBe("true");
    await id("ci-annee").fill("2026");
  });
});
