import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { creerEnvoyeur } from "../../src/app/catalogue";
import { lireFichierFec } from "../../src/cli/commands/fec";
import { cents, eurosToCents, formatEcartFr, formatMontantFr, parseMontant } from "../../src/core/money";
import { nombre } from "../../src/taskpane/francais";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { MemoryWorkbook, type CelluleMemoire } from "../helpers/memoryWorkbook";
import {
  ecran,
  classeurProduction,
  debordements,
  etatExcel,
  lignesTableau,
  ouvrirVolet,
  sansEspacesInsecables,
  sortiesInattendues,
  type Volet,
} from "./volet";

/**
 * The « Écarts » page in the real bundle: a real FEC picked through the file input is parsed in the Web Worker
 * (fecWorker.js), then Grand livre / Correspondances / Écarts / Coût définitif are written into the fake Excel.
 */
const FEC_REELS = path.join(__dirname, "../fixtures/fec-reel");
/** The largest real file (10 755 lines, tab-separated, CRLF): its Grand livre needs more than one 2 MB block. */
const GROS = path.join(FEC_REELS, "123456789FEC20500930.txt");
/** A small pipe-separated one, copied and corrupted below. */
const PETIT = path.join(FEC_REELS, "111111111FEC20221231.TXT");
const DEUX_MO = 2 * 1024 * 1024;

const IDS = TEST_IDS.ecarts;

/** Records the messages every Worker sends to the page (the page's own handler still runs). */
const ESPION_WORKER = `(() => {
  const W = window.Worker;
  window.__messagesWorker = [];
  window.Worker = class extends W {
    constructor(u, o) {
      super(u, o);
      this.addEventListener("message", (e) => window.__messagesWorker.push({ type: e.data.type, fait: e.data.fait, total: e.data.total }));
    }
  };
})();`;

/** Data lines of a FEC file: non-empty lines after the header. */
function lignesDonnees(fichier: string): string[] {
  return fs
    .readFileSync(fichier, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r\n|\r|\n/)
    .slice(1)
    .filter((l) => l.trim() !== "");
}

/** Σ(Debit − Credit) of the class-6 lines of a tab-separated FEC, read here from the raw text (French decimals). */
function classe6Brute(fichier: string): number {
  const [entete, ...lignes] = fs
    .readFileSync(fichier, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r\n|\r|\n/);
  const cols = entete.split("\t");
  const [iCompte, iDebit, iCredit] = ["CompteNum", "Debit", "Credit"].map((c) => cols.indexOf(c));
  const cts = (x: string) => Math.round(Number((x || "0").replace(/\s/g, "").replace(",", ".")) * 100);
  return lignes
    .map((l) => l.split("\t"))
    .filter((c) => c.length > iCredit && c[iCompte].trim().startsWith("6"))
    .reduce((s, c) => s + cts(c[iDebit]) - cts(c[iCredit]), 0);
}

/** The pane's workbook (classeurProduction) as a MemoryWorkbook, to run the same use case here. */
async function classeurMemoire(): Promise<MemoryWorkbook> {
  const feuilles: Record<string, CelluleMemoire[][]> = {};
  for (const [nom, lignes] of Object.entries((await classeurProduction()).sheets ?? {}))
    feuilles[nom] = lignes.map((l) =>
      l.map((c) =>
        c !== null && typeof c === "object"
          ? ({ f: (c.f ?? "").replace(/^=/, ""), v: c.v ?? null } as CelluleMemoire)
          : c,
      ),
    );
  return new MemoryWorkbook(feuilles);
}

/** The columns of the pane's écarts table, in order (cards or table, read through data-colonne). */
const COLONNES = ["chapitre", "budget", "engage", "realise", "reste", "estimation", "ecart", "ecartEstime"];

/** Starts recording the progress bar's successive states (null = absent, else aria-valuenow). */
async function observerBarre(page: Page): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as { __barre: (string | null)[]; __obs?: MutationObserver };
    w.__obs?.disconnect();
    w.__barre = [];
    const noter = () => {
      const b = document.querySelector(`[data-testid="${id}"]`);
      const v = b ? (b.getAttribute("aria-valuenow") ?? "?") : null;
      if (w.__barre[w.__barre.length - 1] !== v) w.__barre.push(v);
    };
    w.__obs = new MutationObserver(noter);
    w.__obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, IDS.progression);
}

function etatsBarre(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => (window as unknown as { __barre: (string | null)[] }).__barre);
}

/**
 * The bar appeared, its value never went back, and it was gone once the work was done. `complete`: its last
 * value was 1 (asserted for writing, where a sync separates each step; the parse's last step and its result
 * arrive as two worker messages that React may render at once, so there the worker's messages are checked).
 */
function verifierBarre(etats: (string | null)[], complete: boolean): void {
  const valeurs = etats.filter((e): e is string => e !== null).map(Number);
  expect(valeurs.length).toBeGreaterThan(0);
  expect(valeurs.every((v) => v >= 0 && v <= 1)).toBe(true);
  expect(valeurs).toEqual([...valeurs].sort((a, b) => a - b));
  expect(etats[etats.length - 1]).toBeNull();
  if (complete) {
    expect(valeurs[valeurs.length - 1]).toBe(1);
    expect(new Set(valeurs).size).toBeGreaterThan(2);
  }
}

describe("page Écarts dans Chromium (bundle construit, Web Worker, Excel simulé)", () => {
  let v: Volet;
  let page: Page;
  let tmp: string;
  const gros = lignesDonnees(GROS);

  beforeAll(async () => {
    v = await ouvrirVolet(await classeurProduction(), [ESPION_WORKER]);
    page = v.page;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-ecarts-"));
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    // The default account → poste table is loaded from the catalogue when the page opens (folded: every row valid).
    await page.getByTestId(IDS.deplierCorrespondances).waitFor();
  });

  afterAll(async () => {
    await v?.fermer();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("la liste des correspondances, valide, est repliée avec son compte (l'étape 3 reste proche) et se déplie au clavier (avant : 24 lignes toujours dépliées)", async () => {
    const bouton = page.getByTestId(IDS.deplierCorrespondances);
    expect(await bouton.getAttribute("aria-expanded")).toBe("false");
    expect(await bouton.innerText()).toMatch(/^Afficher les \d+\u00a0correspondances \(toutes valides\)$/);
    expect(await page.locator('[data-testid^="ecarts-correspondance-"]').count()).toBe(0);
    const n = Number(/\d+/.exec(await bouton.innerText())![0]);
    expect(n).toBeGreaterThan(10);
    // The write step follows the folded list closely, not hundreds of pixels below.
    const ecrire = (await page.getByTestId(IDS.rapprocher).boundingBox())!;
    const b = (await bouton.boundingBox())!;
    expect(ecrire.y - (b.y + b.height)).toBeLessThan(250);
    await bouton.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId(IDS.correspondance(n - 1)).waitFor();
    expect(await bouton.getAttribute("aria-expanded")).toBe("true");
    expect(await bouton.innerText()).toMatch(/^Masquer les \d+\u00a0correspondances/);
    await page.keyboard.press("Space");
    await page.getByTestId(IDS.correspondance(0)).waitFor({ state: "detached" });
    await page.keyboard.press("Enter");
    await page.getByTestId(IDS.correspondance(0)).waitFor();
  });

  it("lit un FEC réel dans le Web Worker avec une barre de progression et montre le format détecté", async () => {
    // The steps keep their numbers once the écarts show (was: « 2. Correspondances » became « 3. »).
    const etapes = () =>
      page
        .getByTestId(TEST_IDS.page("ecarts"))
        .locator(".fui-Subtitle2")
        .allInnerTexts()
        .then((t) => t.filter((x) => /^\d\./.test(x)));
    const avant = await etapes();
    expect(avant).toEqual([
      "1. Grand livre (FEC ou CSV)",
      "2. Correspondances compte → poste",
      "3. Feuilles du classeur",
    ]);
    await observerBarre(page);
    await page.getByTestId(IDS.fichier).setInputFiles(GROS);
    const format = page.getByTestId(IDS.format);
    await format.waitFor();
    await page.getByTestId(IDS.rapport).waitFor();
    expect(await etapes()).toEqual(avant);

    expect(v.servis).toContain("/fecWorker.js");
    expect(v.workers.some((u) => u.endsWith("/fecWorker.js"))).toBe(true);
    const messages = await page.evaluate(
      () =>
        (window as unknown as { __messagesWorker: { type: string; fait?: number; total?: number }[] }).__messagesWorker,
    );
    const progres = messages.filter((m) => m.type === "progression");
    expect(progres.length).toBeGreaterThan(0);
    expect(progres[progres.length - 1]).toEqual({
      type: "progression",
      fait: fs.statSync(GROS).size,
      total: fs.statSync(GROS).size,
    });
    expect(messages[messages.length - 1].type).toBe("resultat");
    verifierBarre(await etatsBarre(page), false);

    const entete = fs
      .readFileSync(GROS, "utf8")
      .split(/\r\n|\r|\n/)[0]
      .split("\t");
    const texte = (await format.textContent()) ?? "";
    // How it was read, in words (no « séparateur tabulation · utf-8 »), and counts grouped as « 10 756 ».
    expect(texte).toContain(
      `Lu comme un FEC\u00a0: ${nombre(entete.length)}\u00a0colonnes séparées par des tabulations, ` +
        "montants en débit et crédit, encodage UTF-8.",
    );
    expect(texte).toContain(`${nombre(gros.length)} lignes importées sur ${nombre(gros.length)}`);
    expect(await page.getByTestId(IDS.rejets).count()).toBe(0);
    // The production's form names the loaded FEC's encoding as the page does: « UTF-8 », not the value « utf-8 ».
    await page.getByTestId(TEST_IDS.production.modifier).click();
    const ligneFec = page.getByTestId(TEST_IDS.production.fec);
    await ligneFec.waitFor();
    expect(await ligneFec.textContent()).toMatch(
      new RegExp(`^Grand livre\u00a0: ${path.basename(GROS)} \\(.+?, UTF-8, ${nombre(gros.length)}\u00a0lignes`),
    );
    await page.getByTestId(TEST_IDS.production.modifier).click();
    await ligneFec.waitFor({ state: "detached" });
    await ecran(page, "ecarts-fec.png");
  });

  it("les écarts s'affichent dès le chargement : sept colonnes aux chiffres du cas d'usage, total, légende, classe 6 retrouvée", async () => {
    const tableau = page.getByTestId(IDS.tableau);
    await tableau.waitFor();
    // The same use case run here on the same workbook and ledger (default correspondances).
    const attendu = await creerEnvoyeur(await classeurMemoire())("apercuEcarts", {
      fec: await lireFichierFec(GROS, { conserver: true }),
    });
    const fr = (x: string | null) => (x === null ? "—" : formatMontantFr(eurosToCents(x)));
    // Écarts signed: « +1 785,00 € » over budget, « −900,00 € » (U+2212) under.
    const signe = (x: string) => formatEcartFr(eurosToCents(x));
    const lignes = await lignesTableau(tableau);
    expect(lignes).toEqual([
      ...attendu.chapitres.map((c) => [
        `${c.code} ${c.libelle}`,
        ...[c.budget, c.engage, c.realise, c.reste, c.estimation].map(fr),
        ...[c.ecart, c.ecartEstime].map(signe),
      ]),
      [
        "Total",
        ...[attendu.totaux.budget, attendu.totaux.engage, attendu.totaux.realise].map(fr),
        ...[attendu.totaux.reste, attendu.totaux.estimation].map(fr),
        ...[attendu.totaux.ecart, attendu.totaux.ecartEstime].map(signe),
      ],
    ]);
    expect(lignes.some((l) => /^\u2212\d/.test(l[COLONNES.indexOf("ecart")]))).toBe(true);
    // Read back as an accountant would: each row's écart, estimation and écart estimé from its own figures.
    const n = (t: string) => parseMontant(t)!;
    const i = (c: string) => COLONNES.indexOf(c);
    for (const l of lignes) {
      expect(n(l[i("ecart")])).toBe(n(l[i("realise")]) - n(l[i("budget")]));
      expect(n(l[i("estimation")])).toBe(n(l[i("realise")]) + n(l[i("reste")]));
      expect(n(l[i("ecartEstime")])).toBe(n(l[i("estimation")]) - n(l[i("budget")]));
    }
    const corps = lignes.slice(0, -1);
    const total = lignes[lignes.length - 1];
    for (const c of ["budget", "realise", "ecart"])
      expect(n(total[i(c)])).toBe(corps.reduce((s, l) => s + n(l[i(c)]), 0));
    // Some ledger money reached the postes, and a chapter under budget shows a negative écart (not 0,00 €).
    expect(n(total[i("realise")])).toBeGreaterThan(0);
    expect(corps.some((l) => n(l[i("realise")]) > 0 && n(l[i("ecart")]) < 0)).toBe(true);
    // Class 6 of the raw file = réalisé of the chapters + accounts without poste.
    const sansPoste = n(
      /(-?[\d\s]+,\d{2}\s€)$/.exec((await page.getByTestId(IDS.totalSansPoste).textContent()) ?? "")![1],
    );
    expect(n(total[i("realise")]) + sansPoste).toBe(classe6Brute(GROS));
    const rapport = (await page.getByTestId(IDS.rapport).textContent()) ?? "";
    expect(rapport).toContain(`Classe 6\u00a0: ${formatMontantFr(cents(classe6Brute(GROS)))}`);
    const legende = (await page.getByTestId(IDS.legende).textContent()) ?? "";
    expect(legende).toContain("Écart = réalisé − budget.");
    expect(legende).toContain("Écart estimé = estimation finale − budget");
    expect(legende).toMatch(/écart estimé au-delà de 5,00\s%\sdu budget et de 1\s000,00\s€ \(les deux seuils/);
    // The sheet named the French way, as every page names a sheet (was: « dans la feuille Écarts », bare).
    expect(legende).toContain("modifiables dans la feuille «\u00a0Écarts\u00a0»");
    expect(legende).not.toMatch(/feuille Écarts/);
    // A highlighted row carries a text mark too, and the legend names it.
    const alertes = attendu.chapitres.filter((c) => c.alerte).length;
    expect(await tableau.getByText("⚠ dépassement").count()).toBe(alertes);
    if (alertes) expect(legende).toContain("⚠ dépassement (ligne surlignée)");
    // Nothing written yet: computing the écarts writes no sheet.
    expect((await etatExcel(page)).feuilles.map((f) => f.name)).not.toContain("Écarts");
    await ecran(page.getByTestId(IDS.rapport), "ecarts-colonnes.png");
  });

  it("« Détails et sources » nomme le grand livre lu et le devenir de chacune de ses lignes, comme prodbook ecarts, sans déborder à 320 px", async () => {
    const details = page.getByTestId(IDS.details);
    const lu = page.getByTestId(IDS.grandLivreLu);
    // Closed under the headline figures: the sentences are not shown until it is opened.
    expect(await lu.isVisible()).toBe(false);
    await details.getByRole("button", { name: "Détails et sources" }).click();
    await lu.waitFor();
    // The same two sentences as the app's report (the CLI's text), with the picked file's name.
    const attendu = await creerEnvoyeur(await classeurMemoire())("apercuEcarts", {
      fec: await lireFichierFec(GROS, { conserver: true }),
      nomFec: path.basename(GROS),
    });
    const phrases = (await lu.locator(":scope > *").allTextContents()).map(sansEspacesInsecables);
    expect(phrases).toEqual(attendu.grandLivre.resume.map(sansEspacesInsecables));
    expect(phrases[0]).toMatch(
      new RegExp(`^Grand livre « ${path.basename(GROS)} » : FEC, séparateur tabulation, encodage UTF-8 \\(détecté\\)`),
    );
    expect(phrases[1]).toMatch(
      new RegExp(`^Lignes du FEC sous l'en-tête : ${sansEspacesInsecables(nombre(gros.length))} lues = `),
    );
    for (const largeur of [350, 320]) {
      await page.setViewportSize({ width: largeur, height: 900 });
      expect([largeur, await debordements(page)]).toEqual([largeur, []]);
    }
    await page.setViewportSize({ width: 420, height: 1100 });
    await details.getByRole("button", { name: "Détails et sources" }).click();
  });

  it("« Affecter à… » au clavier : le compte sans poste passe au chapitre choisi, le total sans poste baisse d'autant ; supprimer la correspondance l'y remet", async () => {
    const tableau = page.getByTestId(IDS.tableau);
    const sans = page.getByTestId(IDS.sansPoste);
    const lire = async () => {
      const lignes = await lignesTableau(tableau);
      const texte = (await page.getByTestId(IDS.totalSansPoste).textContent()) ?? "";
      return {
        lignes,
        total: parseMontant(/(-?[\d\s]+,\d{2}\s€)$/.exec(texte)?.[1] ?? "0,00 €")!,
        comptes: await lignesTableau(sans),
      };
    };
    // The real ledger leaves 34 accounts without poste: the 8 largest amounts first, the others behind a button (they
    // pushed the correspondances and « Écrire » thousands of pixels down); the heading still counts them all.
    const titre = (await page.getByTestId(IDS.totalSansPoste).textContent()) ?? "";
    const tous = Number(/(\d+)\scomptes/.exec(titre)![1]);
    expect(tous).toBeGreaterThan(9);
    const premiers = await lignesTableau(sans);
    expect(premiers.length).toBe(8);
    const montants = premiers.map((c) => Math.abs(parseMontant(c[2])!));
    expect(montants).toEqual([...montants].sort((a, b) => b - a));
    const plus = page.getByTestId(IDS.sansPostePlus);
    expect(await plus.textContent()).toBe(`Voir les ${tous - 8}\u00a0autres comptes`);
    expect(await plus.getAttribute("aria-expanded")).toBe("false");
    // Opened with the keyboard: every account shown, the focus on the first one revealed.
    await plus.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (id) => document.querySelectorAll(`[data-testid="${id}"] [data-ligne]`).length > 8,
      IDS.sansPoste,
    );
    expect(await plus.getAttribute("aria-expanded")).toBe("true");
    expect(await plus.textContent()).toBe("Réduire la liste");
    const revele = (await lignesTableau(sans))[8][0];
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(IDS.affecter(revele));

    const avant = await lire();
    expect(avant.comptes.length).toBe(tous);
    // Every name a screen reader may read in the list is French (Fluent's Dropdown named its clear button « Clear
    // selection »).
    const noms = await sans
      .locator("[aria-label]")
      .evaluateAll((es) => [...new Set(es.map((e) => e.getAttribute("aria-label") ?? ""))]);
    expect(noms).toContain("Effacer le choix");
    expect(noms.filter((x) => /\b(Clear|Close|Dismiss|Select|Open|selection)\b/.test(x))).toEqual([]);
    // Each account: compte, libellé, montant, then the picker; the amounts add up to the total shown.
    expect(avant.comptes.reduce((s, c) => s + parseMontant(c[2])!, 0)).toBe(avant.total);
    const [compteNum, , montantTexte] = avant.comptes[0];
    const montant = parseMontant(montantTexte)!;
    const premier = avant.lignes[0][0];
    const code = premier.split(" ")[0];
    const nbCorr = await page.locator('[data-testid^="ecarts-correspondance-"]').count();

    // Keyboard only: focus the picker, open it, take the first poste (the first chapter), confirm.
    const choix = page.getByTestId(IDS.affecter(compteNum));
    await choix.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("listbox").waitFor();
    await page.keyboard.press("Enter");
    await page.getByTestId(IDS.affecter(compteNum)).waitFor({ state: "detached" });
    await page
      .getByTestId(TEST_IDS.retour("ecarts-affecter"))
      .filter({ hasText: `Compte ${compteNum} affecté` })
      .waitFor({ state: "attached" });

    const apres = await lire();
    const realise = (l: string[][]) => parseMontant(l.find((x) => x[0] === premier)![COLONNES.indexOf("realise")])!;
    expect(realise(apres.lignes)).toBe(realise(avant.lignes) + montant);
    expect(apres.total).toBe(avant.total - montant);
    expect(apres.comptes.map((c) => c[0])).not.toContain(compteNum);
    // The correspondance was added at the end of the list, with the account's label.
    const ajoutee = page.getByTestId(IDS.correspondance(nbCorr));
    expect(await ajoutee.getByLabel("Compte").inputValue()).toBe(compteNum);
    expect(await ajoutee.getByLabel("Poste").inputValue()).toBe(code);
    await ecran(page.getByTestId(IDS.rapport), "ecarts-affecte.png");

    // Deleted (keyboard again): the account is back without poste, the figures as before.
    await page.getByTestId(IDS.supprimer(nbCorr)).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId(IDS.affecter(compteNum)).waitFor();
    expect(await page.getByTestId(IDS.correspondance(nbCorr)).count()).toBe(0);
    const remis = await lire();
    expect(remis.total).toBe(avant.total);
    expect(realise(remis.lignes)).toBe(realise(avant.lignes));
    expect(v.erreursPage).toEqual([]);
  });

  it("un nouveau FEC chargé replie la liste des comptes sans poste dépliée", async () => {
    const plus = page.getByTestId(IDS.sansPostePlus);
    // Left open by the test before (« Réduire la liste »): every account shown.
    expect(await plus.getAttribute("aria-expanded")).toBe("true");
    expect((await lignesTableau(page.getByTestId(IDS.sansPoste))).length).toBeGreaterThan(8);
    // The same ledger picked again from another folder: a new loading, read by the worker and reconciled again.
    const dossier = path.join(tmp, "nouveau");
    fs.mkdirSync(dossier, { recursive: true });
    const copie = path.join(dossier, path.basename(GROS));
    fs.copyFileSync(GROS, copie);
    const resultats = () =>
      page.evaluate(
        () =>
          (window as unknown as { __messagesWorker: { type: string }[] }).__messagesWorker.filter(
            (m) => m.type === "resultat",
          ).length,
      );
    const avant = await resultats();
    await page.getByTestId(IDS.fichier).setInputFiles(copie);
    await page.waitForFunction((n) => {
      const w = window as unknown as { __messagesWorker: { type: string }[] };
      return w.__messagesWorker.filter((m) => m.type === "resultat").length > n;
    }, avant);
    expect(await resultats()).toBe(avant + 1);
    // Folded again once its écarts are shown: the 8 largest amounts, the others behind the button.
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("aria-expanded") === "false",
      IDS.sansPostePlus,
      { timeout: 20000 },
    );
    expect(await plus.textContent()).toMatch(/^Voir les \d+\u00a0autres comptes$/);
    expect((await lignesTableau(page.getByTestId(IDS.sansPoste))).length).toBe(8);
    expect(v.erreursPage).toEqual([]);
  });

  it("écrit Grand livre, Correspondances, Écarts et Coût définitif ; le Grand livre part par blocs ≤ 2 Mo, une synchronisation par bloc", async () => {
    const avant = (await etatExcel(page)).syncs.length;
    await observerBarre(page);
    const calcules = await lignesTableau(page.getByTestId(IDS.tableau));
    await page.getByTestId(IDS.rapprocher).click();
    const rapport = page.getByTestId(IDS.rapport);
    await page.getByTestId(IDS.feuilles).waitFor();
    verifierBarre(await etatsBarre(page), true);
    // What the button wrote is said right under it, not with the écarts far above.
    expect(await page.getByTestId(IDS.feuilles).textContent()).toBe(
      "Feuilles écrites\u00a0: «\u00a0Grand livre\u00a0», «\u00a0Correspondances\u00a0», «\u00a0Écarts\u00a0», " +
        "«\u00a0Coût définitif\u00a0».",
    );
    const bouton = (await page.getByTestId(IDS.rapprocher).boundingBox())!;
    const feuillesEcrites = (await page.getByTestId(IDS.feuilles).boundingBox())!;
    expect(feuillesEcrites.y - (bouton.y + bouton.height)).toBeGreaterThanOrEqual(0);
    expect(feuillesEcrites.y - (bouton.y + bouton.height)).toBeLessThan(60);
    expect(await rapport.textContent()).not.toContain("Feuilles écrites");
    // French figures « 1 234,56 € » (engagé « — » when not typed); the same as computed before writing.
    const cellules = await lignesTableau(page.getByTestId(IDS.tableau));
    expect(cellules.length).toBeGreaterThan(5);
    for (const [, ...montants] of cellules)
      for (const m of montants) expect(m).toMatch(/^([-+\u2212]?\d{1,3}(\s\d{3})*,\d{2}\s€|—)$/);
    expect(cellules).toEqual(calcules);

    const etat = await etatExcel(page);
    const noms = etat.feuilles.map((f) => f.name);
    expect(noms).toEqual(
      expect.arrayContaining(["Budget Gardiens", "Grand livre", "Correspondances", "Écarts", "Coût définitif"]),
    );
    const gl = etat.feuilles.find((f) => f.name === "Grand livre")!;
    expect(gl.valeurs.length).toBe(gros.length + 1);
    expect(gl.valeurs[0][0]).toBe("Ligne FEC");
    // Every line arrived with its amounts: the sheet's Débit / Crédit columns add up to the totals shown after the parse.
    const format = (await page.getByTestId(IDS.format).textContent()) ?? "";
    const [, debit, credit] = /débit (-?[\d\s]+,\d{2}\s€) · crédit (-?[\d\s]+,\d{2}\s€)/.exec(format)!;
    const somme = (k: number) => gl.valeurs.slice(1).reduce((n, l) => n + eurosToCents(l[k] as number), 0);
    expect(somme(9)).toBe(parseMontant(debit));
    expect(somme(10)).toBe(parseMontant(credit));
    // The Écarts sheet's live SUMIFS cover exactly the rows written.
    const formules = etat.feuilles
      .find((f) => f.name === "Écarts")!
      .formules.flat()
      .filter((f): f is string => typeof f === "string");
    expect(formules.some((f) => f.includes(`'Grand livre'!$J$2:$J$${gros.length + 1},`))).toBe(true);
    expect(
      formules.every((f) => !/'Grand livre'!\$[A-Z]\$2:\$[A-Z]\$(\d+)/.test(f) || f.includes(`$${gros.length + 1}`)),
    ).toBe(true);

    // Every write to the Grand livre: one values/formulas matrix per sync, each request ≤ 2 MB, covering every row once.
    const ecritures = etat.syncs.slice(avant).map((s) => ({
      octets: s.octets,
      blocs: s.ops.filter(
        (o) => typeof o === "object" && o.feuille === "Grand livre" && (o.prop === "formulas" || o.prop === "values"),
      ),
    }));
    const blocs = ecritures.filter((s) => s.blocs.length > 0);
    expect(blocs.every((s) => s.blocs.length === 1)).toBe(true);
    expect(blocs.every((s) => s.octets <= DEUX_MO)).toBe(true);
    const plages = blocs.map((s) => s.blocs[0] as Exclude<(typeof s.blocs)[number], string>);
    expect(plages.every((p) => p.w === 14)).toBe(true);
    // Contiguous blocks from row 1 to the last row.
    expect(plages.map((p) => p.r)).toEqual(plages.map((_, i) => plages.slice(0, i).reduce((n, p) => n + p.h, 0)));
    expect(plages.reduce((n, p) => n + p.h, 0)).toBe(gros.length + 1);
    // 10 756 rows of 14 cells plus their formats do not fit in one 2 MB request.
    expect(blocs.length).toBeGreaterThan(1);
    expect(v.erreursPage).toEqual([]);
    await ecran(rapport, "ecarts-rapport.png");
  });

  it("les correspondances se modifient dans le volet : une ligne incomplète est refusée en français, « 6026 → 5 » est enregistrée puis rapprochée", async () => {
    const rapport = page.getByTestId(IDS.rapport);
    const lire = async () => {
      const texte = (await page.getByTestId(IDS.totalSansPoste).textContent()) ?? "";
      const sansPoste = parseMontant(/(-?[\d\s]+,\d{2}\s€)$/.exec(texte)![1])!;
      const lignes = await lignesTableau(page.getByTestId(IDS.tableau));
      const chapitre5 = parseMontant(lignes.find((l) => l[0].startsWith("5 "))![COLONNES.indexOf("realise")])!;
      const comptes6026 = (await lignesTableau(page.getByTestId(IDS.sansPoste))).filter((c) => c[0].startsWith("6026"));
      return { sansPoste, chapitre5, comptes6026 };
    };
    // In Excel's narrow pane, each row holds compte, poste, libellé and its ✕ side by side: the ✕ never drops alone
    // to a line of its own under the row (Fluent's 64 px minimum width for a small button pushed it there).
    for (const largeur of [350, 320]) {
      await page.setViewportSize({ width: largeur, height: 900 });
      const seuls = await page.locator('[data-testid^="ecarts-correspondance-"]').evaluateAll((ls) =>
        ls.flatMap((l) => {
          const compte = l.querySelector('input[aria-label="Compte"]')!.getBoundingClientRect();
          const x = l.querySelector('[data-testid^="ecarts-supprimer-"]')!.getBoundingClientRect();
          return x.top >= compte.bottom
            ? [`${(l.querySelector("input") as HTMLInputElement).value} : ✕ sous la ligne`]
            : [];
        }),
      );
      expect([largeur, seuls]).toEqual([largeur, []]);
    }
    await page.setViewportSize({ width: 420, height: 1100 });

    const avant = await lire();
    expect(avant.comptes6026.length).toBeGreaterThan(0);
    const montant6026 = avant.comptes6026.reduce((s, c) => s + parseMontant(c[2])!, 0);

    await page.getByTestId(IDS.ajouter).click();
    const nouvelle = page.locator('[data-testid^="ecarts-correspondance-"]').last();
    // The row as added (« 6 », no poste) is faulty: tinted, its message under it, left out of the calculation.
    expect(await nouvelle.getAttribute("data-probleme")).toBe("erreur");
    expect(await nouvelle.textContent()).toMatch(
      /✖ Erreur\s: Correspondance n° \d+\s: poste vide pour «\s6\s»\. Ligne ignorée/,
    );
    expect(await nouvelle.getByLabel("Poste").getAttribute("aria-invalid")).toBe("true");
    // Left as added (« 6 » without a poste): refused with the row named, nothing written.
    const syncs = (await etatExcel(page)).syncs.length;
    await page.getByTestId(IDS.rapprocher).click();
    const erreur = page.getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    expect(await erreur.textContent()).toMatch(/Correspondance n° \d+\s: poste vide pour «\s6\s»/);
    expect((await etatExcel(page)).syncs.length).toBe(syncs);

    // A poste the devis does not have is flagged too, but counted.
    await nouvelle.getByLabel("Poste").fill("5.99");
    expect(await nouvelle.getAttribute("data-probleme")).toBe("alerte");
    // Its tint says it in colour, its first word too.
    expect(await nouvelle.textContent()).toMatch(/⚠ Alerte\s: /);
    expect(await nouvelle.textContent()).toContain(
      "le poste «\u00a05.99\u00a0» n'est ni un chapitre ni une ligne du devis",
    );
    await nouvelle.getByLabel("Compte").fill("6026");
    await nouvelle.getByLabel("Poste").fill("5");
    expect(await nouvelle.getAttribute("data-probleme")).toBeNull();
    // Typed by hand: the figures shown are marked as computed before.
    await page.getByTestId(IDS.aRecalculer).waitFor();
    await page.getByTestId(IDS.enregistrer).click();
    await page.getByTestId(IDS.enregistree).waitFor();
    const corr = (await etatExcel(page)).feuilles.find((f) => f.name === "Correspondances")!;
    expect(corr.valeurs.filter((l) => l[0] === "6026")).toEqual([["6026", "5", null]]);
    await ecran(nouvelle, "ecarts-correspondance.png");

    await page.getByTestId(IDS.rapprocher).click();
    await page.getByTestId(TEST_IDS.erreur).waitFor({ state: "detached" });
    await page.getByTestId(IDS.aRecalculer).waitFor({ state: "detached" });
    await rapport.waitFor();
    const apres = await lire();
    expect(apres.comptes6026).toEqual([]);
    expect(apres.sansPoste).toBe(avant.sansPoste - montant6026);
    expect(apres.chapitre5).toBe(avant.chapitre5 + montant6026);
    expect(v.erreursPage).toEqual([]);
  });

  it("un FEC réduit à son en-tête, ou dont toutes les lignes sont rejetées : « aucune ligne lue », jamais « équilibré » ni la couleur du succès", async () => {
    const brut = fs.readFileSync(PETIT, "latin1").split(/\r\n|\n/);
    const iDate = brut[0].split("|").indexOf("EcritureDate");
    const cas = [
      { nom: "entete-seul.txt", lignes: [brut[0]], texte: "aucune ligne lue" },
      {
        nom: "tout-rejete.txt",
        lignes: [
          brut[0],
          ...brut.slice(1, 3).map((l) => {
            const c = l.split("|");
            c[iDate] = "20221345";
            return c.join("|");
          }),
        ],
        texte: "aucune ligne lue, 2\u00a0lignes rejetées",
      },
    ];
    // The success colour, from a balanced real FEC's badge.
    const fond = (l: ReturnType<Page["locator"]>) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
    await page.getByTestId(IDS.fichier).setInputFiles(PETIT);
    await page
      .getByTestId(IDS.nomFec)
      .filter({ hasText: path.basename(PETIT) })
      .waitFor();
    const equilibre = page.getByTestId(IDS.format).locator(".fui-Badge");
    expect(await equilibre.textContent()).toBe("équilibré");
    const succes = await fond(equilibre);
    for (const c of cas) {
      const f = path.join(tmp, c.nom);
      fs.writeFileSync(f, `${c.lignes.join("\r\n")}\r\n`, "latin1");
      await page.getByTestId(IDS.fichier).setInputFiles(f);
      await page.getByTestId(IDS.nomFec).filter({ hasText: c.nom }).waitFor();
      const badge = page.getByTestId(IDS.aucuneLigne);
      expect(sansEspacesInsecables((await badge.textContent()) ?? "")).toBe(sansEspacesInsecables(c.texte));
      // Said in words, and not in the success colour.
      expect(await fond(badge)).not.toBe(succes);
      const format = (await page.getByTestId(IDS.format).textContent()) ?? "";
      expect(format).toContain(`0 ligne importée sur ${c.lignes.length - 1}`);
      expect(format).not.toMatch(/équilibré/);
    }
    expect(v.erreursPage).toEqual([]);
  });

  it("un montant écrit négatif au débit est lu tel qu'écrit et nommé par sa ligne (information, pas alerte)", async () => {
    const brut = fs.readFileSync(PETIT, "latin1").split(/\r\n|\n/);
    const iDebit = brut[0].split("|").indexOf("Debit");
    const n = brut.findIndex((l, i) => i > 0 && /[1-9]/.test(l.split("|")[iDebit] ?? ""));
    const c = brut[n].split("|");
    c[iDebit] = `-${c[iDebit].trim()}`;
    brut[n] = c.join("|");
    const f = path.join(tmp, "negatif.txt");
    fs.writeFileSync(f, brut.join("\r\n"), "latin1");
    await page.getByTestId(IDS.fichier).setInputFiles(f);
    const info = page.getByTestId(IDS.montantsNegatifs);
    await info.waitFor();
    // The pane's typography writes the example's minus as « − ».
    expect(sansEspacesInsecables(await info.textContent()).replace("−", "-")).toContain(
      `ℹ 1 ligne du FEC porte un montant négatif au débit ou au crédit (« -12,00 », « (12,00) ») : ligne ${n + 1}. ` +
        "Elle est lue telle qu'écrite",
    );
    expect(v.erreursPage).toEqual([]);
  });

  it("liste les lignes rejetées d'une copie corrompue ; un libellé importé commençant par = ou - reste du texte", async () => {
    const brut = fs.readFileSync(PETIT, "latin1").split(/\r\n|\n/);
    const champs = (i: number) => brut[i].split("|");
    const iDate = champs(0).indexOf("EcritureDate");
    const iLib = champs(0).indexOf("EcritureLib");
    const iCompte = champs(0).indexOf("CompteNum");
    const classe6 = brut.map((_, i) => i).filter((i) => i > 0 && brut[i] && champs(i)[iCompte].trim().startsWith("6"));
    expect(classe6.length).toBeGreaterThan(2);
    const remplacer = (i: number, k: number, valeur: string) => {
      const c = champs(i);
      c[k] = valeur;
      brut[i] = c.join("|");
    };
    remplacer(classe6[0], iLib, "=1+1");
    remplacer(classe6[1], iLib, "-remise fournisseur");
    remplacer(5, iDate, "20221345");
    brut[9] = champs(9).slice(0, 6).join("|");
    const copie = path.join(tmp, "111111111FEC20221231-corrompu.txt");
    fs.writeFileSync(copie, brut.join("\r\n"), "latin1");
    const donnees = brut.slice(1).filter((l) => l.trim() !== "").length;

    await page.getByTestId(IDS.fichier).setInputFiles(copie);
    const rejets = page.getByTestId(IDS.rejets);
    await rejets.waitFor();
    const texteRejets = (await rejets.textContent()) ?? "";
    expect(texteRejets).toMatch(/2\slignes rejetées/);
    // Physical line numbers: header = 1.
    expect(texteRejets).toContain("Ligne 6 rejetée");
    expect(texteRejets).toContain("Ligne 10 rejetée");
    const format = (await page.getByTestId(IDS.format).textContent()) ?? "";
    expect(format).toContain("séparées par des barres «\u00a0|\u00a0»");
    expect(format).toContain(`${nombre(donnees - 2)} lignes importées sur ${nombre(donnees)}`);
    // The entries the rejected lines leave unbalanced: « Ligne N » at the start of the sentence, lower case after.
    expect(format).toMatch(/⚠ Ligne \d+\u00a0: écriture VE \d+ déséquilibrée\u00a0: débit − crédit = /);
    expect(format).not.toMatch(/⚠ ligne|: Écriture/);
    await ecran(page.getByTestId(IDS.format), "ecarts-rejets.png");

    await page.getByTestId(IDS.rapprocher).click();
    await page.getByTestId(IDS.feuilles).waitFor();
    const etat = await etatExcel(page);
    // Running again replaces Prodbook's sheets (no « Grand livre (2) »).
    expect(etat.feuilles.filter((f) => /^Grand livre/.test(f.name)).map((f) => f.name)).toEqual(["Grand livre"]);
    const gl = etat.feuilles.find((f) => f.name === "Grand livre")!;
    expect(gl.valeurs.length).toBe(donnees - 2 + 1);
    for (const libelle of ["=1+1", "-remise fournisseur"]) {
      const r = gl.valeurs.findIndex((l) => l[8] === libelle);
      expect(r).toBeGreaterThan(0);
      expect(gl.formules[r][8]).toBeNull();
    }
    expect(v.erreursPage).toEqual([]);
    expect(sortiesInattendues(v.refusees)).toEqual([]);
  });

  it("un fichier qui n'est pas un grand livre : message en français nommant le fichier, venu du worker, sous le bouton ; le grand livre déjà chargé reste", async () => {
    const notes = path.join(tmp, "notes de tournage.csv");
    fs.writeFileSync(notes, "Jour;Lieu\n12/03;Ouessant\n", "utf8");
    await page.getByTestId(IDS.fichier).setInputFiles(notes);
    const erreur = page.getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    expect(await erreur.textContent()).toContain(
      "notes de tournage.csv\u00a0: Ligne 1\u00a0: colonnes du grand livre non reconnues",
    );
    // The error sits right under the file picker; the ledger loaded before stays loaded and named.
    expect(await page.getByTestId(TEST_IDS.retour("ecarts-lire")).getByTestId(TEST_IDS.erreur).count()).toBe(1);
    expect(await page.getByTestId(IDS.nomFec).textContent()).toContain("111111111FEC20221231-corrompu.txt");
    expect(await page.getByTestId(IDS.rapprocher).isDisabled()).toBe(false);
    const messages = await page.evaluate(
      () => (window as unknown as { __messagesWorker: { type: string }[] }).__messagesWorker,
    );
    expect(messages[messages.length - 1].type).toBe("erreur");
    await ecran(erreur, "ecarts-erreur.png");
    // A text with no separator at all: neither a FEC nor a ledger CSV, said with what a CSV needs (the pane has no
    // other « import CSV » to send the user to: this picker reads both).
    const compteRendu = path.join(tmp, "compte rendu.txt");
    fs.writeFileSync(compteRendu, "Réunion de production du 12 mars\nOrdre du jour\n", "utf8");
    await page.getByTestId(IDS.fichier).setInputFiles(compteRendu);
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes("compte rendu.txt"),
      TEST_IDS.erreur,
    );
    const texte = (await erreur.textContent()) ?? "";
    expect(texte).toContain(
      "compte rendu.txt\u00a0: Ligne 1\u00a0: le fichier n'a pas les colonnes d'un FEC (JournalCode",
    );
    expect(texte).not.toMatch(/A\.?47|LPF/);
    expect(texte).toContain(
      "ni celles d'un grand livre CSV lisible (colonnes Compte, Date et Débit/Crédit ou Montant/Sens",
    );
    expect(texte).not.toMatch(/import CSV|correspondance de colonnes/);
    expect(await page.getByTestId(IDS.nomFec).textContent()).toContain("111111111FEC20221231-corrompu.txt");
    expect(v.erreursPage).toEqual([]);
  });

  it("grand livre CSV (Windows-1252, sections analytiques) : une ligne « section:TOURNAGE → 7 » ajoutée dans le volet l'emporte sur le compte", async () => {
    const csv = path.join(tmp, "grand-livre-tournage.csv");
    const lignes = [
      "Journal;Date;Compte;Libellé;Débit;Crédit;Section",
      "HA;15/03/2026;611000;Location caméra Ouessant;1200,00;0,00;TOURNAGE",
      "HA;15/03/2026;401000;Loueur caméra;0,00;1200,00;",
      "HA;16/03/2026;625100;Déplacement équipe à Brest;350,50;0,00;TOURNAGE",
      "HA;16/03/2026;401000;Agence de voyage;0,00;350,50;",
    ];
    fs.writeFileSync(csv, Buffer.from(lignes.join("\r\n"), "latin1"));
    await page.getByTestId(IDS.fichier).setInputFiles(csv);
    // The ledger loaded before stays shown until this one is read: wait for its name.
    await page.getByTestId(IDS.nomFec).filter({ hasText: "grand-livre-tournage.csv" }).waitFor();
    const format = page.getByTestId(IDS.format);
    const texte = (await format.textContent()) ?? "";
    expect(texte).toContain("Lu comme un grand livre CSV\u00a0:");
    expect(texte).toContain("séparées par des points-virgules");
    expect(texte).toContain("encodage Windows-1252.");
    expect(texte).toContain("4 lignes importées sur 4");

    const n = await page.locator('[data-testid^="ecarts-correspondance-"]').count();
    await page.getByTestId(IDS.ajouter).click();
    const nouvelle = page.getByTestId(IDS.correspondance(n));
    await nouvelle.getByLabel("Compte").fill("section:TOURNAGE");
    await nouvelle.getByLabel("Poste").fill("7");
    // Still the same row, now a section row.
    expect(await page.getByTestId(IDS.correspondance(n)).getByLabel("Compte").inputValue()).toBe("section:TOURNAGE");
    await page.getByTestId(IDS.rapprocher).click();
    await page.getByTestId(IDS.feuilles).waitFor();
    const chapitres = await lignesTableau(page.getByTestId(IDS.tableau));
    const r = COLONNES.indexOf("realise");
    expect(parseMontant(chapitres.find((l) => l[0].startsWith("7 "))![r])).toBe(155050);
    // Accounts 611 (→ 8) and 6251 (→ 6) by default: the section won.
    expect(
      chapitres.filter((l) => !l[0].startsWith("7 ") && l[0] !== "Total").every((l) => parseMontant(l[r]) === 0),
    ).toBe(true);

    const gl = (await etatExcel(page)).feuilles.find((f) => f.name === "Grand livre")!;
    const tournage = gl.valeurs.filter((l) => l[11] === "TOURNAGE");
    expect(tournage.map((l) => [l[4], l[8], l[12], l[13]])).toEqual([
      ["611000", "Location caméra Ouessant", "7", "7"],
      ["625100", "Déplacement équipe à Brest", "7", "7"],
    ]);
    const corr = (await etatExcel(page)).feuilles.find((f) => f.name === "Correspondances")!;
    expect(corr.valeurs.some((l) => l[0] === "section:TOURNAGE" && l[1] === "7")).toBe(true);
    expect(v.erreursPage).toEqual([]);
  });

  it("sans devis dans le classeur : le rapprochement est refusé en français, en nommant les feuilles lues, sans rien écrire", async () => {
    // A workbook with only notes (the fake Excel reloaded in place; the page keeps the ledger it read).
    await page.evaluate(() =>
      (window as unknown as { Excel: { __charger(f: unknown): void } }).Excel.__charger({
        sheets: { Notes: [["Tournage à Ouessant"]] },
      }),
    );
    await page.getByTestId(IDS.rapprocher).click();
    const erreur = page.getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    expect(await erreur.textContent()).toContain("Aucun devis reconnu dans la feuille «\u00a0Notes\u00a0»");
    expect((await etatExcel(page)).feuilles.map((f) => f.name)).toEqual(["Notes"]);
    expect(v.erreursPage).toEqual([]);
  });
});
