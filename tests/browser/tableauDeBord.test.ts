import * as path from "path";
import type { Page } from "playwright-core";
import { creerEnvoyeur } from "../../src/app/catalogue";
import type { TableauDeBord } from "../../src/app/commandes/tableauDeBord";
import { formatMontantFr, formatPourcentFr } from "../../src/core/money";
import type { SheetData } from "../../src/core/port/workbook";
import { IDS_TABLEAU_DE_BORD as IDS } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ClasseurLu } from "../helpers/classeurLu";
import {
  RACINE,
  ecran,
  classeurProduction,
  debordements,
  motsCoupes,
  sansEspacesInsecables,
  versFixture,
  voletDuBloc,
  saisirDate,
} from "./volet";

/**
 * The « Tableau de bord », first page of the built pane, in Chromium over the fake Excel: on a production workbook
 * it shows the figures the use cases compute on the same sheets; on an empty workbook each block says what to do
 * next; each block's button opens its page (mouse and keyboard); the Office theme is followed.
 */
const CONTEXTE = { genre: "documentaire", duree: "52", regime: "audiovisuel", annee: "2026" };
const FICHIERS = ["tests/fixtures/planning/gardiens-planning.xlsx", "tests/fixtures/financement/documentaire.xlsx"];
const texte = async (page: Page, id: string) => ((await page.getByTestId(id).textContent()) ?? "").trim();
/** The production workbook with the saved context the pane starts from. */
const production = async () => ({
  ...(await classeurProduction()),
  reglages: { "prodbook.production": JSON.stringify(CONTEXTE) },
});
/** The use cases in Node, through the xlsx adapter, on the same sheets. */
const envoyeurNode = async () => creerEnvoyeur(await ClasseurLu.depuis(...FICHIERS));

describe("tableau de bord dans Chromium (classeur de production)", () => {
  let attendu: TableauDeBord;
  beforeAll(async () => {
    // What the use case computes on the same sheets, in Node through the xlsx adapter, from the context the pane
    // starts from (the saved one over what is detected: the devis sheet).
    const envoyer = await envoyeurNode();
    const lu = await envoyer("lireProduction", {});
    attendu = await envoyer("lireTableauDeBord", { contexte: { ...lu.contexte, ...CONTEXTE } as never });
    expect(lu.contexte.feuilleDevis).toBe("Budget Gardiens");
  });
  const v = voletDuBloc({ classeur: production, largeur: 340 });
  const { page } = v;

  it("s'ouvre en premier et montre les chiffres du devis, du financement et du crédit d'impôt", async () => {
    await page.getByTestId(TEST_IDS.page("tableau-de-bord")).waitFor();
    await page.getByTestId(IDS.bloc("devis")).waitFor();
    expect(await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).getAttribute("aria-selected")).toBe("true");
    // Outside an Office theme, the light one.
    expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe("clair");

    // Real figures: those of the use cases, in French.
    const d = attendu.devis;
    expect(d.total).toBeGreaterThan(100000_00);
    // Which devis, first in its block: the sheet read, named in French quotes.
    expect(await texte(page, IDS.chiffre("devis", "feuille"))).toBe("«\u00a0Budget Gardiens\u00a0»");
    expect(await texte(page, IDS.chiffre("devis", "total"))).toBe(formatMontantFr(d.total!));
    expect(await texte(page, IDS.chiffre("devis", "cout-minute"))).toBe(formatMontantFr(d.coutMinute!));
    expect(await texte(page, IDS.chiffre("devis", "constats"))).toMatch(/^\d+\u00a0erreurs? · \d+\u00a0alertes? · /);
    expect(await texte(page, IDS.chiffre("devis", "constats"))).toContain(
      `${d.constats.erreur}\u00a0erreur${d.constats.erreur >= 2 ? "s" : ""}`,
    );
    expect(await texte(page, IDS.etat("devis"))).toBe("Non structuré");
    expect(await texte(page, IDS.suite("devis"))).toBe("Structurez le devis");

    const f = attendu.financement;
    expect(f.resteAFinancer).toBeDefined();
    expect(await texte(page, IDS.chiffre("financement", "reste"))).toBe(
      formatMontantFr(Math.abs(f.resteAFinancer!) as never),
    );
    expect(await texte(page, IDS.chiffre("financement", "intensite"))).toContain(
      `${formatPourcentFr(f.intensite!)} (plafond ${formatPourcentFr(f.plafond!)})`,
    );
    expect(await texte(page, IDS.etat("financement"))).toBe(
      f.equilibre ? "Équilibré" : f.resteAFinancer! > 0 ? "À boucler" : "Excédent",
    );

    const c = attendu.creditImpot;
    expect(c.credit).toBeGreaterThan(0);
    expect(await texte(page, IDS.chiffre("credit-impot", "credit"))).toBe(formatMontantFr(c.credit!));
    expect(await texte(page, IDS.chiffre("credit-impot", "regime"))).toBe("Audiovisuel (220 sexies) · Documentaire");

    // No écarts yet; the planning steps are there, the rétroplanning is not computed.
    expect(await texte(page, IDS.absent("ecarts"))).toContain("aucun Grand livre");
    expect(await texte(page, IDS.suite("ecarts"))).toBe("Chargez le FEC du comptable");
    expect(await texte(page, IDS.suite("planning"))).toBe("Calculez le rétroplanning depuis la date de PAD");
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "tableau-de-bord.png");
  });

  it("« Détails et sources » s'ouvre au clavier et donne les textes officiels en liens", async () => {
    const details = page.getByTestId(IDS.details);
    const entete = details.getByRole("button");
    expect(await entete.getAttribute("aria-expanded")).toBe("false");
    await entete.focus();
    await page.keyboard.press("Enter");
    expect(await entete.getAttribute("aria-expanded")).toBe("true");
    const liens = await details
      .getByRole("link")
      .evaluateAll((ls) => ls.map((l) => (l as HTMLAnchorElement).getAttribute("href") ?? ""));
    const attendus = [...attendu.financement.sources, ...attendu.creditImpot.sources].map((s) => s.url);
    expect(attendus.length).toBeGreaterThan(0);
    expect(liens).toEqual(expect.arrayContaining(attendus));
    await details.locator("a[aria-describedby]").first().waitFor();
    // Each link reads « Texte : CGI art. 220 sexies » (primary) or « Source : … »; when that shortens the source's
    // title, the full title is its infobulle and accessible description (aria-describedby).
    const libelles = await details
      .getByRole("link")
      .evaluateAll((ls) =>
        ls
          .filter((l) => l.getAttribute("href") !== "aide.html")
          .map((l) => [
            l.textContent ?? "",
            document.getElementById(l.getAttribute("aria-describedby") ?? "")?.textContent ?? "",
          ]),
      );
    expect(libelles.length).toBeGreaterThanOrEqual(attendus.length);
    for (const [texte, titre] of libelles) {
      expect(texte).toMatch(/^(Texte|Source)\u00a0: \S/);
      if (titre) expect(titre.length).toBeGreaterThan(texte.length - 9);
    }
    expect(libelles.some(([, titre]) => titre !== "")).toBe(true);
    expect(libelles.some(([texte]) => texte.startsWith("Texte\u00a0: "))).toBe(true);
    expect(await details.textContent()).toContain(`Plan lu\u00a0: «\u00a0${attendu.financement.source}\u00a0»`);
    expect(await debordements(page)).toEqual([]);
    await page.keyboard.press("Enter");
    expect(await entete.getAttribute("aria-expanded")).toBe("false");
  });

  it("le bouton d'un bloc ouvre sa page (souris), au clavier aussi", async () => {
    await page.getByTestId(IDS.suite("financement")).click();
    await page.getByTestId(TEST_IDS.page("financement")).waitFor();
    expect(await page.getByTestId(TEST_IDS.onglet("financement")).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId(TEST_IDS.page("tableau-de-bord")).isVisible()).toBe(false);

    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await page.getByTestId(IDS.suite("planning")).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId(TEST_IDS.page("planning")).waitFor();
    expect(await page.getByTestId(TEST_IDS.onglet("planning")).getAttribute("aria-selected")).toBe("true");
  });

  it("après le rétroplanning, « Actualiser » montre la date de PAD et le chemin critique", async () => {
    await saisirDate(page.getByTestId("planning-livraison"), "2027-03-15");
    await page.getByTestId("planning-recalculer").click();
    await page.getByTestId("planning-etapes").waitFor();
    await page.getByTestId("planning-ecrire").click();
    await page.getByTestId("planning-message").waitFor();
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await page.getByTestId(IDS.actualiser).click();
    await page.getByTestId(IDS.chiffre("planning", "pad")).waitFor();
    expect(await texte(page, IDS.chiffre("planning", "pad"))).toMatch(/^15\u00a0mars\u00a02027, dans \d+\u00a0jours$/);
    expect(await texte(page, IDS.chiffre("planning", "critique"))).toMatch(/^\d+\u00a0étapes? critiques?$/);
    expect(await texte(page, IDS.suite("planning"))).toBe("Recalculez le planning après un changement");
    expect(v.erreursPage).toEqual([]);
  });

  it("« Structurez le devis » puis retour : le bloc Devis se relit seul (structuré, mêmes chiffres, constats à revoir)", async () => {
    await page.getByTestId(IDS.suite("devis")).click();
    await page.getByTestId(TEST_IDS.page("structurer")).waitFor();
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
    await page.getByTestId(TEST_IDS.structurer.creer).click();
    await page.getByTestId(TEST_IDS.structurer.succes).waitFor();
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    // No click on « Actualiser »: coming back to the page reads the workbook again.
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent === "Structuré",
      IDS.etat("devis"),
    );
    const d = attendu.devis;
    expect(await texte(page, IDS.chiffre("devis", "total"))).toBe(formatMontantFr(d.total!));
    expect(await texte(page, IDS.suite("devis"))).toBe(
      d.constats.erreur > 0 ? "Corrigez les erreurs du devis" : "Examinez les alertes du devis",
    );
    await page.getByTestId(IDS.suite("devis")).click();
    await page.getByTestId(TEST_IDS.page("controles")).waitFor();
    expect(await page.getByTestId(TEST_IDS.onglet("controles")).getAttribute("aria-selected")).toBe("true");
    expect(v.erreursPage).toEqual([]);
  });
});

describe("Crédit d'impôt : le chiffre d'abord, le calcul et ses textes dans « Détails et sources »", () => {
  const { page } = voletDuBloc({ classeur: production, largeur: 340 });

  it("le crédit précède le détail replié ; ouvert, il donne le calcul et les textes en liens, sans débord", async () => {
    const attendu = await (
      await envoyeurNode()
    )("calculerCreditImpot", {
      feuille: "Budget Gardiens",
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2026,
      dureeMinutes: 52,
      hebergement: "ailleurs",
    });
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await page.getByTestId("ci-calculer").click();
    await page.getByTestId("ci-resultat").waitFor();
    expect(await texte(page, "ci-credit")).toBe(formatMontantFr(attendu.credit));
    const details = page.getByTestId("ci-details");
    const [haut, bas] = await Promise.all([page.getByTestId("ci-credit").boundingBox(), details.boundingBox()]);
    expect(haut!.y).toBeLessThan(bas!.y);
    expect(await page.getByTestId("ci-plafond-0").count()).toBe(0);
    await details.getByRole("button").click();
    await page.getByTestId("ci-plafond-0").waitFor();
    const liens = await details.getByRole("link").evaluateAll((ls) => ls.map((l) => l.getAttribute("href")));
    expect(liens).toEqual(expect.arrayContaining(attendu.tables.flatMap((t) => t.sources.map((x) => x.url))));
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "credit-impot-details.png");
  });
});

describe("tableau de bord sur un classeur vide, thème sombre d'Office", () => {
  // Excel's « Noir » theme as Office.context.officeTheme gives it (colours only, as older hosts).
  const { page } = voletDuBloc({
    classeur: () => ({
      theme: {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#333333",
        controlForegroundColor: "#FFFFFF",
      },
    }),
    largeur: 320,
  });

  it("chaque bloc dit ce qui manque et quoi faire, sans message d'erreur", async () => {
    await page.getByTestId(IDS.bloc("planning")).waitFor();
    expect(await texte(page, IDS.absent("devis"))).toBe("Aucune feuille du classeur n'est reconnue comme un devis.");
    expect(await texte(page, IDS.absent("financement"))).toMatch(/^Aucune feuille de plan de financement/);
    // No genre, no credit guessed as a fiction's: the genre is asked first.
    expect(await texte(page, IDS.absent("credit-impot"))).toMatch(/^Genre non précisé\s: choisissez fiction/);
    expect(await texte(page, IDS.absent("ecarts"))).toMatch(/aucun Grand livre/);
    expect(await texte(page, IDS.absent("planning"))).toMatch(/^Aucune feuille d'étapes/);
    const suites = [];
    for (const b of ["devis", "financement", "credit-impot", "ecarts", "planning"])
      suites.push(await texte(page, IDS.suite(b)));
    expect(suites).toEqual([
      "Choisissez la feuille du devis",
      "Ajoutez le plan de financement",
      "Précisez le genre de l'œuvre",
      "Chargez le FEC du comptable",
      "Partez des étapes de post-production types",
    ]);
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.locator('[data-testid^="tdb-"][data-testid$="-probleme"]').count()).toBe(0);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "tableau-de-bord-vide-sombre.png");
  });

  it("suit le thème sombre d'Office (fond sombre, texte clair)", async () => {
    expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe("sombre");
    const [fond, texteCouleur] = await page
      .getByTestId(TEST_IDS.app)
      .evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]);
    const lum = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(lum(fond)).toBeLessThan(0.3);
    expect(lum(texteCouleur)).toBeGreaterThan(0.7);
  });
});

/**
 * Pane audit: on the production workbook, the dashboard showed 4 509,13 € to finance (the devis « Budget Gardiens »
 * chosen as the cost), then, the devis picker reset to « Détection automatique », the Financement page showed 0,00 €.
 * Not a stale state: with no devis sheet chosen, the plan's own cost ('Plan fin.'!B2, 180 000,00 €) is the cost and
 * the devis found beside it is only compared (cout-plan-devis, an alert naming the 4 509,13 € gap). The dashboard and
 * the page compute the same thing for the same context, both ways.
 */
describe("Tableau de bord et Financement : le même reste à financer pour le même contexte", () => {
  // The Financement page's ids (IDS_FINANCEMENT), written out: the page module pulls React into this Node test.
  const IDS_FINANCEMENT = {
    verifier: "fin-verifier",
    resultat: "fin-resultat",
    reste: "fin-reste",
  };
  const { page } = voletDuBloc({ classeur: production, largeur: 340 });
  const reste = async () => sansEspacesInsecables(await texte(page, IDS_FINANCEMENT.reste));
  const verifier = async () => {
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId(IDS_FINANCEMENT.verifier).click();
    await page.getByTestId(IDS_FINANCEMENT.resultat).waitFor();
    await page.getByTestId(IDS_FINANCEMENT.reste).waitFor();
  };
  const resteTdb = async (attendu: string) => {
    await page.waitForFunction(
      ([id, a]) =>
        (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ") === a,
      [IDS.chiffre("financement", "reste"), attendu] as const,
    );
    return sansEspacesInsecables(await texte(page, IDS.chiffre("financement", "reste")));
  };

  it("devis choisi : 4 509,13 € des deux côtés ; détection automatique : le coût du plan, 0,00 € des deux côtés, l'écart au devis dit", async () => {
    const envoyer = await envoyeurNode();
    const lu = await envoyer("lireProduction", {});
    const tdb = async (feuilleDevis?: string) =>
      (await envoyer("lireTableauDeBord", { contexte: { ...lu.contexte, ...CONTEXTE, feuilleDevis } as never }))
        .financement;
    const [avecDevis, auto] = [await tdb("Budget Gardiens"), await tdb(undefined)];
    expect(avecDevis.resteAFinancer).toBe(4509_13);
    expect(auto.resteAFinancer).toBe(0);
    // The cost-gap finding, in the use case's own figures: the plan's cell and the gap to the devis compared.
    expect(auto.ecartDevis).toEqual({
      cellule: "'Plan fin.'!B2",
      feuilleDevis: "Budget Gardiens",
      totalDevis: 184509_13,
      ecart: -4509_13,
    });
    expect(auto.origineCout).toBe("coût indiqué dans le plan, 'Plan fin.'!B2");
    expect(avecDevis.ecartDevis).toBeUndefined();
    const montant = (c: number) => sansEspacesInsecables(formatMontantFr(c as never));

    // The dashboard first, with the devis sheet of the context (detected, then chosen in the banner).
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.feuille).selectOption("Budget Gardiens");
    expect(await resteTdb(montant(avecDevis.resteAFinancer!))).toBe("4 509,13 €");
    // The devis chosen is the cost: nothing compared, no gap line.
    expect(await page.getByTestId(IDS.chiffre("financement", "origine-cout")).count()).toBe(0);
    expect(await page.getByTestId(IDS.chiffre("financement", "ecart-devis")).count()).toBe(0);
    expect(await texte(page, IDS.etat("financement"))).toBe("À boucler");
    await verifier();
    expect(await reste()).toContain("4 509,13 €");
    // The cost's origin in « Détails et sources », after the headline and the folded parameters: the page's text.
    const textePage = async () =>
      sansEspacesInsecables(await page.getByTestId(TEST_IDS.page("financement")).textContent());
    expect(await textePage()).toContain("(total du devis « Budget Gardiens »)");

    // Back to « Détection automatique »: the plan's own cost; the page says why and names the gap to the devis.
    await page.getByTestId(TEST_IDS.production.feuille).selectOption("");
    await verifier();
    expect(await reste()).toContain("0,00 €");
    const resultat = await textePage();
    expect(resultat).toContain("coût indiqué dans le plan, 'Plan fin.'!B2");
    expect(resultat).toContain("diffère du total du devis « Budget Gardiens » (184 509,13 €) de −4 509,13 €");

    // The dashboard, read again on coming back, agrees with the page for this context.
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    expect(await resteTdb(montant(auto.resteAFinancer!))).toBe("0,00 €");
    // Balanced on the plan's own cost only: the badge says so in words, the block names the cost's cell and the gap
    // to the devis, and what to do next opens the Financement page.
    expect(await texte(page, IDS.etat("financement"))).toBe("Équilibré sur le coût du plan");
    expect(sansEspacesInsecables(await texte(page, IDS.chiffre("financement", "origine-cout")))).toBe(
      "coût du plan, 'Plan fin.'!B2",
    );
    expect(sansEspacesInsecables(await texte(page, IDS.chiffre("financement", "ecart-devis")))).toBe("−4 509,13 €");
    const bloc = sansEspacesInsecables(await page.getByTestId(IDS.bloc("financement")).textContent());
    expect(bloc).toContain("Coût retenu");
    expect(bloc).toContain("Écart au devis");
    // The devis compared, by name and total, in « Détails et sources » (the block stays short at 320 px).
    const details = page.getByTestId(IDS.details);
    if ((await details.getByRole("button").getAttribute("aria-expanded")) !== "true")
      await details.getByRole("button").click();
    await details.getByText("Devis comparé", { exact: false }).waitFor();
    expect(sansEspacesInsecables(await details.textContent())).toContain(
      "Coût de production : 180 000,00 € (coût indiqué dans le plan, 'Plan fin.'!B2)",
    );
    expect(sansEspacesInsecables(await details.textContent())).toContain(
      "Devis comparé : « Budget Gardiens », 184 509,13 €, non retenu comme coût",
    );
    expect(await texte(page, IDS.suite("financement"))).toBe("Accordez le coût du plan et le devis");
    // At Excel's narrowest pane the two lines fit: nothing sticks out, no word broken over two lines.
    await page.setViewportSize({ width: 320, height: 900 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect(await debordements(page)).toEqual([]);
    expect(await motsCoupes(page)).toEqual([]);
    await page.getByTestId(IDS.suite("financement")).click();
    expect(await page.getByTestId(TEST_IDS.onglet("financement")).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
  });
});

/**
 * Two plans de financement in the workbook (the documentary's « Plan fin. » and another plan, « Financement »): the
 * dashboard detected one while the Financement page read the one chosen in its picker, so its verdict depended on
 * which picker was used. The plan sheet chosen on the page is the production's (shared context, saved with it): the
 * dashboard reads that sheet, and both say the same.
 */
describe("Tableau de bord et Financement : le même plan de financement, celui choisi sur la page", () => {
  const AUTRE_PLAN = "tests/fixtures/financement/fiction.xlsx";
  const { page } = voletDuBloc({
    classeur: async () => {
      const p = await production();
      const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, AUTRE_PLAN));
      const sheets = { ...p.sheets };
      for (const n of await wb.listSheets()) sheets[n] = versFixture((await wb.readSheet(n)) as SheetData);
      return { ...p, sheets };
    },
    largeur: 340,
  });

  it("la feuille choisie sur la page Financement est celle que lit le tableau de bord, après relecture aussi", async () => {
    const envoyer = creerEnvoyeur(await ClasseurLu.depuis(...FICHIERS, AUTRE_PLAN));
    const lu = await envoyer("lireProduction", {});
    const tdb = async (feuilleFinancement?: string) =>
      (
        await envoyer("lireTableauDeBord", {
          contexte: { ...lu.contexte, ...CONTEXTE, ...(feuilleFinancement ? { feuilleFinancement } : {}) } as never,
        })
      ).financement;
    // The sheet detected, and the other plan: two different verdicts (else this test could not fail).
    const detecte = await tdb();
    expect(["Plan fin.", "Financement"]).toContain(detecte.source);
    const autre = detecte.source === "Plan fin." ? "Financement" : "Plan fin.";
    const choisi = await tdb(autre);
    expect(choisi.source).toBe(autre);
    expect(choisi.total).not.toBe(detecte.total);
    const montant = (c: number) => sansEspacesInsecables(formatMontantFr(c as never));

    // The dashboard first: the plan detected.
    await page.getByTestId(IDS.chiffre("financement", "total")).waitFor();
    expect(sansEspacesInsecables(await texte(page, IDS.chiffre("financement", "total")))).toBe(montant(detecte.total!));

    // The other plan chosen on the Financement page, then checked.
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId("fin-feuille").selectOption(autre);
    await page.getByTestId("fin-verifier").click();
    await page.getByTestId("fin-resultat").waitFor();
    const resultat = sansEspacesInsecables(await page.getByTestId("fin-resultat").textContent());
    expect(resultat).toContain(`Plan « ${autre} »`);
    expect(resultat).toContain(montant(choisi.total!));

    // Back on the dashboard (read again on coming back): the same plan, its figures and its verdict.
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await page.waitForFunction(
      ([id, a]) =>
        (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ") === a,
      [IDS.chiffre("financement", "total"), montant(choisi.total!)] as const,
    );
    const etat = choisi.equilibre ? "Équilibré" : (choisi.resteAFinancer ?? 0) > 0 ? "À boucler" : "Excédent";
    if (!choisi.ecartDevis) expect(await texte(page, IDS.etat("financement"))).toBe(etat);
    if (choisi.resteAFinancer !== undefined)
      expect(sansEspacesInsecables(await texte(page, IDS.chiffre("financement", "reste")))).toBe(
        montant(Math.abs(choisi.resteAFinancer)),
      );
    const details = page.getByTestId(IDS.details);
    if ((await details.getByRole("button").getAttribute("aria-expanded")) !== "true")
      await details.getByRole("button").click();
    expect(sansEspacesInsecables(await details.textContent())).toContain(`Plan lu : « ${autre} »`);
    // Kept with the production in the workbook: the pane opened again finds the same plan on its dashboard.
    await page.waitForFunction(
      (a) =>
        JSON.parse(
          (window as unknown as { Excel: { __etat(): { reglages: Record<string, string> } } }).Excel.__etat().reglages[
            "prodbook.production"
          ] ?? "{}",
        ).feuilleFinancement === a,
      autre,
    );
    await page.reload();
    await page.waitForFunction(
      ([id, a]) =>
        (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ") === a,
      [IDS.chiffre("financement", "total"), montant(choisi.total!)] as const,
    );
    // The page's picker too shows the plan chosen.
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    expect(await page.getByTestId("fin-feuille").inputValue()).toBe(autre);
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
  });
});

/**
 * « Œuvre difficile » (art. D331-17: aid ceiling 60 % instead of 50 % for an audiovisual work) was the Financement
 * page's own box while the dashboard always took an ordinary work, so their ceilings disagreed. The box is the
 * production's (shared context, saved in the workbook): ticked on the page, the dashboard's ceiling and verdict follow,
 * and the pane opened again on the same workbook finds the box ticked and the same ceiling.
 */
describe("Tableau de bord et Financement : « œuvre difficile » cochée sur la page change le plafond du tableau de bord", () => {
  const { page } = voletDuBloc({ classeur: production, largeur: 340 });
  const intensite = () => IDS.chiffre("financement", "intensite");
  const attendre = (id: string, attendu: string) =>
    page.waitForFunction(
      ([i, a]) =>
        (document.querySelector(`[data-testid="${i}"]`)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ").includes(a),
      [id, attendu] as const,
    );
  const chiffres = (f: TableauDeBord["financement"]) =>
    sansEspacesInsecables(
      `${formatPourcentFr(f.intensite!)} (plafond ${formatPourcentFr(f.plafond!)})${f.depassePlafond ? " — dépassé" : ""}`,
    );

  it("cochée sur la page Financement, le tableau de bord prend le plafond de 60 %, après relecture du volet aussi", async () => {
    const envoyer = await envoyeurNode();
    const lu = await envoyer("lireProduction", {});
    const tdb = async (c: object) =>
      (await envoyer("lireTableauDeBord", { contexte: { ...lu.contexte, ...CONTEXTE, ...c } as never })).financement;
    const [ordinaire, difficile] = await Promise.all([tdb({}), tdb({ oeuvreDifficile: true })]);
    // Two different ceilings (else this test could not fail).
    expect(Number(ordinaire.plafond)).toBe(0.5);
    expect(Number(difficile.plafond)).toBe(0.6);

    await page.getByTestId(intensite()).waitFor();
    await attendre(intensite(), chiffres(ordinaire));

    // Ticked on the Financement page (an audiovisual work: the box shown is « œuvre difficile »), then checked.
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    const boite = page.getByTestId("fin-oeuvre-difficile");
    expect(await boite.isChecked()).toBe(false);
    await boite.check();
    await page.getByTestId("fin-verifier").click();
    await page.getByTestId("fin-resultat").waitFor();
    expect(sansEspacesInsecables(await texte(page, "fin-resultat"))).toContain(
      sansEspacesInsecables(`plafond ${formatPourcentFr(difficile.plafond!)}`),
    );
    expect(await debordements(page)).toEqual([]);

    // Back on the dashboard: the same ceiling, the same verdict.
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await attendre(intensite(), chiffres(difficile));

    // Saved with the production: the pane opened again on the same workbook keeps the box and the ceiling.
    await page.waitForFunction(
      () =>
        JSON.parse(
          (window as unknown as { Excel: { __etat(): { reglages: Record<string, string> } } }).Excel.__etat().reglages[
            "prodbook.production"
          ] ?? "{}",
        ).oeuvreDifficile === true,
    );
    await page.reload();
    await page.getByTestId(intensite()).waitFor();
    await attendre(intensite(), chiffres(difficile));
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    expect(await page.getByTestId("fin-oeuvre-difficile").isChecked()).toBe(true);

    // Unticked: the ordinary ceiling again on the dashboard.
    await page.getByTestId("fin-oeuvre-difficile").uncheck();
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await attendre(intensite(), chiffres(ordinaire));
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
  });
});
