import * as path from "path";
import type { Page } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ECRANS, classeurProduction, etatExcel, ouvrirVolet, sortiesInattendues, type Volet } from "./volet";

/**
 * The « Carbone » page in the built bundle over the fake Excel holding the example devis and its plan de travail:
 * estimate, headline total and categories, « à compléter » findings that select their cell, the note about the
 * homologated calculators, then the two sheets written. (Ids from IDS_CARBONE; importing the page would load Fluent.)
 */
describe("page Carbone dans Chromium (Excel simulé)", () => {
  let v: Volet;
  let page: Page;

  beforeAll(async () => {
    v = await ouvrirVolet(await classeurProduction());
    page = v.page;
  });

  afterAll(async () => {
    await v?.fermer();
  });

  it("« Estimer » : total en t CO2e, catégories, manquants cliquables vers leur cellule, outils homologués cités", async () => {
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    await page.locator('[data-testid="carbone-planning"] option', { hasText: "PDT" }).waitFor({ state: "attached" });
    await page.getByTestId("carbone-planning").selectOption("PDT");
    await page.getByTestId("carbone-estimer").click();
    const total = page.getByTestId("carbone-total");
    await total.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    // Same figures as `prodbook carbone` on the same workbook (tests/cli/carbone.test.ts).
    expect(await total.textContent()).toBe("2,63 t CO2e");
    expect(await page.getByTestId("carbone-parts").textContent()).toBe(
      "Données d'activité 5,6 % · ratios monétaires 94,4 %",
    );
    expect(await page.getByTestId("carbone-categorie-hebergement").textContent()).toMatch(/Hébergement.*1,96$/);
    expect(await page.getByTestId("carbone-categorie-transport").textContent()).toContain(
      "6\u00a0lignes · 4 à compléter · 2\u00a0facteurs manquants",
    );
    const homologation = await page.getByTestId("carbone-homologation").textContent();
    expect(homologation).toContain("SeCO2, Carbon'Clap ou Carbon Stage");

    // 17 findings; the first is the Paris–Brest train without a distance: clicking it selects the devis cell.
    const manquants = page.locator('[data-testid^="carbone-manquant-"]');
    expect(await manquants.count()).toBe(17);
    expect(await page.getByTestId("carbone-manquant-0").textContent()).toContain("Distance manquante");
    await page.getByTestId("carbone-manquant-0").click();
    await page.waitForFunction(
      () =>
        (window as unknown as { Excel: { __etat(): { selection: string | null } } }).Excel.__etat().selection !== null,
    );
    expect((await etatExcel(page)).selection).toBe("'Budget Gardiens'!B43");
    // A plan de travail location selects its row in the plan.
    await page.getByTestId("carbone-manquant-14").click();
    await page.waitForFunction(
      () =>
        (window as unknown as { Excel: { __etat(): { selection: string | null } } }).Excel.__etat().selection ===
        "PDT!A2",
    );
    // At the narrowest pane width (320 px) nothing overflows sideways.
    await page.setViewportSize({ width: 320, height: 1100 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(ECRANS, "carbone.png"), fullPage: true });
  });

  it("« Écrire » : Bilan carbone (formules, graphique) et Export carbone ; le résultat reste après un changement de page", async () => {
    await page.getByTestId("carbone-ecrire").click();
    const message = page.getByTestId("carbone-message");
    await message.waitFor();
    expect(await message.textContent()).toBe(
      "Feuilles écrites\u00a0: «\u00a0Bilan carbone\u00a0», «\u00a0Export carbone\u00a0».",
    );
    const etat = await etatExcel(page);
    const bilan = etat.feuilles.find((f) => f.name === "Bilan carbone")!;
    expect(bilan.charts.map((c) => c.title)).toEqual(["Émissions par catégorie (t CO2e)"]);
    expect(bilan.formules[4][1]).toMatch(/^=B\d+$/);
    expect(etat.feuilles.map((f) => f.name)).toContain("Export carbone");

    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    expect(await page.getByTestId("carbone-total").textContent()).toBe("2,63 t CO2e");
    expect(v.erreursPage).toEqual([]);
    expect(sortiesInattendues(v.refusees)).toEqual([]);
  });
});
