import type { Page } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import type { FixtureExcel } from "../helpers/fake-excel";
import { classeurProduction, voletDuBloc } from "./volet";

/**
 * The form fields of the pages (one component, src/taskpane/components/Champ.tsx) in the built pane at 350 px: each
 * is reached by its label, a refused figure is said in French under it, and what the user typed on a page — the
 * page's own fields as well as the production's — is still there, refusal included, after visiting other tabs.
 */
const ouvrir = async (page: Page, id: string) => {
  await page.getByTestId(TEST_IDS.onglet(id)).click();
  await page.getByTestId(TEST_IDS.page(id)).waitFor();
};
const dans = (page: Page, id: string) => page.getByTestId(TEST_IDS.page(id));
/** The validation message under a field, or "" when none. */
const messageSous = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const champ = document.querySelector(`[data-testid="${id}"]`)!.closest(".fui-Field");
    return (champ?.querySelector(".fui-Field__validationMessage") as HTMLElement | null)?.innerText ?? "";
  }, testId);

describe("volet à 350 px : les champs des pages", () => {
  const v = voletDuBloc({ largeur: 350 });
  const { page } = v;

  it("gardent ce qui a été saisi, et son refus, d'un onglet à l'autre", async () => {
    await ouvrir(page, "credit-impot");
    // Reached by its label (the label is tied to the input), typed with the keyboard, refused when left.
    await dans(page, "credit-impot").getByLabel("Subventions publiques non remboursables (€)").fill("12.500");
    await page.keyboard.press("Tab");
    const refus = await messageSous(page, "ci-subventions");
    expect(refus).toMatch(/^«\s12\.500\s»/);
    await dans(page, "credit-impot").getByLabel("Durée (minutes)").fill("26");

    await ouvrir(page, "financement");
    await dans(page, "financement").getByLabel("ou coût de production (€)").fill("1 200 000");
    await ouvrir(page, "versions");
    await dans(page, "versions").getByLabel("Auteur").fill("Camille Roux");
    await ouvrir(page, "structurer");
    // The durée is the production's: typed on Crédit d'impôt, it is Structurer's too.
    await expect(page.getByTestId(TEST_IDS.structurer.duree).inputValue()).resolves.toBe("26");

    await ouvrir(page, "credit-impot");
    await expect(page.getByTestId("ci-subventions").inputValue()).resolves.toBe("12.500");
    await expect(messageSous(page, "ci-subventions")).resolves.toBe(refus);
    await expect(page.getByTestId("ci-subventions").getAttribute("aria-invalid")).resolves.toBe("true");
    await ouvrir(page, "financement");
    await expect(page.getByTestId("fin-cout").inputValue()).resolves.toBe("1 200 000");
    await expect(messageSous(page, "fin-cout")).resolves.toBe("");
    await ouvrir(page, "versions");
    await expect(page.getByTestId(TEST_IDS.versions.auteur).inputValue()).resolves.toBe("Camille Roux");

    // « Calculer » with the refused figure: nothing runs, the focus goes to the field that says why.
    await ouvrir(page, "credit-impot");
    await page.getByTestId("ci-calculer").click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "ci-subventions",
    );
    await expect(page.getByTestId("ci-resultat").count()).resolves.toBe(0);
    expect(v.erreursPage).toEqual([]);
  });
});

/** The production workbook whose plan has no tax-credit line yet: the Financement page may add the devis's credit. */
async function classeurSansCredit(): Promise<FixtureExcel> {
  const c = await classeurProduction();
  const plan = c.sheets!["Plan fin."];
  const sans = plan.filter((r) => !r.some((x) => typeof x === "string" && /crédit d'impôt/i.test(x)));
  expect(plan.length - sans.length).toBe(1);
  return { ...c, sheets: { ...c.sheets, "Plan fin.": sans } };
}

describe("volet à 350 px : les subventions publiques de la production", () => {
  const v = voletDuBloc({ largeur: 350, classeur: classeurSansCredit });
  const { page } = v;

  it("saisies sur Crédit d'impôt, reprises par Financement et déduites de la base du crédit ajouté au plan", async () => {
    await ouvrir(page, "financement");
    await page.getByTestId("fin-credit-impot").click();
    await page.getByTestId("fin-verifier").click();
    await dans(page, "financement").getByTestId("fin-resultat").waitFor();
    const sans = await dans(page, "financement").innerText();
    expect(sans).not.toMatch(/de subventions publiques/);

    await ouvrir(page, "credit-impot");
    await dans(page, "credit-impot").getByLabel("Subventions publiques non remboursables (€)").fill("50 000");
    await ouvrir(page, "financement");
    // One figure for the production: the field of the Financement page shows what was typed on Crédit d'impôt.
    await expect(page.getByTestId("fin-subventions").inputValue()).resolves.toBe("50 000");
    await page.getByTestId("fin-verifier").click();
    await page.waitForFunction(() =>
      /de subventions publiques/.test(
        (document.querySelector('[data-testid="page-financement"]') as HTMLElement)?.innerText,
      ),
    );
    const avec = await dans(page, "financement").innerText();
    expect(avec).toMatch(/Base réduite \(subventions publiques déduites\) de 50\s000,00\s€/);
    // The credit added is smaller: so is the plan's total.
    const total = (t: string) => /total des financements ([\d\s\u202f]+,\d\d)/.exec(t)![1].replace(/\D/g, "");
    expect(Number(total(avec))).toBeLessThan(Number(total(sans)));
    // The plan's aids named in the pane's words: no CLI option.
    expect(avec).toMatch(/indiquez leur montant en subventions publiques non remboursables du calcul/);
    expect(avec).not.toMatch(/(^|\s)--[a-z]/m);
    expect(v.erreursPage).toEqual([]);
  });
});
