import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { saisirDate } from "./volet";
import { TEST_IDS } from "../../src/taskpane/testIds";

/**
 * Every page of the pane, visited as a user would: the states the browser tests check (at 320 and 500 px for
 * overflows, in Office's dark theme for contrast), on the production workbook of volet.ts (classeurProduction).
 */
const FEC = path.join(__dirname, "../fixtures/fec-reel/123456789FEC20500930.txt");

/** The pages' ids, in tab order, from the pane itself (pages added later are checked too). */
export async function pages(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="onglet-"]')
    .evaluateAll((t) => t.map((x) => x.getAttribute("data-testid")));
  return ids.map((i) => (i as string).replace(/^onglet-/, ""));
}

export const dansPage = (page: Page, id: string, testId: string) =>
  page.getByTestId(TEST_IDS.page(id)).getByTestId(testId);

/** Types a date that does not exist in the page's date field and leaves it: the field says so under it. */
async function champDateIllisible(page: Page, id: string, testId: string): Promise<void> {
  await page.getByTestId(testId).fill("31/02/2026");
  await page.getByTestId(testId).press("Tab");
  await page.locator(`[data-testid="${testId}"][aria-invalid="true"]`).waitFor();
  await page.getByTestId(TEST_IDS.page(id)).locator(".fui-Field__validationMessage").first().waitFor();
}

/** The names the actions pick in the workbook: its plan de travail sheet, its financing plan sheet, the FEC loaded. */
export interface NomsClasseur {
  planDeTravail: string;
  planFinancement: string;
  fec: string;
  /** Name of the file that is not a ledger, picked first on Écarts (« pas-un-fec.txt » unless given). */
  fecIllisible?: string;
}

const NOMS_PRODUCTION: NomsClasseur = { planDeTravail: "PDT", planFinancement: "Plan fin.", fec: FEC };

/**
 * Main action (and error state) of each page, run in the page's own panel, on a workbook whose sheets are `noms`;
 * `verif` is called at each state worth checking (the width test looks for overflows there, the dark theme test for
 * unreadable text, the scan of balayage.test.ts for both and for French presentation).
 */
export function actionsPages(
  noms: NomsClasseur,
): Record<string, (page: Page, verif: (etape: string) => Promise<void>) => Promise<void>> {
  const erreurs = erreursPages(noms);
  return {
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
      await erreurs.structurer(page, verif);
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
      await erreurs["credit-impot"](page, verif);
    },
    financement: async (page, verif) => {
      await page.getByTestId("fin-verifier").click();
      await page.getByTestId("fin-resultat").waitFor();
      await verif("résultat");
      // « Échéancier mois par mois » opened: each month stacked, its badge, must fit too.
      await page
        .getByTestId("fin-echeancier")
        .getByRole("button", { name: /Échéancier mois par mois/ })
        .click();
      await page.getByTestId("fin-mois-0").waitFor();
      await verif("échéancier ouvert");
      // Every month's payments opened (financeur, date, montant, cell): they must fit as well.
      const deplier = page.locator('[data-testid^="fin-mois-"][data-testid$="-deplier"]');
      const n = await deplier.count();
      if (!n) throw new Error("Aucun mois de l'échéancier n'a de versement à ouvrir");
      for (let i = 0; i < n; i++) await deplier.nth(i).click();
      await page
        .locator('[data-testid^="fin-mois-"][data-testid$="-versements"]')
        .nth(n - 1)
        .waitFor();
      await verif("versements ouverts");
      await erreurs.financement(page, verif);
    },
    planning: async (page, verif) => {
      await saisirDate(page.getByTestId("planning-livraison"), "2026-12-15");
      await page.getByTestId("planning-recalculer").click();
      await page.getByTestId("planning-etapes").waitFor();
      await verif("étapes");
      await erreurs.planning(page, verif);
    },
    ecarts: async (page, verif) => {
      const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-largeur-"));
      const mauvais = path.join(dossier, noms.fecIllisible ?? "pas-un-fec.txt");
      fs.writeFileSync(mauvais, "Bonjour\nCeci n'est pas un grand livre\n");
      await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(mauvais);
      await dansPage(page, "ecarts", TEST_IDS.erreur).waitFor();
      await verif("erreur");
      await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(noms.fec);
      await page.getByTestId(TEST_IDS.ecarts.format).waitFor();
      // The écarts are computed as soon as the ledger is read: table, accounts without poste and their pickers.
      await page.getByTestId(TEST_IDS.ecarts.sansPoste).waitFor({ timeout: 60000 });
      await verif("FEC chargé, écarts calculés");
      await erreurs.ecarts(page, verif);
      await page.getByTestId(TEST_IDS.ecarts.rapprocher).click();
      await page.getByTestId(TEST_IDS.ecarts.feuilles).waitFor({ timeout: 60000 });
      await verif("rapport");
      fs.rmSync(dossier, { recursive: true, force: true });
    },
    carbone: async (page, verif) => {
      // Run again after a result: the parameters are folded under the total.
      await deplierParametres(page, "carbone-parametres");
      await page
        .locator('[data-testid="carbone-planning"] option', { hasText: noms.planDeTravail })
        .waitFor({ state: "attached" });
      await page.getByTestId("carbone-planning").selectOption(noms.planDeTravail);
      await page.getByTestId("carbone-estimer").click();
      await page.getByTestId("carbone-manquants").waitFor();
      await verif("estimation");
      await page
        .getByTestId("carbone-details")
        .getByRole("button", { name: /Détails et sources/ })
        .click();
      await page.getByTestId("carbone-details").getByTestId("chiffre-retenu").first().waitFor();
      await verif("détails et sources ouverts");
      await erreurs.carbone(page, verif);
    },
    versions: async (page, verif) => {
      await page.getByTestId(TEST_IDS.versions.nom).fill("Dépôt agrément provisoire");
      await page.getByTestId(TEST_IDS.versions.enregistrer).click();
      await page.getByTestId(TEST_IDS.versions.enregistree).waitFor();
      await verif("version enregistrée");
      await page.getByTestId(TEST_IDS.versions.comparer).click();
      await page.getByTestId(TEST_IDS.versions.resultat).waitFor();
      await verif("comparaison");
      // The same name again: the replacement is asked in a dialog, which must fit too.
      await page.getByTestId(TEST_IDS.versions.enregistrer).click();
      await page.getByTestId(TEST_IDS.versions.confirmation).waitFor();
      await verif("confirmation du remplacement");
      await page.getByTestId(TEST_IDS.versions.annuler).click();
      await page.getByTestId(TEST_IDS.versions.confirmation).waitFor({ state: "detached" });
      await erreurs.versions(page, verif);
    },
    sources: async (page, verif) => {
      await page.getByTestId("sources-resume").waitFor();
      await page.getByTestId("sources-table-credit-impot-audiovisuel").getByRole("button").first().click();
      await page.getByTestId("sources-periodes-credit-impot-audiovisuel").waitFor();
      await verif("barème ouvert");
      // A date before every rule: each table says it has no version then.
      await page.getByTestId("sources-date").fill("01/01/2000");
      await page.getByTestId("sources-date").press("Tab");
      await page.getByTestId("sources-actualiser").click();
      await page.getByTestId("sources-liste").getByText("aucune version à cette date").first().waitFor();
      await verif("aucune version à cette date");
      await erreurs.sources(page, verif);
    },
  };
}

/**
 * The error states of each page, reached from a page already used (after its main action, actionsPages): a field
 * refused under itself, or a MessageBar in error under the button pressed. Each calls `verif` in that state, then puts
 * back what it changed where the next action needs it (the page's sheet, the field typed), so it can be run again
 * (balayage.test.ts does it at 350 px). Écarts needs its FEC read; Versions a name already saved.
 */
export function erreursPages(
  noms: NomsClasseur,
): Record<string, (page: Page, verif: (etape: string) => Promise<void>) => Promise<void>> {
  return {
    structurer: async (page, verif) => {
      // The plan de travail chosen as the devis: refused, the sheet named.
      await page.getByTestId(TEST_IDS.structurer.feuille).selectOption(noms.planDeTravail);
      await page.getByTestId(TEST_IDS.structurer.analyser).click();
      await dansPage(page, "structurer", TEST_IDS.erreur).waitFor();
      await verif("erreur");
      await page.getByTestId(TEST_IDS.structurer.feuille).selectOption("");
    },
    "credit-impot": async (page, verif) => {
      await deplierParametres(page, "ci-parametres");
      // A year that cannot be read is refused under its field (the action does not run): that state must fit too.
      await page.getByTestId("ci-annee").fill("20xx");
      await page.getByTestId("ci-calculer").click();
      await page.locator('[data-testid="ci-annee"][aria-invalid="true"]').waitFor();
      await page.getByTestId("page-credit-impot").locator(".fui-Field__validationMessage").first().waitFor();
      await verif("erreur");
      await page.getByTestId("ci-annee").fill("2026");
    },
    financement: async (page, verif) => {
      await deplierParametres(page, "fin-parametres");
      // A cost that cannot be read is refused under its field, the check not run.
      await page.getByTestId("fin-cout").fill("trois millions");
      await page.getByTestId("fin-verifier").click();
      await page.locator('[data-testid="fin-cout"][aria-invalid="true"]').waitFor();
      await page.getByTestId("page-financement").locator(".fui-Field__validationMessage").first().waitFor();
      await verif("erreur");
      await page.getByTestId("fin-cout").fill("");
    },
    planning: async (page, verif) => {
      await deplierParametres(page, "planning-parametres");
      // A date that cannot be read is said under its field (the steps stay): that state must fit too.
      await champDateIllisible(page, "planning", "planning-livraison");
      await verif("date illisible");
      // A date the field reads but the calculation refuses (past 2199): the refusal under the button gives the date
      // as typed, in words (« 31 décembre 2999 »), not in ISO.
      await saisirDate(page.getByTestId("planning-livraison"), "31/12/2999");
      await page.getByTestId("planning-recalculer").click();
      await dansPage(page, "planning", TEST_IDS.erreur).filter({ hasText: "2999" }).waitFor();
      await verif("date hors des années du calcul");
      await saisirDate(page.getByTestId("planning-livraison"), "15/12/2026");
    },
    ecarts: async (page, verif) => {
      // An empty correspondance row, then the report asked for: refused under its button; the row deleted after.
      await page.getByTestId(TEST_IDS.ecarts.ajouter).click();
      await verif("correspondance fautive");
      await page.getByTestId(TEST_IDS.ecarts.rapprocher).click();
      await dansPage(page, "ecarts", TEST_IDS.erreur).waitFor();
      await verif("rapprochement refusé");
      await page.locator('[data-testid^="ecarts-supprimer-"]').last().click();
    },
    carbone: async (page, verif) => {
      // A sheet without the plan de travail's header, chosen as one: refused, its expected columns named.
      await deplierParametres(page, "carbone-parametres");
      await page.getByTestId("carbone-planning").selectOption(noms.planFinancement);
      await page.getByTestId("carbone-estimer").click();
      await dansPage(page, "carbone", TEST_IDS.erreur).waitFor();
      await verif("erreur");
    },
    versions: async (page, verif) => {
      // « courant » names the current devis: refused as a version name.
      await page.getByTestId(TEST_IDS.versions.nom).fill("courant");
      await page.getByTestId(TEST_IDS.versions.enregistrer).click();
      await dansPage(page, "versions", TEST_IDS.erreur).waitFor();
      await verif("erreur");
    },
    sources: async (page, verif) => {
      await champDateIllisible(page, "sources", "sources-date");
      await verif("date illisible");
    },
  };
}

/**
 * Once a page shows its result, its parameters are folded under it into one line (a button): unfolds them when folded,
 * so that its fields can be filled. Nothing when the page has no result (the fields are shown) or they are unfolded.
 */
export async function deplierParametres(page: Page, testId: string): Promise<void> {
  const bascule = page.getByTestId(testId);
  if ((await bascule.count()) === 0 || (await bascule.getAttribute("aria-expanded")) === "true") return;
  await bascule.click();
  await page.locator(`[data-testid="${testId}"][aria-expanded="true"]`).waitFor();
}

/** The actions on the production workbook of volet.ts (classeurProduction). */
export const ACTIONS = actionsPages(NOMS_PRODUCTION);

/** Each page's main action where it needs a devis (or a plan, a financing plan): refused with a message. */
export const SANS_DEVIS_ACTIONS: Record<string, (page: Page) => Promise<void>> = {
  structurer: (page) => page.getByTestId(TEST_IDS.structurer.analyser).click(),
  controles: (page) => page.getByTestId(TEST_IDS.controles.lancer).click(),
  "credit-impot": async (page) => {
    // No devis, so no genre read in it: chosen first (the page asks for it before any estimate, none guessed).
    await page.getByTestId("ci-genre").selectOption("fiction");
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-calculer").click();
  },
  financement: (page) => page.getByTestId("fin-verifier").click(),
  planning: (page) => page.getByTestId("planning-recalculer").click(),
  carbone: (page) => page.getByTestId("carbone-estimer").click(),
  versions: async (page) => {
    await page.getByTestId(TEST_IDS.versions.nom).fill("Devis initial");
    await page.getByTestId(TEST_IDS.versions.enregistrer).click();
  },
};
