import type { Page } from "playwright-core";
import { TITRES_CONSTATS } from "../../src/core/controles/titres";
import { IDS_TEXTES } from "../../src/taskpane/components/TextesAppliques";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { fautesDeLecture } from "./francaisVolet";
import { debordements, sansEspacesInsecables, voletDuBloc } from "./volet";

/**
 * The pane read as a new chargée de production would (issue 13), on what the recent findings are about: a devis with a
 * hidden row, a wrong « À reporter », a « Montant réalisé » column beside the amounts, and a second block repeating the
 * header to the right. Each finding shows its French title and a message without a rule id nor a CLI command; the
 * production summary never echoes a value its field refused; the sources of a figure can be told apart.
 */
const sp = sansEspacesInsecables;
const F = (f: string, v: number) => ({ f, v });

const HOSTILE = {
  sheets: {
    "Devis A": [
      ["Code", "Désignation", "Quantité", "Taux", "Montant", "Montant réalisé"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 10, 500, 5000, 5200],
      ["22", "Chef opérateur", 10, 400, 4000, 3900],
      [null, "À reporter", null, null, 9500, null],
      [null, "Report de la page précédente", null, null, 9500, null],
      ["23", "Ingénieur du son", 10, 300, 3000, 3000],
      ["24", "Assistant son", 5, 200, 1000, 1000],
      [null, "8 - POST-PRODUCTION"],
      ["81", "Montage", 10, 600, 6000, 6000],
    ],
    "Devis B": [
      ["Code", "Désignation", "Montant", null, "Code", "Désignation", "Montant"],
      [null, "2 - PERSONNEL", null, null, null, "8 - POST-PRODUCTION"],
      ["21", "Réalisateur", 5000, null, "81", "Montage", 6000],
      ["22", "Chef opérateur", 4000, null, "82", "Étalonnage", 2000],
      [null, "Total personnel", F("=SUM(C3:C4)", 9000), null, null, "Total post-production", F("=SUM(G3:G4)", 8000)],
    ],
  },
  active: "Devis A",
  lignesMasquees: { "Devis A": [7] },
};

/** Every finding code the engine knows, as it must never be read in the pane. */
const CODES = Object.keys(TITRES_CONSTATS).filter((c) => c.includes("-"));

/** The Contrôles page's text after the checks ran on `feuille` (chosen in Structurer). */
async function controlesDe(page: Page, feuille: string): Promise<{ texte: string }> {
  await page.getByTestId(TEST_IDS.onglet("structurer")).click();
  await page.getByTestId(TEST_IDS.structurer.feuille).selectOption(feuille);
  await page.getByTestId(TEST_IDS.structurer.analyser).click();
  await page.waitForFunction(
    ([id, f]) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(f),
    [TEST_IDS.structurer.apercu, feuille],
  );
  await page.getByTestId(TEST_IDS.onglet("controles")).click();
  await page.getByTestId(TEST_IDS.controles.lancer).click();
  await page.waitForFunction(
    ([id, f]) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(`'${f}'!`),
    [TEST_IDS.controles.liste, feuille],
  );
  return { texte: sp(await page.getByTestId(TEST_IDS.page("controles")).innerText()) };
}

function sansCodeNiCommande(texte: string): void {
  for (const c of CODES) expect([c, texte.includes(c)]).toEqual([c, false]);
  expect(texte).not.toMatch(/\bprodbook [a-z]|--[a-z]|secondBloc|realise\b/);
}

describe("constats récents dans le volet à 320 px : titres français, messages sans code", () => {
  const v = voletDuBloc({ classeur: () => HOSTILE, largeur: 320 });
  const { page } = v;

  it("ligne masquée, report faux, colonne « Montant réalisé » : chacun sous son titre français", async () => {
    const { texte } = await controlesDe(page, "Devis A");
    for (const code of ["lignes-masquees", "report-non-prouve", "colonnes-lues"])
      expect(texte).toContain(sp(TITRES_CONSTATS[code]));
    expect(texte).toContain("Colonne des montants choisie");
    // The réalisé is named for what it is, without sending the user to a command line (before: « (prodbook ecarts) »).
    expect(texte).toContain("le réalisé se compare au devis (écarts avec le Grand livre)");
    sansCodeNiCommande(texte);
    expect(await debordements(page)).toEqual([]);
  });

  it("second bloc à droite : nommé sous « Colonne des montants choisie », jamais sous « Colonne lue »", async () => {
    const { texte } = await controlesDe(page, "Devis B");
    // The sentence alone: its cell 'Devis B'!G1 is shown under it, once.
    expect(texte).toMatch(/Colonne des montants choisie\nUn second bloc \(colonnes E à G\)[^\n]*\n'Devis B'!G1(\n|$)/);
    expect(texte).not.toContain("Colonne lue");
    sansCodeNiCommande(texte);
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });

  it("une année refusée sous son champ n'apparaît pas dans le résumé de la production (avant : « · 20xx »)", async () => {
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    const resume = page.getByTestId(TEST_IDS.production.resume);
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-annee").fill("2027");
    await page.getByTestId("ci-annee").press("Tab");
    await page.waitForFunction(
      (id) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes("2027"),
      TEST_IDS.production.resume,
    );
    expect(sp(await resume.textContent())).toMatch(/^Devis B · 52 min · 2027$/);
    await page.getByTestId("ci-annee").fill("20xx");
    await page.getByTestId("ci-calculer").click();
    await page.locator('[data-testid="ci-annee"][aria-invalid="true"]').waitFor();
    expect(sp(await page.getByTestId("page-credit-impot").innerText())).toContain(
      "« 20xx » n'est pas une année : quatre chiffres sont attendus (« 2026 »).",
    );
    expect(sp(await resume.textContent())).toBe("Devis B · 52 min");
    await page.getByTestId("ci-duree").fill("cinquante");
    await page.getByTestId("ci-duree").press("Tab");
    await page.locator('[data-testid="ci-duree"][aria-invalid="true"]').waitFor();
    expect(sp(await resume.textContent())).toBe("Devis B");
    await page.getByTestId("ci-annee").fill("2026");
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-duree").press("Tab");
    await page.waitForFunction(
      (id) => !!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes("2026"),
      TEST_IDS.production.resume,
    );
    expect(sp(await resume.textContent())).toBe("Devis B · 52 min · 2026");
  });

  it("une année qu'aucune règle ne couvre : les périodes couvertes dites en lettres (avant : « 2016-01-01 → … »)", async () => {
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    // This devis says no genre: the page asks for it before any estimate (none guessed).
    await page.getByTestId("ci-genre").selectOption("fiction");
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-annee").fill("2010");
    await page.getByTestId("ci-calculer").click();
    await page.waitForFunction(
      () => !!document.querySelector('[data-testid="page-credit-impot"]')?.textContent?.includes("périodes couvertes"),
    );
    const texte = sp(await page.getByTestId("page-credit-impot").innerText());
    // Named by the field's label (« Année des dépenses »), not « Année ».
    expect(texte).toContain(
      "« Année des dépenses » attend une année de dépenses couverte par les règles du crédit d'impôt " +
        "(périodes couvertes : du 1er janvier 2016 au 31 décembre 2028), reçu « 2010 ».",
    );
    expect(fautesDeLecture(texte)).toEqual([]);
    expect(texte).not.toMatch(/\d{4}-\d{2}-\d{2}|→ …/);
    expect(await debordements(page)).toEqual([]);
    await page.getByTestId("ci-annee").fill("2026");
  });

  it("avant la première règle et après la dernière : la même réponse, sous le champ « Année », effacée quand l'année change (avant : « à ce jour » pour 1800, trois périodes finissant en 2028 pour 2999, dans la zone des messages seulement)", async () => {
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await page.getByTestId("ci-genre").selectOption("fiction");
    await page.getByTestId("ci-duree").fill("52");
    const annee = page.getByTestId("ci-annee");
    const sousLeChamp = page
      .getByTestId("page-credit-impot")
      .locator(".fui-Field", { has: annee })
      .locator(".fui-Field__validationMessage");
    for (const a of ["1800", "2999"]) {
      await annee.fill(a);
      await page.getByTestId("ci-calculer").click();
      await page.locator('[data-testid="ci-annee"][aria-invalid="true"]').waitFor();
      expect(sp(await sousLeChamp.innerText())).toBe(
        "« Année des dépenses » attend une année de dépenses couverte par les règles du crédit d'impôt " +
          `(périodes couvertes : du 1er janvier 2016 au 31 décembre 2028), reçu « ${a} ».`,
      );
      expect(await debordements(page)).toEqual([]);
    }
    // The year changed: the refusal, which spoke of 2999, goes (under the field and under the button), nothing run.
    await annee.fill("2026");
    await sousLeChamp.waitFor({ state: "detached" });
    expect(await annee.getAttribute("aria-invalid")).not.toBe("true");
    expect(await page.getByTestId("page-credit-impot").innerText()).not.toContain("périodes couvertes");
  });
});

describe("sources d'un chiffre : chaque lien se distingue des autres", () => {
  const { page } = voletDuBloc({ largeur: 350 });

  it("Carbone : les pages d'Impact CO2 sont numérotées, pas trois liens « Impact CO2 » identiques", async () => {
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    await page.locator('[data-testid="carbone-planning"] option', { hasText: "PDT" }).waitFor({ state: "attached" });
    await page.getByTestId("carbone-planning").selectOption("PDT");
    await page.getByTestId("carbone-estimer").click();
    await page.getByTestId("carbone-manquants").waitFor();
    await page
      .getByTestId("carbone-details")
      .getByRole("button", { name: /Détails et sources/ })
      .click();
    await page.getByTestId("carbone-details").getByTestId(IDS_TEXTES.texte).first().waitFor();
    const autres = await page
      .getByTestId("carbone-details")
      .getByTestId(IDS_TEXTES.texte)
      .evaluateAll((lis) =>
        lis.flatMap((li) =>
          [...li.querySelectorAll("span, div")]
            .filter((e) => /^Autres? sources?\s:/.test(e.textContent ?? ""))
            .slice(0, 1)
            .map((e) => [...e.querySelectorAll("a")].map((a) => (a.textContent ?? "").replace(/\u00a0/g, " "))),
        ),
      );
    expect(autres.length).toBeGreaterThan(0);
    for (const liens of autres) expect(liens).toEqual([...new Set(liens)]);
    expect(autres.flat()).toEqual(expect.arrayContaining(["Impact CO2 (1)", "Impact CO2 (2)"]));
  });
});
