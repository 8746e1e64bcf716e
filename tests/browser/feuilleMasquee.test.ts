import { TEST_IDS } from "../../src/taskpane/testIds";
import { classeurDevisMasque, ouvrirVolet, sansEspacesInsecables, type Volet } from "./volet";

/**
 * The devis sheet the pane detects is hidden in the workbook (fake Excel, visibility « Hidden »): the production
 * banner says it beside the sheet's name and in the field's hint, as `prodbook devis` says « feuille-lue ».
 */
const sp = sansEspacesInsecables;

describe("feuille du devis masquée dans le classeur (Chromium, Excel simulé)", () => {
  let v: Volet;

  afterAll(async () => {
    await v?.fermer();
  });

  it("le bandeau Production la nomme « (feuille masquée) » et le dit sous le champ", async () => {
    const { fixture, devis } = await classeurDevisMasque();
    v = await ouvrirVolet(fixture);
    const { page } = v;
    const resume = page.getByTestId(TEST_IDS.production.resume);
    await page.waitForFunction(
      ([id, f]) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(f),
      [TEST_IDS.production.resume, devis],
    );
    expect(sp(await resume.textContent())).toContain(`${devis} (feuille masquée) · `);
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.formulaire).waitFor();
    expect(sp(await page.getByTestId(TEST_IDS.production.formulaire).textContent())).toContain(
      "Détectée : son en-tête ressemble à un devis. Elle est masquée dans le classeur ; si le devis est dans une " +
        "autre feuille, choisissez-la.",
    );
    expect(v.erreursPage).toEqual([]);
  });
});
