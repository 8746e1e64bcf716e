import type { Locator } from "playwright-core";
import { IDS_PLANNING } from "../../src/taskpane/pages/Planning";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { deplierParametres } from "./actionsPages";
import { debordements, saisirDate, selectionApres, voletDuBloc } from "./volet";

/**
 * The Planning page in the built pane (Chromium, fake Excel) over a workbook whose steps sheet writes the delivery date
 * (« Livraison (PAD) » and the date beside it, a real date cell), no date typed in the page: the page plans back from
 * it and says the date in French, the sheet and the cell it was read in; the cell selects itself in Excel.
 */
const texte = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText);
const ETAPES = "Étapes de post-production";

describe.each([320, 350])("page Planning : la date de livraison lue dans la feuille d'étapes, à %i px", (largeur) => {
  const { page } = voletDuBloc({
    largeur,
    classeur: () => ({
      sheets: {
        [ETAPES]: [
          ["Livraison (PAD)", { v: 46093, fmt: "dd/mm/yyyy" }],
          [],
          ["Étape", "Durée", "Après"],
          ["Montage image", 10, null],
          ["Mixage", 3, "Montage image"],
          ["PAD", 1, "Mixage"],
        ],
      },
      active: ETAPES,
    }),
  });

  it("la ligne « Date de livraison » dit la date en lettres, la feuille et la cellule, qui sélectionne la cellule", async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const ligne = page.getByTestId(IDS_PLANNING.livraisonLue);
    await ligne.waitFor();
    // The figure as the user reads it: its term, then the date in words and where it was read.
    const chiffres = await texte(page.getByTestId(IDS_PLANNING.chiffres));
    expect(chiffres).toContain("Livraison (PAD)\n12\u00a0mars\u00a02026");
    expect(await texte(ligne)).toBe(`12\u00a0mars\u00a02026, lue dans la feuille «\u00a0${ETAPES}\u00a0» (cellule B1)`);
    expect(chiffres).toContain(
      `Date de livraison\n12\u00a0mars\u00a02026, lue dans la feuille «\u00a0${ETAPES}\u00a0» (cellule B1)`,
    );
    // The cell is a link to itself in Excel, reached and followed with the keyboard.
    const lien = ligne.getByRole("button", { name: "B1" });
    expect(await lien.count()).toBe(1);
    expect(await lien.getAttribute("data-testid")).toBe(IDS_PLANNING.livraisonCellule);
    await lien.focus();
    await page.keyboard.press("Enter");
    expect(await selectionApres(page, `'${ETAPES}'!B1`)).toBe(`'${ETAPES}'!B1`);
    expect(await debordements(page)).toEqual([]);
  });

  it("« Feuilles écrites » effacé dès qu'un paramètre change ; « Résultat précédent » gardé après un clic sur la cellule lue (avant : disparaissait)", async () => {
    await page.getByTestId(IDS_PLANNING.ecrire).click();
    const message = page.getByTestId(IDS_PLANNING.message);
    await message.waitFor();
    // The sheets written, named the French way (« Rétroplanning » with no-break spaces), as every page says them.
    expect(await texte(message)).toMatch(
      /^Feuilles écrites\u00a0: «\u00a0Rétroplanning\u00a0»(, «\u00a0[^»]+\u00a0»)*\.$/,
    );
    // Another zone: the sheets written answer the previous parameters, the message goes (as on the Carbone page).
    await deplierParametres(page, IDS_PLANNING.parametres);
    await page.getByTestId(IDS_PLANNING.zone).selectOption("alsace-moselle");
    await message.waitFor({ state: "detached" });
    // A date the calculation refuses: the figures kept are said « Résultat précédent ».
    await saisirDate(page.getByTestId(IDS_PLANNING.livraison), "31/12/2999");
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const perime = page.getByTestId(IDS_PLANNING.perime);
    await perime.waitFor();
    const erreur = page.getByTestId(TEST_IDS.page("planning")).getByTestId(TEST_IDS.erreur);
    expect(await erreur.count()).toBe(1);
    // The cell read, selected in Excel from the figures kept: the banner and the error it points to stay.
    await page.getByTestId(IDS_PLANNING.livraisonCellule).click();
    expect(await selectionApres(page, `'${ETAPES}'!B1`)).toBe(`'${ETAPES}'!B1`);
    expect(await perime.count()).toBe(1);
    expect(await texte(perime)).toMatch(/^Résultat précédent — livraison le /);
    expect(await erreur.count()).toBe(1);
    expect(await page.getByTestId(IDS_PLANNING.message).count()).toBe(0);
    expect(await debordements(page)).toEqual([]);
  });
});
