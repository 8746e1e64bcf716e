import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lireCsvCorrespondances } from "../../src/app/commandes/ecarts";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { debordements, etatExcel, voletDuBloc } from "./volet";

/**
 * « Importer un fichier .csv… » of the Écarts page, in the built pane at 320 px: the accountant's correspondances file
 * (a « Commentaire » column, a line with a field too many) replaces the list, and what it holds that is not read is
 * said under the button, in the very words `prodbook ecarts --correspondances` prints — and written, with a ledger
 * loaded, in the Contrôles sections of the Écarts and Coût définitif sheets (with the ledger's own alerte: the decimal
 * convention that read its « 69,600 »).
 */
const FIX = path.join(__dirname, "../fixtures/fec");
const COMMENTEE = path.join(FIX, "correspondances-commentaires.csv");
const IDS = TEST_IDS.ecarts;

describe("Écarts : import d'un fichier de correspondances (Chromium, 320 px)", () => {
  const { page } = voletDuBloc({ largeur: 320, hauteur: 700 });
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-corr-"));
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    // Every row valid: the list is folded with its count; unfolded to be read and edited.
    await page.getByTestId(IDS.deplierCorrespondances).click();
    await page.getByTestId(IDS.correspondance(0)).waitFor();
    // The rows show before the reading of them ends: the buttons are usable once it has.
    await page.locator(`[data-testid="${IDS.enregistrer}"]:not([disabled])`).waitFor();
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("au clavier : le fichier remplace la liste, ses alertes (colonne, ligne) sous le bouton, sans débordement", async () => {
    const attendu = lireCsvCorrespondances(fs.readFileSync(COMMENTEE), path.basename(COMMENTEE));
    expect(attendu.alertes.map((a) => a.message)).toEqual([
      expect.stringContaining("correspondances-commentaires.csv, ligne 1 : colonne « Commentaire » (D) ignorée"),
      expect.stringContaining("correspondances-commentaires.csv, ligne 8 : 5 champs pour 4 colonnes"),
    ]);
    // The button is reached with Tab from the « Enregistrer » button before it, and Enter opens the file chooser.
    await page.getByTestId(IDS.enregistrer).focus();
    await page.keyboard.press("Tab");
    const bouton = page.getByRole("button", { name: "Importer un fichier .csv…" });
    expect(await bouton.evaluate((b) => b === document.activeElement)).toBe(true);
    // Enter opens the file picker (the button clicks its file input; the dialog itself is not drawn here), then the
    // file is given to that input.
    const entree = page.getByTestId(IDS.importer);
    await entree.evaluate((i) =>
      i.addEventListener(
        "click",
        (e) => {
          e.preventDefault();
          (window as unknown as { __choixOuvert: boolean }).__choixOuvert = true;
        },
        { once: true },
      ),
    );
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as unknown as { __choixOuvert?: boolean }).__choixOuvert === true);
    await entree.setInputFiles(COMMENTEE);

    const alertes = page.getByTestId(IDS.alertesImport);
    await alertes.waitFor();
    // Right under the button, in view (the pane scrolls it there, under its sticky header, when the list shrinks).
    await page.waitForTimeout(400);
    const vue = await alertes.evaluate((e) => ({
      haut: e.getBoundingClientRect().top,
      bas: e.getBoundingClientRect().bottom,
      entete: document.querySelector("header")!.getBoundingClientRect().bottom,
      fenetre: window.innerHeight,
    }));
    expect(vue.haut).toBeGreaterThanOrEqual(vue.entete);
    expect(vue.bas).toBeLessThanOrEqual(vue.fenetre);
    // The pane puts no-break spaces inside « » and before « : » / « ; »: compared with ordinary spaces.
    const texte = (await alertes.innerText()).replace(/[\u00a0\u202f]/g, " ");
    expect(texte).toContain("« correspondances-commentaires.csv » lu ; 2 alertes :");
    for (const a of attendu.alertes) expect(texte).toContain(`⚠ ${a.message.replace(/[\u00a0\u202f]/g, " ")}`);
    // The list is the file's seven rows, in its order.
    const lues = [...attendu.table.comptes, ...attendu.table.sections];
    expect(lues).toHaveLength(7);
    await page.getByTestId(IDS.correspondance(6)).waitFor();
    expect(await page.getByTestId(IDS.correspondance(7)).count()).toBe(0);
    for (const [i, c] of lues.entries()) {
      const ligne = page.getByTestId(IDS.correspondance(i));
      expect(await ligne.getByLabel("Compte").inputValue()).toBe(c.cle);
      expect(await ligne.getByLabel("Poste").inputValue()).toBe(c.poste);
    }
    expect(await page.getByTestId(TEST_IDS.retour("ecarts-importer")).getByRole("status").textContent()).toBe(
      "7\u00a0correspondances lues dans correspondances-commentaires.csv, 2\u00a0alertes.",
    );
    expect(await debordements(page)).toEqual([]);
  });

  it("écrire les feuilles après l'import : ses alertes, et la convention du FEC lu, dans les Contrôles de « Écarts » et « Coût définitif »", async () => {
    // A name Excel would take for a formula: the sentences that name it must stay text in the written sheets.
    const csv = path.join(tmp, "=1+1 correspondances.csv");
    fs.copyFileSync(COMMENTEE, csv);
    const attendues = lireCsvCorrespondances(fs.readFileSync(csv), path.basename(csv)).alertes.map((a) => a.message);
    expect(attendues).toHaveLength(2);
    await page.getByTestId(IDS.importer).setInputFiles(csv);
    await page
      .getByTestId(IDS.alertesImport)
      .getByText(/=1\+1 correspondances\.csv/)
      .first()
      .waitFor();
    // A real ledger (pipe-separated, space-padded) whose line 2 writes its credit « 69,600 »: read in the Web Worker by
    // the decimal comma the file's other amounts prove, said once for the whole file; then the sheets written.
    const reel = fs.readFileSync(path.join(FIX, "../fec-reel/111111111FEC20221231.TXT"), "latin1").split("\n");
    expect(reel[1]).toContain("|0000000069,60|");
    reel[1] = reel[1].replace("|0000000069,60|", "|69,600|");
    const fec = path.join(tmp, "111111111FEC20221231.TXT");
    fs.writeFileSync(fec, reel.join("\n"), "latin1");
    await page.getByTestId(IDS.fichier).setInputFiles(fec);
    await page.getByTestId(IDS.tableau).waitFor();
    const convention =
      "Convention du fichier : virgule décimale, prouvée ligne 3 (aucun montant au point décimal) ; 1 montant ambigu " +
      "(un seul séparateur suivi de trois chiffres) lu selon elle : ligne 2 Credit « 69,600 » = 69,60 €. Vérifiez-le " +
      "dans l'export comptable.";
    const vu = (await page.getByText(/^⚠ Convention du fichier/).innerText()).replace(/[\u00a0\u202f]/g, " ");
    expect(vu).toBe(`⚠ ${convention}`);
    attendues.push(convention);
    await page.locator(`[data-testid="${IDS.rapprocher}"]:not([disabled])`).click();
    await page.getByTestId(IDS.feuilles).waitFor();
    const etat = await etatExcel(page);
    for (const nom of ["Écarts", "Coût définitif"]) {
      const f = etat.feuilles.find((x) => x.name === nom)!;
      const debut = f.valeurs.findIndex((l) => String(l[0] ?? "").startsWith("Contrôles"));
      expect(debut).toBeGreaterThan(0);
      expect(f.valeurs[debut + 1].slice(0, 4)).toEqual(["Gravité", "Contrôle", "Cellule", "Message"]);
      const section = f.valeurs
        .slice(debut + 2)
        .filter((l) =>
          ["Colonne ignorée (correspondances)", "Fichier du grand livre à vérifier"].includes(String(l[1])),
        );
      const sansInsecables = (m: unknown) => String(m).replace(/[\u00a0\u202f]/g, " ");
      expect(section.map((l) => [l[0], sansInsecables(l[3])])).toEqual(attendues.map((m) => ["Alerte", m]));
      // Text, not a formula that Excel would compute (#NAME?).
      const rangs = section.map((l) => f.valeurs.indexOf(l));
      for (const r of rangs) expect(f.formules[r][3]).toBeNull();
    }
    expect(await debordements(page)).toEqual([]);
  });

  it("un fichier sans colonne « poste » : l'erreur nomme le fichier et la ligne, sous le bouton ; la liste reste", async () => {
    const mauvais = path.join(tmp, "plan-comptable.csv");
    fs.writeFileSync(mauvais, "compte;libelle;poste\n641;Salaires;2\n");
    await page.getByTestId(IDS.importer).setInputFiles(mauvais);
    const retour = page.getByTestId(TEST_IDS.retour("ecarts-importer"));
    await retour
      .getByTestId(TEST_IDS.erreur)
      .getByText(/plan-comptable\.csv, ligne 1/)
      .waitFor();
    expect((await retour.innerText()).replace(/[\u00a0\u202f]/g, " ")).toContain(
      "plan-comptable.csv, ligne 1 : en-tête « compte;libelle;poste » inattendu ; attendu « compte;poste »",
    );
    // The error is in view (scrolled to, under the sticky header), and the rows of the previous file stay.
    const r = await retour.boundingBox();
    expect(r && r.y >= 0 && r.y + r.height <= 700).toBe(true);
    expect(await page.getByTestId(IDS.correspondance(6)).getByLabel("Compte").inputValue()).toBe("6516");
    expect(await page.getByTestId(IDS.alertesImport).count()).toBe(0);
    expect(await debordements(page)).toEqual([]);
  });
});
