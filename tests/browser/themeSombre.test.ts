import type { Page } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ACTIONS, pages } from "./actionsPages";
import { indicateurFocus, textesIlisibles } from "./contraste";
import { couleurSeule, temoinsCouleur } from "./couleurs";
import { POPUPS, fautesDuPopup, type Theme } from "./popups";
import { ecran, classeurProduction, voletDuBloc } from "./volet";

/**
 * The pane in Excel's dark theme (« Noir »), as Office.context.officeTheme reports it, at 320 px: every page, at
 * its opening, after its main action and in its error state, keeps every text readable — 4.5:1 against what is
 * behind it (3:1 for large text), no dark text left on a dark background — and tells no state by colour alone
 * (couleurs.ts: the dark theme's status colours are other hues, its brand colours other blues).
 */
const NOIR = {
  isDarkTheme: true,
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#333333",
  controlForegroundColor: "#FFFFFF",
};

/**
 * The faults of every page's states (each named « page état — ratio : texte … », or « page état — couleur seule : … »
 * in the dark theme: the light one is scanned for colour by balayage.test.ts), then of what each page opens (lists,
 * calendars, dialogs, trees: popups.ts), in `theme`; `ouverts` lists the popups measured.
 */
async function fautesDesPages(page: Page, theme: Theme, ouverts: string[], ecrans?: string): Promise<string[]> {
  const fautes: string[] = [];
  const verif = async (etape: string) => {
    for (const f of await textesIlisibles(page)) fautes.push(`${etape} — ${f}`);
    if (theme === "sombre") for (const f of await couleurSeule(page)) fautes.push(`${etape} — ${f}`);
  };
  const ids = await pages(page);
  expect(ids).toEqual(expect.arrayContaining(Object.keys(ACTIONS)));
  for (const id of ids) {
    await page.getByTestId(TEST_IDS.onglet(id)).click();
    await page.getByTestId(TEST_IDS.page(id)).waitFor();
    await verif(`${id} ouverture`);
    await ACTIONS[id]?.(page, (etape) => verif(`${id} ${etape}`));
    await POPUPS[id]?.(page, async (etape, surface, o) => {
      ouverts.push(`${id} ${etape}`);
      fautes.push(...(await fautesDuPopup(page, theme, `${id} ${etape}`, surface, o)));
      // The page under the popup, and the popup among it.
      await verif(`${id} ${etape}`);
    });
    if (ecrans) await ecran(page, `${ecrans}-${id}.png`);
  }
  // The production line's form, opened over the pages.
  await page.getByTestId(TEST_IDS.production.modifier).click();
  await page.getByTestId(TEST_IDS.production.formulaire).waitFor();
  await verif("bandeau de production ouvert");
  return fautes;
}

/**
 * Every control of every page reached with Tab (from the page's tab to the end of the page; the production line above
 * the pages with the first page) whose focus indicator is under 3:1, « page — control : ratio (indicator) »;
 * `atteints` counts the controls measured on each page.
 */
async function focusPeuVisibles(page: Page, atteints: Record<string, number>): Promise<string[]> {
  const fautes: string[] = [];
  const ids = await pages(page);
  const premiere = ids[0];
  // Focus rings measured in their end state at once: without transitions, each control's focus-blur-focus round trip
  // does not wait for three fades (the measure compares computed styles, which a transition only delays).
  const sansTransitions = await page.addStyleTag({
    content: "*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; }",
  });
  for (const id of ids) {
    await page.getByTestId(TEST_IDS.onglet(id)).click();
    await page.getByTestId(TEST_IDS.page(id)).waitFor();
    await page.getByTestId(TEST_IDS.onglet(id)).focus();
    atteints[id] = 0;
    let entre = false;
    const vus = new Set<string>();
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press("Tab");
      // The production line above the pages is measured with the first page only.
      const ou = await page.evaluate(
        (p) =>
          document.activeElement?.closest(`[data-testid="${p}"]`)
            ? "page"
            : document.activeElement?.getAttribute("role"),
        TEST_IDS.page(id),
      );
      if (ou === "tab") break;
      if (ou === "page") entre = true;
      else if (entre) break;
      else if (id !== premiere) continue;
      const f = await indicateurFocus(page);
      if (!f || f.onglet || vus.has(f.nom)) break;
      vus.add(f.nom);
      atteints[id]++;
      if (f.ratio < 3) fautes.push(`${id} — ${f.nom} : ${f.ratio.toFixed(2)} (${f.detail})`);
    }
  }
  await sansTransitions.evaluate((e) => (e as Element).remove());
  return fautes;
}

/** Every popup measured, in each theme, in page order: none skipped. */
const POPUPS_ATTENDUS = [
  "tableau-de-bord « Détails et sources » déplié",
  "tableau-de-bord infobulle d'une source survolée",
  "structurer « D'où vient ce chiffre ? » ouvert",
  "structurer « D'où vient ce chiffre ? », nœud survolé",
  "controles infobulle « Aller à… » d'un constat",
  "credit-impot « D'où vient ce chiffre ? » ouvert",
  "credit-impot « D'où vient ce chiffre ? », nœud survolé",
  "financement « D'où vient ce chiffre ? » ouvert",
  "financement « D'où vient ce chiffre ? », nœud survolé",
  "planning calendrier ouvert",
  "planning calendrier, jour survolé",
  "planning calendrier, choix du mois",
  "ecarts liste « Affecter à… » ouverte",
  "ecarts liste « Affecter à… », option survolée",
  "ecarts liste « Affecter à… », option active au clavier",
  "ecarts « D'où vient ce chiffre ? » ouvert",
  "ecarts « D'où vient ce chiffre ? », nœud survolé",
  "versions dialogue « Remplacer la version ? »",
  "versions dialogue « Remplacer la version ? », bouton survolé",
  "sources calendrier ouvert",
  "sources calendrier, jour survolé",
  "sources calendrier, choix du mois",
];

/** Excel's « Blanc » theme, as a host without isDarkTheme gives it. */
const BLANC = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
};

/** The fake Excel's way to change Office's theme (tests/helpers/fake-excel.js). */
type Changeur = { __changerThemeOffice(t: object): number };

describe("thème sombre d'Office : chaque page lisible (contraste ≥ 4,5:1)", () => {
  const { page } = voletDuBloc({
    classeur: async () => ({ ...(await classeurProduction()), theme: NOIR }),
    largeur: 320,
  });

  it("le volet suit le thème : fond sombre jusqu'en bas de la fenêtre, contrôles natifs sombres", async () => {
    expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe("sombre");
    // Below a short page, the pane is the body: dark too, and native parts (scrollbars, lists) drawn dark.
    const [corps, schema] = await page.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.documentElement).colorScheme,
    ]);
    const [r, g, b, a = 1] = (corps.match(/[\d.]+/g) ?? []).map(Number);
    expect(a).toBe(1);
    expect((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255).toBeLessThan(0.3);
    expect(schema).toBe("dark");
  });

  it("la mesure voit un texte sombre posé sur le fond sombre (ici celui de la page, hors des composants)", async () => {
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "temoin-contraste";
      p.textContent = "Texte témoin gris foncé";
      p.style.color = "#424242";
      document.getElementById("container")?.prepend(p);
    });
    const fautes = await textesIlisibles(page);
    await page.evaluate(() => document.getElementById("temoin-contraste")?.remove());
    expect(fautes).toEqual([expect.stringMatching(/^1\.\d\d : « Texte témoin gris foncé »/)]);
  });

  it("la mesure des popups voit une surface transparente, une surface claire, un texte pâle dans un popup", async () => {
    // Drawn beside the pane's root as Fluent's portals are: one without a background, one light with a pale text.
    await page.evaluate(() => {
      for (const [id, style] of [
        ["temoin-transparent", "color: #ffffff"],
        ["temoin-clair", "background: #ffffff; color: #a0a0a0"],
      ]) {
        const d = document.createElement("div");
        d.id = id;
        d.setAttribute("style", style);
        d.textContent = "Option témoin";
        document.body.append(d);
      }
    });
    const transparent = await fautesDuPopup(page, "sombre", "témoin", "#temoin-transparent");
    const clair = await fautesDuPopup(page, "sombre", "témoin", "#temoin-clair");
    await page.evaluate(() => document.querySelectorAll("[id^=temoin-]").forEach((e) => e.remove()));
    expect(transparent).toEqual(["témoin — fond du popup transparent (rgba(0, 0, 0, 0))"]);
    expect(clair).toEqual([
      expect.stringMatching(/^témoin — 2\.\d\d : « Option témoin »/),
      "témoin — fond clair en thème sombre (rgb(255, 255, 255))",
    ]);
  });

  it("la mesure « couleur seule » voit en thème sombre un montant rouge seul, une ligne teintée seule, pas la marque", async () => {
    // Fluent's dark status colours (colorPaletteRedForeground1, colorPaletteRedBackground2) and its brand colours.
    await temoinsCouleur(page, { texte: "rgb(220, 98, 109)", fond: "rgb(110, 15, 21)", marque: true });
  });

  it("chaque page : à l'ouverture, après son action principale, en erreur, et chacun de ses popups ouvert", async () => {
    const ouverts: string[] = [];
    expect(await fautesDesPages(page, "sombre", ouverts, "sombre-320")).toEqual([]);
    expect(ouverts).toEqual(POPUPS_ATTENDUS);
  });

  it("chaque contrôle atteint avec Tab montre son focus à 3:1 au moins", async () => {
    const atteints: Record<string, number> = {};
    expect(await focusPeuVisibles(page, atteints)).toEqual([]);
    console.log(`contrôles atteints avec Tab (sombre) : ${JSON.stringify(atteints)}`);
    for (const n of Object.values(atteints)) expect(n).toBeGreaterThan(0);
  });
});

describe("thème clair (Office sans thème) : la même mesure, chaque page lisible", () => {
  const { page } = voletDuBloc({ largeur: 320 });

  it("chaque page : à l'ouverture, après son action principale, en erreur, et chacun de ses popups ouvert", async () => {
    expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe("clair");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("light");
    const ouverts: string[] = [];
    expect(await fautesDesPages(page, "clair", ouverts)).toEqual([]);
    expect(ouverts).toEqual(POPUPS_ATTENDUS);
  });

  it("chaque contrôle atteint avec Tab montre son focus à 3:1 au moins", async () => {
    const atteints: Record<string, number> = {};
    expect(await focusPeuVisibles(page, atteints)).toEqual([]);
    console.log(`contrôles atteints avec Tab (clair) : ${JSON.stringify(atteints)}`);
    for (const n of Object.values(atteints)) expect(n).toBeGreaterThan(0);
  });
});

describe("changement de thème d'Office pendant que le volet est ouvert", () => {
  const { page } = voletDuBloc({ largeur: 320 });

  it("passer Office en « Noir » assombrit le volet ouvert, et le revenir en clair l'éclaircit, la page restant lisible", async () => {
    await page.getByTestId(TEST_IDS.onglet("controles")).click();
    await page.getByTestId(TEST_IDS.controles.lancer).click();
    await page.getByTestId(TEST_IDS.controles.liste).waitFor();
    const theme = () => page.locator("[data-theme]").first().getAttribute("data-theme");
    expect(await theme()).toBe("clair");
    expect(await couleurSeule(page)).toEqual([]);
    // The pane registered for Office's theme changes once.
    expect(await page.evaluate((t) => (window as unknown as Changeur).__changerThemeOffice(t), NOIR)).toBe(1);
    await page.locator('[data-theme="sombre"]').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
    expect(await textesIlisibles(page)).toEqual([]);
    // Nothing told by colour alone in the dark theme now, its own brand colours read afresh (not the light theme's).
    expect(await couleurSeule(page)).toEqual([]);
    // Fluent's dark status colours (colorPaletteRedForeground1, colorPaletteRedBackground2) and its brand colours.
    await temoinsCouleur(page, { texte: "rgb(220, 98, 109)", fond: "rgb(110, 15, 21)", marque: true });
    await page.evaluate((t) => (window as unknown as Changeur).__changerThemeOffice(t), BLANC);
    await page.locator('[data-theme="clair"]').waitFor();
    expect(await theme()).toBe("clair");
    expect(await textesIlisibles(page)).toEqual([]);
  });
});
