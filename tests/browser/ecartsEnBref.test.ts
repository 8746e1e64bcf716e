import * as path from "path";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { debordements, ouvrirVolet, RACINE, feuillesFixture, voletDuBloc, type Volet } from "./volet";
import { sortieBinaire } from "../helpers/cli";

/**
 * « One name, one meaning »: the top of the pane's Écarts page (built bundle, Chromium, fake Excel) and the text of
 * `prodbook ecarts` (built CLI) give the example production's headline in the same words and figures — budget,
 * réalisé, écart, estimation finale, écart estimé, sans poste, chapter in alert — since one function
 * (src/app/ecartsEnBref.ts) writes it for both. Run `npm run build:cli` and `npm run build:browser` first.
 */
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const FEC = path.join(RACINE, "assets/exemple/fec-exemple.txt");

/**
 * The headline as the CLI prints it: the lines after the écart's definition, up to the thresholds, each split into its
 * term and its value (the CLI writes the space before « : » as a no-break space, as French typography does).
 */
function enTeteCli(): [string, string][] {
  const texte = sortieBinaire(["ecarts", DEVIS, "--fec", FEC]);
  const lignes = texte.split("\n");
  const debut = lignes.findIndex((l) => l.startsWith("Écart = réalisé − budget"));
  const fin = lignes.findIndex((l) => l.startsWith("Seuils d'alerte"));
  expect([debut > 0, fin > debut]).toEqual([true, true]);
  return lignes.slice(debut + 1, fin).map((l) => {
    const m = /^(.+?)[ \u00a0\u202f]: (.+)$/.exec(l);
    if (!m) throw new Error(`ligne inattendue : ${l}`);
    return [m[1], m[2]];
  });
}

describe("écarts en bref : le volet et `prodbook ecarts` disent la même chose sur la production d'exemple", () => {
  let v: Volet;

  beforeAll(async () => {
    const wb = await XlsxWorkbook.ouvrir(DEVIS);
    const sheets = await feuillesFixture(wb);
    v = await ouvrirVolet({ sheets, active: Object.keys(sheets)[0] });
  });

  afterAll(async () => {
    await v?.fermer();
  });

  it("budget, réalisé, écart, estimation finale, écart estimé, sans poste, chapitre en alerte : mêmes mots, mêmes chiffres", async () => {
    const cli = enTeteCli();
    // The example's figures (the CLI's table: total row, sans poste, chapter 7 over both thresholds).
    expect(cli.map(([t, val]) => `${t} : ${val}`.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Budget : 182 869,16 €",
      "Réalisé : 153 545,19 €",
      "Écart : −29 323,97 €",
      "Estimation finale : 187 470,89 €",
      "Écart estimé : +4 601,73 €",
      "Sans poste : 4 comptes, 2 046,80 €",
      "Chapitre en alerte : 7 Moyens techniques (+1 100,00 €)",
    ]);

    const page = v.page;
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    const chiffres = page.getByTestId(TEST_IDS.ecarts.chiffres);
    await chiffres.waitFor({ timeout: 60000 });
    const volet = await chiffres
      .locator("dt")
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    // Term and value character for character, no-break spaces included.
    expect(volet).toEqual(cli);
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});

describe("écarts en bref à 320 px, cinq chapitres en alerte : la phrase se lit comme un paragraphe", () => {
  const v = voletDuBloc({ largeur: 320 });
  const { page } = v;

  it("« Chapitres en alerte », sur plusieurs lignes sous son terme, a chaque ligne alignée à gauche (avant : à droite, chaque ligne commencée ailleurs)", async () => {
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page
      .getByTestId(TEST_IDS.ecarts.fichier)
      .setInputFiles(path.join(RACINE, "tests/fixtures/fec-reel/123456789FEC20500930.txt"));
    const chiffres = page.getByTestId(TEST_IDS.ecarts.chiffres);
    await chiffres.waitFor({ timeout: 60000 });
    const valeur = chiffres.locator("dt", { hasText: "Chapitres en alerte" }).locator("xpath=following-sibling::dd");
    // Where each line of the value starts, against the value's own left edge.
    const { gauche, lignes } = await valeur.evaluate((dd) => {
      const plage = document.createRange();
      plage.selectNodeContents(dd);
      const debuts = new Map<number, number>();
      for (const r of Array.from(plage.getClientRects()).filter((x) => x.width > 0)) {
        const haut = Math.round(r.top);
        debuts.set(haut, Math.min(debuts.get(haut) ?? Infinity, r.left));
      }
      return { gauche: dd.getBoundingClientRect().left, lignes: [...debuts.values()] };
    });
    expect(lignes.length).toBeGreaterThan(2);
    expect(lignes.map((x) => Math.round(x - gauche))).toEqual(lignes.map(() => 0));
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});
