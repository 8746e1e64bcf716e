import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FEUILLE_REGISTRE } from "../../src/core/port/possession";
import type { SheetData } from "../../src/core/port/workbook";
import { IDS_TABLEAU_DE_BORD as IDS } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { recalculerSansCache } from "../helpers/libreoffice";
import { debordements, ouvrirVolet, RACINE, versFixture, type Volet } from "./volet";
import { sortieBinaire } from "../helpers/cli";

/**
 * « One name, one meaning » on the pane's home page: the Écarts block of the « Tableau de bord » reads the Écarts
 * sheet (as Excel computed it) and shows budget, réalisé, écart, estimation finale and écart estimé in the words and
 * figures of the Écarts page's headline (one function, src/app/ecartsEnBref.ts). The example production: the sheets
 * `prodbook ecarts -o` writes, their formulas given LibreOffice's values (the fake Excel does not calculate), opened
 * in the built pane; then the Écarts page reconciles the same FEC. Run `npm run build:cli` and `npm run build:browser` first.
 */
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const FEC = path.join(RACINE, "assets/exemple/fec-exemple.txt");

describe("tableau de bord : le bloc Écarts dit ce que dit la page Écarts (production d'exemple)", () => {
  let v: Volet;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-tdb-ecarts-"));
    const sortie = path.join(dir, "ecarts.xlsx");
    sortieBinaire(["ecarts", DEVIS, "--fec", FEC, "-o", sortie]);
    const ecrit = await XlsxWorkbook.ouvrir(sortie);
    // Prodbook's sheets, as its registry names them (the fake Excel reads it as Excel does), with the values
    // LibreOffice computed for their formulas; the user's sheets as saved (their formulas with Excel's values).
    const prodbook = await ecrit.feuillesProdbook();
    expect(prodbook).toEqual(expect.arrayContaining(["Écarts", "Grand livre"]));
    const calcule = await XlsxWorkbook.ouvrir(await recalculerSansCache(sortie));
    const sheets: Record<string, ReturnType<typeof versFixture>> = {};
    for (const n of await ecrit.listSheets())
      sheets[n] = versFixture((await (prodbook.includes(n) ? calcule : ecrit).readSheet(n)) as SheetData);
    sheets[FEUILLE_REGISTRE] = prodbook.map((n) => [n]);
    v = await ouvrirVolet({ sheets, active: Object.keys(sheets)[0] });
  }, 240000);

  afterAll(async () => {
    await v?.fermer();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("budget, réalisé, écart, estimation finale, écart estimé : mêmes mots, mêmes chiffres", async () => {
    const page = v.page;
    await page.setViewportSize({ width: 320, height: 900 });
    const bloc = page.getByTestId(IDS.bloc("ecarts"));
    await page.getByTestId(IDS.chiffre("ecarts", "ecartEstime")).waitFor({ timeout: 60000 });
    const tableau = await bloc
      .locator("dt")
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    // The example's figures, as the sheet holds them once calculated (chapter 7 over both thresholds).
    expect(tableau.map(([t, val]) => `${t} : ${val}`.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Budget : 182 869,16 €",
      "Réalisé : 153 545,19 €",
      "Écart : −29 323,97 €",
      "Estimation finale : 187 470,89 €",
      "Écart estimé : +4 601,73 €",
    ]);
    expect(((await page.getByTestId(IDS.etat("ecarts")).textContent()) ?? "").replace(/\u00a0/g, " ")).toBe(
      "1 chapitre en alerte",
    );
    expect(await debordements(page)).toEqual([]);

    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    const chiffres = page.getByTestId(TEST_IDS.ecarts.chiffres);
    await chiffres.waitFor({ timeout: 60000 });
    const volet = await chiffres
      .locator("dt")
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    // Term and value character for character, no-break spaces included: the dashboard shows the page's first five.
    expect(volet.slice(0, 5)).toEqual(tableau);
    expect(v.erreursPage).toEqual([]);
  });
});
