import type { Locator, Page } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { debordements, voletDuBloc, saisirDate } from "./volet";

/**
 * The feedback of an action stands next to its button, on every page: while it runs a labelled spinner right under
 * the button pressed, then its error there (not at the foot of another form), and what it produced announced to
 * screen readers (aria-live). Checked in the built pane at 350 px over the fake Excel, slowed down so that the
 * running state can be seen.
 */

/**
 * Every Excel.run of the pane waits `ms` before running (once wrapped, a later call changes the wait): the action's
 * running state lasts long enough to be seen; the tests set it back to 0 once they have seen it.
 */
const ralentir = (page: Page, ms: number) =>
  page.evaluate((attente) => {
    const w = window as unknown as {
      Excel: { run: (...a: unknown[]) => Promise<unknown> };
      __attente?: number;
    };
    if (w.__attente === undefined) {
      const run = w.Excel.run.bind(w.Excel);
      w.Excel.run = (...a: unknown[]) => new Promise((ok) => setTimeout(ok, w.__attente)).then(() => run(...a));
    }
    w.__attente = attente;
  }, ms);

/** The element right after `testId`'s in its parent holds `texte` (the feedback under its button). */
const apresLeBouton = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const b = document.querySelector(`[data-testid="${id}"]`)!;
    return (b.nextElementSibling as HTMLElement | null)?.innerText ?? "";
  }, testId);

describe("volet à 350 px : le retour d'une action est sous son bouton", () => {
  const v = voletDuBloc({ largeur: 350 });
  const { page } = v;
  const IDS = TEST_IDS.versions;
  const section = (nom: string) => page.locator(`section[aria-label="${nom}"]`);

  it("Planning : « Appliquer » dit ce qu'il a écrit sous le bouton, pas en haut de la page", async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await saisirDate(page.getByTestId("planning-livraison"), "15/12/2026");
    await page.getByTestId("planning-recalculer").click();
    await page.getByTestId("planning-propositions").getByRole("checkbox").first().check();
    const bouton = page.getByTestId("planning-appliquer");
    await bouton.click();
    const applique = page.getByTestId("planning-applique");
    await applique.waitFor();
    expect(await applique.innerText()).toMatch(
      /^1\u00a0quantité appliquée dans les feuilles .+ \(votre devis n'est pas modifié\)\.$/,
    );
    // Right under the button (its Retour between them), not above the list of proposals.
    const b = (await bouton.boundingBox())!;
    const m = (await applique.boundingBox())!;
    expect(m.y).toBeGreaterThanOrEqual(b.y + b.height);
    expect(m.y - (b.y + b.height)).toBeLessThan(60);
    await expect(
      page.getByTestId(TEST_IDS.retour("planning-appliquer")).locator('[aria-live="polite"]').innerText(),
    ).resolves.toMatch(/^1\u00a0quantité appliquée/);
  });

  it("Carbone : « Estimer » montre son attente et annonce la pré-estimation sous ses boutons", async () => {
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    await ralentir(page, 1500);
    await page.getByTestId("carbone-estimer").click();
    await expect(page.getByTestId(TEST_IDS.retour("carbone-estimer")).innerText()).resolves.toContain(
      "Lecture du devis et du plan de travail…",
    );
    await ralentir(page, 0); // seen: the rest of the action runs at full speed
    await page.getByTestId("carbone-total").waitFor({ timeout: 20000 });
    await expect(
      page.getByTestId(TEST_IDS.retour("carbone-estimer")).locator('[aria-live="polite"]').innerText(),
    ).resolves.toMatch(/^Pré-estimation\u00a0: \d+(,\d+)? t CO₂e\.$/);
  });

  it("Versions : comparer montre son attente, son annonce et son erreur sous « Comparer »", async () => {
    await page.getByTestId(TEST_IDS.onglet("versions")).click();
    await page.getByTestId(IDS.nom).fill("Devis initial");
    await page.getByTestId(IDS.enregistrer).click();
    await page.getByTestId(IDS.enregistree).waitFor();
    // The save is announced to screen readers under its button.
    const annonceEnregistrement = page
      .getByTestId(TEST_IDS.retour("versions-enregistrer"))
      .locator('[aria-live="polite"]');
    await expect(annonceEnregistrement.innerText()).resolves.toMatch(
      /^Version «\u00a0Devis initial\u00a0» enregistrée/,
    );

    await ralentir(page, 1500);
    await page.getByTestId(IDS.comparer).click();
    await expect(apresLeBouton(page, IDS.comparer)).resolves.toContain("Comparaison des versions…");
    await ralentir(page, 0);
    await page.getByTestId(IDS.resultat).waitFor();
    await expect(
      page.getByTestId(TEST_IDS.retour("versions-comparer")).locator('[aria-live="polite"]').innerText(),
    ).resolves.toMatch(/^Comparaison faite\u00a0: \d+\u00a0lignes? changées?/);

    // The devis read from a sheet that is not one: the comparison's error under « Comparer », not under the save form.
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.feuille).selectOption("PDT");
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(IDS.comparer).click();
    const erreur = section("Comparer deux versions").getByTestId(TEST_IDS.erreur);
    await erreur.waitFor({ timeout: 10000 });
    await expect(erreur.innerText()).resolves.toContain("PDT");
    await expect(section("Enregistrer une version").getByTestId(TEST_IDS.erreur).count()).resolves.toBe(0);
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.feuille).selectOption("");
    await page.getByTestId(TEST_IDS.production.modifier).click();
  });

  it("Sources : « Afficher » montre la lecture des barèmes sous le bouton", async () => {
    await page.getByTestId(TEST_IDS.onglet("sources")).click();
    await page.getByTestId("sources-resume").waitFor();
    await ralentir(page, 1500);
    await page.getByTestId("sources-actualiser").click();
    await expect(page.getByTestId(TEST_IDS.retour("sources-afficher")).innerText()).resolves.toContain(
      "Lecture des barèmes…",
    );
    await ralentir(page, 0);
    expect(v.erreursPage).toEqual([]);
  });

  it("Structurer : pendant l'analyse, la feuille source, le genre et la durée ne se changent pas", async () => {
    const S = TEST_IDS.structurer;
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    await page.getByTestId(S.analyser).waitFor();
    const champs = [S.feuille, S.genre, S.duree].map((id) => page.getByTestId(id));
    const grises = () => Promise.all(champs.map((c) => c.isDisabled()));
    // The devis sheet picked here (the production's may have been set back to detection by the test before).
    const feuille = "Budget Gardiens";
    await champs[0].selectOption(feuille);
    expect(await grises()).toEqual([false, false, false]);

    await ralentir(page, 1500);
    await page.getByTestId(S.analyser).click();
    await expect(page.getByTestId(TEST_IDS.retour("structurer-analyser")).innerText()).resolves.toContain(
      "Lecture du devis…",
    );
    expect(await grises()).toEqual([true, true, true]);
    // Another sheet cannot be picked while the analysis reads this one.
    await expect(champs[0].selectOption("PDT", { timeout: 500 })).rejects.toThrow();
    await ralentir(page, 0);
    await page.getByTestId(S.apercu).waitFor({ timeout: 20000 });
    // The preview is the sheet's that was read, and the picker still names it; usable again.
    expect(await page.getByTestId(S.apercu).innerText()).toContain(feuille);
    expect(await champs[0].inputValue()).toBe(feuille);
    expect(await grises()).toEqual([false, false, false]);
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * The pages whose actions were not looked at here: Financement (« Vérifier », « Créer les feuilles »), Crédit d'impôt
 * (« Créer la feuille ») and the Tableau de bord's « Actualiser », at Excel's narrowest pane. Each shows its labelled
 * wait right under the row of its button, then announces what it did there (aria-live): an action that writes sheets
 * (there and on Planning and Carbone) names them first, before the figure it computed.
 */
describe("volet à 320 px : Financement, Crédit d'impôt et Tableau de bord disent leur attente et leur résultat sous le bouton, les feuilles écrites annoncées", () => {
  const v = voletDuBloc({ largeur: 320 });
  const { page } = v;
  const annonce = (action: string) =>
    page.getByTestId(TEST_IDS.retour(action)).locator('[aria-live="polite"]').innerText();
  /**
   * The feedback of `action` starts within 20 px under the row of the button `bouton` (at 320 px a page's two buttons
   * may stand one above the other: the feedback comes right after both), and within 90 px of the button itself.
   */
  const sousLeBouton = async (bouton: string, action: string) => {
    const b = page.getByTestId(bouton);
    const [bb, rangee, r] = await Promise.all([
      b.boundingBox(),
      b.locator("xpath=..").boundingBox(),
      page.getByTestId(TEST_IDS.retour(action)).boundingBox(),
    ]);
    expect(r!.y).toBeGreaterThanOrEqual(rangee!.y + rangee!.height);
    expect(r!.y - (rangee!.y + rangee!.height)).toBeLessThan(20);
    expect(r!.y - (bb!.y + bb!.height)).toBeLessThan(90);
  };
  /** Clicks `bouton`, its Excel calls slowed: its wait `attente` shows under it, then its announcement `fin`. */
  const pendantPuisApres = async (bouton: string, action: string, attente: string, fin: RegExp) => {
    await ralentir(page, 1500);
    await page.getByTestId(bouton).click();
    await expect(page.getByTestId(TEST_IDS.retour(action)).innerText()).resolves.toContain(attente);
    await sousLeBouton(bouton, action);
    await ralentir(page, 0);
    await page.waitForFunction(
      (id) => !document.querySelector(`[data-testid="${id}"] .fui-Spinner`),
      TEST_IDS.retour(action),
      { timeout: 20000 },
    );
    await expect(annonce(action)).resolves.toMatch(fin);
  };

  /** Clicks `bouton` (its action named the same) and waits for its end: what it announced then matches `fin`. */
  const ecrirePuisAnnonce = async (bouton: string, fin: RegExp) => {
    await page.getByTestId(bouton).click();
    // Over once its spinner is gone and it has said something (not before it started).
    await page.waitForFunction(
      (id) => {
        const r = document.querySelector(`[data-testid="${id}"]`);
        return !!r && !r.querySelector(".fui-Spinner") && !!r.querySelector("[aria-live]")?.textContent;
      },
      TEST_IDS.retour(bouton),
      { timeout: 20000 },
    );
    await expect(annonce(bouton)).resolves.toMatch(fin);
  };

  it("Tableau de bord : « Actualiser »", async () => {
    await page.getByTestId("tdb-financement").waitFor();
    await pendantPuisApres("tdb-actualiser", "tdb-actualiser", "Lecture du classeur…", /^Tableau de bord à jour\.$/);
  });

  it("Financement : « Vérifier le plan », puis « Créer les feuilles Plan de financement et Échéancier »", async () => {
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    const total = "Plan «\u00a0Plan fin\\.\u00a0»\u00a0: total des financements [\\d\u202f\u00a0]+,\\d\\d\u00a0€\\.$";
    await pendantPuisApres("fin-verifier", "fin-verifier", "Lecture du plan de financement…", new RegExp(`^${total}`));
    // « Créer les feuilles »: the sheets written are heard first, then the total.
    const ecrites = "Feuilles écrites\u00a0: «\u00a0Plan de financement\u00a0», «\u00a0Échéancier\u00a0»[^.]*\\. ";
    await pendantPuisApres(
      "fin-creer",
      "fin-creer",
      "Écriture du plan et de l'échéancier…",
      new RegExp(`^${ecrites}${total}`),
    );
    expect(v.erreursPage).toEqual([]);
  });

  it("Crédit d'impôt : « Créer la feuille Crédit d'impôt »", async () => {
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await pendantPuisApres(
      "ci-creer",
      "ci-creer",
      "Écriture de la feuille Crédit d'impôt…",
      /^Feuille «\u00a0Crédit d'impôt\u00a0» écrite\. Crédit d'impôt estimé\u00a0: [\d\u202f\u00a0]+,\d\d\u00a0€\.$/,
    );
    expect(v.erreursPage).toEqual([]);
  });

  it("Planning : « Écrire les feuilles de planning » annonce les feuilles écrites", async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await saisirDate(page.getByTestId("planning-livraison"), "15/12/2026");
    // Written once computed (the button waits for a plan).
    await page.getByTestId("planning-recalculer").click();
    await page.getByTestId("planning-etapes").waitFor();
    await ecrirePuisAnnonce(
      "planning-ecrire",
      /^Feuilles écrites\u00a0: «\u00a0Rétroplanning\u00a0»(, «\u00a0[^»]+\u00a0»)*\. Planning recalculé\u00a0: livraison le \d/,
    );
    expect(v.erreursPage).toEqual([]);
  });

  it("Carbone : « Écrire les feuilles Bilan carbone et Export carbone » annonce les feuilles écrites", async () => {
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    // Written once estimated (the button waits for an estimate).
    await page.getByTestId("carbone-estimer").click();
    await page.getByTestId("carbone-total").waitFor();
    await ecrirePuisAnnonce(
      "carbone-ecrire",
      /^Feuilles écrites\u00a0: «\u00a0Bilan carbone\u00a0», «\u00a0Export carbone\u00a0»\. Pré-estimation\u00a0: /,
    );
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * A finding clicked far down a long page whose sheet was renamed since the page read it: selecting its cell fails. The
 * error (in French, the sheet and the cell named, not Office's own words) is shown at the bottom of the visible pane,
 * the clicked finding still in view above it: the page is not scrolled to its foot, away from the click.
 */
describe("volet à 320 px : l'erreur d'un clic sur une cellule reste en vue avec ce qui a été cliqué", () => {
  const v = voletDuBloc({ largeur: 320, hauteur: 700 });
  const { page } = v;
  /** Renames a sheet in the fake Excel, as the user would in Excel. */
  const renommer = (avant: string, apres: string) =>
    page.evaluate(
      ([a, b]) => {
        type Contexte = { workbook: { worksheets: { getItem(n: string): { name: string } } }; sync(): Promise<void> };
        const excel = (window as unknown as { Excel: { run(f: (c: Contexte) => Promise<void>): Promise<void> } }).Excel;
        return excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(a).name = b;
          await ctx.sync();
        });
      },
      [avant, apres] as const,
    );
  /** Clicks `cible` (scrolled into view first) and gives its error's text, once both are wholly in the pane. */
  const erreurEnVue = async (page: Page, id: string, cible: Locator, action: string) => {
    await cible.scrollIntoViewIfNeeded();
    const avant = await page.evaluate(() => window.scrollY);
    await cible.click();
    const erreur = page
      .getByTestId(TEST_IDS.page(id))
      .getByTestId(TEST_IDS.retour(action))
      .getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    await page.waitForTimeout(400);
    // At most scrolled by the error's height, to bring what was clicked above it (never to the page's foot).
    const defile = (await page.evaluate(() => window.scrollY)) - avant;
    expect(defile).toBeGreaterThanOrEqual(0);
    expect(defile).toBeLessThanOrEqual(((await erreur.boundingBox())?.height ?? 0) + 16);
    const [c, e, haut] = await Promise.all([
      cible.boundingBox(),
      erreur.boundingBox(),
      page.locator("header").evaluate((h) => h.getBoundingClientRect().bottom),
    ]);
    const fenetre = page.viewportSize()!.height;
    for (const b of [c!, e!]) {
      expect(b.y).toBeGreaterThanOrEqual(haut - 1);
      expect(b.y + b.height).toBeLessThanOrEqual(fenetre + 1);
    }
    // Nothing of the page hidden under it but what it covers at the foot: the click's target is not under it.
    expect(c!.y + c!.height <= e!.y || e!.y + e!.height <= c!.y).toBe(true);
    expect(await debordements(page)).toEqual([]);
    return erreur.innerText();
  };

  it("Financement : un constat du plan, la feuille du plan renommée depuis", async () => {
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId("fin-verifier").click();
    await page.getByTestId("fin-reste").waitFor();
    const constats = page.locator('[data-testid^="fin-constat-"]').filter({ hasText: "'Plan fin.'!" });
    const dernier = constats.nth((await constats.count()) - 1);
    await renommer("Plan fin.", "Plan fin. v2");
    const texte = await erreurEnVue(page, "financement", dernier, "fin-aller");
    expect(texte).toMatch(/La feuille «\u00a0Plan fin\.\u00a0» n'est plus dans le classeur/);
    expect(texte).toContain("Relancez l'action de la page");
    await renommer("Plan fin. v2", "Plan fin.");
    expect(v.erreursPage).toEqual([]);
  });

  it("Contrôles : un constat du devis, la feuille du devis renommée depuis", async () => {
    await page.getByTestId(TEST_IDS.onglet("controles")).click();
    await page.getByTestId(TEST_IDS.controles.lancer).click();
    await page.getByTestId(TEST_IDS.controles.liste).waitFor();
    const constats = page.locator(`[data-testid^="${TEST_IDS.controles.constat(0).replace(/0$/, "")}"]`);
    const dernier = constats.nth((await constats.count()) - 1);
    await renommer("Budget Gardiens", "Budget Gardiens v2");
    const texte = await erreurEnVue(page, "controles", dernier, "controles-aller");
    expect(texte).toMatch(/La feuille «\u00a0Budget Gardiens\u00a0» n'est plus dans le classeur/);
    await renommer("Budget Gardiens v2", "Budget Gardiens");
    expect(v.erreursPage).toEqual([]);
  });

  it("Financement : l'erreur gardée en bas du volet, Tab passe aux constats suivants et chacun est en vue au-dessus d'elle", async () => {
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId("fin-verifier").click();
    await page.getByTestId("fin-reste").waitFor();
    const constats = page.locator('[data-testid^="fin-constat-"]').filter({ hasText: "'Plan fin.'!" });
    await renommer("Plan fin.", "Plan fin. v2");
    await erreurEnVue(page, "financement", constats.first(), "fin-aller");
    const erreur = page.getByTestId(TEST_IDS.page("financement")).getByTestId(TEST_IDS.retour("fin-aller"));
    const caches: string[] = [];
    for (let i = 1; i < (await constats.count()); i++) {
      await page.keyboard.press("Tab");
      const [f, e] = await Promise.all([
        page.evaluate(() => {
          const b = document.activeElement!.getBoundingClientRect();
          return { haut: b.top, bas: b.bottom, id: document.activeElement!.getAttribute("data-testid") };
        }),
        erreur.boundingBox(),
      ]);
      // The finding focused is wholly above the error held at the pane's foot, not under it.
      if (f.bas > e!.y + 1) caches.push(`${f.id} : ${Math.round(f.haut)}–${Math.round(f.bas)} px, erreur à ${e!.y} px`);
    }
    expect(caches).toEqual([]);
    await renommer("Plan fin. v2", "Plan fin.");
    expect(v.erreursPage).toEqual([]);
  });
});

describe("volet à 350 px : Contrôles sans devis dans le classeur", () => {
  const v = voletDuBloc({
    largeur: 350,
    classeur: () => ({ sheets: { Notes: [["Notes de tournage"]] }, active: "Notes" }),
  });
  const { page } = v;

  it("l'invitation du premier lancement laisse la place à l'erreur sous le bouton", async () => {
    await page.getByTestId(TEST_IDS.onglet("controles")).click();
    await page.getByTestId(TEST_IDS.controles.invitation).waitFor();
    await page.getByTestId(TEST_IDS.controles.lancer).click();
    const erreur = page.getByTestId(TEST_IDS.retour("controles-lancer")).getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    expect(await erreur.innerText()).toMatch(/devis/i);
    // Only the error says what to do: the invitation « Analysez un devis… » no longer stands under it.
    await expect(page.getByTestId(TEST_IDS.controles.invitation).count()).resolves.toBe(0);
    expect(v.erreursPage).toEqual([]);
  });
});
