import type { Page } from "playwright-core";
import { creerEnvoyeur } from "../../src/app/catalogue";
import type { TableauDeBord } from "../../src/app/commandes/tableauDeBord";
import { formatMontantFr, formatPourcentFr } from "../../src/core/money";
import { IDS_TABLEAU_DE_BORD as IDS } from "../../src/taskpane/pages/tableauDeBordIds";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { ClasseurLu } from "../helpers/classeurLu";
import {
  classeurDe,
  debordements,
  feuillesDe,
  productionSansCreditAuPlan,
  sansEspacesInsecables,
  voletDuBloc,
} from "./volet";
import { deplierParametres } from "./actionsPages";

/**
 * The financing settings of the production (shared context, saved in the workbook's document settings): the cost
 * typed, « premier ou deuxième film », the crédit d'impôt added to the plan with the subsidies off its base. Each is
 * set on the Financement page; the « Tableau de bord » reads the same context, so its figures (reste à financer,
 * public-aid share against its ceiling, crédit d'impôt) follow; a tab change and the pane opened again on the same
 * workbook keep the setting and the figures. The expected figures are the use cases' in Node on the same sheets.
 */

/** The Financement page's ids (IDS_FINANCEMENT), written out: the page module pulls React into this Node test. */
const FIN = {
  cout: "fin-cout",
  premierFilm: "fin-premier-film",
  creditImpot: "fin-credit-impot",
  subventions: "fin-subventions",
  verifier: "fin-verifier",
  resultat: "fin-resultat",
  reste: "fin-reste",
  intensite: "fin-intensite",
};

const texte = async (page: Page, id: string) => sansEspacesInsecables(await page.getByTestId(id).textContent()).trim();
/** Waits for the element `id` to read `attendu` (no-break spaces as spaces); a timeout fails with what it reads. */
async function attendre(page: Page, id: string, attendu: string) {
  await page
    .waitForFunction(
      ([i, a]) =>
        (document.querySelector(`[data-testid="${i}"]`)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ").trim() ===
        a,
      [id, attendu] as const,
      { timeout: 10000 },
    )
    .catch(() => undefined);
  expect(await texte(page, id)).toBe(attendu);
}
const montant = (c: number) => sansEspacesInsecables(formatMontantFr(Math.abs(c) as never));
const aides = (f: TableauDeBord["financement"]) =>
  sansEspacesInsecables(
    `${formatPourcentFr(f.intensite!)} (plafond ${formatPourcentFr(f.plafond!)})${f.depassePlafond ? " — dépassé" : ""}`,
  );
/**
 * The context saved in the fake Excel's document settings, once its entry `cle` is `valeur` (saved shortly after a
 * change), else after 5 s whatever it is then: callers assert it, so a setting not saved fails with what was saved.
 */
async function enregistre(page: Page, cle: string, valeur: unknown): Promise<Record<string, unknown>> {
  const lire = () =>
    page.evaluate(
      () =>
        JSON.parse(
          (window as unknown as { Excel: { __etat(): { reglages: Record<string, string> } } }).Excel.__etat().reglages[
            "prodbook.production"
          ] ?? "{}",
        ) as Record<string, unknown>,
    );
  for (let i = 0; i < 50 && JSON.stringify((await lire())[cle]) !== JSON.stringify(valeur); i++)
    await page.waitForTimeout(100);
  return lire();
}
/** The dashboard's financing and tax-credit figures are `t`'s (each awaited: the dashboard reads again on coming back). */
async function verifierTableau(page: Page, t: TableauDeBord) {
  await page.getByTestId(TEST_IDS.onglet("tableau-de-bord")).click();
  await attendre(page, IDS.chiffre("financement", "reste"), montant(t.financement.resteAFinancer!));
  await attendre(page, IDS.chiffre("financement", "intensite"), aides(t.financement));
  if (t.creditImpot.credit !== undefined)
    await attendre(page, IDS.chiffre("credit-impot", "credit"), montant(t.creditImpot.credit));
  expect(await texte(page, IDS.chiffre("financement", "total"))).toBe(montant(t.financement.total!));
  expect(await page.getByTestId(TEST_IDS.erreur).count()).toBe(0);
}
/** The Financement page's check, its rest to finance and aid share as the page shows them. */
async function verifierPage(page: Page) {
  await page.getByTestId(TEST_IDS.onglet("financement")).click();
  await page.getByTestId(FIN.verifier).click();
  await page.getByTestId(FIN.reste).waitFor();
  return { reste: await texte(page, FIN.reste), intensite: await texte(page, FIN.intensite) };
}

/**
 * The documentary's production workbook (devis « Budget Gardiens », plan « Plan fin. ») without the plan's crédit
 * d'impôt line, so that « Ajouter le crédit d'impôt calculé sur le devis s'il manque au plan » adds one.
 */
const CONTEXTE_DOC = { genre: "documentaire", duree: "52", regime: "audiovisuel", annee: "2026" };

describe("Financement → tableau de bord : le coût saisi, le crédit d'impôt ajouté et les subventions", () => {
  let envoyer: ReturnType<typeof creerEnvoyeur>;
  let detecte: object;
  /** What the dashboard's use case gives for the pane's context plus `c`, in Node on the same sheets. */
  const tdb = async (c: object) =>
    (await envoyer("lireTableauDeBord", { contexte: { ...detecte, ...CONTEXTE_DOC, ...c } as never })) as TableauDeBord;
  const v = voletDuBloc({
    classeur: async () => classeurDe(await productionSansCreditAuPlan(), CONTEXTE_DOC),
    largeur: 340,
  });
  const { page } = v;
  beforeAll(async () => {
    envoyer = creerEnvoyeur(new ClasseurLu(await productionSansCreditAuPlan()));
    detecte = (await envoyer("lireProduction", {})).contexte;
  });

  it("le coût de production saisi sur la page : reste à financer et part des aides du tableau de bord, après relecture aussi", async () => {
    const [depart, saisi] = [await tdb({}), await tdb({ coutProduction: "250000" })];
    // The cost typed is the cost: 250 000 € − 140 000 € of financing (else this test could not fail).
    expect(saisi.financement.cout).toBe(250000_00);
    expect(saisi.financement.resteAFinancer).toBe(110000_00);
    expect(saisi.financement.intensite).not.toBe(depart.financement.intensite);
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await verifierTableau(page, depart);

    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId(FIN.cout).fill("250 000");
    const surPage = await verifierPage(page);
    expect(surPage.reste).toContain(montant(saisi.financement.resteAFinancer!));
    expect(surPage.intensite).toContain(sansEspacesInsecables(formatPourcentFr(saisi.financement.intensite!)));
    expect(await debordements(page)).toEqual([]);
    // The production's genre (documentaire, in the production line) is the one of the FSA checks: the broadcasters'
    // share is weighed against the documentary's reduced share, the genre never said « non précisé ».
    const constats = sansEspacesInsecables(await page.getByTestId(TEST_IDS.page("financement")).innerText());
    expect(constats).not.toContain("genre de l'œuvre non précisé");
    expect(constats).toMatch(/taux réduit en documentaire de création/);

    // The dashboard, then the page again: the cost is still there.
    await verifierTableau(page, saisi);
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    expect(await page.getByTestId(FIN.cout).inputValue()).toBe("250 000");

    // Saved with the production: the pane opened again on the same workbook keeps it, and the figures.
    expect((await enregistre(page, "coutProduction", "250 000")).coutProduction).toBe("250 000");
    await page.reload();
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await verifierTableau(page, saisi);
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    expect(await page.getByTestId(FIN.cout).inputValue()).toBe("250 000");

    // Emptied: the devis' cost again.
    await page.getByTestId(FIN.cout).fill("");
    await verifierTableau(page, depart);
    expect((await enregistre(page, "coutProduction", undefined)).coutProduction).toBeUndefined();
    expect(v.erreursPage).toEqual([]);
  });

  it("le crédit d'impôt ajouté au plan, puis les subventions déduites de sa base : les chiffres du tableau de bord suivent", async () => {
    const [sans, avec, subventionne] = [
      await tdb({}),
      await tdb({ creditImpotPlan: true }),
      await tdb({ creditImpotPlan: true, subventions: "30000" }),
    ];
    // The credit computed on the devis enters the plan: the financing grows by it, the rest shrinks by it.
    const credit = avec.creditImpot.credit!;
    expect(credit).toBeGreaterThan(0);
    expect(avec.financement.total).toBe(sans.financement.total! + credit);
    expect(avec.financement.resteAFinancer).toBe(sans.financement.resteAFinancer! - credit);
    // 30 000 € of subsidies off its base: a smaller credit, on the dashboard as in the plan.
    const reduit = subventionne.creditImpot.credit!;
    expect(reduit).toBeLessThan(credit);
    expect(subventionne.financement.total).toBe(sans.financement.total! + reduit);
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await verifierTableau(page, sans);

    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await page.getByTestId(FIN.creditImpot).check();
    const surPage = await verifierPage(page);
    expect(surPage.reste).toContain(montant(avec.financement.resteAFinancer!));
    await verifierTableau(page, avec);

    // The subsidies, typed on the Financement page: the credit of the plan and of the dashboard alike.
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    await deplierParametres(page, "fin-parametres");
    await page.getByTestId(FIN.subventions).fill("30 000");
    expect((await verifierPage(page)).reste).toContain(montant(subventionne.financement.resteAFinancer!));
    await verifierTableau(page, subventionne);
    // The Crédit d'impôt page computes the same credit from the same context.
    await page.getByTestId(TEST_IDS.onglet("credit-impot")).click();
    await page.getByTestId("ci-calculer").click();
    await attendre(page, "ci-credit", montant(reduit));

    // Saved with the production, kept when the pane is opened again.
    const s = await enregistre(page, "subventions", "30 000");
    expect([s.creditImpotPlan, s.subventions]).toEqual([true, "30 000"]);
    await page.reload();
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await verifierTableau(page, subventionne);
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    expect(await page.getByTestId(FIN.creditImpot).isChecked()).toBe(true);
    expect(await page.getByTestId(FIN.subventions).inputValue()).toBe("30 000");

    // Unticked: the plan as it is again (the subsidies stay the production's, for the Crédit d'impôt page).
    await page.getByTestId(FIN.creditImpot).uncheck();
    await verifierTableau(page, { ...sans, creditImpot: subventionne.creditImpot });
    expect(v.erreursPage).toEqual([]);
  });
});

/**
 * A cinema production (tests/fixtures/financement/cinema.xlsx: plan and budget): « Premier ou deuxième film du
 * réalisateur » raises the public-aid ceiling from 50 % to 60 % (art. D331-17); ticked on the Financement page, the
 * dashboard's ceiling follows, and the pane opened again keeps it.
 */
describe("Financement → tableau de bord : « premier ou deuxième film » d'une œuvre de cinéma", () => {
  const FICHIERS = ["tests/fixtures/financement/cinema.xlsx"];
  const CONTEXTE = { genre: "fiction", regime: "cinema", oeuvre: "cinema", annee: "2026", langue: "francais" };
  let envoyer: ReturnType<typeof creerEnvoyeur>;
  let detecte: object;
  const tdb = async (c: object) =>
    (await envoyer("lireTableauDeBord", { contexte: { ...detecte, ...CONTEXTE, ...c } as never })) as TableauDeBord;
  const v = voletDuBloc({ classeur: async () => classeurDe(await feuillesDe(FICHIERS), CONTEXTE), largeur: 340 });
  const { page } = v;
  beforeAll(async () => {
    envoyer = creerEnvoyeur(new ClasseurLu(await feuillesDe(FICHIERS)));
    detecte = (await envoyer("lireProduction", {})).contexte;
  });

  it("cochée sur la page, le plafond du tableau de bord passe à 60 %, après relecture du volet aussi", async () => {
    const [ordinaire, premier] = [await tdb({}), await tdb({ premierFilm: true })];
    expect([Number(ordinaire.financement.plafond), Number(premier.financement.plafond)]).toEqual([0.5, 0.6]);
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await verifierTableau(page, ordinaire);

    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    // A cinema work: the box shown is « premier ou deuxième film », not « œuvre difficile ».
    expect(await page.getByTestId("fin-oeuvre-difficile").count()).toBe(0);
    await page.getByTestId(FIN.premierFilm).check();
    await verifierPage(page);
    expect(await texte(page, FIN.resultat)).toContain(
      sansEspacesInsecables(`plafond ${formatPourcentFr(premier.financement.plafond!)}`),
    );
    await verifierTableau(page, premier);

    expect((await enregistre(page, "premierFilm", true)).premierFilm).toBe(true);
    await page.reload();
    await page.getByTestId(IDS.bloc("financement")).waitFor();
    await verifierTableau(page, premier);
    await page.getByTestId(TEST_IDS.onglet("financement")).click();
    expect(await page.getByTestId(FIN.premierFilm).isChecked()).toBe(true);
    await page.getByTestId(FIN.premierFilm).uncheck();
    await verifierTableau(page, ordinaire);
    expect(v.erreursPage).toEqual([]);
  });
});
