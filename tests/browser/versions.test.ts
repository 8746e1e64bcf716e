import * as path from "path";
import type { Locator, Page } from "playwright-core";
import type { SheetData } from "../../src/core/port/workbook";
import { importerDevis } from "../../src/core/devis/import";
import { type Cents, formatMontantFr, parseMontant } from "../../src/core/money";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { typographie } from "../../src/taskpane/francais";
import {
  ecran,
  RACINE,
  classeurDevisMasque,
  debordements,
  etatExcel,
  selectionApres,
  ouvrirVolet,
  sansEspacesInsecables,
  feuillesFixture,
  versFixture,
  type Volet,
} from "./volet";

/**
 * The « Versions » page in the built bundle over the fake Excel: save the devis as a version (and the
 * replace-confirmation), list the saved versions, change an amount in the producer's sheet, compare the version
 * with the current devis, then go to the changed line's cell from the list of changes (keyboard).
 */
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const IDS = TEST_IDS.versions;
const HAUSSE = 123_456; // cents added to one line: 1 234,56 €

/** Opens « D'où vient ce chiffre ? » from `bouton` (a button, expanded once clicked): its panel and its text. */
async function ouvrirArbre(page: Page, bouton: Locator) {
  expect(await bouton.evaluate((e) => e.tagName)).toBe("BUTTON");
  await bouton.click();
  const panneau = page.getByTestId(IDS_TRACE.panneau);
  await panneau.waitFor();
  expect(await bouton.getAttribute("aria-expanded")).toBe("true");
  return { panneau, texte: sansEspacesInsecables((await panneau.textContent()) ?? "") };
}

/** Unfolds the node of the open tree whose title matches `titre`. */
const deplier = (panneau: Locator, titre: RegExp) =>
  panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: titre }).click();

/** The version's side: the first line read in its row of « Versions » (column M), which selects its cell in Excel. */
async function celluleVersionSelectionnee(page: Page, panneau: Locator) {
  const celluleDe = panneau
    .getByTestId(IDS_TRACE.cellule)
    .filter({ hasText: /^Versions!M\d+$/ })
    .first();
  await celluleDe.waitFor();
  const ref = (await celluleDe.textContent()) as string;
  await celluleDe.click();
  expect(await selectionApres(page, ref)).toBe(ref);
}

/** Closes the tree: its panel is gone. */
/**
 * The producer leaves the devis sheet to automatic detection (the Production banner's sheet emptied), then saves
 * « Devis initial » on the Versions page: saved without an error.
 */
async function enregistrerSansFeuilleChoisie(page: Page) {
  await page.getByTestId(TEST_IDS.production.modifier).click();
  await page.getByTestId(TEST_IDS.production.feuille).selectOption("");
  await page.getByTestId(TEST_IDS.onglet("versions")).click();
  await page.getByTestId(IDS.nom).fill("Devis initial");
  await page.getByTestId(IDS.enregistrer).click();
  await page.getByTestId(IDS.enregistree).waitFor();
  expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
}

async function fermerArbre(page: Page) {
  await page.getByTestId(IDS_TRACE.fermer).click();
  expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
}

describe("page Versions dans Chromium (Excel simulé)", () => {
  let v: Volet;
  let page: Page;
  let feuille: string;
  /** The line changed by the test: its amount cell (« 'Budget Gardiens'!F12 »), A1 address and amount. */
  let ligne: { cellule: string; adresse: string; montant: Cents; libelle: string; chapitre: string };
  /** The version's total, as saved: the devis total (frais généraux and imprévus included, unplaced lines not). */
  let total: Cents;
  let devis: ReturnType<typeof importerDevis>;

  beforeAll(async () => {
    const wb = await XlsxWorkbook.ouvrir(EXEMPLE);
    feuille = (await wb.listSheets())[0];
    const sheets = await feuillesFixture(wb);
    devis = importerDevis((await wb.readSheet(feuille)) as SheetData, { genre: "documentaire" });
    // A line whose amount is a number typed in its cell (not a formula): the one the test changes.
    const l = devis.lignes.find((x) => {
      const a = x.source.cellules.montant?.split("!").pop();
      const m = a && /^([A-Z]+)(\d+)$/.exec(a);
      if (!m) return false;
      const c = m[1].charCodeAt(0) - 65;
      return m[1].length === 1 && typeof sheets[feuille][Number(m[2]) - 1]?.[c] === "number" && x.montant > 0;
    });
    expect(l).toBeDefined();
    ligne = {
      cellule: l!.source.cellules.montant as string,
      adresse: (l!.source.cellules.montant as string).split("!").pop() as string,
      montant: l!.montant,
      libelle: l!.libelle,
      chapitre: l!.chapitre as string,
    };
    v = await ouvrirVolet({ sheets, active: feuille });
    page = v.page;
    await page.getByTestId(TEST_IDS.onglet("versions")).click();
    await page.getByTestId(IDS.nom).waitFor();
  });

  afterAll(async () => {
    await v?.fermer();
  });

  it("enregistre le devis comme version, la liste, et demande avant de remplacer une version du même nom", async () => {
    // The devis sheet is detected (production context) before saving.
    await page.waitForFunction(
      ([id, f]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(f),
      [TEST_IDS.production.resume, feuille],
    );
    // Pressed before any name is typed: the button is there for the keyboard too, and the name is asked for under its
    // field, the focus put there; nothing is written.
    await page.getByTestId(IDS.enregistrer).click();
    const demande = page.getByTestId(TEST_IDS.page("versions")).locator(".fui-Field__validationMessage");
    await demande.waitFor();
    expect(sansEspacesInsecables(await demande.textContent())).toBe(
      "Nommez la version : par exemple « Dépôt agrément provisoire ».",
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(IDS.nom);
    expect((await etatExcel(page)).feuilles.map((f) => f.name)).not.toContain("Versions");
    await page.getByTestId(IDS.nom).fill("Devis initial");
    // The name typed: the request is gone.
    await demande.waitFor({ state: "detached" });
    await page.getByTestId(IDS.auteur).fill("Léa");
    await page.getByTestId(IDS.enregistrer).click();
    const message = page.getByTestId(IDS.enregistree);
    await message.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await message.textContent()).toMatch(
      /^Version «\u00a0Devis initial\u00a0» enregistrée\u00a0: \d+\u00a0lignes, /,
    );
    const lu = /lignes, (.+?\s€)(?:, plus (.+?\s€) non placé \(hors total\))? \(/.exec(
      (await message.textContent()) ?? "",
    );
    expect(lu).not.toBeNull();
    total = parseMontant(lu![1]) as Cents;
    // The version's total is the devis total; the unplaced line (G6, 1 200 €) is said apart, out of it.
    expect(total).toBe(devis.total);
    expect(devis.nonPlaces.length).toBeGreaterThan(0);
    expect(lu![2] && parseMontant(lu![2])).toBe(devis.nonPlaces.reduce((t, n) => t + n.montant, 0));
    const liste = page.getByTestId(IDS.liste);
    expect(await liste.textContent()).toContain("Devis initial");
    expect(await liste.textContent()).toContain("Léa");
    expect(await liste.textContent()).toContain(formatMontantFr(total));
    // Written in the workbook's « Versions » sheet.
    expect((await etatExcel(page)).feuilles.map((f) => f.name)).toContain("Versions");

    // Same name again: a dialog asks; « Annuler » keeps the version, « Remplacer » replaces it.
    await page.getByTestId(IDS.enregistrer).click();
    await page.getByTestId(IDS.confirmation).waitFor();
    expect(await page.getByTestId(IDS.confirmation).textContent()).toContain("«\u00a0Devis initial\u00a0» existe déjà");
    await page.getByTestId(IDS.annuler).click();
    await page.getByTestId(IDS.confirmation).waitFor({ state: "detached" });
    await page.getByTestId(IDS.enregistrer).click();
    await page.getByTestId(IDS.remplacer).click();
    await page.waitForFunction(
      (id) => /remplacée/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
      IDS.enregistree,
    );
    expect((await liste.textContent())?.match(/Devis initial/g)).toHaveLength(1);
  });

  it("compare la version au devis actuel après un changement dans la feuille du producteur ; la ligne changée mène à sa cellule", async () => {
    // The producer raises one line in their own sheet.
    await page.evaluate(
      async ([f, a, m]) => {
        const x = (
          window as unknown as { Excel: { run: (cb: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void> } }
        ).Excel;
        await x.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(f as string).getRange(a as string).values = [[m]];
          await ctx.sync();
        });
      },
      [feuille, ligne.adresse, (ligne.montant + HAUSSE) / 100] as const,
    );
    await page.getByTestId(IDS.de).selectOption("Devis initial");
    await page.getByTestId(IDS.a).selectOption("courant");
    const boutonAvant = (await page.getByTestId(IDS.comparer).boundingBox())!;
    await page.getByTestId(IDS.comparer).click();
    const resultat = page.getByTestId(IDS.resultat);
    await resultat.waitFor();
    // The result comes under « Comparer », the button left where it was clicked (it was pushed down by the result
    // shown above it, out of the pointer's reach).
    const bouton = (await page.getByTestId(IDS.comparer).boundingBox())!;
    expect(bouton.y).toBe(boutonAvant.y);
    expect((await resultat.boundingBox())!.y).toBeGreaterThanOrEqual(bouton.y + bouton.height);
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.getByTestId(IDS.total).textContent()).toBe(
      `${formatMontantFr(total)} → ${formatMontantFr((total + HAUSSE) as Cents)} (+${formatMontantFr(HAUSSE as Cents)})`,
    );
    // The unplaced line, out of the total, on its own row (unchanged on both sides).
    const np = devis.nonPlaces.reduce((t, n) => t + n.montant, 0) as Cents;
    expect(await page.getByTestId(IDS.nonPlaces).textContent()).toContain(
      `${formatMontantFr(np)} → ${formatMontantFr(np)}`,
    );
    // One changed line, in the « Modifiées » group, counted, with its delta and its cell.
    const lignes = page.getByTestId(IDS.lignes);
    expect(await lignes.locator("li").count()).toBe(1);
    expect(await lignes.locator("h3").allTextContents()).toEqual(["Modifiées1"]);
    const changee = page.getByTestId(IDS.ligne(0));
    expect(await changee.evaluate((e) => e.tagName)).toBe("BUTTON");
    // The label as the pane writes it (« 62\u00a0% »: no-break spaces, src/taskpane/francais.ts).
    expect(await changee.textContent()).toContain(typographie(ligne.libelle));
    expect(await changee.textContent()).toContain(`+${formatMontantFr(HAUSSE as Cents)}`);
    expect(await changee.textContent()).toContain(ligne.cellule);
    // The « Comparaison » sheet is written.
    expect((await etatExcel(page)).feuilles.map((f) => f.name)).toContain("Comparaison");

    // Keyboard: focus the changed line and press Enter: its cell is selected in Excel.
    await changee.focus();
    await page.keyboard.press("Enter");
    expect(await selectionApres(page, ligne.cellule)).toBe(ligne.cellule);

    // At 320 px the result fits without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 1100 });
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "versions.png");
    expect(v.erreursPage).toEqual([]);
  });

  it("D'où vient ce chiffre ? : l'écart total et celui du chapitre changé mènent aux cellules des deux côtés", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    const ecartTotal = page.getByTestId(IDS.expliquerTotal);
    expect(await ecartTotal.textContent()).toBe(`+${formatMontantFr(HAUSSE as Cents)}`);
    const { panneau, texte } = await ouvrirArbre(page, ecartTotal);
    expect(texte).toContain("Écart total");
    expect(texte).toContain("Total, version « Devis initial »");
    expect(texte).toContain(sansEspacesInsecables(formatMontantFr(total)));
    // The current devis' side, down to the changed line's chapter and the line: its cell selects it in Excel.
    await deplier(panneau, /Total, Devis actuel/);
    await deplier(panneau, new RegExp(`Chapitre ${ligne.chapitre}, Devis actuel`));
    const celluleA = panneau.getByTestId(IDS_TRACE.cellule).filter({ hasText: ligne.cellule });
    await celluleA.waitFor();
    await celluleA.click();
    expect(await selectionApres(page, ligne.cellule)).toBe(ligne.cellule);
    // The version's side: each line read in its row of « Versions ».
    await deplier(panneau, /Total, version/);
    await deplier(panneau, new RegExp(`Chapitre ${ligne.chapitre}, version`));
    await celluleVersionSelectionnee(page, panneau);
    // The chapter's écart opens its own tree.
    await page.getByTestId(IDS.expliquerChapitre(ligne.chapitre)).click();
    expect(sansEspacesInsecables((await panneau.textContent()) ?? "")).toContain(`Écart chapitre ${ligne.chapitre} `);
    expect(await debordements(page)).toEqual([]);
    await fermerArbre(page);
    expect(v.erreursPage).toEqual([]);
  });

  it("D'où vient ce chiffre ? : l'écart non placé (hors total) mène aux cellules des lignes non placées, des deux côtés", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    const np = devis.nonPlaces.reduce((t, n) => t + n.montant, 0) as Cents;
    expect(devis.nonPlaces.map((n) => n.cellule)).toEqual(["'Budget Gardiens'!G6"]);
    // Like the total's and the chapters' écarts: a button opening its tree.
    const ecartNp = page.getByTestId(IDS.expliquerNonPlaces);
    expect(await ecartNp.textContent()).toBe(formatMontantFr(0 as Cents));
    const { panneau, texte } = await ouvrirArbre(page, ecartNp);
    expect(texte).toContain("Écart non placé (hors total)");
    expect(texte).toContain("Non placé (hors total), version « Devis initial »");
    expect(texte).toContain(sansEspacesInsecables(formatMontantFr(np)));
    // The current devis' side: the unplaced line in the producer's cell, which selects it in Excel.
    await deplier(panneau, /Non placé \(hors total\), Devis actuel/);
    const celluleA = panneau.getByTestId(IDS_TRACE.cellule).filter({ hasText: "'Budget Gardiens'!G6" });
    await celluleA.waitFor();
    await celluleA.click();
    expect(await selectionApres(page, "'Budget Gardiens'!G6")).toBe("'Budget Gardiens'!G6");
    // The version's side: the line read in its row of « Versions ».
    await deplier(panneau, /Non placé \(hors total\), version/);
    await celluleVersionSelectionnee(page, panneau);
    expect(await debordements(page)).toEqual([]);
    await fermerArbre(page);
    expect(v.erreursPage).toEqual([]);
  });

  it("la ligne non placée de la version, placée depuis (code 4.9) : une seule ligne modifiée, son chapitre dit", async () => {
    // The producer gives the unplaced line (A6, « Repérages Bretagne (à ventiler) », 1 200 €) the code 4.9.
    await page.evaluate(async (f) => {
      const x = (
        window as unknown as { Excel: { run: (cb: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void> } }
      ).Excel;
      await x.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(f).getRange("A6").values = [["4.9"]];
        await ctx.sync();
      });
    }, feuille);
    const avant = await page.getByTestId(IDS.total).textContent();
    await page.getByTestId(IDS.comparer).click();
    await page.waitForFunction(
      ([id, t]) => document.querySelector(`[data-testid="${id}"]`)?.textContent !== t,
      [IDS.total, avant],
    );
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    const np = devis.nonPlaces.reduce((t, n) => t + n.montant, 0) as Cents;
    expect(await page.getByTestId(IDS.total).textContent()).toBe(
      `${formatMontantFr(total)} → ${formatMontantFr((total + HAUSSE + np) as Cents)} ` +
        `(+${formatMontantFr((HAUSSE + np) as Cents)})`,
    );
    // Two changed lines, both « Modifiées » (no removal plus addition for the line placed since the version).
    const lignes = page.getByTestId(IDS.lignes);
    expect(await lignes.locator("h3").allTextContents()).toEqual(["Modifiées2"]);
    const textes = await lignes.locator("li").allTextContents();
    expect(textes.filter((t) => t.includes("Repérages Bretagne"))).toEqual([
      expect.stringContaining(
        "4.9 Repérages Bretagne (à ventiler) — placée au chapitre 4, non placé (hors total) dans «\u00a0Devis initial\u00a0»",
      ),
    ]);
    expect(v.erreursPage).toEqual([]);
  });
});

const sp = sansEspacesInsecables;

describe("page Versions : ce qui a été lu est dit sous le résultat (Chromium, Excel simulé)", () => {
  let v: Volet;

  afterAll(async () => {
    await v?.fermer();
  });

  it("devis trouvé dans une feuille masquée : l'enregistrement et la comparaison le disent, en français, à 320 px", async () => {
    const { fixture, devis } = await classeurDevisMasque();
    v = await ouvrirVolet(fixture);
    const { page } = v;
    await page.waitForFunction(
      ([id, f]) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(f),
      [TEST_IDS.production.resume, devis],
    );
    // The producer leaves the devis sheet to automatic detection: Prodbook finds the hidden sheet and says so.
    await enregistrerSansFeuilleChoisie(page);
    expect(sp(await page.getByTestId(IDS.enregistree).textContent())).toMatch(
      /^Version « Devis initial » enregistrée : 39 lignes/,
    );
    const phrase =
      `La feuille « ${devis} » est masquée dans le classeur ; c'est elle qui ressemble le plus à un devis et qui ` +
      `est lue. Si le devis est dans une autre feuille, indiquez laquelle lire.`;
    const lus = page.getByTestId(IDS.constatsEnregistrement);
    await lus.waitFor();
    // One information, under its French heading and title, with no rule id.
    expect(await lus.locator("h3").allTextContents()).toEqual(["Informations1"]);
    const constat = page.getByTestId(IDS.constat(IDS.constatsEnregistrement, 0));
    expect(sp(await constat.textContent())).toBe(`Information : Feuille lue${phrase}`);
    expect(await constat.evaluate((e) => e.tagName)).toBe("DIV");
    expect(await lus.textContent()).not.toMatch(/feuille-lue|--feuille/);

    // Compared with the current devis: the result says it too, under the comparison.
    await page.getByTestId(IDS.de).selectOption("Devis initial");
    await page.getByTestId(IDS.a).selectOption("courant");
    await page.getByTestId(IDS.comparer).click();
    await page.getByTestId(IDS.resultat).waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.getByTestId(IDS.total).textContent()).toMatch(/\(\+?0,00\s€\)$/);
    const comparaison = page.getByTestId(IDS.constatsComparaison);
    await comparaison.waitFor();
    expect(await page.getByTestId(IDS.resultat).getByTestId(IDS.constatsComparaison).count()).toBe(1);
    expect(sp(await page.getByTestId(IDS.constat(IDS.constatsComparaison, 0)).textContent())).toBe(
      `Information : Feuille lue${phrase}`,
    );

    // At 320 px both lists fit without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 1100 });
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "versions-feuille-masquee.png");

    // The sheet chosen by the producer (the hidden one, named): nothing to say, no list.
    await page.getByTestId(TEST_IDS.production.feuille).selectOption(devis);
    const avant = await page.getByTestId(IDS.total).textContent();
    await page.getByTestId(IDS.comparer).click();
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"]`), IDS.constatsComparaison);
    expect(await page.getByTestId(IDS.total).textContent()).toBe(avant);
    expect(v.erreursPage).toEqual([]);
  });

  it("deux feuilles de devis : le bandeau, l'enregistrement et la comparaison nomment celle qui n'est pas lue", async () => {
    await v?.fermer();
    const wb = await XlsxWorkbook.ouvrir(EXEMPLE);
    const [devis] = await wb.listSheets();
    const lue = versFixture((await wb.readSheet(devis)) as SheetData);
    // A copy of the devis on a sheet of its own (an older version kept beside it): not read, named.
    v = await ouvrirVolet({ sheets: { [devis]: lue, "Devis v2": lue }, active: devis });
    const { page } = v;
    // The devis detected is the one the pages read: the banner names the other sheet beside it.
    await page.waitForFunction(
      ([id, f]) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(f),
      [TEST_IDS.production.resume, devis],
    );
    expect(sp(await page.getByTestId(TEST_IDS.production.resume).textContent())).toMatch(
      new RegExp(`^${devis} \\(autre feuille de devis non lue : « Devis v2 »\\)`),
    );
    // Left to detection (no sheet chosen): saving and comparing say it under their result, as the CLI does.
    await enregistrerSansFeuilleChoisie(page);
    const phrase = new RegExp(
      `^Alerte : Feuille lueLa feuille « Devis v2 » ressemble aussi à un devis et tient des montants \\('Devis v2'!G5 ` +
        `et dessous : \\d+ cellules, somme [\\d ]+,\\d\\d €\\) ; elle n'est pas lue : seule la feuille « ${devis} » l'est\\.`,
    );
    await page.getByTestId(IDS.constatsEnregistrement).waitFor();
    expect(sp(await page.getByTestId(IDS.constat(IDS.constatsEnregistrement, 0)).textContent())).toMatch(phrase);
    expect(await page.getByTestId(IDS.constatsEnregistrement).textContent()).not.toMatch(/feuille-lue|--feuille/);

    await page.getByTestId(IDS.de).selectOption("Devis initial");
    await page.getByTestId(IDS.a).selectOption("courant");
    await page.getByTestId(IDS.comparer).click();
    await page.getByTestId(IDS.constatsComparaison).waitFor();
    expect(sp(await page.getByTestId(IDS.constat(IDS.constatsComparaison, 0)).textContent())).toMatch(phrase);
    expect(v.erreursPage).toEqual([]);
  });
});
