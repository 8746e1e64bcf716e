import type { Locator } from "playwright-core";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { deplierParametres } from "./actionsPages";
import { ecran, debordements, etatExcel, RACINE, selectionApres, sortiesInattendues, voletDuBloc } from "./volet";

/** What the pane must not show: a URL, the factor table's id, a factor code, a CLI flag, a confidence letter. */
const TECHNIQUE = /https?:\/\/|carbone-facteurs|\b(train-tgv|repas-moyen|ratio-[a-z-]+)\b|--\w|confiance [HML]\b/;
/** A ledger whose réalisé the Écarts page reads against the example devis (as tests/browser/douVientCeChiffre.test.ts). */
const FEC = path.join(RACINE, "tests/fixtures/fec/production-2024.txt");
const CORRESPONDANCES = path.join(RACINE, "tests/fixtures/fec/correspondances.csv");
const texte = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText);
/** A devis cell named in a tree (a link that selects it). */
const lienCellule = (panneau: Locator, ref: string) =>
  panneau.getByTestId(IDS_TRACE.cellule).filter({ hasText: ref }).first();
const haut = async (l: Locator) => (await l.boundingBox())!.y;

/**
 * The « Carbone » page in the built bundle over the fake Excel holding the example devis and its plan de travail:
 * estimate, headline total and categories, « à compléter » findings (the first 5, then « Voir les N autres ») that
 * select their cell, the note about the homologated calculators, then the two sheets written. (Ids from IDS_CARBONE; importing the page would load Fluent.)
 */
describe("page Carbone dans Chromium (Excel simulé)", () => {
  const v = voletDuBloc();
  const { page } = v;

  it("« Estimer » : total en t CO₂e, catégories, manquants cliquables vers leur cellule, outils homologués cités", async () => {
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    await page.locator('[data-testid="carbone-planning"] option', { hasText: "PDT" }).waitFor({ state: "attached" });
    await page.getByTestId("carbone-planning").selectOption("PDT");
    await page.getByTestId("carbone-estimer").click();
    const total = page.getByTestId("carbone-total");
    await total.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    // Same figures as `prodbook carbone` on the same workbook (tests/cli/carbone.test.ts).
    expect(await total.textContent()).toBe("2,49 t CO₂e");
    expect(await page.getByTestId("carbone-parts").textContent()).toBe(
      "Données d'activité 18,3\u00a0% · ratios monétaires 81,7\u00a0%",
    );
    expect(await page.getByTestId("carbone-categorie-hebergement").textContent()).toMatch(/Hébergement.*0,31$/);
    expect(await page.getByTestId("carbone-categorie-transport").textContent()).toContain(
      "6\u00a0lignes · 5 à compléter · 1\u00a0facteur manquant",
    );
    // A category none of whose lines could be computed says so, rather than « 0,00 » t CO₂e (read as no emissions).
    for (const code of ["transport", "energie"])
      expect(await page.getByTestId(`carbone-categorie-${code}`).textContent()).toMatch(/non chiffré$/);
    const homologation = await page.getByTestId("carbone-homologation").textContent();
    expect(homologation).toContain("SeCO2, Carbon'Clap ou Carbon Stage");

    // 13 findings (the van has a factor now: only its km are asked for; post-production is estimated on its amount,
    // no finding; the last is the devis line no category recognises, « Repérages Bretagne (à ventiler) »); the first
    // is the Paris–Brest train without a distance: clicking it selects the devis cell. Only the first 5 show at first,
    // the heading counting all 13, then « Voir les 8 autres ».
    const manquants = page.locator('[data-testid^="carbone-manquant-"]');
    expect(await manquants.count()).toBe(5);
    expect(await texte(page.getByTestId("carbone-manquants").locator("h3"))).toMatch(/^À compléter\s*13$/);
    expect(await page.getByTestId("carbone-manquant-0").textContent()).toContain("Distance manquante");
    await page.getByTestId("carbone-manquant-0").click();
    await page.waitForFunction(
      () =>
        (window as unknown as { Excel: { __etat(): { selection: string | null } } }).Excel.__etat().selection !== null,
    );
    expect((await etatExcel(page)).selection).toBe("'Budget Gardiens'!B43");
    // The rest by keyboard: Enter on « Voir les 8 autres » shows all 13 and puts the focus on the 6th.
    const voir = page.getByTestId("carbone-manquants-voir");
    expect(await voir.textContent()).toBe("Voir les 8\u00a0autres");
    expect(await voir.getAttribute("aria-expanded")).toBe("false");
    await voir.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("carbone-manquant-12").waitFor();
    expect(await manquants.count()).toBe(13);
    expect(await voir.getAttribute("aria-expanded")).toBe("true");
    expect(await voir.textContent()).toBe("Réduire la liste");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("carbone-manquant-5");
    expect(await page.getByTestId("carbone-manquant-12").textContent()).toContain("Ligne non classée");
    // A plan de travail location selects its row in the plan.
    await page.getByTestId("carbone-manquant-9").click();
    await page.waitForFunction(
      () =>
        (window as unknown as { Excel: { __etat(): { selection: string | null } } }).Excel.__etat().selection ===
        "PDT!A2",
    );
    // At the narrowest pane width (320 px) nothing overflows sideways.
    await page.setViewportSize({ width: 320, height: 1100 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The rental weeks converted into days of use, under their category, and inside the pane at 320 px.
    const conversions = page.locator('[data-testid="carbone-conversions-materiel"] li');
    expect(await conversions.evaluateAll((ls) => ls.map((l) => (l as HTMLElement).innerText))).toEqual([
      // The plan de travail « PDT » shoots 5 days every week: its weeks give the days (M, « à vérifier »).
      "Location caméra et optiques\u00a0: 4\u00a0semaines → 20\u00a0jours d'utilisation " +
        "(5\u00a0jours de tournage par semaine, plan de travail, à vérifier)",
      "Kit son HF\u00a0: 4\u00a0semaines → 20\u00a0jours d'utilisation " +
        "(5\u00a0jours de tournage par semaine, plan de travail, à vérifier)",
    ]);
    expect(await texte(page.getByTestId("carbone-conversions-postproduction"))).toContain(
      "Salle de montage (location)\u00a0: 8\u00a0semaines → 40\u00a0jours d'utilisation",
    );
    for (const b of await conversions.evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().right)))
      expect(b).toBeLessThanOrEqual(320);
    await ecran(page, "carbone.png");
  });

  it("« à vérifier » sur le total et les catégories estimées avec des facteurs M ; « Détails et sources » après les résultats, au clavier", async () => {
    await page.setViewportSize({ width: 350, height: 1100 });
    // Every factor of the table is M: the total and each estimated category carry the badge, said in words.
    const titre = page.getByTestId("carbone-total").locator("xpath=..");
    expect(await titre.getByTestId("badge-a-verifier").textContent()).toBe("à vérifier");
    expect(await texte(page.getByTestId("carbone-a-verifier"))).toBe(
      "À vérifier\u00a0: 7\u00a0facteurs d'émission viennent de sources secondaires, pas d'un texte officiel lu " +
        "(liste dans «\u00a0Détails et sources\u00a0»).",
    );
    for (const code of ["hebergement", "repas", "achats", "postproduction"])
      expect(await page.getByTestId(`carbone-categorie-${code}`).getByTestId("badge-a-verifier").count()).toBe(1);
    // Nothing estimated in transport, equipment, energy: no figure to doubt.
    for (const code of ["transport", "materiel", "energie"])
      expect(await page.getByTestId(`carbone-categorie-${code}`).getByTestId("badge-a-verifier").count()).toBe(0);

    // Results first: total, the note on the homologated tools (the total is a pre-estimate), categories, the details
    // (closed), then the data to complete (on screen and in reading order).
    const details = page.getByTestId("carbone-details");
    const ordre = [
      "carbone-total",
      "carbone-homologation",
      "carbone-categories",
      "carbone-details",
      "carbone-manquants",
    ];
    const hauts = [];
    for (const id of ordre) hauts.push(await haut(page.getByTestId(id)));
    expect([...hauts].sort((a, b) => a - b)).toEqual(hauts);
    expect(new Set(hauts).size).toBe(ordre.length);
    // The form the total was computed from is folded into one line under it (issue 13), its plan de travail hidden;
    // unfolded, its fields still come after the total.
    const bascule = page.getByTestId("carbone-parametres");
    expect(await bascule.getAttribute("aria-expanded")).toBe("false");
    expect((await texte(bascule)).replace(/\s+/g, " ").trim()).toMatch(/ · plan de travail « PDT » — Modifier$/);
    expect(await page.getByTestId("carbone-planning").isVisible()).toBe(false);
    expect(await haut(page.getByTestId("carbone-total"))).toBeLessThan(await haut(bascule));
    await deplierParametres(page, "carbone-parametres");
    expect(await haut(page.getByTestId("carbone-total"))).toBeLessThan(
      await haut(page.getByTestId("carbone-planning")),
    );
    await bascule.click();
    await page.locator('[data-testid="carbone-parametres"][aria-expanded="false"]').waitFor();
    // Folded again, the list shows its first 5 only.
    await page.getByTestId("carbone-manquants-voir").click();
    expect(await page.locator('[data-testid^="carbone-manquant-"]').count()).toBe(5);
    const bouton = details.getByRole("button", { name: /Détails et sources/ });
    await bouton.focus();
    await page.keyboard.press("Enter");
    expect(await bouton.getAttribute("aria-expanded")).toBe("true");
    const chiffres = details.getByTestId("chiffre-retenu");
    await chiffres.first().waitFor();
    expect(
      await chiffres.evaluateAll((ls) => ls.map((l) => (l as HTMLElement).innerText.replace(/\s+/g, " "))),
    ).toEqual([
      "Autres produits manufacturés (ratio monétaire) (Base Carbone 43365) : 231 kg CO₂e / k€ HT à vérifier",
      "Hébergement — nuit d'hôtel (France) (Étude ADEME tourisme 2022 réf. 7637) : 4,3 kg CO₂e / nuitée à vérifier",
      "Repas moyen (Base Carbone 20682) : 2,04 kg CO₂e / repas à vérifier",
      "Produits informatiques, électroniques et optiques (ratio monétaire) (Base Carbone 43420) : 216 kg CO₂e / k€ HT à vérifier",
      "Cinéma, télévision, enregistrement, post-production (ratio monétaire 2023) (Base Carbone 43375) : 156 kg CO₂e / k€ HT à vérifier",
      "Assurance (ratio monétaire) (Base Carbone 43475) : 77 kg CO₂e / k€ HT à vérifier",
      "Services juridiques et comptables (ratio monétaire) (Base Carbone 43545) : 67 kg CO₂e / k€ HT à vérifier",
    ]);
    // The emission factors, then the CNC nomenclature the devis was structured with (as `prodbook carbone --json`).
    const tables = details.getByTestId("texte-applique");
    expect(await tables.count()).toBe(2);
    const table = tables.first();
    expect(await texte(table)).toMatch(
      /^Facteurs d'émission du bilan carbone, version du 31\u00a0mars\u00a02023\s+à vérifier/,
    );
    expect(await texte(table)).toContain("Pourquoi à vérifier");
    expect(await texte(tables.nth(1))).toMatch(
      /^Nomenclature du devis CNC, version du 1er\u00a0janvier\u00a02000\s+à vérifier/,
    );
    expect(await texte(page.getByTestId(TEST_IDS.page("carbone")))).not.toMatch(TECHNIQUE);
    for (const largeur of [350, 320]) {
      await page.setViewportSize({ width: largeur, height: 1100 });
      expect(await debordements(page)).toEqual([]);
    }
    await ecran(page, "carbone-details.png");
  });

  it("« D'où vient ce chiffre ? » : le total ouvre son arbre jusqu'aux facteurs et aux cellules du devis, à 320 px", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    // A fresh estimate (this test also runs alone): after one, the plan de travail is in the folded parameters.
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    await deplierParametres(page, "carbone-parametres");
    await page.locator('[data-testid="carbone-planning"] option', { hasText: "PDT" }).waitFor({ state: "attached" });
    await page.getByTestId("carbone-planning").selectOption("PDT");
    await page.getByTestId("carbone-estimer").click();
    const total = page.getByTestId("carbone-expliquer-total");
    await total.waitFor();
    expect(await total.evaluate((e) => e.tagName)).toBe("BUTTON");
    expect(await total.textContent()).toBe("2,49 t CO₂e");
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    await total.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await total.getAttribute("aria-expanded")).toBe("true");
    // The tree opens under the total, before the table of categories.
    expect(await haut(panneau)).toBeLessThan(await haut(page.getByTestId("carbone-categories")));
    expect(await texte(panneau)).toMatch(/Total prévisionnel \(t CO₂e\)\s+2,49208\s+= Σ des catégories/);
    // Down to a line: « Achats et services » → « Assurance production » → its base (the devis amount) and its factor.
    const deplier = (t: string | RegExp) => panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: t }).first();
    await deplier("Achats et services, prévisionnel").click();
    await deplier("Assurance production").click();
    await deplier("Base (k€ HT)").click();
    const arbre = await texte(panneau);
    expect(arbre).toMatch(/Assurance production\s+0,1694\s+= base × facteur ÷ 1\s000/);
    // The factor's identifier, then its rule: the table by its French name, its version, « à vérifier » (confidence M).
    expect(arbre).toMatch(
      new RegExp(
        "Facteur d'émission \\(kg CO₂e / k€ HT\\)\\s+77\\s+= Base Carbone 43475 — Assurance, réassurance, retraites, 2023\\s+" +
          "Règle\\s*: Facteurs d'émission du bilan carbone, version du 31\\s+mars\\s+2023\\s+à vérifier",
      ),
    );
    // The pane's words: no factor code, table id, confidence letter or URL in the tree.
    expect(arbre).not.toMatch(TECHNIQUE);
    // The devis cells are links that select them in Excel: the line's label, then its amount.
    const cellule = (ref: string) => panneau.getByTestId(IDS_TRACE.cellule).filter({ hasText: ref }).first();
    await cellule("'Budget Gardiens'!B66").click();
    expect(await selectionApres(page, "'Budget Gardiens'!B66")).toBe("'Budget Gardiens'!B66");
    await cellule("'Budget Gardiens'!G66").focus();
    await page.keyboard.press("Enter");
    expect(await selectionApres(page, "'Budget Gardiens'!G66")).toBe("'Budget Gardiens'!G66");
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "carbone-dou-vient-ce-chiffre-320.png");
    // A category's figure opens its own tree, under the table; the total's closes.
    const hebergement = page.getByTestId("carbone-expliquer-categorie-hebergement");
    expect(await hebergement.textContent()).toBe("0,31");
    await hebergement.click();
    expect(await total.getAttribute("aria-expanded")).toBe("false");
    expect(await haut(panneau)).toBeGreaterThan(await haut(page.getByTestId("carbone-categories")));
    expect(await texte(panneau)).toMatch(/Hébergement, prévisionnel \(t CO₂e\)\s+0,3096/);
    await deplier("Hébergement (nuitées)").click();
    expect(await texte(panneau)).toMatch(/Base \(nuitée\)\s+72/);
    expect(await debordements(page)).toEqual([]);
    // Closed by its button: the focus goes back to the figure.
    await page.getByTestId(IDS_TRACE.fermer).click();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "carbone-expliquer-categorie-hebergement",
    );
  });

  it("« D'où vient ce chiffre ? » : les parts (données d'activité, ratios monétaires) ouvrent leur arbre jusqu'aux lignes, à 320 px", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    const activite = page.getByTestId("carbone-expliquer-part-activite");
    const monetaire = page.getByTestId("carbone-expliquer-part-monetaire");
    await activite.waitFor();
    expect(await activite.evaluate((e) => e.tagName)).toBe("BUTTON");
    expect(await activite.textContent()).toBe("18,3\u00a0%");
    expect(await monetaire.textContent()).toBe("81,7\u00a0%");
    // The line still reads as before.
    expect(await page.getByTestId("carbone-parts").textContent()).toBe(
      "Données d'activité 18,3\u00a0% · ratios monétaires 81,7\u00a0%",
    );
    await activite.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await activite.getAttribute("aria-expanded")).toBe("true");
    // Under the shares, before the table of categories.
    expect(await haut(panneau)).toBeGreaterThan(await haut(page.getByTestId("carbone-parts")));
    expect(await haut(panneau)).toBeLessThan(await haut(page.getByTestId("carbone-categories")));
    const deplier = (t: string | RegExp) => panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: t }).first();
    expect(await texte(panneau)).toMatch(
      /Part données d'activité\s+18,32\s%\s+= Σ des prévisionnels des lignes «\sdonnée d'activité\s» ÷ total prévisionnel/,
    );
    // Down to the lines counted, each at its devis cell, and the total it is a share of.
    await deplier("Prévisionnel des lignes").click();
    const arbreActivite = await texte(panneau);
    expect(arbreActivite).toMatch(/Prévisionnel des lignes «\sdonnée d'activité\s» \(t CO₂e\)\s+0,45648/);
    expect(arbreActivite).toMatch(/Hébergement \(nuitées\)\s+0,3096\s+= base × facteur ÷ 1\s000/);
    expect(await lienCellule(panneau, "'Budget Gardiens'!B45").count()).toBe(1);
    expect(arbreActivite).toMatch(/Repas \(défraiements\)\s+0,14688/);
    expect(arbreActivite).toMatch(/Total prévisionnel \(t CO₂e\)\s+2,49208/);
    expect(arbreActivite).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    // The other share opens its own tree in its place.
    await monetaire.click();
    expect(await activite.getAttribute("aria-expanded")).toBe("false");
    expect(await monetaire.getAttribute("aria-expanded")).toBe("true");
    expect(await texte(panneau)).toMatch(/Part ratios monétaires\s+81,68\s%/);
    await deplier("Prévisionnel des lignes").click();
    const arbre = await texte(panneau);
    expect(arbre).toMatch(/Prévisionnel des lignes «\sratio monétaire\s» \(t CO₂e\)\s+2,0356/);
    expect(arbre).toMatch(/Assurance production\s+0,1694\s+= base × facteur ÷ 1\s000/);
    expect(arbre).not.toMatch(TECHNIQUE);
    // Its lines' cells select them in Excel.
    await lienCellule(panneau, "'Budget Gardiens'!B66").click();
    expect(await selectionApres(page, "'Budget Gardiens'!B66")).toBe("'Budget Gardiens'!B66");
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "carbone-parts-320.png");
    // Closed by its button: the focus goes back to the share.
    await page.getByTestId(IDS_TRACE.fermer).click();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "carbone-expliquer-part-monetaire",
    );
  });

  it("« Écrire » : Bilan carbone (formules, graphique) et Export carbone ; le résultat reste après un changement de page", async () => {
    // The button names the two sheets it writes as they are named in the workbook (not « Export », no such sheet).
    expect(await page.getByTestId("carbone-ecrire").textContent()).toBe(
      "Écrire les feuilles Bilan carbone et Export carbone",
    );
    await page.getByTestId("carbone-ecrire").click();
    const message = page.getByTestId("carbone-message");
    await message.waitFor();
    expect(await message.textContent()).toBe(
      "Feuilles écrites\u00a0: «\u00a0Bilan carbone\u00a0», «\u00a0Export carbone\u00a0».",
    );
    const etat = await etatExcel(page);
    const bilan = etat.feuilles.find((f) => f.name === "Bilan carbone")!;
    expect(bilan.charts.map((c) => c.title)).toEqual(["Émissions par catégorie (t CO₂e)"]);
    expect(bilan.formules[4][1]).toMatch(/^=B\d+$/);
    expect(etat.feuilles.map((f) => f.name)).toContain("Export carbone");

    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    expect(await page.getByTestId("carbone-total").textContent()).toBe("2,49 t CO₂e");
    expect(v.erreursPage).toEqual([]);
    expect(sortiesInattendues(v.refusees)).toEqual([]);
  });

  it("« D'où vient ce chiffre ? » : avec le Grand livre chargé, le définitif ouvre son arbre jusqu'au réalisé des lignes, à 320 px", async () => {
    await page.setViewportSize({ width: 320, height: 1100 });
    // The réalisé, as the user gets it: on the Écarts page, the correspondances imported (the fixture's, plus the
    // insurance premiums 616 → poste 9.1 « Assurance production ») and the ledger loaded; then « Réalisé : depuis le
    // Grand livre chargé » here.
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-carbone-"));
    const csv = path.join(dossier, "correspondances.csv");
    fs.writeFileSync(csv, `${fs.readFileSync(CORRESPONDANCES, "utf8").trimEnd()}\n616;9.1;Assurance\n`);
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page.locator(`[data-testid="${TEST_IDS.ecarts.enregistrer}"]:not([disabled])`).waitFor();
    await page.getByTestId(TEST_IDS.ecarts.importer).setInputFiles(csv);
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    await page.getByTestId(TEST_IDS.ecarts.expliquer("ecart", "total")).waitFor({ timeout: 60000 });
    fs.rmSync(dossier, { recursive: true, force: true });
    await page.getByTestId(TEST_IDS.onglet("carbone")).click();
    await deplierParametres(page, "carbone-parametres");
    await page.getByTestId("carbone-grand-livre").click();
    await page.getByTestId("carbone-estimer").click();
    await page.getByTestId("carbone-realise").filter({ hasText: "Grand livre" }).waitFor();
    // 1 250,00 € of premiums × 77 kg CO₂e / k€ HT = 96,25 kg: the only line with a réalisé.
    const definitif = page.getByTestId("carbone-expliquer-definitif");
    expect(await definitif.evaluate((e) => e.tagName)).toBe("BUTTON");
    expect(await definitif.textContent()).toBe("0,10 t CO₂e");
    await definitif.click();
    const panneau = page.getByTestId(IDS_TRACE.panneau);
    await panneau.waitFor();
    expect(await definitif.getAttribute("aria-expanded")).toBe("true");
    // Under the total, before the table of categories.
    expect(await haut(panneau)).toBeLessThan(await haut(page.getByTestId("carbone-categories")));
    expect(await texte(panneau)).toMatch(/Total définitif \(t CO₂e\)\s+0,09625\s+= Σ des catégories/);
    // Down to the line's réalisé, from the ledger, and its factor.
    const deplier = (t: string | RegExp) => panneau.getByTestId(IDS_TRACE.deplier).filter({ hasText: t }).first();
    await deplier("Achats et services, définitif").click();
    await deplier("Assurance production").click();
    await deplier("Réalisé (k€ HT)").click();
    const arbre = await texte(panneau);
    expect(arbre).toMatch(/Assurance production\s+0,09625\s+= réalisé ÷ 1\s000 × facteur ÷ 1\s000/);
    expect(arbre).toMatch(/Réalisé \(€\)\s+1\s250,00\s€\s+= Grand Livre \(FEC\), poste 9\.1/);
    expect(arbre).toMatch(/Facteur d'émission \(kg CO₂e \/ k€ HT\)\s+77/);
    expect(arbre).not.toMatch(TECHNIQUE);
    expect(await debordements(page)).toEqual([]);
    await ecran(page, "carbone-definitif-320.png");
    // The category's définitif opens its own tree, under the table; the total's closes.
    const achats = page.getByTestId("carbone-expliquer-definitif-achats");
    expect(await achats.textContent()).toBe("0,10");
    await achats.click();
    expect(await definitif.getAttribute("aria-expanded")).toBe("false");
    expect(await haut(panneau)).toBeGreaterThan(await haut(page.getByTestId("carbone-categories")));
    expect(await texte(panneau)).toMatch(/Achats et services, définitif \(t CO₂e\)\s+0,09625/);
    expect(await debordements(page)).toEqual([]);
    // Closed by its button: the focus goes back to the figure.
    await page.getByTestId(IDS_TRACE.fermer).click();
    expect(await page.getByTestId(IDS_TRACE.panneau).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "carbone-expliquer-definitif-achats",
    );
    expect(v.erreursPage).toEqual([]);
  });
});
