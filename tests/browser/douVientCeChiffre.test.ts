import * as path from "path";
import type { Page } from "playwright-core";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ecran, RACINE, debordements, selectionApres, ouvrirVolet, feuillesFixture, type Volet } from "./volet";

/**
 * « D'où vient ce chiffre ? » in the built pane (Chromium, fake Excel): the Structurer page's total opens its tree,
 * an input's cell selects that cell in Excel, and at 320 px nothing sticks out sideways.
 */
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const FEC = path.join(RACINE, "tests/fixtures/fec/production-2024.txt");

/**
 * A card of the Écarts page at 320 px (px): seven figures under the chapter's name, flowing two by two where they fit
 * (96 to 112 px measured; one figure per line made 172 px cards, 2 236 px for the table).
 */
const HAUTEUR_CARTE_MAX = 120;
/**
 * The Total card: its figures are bold and the largest, and the écarts are signed (« −143 762,38 € », U+2212, wider
 * than a hyphen): one line more than a chapter's (128 px measured on 4 December 2026).
 */
const HAUTEUR_CARTE_TOTAL_MAX = 128;

describe("« D'où vient ce chiffre ? » dans le volet construit", () => {
  let v: Volet;
  let page: Page;

  beforeAll(async () => {
    const wb = await XlsxWorkbook.ouvrir(EXEMPLE);
    const sheets = await feuillesFixture(wb);
    v = await ouvrirVolet({ sheets, active: Object.keys(sheets)[0] });
    page = v.page;
    await page.setViewportSize({ width: 320, height: 900 });
  });

  afterAll(async () => {
    await v?.fermer();
  });

  it("clic sur le total → l'arbre ; clic sur une cellule d'entrée → Excel la sélectionne ; rien ne déborde à 320 px", async () => {
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    await page.getByTestId(TEST_IDS.structurer.duree).fill("52");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    const total = page.getByTestId(TEST_IDS.structurer.expliquerTotal);
    await total.waitFor();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    await total.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await total.getAttribute("aria-expanded")).toBe("true");
    expect(await panneau.textContent()).toContain("Total du devis");
    // Down to a line: « Coût hors frais » → its first chapter → the chapter's first line.
    await panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: "Coût hors frais" }).click();
    await panneau
      .getByTestId(IDS_TRACE.deplier)
      .filter({ hasText: /^.?Chapitre/ })
      .first()
      .click();
    const cellule = panneau.getByTestId(IDS_TRACE.cellule).first();
    await cellule.waitFor();
    const ref = (await cellule.textContent()) as string;
    expect(ref).toMatch(/!\$?[A-Z]+\$?\d+$/);
    // Keyboard: the cell is a button reached and pressed like any other.
    await cellule.focus();
    await page.keyboard.press("Enter");
    expect(await selectionApres(page, ref)).toBe(ref);
    // Deeper still (a line's quantity, number and rate), then the whole page at 320 px.
    const lignes = panneau.getByTestId(IDS_TRACE.deplier);
    const n = await lignes.count();
    for (let i = 0; i < n; i++)
      if ((await lignes.nth(i).getAttribute("aria-expanded")) === "false") await lignes.nth(i).click();
    expect(await panneau.getByTestId(IDS_TRACE.cellule).count()).toBeGreaterThan(3);
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
    await ecran(page, "dou-vient-ce-chiffre-320.png");
    // Closed by its button; the figure keeps the focus order.
    await page.getByTestId(IDS_TRACE.fermer).click();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
  });

  it("Structurer : l'arbre d'un chapitre s'ouvre sous la ligne cliquée (avant : au-dessus du tableau), le focus y va ; celui du total, sous les totaux", async () => {
    // The page analysed by the test above: the chapters' table is there.
    const tableau = page.getByRole("table", { name: "Totaux par chapitre" });
    const codes = await page
      .locator('[data-testid^="structurer-total-chapitre-"]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute("data-testid")!.replace("structurer-total-chapitre-", "")));
    expect(codes.length).toBeGreaterThan(2);
    // A chapter in the middle of the table, opened with the keyboard.
    const code = codes[Math.floor(codes.length / 2)];
    const chiffre = page.getByTestId(TEST_IDS.structurer.totalChapitre(code));
    await chiffre.focus();
    await page.keyboard.press("Enter");
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    // In the document (reading and Tab order) and on screen: the row right after the chapter's row holds the tree.
    const place = await page.evaluate(
      ([ligne, panneau]) => {
        const l = document.querySelector(`[data-testid="${ligne}"]`)!;
        const p = document.querySelector(`[data-testid="${panneau}"]`)!;
        return {
          suivante: !!l.nextElementSibling?.contains(p),
          dansTableau: !!l.closest("table")?.contains(p),
          ecart: p.getBoundingClientRect().top - l.getBoundingClientRect().bottom,
          focus: p.contains(document.activeElement),
        };
      },
      [TEST_IDS.structurer.chapitre(code), IDS_TRACE.panneau],
    );
    expect(place).toEqual({ suivante: true, dansTableau: true, ecart: expect.any(Number), focus: true });
    expect(Math.abs(place.ecart)).toBeLessThan(16);
    expect(await page.getByTestId(TEST_IDS.structurer.traceChapitre(code)).count()).toBe(1);
    expect(await debordements(page)).toEqual([]);
    await ecran(page.getByTestId(TEST_IDS.structurer.traceChapitre(code)), "structurer-trace-chapitre-320.png");
    // Closed with Escape: the focus goes back to the figure.
    await page.keyboard.press("Escape");
    await panneau.waitFor({ state: "detached" });
    expect(await chiffre.evaluate((e) => e === document.activeElement)).toBe(true);
    // The total's tree: under the totals, before the table (not inside it).
    await page.getByTestId(TEST_IDS.structurer.expliquerTotal).click();
    await panneau.waitFor();
    expect(await tableau.locator(`[data-testid="${IDS_TRACE.panneau}"]`).count()).toBe(0);
    expect(await panneau.evaluate((p) => p.contains(document.activeElement))).toBe(true);
    await page.getByTestId(IDS_TRACE.fermer).click();
  });

  it("Écarts : la ligne Total ouvre l'arbre de l'écart et du réalisé jusqu'aux chapitres et aux cellules du devis ; cartes compactes à 320 px", async () => {
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    const tableau = page.getByTestId(TEST_IDS.ecarts.tableau);
    const total = page.getByTestId(TEST_IDS.ecarts.expliquer("ecart", "total"));
    await total.waitFor({ timeout: 60000 });
    expect(await tableau.getAttribute("data-disposition")).toBe("cartes");
    // Compact cards: 11 chapters and the total, measured at 320 px (G6, placed in no chapter, is outside the table).
    const cartes = await tableau
      .locator("li[data-ligne]")
      .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().height));
    console.log(`cartes Écarts à 320 px : ${cartes.length}, hauteurs ${cartes.map(Math.round).join(", ")}`);
    expect(cartes.length).toBe(12);
    expect(Math.max(...cartes.slice(0, -1))).toBeLessThanOrEqual(HAUTEUR_CARTE_MAX);
    expect(cartes[cartes.length - 1]).toBeLessThanOrEqual(HAUTEUR_CARTE_TOTAL_MAX);
    await ecran(tableau, "ecarts-cartes-320.png");

    expect(await total.evaluate((e) => e.tagName)).toBe("BUTTON");
    await total.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await total.getAttribute("aria-expanded")).toBe("true");
    const texte = (await panneau.textContent()) ?? "";
    expect(texte).toContain("Écart total");
    expect(texte).toContain("réalisé total − budget total");
    // Down to the chapters, then to a poste's devis line and its cell.
    await panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: "Budget total" }).click();
    expect((await panneau.textContent()) ?? "").toContain("Budget 2 Personnel");
    await panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: "Budget 2 Personnel" }).click();
    await panneau
      .getByTestId(IDS_TRACE.deplier)
      .filter({ has: page.locator("span", { hasText: /^Budget 2\.1$/ }) })
      .click();
    const cellule = panneau.getByTestId(IDS_TRACE.cellule).first();
    await cellule.waitFor();
    const ref = (await cellule.textContent()) as string;
    expect(ref).toMatch(/^'Budget Gardiens'!G\d+$/);
    await cellule.click();
    expect(await selectionApres(page, ref)).toBe(ref);
    // The réalisé total opens its own tree (one tree at a time).
    const realise = page.getByTestId(TEST_IDS.ecarts.expliquer("realise", "total"));
    await realise.click();
    expect(await realise.getAttribute("aria-expanded")).toBe("true");
    expect(await total.getAttribute("aria-expanded")).toBe("false");
    expect((await panneau.textContent()) ?? "").toMatch(/Réalisé total.*Σ réalisé des 11 chapitres/);
    // The Budget is the devis total (as on the Structurer page); G6's 1 200,00 € is listed below the table, with its
    // cell, and the link selects it in Excel.
    const chiffres = (await page.getByTestId(TEST_IDS.ecarts.chiffres).innerText()).replace(/\s+/g, " ");
    expect(chiffres).toMatch(/Budget 182 869,16 €/);
    const nonPlaces = page.getByTestId(TEST_IDS.ecarts.nonPlaces);
    expect((await nonPlaces.innerText()).replace(/\s+/g, " ")).toContain(
      "Montants non placés du devis (hors total) : 1 200,00 € — 'Budget Gardiens'!G6 (Repérages Bretagne (à ventiler), 1 200,00 €)",
    );
    await nonPlaces.getByRole("button", { name: "'Budget Gardiens'!G6", exact: true }).click();
    expect(await selectionApres(page, "'Budget Gardiens'!G6")).toBe("'Budget Gardiens'!G6");
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
    await ecran(page, "ecarts-total-320.png");
  });
});
