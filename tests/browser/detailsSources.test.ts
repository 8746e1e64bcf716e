import type { Locator } from "playwright-core";
import { tablesRegles } from "../../src/core/regles/audit";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { IDS_TEXTES } from "../../src/taskpane/components/TextesAppliques";
import { IDS_FINANCEMENT } from "../../src/taskpane/pages/Financement";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ecran, debordements, selectionApres, sortiesInattendues, voletDuBloc, saisirDate } from "./volet";

/**
 * « Détails et sources » in the built pane (Chromium, fake Excel, the production workbook): the figures
 * first; in the details, rules by their French name with « à vérifier » written out (not a colour) and real links to
 * their texts; no rule id, no confidence letter, no raw URL anywhere; nothing sticks out sideways (320 and 500 px).
 */
/** What the user must never read in the pane: a table id or key, a confidence letter, a raw URL. */
const TECHNIQUE = /https?:\/\/|credit-impot[-.]|intensite-aides|temps-de-travail|confiance [HML]\b/;

/** The lodging cap's version as the data file has it (the test reads it, it does not guess it). */
const HEBERGEMENT = tablesRegles().find((t) => t.id === "credit-impot-hebergement")!.versions[0];

async function ouvrirDetails(conteneur: Locator): Promise<void> {
  const bouton = conteneur.getByRole("button", { name: /Détails et sources/ });
  if ((await bouton.getAttribute("aria-expanded")) !== "true") await bouton.click();
}

/** Text the user sees in an element (visible text only, as laid out). */
const texte = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText);

describe.each([320, 500])("« Détails et sources » dans le volet construit, à %i px", (largeur) => {
  const v = voletDuBloc({ largeur });
  const { page } = v;

  it("Crédit d'impôt : badge « à vérifier » écrit sur chaque chiffre M ou L, texte officiel lié pour le plafond d'hébergement (H)", async () => {
    expect([HEBERGEMENT.effetDu, HEBERGEMENT.confiance]).toEqual(["2013-12-12", "H"]);
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await page
      .locator('[data-testid="ci-feuille"] option', { hasText: "Budget Gardiens" })
      .waitFor({ state: "attached" });
    await page.getByTestId("ci-regime").selectOption("audiovisuel");
    await page.getByTestId("ci-genre").selectOption("documentaire");
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-hebergement").selectOption("paris");
    await page.getByTestId("ci-calculer").click();
    // The headline first, then the folded parameters, then the details: the page holds them all.
    await page.getByTestId("ci-resultat").waitFor();
    const resultat = page.getByTestId(TEST_IDS.page("credit-impot"));
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    // The figure is the first thing: above the details, which are closed.
    const credit = await page.getByTestId("ci-credit").boundingBox();
    const details = page.getByTestId("ci-details");
    expect(credit!.y).toBeLessThan((await details.boundingBox())!.y);
    expect(await resultat.getByTestId(IDS_TEXTES.chiffres).count()).toBe(0);

    await ouvrirDetails(details);
    const chiffres = resultat.getByTestId(IDS_TEXTES.chiffre);
    await chiffres.first().waitFor();
    // Each « à vérifier » figure: the words themselves, visible, with a link to its source in a new window.
    const lignes = await chiffres.all();
    let aVerifier = 0;
    for (const l of lignes) {
      const badge = l.getByTestId(IDS_TEXTES.aVerifier);
      const lien = l.getByTestId(IDS_TEXTES.lien);
      if (await badge.count()) {
        aVerifier++;
        expect(await badge.isVisible()).toBe(true);
        expect(await texte(badge)).toBe("à vérifier");
      }
      expect(await lien.getAttribute("href")).toMatch(/^https?:\/\/\S+$/);
      expect(await lien.getAttribute("target")).toBe("_blank");
      expect(await texte(lien)).toMatch(/^(Texte|Source)\u00a0: \S/);
    }
    expect(aVerifier).toBeGreaterThan(0);
    // The lodging cap (H, 12 décembre 2013): no badge, its official text linked by its short name.
    const hebergement = chiffres.filter({ hasText: "Hébergement retenu par nuit" });
    expect(await hebergement.count()).toBe(1);
    expect(await hebergement.getByTestId(IDS_TEXTES.aVerifier).count()).toBe(0);
    expect(await texte(hebergement)).toContain("270,00\u00a0€");
    const lienHebergement = hebergement.getByTestId(IDS_TEXTES.lien);
    expect(await lienHebergement.getAttribute("href")).toBe(HEBERGEMENT.sources[0].url);
    expect(await texte(lienHebergement)).toMatch(/^Texte\u00a0: BOFiP ACTU-2014-00023/);
    // « Textes appliqués »: the table by its French name and the version's date in words.
    const textes = resultat.getByTestId(IDS_TEXTES.texte);
    expect(await texte(textes.filter({ hasText: "Hébergement retenu par nuitée" }))).toContain(
      "Hébergement retenu par nuitée, version du 12\u00a0décembre\u00a02013",
    );
    // Alerts and notes read as French: no rule id, no confidence letter, no URL (those are links).
    expect(await texte(page.getByTestId("ci-alertes"))).not.toMatch(TECHNIQUE);
    expect(await texte(resultat)).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, `details-credit-impot-${largeur}.png`);
  });

  it("Financement : total, reste à financer et cumul de chaque mois ouvrent « D'où vient ce chiffre ? », une cellule d'entrée sélectionne la cellule", async () => {
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.locator('[data-testid="fin-feuille"] option', { hasText: "Plan fin." }).waitFor({ state: "attached" });
    await page.getByTestId("fin-verifier").click();
    // The headline first, then the folded parameters, then the details: the page holds them all.
    await page.getByTestId("fin-resultat").waitFor();
    const resultat = page.getByTestId(TEST_IDS.page("financement"));
    const total = page.getByTestId("fin-expliquer-total");
    await total.waitFor();
    expect(await total.evaluate((e) => e.tagName)).toBe("BUTTON");
    await total.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await total.getAttribute("aria-expanded")).toBe("true");
    const noeud = panneau.getByTestId(IDS_TRACE.noeud).first();
    expect(await texte(noeud)).toMatch(/^Total des financements/);
    expect(await texte(noeud)).toContain(await texte(total));
    // Each source is a cell of the plan: clicking one selects it in Excel.
    const cellules = panneau.getByTestId(IDS_TRACE.cellule);
    expect(await cellules.count()).toBeGreaterThan(1);
    const ref = await texte(cellules.nth(1));
    expect(ref).toMatch(/^'Plan fin\.'!\$?[A-Z]+\$?\d+$/);
    await cellules.nth(1).click();
    expect(await selectionApres(page, ref)).toBe(ref);
    expect(await debordements(page)).toEqual([]);

    // The rest to finance: cost − total, the cost read in its own cell.
    const reste = page.getByTestId("fin-expliquer-reste");
    await reste.click();
    await panneau.getByText("= coût − total des financements").waitFor();
    expect(await texte(panneau.getByTestId(IDS_TRACE.noeud).first())).toMatch(/^(Reste à financer|Excédent)/);
    // Its second input is the total, whose sources open on demand, each with its cell.
    await panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: "Total des financements" }).click();
    expect(await panneau.getByTestId(IDS_TRACE.cellule).count()).toBeGreaterThan(1);

    // « Échéancier mois par mois »: each month's cumul opens its tree, from the keyboard as well: the previous month's
    // cumul + the month's solde, the solde = encaissements (each payment's cell selects it) − dépenses.
    await page
      .getByTestId(IDS_FINANCEMENT.echeancier)
      .getByRole("button", { name: /Échéancier mois par mois/ })
      .click();
    await page.getByTestId(IDS_FINANCEMENT.mois(0)).waitFor();
    const nMois = await page.locator('[data-testid^="fin-mois-"][data-testid$="-expliquer"]').count();
    expect(nMois).toBe(await page.locator('li[data-testid^="fin-mois-"]').count());
    // A month with payments after the first one: its tree goes from the previous month down to the payments' cells.
    const avecVersements = await page
      .locator('[data-testid^="fin-mois-"][data-testid$="-deplier"]')
      .evaluateAll((bs) => bs.map((b) => Number(/^fin-mois-(\d+)-/.exec(b.getAttribute("data-testid")!)![1])));
    const i = avecVersements.find((x) => x > 0)!;
    expect(i).toBeGreaterThan(0);
    const cumul = page.getByTestId(IDS_FINANCEMENT.expliquerMois(i));
    expect(await cumul.evaluate((e) => e.tagName)).toBe("BUTTON");
    await cumul.focus();
    await page.keyboard.press("Enter");
    await panneau.getByText(/^= trésorerie cumulée à fin .* \+ solde du mois$/).waitFor();
    expect(await cumul.getAttribute("aria-expanded")).toBe("true");
    const racine = await texte(panneau.getByTestId(IDS_TRACE.noeud).first());
    expect(racine).toMatch(/^Trésorerie cumulée à fin \p{L}+\u00a0\d{4}/u);
    expect(racine).toContain(await texte(cumul));
    // Opened after the rest to finance's tree, whose second input was unfolded: this one opens folded (before, the
    // node at the same place inherited it).
    const solde = panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: /^Solde d/ });
    expect(await solde.getAttribute("aria-expanded")).toBe("false");
    await solde.click();
    await panneau
      .getByTestId(IDS_TRACE.deplier)
      .filter({ hasText: /^Encaissements d/ })
      .click();
    const versement = panneau.getByTestId(IDS_TRACE.cellule).first();
    const refVersement = await texte(versement);
    expect(refVersement).toMatch(/^'Plan fin\.'!\$?[A-Z]+\$?\d+$/);
    await versement.click();
    expect(await selectionApres(page, refVersement)).toBe(refVersement);
    expect(await debordements(page)).toEqual([]);
    // Escape closes the tree and gives the focus back to the month's cumul (from the tree's title, where opening it
    // put the focus: on a button, the first Escape hides its infobulle).
    await panneau.getByRole("heading").focus();
    await page.keyboard.press("Escape");
    await panneau.waitFor({ state: "detached" });
    expect(await cumul.evaluate((e) => e === document.activeElement)).toBe(true);

    // Headline figures first; the rules read, in the details, by their French name.
    const details = page.getByTestId("fin-details");
    expect((await total.boundingBox())!.y).toBeLessThan((await details.boundingBox())!.y);
    await ouvrirDetails(details);
    const textes = resultat.getByTestId(IDS_TEXTES.texte);
    await textes.first().waitFor();
    expect(await texte(textes.filter({ hasText: "Plafonds d'intensité des aides publiques" }))).toMatch(
      /version du (1er|\d{1,2})\u00a0\p{L}+\u00a0\d{4}/u,
    );
    expect(await texte(resultat)).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, `details-financement-${largeur}.png`);
  });

  it("Planning : les dates d'abord, puis les règles du temps de travail appliquées au plan de travail", async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await saisirDate(page.getByTestId("planning-livraison"), "2026-12-15");
    await page.getByTestId("planning-recalculer").click();
    const chiffres = page.getByTestId("planning-chiffres");
    await chiffres.waitFor();
    expect(await texte(chiffres)).toContain("15\u00a0décembre\u00a02026");
    const details = page.getByTestId("planning-details");
    expect((await chiffres.boundingBox())!.y).toBeLessThan((await details.boundingBox())!.y);
    await ouvrirDetails(details);
    const regle = details.getByTestId(IDS_TEXTES.texte).first();
    await regle.waitFor();
    const tdt = tablesRegles().find((t) => t.id === "temps-de-travail")!;
    expect(await texte(regle)).toContain("Durées du travail, repos et heures supplémentaires");
    // The table's versions at M or L carry the written badge.
    const enVigueur = tdt.versions.filter((x) => x.effetDu <= "2026-12-31");
    expect(await regle.getByTestId(IDS_TEXTES.aVerifier).count()).toBe(enVigueur[0].confiance === "H" ? 0 : 1);
    expect(await texte(details)).toContain("plan de travail «\u00a0");
    expect(await texte(page.getByTestId(TEST_IDS.page("planning")))).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, `details-planning-${largeur}.png`);
  });

  it("Contrôles : sous les constats, les tables lues par les contrôles du devis, en français, sans identifiant", async () => {
    await page.getByTestId(TEST_IDS.onglet("controles")).click();
    await page.getByTestId(TEST_IDS.controles.lancer).click();
    await page.getByTestId(TEST_IDS.controles.liste).waitFor();
    const details = page.getByTestId(TEST_IDS.controles.details);
    await ouvrirDetails(details);
    const regle = details.getByTestId(IDS_TEXTES.texte).first();
    await regle.waitFor();
    expect(await texte(regle)).toMatch(
      /^Salaires minima, production (audiovisuelle|cinématographique) \(IDCC (2642|3097)\)/,
    );
    expect(await texte(details)).not.toMatch(TECHNIQUE);
    expect(await texte(details)).not.toMatch(/idcc(2642|3097)-|accord-transparence|smic-horaire/);
    expect(await debordements(page)).toEqual([]);
  });

  it("Sources : la confiance de chaque période, « à vérifier » écrit, dates en lettres", async () => {
    await page.getByTestId(TEST_IDS.onglet("sources")).click();
    const table = page.getByTestId("sources-table-credit-impot-audiovisuel");
    await table.waitFor();
    await table.getByRole("button").first().click();
    const periodes = page.getByTestId("sources-periodes-credit-impot-audiovisuel");
    await periodes.waitFor();
    const attendu = tablesRegles()
      .find((t) => t.id === "credit-impot-audiovisuel")!
      .versions.map((x) => (x.confiance === "H" ? "texte officiel" : "à vérifier"));
    const lignes = await periodes.getByRole("listitem").all();
    expect(lignes.length).toBe(attendu.length);
    for (const [i, l] of lignes.entries()) {
      const t = await texte(l);
      expect(t).toMatch(
        /^du (1er|\d{1,2})\u00a0\p{L}+\u00a0\d{4} (au (1er|\d{1,2})\u00a0\p{L}+\u00a0\d{4}|à ce jour)/u,
      );
      expect(t.endsWith(attendu[i])).toBe(true);
    }
    expect(attendu).toContain("à vérifier");
    expect(await texte(table)).not.toMatch(/confiance [HML]\b/);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, `details-sources-${largeur}.png`);
    expect(v.erreursPage).toEqual([]);
    expect(sortiesInattendues(v.refusees)).toEqual([]);
  });
});
