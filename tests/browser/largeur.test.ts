import type { Page } from "playwright-core";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ACTIONS, SANS_DEVIS_ACTIONS, dansPage, pages } from "./actionsPages";
import { ecran, debordements, motsCoupes, surveillerDebordements, voletDuBloc } from "./volet";

/**
 * The pane at Excel's narrow widths: at 320 px (and 500 px) no page scrolls sideways nor breaks a word over two lines,
 * before and after its main action and in its error state. Every page of PAGES is visited; the known ones run their main action.
 */
/**
 * Overflows found, by step, and words broken over two lines (a column too narrow for them): the test reports them all
 * at the end rather than the first one.
 */
async function verifier(page: Page, etape: string, problemes: string[]): Promise<void> {
  for (const d of await debordements(page)) problemes.push(`${etape} — ${d}`);
  for (const d of await motsCoupes(page)) problemes.push(`${etape} — mot coupé ${d}`);
}

describe.each([320, 500])("volet à %i px : rien ne défile horizontalement", (largeur) => {
  const v = voletDuBloc({ largeur });
  const { page } = v;

  it("chaque page : à l'ouverture, après son action principale, en erreur", async () => {
    const ids = await pages(page);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(ACTIONS)));
    const problemes: string[] = [];
    const surveillance = await surveillerDebordements(page, largeur);
    // Pages checked: those whose main action is known here (pages added since are to be listed in ACTIONS).
    for (const id of ids.filter((i) => i in ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      const verif = (etape: string) => verifier(page, `${id} ${etape}`, problemes);
      await verif("ouverture");
      await ACTIONS[id]?.(page, verif);
      if (largeur === 320) await ecran(page, `largeur-320-${id}.png`);
    }
    // Back on each page, results kept: a page hidden then shown again is laid out for the pane's width at once (it
    // measured 0 while hidden, and its tables were drawn as tables for one frame before becoming cards).
    for (const id of ids.filter((i) => i in ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      await verifier(page, `${id} retour`, problemes);
    }
    expect(problemes).toEqual([]);
    // Nor for one frame in between (a component first laid out on one line, then measured and wrapped).
    expect(await surveillance.vus()).toEqual([]);
  });

  it("le bandeau de production ouvert tient dans la largeur", async () => {
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.formulaire).waitFor();
    const problemes: string[] = [];
    await verifier(page, "bandeau ouvert", problemes);
    expect(problemes).toEqual([]);
    await page.getByTestId(TEST_IDS.production.modifier).click();
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * A workbook without a devis nor plan: one sheet of notes whose name (31 characters, Excel's longest) has no space
 * to break at, so the messages that name the sheets read have a long word to fit.
 */
const FEUILLE_NOTES = "Notes_preparation_tournage_2026";
const SANS_DEVIS = {
  sheets: { [FEUILLE_NOTES]: [["Repérages à Brest, semaine 12"], ["Contacts", "Régie"]] },
  active: FEUILLE_NOTES,
};

describe.each([320, 500])("volet à %i px, classeur sans devis : les refus tiennent dans la largeur", (largeur) => {
  const v = voletDuBloc({ classeur: () => SANS_DEVIS, largeur });
  const { page } = v;

  it("le tableau de bord, puis chaque page qui lit le devis : action refusée en français, sans défilement horizontal", async () => {
    const problemes: string[] = [];
    const messages: string[] = [];
    const surveillance = await surveillerDebordements(page, largeur);
    // The first page: each block says what is missing and what to do.
    await page.getByTestId(IDS_TABLEAU_DE_BORD.bloc("planning")).waitFor();
    await verifier(page, "tableau-de-bord sans devis", problemes);
    for (const [id, action] of Object.entries(SANS_DEVIS_ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      await action(page);
      const erreur = dansPage(page, id, TEST_IDS.erreur);
      await erreur.waitFor();
      messages.push(`${id} : ${await erreur.innerText()}`);
      await verifier(page, `${id} refus`, problemes);
      if (largeur === 320) await ecran(page, `largeur-320-sans-devis-${id}.png`);
    }
    // Each refusal says in French what was looked for and not found; the devis ones name the sheet read.
    expect(messages).toEqual(
      Object.keys(SANS_DEVIS_ACTIONS).map((id) => expect.stringMatching(`^${id} : Erreur\\s*Aucune? `)),
    );
    expect(messages.filter((m) => m.includes(`«\u00a0${FEUILLE_NOTES}\u00a0»`)).length).toBeGreaterThanOrEqual(5);
    expect(problemes).toEqual([]);
    expect(await surveillance.vus()).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});
