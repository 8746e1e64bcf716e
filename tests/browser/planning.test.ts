import type { Locator, Page } from "playwright-core";
import { SOURCES_FERIES } from "../../src/core/planning/calendrier";
import { IDS_PLANNING } from "../../src/taskpane/pages/Planning";
import { IDS_TEXTES } from "../../src/taskpane/components/TextesAppliques";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ecran, debordements, etatExcel, voletDuBloc, saisirDate } from "./volet";
import { deplierParametres } from "./actionsPages";

/**
 * The Planning page in the built pane (Chromium, fake Excel, the production workbook) at the widths of Excel's
 * pane: the results (figures, then the steps table) come before « Détails et sources »; the details cite the text
 * that makes the skipped days public holidays (Code du travail art. L3133-1 on Légifrance; L3134-13 too in
 * Alsace-Moselle) as links reached with the keyboard; nothing sticks out sideways.
 */
const TECHNIQUE = /https?:\/\/|temps-de-travail|alsace-moselle|metropole|--\w|confiance [HML]\b/;
const L3133_1 = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006902611";
const L3134_13 = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006902635";

const texte = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText);
const haut = async (l: Locator) => (await l.boundingBox())!.y;

/** The links of the holidays line, as the user sees them (label, address, where it opens). */
async function liensFeries(page: Page) {
  return page
    .getByTestId(IDS_PLANNING.feries)
    .getByTestId(IDS_TEXTES.lien)
    .evaluateAll((ls) =>
      ls.map((l) => ({
        libelle: (l as HTMLElement).innerText,
        href: l.getAttribute("href"),
        target: l.getAttribute("target"),
      })),
    );
}

/** Tab until the focused element is the link to `href` (at most 40 presses); its tag, or undefined. */
async function tabJusquAuLien(page: Page, href: string): Promise<string | undefined> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => ({
      tag: document.activeElement?.tagName.toLowerCase(),
      href: document.activeElement?.getAttribute("href"),
    }));
    if (f.href === href) return f.tag;
  }
  return undefined;
}

describe.each([320, 350])("page Planning dans le volet construit, à %i px", (largeur) => {
  const v = voletDuBloc({ largeur });
  const { page } = v;

  beforeAll(async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
  });

  it("les résultats d'abord (chiffres, puis le tableau des étapes), « Détails et sources » ensuite", async () => {
    await saisirDate(page.getByTestId(IDS_PLANNING.livraison), "2026-05-15");
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const etapes = page.getByTestId(IDS_PLANNING.etapes);
    await etapes.waitFor();
    const chiffres = page.getByTestId(IDS_PLANNING.chiffres);
    const details = page.getByTestId(IDS_PLANNING.details);
    expect(await texte(chiffres)).toContain("15\u00a0mai\u00a02026");
    // On screen, top to bottom, and in the document (the reading order of a screen reader and of Tab).
    expect(await haut(chiffres)).toBeLessThan(await haut(etapes));
    expect(await haut(etapes)).toBeLessThan(await haut(details));
    const ordre = await page.evaluate(
      ([a, b]) => {
        const x = document.querySelector(`[data-testid="${a}"]`)!;
        const y = document.querySelector(`[data-testid="${b}"]`)!;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING;
      },
      [IDS_PLANNING.etapes, IDS_PLANNING.details],
    );
    expect(ordre).toBeTruthy();
    // The quantities proposed from the plan de travail are results too: above the details.
    const propositions = page.getByTestId(IDS_PLANNING.propositions);
    expect(await propositions.count()).toBe(1);
    expect(await haut(propositions)).toBeLessThan(await haut(details));
    // The current and the proposed quantity each with its unit, decimals with a comma (was: « Actuelle 18 »).
    const cases = await propositions.getByRole("checkbox").count();
    expect(cases).toBeGreaterThan(0);
    const t = await texte(propositions);
    expect(t).not.toMatch(/\d\.\d/);
    expect((t.match(/(?:\d|—)(?:,\d+)?\u00a0(?:j|sem\.)/g) ?? []).length).toBe(2 * cases);
    expect(await debordements(page)).toEqual([]);
  });

  it("une date impossible tapée : le champ revient à la date gardée et le dit, avec la saisie refusée et pourquoi", async () => {
    const champ = page.getByTestId(IDS_PLANNING.livraison);
    await deplierParametres(page, IDS_PLANNING.parametres);
    const avant = await champ.inputValue();
    expect(avant).toBe("15\u00a0mai\u00a02026");
    await champ.fill("31/02/2026");
    await champ.press("Tab");
    await page.locator(`[data-testid="${IDS_PLANNING.livraison}"][aria-invalid="true"]`).waitFor();
    // The field shows the date kept again: its message says so, not « Date non reconnue » beside a date that is one.
    expect(await champ.inputValue()).toBe(avant);
    const message = page.getByTestId(TEST_IDS.page("planning")).locator(".fui-Field__validationMessage");
    expect(await message.count()).toBe(1);
    expect(await message.innerText()).toBe(
      "Date non reconnue\u00a0: «\u00a031/02/2026\u00a0» (février 2026 n'a que 28\u00a0jours). La date reste le " +
        `${avant}\u00a0: écrivez-en une autre comme «\u00a015/04/2026\u00a0» ou choisissez-la dans le calendrier.`,
    );
    expect(await debordements(page)).toEqual([]);
    // A date read: the message goes.
    await saisirDate(champ, "2026-05-15");
    await message.waitFor({ state: "detached" });
    expect(await champ.getAttribute("aria-invalid")).not.toBe("true");
  });

  it("une date que le calcul refuse (31/12/2999) : dite sous son champ, les chiffres gardés dits « Résultat précédent », effacée dès que la date change (avant : restait jusqu'à « Recalculer »)", async () => {
    const champ = page.getByTestId(IDS_PLANNING.livraison);
    await deplierParametres(page, IDS_PLANNING.parametres);
    // A plan computed first (15 mai 2026): its figures stay shown.
    await saisirDate(champ, "15/05/2026");
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    await page.getByTestId(IDS_PLANNING.chiffres).filter({ hasText: "15\u00a0mai\u00a02026" }).waitFor();
    await deplierParametres(page, IDS_PLANNING.parametres);
    await saisirDate(champ, "31/12/2999");
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const erreur = page.getByTestId(TEST_IDS.page("planning")).getByTestId(TEST_IDS.erreur);
    await erreur.filter({ hasText: "2999" }).waitFor();
    const message = page
      .getByTestId(TEST_IDS.page("planning"))
      .locator(".fui-Field", { has: champ })
      .locator(".fui-Field__validationMessage");
    expect(await message.innerText()).toBe(
      "«\u00a0Date de livraison\u00a0» attend une date de 1901 à 2199, reçu «\u00a031\u00a0décembre\u00a02999\u00a0».",
    );
    expect(await champ.getAttribute("aria-invalid")).toBe("true");
    // The figures still shown are the earlier request's (15 mai 2026): said over them, not taken for 2999's.
    const perime = page.getByTestId(IDS_PLANNING.perime);
    expect(await perime.innerText()).toBe(
      "Résultat précédent — livraison le 15\u00a0mai\u00a02026\u00a0: la dernière demande a échoué (voir le message " +
        "sous les boutons), ces chiffres n'y répondent pas.",
    );
    expect(
      await perime.evaluate(
        (e, c) =>
          e.getBoundingClientRect().top < document.querySelector(`[data-testid="${c}"]`)!.getBoundingClientRect().top,
        IDS_PLANNING.chiffres,
      ),
    ).toBe(true);
    // Corrected, « Recalculer » not pressed: nothing left that speaks of 2999.
    await saisirDate(champ, "15/05/2026");
    await message.waitFor({ state: "detached" });
    await perime.waitFor({ state: "detached" });
    expect(await erreur.count()).toBe(0);
    expect(await page.getByTestId(TEST_IDS.page("planning")).innerText()).not.toContain("2999");
    expect(await debordements(page)).toEqual([]);
  });

  it("« Appliquer » : la ligne appliquée le dit en toutes lettres avec la quantité écrite, sans case pour l'appliquer deux fois (avant : inchangée, décochée)", async () => {
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const propositions = page.getByTestId(IDS_PLANNING.propositions);
    await propositions.getByRole("checkbox").first().waitFor();
    const cases = await propositions.getByRole("checkbox").count();
    await propositions.getByRole("checkbox").first().check();
    await page.getByTestId(IDS_PLANNING.appliquer).click();
    const appliquee = page.getByTestId(IDS_PLANNING.propositionAppliquee(0));
    await appliquee.waitFor();
    expect(await appliquee.innerText()).toMatch(/^.+\u00a0: appliquée \(\d+(,\d+)?\u00a0(j|sem\.)\)$/);
    // Its box is gone: the keyboard cannot tick it again; the others stay to choose.
    expect(await propositions.getByRole("checkbox").count()).toBe(cases - 1);
    expect(await page.getByTestId(IDS_PLANNING.appliquer).innerText()).toBe("Aucun changement coché");
    if (cases > 1) {
      // A second line applied later: the sheets written hold both (the first is not lost), and the page says so.
      await propositions.getByRole("checkbox").first().check();
      await page.getByTestId(IDS_PLANNING.appliquer).click();
      await page.getByTestId(IDS_PLANNING.propositionAppliquee(1)).waitFor();
      expect(await appliquee.count()).toBe(1);
      expect(await page.getByTestId(IDS_PLANNING.applique).innerText()).toMatch(
        /^1\u00a0quantité appliquée dans les feuilles .+ \(2\u00a0en tout\u202f; votre devis n'est pas modifié\)\.$/,
      );
    }
    expect(await debordements(page)).toEqual([]);
  });

  it("la feuille Devis de Prodbook porte une autre quantité que le plan : « à mettre à jour » (feuille → plan), à cocher, sans déborder", async () => {
    // The line applied above: its quantity in Prodbook's Devis sheet becomes another (as if the plan had changed since).
    const libelle = (await texte(page.getByTestId(IDS_PLANNING.propositionAppliquee(0)))).replace(/\u00a0: .*$/, "");
    const devis = (await etatExcel(page)).feuilles.find((f) => f.name === "Devis")!;
    const ligne = devis.valeurs.findIndex((r) => r[2] === libelle);
    expect(ligne).toBeGreaterThan(3);
    await page.evaluate(
      (r) =>
        (window as unknown as { Excel: typeof Excel }).Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Devis").getRange(`D${r + 1}`).values = [[99]];
          await ctx.sync();
        }),
      ligne,
    );
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const maj = page.getByTestId(IDS_PLANNING.propositionAMettreAJour(0));
    await maj.waitFor();
    expect(await texte(maj)).toMatch(
      new RegExp(
        `^${libelle}\u00a0: à mettre à jour \\(feuille Devis de Prodbook\u00a0: 99\u00a0(j|sem\\.) → \\d+(,\\d+)?\u00a0(j|sem\\.)\\)$`,
      ),
    );
    expect(await page.getByTestId(IDS_PLANNING.propositionAppliquee(0)).count()).toBe(0);
    expect(await debordements(page)).toEqual([]);
  });

  it("« Détails et sources » ouvert au clavier : les jours fériés renvoient au Code du travail, art. L3133-1, sur Légifrance", async () => {
    const bouton = page.getByTestId(IDS_PLANNING.details).getByRole("button", { name: /Détails et sources/ });
    await bouton.focus();
    await page.keyboard.press("Enter");
    expect(await bouton.getAttribute("aria-expanded")).toBe("true");
    const feries = page.getByTestId(IDS_PLANNING.feries);
    await feries.waitFor();
    expect(await texte(feries)).toMatch(/^Dates en jours ouvrés, sans les jours fériés\u00a0: Métropole\./);
    expect(await liensFeries(page)).toEqual([
      { libelle: "Texte\u00a0: Code du travail, art. L3133-1", href: L3133_1, target: "_blank" },
    ]);
    expect(SOURCES_FERIES.metropole.map((s) => s.url)).toEqual([L3133_1]);
    // Reached with Tab from the section's header: a real link, not a clickable text.
    await bouton.focus();
    expect(await tabJusquAuLien(page, L3133_1)).toBe("a");
    expect(await texte(page.getByTestId(TEST_IDS.page("planning")))).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, `planning-feries-${largeur}.png`);
  });

  it("Alsace-Moselle : l'art. L3134-13 (Vendredi saint, 26 décembre) s'ajoute à l'art. L3133-1", async () => {
    await deplierParametres(page, IDS_PLANNING.parametres);
    await page.getByTestId(IDS_PLANNING.zone).selectOption("alsace-moselle");
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    const feries = page.getByTestId(IDS_PLANNING.feries);
    await page.waitForFunction(
      (id) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes("Alsace-Moselle"),
      IDS_PLANNING.feries,
    );
    expect(await texte(feries)).toMatch(/sans les jours fériés\u00a0: Alsace-Moselle\./);
    expect(await liensFeries(page)).toEqual([
      { libelle: "Texte\u00a0: Code du travail, art. L3133-1", href: L3133_1, target: "_blank" },
      { libelle: "Texte\u00a0: Code du travail, art. L3134-13", href: L3134_13, target: "_blank" },
    ]);
    expect(await texte(page.getByTestId(TEST_IDS.page("planning")))).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});

describe("zone des jours fériés dans le volet construit : celle de la production, gardée", () => {
  const v = voletDuBloc({ largeur: 350 });
  const { page } = v;
  const valeurZone = () => page.getByTestId(IDS_PLANNING.zone).inputValue();
  const zoneDevient = (z: string) =>
    page.waitForFunction(
      ([id, valeur]) => (document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement | null)?.value === valeur,
      [IDS_PLANNING.zone, z],
    );

  it("Alsace-Moselle choisie sur Planning : retrouvée après un changement d'onglet, enregistrée dans le classeur, et après rechargement", async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    // A workbook never set: métropole.
    expect(await valeurZone()).toBe("metropole");
    await page.getByTestId(IDS_PLANNING.zone).selectOption("alsace-moselle");
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    expect(await valeurZone()).toBe("alsace-moselle");
    // Saved in the workbook's document settings (the production context), not in a sheet.
    await page.waitForFunction(() => {
      const e = (window as unknown as { Excel: { __etat(): { reglages: Record<string, string> } } }).Excel.__etat();
      return /"zone":"alsace-moselle"/.test(e.reglages["prodbook.production"] ?? "");
    });
    expect(JSON.parse((await etatExcel(page)).reglages["prodbook.production"] as string)).toMatchObject({
      zone: "alsace-moselle",
    });
    // The workbook reopened (same document settings): the Planning page starts from Alsace-Moselle, and computes with it.
    await page.reload();
    await page.getByTestId(TEST_IDS.app).waitFor();
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await zoneDevient("alsace-moselle");
    await saisirDate(page.getByTestId(IDS_PLANNING.livraison), "2026-05-15");
    await page.getByTestId(IDS_PLANNING.recalculer).click();
    await page.getByTestId(IDS_PLANNING.etapes).waitFor();
    await page
      .getByTestId(IDS_PLANNING.details)
      .getByRole("button", { name: /Détails et sources/ })
      .click();
    await page.getByTestId(IDS_PLANNING.feries).waitFor();
    expect(await texte(page.getByTestId(IDS_PLANNING.feries))).toMatch(/sans les jours fériés\u00a0: Alsace-Moselle\./);
    expect(v.erreursPage).toEqual([]);
  });
});
