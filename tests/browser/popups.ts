import type { Locator, Page } from "playwright-core";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { IDS_CREDIT_IMPOT } from "../../src/taskpane/pages/CreditImpot";
import { IDS_FINANCEMENT } from "../../src/taskpane/pages/Financement";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { mesurerTextes } from "./contraste";
import { debordementsSurface } from "./volet";

/**
 * What each page opens over or inside itself, opened as a user would after the page's main action (actionsPages.ts),
 * measured open, then closed with Escape, the focus back on what opened it (fermerParEchap): Fluent's lists, the date
 * picker's calendar and dialogs are drawn in portals, outside the FluentProvider's element, and must carry its theme
 * all the same.
 */
export type Theme = "sombre" | "clair";

/** Where a popup's surface is: its CSS selector, and whether it is drawn over the page (a portal) or in it. */
export type VerifPopup = (etape: string, surface: string, o?: { enPlace?: boolean }) => Promise<void>;

/** The calendar of Fluent's DatePicker (its surface is labelled so in ChampDate.tsx). */
export const CALENDRIER = '[role="dialog"][aria-label="Calendrier"]';
/** An open Fluent listbox (Dropdown, Combobox), in its portal. */
export const LISTE = '.fui-Listbox[role="listbox"]';
const parTestId = (id: string) => `[data-testid="${id}"]`;

/**
 * A link's infobulle (Fluent Tooltip, relationship description) shown by focusing and hovering it: its surface, found
 * by the link's aria-describedby (the hidden infobulles of the other links are role="tooltip" too), once visible.
 */
async function infobulleSurvolee(page: Page, lien: Locator): Promise<string> {
  await lien.focus();
  await lien.hover();
  await page.getByRole("tooltip").waitFor();
  return `[id="${await lien.getAttribute("aria-describedby")}"]`;
}

/** The focused element, « tag[data-testid] « text » », for a message. */
const focusDecrit = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    const id = e?.getAttribute("data-testid");
    return `${e?.tagName.toLowerCase()}${id ? `[${id}]` : ""} « ${(e?.textContent ?? "").trim().slice(0, 40)} »`;
  });

/**
 * Closes the popup `surface` with Escape, as a keyboard user would: it must close (hidden or detached) and give the
 * focus back to `ouvreur`, what opened it (the focus neither lost on the page's body nor left in a closed popup).
 * `etape` names the popup in the error.
 */
export async function fermerParEchap(page: Page, etape: string, surface: string, ouvreur: Locator): Promise<void> {
  await page.keyboard.press("Escape");
  await page.locator(surface).first().waitFor({ state: "hidden" });
  if (!(await ouvreur.evaluate((e) => e === document.activeElement)))
    throw new Error(
      `${etape} fermé par Échap : le focus est sur ${await focusDecrit(page)}, pas sur ce qui l'a ouvert`,
    );
}

/**
 * The popup checks see what they must on this page, on elements put in the body for a moment: a surface drawn past the
 * pane's edge and one whose content is wider than its box are named by debordementsSurface, a surface that fits is
 * not; a popup closed by Escape that gives the focus back to its opener passes fermerParEchap, one that drops it fails.
 */
export async function temoinsPopups(page: Page): Promise<void> {
  await page.evaluate(() => {
    const d = document.createElement("div");
    d.id = "temoins-popups";
    d.innerHTML =
      '<div id="temoin-large" style="position: fixed; top: 0; left: 10px; width: 400px; height: 20px">x</div>' +
      '<div id="temoin-defile" style="position: fixed; top: 30px; left: 0; width: 200px; overflow: auto">' +
      '<div style="width: 500px; height: 10px"></div></div>' +
      '<div id="temoin-tient" style="position: fixed; top: 60px; left: 0; width: 200px">y</div>' +
      '<button id="temoin-ouvreur" type="button">ouvrir</button>' +
      '<div id="temoin-popup" tabindex="-1" style="width: 100px; height: 20px">z</div>';
    document.body.append(d);
  });
  try {
    const dansVolet = (await debordementsSurface(page, "#temoin-large")).join();
    expect(dansVolet).toMatch(/^#temoin-large hors du volet : de 10 à 410 \(volet de \d+\)$/);
    expect((await debordementsSurface(page, "#temoin-defile")).join()).toMatch(/^#temoin-defile défile : 500 > \d+$/);
    expect(await debordementsSurface(page, "#temoin-tient")).toEqual([]);
    const ouvreur = page.locator("#temoin-ouvreur");
    for (const rendFocus of [true, false]) {
      await page.evaluate((rend) => {
        const popup = document.getElementById("temoin-popup") as HTMLElement;
        popup.style.display = "block";
        popup.onkeydown = (e) => {
          if (e.key !== "Escape") return;
          popup.style.display = "none";
          if (rend) document.getElementById("temoin-ouvreur")?.focus();
        };
        popup.focus();
      }, rendFocus);
      const fermeture = fermerParEchap(page, "témoin", "#temoin-popup", ouvreur);
      if (rendFocus) await fermeture;
      // A focused element hidden by display: none loses its focus to body only at Chromium's next rendering step: the
      // check reads body, or the closed popup still focused a moment; both are the failure it must name.
      else await expect(fermeture).rejects.toThrow(/^témoin fermé par Échap : le focus est sur (body|div « z »)/);
    }
  } finally {
    await page.evaluate(() => document.getElementById("temoins-popups")?.remove());
  }
}

/**
 * A « D'où vient ce chiffre ? » tree of page `id`, opened by clicking `chiffre`: its first folded node unfolded,
 * then hovered, then the tree closed with Escape from inside it (the focus back on the figure).
 */
async function arbre(page: Page, verif: VerifPopup, id: string, chiffre: Locator): Promise<void> {
  const surface = `[data-testid="${TEST_IDS.page(id)}"] [data-testid="${IDS_TRACE.panneau}"]`;
  await chiffre.click();
  const panneau = page.locator(surface);
  await panneau.waitFor();
  // The first node still folded (the root opens unfolded), unfolded: the tree two levels deep.
  const depliers = panneau.getByTestId(IDS_TRACE.deplier);
  const i = await depliers.evaluateAll((ds) => ds.findIndex((d) => d.getAttribute("aria-expanded") === "false"));
  if (i < 0) throw new Error(`${id} : « D'où vient ce chiffre ? » n'a aucun nœud replié à déplier`);
  const noeud = depliers.nth(i);
  await noeud.click();
  await noeud.and(page.locator('[aria-expanded="true"]')).waitFor();
  await verif("« D'où vient ce chiffre ? » ouvert", surface, { enPlace: true });
  await noeud.hover();
  await verif("« D'où vient ce chiffre ? », nœud survolé", surface, { enPlace: true });
  await fermerParEchap(page, `${id} « D'où vient ce chiffre ? »`, surface, chiffre);
}

/**
 * A popup's faults, « étape — … »: any text inside under 4.5:1 (3:1 large), a surface drawn over the page without
 * its own opaque background (a portal that missed the theme's variables is transparent), a background of the other
 * theme (luminance under 0.2 in dark, over 0.6 in light), nothing measured (the popup is not what was meant).
 */
export async function fautesDuPopup(
  page: Page,
  theme: Theme,
  etape: string,
  surface: string,
  o: { enPlace?: boolean } = {},
): Promise<string[]> {
  const m = await mesurerTextes(page, surface);
  const fautes = m.fautes.map((f) => `${etape} — ${f}`);
  if (m.textes === 0) fautes.push(`${etape} — aucun texte visible dans ${surface}`);
  const [, , , alpha = "1"] = m.fondPropre.match(/[\d.]+/g) ?? [];
  if (!o.enPlace && Number(alpha) < 1) fautes.push(`${etape} — fond du popup transparent (${m.fondPropre})`);
  const sombre = theme === "sombre";
  if (sombre ? m.luminanceFond >= 0.2 : m.luminanceFond <= 0.6)
    fautes.push(`${etape} — fond ${sombre ? "clair en thème sombre" : "sombre en thème clair"} (${m.fond})`);
  return fautes;
}

/** Opens the calendar of the date field `testId` from the keyboard (Enter), after typing a date that reads. */
async function ouvrirCalendrier(page: Page, testId: string, date: string): Promise<void> {
  const champ = page.getByTestId(testId);
  await champ.fill(date);
  await champ.press("Enter");
  await page.locator(CALENDRIER).waitFor();
}

/** The calendar open: as it opens (the chosen day selected), a day under the mouse, then closed with Escape. */
async function calendrier(page: Page, verif: VerifPopup, champ: string, date: string): Promise<void> {
  await ouvrirCalendrier(page, champ, date);
  await verif("calendrier ouvert", CALENDRIER);
  await page.locator(CALENDRIER).getByRole("gridcell").getByRole("button").nth(20).hover();
  await verif("calendrier, jour survolé", CALENDRIER);
  // The month and year picker, from the month's title.
  await page
    .locator(CALENDRIER)
    .getByRole("button", { name: /choisir une autre année|choisir un autre mois/ })
    .first()
    .click();
  await verif("calendrier, choix du mois", CALENDRIER);
  await fermerParEchap(page, `calendrier de ${champ}`, CALENDRIER, page.getByTestId(champ));
}

export const POPUPS: Record<string, (page: Page, verif: VerifPopup) => Promise<void>> = {
  "tableau-de-bord": async (page, verif) => {
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("link").first().waitFor();
    await verif("« Détails et sources » déplié", parTestId(IDS_TABLEAU_DE_BORD.details), { enPlace: true });
    // A source shortened to its reference: its full title in an infobulle, drawn over the page.
    const lien = page.getByTestId(IDS_TABLEAU_DE_BORD.details).locator("a[aria-describedby]").first();
    const infobulle = await infobulleSurvolee(page, lien);
    await verif("infobulle d'une source survolée", infobulle);
    await fermerParEchap(page, "infobulle d'une source", infobulle, lien);
  },
  controles: async (page, verif) => {
    // A finding's cell in an infobulle (« Aller à 'Budget_…'!G76 »), shown on the keyboard's focus.
    const constat = page.getByTestId(TEST_IDS.page("controles")).locator("button[aria-describedby]").first();
    const infobulle = await infobulleSurvolee(page, constat);
    await verif("infobulle « Aller à… » d'un constat", infobulle);
    await fermerParEchap(page, "infobulle d'un constat", infobulle, constat);
  },
  structurer: async (page, verif) => {
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await arbre(page, verif, "structurer", page.getByTestId(TEST_IDS.structurer.expliquerTotal));
  },
  "credit-impot": (page, verif) => arbre(page, verif, "credit-impot", page.getByTestId(IDS_CREDIT_IMPOT.credit)),
  financement: (page, verif) => arbre(page, verif, "financement", page.getByTestId(IDS_FINANCEMENT.expliquerReste)),
  ecarts: async (page, verif) => {
    const choix = page.locator(`[data-testid^="${TEST_IDS.ecarts.affecter("")}"]`).first();
    await choix.click();
    const liste = page.locator(LISTE);
    await liste.waitFor();
    await verif("liste « Affecter à… » ouverte", LISTE);
    await liste.getByRole("option").nth(1).hover();
    await verif("liste « Affecter à… », option survolée", LISTE);
    await page.keyboard.press("ArrowDown");
    await verif("liste « Affecter à… », option active au clavier", LISTE);
    await fermerParEchap(page, "liste « Affecter à… »", LISTE, choix);
    // The first chapter's écart: réalisé (down to its accounts and FEC lines) − budget (down to the devis lines).
    const ecart = page.locator(`[data-testid^="${TEST_IDS.ecarts.expliquer("ecart", "")}"]`).first();
    await arbre(page, verif, "ecarts", ecart);
  },
  planning: (page, verif) => calendrier(page, verif, "planning-livraison", "15/12/2026"),
  sources: (page, verif) => calendrier(page, verif, "sources-date", "15/04/2026"),
  versions: async (page, verif) => {
    // A name already saved: the replacement is asked in a dialog.
    await page.getByTestId(TEST_IDS.versions.nom).fill("Dépôt agrément provisoire");
    const enregistrer = page.getByTestId(TEST_IDS.versions.enregistrer);
    await enregistrer.click();
    const dialogue = parTestId(TEST_IDS.versions.confirmation);
    await page.locator(dialogue).waitFor();
    await verif("dialogue « Remplacer la version ? »", dialogue);
    await page.getByTestId(TEST_IDS.versions.annuler).hover();
    await verif("dialogue « Remplacer la version ? », bouton survolé", dialogue);
    // Modal: Tab and Shift+Tab go round its buttons, never out to the page under it.
    for (const touche of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(touche);
      if (!(await page.locator(dialogue).evaluate((d) => d.contains(document.activeElement))))
        throw new Error(`dialogue « Remplacer la version ? » : ${touche} en sort, vers ${await focusDecrit(page)}`);
    }
    await fermerParEchap(page, "dialogue « Remplacer la version ? »", dialogue, enregistrer);
  },
};
