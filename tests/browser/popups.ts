import type { Page } from "playwright-core";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { IDS_TABLEAU_DE_BORD } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { mesurerTextes } from "./contraste";

/**
 * What each page opens over or inside itself, opened as a user would after the page's main action (actionsPages.ts),
 * measured open, then closed: Fluent's lists, the date picker's calendar and dialogs are drawn in portals, outside the
 * FluentProvider's element, and must carry its theme all the same.
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
 * A link's infobulle (Fluent Tooltip, relationship description) shown by hovering it: its surface, found by the
 * link's aria-describedby (the hidden infobulles of the other links are role="tooltip" too), once visible.
 */
async function infobulleSurvolee(page: Page, lien: ReturnType<Page["locator"]>): Promise<string> {
  await lien.hover();
  await page.getByRole("tooltip").waitFor();
  return `[id="${await lien.getAttribute("aria-describedby")}"]`;
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
  await page.keyboard.press("Escape");
  await page.locator(CALENDRIER).waitFor({ state: "detached" });
}

export const POPUPS: Record<string, (page: Page, verif: VerifPopup) => Promise<void>> = {
  "tableau-de-bord": async (page, verif) => {
    await page.getByTestId(IDS_TABLEAU_DE_BORD.details).getByRole("link").first().waitFor();
    await verif("« Détails et sources » déplié", parTestId(IDS_TABLEAU_DE_BORD.details), { enPlace: true });
    // A source shortened to its reference: its full title in an infobulle, drawn over the page.
    const lien = page.getByTestId(IDS_TABLEAU_DE_BORD.details).locator("a[aria-describedby]").first();
    await verif("infobulle d'une source survolée", await infobulleSurvolee(page, lien));
    await page.keyboard.press("Escape");
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
  },
  structurer: async (page, verif) => {
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    const total = page.getByTestId(TEST_IDS.structurer.expliquerTotal);
    await total.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    await panneau.getByTestId(IDS_TRACE.deplier).first().click();
    await verif("« D'où vient ce chiffre ? » ouvert", parTestId(IDS_TRACE.panneau), { enPlace: true });
    await panneau.getByTestId(IDS_TRACE.deplier).first().hover();
    await verif("« D'où vient ce chiffre ? », nœud survolé", parTestId(IDS_TRACE.panneau), { enPlace: true });
    await page.getByTestId(IDS_TRACE.fermer).click();
    await panneau.waitFor({ state: "detached" });
  },
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
    await page.keyboard.press("Escape");
    await liste.waitFor({ state: "hidden" });
  },
  planning: (page, verif) => calendrier(page, verif, "planning-livraison", "15/12/2026"),
  sources: (page, verif) => calendrier(page, verif, "sources-date", "15/04/2026"),
  versions: async (page, verif) => {
    // A name already saved: the replacement is asked in a dialog.
    await page.getByTestId(TEST_IDS.versions.nom).fill("Dépôt agrément provisoire");
    await page.getByTestId(TEST_IDS.versions.enregistrer).click();
    const dialogue = parTestId(TEST_IDS.versions.confirmation);
    await page.locator(dialogue).waitFor();
    await verif("dialogue « Remplacer la version ? »", dialogue);
    await page.getByTestId(TEST_IDS.versions.annuler).hover();
    await verif("dialogue « Remplacer la version ? », bouton survolé", dialogue);
    await page.getByTestId(TEST_IDS.versions.annuler).click();
    await page.locator(dialogue).waitFor({ state: "detached" });
  },
};
