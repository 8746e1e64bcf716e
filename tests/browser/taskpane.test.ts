import * as path from "path";
import type { Page } from "playwright-core";
import type { SheetData } from "../../src/core/port/workbook";
import { structurerDevis } from "../../src/core/devis/structurer";
import { formatMontantFr } from "../../src/core/money";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { TEST_IDS } from "../../src/taskpane/testIds";
import {
  ecran,
  RACINE,
  etatExcel,
  selectionApres,
  ouvrirVolet,
  sortiesInattendues,
  versFixture,
  type Volet,
} from "./volet";

/**
 * The real task pane bundle (npm run build:browser → dist-test/, office.js from npm) in Debian's Chromium,
 * outside Office (see ./volet.ts), with tests/helpers/fake-excel.js standing in for the Excel API over a
 * fixture built from the example workbook.
 */
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");

describe("volet Prodbook dans Chromium (bundle construit, Excel simulé)", () => {
  let v: Volet;
  let page: Page;
  let feuilleSource: string;
  let attendu: Awaited<ReturnType<typeof structurerDevis>>;

  beforeAll(async () => {
    // The example producer workbook, plus a notes sheet first so that choosing the source sheet matters.
    const wb = await XlsxWorkbook.ouvrir(EXEMPLE);
    const noms = await wb.listSheets();
    const sheets: Record<string, ReturnType<typeof versFixture>> = {
      Notes: [["Notes de production"], ["Tournage en Bretagne, mars"]],
    };
    for (const n of noms) sheets[n] = versFixture((await wb.readSheet(n)) as SheetData);
    feuilleSource = noms[0];
    // What the core computes on the same workbook through the ExcelJS adapter: the pane must show the same.
    attendu = await structurerDevis(wb, { feuille: feuilleSource, genre: "documentaire", dureeMinutes: 52 });
    v = await ouvrirVolet({ sheets, active: "Notes" });
    page = v.page;
  });

  afterAll(async () => {
    await v?.fermer();
  });

  it("affiche le volet en français avec les pages Structurer et Contrôles", async () => {
    await expectTexte(page.getByTestId(TEST_IDS.onglet("structurer")), "Structurer");
    await expectTexte(page.getByTestId(TEST_IDS.onglet("controles")), "Contrôles");
    // The pane opens on the « Tableau de bord »; Structurer is one tab away.
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    // The devis sheet is detected (its header), so the first click works; « Notes » and the example's post-production
    // steps are offered apart, never preselected.
    const choix = page.getByTestId(TEST_IDS.structurer.feuille);
    await page.waitForFunction(
      ([id, f]) => (document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement | null)?.value === f,
      [TEST_IDS.structurer.feuille, feuilleSource],
    );
    expect(await choix.locator("option").allTextContents()).toEqual([
      "Détection automatique",
      feuilleSource,
      "Notes",
      "Post-production",
    ]);
    expect(await choix.locator("optgroup").evaluateAll((g) => g.map((x) => x.getAttribute("label")))).toEqual([
      "Feuilles reconnues comme devis",
      "Autres feuilles",
    ]);
    // Genre and duration read in the title row « documentaire 52' ».
    expect(await page.getByTestId(TEST_IDS.structurer.genre).inputValue()).toBe("documentaire");
    expect(await page.getByTestId(TEST_IDS.structurer.duree).inputValue()).toBe("52");
  });

  it("montre en français, dans une barre de message, pourquoi une feuille sans devis est refusée", async () => {
    await page.getByTestId(TEST_IDS.structurer.feuille).selectOption("Notes");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    const erreur = page.getByTestId(TEST_IDS.erreur);
    await expectTexte(erreur, "Notes");
    expect(await erreur.getAttribute("role")).not.toBeNull();
    expect(await page.getByTestId(TEST_IDS.structurer.apercu).count()).toBe(0);
  });

  it("analyse la feuille choisie et montre ce qui a été détecté", async () => {
    await page.getByTestId(TEST_IDS.structurer.feuille).selectOption(feuilleSource);
    await page.getByTestId(TEST_IDS.structurer.genre).selectOption("documentaire");
    await page.getByTestId(TEST_IDS.structurer.duree).fill("52");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);

    const d = attendu.devis;
    await expectTexte(page.getByTestId(TEST_IDS.structurer.nbLignes), `${d.lignes.length}\u00a0lignes de devis`);
    await expectTexte(page.getByTestId(TEST_IDS.structurer.totalCalcule), formatMontantFr(d.total));
    for (const c of d.chapitres) {
      await expectTexte(page.getByTestId(TEST_IDS.structurer.chapitre(c.code)), formatMontantFr(c.total));
    }
    const totalProd = [...d.totauxProducteur].reverse().find((t) => t.type === "total");
    expect(totalProd).toBeDefined();
    await expectTexte(page.getByTestId(TEST_IDS.structurer.totalProducteur), formatMontantFr(totalProd!.montant));
    for (const n of d.nonPlaces) await expectTexte(page.getByTestId(TEST_IDS.structurer.nonPlaces), n.cellule);
    // Each unplaced amount links to its cell.
    expect(d.nonPlaces.length).toBeGreaterThan(0);
    await page.getByTestId(TEST_IDS.structurer.nonPlaces).getByText(d.nonPlaces[0].cellule).click();
    await selectionDevient(page, d.nonPlaces[0].cellule);
    // Nothing written by « Analyser ».
    const etat = await etatExcel(page);
    expect(etat.feuilles.map((f) => f.name)).toEqual(["Notes", feuilleSource, "Post-production"]);
    await ecran(page, "structurer-apercu.png");
  });

  it("« Créer la feuille Devis » écrit Devis, Synthèse et Contrôles avec des formules vivantes", async () => {
    await page.getByTestId(TEST_IDS.structurer.creer).click();
    await page.getByTestId(TEST_IDS.structurer.succes).waitFor();
    // Each sheet named the French way, as on the other pages (was: « Devis, Synthèse, Contrôles », bare).
    await expectTexte(
      page.getByTestId(TEST_IDS.structurer.succes),
      "Feuilles écrites\u00a0: «\u00a0Devis\u00a0», «\u00a0Synthèse\u00a0», «\u00a0Contrôles\u00a0».",
    );

    const etat = await etatExcel(page);
    const noms = etat.feuilles.map((f) => f.name);
    expect(noms).toEqual(expect.arrayContaining(["Notes", feuilleSource, "Devis", "Synthèse", "Contrôles"]));
    const devis = etat.feuilles.find((f) => f.name === "Devis")!;
    const formules = devis.formules.flat().filter((f) => typeof f === "string" && f.startsWith("="));
    expect(formules.length).toBeGreaterThan(attendu.devis.lignes.length);
    expect(formules.some((f) => /SUM|SOUS\.TOTAL|SUBTOTAL/i.test(f as string))).toBe(true);
    const synthese = etat.feuilles.find((f) => f.name === "Synthèse")!;
    expect(synthese.formules.flat().some((f) => typeof f === "string" && f.startsWith("="))).toBe(true);
    // The producer's sheet is left exactly as it was.
    const source = etat.feuilles.find((f) => f.name === feuilleSource)!;
    const avant = (await XlsxWorkbook.ouvrir(EXEMPLE).then((w) => w.readSheet(feuilleSource))) as SheetData;
    expect(source.valeurs.length).toBe(avant.rows.length);
  });

  it("garde le contexte de production d'une page à l'autre, dans le classeur, et après rechargement du volet", async () => {
    await page.getByTestId(TEST_IDS.structurer.duree).fill("26");
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    expect(await page.getByTestId("ci-duree").inputValue()).toBe("26");
    expect(await page.getByTestId("ci-genre").inputValue()).toBe("documentaire");
    expect(await page.getByTestId("ci-feuille").inputValue()).toBe(feuilleSource);
    await page.getByTestId("ci-annee").fill("2025");
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    // The Structurer page kept its preview (the page stays mounted when hidden).
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
    expect(await page.getByTestId(TEST_IDS.structurer.duree).inputValue()).toBe("26");
    // Saved in the workbook's document settings, not in a sheet.
    await page.waitForFunction(() => {
      const e = (window as unknown as { Excel: { __etat(): { reglages: Record<string, string> } } }).Excel.__etat();
      return /"annee":"2025"/.test(e.reglages["prodbook.production"] ?? "");
    });
    const etat = await etatExcel(page);
    expect(JSON.parse(etat.reglages["prodbook.production"] as string)).toMatchObject({
      feuilleDevis: feuilleSource,
      genre: "documentaire",
      duree: "26",
      annee: "2025",
    });
    expect(etat.feuilles.map((f) => f.name)).not.toContain("Production");
    // The workbook reopened (same document settings): the pane finds the same context.
    await page.reload();
    await page.getByTestId(TEST_IDS.app).waitFor();
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    await page.waitForFunction(
      (id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value === "26",
      TEST_IDS.structurer.duree,
    );
    await page.getByTestId(TEST_IDS.production.modifier).click();
    expect(await page.getByTestId(TEST_IDS.production.annee).inputValue()).toBe("2025");
    expect(await page.getByTestId(TEST_IDS.production.enregistrement).textContent()).toContain(
      "Enregistré dans le classeur",
    );
    await page.getByTestId(TEST_IDS.production.modifier).click();
    // Back to the duration the rest of this suite expects.
    await page.getByTestId(TEST_IDS.structurer.duree).fill("52");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
  });

  it("liste les constats par gravité sur la page Contrôles ; un clic sélectionne la cellule", async () => {
    await page.getByTestId(TEST_IDS.onglet("controles")).click();
    await page.getByTestId(TEST_IDS.controles.liste).waitFor();
    const avecCellule = attendu.constats.filter((c) => c.cellule);
    expect(avecCellule.length).toBeGreaterThan(0);
    for (const g of new Set(attendu.constats.map((c) => c.gravite))) {
      await page.getByTestId(TEST_IDS.controles.groupe(g)).waitFor();
    }
    const n = await page.locator('[data-testid^="controles-constat-"]').count();
    expect(n).toBe(attendu.constats.length);
    await ecran(page, "controles.png");

    // The displayed order is grouped by severity (erreur, alerte, info), as the core sorts them.
    const cible = attendu.constats.findIndex((c) => c.cellule);
    await page.getByTestId(TEST_IDS.controles.constat(cible)).click();
    await selectionDevient(page, attendu.constats[cible].cellule as string);
    expect(v.erreursPage).toEqual([]);
    // Nothing of ours reaches the network; office.js's own telemetry iframe (refused) is the only outside call.
    expect(sortiesInattendues(v.refusees)).toEqual([]);
  });
});

/** Waits (up to 5 s) for the fake Excel's selection to become `cellule`, then asserts it. */
async function selectionDevient(page: Page, cellule: string): Promise<void> {
  expect(await selectionApres(page, cellule)).toBe(cellule);
}

async function expectTexte(loc: ReturnType<Page["getByTestId"]>, texte: string): Promise<void> {
  await loc.waitFor();
  expect(await loc.textContent()).toContain(texte);
}
