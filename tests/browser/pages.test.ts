import { TEST_IDS } from "../../src/taskpane/testIds";
import { ecran, etatExcel, lignesTableau, sortiesInattendues, voletDuBloc, saisirDate } from "./volet";
import { deplierParametres } from "./actionsPages";

/**
 * Smoke test of the « Crédit d'impôt », « Financement » and « Planning » pages in the real bundle: each renders
 * in French and its primary action writes its sheets into the fake Excel, without a page error.
 * (Ids from the pages' IDS_CREDIT_IMPOT / IDS_FINANCEMENT / IDS_PLANNING; importing a page would load Fluent into jest.)
 */
describe("pages Crédit d'impôt, Financement et Planning dans Chromium (Excel simulé)", () => {
  const v = voletDuBloc();
  const { page } = v;

  /** Every sheet named in a « Écrit : « A », « B » » message exists in the workbook. */
  async function feuillesEcrites(message: string): Promise<string[]> {
    const noms = [...message.matchAll(/«\s([^»]+)\s»/g)].map((m) => m[1]);
    expect(noms.length).toBeGreaterThan(0);
    const etat = await etatExcel(page);
    expect(etat.feuilles.map((f) => f.name)).toEqual(expect.arrayContaining(noms));
    return noms;
  }

  it("Crédit d'impôt : « Créer la feuille Crédit d'impôt » calcule le crédit du devis et écrit la feuille", async () => {
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    // The sheet list comes from the workbook.
    await page
      .locator('[data-testid="ci-feuille"] option', { hasText: "Budget Gardiens" })
      .waitFor({ state: "attached" });
    await page.getByTestId("ci-genre").selectOption("documentaire");
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-creer").click();
    const succes = page.getByTestId("ci-succes");
    await succes.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.getByTestId("ci-credit").textContent()).toMatch(/^\d{1,3}(\s\d{3})*,\d{2}\s€$/);
    expect(await page.getByTestId("ci-resultat").textContent()).toContain("Devis «\u00a0Budget Gardiens\u00a0»");
    expect(await feuillesEcrites((await succes.textContent()) ?? "")).toContain("Crédit d'impôt");
    await ecran(page, "credit-impot.png");
  });

  it("Crédit d'impôt cinéma : le champ « Langue de l'œuvre » fait passer le taux de 20 % à 30 %", async () => {
    // The credit computed above: its parameters folded under it, unfolded to change them.
    await deplierParametres(page, "ci-parametres");
    await page.getByTestId("ci-regime").selectOption("cinema");
    await page.getByTestId("ci-genre").selectOption("fiction");
    /** Recomputes and waits for the result to show `attendu` (the previous result stays on screen meanwhile). */
    const calculerJusqua = async (attendu: RegExp) => {
      await page.getByTestId("ci-calculer").click();
      const resultat = page.getByTestId("ci-resultat");
      for (let i = 0; i < 100 && !attendu.test((await resultat.textContent()) ?? ""); i++)
        await page.waitForTimeout(50);
      expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
      expect(await resultat.textContent()).toMatch(attendu);
    };
    await calculerJusqua(/Taux20,00\s%/);
    await page.getByTestId("ci-langue").selectOption("francais");
    await calculerJusqua(/Taux30,00\s%/);
    await page.getByTestId("ci-genre").selectOption("animation");
    expect(await page.getByTestId("ci-langue").count()).toBe(0);
  });

  it("Financement : « Créer les feuilles Plan de financement et Échéancier » lit le plan de l'utilisateur et écrit les deux feuilles", async () => {
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.locator('[data-testid="fin-feuille"] option', { hasText: "Plan fin." }).waitFor({ state: "attached" });
    await page.getByTestId("fin-oeuvre").selectOption("audiovisuel");
    // The button says it writes two sheets, named as in the workbook (« Créer Plan de … » read as a missing article).
    expect(await page.getByTestId("fin-creer").textContent()).toBe(
      "Créer les feuilles Plan de financement et Échéancier",
    );
    await page.getByTestId("fin-creer").click();
    const succes = page.getByTestId("fin-succes");
    await succes.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.getByTestId("fin-resultat").textContent()).toContain("Plan «\u00a0Plan fin.\u00a0»");
    expect(await page.getByTestId("fin-intensite").textContent()).toMatch(/^\d+,\d{2}\s%$/);
    const noms = await feuillesEcrites((await succes.textContent()) ?? "");
    expect(noms).toEqual(expect.arrayContaining(["Plan de financement", "Échéancier"]));
    await ecran(page, "financement.png");
  });

  it("Financement : un coût ambigu (« 12.500 ») est refusé sous le champ en nommant les deux lectures, sans rien calculer", async () => {
    const avant = await page.getByTestId("fin-resultat").textContent();
    const cout = page.getByTestId("fin-cout");
    await deplierParametres(page, "fin-parametres");
    await cout.fill("12.500");
    await page.getByTestId("fin-verifier").click();
    // The message is the field's own (Fluent Field validationMessage), linked to the input for screen readers.
    expect(await cout.getAttribute("aria-invalid")).toBe("true");
    const message = await cout.evaluate(
      (e) =>
        (e.getAttribute("aria-describedby") ?? "")
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .find((m) => m?.classList.contains("fui-Field__validationMessage"))?.textContent,
    );
    expect(message).toBe(
      "«\u00a012.500\u00a0»\u00a0: 12,50\u00a0€ ou 12\u202f500\u00a0€\u202f? Écrivez «\u00a012,5\u00a0» ou «\u00a012\u202f500\u00a0».",
    );
    expect(await cout.evaluate((e) => e === document.activeElement)).toBe(true);
    // Nothing ran: the previous result is unchanged, no error box, no spinner.
    expect(await page.getByTestId("fin-resultat").textContent()).toBe(avant);
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    await cout.fill("");
    expect(await cout.getAttribute("aria-invalid")).toBeNull();
    expect(v.erreursPage).toEqual([]);
  });

  it("Planning : « Recalculer » rétroplanifie les étapes de l'utilisateur, puis les feuilles de planning sont écrites", async () => {
    await page.getByTestId(TEST_IDS.onglet("planning")).click();
    await saisirDate(page.getByTestId("planning-livraison"), "2026-12-15");
    await page.getByTestId("planning-recalculer").click();
    const etapes = page.getByTestId("planning-etapes");
    await etapes.waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    // The steps of the user's « Étapes post-prod » sheet, the last one ending on or before the delivery date.
    const lignes = await lignesTableau(etapes);
    expect(lignes.map((l) => l[0])).toContain("Montage image");
    // « 15 décembre 2026 »: dates in French words.
    const MOIS = [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ];
    const iso = (t: string) => {
      const m = /^(\d{1,2})(?:er)?\u00a0(\p{L}+)\u00a0(\d{4})$/u.exec(t);
      expect(m).not.toBeNull();
      return `${m![3]}-${String(MOIS.indexOf(m![2]) + 1).padStart(2, "0")}-${m![1].padStart(2, "0")}`;
    };
    for (const l of lignes) iso(l[1]);
    const fin = lignes
      .map((l) => iso(l[2]))
      .sort()
      .pop();
    expect(fin! <= "2026-12-15").toBe(true);
    expect(await page.getByTestId("planning-critique").textContent()).toMatch(/^Chemin critique\s: .+/);
    await ecran(page, "planning.png");

    await page.getByTestId("planning-ecrire").click();
    const message = page.getByTestId("planning-message");
    await message.waitFor();
    const texte = (await message.textContent()) ?? "";
    // Each sheet between guillemets with no-break spaces (« Rétroplanning »), as every page names a sheet.
    expect(texte).toMatch(/^Feuilles écrites\u00a0: «\u00a0[^»]+\u00a0»(, «\u00a0[^»]+\u00a0»)*\.$/);
    const noms = texte
      .replace(/^Feuilles écrites\s: /, "")
      .replace(/\.$/, "")
      .split(", ")
      .map((n) => n.replace(/^«\u00a0(.*)\u00a0»$/, "$1"));
    expect((await etatExcel(page)).feuilles.map((f) => f.name)).toEqual(expect.arrayContaining(noms));
    expect(noms).toContain("Rétroplanning");
    expect(v.erreursPage).toEqual([]);
    expect(sortiesInattendues(v.refusees)).toEqual([]);
  });

  it("Sources : les barèmes du jour, « à vérifier » ou « texte officiel », liens sortants, sans défilement horizontal à 340 px", async () => {
    await page.setViewportSize({ width: 340, height: 1100 });
    await page.getByTestId(TEST_IDS.onglet("sources")).click();
    const resume = page.getByTestId("sources-resume");
    await resume.waitFor();
    expect(await resume.textContent()).toMatch(
      /^Le (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}\s: \d+\sbarèmes, dont \d+\slus dans le texte officiel/,
    );
    expect(await page.getByTestId("sources-confiance-credit-impot-cinema-plafond").textContent()).toBe(
      "texte officiel",
    );
    // Each table's badge reads with its own title: the next table starts further below it, past a rule, than the
    // badge sits under its title (not a list of titles and badges evenly spaced, the badge as near the next title).
    const ecarts = await page.getByTestId("sources-liste").evaluate((liste) =>
      Array.from(liste.children).flatMap((item, i, tous) => {
        const titre = item.querySelector("button span span")!.getBoundingClientRect();
        const badge = item.querySelector('[data-testid^="sources-confiance-"]')!.getBoundingClientRect();
        const suivant = tous[i + 1]?.querySelector("button span span")?.getBoundingClientRect();
        const trait = parseFloat(getComputedStyle(item).borderBottomWidth) > 0;
        const dedans = badge.top - titre.bottom;
        return suivant && (!trait || suivant.top - badge.bottom < 2 * dedans + 8)
          ? [`${item.getAttribute("data-testid")} : ${Math.round(suivant.top - badge.bottom)} px`]
          : [];
      }),
    );
    expect(ecarts).toEqual([]);
    const table = page.getByTestId("sources-table-credit-impot-cinema");
    expect(await page.getByTestId("sources-confiance-credit-impot-cinema").textContent()).toContain("à vérifier");
    await table.getByRole("button").first().click();
    const lien = table.getByRole("link").first();
    await lien.waitFor();
    expect(await lien.getAttribute("target")).toBe("_blank");
    expect(await table.textContent()).toContain("Pourquoi à vérifier");
    const largeur = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(largeur).toBeLessThanOrEqual(340);
    await ecran(page, "sources.png");
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(v.erreursPage).toEqual([]);
    expect(sortiesInattendues(v.refusees)).toEqual([]);
    await page.setViewportSize({ width: 420, height: 1100 });
  });

  it("Structurer : une feuille qui n'est pas un devis (« PDT ») ne devient pas celle de la production, ni ne laisse l'aperçu d'une autre", async () => {
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    const choix = page.getByTestId(TEST_IDS.structurer.feuille);
    const resume = page.getByTestId(TEST_IDS.production.resume);
    const apercu = page.getByTestId(TEST_IDS.structurer.apercu);
    const volet = page.getByTestId(TEST_IDS.page("structurer"));
    await choix.selectOption("Budget Gardiens");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await apercu.waitFor();
    expect(await apercu.textContent()).toContain("Ce que Prodbook a trouvé dans «\u00a0Budget Gardiens\u00a0»");
    expect(await resume.textContent()).toMatch(/^Budget Gardiens( · |$)/);

    // Picked, not yet read: every page keeps « Budget Gardiens » (before: « PDT · Documentaire »), said under the
    // field; the preview of « Budget Gardiens » goes, it is not the picked sheet's.
    await choix.selectOption("PDT");
    expect(await apercu.count()).toBe(0);
    expect(await resume.textContent()).toMatch(/^Budget Gardiens( · |$)/);
    expect(await volet.innerText()).toContain(
      "Les autres pages lisent toujours «\u00a0Budget Gardiens\u00a0»\u00a0: «\u00a0PDT\u00a0» ne sera retenue " +
        "qu'après une analyse sans erreur.",
    );

    // Refused: the error alone under the button (no preview of another sheet), the production's sheet unchanged.
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    const erreur = volet.getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    expect(await erreur.textContent()).toContain("Aucun devis reconnu dans la feuille «\u00a0PDT\u00a0»");
    expect(await apercu.count()).toBe(0);
    expect(await resume.textContent()).toMatch(/^Budget Gardiens( · |$)/);
    expect(await resume.textContent()).not.toContain("PDT");
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    expect(await page.getByTestId("ci-feuille").inputValue()).toBe("Budget Gardiens");

    // A sheet read without error becomes the production's: automatic detection finds « Budget Gardiens » again.
    await page.getByTestId(TEST_IDS.onglet("structurer")).click();
    await choix.selectOption("");
    await page.getByTestId(TEST_IDS.structurer.analyser).click();
    await apercu.waitFor();
    expect(await volet.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await resume.textContent()).toMatch(/^Devis à détecter( · |$)/);
    expect(await volet.innerText()).not.toContain("Les autres pages lisent toujours");
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * « Nothing guessed »: the genre changes the tax credit (rate, minimum cost per minute), so the Crédit d'impôt page
 * never computes a production whose genre is « Non précisé » as a fiction: it asks for the genre, highlighted under
 * its field and said under the actions, and estimates once it is chosen.
 */
describe("Crédit d'impôt sans genre précisé : le genre est demandé, jamais supposé", () => {
  const v = voletDuBloc();
  const { page } = v;

  it("« Calculer » sans genre n'estime rien, met le champ Genre en avant et dit pourquoi ; le genre choisi, il calcule", async () => {
    // The genre detected in the devis (« documentaire ») cleared in the production panel: « Non précisé ».
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.production.genre).selectOption("");
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await page
      .locator('[data-testid="ci-feuille"] option', { hasText: "Budget Gardiens" })
      .waitFor({ state: "attached" });
    expect(await page.getByTestId("ci-genre").inputValue()).toBe("");
    expect(await page.getByTestId("ci-genre-manquant").textContent()).toMatch(
      /^Genre non précisé\s: choisissez fiction, documentaire ou animation, il change le crédit d'impôt/,
    );
    await page.getByTestId("ci-duree").fill("52");
    await page.getByTestId("ci-calculer").click();
    const demande = page.getByTestId("ci-genre-a-choisir");
    await demande.waitFor();
    expect(await demande.textContent()).toMatch(/^Choisissez d'abord le genre de l'œuvre/);
    expect(await page.getByTestId("ci-resultat").count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "ci-genre");

    await page.getByTestId("ci-genre").selectOption("documentaire");
    await page.getByTestId("ci-calculer").click();
    await page.getByTestId("ci-resultat").waitFor();
    expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
    expect(await page.getByTestId("ci-genre-a-choisir").count()).toBe(0);
    expect(await page.getByTestId("ci-credit").textContent()).toMatch(/^\d{1,3}(\s\d{3})*,\d{2}\s€$/);
    expect(v.erreursPage).toEqual([]);
  });
});
