import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { FEUILLE_REGISTRE } from "../../src/core/port/possession";
import { eurosToCents, formatEcartFr, formatMontantFr } from "../../src/core/money";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { LIBELLE_NON_PLACE } from "../../src/core/versions/modele";
import {
  debordements,
  ecran,
  ouvrirVolet,
  RACINE,
  sansEspacesInsecables,
  selectionApres,
  feuillesFixture,
  type Volet,
} from "./volet";
import { sortieBinaire } from "../helpers/cli";

/**
 * Issue 14, « compare against the coût définitif »: the Versions page, on a workbook `prodbook ecarts … -o` wrote from
 * the example's files (then `prodbook versions enregistrer`), shows the réalisé of the Écarts sheet against the current
 * devis — the total's and each chapter's réalisé and écart (réalisé − à) — with the figures of
 * `prodbook versions comparer --json` (built CLI); each écart opens its tree down to the postes' Écarts cells, which
 * select them in Excel; nothing overflows at 320 and 350 px.
 */
const IDS = TEST_IDS.versions;
const ex = (f: string) => path.join(RACINE, "assets/exemple", f);
const sp = sansEspacesInsecables;
const ecart = (x: string) => formatEcartFr(eurosToCents(x));
const montant = (x: string) => formatMontantFr(eurosToCents(x));

interface Face {
  realise: string;
  a: string;
  ecart: string;
}
interface CoutDefinitifJson {
  total: Face;
  chapitres: (Face & { code: string; libelle: string })[];
  nonPlaces: Face;
  postes: (Face & { code: string; chapitre: string; cellule: string; lignes: number })[];
}

/**
 * The pane over the workbook `fichier` as written, Prodbook's register of its own sheets included (hidden, as in
 * Excel), open on the Versions page: the pane, and the sheets that register names.
 */
async function voletVersions(fichier: string): Promise<{ volet: Volet; prodbook: string[] }> {
  const wb = await XlsxWorkbook.ouvrir(fichier);
  const sheets = await feuillesFixture(wb);
  const prodbook = await wb.feuillesProdbook();
  sheets[FEUILLE_REGISTRE] = prodbook.map((n) => [n]);
  const volet = await ouvrirVolet({ sheets, hidden: [FEUILLE_REGISTRE], active: (await wb.listSheets())[0] });
  await volet.page.getByTestId(TEST_IDS.onglet("versions")).click();
  await volet.page.getByTestId(IDS.nom).waitFor();
  return { volet, prodbook };
}

describe("page Versions face au réalisé de la feuille Écarts, dans Chromium (Excel simulé)", () => {
  let v: Volet;
  let page: Page;
  let dir: string;
  let attendu: CoutDefinitifJson;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-volet-versions-realise-"));
    const prodbook = (args: string[]) => sortieBinaire(args, { cwd: dir });
    prodbook(["ecarts", ex("devis-producteur.xlsx"), "--fec", ex("fec-exemple.txt"), "-o", "e.xlsx"]);
    prodbook(["versions", "enregistrer", "e.xlsx", "--nom", "Dépôt agrément", "-o", "v.xlsx"]);
    attendu = JSON.parse(
      prodbook(["versions", "comparer", "v.xlsx", "--de", "Dépôt agrément", "--a", "courant", "--json"]),
    ).coutDefinitif;
    expect(attendu.chapitres.length).toBeGreaterThan(5);
    // The workbook as written, Prodbook's register of its own sheets included (hidden, as in Excel).
    const ouvert = await voletVersions(path.join(dir, "v.xlsx"));
    expect(ouvert.prodbook).toEqual(expect.arrayContaining(["Écarts", "Versions"]));
    v = ouvert.volet;
    page = v.page;
  });

  afterAll(async () => {
    await v?.fermer();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("réalisé et écart (réalisé − à) du total et de chaque chapitre : les chiffres de `versions comparer --json`", async () => {
    await page.getByTestId(IDS.de).selectOption("Dépôt agrément");
    await page.getByTestId(IDS.a).selectOption("courant");
    await page.getByTestId(IDS.comparer).click();
    const bloc = page.getByTestId(IDS.realise);
    await bloc.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.getByTestId(IDS.realiseTotal).textContent()).toBe(
      `réalisé ${montant(attendu.total.realise)} (écart ${ecart(attendu.total.ecart)})`,
    );
    expect(await page.getByTestId(IDS.expliquerRealiseTotal).textContent()).toBe(ecart(attendu.total.ecart));
    for (const ch of attendu.chapitres) {
      const ligne = page.getByTestId(IDS.realiseChapitre(ch.code));
      expect(sp(await ligne.textContent())).toBe(
        sp(`${ch.code} ${ch.libelle}réalisé ${montant(ch.realise)} (écart ${ecart(ch.ecart)})`),
      );
    }
    // Every chapter of the example has an amount in « à » or a réalisé: all are shown, none named as left out.
    expect(attendu.chapitres.every((c) => eurosToCents(c.a) !== 0 || eurosToCents(c.realise) !== 0)).toBe(true);
    expect(await bloc.locator(`[data-testid^="${IDS.realiseChapitre("")}"]`).count()).toBe(attendu.chapitres.length);
    expect(await page.getByTestId(IDS.realiseSansMontant).count()).toBe(0);
    // Said in words: an écart over the « à » amount is a dépassement (never colour alone).
    const depasse = attendu.chapitres.find((c) => eurosToCents(c.ecart) > 0)!;
    expect(await page.getByTestId(IDS.realiseChapitre(depasse.code)).getByLabel("dépassement").count()).toBe(1);
    for (const largeur of [320, 350]) {
      await page.setViewportSize({ width: largeur, height: 1100 });
      expect([largeur, await debordements(page)]).toEqual([largeur, []]);
    }
    expect(v.erreursPage).toEqual([]);
  });

  it("D'où vient ce chiffre ? : l'écart total et celui d'un chapitre mènent aux postes et à leurs cellules de la feuille Écarts", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    const poste = attendu.postes.find((p) => eurosToCents(p.realise) !== 0)!;
    const ecartTotal = page.getByTestId(IDS.expliquerRealiseTotal);
    expect(await ecartTotal.evaluate((e) => e.tagName)).toBe("BUTTON");
    await ecartTotal.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    // The tree opens under the block it explains.
    const bloc = (await page.getByTestId(IDS.realise).boundingBox())!;
    expect((await panneau.boundingBox())!.y).toBeGreaterThanOrEqual(bloc.y + bloc.height);
    const texte = sp(await panneau.textContent());
    expect(texte).toContain("Écart réalisé total");
    expect(texte).toContain(sp(ecart(attendu.total.ecart)));
    expect(texte).toContain(sp(montant(attendu.total.realise)));
    await panneau
      .getByTestId(IDS_TRACE.deplier)
      .filter({ has: page.getByText("Réalisé total", { exact: true }) })
      .click();
    await panneau
      .getByTestId(IDS_TRACE.deplier)
      // The label alone (the value follows it in the same button).
      .filter({ has: page.getByText(`Réalisé chapitre ${poste.chapitre}`, { exact: true }) })
      .click();
    const cellule = panneau.getByTestId(IDS_TRACE.cellule).filter({ hasText: poste.cellule });
    await cellule.waitFor();
    for (const largeur of [320, 350]) {
      await page.setViewportSize({ width: largeur, height: 1100 });
      expect([largeur, await debordements(page)]).toEqual([largeur, []]);
    }
    await ecran(page.getByTestId(IDS.resultat), "versions-realise.png");
    await cellule.click();
    expect(await selectionApres(page, poste.cellule)).toBe(poste.cellule);

    // The chapter's écart opens its own tree: réalisé of its postes − its amount in the current devis.
    const ch = attendu.chapitres.find((c) => c.code === poste.chapitre)!;
    await page.getByTestId(IDS.expliquerRealiseChapitre(ch.code)).click();
    const t = sp(await panneau.textContent());
    expect(t).toContain(`Écart réalisé chapitre ${ch.code} ${ch.libelle}`);
    expect(t).toContain(sp(ecart(ch.ecart)));
    expect(t).toContain(sp(montant(ch.realise)));
    expect(t).toContain(sp(montant(ch.a)));
    await page.setViewportSize({ width: 350, height: 1100 });
    expect(await debordements(page)).toEqual([]);
    await page.getByTestId(IDS_TRACE.fermer).click();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    expect(v.erreursPage).toEqual([]);
  });
  it("D'où vient ce chiffre ? : l'écart réalisé − à des lignes non placées (hors total) mène à leurs cellules", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    // The example's unplaced line (G6, 1 200 €) has no code: no réalisé, its amount in « à » only.
    expect(attendu.nonPlaces).toEqual({ realise: "0.00", a: "1200.00", ecart: "-1200.00" });
    const ligne = page.getByTestId(IDS.realiseNonPlaces);
    expect(sp(await ligne.textContent())).toBe(
      sp(`${LIBELLE_NON_PLACE}réalisé ${montant("0.00")} (écart ${ecart(attendu.nonPlaces.ecart)})`),
    );
    const bouton = page.getByTestId(IDS.expliquerRealiseNonPlaces);
    expect(await bouton.evaluate((e) => e.tagName)).toBe("BUTTON");
    expect(await bouton.textContent()).toBe(ecart(attendu.nonPlaces.ecart));
    await bouton.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    // Under the block it explains, as the other figures against the réalisé.
    const bloc = (await page.getByTestId(IDS.realise).boundingBox())!;
    expect((await panneau.boundingBox())!.y).toBeGreaterThanOrEqual(bloc.y + bloc.height);
    const texte = sp(await panneau.textContent());
    expect(texte).toContain("Écart réalisé non placé (hors total)");
    expect(texte).toContain(sp(ecart(attendu.nonPlaces.ecart)));
    expect(texte).toContain("aucun réalisé dans la feuille Écarts pour les lignes non placées");
    await panneau
      .getByTestId(IDS_TRACE.deplier)
      .filter({ hasText: /Non placé \(hors total\), Devis actuel/ })
      .click();
    const cellule = panneau.getByTestId(IDS_TRACE.cellule).filter({ hasText: "'Budget Gardiens'!G6" });
    await cellule.waitFor();
    for (const largeur of [320, 350]) {
      await page.setViewportSize({ width: largeur, height: 1100 });
      expect([largeur, await debordements(page)]).toEqual([largeur, []]);
    }
    await cellule.click();
    expect(await selectionApres(page, "'Budget Gardiens'!G6")).toBe("'Budget Gardiens'!G6");
    await page.getByTestId(IDS_TRACE.fermer).click();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * A chapter at 0,00 € in « à » and in the réalisé (here the example's chapter 3, its only line brought to 0 in the
 * current devis, after the version « Dépôt agrément » was saved: nothing was spent on it) is left out of « Face au
 * réalisé » and named under it; the others and the total are as `prodbook versions comparer --json` gives them.
 */
describe("page Versions face au réalisé : un chapitre à 0 dans « à » et au réalisé n'est pas listé", () => {
  let v: Volet;
  let page: Page;
  let dir: string;
  let attendu: CoutDefinitifJson;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-volet-versions-realise-zero-"));
    const prodbook = (args: string[]) => sortieBinaire(args, { cwd: dir });
    prodbook(["ecarts", ex("devis-producteur.xlsx"), "--fec", ex("fec-exemple.txt"), "-o", "e.xlsx"]);
    prodbook(["versions", "enregistrer", "e.xlsx", "--nom", "Dépôt agrément", "-o", "v.xlsx"]);
    // Chapter 3's only line (G29 = C29 × E29 × F29, 900,00 €) and its sub-total brought to 0 in the current devis.
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(path.join(dir, "v.xlsx"));
    const ws = x.getWorksheet("Budget Gardiens")!;
    expect([ws.getCell("A29").value, ws.getCell("G29").result, ws.getCell("G30").result]).toEqual(["3.1", 900, 900]);
    ws.getCell("C29").value = 0;
    for (const ref of ["G29", "G30"])
      ws.getCell(ref).value = { formula: ws.getCell(ref).formula, result: 0 } as ExcelJS.CellFormulaValue;
    await x.xlsx.writeFile(path.join(dir, "v0.xlsx"));
    attendu = JSON.parse(
      prodbook(["versions", "comparer", "v0.xlsx", "--de", "Dépôt agrément", "--a", "courant", "--json"]),
    ).coutDefinitif;
    v = (await voletVersions(path.join(dir, "v0.xlsx"))).volet;
    page = v.page;
  });

  afterAll(async () => {
    await v?.fermer();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("le chapitre 3 (0,00 € dans le devis actuel, rien de réalisé) n'est pas listé ; les autres et le total le sont", async () => {
    const zero = attendu.chapitres.filter((c) => eurosToCents(c.a) === 0 && eurosToCents(c.realise) === 0);
    expect(zero.map((c) => `${c.code} ${c.libelle}`)).toEqual(["3 Interprétation"]);
    await page.setViewportSize({ width: 320, height: 1100 });
    await page.getByTestId(IDS.de).selectOption("Dépôt agrément");
    await page.getByTestId(IDS.a).selectOption("courant");
    await page.getByTestId(IDS.comparer).click();
    const bloc = page.getByTestId(IDS.realise);
    await bloc.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    const montres = await bloc
      .locator(`[data-testid^="${IDS.realiseChapitre("")}"]`)
      .evaluateAll((es) => es.map((e) => e.getAttribute("data-testid")));
    expect(montres).toEqual(attendu.chapitres.filter((c) => !zero.includes(c)).map((c) => IDS.realiseChapitre(c.code)));
    expect(montres).toHaveLength(10);
    // The total keeps every chapter (chapter 3 adds 0 to it).
    expect(sp(await page.getByTestId(IDS.realiseTotal).textContent())).toBe(
      sp(`réalisé ${montant(attendu.total.realise)} (écart ${ecart(attendu.total.ecart)})`),
    );
    expect(sp(await page.getByTestId(IDS.realiseSansMontant).textContent())).toBe(
      "Sans montant ni réalisé, non repris : 3 Interprétation.",
    );
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});
