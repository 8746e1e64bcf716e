import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ECRANS, debordements, voletDuBloc } from "./volet";

/**
 * The pane at Excel's narrow widths: at 320 px (and 500 px) no page scrolls sideways, before and after its
 * main action and in its error state. Every page of PAGES is visited; the known ones run their main action.
 */
const FEC = path.join(__dirname, "../fixtures/fec-reel/123456789FEC20500930.txt");

/** Overflows found, by step: the test reports them all at the end rather than the first one. */
async function verifier(page: Page, etape: string, problemes: string[]): Promise<void> {
  for (const d of await debordements(page)) problemes.push(`${etape} — ${d}`);
}

/** The pages' ids, in tab order, from the pane itself (pages added later are checked too). */
async function pages(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="onglet-"]')
    .evaluateAll((t) => t.map((x) => x.getAttribute("data-testid")));
  return ids.map((i) => (i as string).replace(/^onglet-/, ""));
}

const dansPage = (page: Page, id: string, testId: string) => page.getByTestId(TEST_IDS.page(id)).getByTestId(testId);

/** Main action (and error state) of each page, run in the page's own panel. */
const ACTIONS: Record<string, (page: Page, verif: (etape: string) => Promise<void>) => Promise<void>> = {
  "tableau-de-bord": async (page, verif) => {
    await page.getByTestId(IDS_TABLEAU_DE_BORD.bloc("planning")).waitFor();
    await verif("blocs");
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("button").click();
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("link").first().waitFor();
    await verif("détails et sources ouverts");
  },
  structurer: async (page, verif) => {
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
    await verif("aperçu");
    await page.getByTestId(TEST_IDS.structurer.feuille).selectOption("PDT");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await dansPage(page, "structurer", TEST_IDS.erreur).waitFor();
    await verif("erreur");
    await page.getByTestId(TEST_IDS.structurer.feuille).selectOption("");
  },
  controles: async (page, verif) => {
    await page.getByTestId(TEST_IDS.controles.lancer).click();
    await page.getByTestId(TEST_IDS.controles.liste).waitFor();
    await verif("constats");
  },
  "credit-impot": async (page, verif) => {
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-calculer").click();
    await page.getByTestId("ci-resultat").waitFor();
    await verif("résultat");
    // A year that cannot be read is refused under its field (the action does not run): that state must fit too.
    await page.getByTestId("ci-annee").fill("20xx");
    await page.getByTestId("ci-calculer").click();
    await page.locator('[data-testid="ci-annee"][aria-invalid="true"]').waitFor();
    await page.getByTestId("page-credit-impot").locator(".fui-Field__validationMessage").first().waitFor();
    await verif("erreur");
    await page.getByTestId("ci-annee").fill("2026");
  },
  financement: async (page, verif) => {
    await page.getByTestId("fin-verifier").click();
    await page.getByTestId("fin-resultat").waitFor();
    await verif("résultat");
    // A cost that cannot be read is refused under its field, the check not run.
    await page.getByTestId("fin-cout").fill("trois millions");
    await page.getByTestId("fin-verifier").click();
    await page.locator('[data-testid="fin-cout"][aria-invalid="true"]').waitFor();
    await page.getByTestId("page-financement").locator(".fui-Field__validationMessage").first().waitFor();
    await verif("erreur");
    await page.getByTestId("fin-cout").fill("");
  },
  planning: async (page, verif) => {
    await page.getByTestId("planning-livraison").fill("2026-12-15");
    await page.getByTestId("planning-recalculer").click();
    await page.getByTestId("planning-etapes").waitFor();
    await verif("étapes");
  },
  ecarts: async (page, verif) => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-largeur-"));
    const mauvais = path.join(dossier, "pas-un-fec.txt");
    fs.writeFileSync(mauvais, "Bonjour\nCeci n'est pas un grand livre\n");
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(mauvais);
    await dansPage(page, "ecarts", TEST_IDS.erreur).waitFor();
    await verif("erreur");
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    await page.getByTestId(TEST_IDS.ecarts.format).waitFor();
    // The écarts are computed as soon as the ledger is read: table, accounts without poste and their pickers.
    await page.getByTestId(TEST_IDS.ecarts.sansPoste).waitFor({ timeout: 60000 });
    await verif("FEC chargé, écarts calculés");
    await page.getByTestId(TEST_IDS.ecarts.ajouter).click();
    await verif("correspondance fautive");
    await page.getByTestId(TEST_IDS.ecarts.rapprocher).click();
    await dansPage(page, "ecarts", TEST_IDS.erreur).waitFor();
    await verif("rapprochement refusé");
    await page.locator('[data-testid^="ecarts-supprimer-"]').last().click();
    await page.getByTestId(TEST_IDS.ecarts.rapprocher).click();
    await page.getByTestId(TEST_IDS.ecarts.feuilles).waitFor({ timeout: 60000 });
    await verif("rapport");
    fs.rmSync(dossier, { recursive: true, force: true });
  },
};

describe.each([320, 500])("volet à %i px : rien ne défile horizontalement", (largeur) => {
  const v = voletDuBloc({ largeur });
  const { page } = v;

  it("chaque page : à l'ouverture, après son action principale, en erreur", async () => {
    const ids = await pages(page);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(ACTIONS)));
    const problemes: string[] = [];
    // Pages checked: those whose main action is known here (pages added since are to be listed in ACTIONS).
    for (const id of ids.filter((i) => i in ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      const verif = (etape: string) => verifier(page, `${id} ${etape}`, problemes);
      await verif("ouverture");
      await ACTIONS[id]?.(page, verif);
      if (largeur === 320) await page.screenshot({ path: path.join(ECRANS, `largeur-320-${id}.png`), fullPage: true });
    }
    expect(problemes).toEqual([]);
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
