import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { nomTable } from "../../src/app/presentationRegles";
import { fautes } from "./francaisVolet";
import { tablesRegles } from "../../src/core/regles/audit";
import { dateEnLettres } from "../../src/core/util/texte";
import { espacesInsecables } from "../../src/taskpane/francais";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ecran, lignesTableau, selectionApres, voletDuBloc, saisirDate } from "./volet";
import { deplierParametres } from "./actionsPages";

/**
 * How the built pane reads to a new user at 350 px (Chromium, fake Excel, the production workbook), page by page
 * after each main action: French typography on every text whoever wrote it (no line starting with « : » or « » »),
 * core messages without rule ids, « (s) » plurals or « 01/07/2025 » dates, the Écarts figures before the table and
 * the file read described in words, and the result of an action in view once it lands (not under the form).
 * (Page ids are written out: importing a page would load Fluent into jest.)
 */
const FEC = path.join(__dirname, "../fixtures/fec-reel/111111111FEC20221231.TXT");

/** What the user sees of the pane now: the sticky header and the page shown. */
const texteVisible = (page: Page) =>
  page.evaluate(() =>
    [document.querySelector("header"), ...document.querySelectorAll("main:not([hidden])")]
      .map((e) => (e as HTMLElement | null)?.innerText ?? "")
      .join("\n"),
  );

/** Top of an element in the page (CSS px). */
const haut = async (l: Locator) => (await l.boundingBox())!.y;

/** Whether `l` is wholly visible in the pane: under the sticky header and above the window's bottom. */
async function enVue(page: Page, l: Locator): Promise<{ haut: number; bas: number; entete: number; fenetre: number }> {
  return l.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return {
      haut: Math.round(r.top),
      bas: Math.round(r.bottom),
      entete: Math.round(document.querySelector("header")!.getBoundingClientRect().bottom),
      fenetre: window.innerHeight,
    };
  });
}

describe("présentation du volet à 350 px, page par page", () => {
  const v = voletDuBloc({ largeur: 350, hauteur: 700 });
  const { page } = v;
  const id = (t: string) => page.getByTestId(t);
  const ouvrir = async (p: string) => {
    await id(TEST_IDS.onglet(p)).click();
    await id(TEST_IDS.page(p)).waitFor();
  };

  it("chaque page, après son action principale, en typographie française, sans identifiant de règle, « (s) » ni date 01/07/2025", async () => {
    const vues: [string, () => Promise<void>][] = [
      ["tableau-de-bord", async () => undefined],
      [
        "structurer",
        async () => {
          await id(TEST_IDS.structurer.analyser).click();
          await id(TEST_IDS.structurer.apercu).waitFor();
        },
      ],
      [
        "controles",
        async () => {
          await id(TEST_IDS.controles.lancer).click();
          await id(TEST_IDS.controles.liste).waitFor();
        },
      ],
      [
        "credit-impot",
        async () => {
          await id("ci-calculer").click();
          await id("ci-credit").waitFor();
        },
      ],
      [
        "financement",
        async () => {
          await id("fin-verifier").click();
          await id("fin-reste").waitFor();
        },
      ],
      [
        "planning",
        async () => {
          await saisirDate(id("planning-livraison"), "2027-03-15");
          await id("planning-recalculer").click();
          await id("planning-etapes").waitFor();
        },
      ],
      [
        "carbone",
        async () => {
          await id("carbone-estimer").click();
          await id("carbone-total").waitFor();
        },
      ],
      [
        "ecarts",
        async () => {
          await id(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
          await id(TEST_IDS.ecarts.chiffres).waitFor({ timeout: 60000 });
        },
      ],
      [
        "versions",
        async () => {
          await id(TEST_IDS.versions.nom).fill("Devis initial");
          await id(TEST_IDS.versions.enregistrer).click();
          await id(TEST_IDS.versions.enregistree).waitFor();
          await id(TEST_IDS.versions.comparer).click();
          await id(TEST_IDS.versions.resultat).waitFor();
        },
      ],
      [
        "sources",
        async () => {
          await id("sources-liste").waitFor();
          await id("sources-table-carbone-facteurs").getByRole("button").first().click();
          await id("sources-periodes-carbone-facteurs").waitFor();
        },
      ],
    ];
    const trouve: string[] = [];
    for (const [p, action] of vues) {
      await ouvrir(p);
      await action();
      trouve.push(...fautes(await texteVisible(page)).map((f) => `${p} : ${f}`));
    }
    expect(trouve).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });

  it("Contrôles : le salaire sous le minimum nomme la grille en français et sa date en lettres", async () => {
    await ouvrir("controles");
    const liste = await texteVisible(page);
    const table = tablesRegles().find((t) => t.id === "idcc2642-minima")!;
    expect(liste).toContain("Salaires minima, production audiovisuelle (IDCC 2642)");
    // The version in force, whichever it is, as « 1er juillet 2025 ».
    expect(table.versions.some((x) => liste.includes(`en vigueur au ${dateEnLettres(x.effetDu)}`))).toBe(true);
    expect(liste).not.toContain("idcc2642-minima");
  });

  it("Carbone : « 3 jours » et « 1 jour » au plan de travail, le pluriel réglé par le nombre", async () => {
    await ouvrir("carbone");
    // The plan de travail's locations come after the first 5 findings: open the whole list first.
    await page.getByTestId("carbone-manquants-voir").click();
    await page.getByTestId("carbone-manquant-12").waitFor();
    const t = await texteVisible(page);
    const jours = [...t.matchAll(/\((\d+)\s(jours?) au plan de travail\)/g)];
    expect(jours.length).toBeGreaterThan(0);
    for (const [, n, mot] of jours) expect(mot).toBe(Number(n) >= 2 ? "jours" : "jour");
    expect(jours.some(([, n]) => Number(n) >= 2)).toBe(true);
  });

  it("Crédit d'impôt : le crédit calculé est en vue sous l'en-tête dès qu'il arrive, sans faire défiler le formulaire", async () => {
    await ouvrir("credit-impot");
    await page.evaluate(() => window.scrollTo(0, 0));
    const calculer = id("ci-calculer");
    // The button at the foot of the window (the form is taller than the window at 350 px since the subsidies field).
    await calculer.evaluate((e) => e.scrollIntoView({ block: "end" }));
    // Before: the result (computed in the first test) comes first, its parameters folded under it: unfolded, the
    // button at the foot of the window leaves the credit above it, under the header.
    await deplierParametres(page, "ci-parametres");
    await calculer.evaluate((e) => e.scrollIntoView({ block: "end" }));
    const avant = await enVue(page, id("ci-credit"));
    expect(avant.haut).toBeLessThan(avant.entete);
    await calculer.click();
    await page.waitForFunction(() => window.scrollY === 0 || window.scrollY < 200);
    await page.waitForTimeout(300);
    const apres = await enVue(page, id("ci-credit"));
    expect(apres.haut).toBeGreaterThanOrEqual(apres.entete);
    expect(apres.bas).toBeLessThanOrEqual(apres.fenetre);
    await ecran(page, "presentation-credit-en-vue.png");
  });

  it("Écarts : le fichier lu décrit en mots, les chiffres clés (budget, réalisé, écarts, chapitres en alerte) avant le tableau", async () => {
    await ouvrir("ecarts");
    await id(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    await id(TEST_IDS.ecarts.chiffres).waitFor({ timeout: 60000 });
    const format = (await id(TEST_IDS.ecarts.format).innerText()).replace(/\s+/g, " ");
    expect(format).toMatch(
      /^\S+ · \d+ Ko Lu comme un FEC : 18 colonnes séparées par des barres « \| », montants en débit et crédit, encodage /,
    );
    expect(format).not.toMatch(/séparateur|utf-8|\b\d{4,}\slignes/);

    const chiffres = id(TEST_IDS.ecarts.chiffres);
    expect(await haut(chiffres)).toBeLessThan(await haut(id(TEST_IDS.ecarts.tableau)));
    const termes = await chiffres.locator("dt").allInnerTexts();
    expect(termes.slice(0, 5)).toEqual(["Budget", "Réalisé", "Écart", "Estimation finale", "Écart estimé"]);
    // The same figures as the table's total row, and its highlighted rows named as the chapters in alert.
    const valeurs = await chiffres.locator("dd").allInnerTexts();
    const lignes = await lignesTableau(id(TEST_IDS.ecarts.tableau));
    const total = lignes.find((l) => l[0].trim() === "Total")!;
    expect(total).toBeDefined();
    for (const v of valeurs.slice(0, 5)) expect([v, total.some((c) => c.includes(v))]).toEqual([v, true]);
    const enAlerte = await id(TEST_IDS.ecarts.tableau)
      .locator("[data-ligne]", { hasText: "dépassement" })
      .allInnerTexts();
    const sp = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
    expect(termes[termes.length - 1]).toBe(enAlerte.length > 1 ? "Chapitres en alerte" : "Chapitre en alerte");
    const alerte = sp(valeurs[valeurs.length - 1]);
    if (enAlerte.length === 0) expect(alerte).toBe(`aucun sur ${lignes.length - 1} chapitres`);
    else {
      // « 7 Moyens techniques (+1 100,00 €), … »: one name per highlighted row, each that row's chapter.
      const noms = alerte.split(/\), /).map((n) => n.replace(/ \([^(]*\)?$/, ""));
      expect(noms).toHaveLength(enAlerte.length);
      for (const [i, nom] of noms.entries()) expect(sp(enAlerte[i])).toContain(nom);
    }
    expect(fautes(await texteVisible(page))).toEqual([]);
  });

  it("Planning : le bouton des quantités dit ce qu'il appliquera, « Aucun changement coché » tant que rien n'est coché", async () => {
    await ouvrir("planning");
    const appliquer = id("planning-appliquer");
    expect(await appliquer.innerText()).toBe("Aucun changement coché");
    expect(await appliquer.isDisabled()).toBe(true);
    const cases = id("planning-propositions").getByRole("checkbox");
    await cases.first().check();
    expect(await appliquer.innerText()).toBe("Appliquer 1\u00a0changement");
    await cases.nth(1).check();
    expect(await appliquer.innerText()).toBe("Appliquer 2\u00a0changements");
    await cases.nth(1).uncheck();
    await cases.first().uncheck();
    expect(await page.getByText("Jour de la feuille de service (facultatif)").count()).toBe(1);
  });

  it("Planning : les constats du temps de travail comptés dans les chiffres sont sur la page, chacun mène à sa cellule", async () => {
    await ouvrir("planning");
    const resume = (await id("planning-temps-de-travail").innerText()).replace(/\s+/g, " ");
    const [, erreurs, total] = /^(\d+) erreurs? sur (\d+) constats?$/.exec(resume)!;
    const constats = page.locator('[data-testid^="planning-constat-"]');
    expect(await constats.count()).toBe(Number(total));
    expect(await id("planning-constats").innerText()).toMatch(Number(erreurs) > 0 ? /^Erreurs/ : /^(?!Erreurs)/);
    // A finding with a cell is a button that selects it.
    // Its infobulle (accessible description) says which: « Aller à Planning!B12 ».
    const lien = page.locator('button[data-testid^="planning-constat-"][aria-describedby]').first();
    const description = page.locator(`[id="${await lien.getAttribute("aria-describedby")}"]`);
    const cellule = (await description.textContent())!.replace(/^Aller à\s/, "");
    await lien.click();
    expect(await selectionApres(page, cellule)).toBe(cellule);
  });

  it("Sources : chaque barème sous le nom que lui donne tout le volet, entier et unique", async () => {
    await ouvrir("sources");
    await id("sources-liste").waitFor();
    const titres = await page
      .locator('[data-testid^="sources-table-"]')
      .evaluateAll((ts) =>
        ts.map((t) => [
          (t.getAttribute("data-testid") ?? "").slice("sources-table-".length),
          (t.querySelector("button span span") as HTMLElement | null)?.innerText ?? "",
        ]),
      );
    expect(titres.length).toBe(tablesRegles().length);
    for (const [table, titre] of titres) expect(titre).toBe(espacesInsecables(nomTable(table) ?? ""));
    expect(new Set(titres.map(([, t]) => t)).size).toBe(titres.length);
  });

  it("une erreur s'affiche entière à l'endroit de l'action, même en bas d'un long formulaire", async () => {
    await ouvrir("credit-impot");
    await deplierParametres(page, "ci-parametres");
    await id("ci-duree").fill("");
    await page.evaluate(() => window.scrollTo(0, 0));
    await id("ci-calculer").click();
    const erreur = id(TEST_IDS.retour("ci-calculer")).getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    await page.waitForTimeout(500);
    const r = await enVue(page, erreur);
    expect(r.haut).toBeGreaterThanOrEqual(r.entete);
    expect(r.bas).toBeLessThanOrEqual(r.fenetre);
  });
});
