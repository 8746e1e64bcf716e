import type { Page } from "playwright-core";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ACTIONS, SANS_DEVIS_ACTIONS, dansPage, deplierParametres, pages } from "./actionsPages";
import { problemes } from "./problemesVolet";
import {
  classeurDe,
  classeurProduction,
  ecran,
  debordements,
  feuillesDe,
  motsCoupes,
  productionSansCreditAuPlan,
  surveillerDebordements,
  voletDuBloc,
} from "./volet";

/**
 * The pane at Excel's narrow widths: at 320 px (and 500 px) no page scrolls sideways nor breaks a word over two lines,
 * before and after its main action and in its error state. Every page of PAGES is visited; the known ones run their main action.
 */
/**
 * Overflows found, by step, and words broken over two lines (a column too narrow for them): the test reports them all
 * at the end rather than the first one.
 */
async function verifier(page: Page, etape: string, problemes: string[]): Promise<void> {
  for (const d of await debordements(page)) problemes.push(`${etape} — ${d}`);
  for (const d of await motsCoupes(page)) problemes.push(`${etape} — mot coupé ${d}`);
}

describe.each([320, 500])("volet à %i px : rien ne défile horizontalement", (largeur) => {
  const v = voletDuBloc({ largeur });
  const { page } = v;

  it("chaque page : à l'ouverture, après son action principale, en erreur", async () => {
    const ids = await pages(page);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(ACTIONS)));
    const problemes: string[] = [];
    const surveillance = await surveillerDebordements(page, largeur);
    // Pages checked: those whose main action is known here (pages added since are to be listed in ACTIONS).
    for (const id of ids.filter((i) => i in ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      const verif = (etape: string) => verifier(page, `${id} ${etape}`, problemes);
      await verif("ouverture");
      await ACTIONS[id]?.(page, verif);
      if (largeur === 320) await ecran(page, `largeur-320-${id}.png`);
    }
    // Back on each page, results kept: a page hidden then shown again is laid out for the pane's width at once (it
    // measured 0 while hidden, and its tables were drawn as tables for one frame before becoming cards).
    for (const id of ids.filter((i) => i in ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      await verifier(page, `${id} retour`, problemes);
    }
    expect(problemes).toEqual([]);
    // Nor for one frame in between (a component first laid out on one line, then measured and wrapped).
    expect(await surveillance.vus()).toEqual([]);
  });

  it("le bandeau de production ouvert tient dans la largeur", async () => {
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.formulaire).waitFor();
    const problemes: string[] = [];
    await verifier(page, "bandeau ouvert", problemes);
    expect(problemes).toEqual([]);
    await page.getByTestId(TEST_IDS.production.modifier).click();
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * The production's financing settings at Excel's narrowest pane, states the pages' main actions do not reach: on the
 * documentary whose plan lacks its crédit d'impôt, the credit added with subsidies (their field and hint, the plan's
 * result with the credit computed, its findings and « Détails et sources »), subsidies refused under their field and in
 * the dashboard's blocks, a typed cost below the plan (excédent); on a cinema production, « premier ou deuxième film »
 * and the credit's language, the plan checked, the Crédit d'impôt page in the cinema regime. At each state nothing
 * scrolls sideways nor breaks a word, nothing is in a programmer's French, clickable without the keyboard or told by
 * colour alone (problemesVolet.ts).
 */
describe("volet à 320 px : les réglages de financement de la production", () => {
  const trouves: string[] = [];
  const ouvrir = async (page: Page, id: string) => {
    await page.getByTestId(TEST_IDS.onglet(id)).click();
    await page.getByTestId(TEST_IDS.page(id)).waitFor();
  };
  /** The dashboard read again for the context as it is now (its « Actualiser » announced). */
  const tableauRelu = async (page: Page) => {
    await ouvrir(page, "tableau-de-bord");
    await page.getByTestId(IDS_TABLEAU_DE_BORD.actualiser).click();
    await page.getByTestId(TEST_IDS.retour("tdb-actualiser")).getByText("Tableau de bord à jour.").waitFor();
  };

  describe("documentaire, plan sans crédit d'impôt", () => {
    const v = voletDuBloc({
      classeur: async () =>
        classeurDe(await productionSansCreditAuPlan(), {
          genre: "documentaire",
          duree: "52",
          regime: "audiovisuel",
          annee: "2026",
        }),
      largeur: 320,
    });
    const { page } = v;

    it("crédit ajouté et subventions, subventions refusées, coût sous le plan", async () => {
      const surveillance = await surveillerDebordements(page, 320);
      const verif = async (etape: string) => trouves.push(...(await problemes(page, etape)));
      await page.getByTestId(IDS_TABLEAU_DE_BORD.bloc("financement")).waitFor();
      await ouvrir(page, "financement");
      await page.getByTestId("fin-credit-impot").check();
      await page.getByTestId("fin-subventions").fill("30 000");
      await verif("financement, crédit coché");
      await page.getByTestId("fin-verifier").click();
      await page.getByTestId("fin-reste").waitFor();
      // The credit computed is in the plan: said among its findings.
      expect(await page.getByTestId(TEST_IDS.page("financement")).innerText()).toContain("Crédit d'impôt calculé");
      await page
        .getByTestId("fin-details")
        .getByRole("button", { name: /Détails et sources/ })
        .click();
      await page.getByTestId("fin-details").getByRole("link").first().waitFor();
      await verif("financement, crédit ajouté au plan");
      await tableauRelu(page);
      await verif("tableau de bord, crédit ajouté au plan");

      // Subsidies that cannot be read: under their field, and in the dashboard's blocks that use them.
      await ouvrir(page, "financement");
      await deplierParametres(page, "fin-parametres");
      await page.getByTestId("fin-subventions").fill("-5");
      await page.getByTestId("fin-verifier").click();
      await page.locator('[data-testid="fin-subventions"][aria-invalid="true"]').waitFor();
      await verif("financement, subventions refusées");
      await tableauRelu(page);
      await page.getByTestId(IDS_TABLEAU_DE_BORD.probleme("credit-impot")).waitFor();
      await verif("tableau de bord, subventions refusées");

      // A cost below the plan: an excédent, on the page and the dashboard.
      await ouvrir(page, "financement");
      await page.getByTestId("fin-subventions").fill("");
      await page.getByTestId("fin-credit-impot").uncheck();
      await page.getByTestId("fin-cout").fill("50 000");
      await page.getByTestId("fin-verifier").click();
      await page.getByTestId("fin-resultat").getByText("Excédent de financement", { exact: true }).waitFor();
      await verif("financement, excédent");
      await tableauRelu(page);
      await verif("tableau de bord, excédent");
      expect(trouves).toEqual([]);
      expect(await surveillance.vus()).toEqual([]);
      expect(v.erreursPage).toEqual([]);
    });
  });

  describe("cinéma, premier film", () => {
    const v = voletDuBloc({
      classeur: async () =>
        classeurDe(await feuillesDe(["tests/fixtures/financement/cinema.xlsx"]), {
          genre: "fiction",
          regime: "cinema",
          oeuvre: "cinema",
          annee: "2026",
        }),
      largeur: 320,
    });
    const { page } = v;

    it("premier film et langue de l'œuvre, plan vérifié, crédit d'impôt cinéma", async () => {
      const surveillance = await surveillerDebordements(page, 320);
      const verif = async (etape: string) => trouves.push(...(await problemes(page, etape)));
      await page.getByTestId(IDS_TABLEAU_DE_BORD.bloc("financement")).waitFor();
      await verif("tableau de bord, cinéma");
      await ouvrir(page, "financement");
      await page.getByTestId("fin-premier-film").check();
      await page.getByTestId("fin-credit-impot").check();
      await page.getByTestId("fin-langue").waitFor();
      await verif("financement, premier film, langue");
      await page.getByTestId("fin-verifier").click();
      await page.getByTestId("fin-reste").waitFor();
      await verif("financement cinéma, résultat");
      await ouvrir(page, "credit-impot");
      await page.getByTestId("ci-calculer").click();
      await page.getByTestId("ci-resultat").waitFor();
      await verif("crédit d'impôt cinéma, résultat");
      expect(trouves).toEqual([]);
      expect(await surveillance.vus()).toEqual([]);
      expect(v.erreursPage).toEqual([]);
    });
  });
});

/**
 * A workbook without a devis nor plan: one sheet of notes whose name (31 characters, Excel's longest) has no space
 * to break at, so the messages that name the sheets read have a long word to fit.
 */
const FEUILLE_NOTES = "Notes_preparation_tournage_2026";
const SANS_DEVIS = {
  sheets: { [FEUILLE_NOTES]: [["Repérages à Brest, semaine 12"], ["Contacts", "Régie"]] },
  active: FEUILLE_NOTES,
};

describe.each([320, 500])("volet à %i px, classeur sans devis : les refus tiennent dans la largeur", (largeur) => {
  const v = voletDuBloc({ classeur: () => SANS_DEVIS, largeur });
  const { page } = v;

  it("le tableau de bord, puis chaque page qui lit le devis : action refusée en français, sans défilement horizontal", async () => {
    const problemes: string[] = [];
    const messages: string[] = [];
    const surveillance = await surveillerDebordements(page, largeur);
    // The first page: each block says what is missing and what to do.
    await page.getByTestId(IDS_TABLEAU_DE_BORD.bloc("planning")).waitFor();
    await verifier(page, "tableau-de-bord sans devis", problemes);
    for (const [id, action] of Object.entries(SANS_DEVIS_ACTIONS)) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      await action(page);
      const erreur = dansPage(page, id, TEST_IDS.erreur);
      await erreur.waitFor();
      messages.push(`${id} : ${await erreur.innerText()}`);
      await verifier(page, `${id} refus`, problemes);
      if (largeur === 320) await ecran(page, `largeur-320-sans-devis-${id}.png`);
    }
    // Each refusal says in French what was looked for and not found; the devis ones name the sheet read.
    expect(messages).toEqual(
      Object.keys(SANS_DEVIS_ACTIONS).map((id) => expect.stringMatching(`^${id} : Erreur\\s*Aucune? `)),
    );
    expect(messages.filter((m) => m.includes(`«\u00a0${FEUILLE_NOTES}\u00a0»`)).length).toBeGreaterThanOrEqual(5);
    expect(problemes).toEqual([]);
    expect(await surveillance.vus()).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * The sticky header (tabs, production line) at Excel's narrowest pane: one row of tabs that scrolls sideways, the
 * production summary on two lines at most, so that it takes no more than 90 px of a small pane (it took 185 px with
 * the tabs on four rows). Every tab keeps its label, and is reached with the arrows at the row's ends or the keyboard.
 */
const CONTEXTE_LONG = {
  genre: "documentaire",
  duree: "52",
  regime: "audiovisuel",
  annee: "2026",
  fec: { nom: "123456789FEC20500930.txt", octets: 1_250_000, encodage: "utf-8", lignes: 11_000 },
};

/** Where each tab is, and where the visible part of the tab row is (the arrows' width off each end shown). */
async function rangeeOnglets(page: Page) {
  return page.evaluate(() => {
    const rangee = document.querySelector("[data-defilement-horizontal]")!;
    const r = rangee.getBoundingClientRect();
    const tabs = Array.from(rangee.querySelectorAll('[role="tab"]')).map((t) => {
      const b = t.getBoundingClientRect();
      return {
        id: t.getAttribute("data-testid"),
        texte: (t as HTMLElement).innerText.trim(),
        haut: b.top,
        gauche: b.left,
        droite: b.right,
      };
    });
    // The arrows shown over the row's ends (their left and right edges).
    const fleches = Array.from(document.querySelectorAll('[data-testid^="onglets-"]')).map((f) => {
      const b = f.getBoundingClientRect();
      return { gauche: b.left, droite: b.right };
    });
    return { gauche: r.left, droite: r.right, tabs, fleches };
  });
}

describe("volet à 320 × 480 px (un volet bas) : le formulaire de production ouvert ne cache pas la page", () => {
  const v = voletDuBloc({ largeur: 320, hauteur: 480 });
  const { page } = v;

  it("avec Tab, chaque champ du formulaire puis de la page jusqu'à « Analyser » est en vue ; Entrée analyse", async () => {
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    await page.getByTestId(TEST_IDS.production.modifier).click();
    const formulaire = page.getByTestId(TEST_IDS.production.formulaire);
    await formulaire.waitFor();
    // The form is taller than half the pane: a header held at the top would cover the page under it.
    expect(await formulaire.evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(240);
    const horsDeVue: string[] = [];
    let atteint = false;
    await page.getByTestId(TEST_IDS.production.modifier).focus();
    for (let i = 0; i < 40 && !atteint; i++) {
      await page.keyboard.press("Tab");
      const r = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const b = e.getBoundingClientRect();
        const h = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        const vu = !!h && (e.contains(h) || h.contains(e));
        return {
          id: e.getAttribute("data-testid"),
          cache: vu ? "" : `${e.getAttribute("aria-label") ?? e.tagName} (${b.top} px)`,
        };
      });
      if (r.cache) horsDeVue.push(r.cache);
      atteint = r.id === TEST_IDS.structurer.analyser;
    }
    expect(atteint).toBe(true);
    expect(horsDeVue).toEqual([]);
    await page.keyboard.press("Enter");
    await page.getByTestId(TEST_IDS.structurer.apercu).waitFor();
    // Closed again, the header (tabs and production line) is held at the top of the pane as before.
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.evaluate(() => window.scrollTo(0, 200));
    expect(await page.locator("header").evaluate((e) => e.getBoundingClientRect().top)).toBe(0);
    expect(v.erreursPage).toEqual([]);
  });
});

describe("volet à 320 et 350 px : le formulaire de production montre chaque choix en entier", () => {
  const v = voletDuBloc({ largeur: 320 });
  const { page } = v;

  it("chaque liste du formulaire, quelle que soit l'option choisie, l'affiche sans la couper (« Documenta… »)", async () => {
    await page.getByTestId(TEST_IDS.production.modifier).click();
    const formulaire = page.getByTestId(TEST_IDS.production.formulaire);
    await formulaire.waitFor();
    const coupes: string[] = [];
    for (const largeur of [320, 350]) {
      await page.setViewportSize({ width: largeur, height: 900 });
      coupes.push(
        ...(await formulaire.locator("select").evaluateAll((selects, l) => {
          // The text a closed select draws (its option), measured in its own font, against the room left by its
          // padding and chevron.
          const contexte = document.createElement("canvas").getContext("2d")!;
          return selects.flatMap((s) => {
            const st = getComputedStyle(s as HTMLSelectElement);
            contexte.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
            const place = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
            return Array.from((s as HTMLSelectElement).options)
              .filter((o) => contexte.measureText(o.text).width > place + 0.5)
              .map((o) => `${l} px : ${s.getAttribute("data-testid")} « ${o.text} » (${Math.round(place)} px)`);
          });
        }, largeur)),
      );
    }
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByTestId(TEST_IDS.production.modifier).click();
    expect(coupes).toEqual([]);
  });
});

describe("volet à 320 px : l'en-tête reste compact", () => {
  const v = voletDuBloc({
    classeur: async () => ({
      ...(await classeurProduction()),
      reglages: { "prodbook.production": JSON.stringify(CONTEXTE_LONG) },
    }),
    largeur: 320,
  });
  const { page } = v;

  it("onglets sur une rangée, production sur deux lignes au plus : 90 px au plus", async () => {
    await page.getByTestId(TEST_IDS.production.resume).filter({ hasText: "FEC" }).waitFor();
    const resume = await page.getByTestId(TEST_IDS.production.resume).innerText();
    // The whole summary is there (for screen readers and the tests), only its third line is not drawn.
    expect(resume).toContain("Documentaire · 52\u00a0min · Audiovisuel · 2026 · FEC 123456789FEC20500930.txt");
    const hauteur = await page.locator("header").evaluate((e) => e.getBoundingClientRect().height);
    expect(hauteur).toBeLessThanOrEqual(90);
    const { tabs, droite } = await rangeeOnglets(page);
    expect(tabs.length).toBeGreaterThanOrEqual(10);
    // One row, every tab with its label written out; the row goes on past the pane's edge.
    expect(new Set(tabs.map((t) => Math.round(t.haut))).size).toBe(1);
    for (const t of tabs) expect(t.texte.length).toBeGreaterThan(3);
    expect(tabs[tabs.length - 1].droite).toBeGreaterThan(droite);
    expect(await page.getByTestId(TEST_IDS.ongletsPrecedents).count()).toBe(0);
    await ecran(page, "entete-320.png");

    // « Modifier » opens the form; closed again, the header is as small as before.
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.formulaire).waitFor();
    await page.getByTestId(TEST_IDS.production.modifier).click();
    expect(await page.locator("header").evaluate((e) => e.getBoundingClientRect().height)).toBeLessThanOrEqual(90);
    expect(await debordements(page)).toEqual([]);
  });

  it("la ligne de production coupée à deux lignes montre son texte entier en infobulle au survol", async () => {
    const resume = page.getByTestId(TEST_IDS.production.resume);
    await resume.filter({ hasText: "FEC" }).waitFor();
    const texte = await resume.innerText();
    // Clamped: its text is taller than the two lines drawn.
    expect(await resume.evaluate((e) => e.scrollHeight > e.clientHeight + 1)).toBe(true);
    const infobulle = page.getByRole("tooltip");
    // Fluent's Tooltip comes in its own chunk, fetched once the pane is drawn: a hover before it arrived shows nothing,
    // so the pointer leaves and comes back until the chunk is there (a few tries at most).
    for (let i = 0; i < 20 && (await infobulle.count()) === 0; i++) {
      await page.mouse.move(0, 600);
      await resume.hover();
      await page.waitForTimeout(400);
    }
    await infobulle.waitFor();
    expect(((await infobulle.textContent()) ?? "").trim()).toBe(texte.replace(/\s*\n\s*/g, " ").trim());
    expect(await infobulle.textContent()).toContain("FEC 123456789FEC20500930.txt");
    // Not the only way: « Modifier », reached with the keyboard, shows every value.
    await page.mouse.move(0, 600);
    await infobulle.waitFor({ state: "detached" });
  });

  it("l'onglet ouvert vient en vue : le dernier, puis le premier (la rangée défilée à l'autre bout)", async () => {
    const enVue = async (id: string) => {
      const r = await rangeeOnglets(page);
      const t = r.tabs.find((x) => x.id === TEST_IDS.onglet(id))!;
      return t.gauche >= r.gauche - 1 && t.droite <= r.droite + 1
        ? "en vue"
        : `${t.gauche}–${t.droite} hors de ${r.gauche}–${r.droite}`;
    };
    const ids = (await rangeeOnglets(page)).tabs.map((t) => t.id!.replace(TEST_IDS.onglet(""), ""));
    for (const id of [ids[ids.length - 1], ids[0], ids[ids.length - 1]]) {
      await page.getByTestId(TEST_IDS.onglet(id)).click();
      await page.getByTestId(TEST_IDS.page(id)).waitFor();
      await page.waitForTimeout(300);
      expect(`${id} ${await enVue(id)}`).toBe(`${id} en vue`);
    }
    await page.getByTestId(TEST_IDS.onglet(ids[0])).click();
  });

  it("la flèche « Onglets suivants » amène les derniers onglets en vue, la flèche « précédents » revient", async () => {
    const derniere = async () => {
      const r = await rangeeOnglets(page);
      return { ...r, t: r.tabs[r.tabs.length - 1] };
    };
    for (let i = 0; i < 10 && (await page.getByTestId(TEST_IDS.ongletsSuivants).count()) > 0; i++) {
      await page.getByTestId(TEST_IDS.ongletsSuivants).click();
      await page.waitForTimeout(400);
    }
    expect(await page.getByTestId(TEST_IDS.ongletsSuivants).count()).toBe(0);
    const fin = await derniere();
    expect(fin.t.droite).toBeLessThanOrEqual(fin.droite + 1);
    await page.getByTestId(TEST_IDS.ongletsPrecedents).waitFor();
    await page.getByTestId(TEST_IDS.onglet("sources")).click();
    await page.getByTestId(TEST_IDS.page("sources")).waitFor();
    for (let i = 0; i < 10 && (await page.getByTestId(TEST_IDS.ongletsPrecedents).count()) > 0; i++) {
      await page.getByTestId(TEST_IDS.ongletsPrecedents).click();
      await page.waitForTimeout(400);
    }
    const debut = await rangeeOnglets(page);
    expect(debut.tabs[0].gauche).toBeGreaterThanOrEqual(debut.gauche - 1);
  });

  it("au clavier, ← → parcourent les onglets et chacun vient en vue, hors des flèches", async () => {
    await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
    await page.getByTestId(TEST_IDS.page("tableau-de-bord")).waitFor();
    const ids = (await rangeeOnglets(page)).tabs.map((t) => t.id);
    const horsVue: string[] = [];
    const verifierFocus = async () => {
      // The row scrolls at once; its scroll event, and the arrows it shows or hides, follow a frame or two later.
      await page.waitForFunction(
        ([precedents, suivants]) => {
          const c = document.querySelector("[data-defilement-horizontal]")!;
          const avant = c.scrollLeft > 1;
          const apres = c.scrollLeft + c.clientWidth < c.scrollWidth - 1;
          const vue = (id: string) => document.querySelector(`[data-testid="${id}"]`) !== null;
          return vue(precedents) === avant && vue(suivants) === apres;
        },
        [TEST_IDS.ongletsPrecedents, TEST_IDS.ongletsSuivants],
      );
      const r = await rangeeOnglets(page);
      const id = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
      const t = r.tabs.find((x) => x.id === id);
      // Wholly in the row's visible part, under none of the arrows.
      const couvert = !t || r.fleches.some((f) => f.gauche < t.droite - 1 && f.droite > t.gauche + 1);
      if (!t || couvert || t.gauche < r.gauche - 1 || t.droite > r.droite + 1)
        horsVue.push(
          `${id} : ${t?.gauche}–${t?.droite} dans ${r.gauche}–${r.droite}, flèches ${JSON.stringify(r.fleches)}`,
        );
      return id;
    };
    for (let i = 1; i < ids.length; i++) {
      await page.keyboard.press("ArrowRight");
      expect(await verifierFocus()).toBe(ids[i]);
    }
    await page.keyboard.press("Enter");
    await page.getByTestId(TEST_IDS.page(ids.at(-1)!.replace(/^onglet-/, ""))).waitFor();
    for (let i = ids.length - 2; i >= 0; i--) {
      await page.keyboard.press("ArrowLeft");
      expect(await verifierFocus()).toBe(ids[i]);
    }
    expect(horsVue).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});
