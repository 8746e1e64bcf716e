import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import { optionsFinancementDe } from "../../src/app/contexte";
import type { ContexteProduction } from "../../src/core/production/contexte";
import { lireCorrespondancesCsv } from "../../src/core/comptabilite/correspondances";
import { lireFichierFec } from "../../src/cli/commands/fec";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { ClasseurLu } from "../helpers/classeurLu";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";

/**
 * The « Tableau de bord » use case (src/app/commandes/tableauDeBord.ts) on real workbooks: its figures are those
 * of each page's own use case on the same workbook, and a workbook without sources gives plain « what to do next »
 * blocks, never an error.
 */
const RACINE = path.join(__dirname, "../..");

const lire = async (...f: string[]) => ClasseurLu.depuis(...f);

const DATE = "2026-12-03";
const contexte = { genre: "documentaire" as const, duree: "52", regime: "audiovisuel" as const, annee: "2026" };

describe("tableau de bord : la production d'un coup d'œil", () => {
  it("classeur de production : chaque bloc donne les chiffres de sa page", async () => {
    const wb = await lire(
      "tests/fixtures/planning/gardiens-planning.xlsx",
      "tests/fixtures/financement/documentaire.xlsx",
    );
    const envoyer = creerEnvoyeur(wb);

    // Before anything is written: the devis is read, not structured; no écarts, planning to compute.
    const avant = await envoyer("lireTableauDeBord", { contexte, date: DATE });
    const apercu = await envoyer("analyserDevis", { genre: "documentaire", dureeMinutes: 52, date: DATE });
    expect(avant.devis.source).toBe(apercu.feuille);
    expect(avant.devis.total).toBe(apercu.total);
    expect(avant.devis.coutMinute).toBe(apercu.coutMinute);
    expect(avant.devis.total).toBeGreaterThan(0);
    for (const g of ["erreur", "alerte", "info"] as const)
      expect(avant.devis.constats[g]).toBe(apercu.constats.filter((c) => c.gravite === g).length);
    expect(avant.devis.feuilleStructuree).toBeUndefined();
    expect(avant.devis.suite).toEqual({ texte: "Structurez le devis", page: "structurer" });

    const fin = await envoyer("analyserFinancement", {
      typeOeuvre: "audiovisuel",
      genre: "documentaire",
      premierOuDeuxiemeFilm: false,
      date: DATE,
    });
    const f = avant.financement;
    expect(f.source).toBe(fin.source);
    expect(f.total).toBe(Math.round(Number(fin.total) * 100));
    expect(f.resteAFinancer).toBe(Math.round(Number(fin.resteAFinancer) * 100));
    expect(f.intensite).toBe(fin.intensiteAidesPubliques);
    expect(Number(f.plafond)).toBe(Number(fin.plafond));
    expect(f.equilibre).toBe(f.resteAFinancer === 0);
    expect(f.sources.every((s) => /^https:\/\//.test(s.url))).toBe(true);

    const ci = await envoyer("calculerCreditImpot", {
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2026,
      dureeMinutes: 52,
      hebergement: "ailleurs",
    });
    expect(avant.creditImpot.credit).toBe(ci.credit);
    expect(avant.creditImpot.credit).toBeGreaterThan(0);
    expect(avant.creditImpot.sources.length).toBeGreaterThan(0);

    expect(avant.ecarts.totaux).toBeUndefined();
    expect(avant.ecarts.absent).toMatch(/aucun Grand livre/);
    expect(avant.planning.pad).toBeUndefined();
    expect(avant.planning.feuilleEtapes).toBeDefined();
    expect(avant.planning.suite.page).toBe("planning");
    // Reading only: nothing was written.
    expect(wb.ecrit.ecritures).toBe(0);

    // Structure the devis and compute the rétroplanning: the blocks follow.
    await envoyer("creerFeuilleDevis", { genre: "documentaire", dureeMinutes: 52, date: DATE });
    const plan = await envoyer("ecrireFeuillesPlanning", { livraison: "2027-03-15" });
    const apres = await envoyer("lireTableauDeBord", { contexte, date: DATE });
    expect(apres.devis.feuilleStructuree).toBe("Devis");
    expect(apres.devis.total).toBe(apercu.total);
    expect(apres.devis.suite.page).toBe(apercu.constats.some((c) => c.gravite !== "info") ? "controles" : "structurer");
    expect(apres.planning.feuille).toBe("Rétroplanning");
    expect(apres.planning.pad).toBe(plan.fin);
    expect(apres.planning.pad).toBe("2027-03-15");
    expect(apres.planning.debut).toBe(plan.debut);
    expect(apres.planning.joursAvantPad).toBe(102);
    expect(apres.planning.cheminCritique).toEqual(plan.etapes.filter((e) => e.critique).map((e) => e.nom));
    const horsChemin = plan.etapes.filter((e) => !e.critique);
    if (horsChemin.length)
      expect(apres.planning.margeMinimale?.jours).toBe(Math.min(...horsChemin.map((e) => e.marge)));
  });

  it("écarts : réalisé et estimation finale lus dans la feuille Écarts écrite par Prodbook", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-tdb-"));
    const devis = path.join(dir, "devis.xlsx");
    await ecrireDevisTest(devis);
    const wb = await XlsxWorkbook.ouvrir(devis);
    const envoyer = creerEnvoyeur(wb);
    const FIX = path.join(RACINE, "tests/fixtures/fec");
    const fec = await lireFichierFec(path.join(FIX, "production-2024.txt"), { conserver: true });
    const correspondances = lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
    const vue = await envoyer("rapprocherGrandLivre", { fec, correspondances });
    const t = await envoyer("lireTableauDeBord", {
      contexte: { fec: { nom: "production-2024.txt", octets: 1, encodage: "utf-8", lignes: fec.ecritures } },
      date: DATE,
    });
    const c = (s: string) => Math.round(Number(s) * 100);
    expect(t.ecarts.feuille).toBe("Écarts");
    expect(t.ecarts.grandLivre).toBe("Grand livre");
    expect(t.ecarts.totaux?.budget).toBe(c(vue.totaux.budget));
    expect(t.ecarts.totaux?.realise).toBe(c(vue.totaux.realise));
    expect(t.ecarts.totaux?.estimation).toBe(c(vue.totaux.estimation));
    expect(t.ecarts.totaux?.ecart).toBe(c(vue.totaux.ecart));
    expect(t.ecarts.totaux?.ecartEstime).toBe(c(vue.totaux.ecartEstime));
    expect(t.ecarts.totaux?.alertes).toEqual(vue.chapitres.filter((x) => x.alerte).map((x) => x.code));
    expect(t.ecarts.totaux?.illisibles).toEqual([]);
    expect(t.ecarts.fec?.nom).toBe("production-2024.txt");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exemple : le Budget des écarts du tableau de bord est le total du devis (G6, non placé, à part sur la page Écarts)", async () => {
    const wb = await XlsxWorkbook.ouvrir(path.join(RACINE, "assets/exemple/devis-producteur.xlsx"));
    const envoyer = creerEnvoyeur(wb);
    const FIX = path.join(RACINE, "tests/fixtures/fec");
    const fec = await lireFichierFec(path.join(FIX, "production-2024.txt"), { conserver: true });
    const correspondances = lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
    const vue = await envoyer("rapprocherGrandLivre", { fec, correspondances });
    expect([vue.totaux.budget, vue.budgetNonPlace]).toEqual(["182869.16", "1200.00"]);
    expect(vue.nonPlaces).toEqual([
      { cellule: "'Budget Gardiens'!G6", libelle: "Repérages Bretagne (à ventiler)", montant: "1200.00", code: null },
    ]);
    const t = await envoyer("lireTableauDeBord", {
      contexte: { fec: { nom: "production-2024.txt", octets: 1, encodage: "utf-8", lignes: fec.ecritures } },
      date: DATE,
    });
    expect(t.devis.total).toBe(18286916);
    expect(t.ecarts.totaux?.budget).toBe(t.devis.total);
    expect(t.ecarts.totaux?.chapitres).toBe(11);
  });

  it("écarts : des formules enregistrées sans leur valeur sont nommées, jamais lues comme 0 ; une formule valant 0 vaut 0", async () => {
    // The Écarts sheet as a tool that does not calculate would save it: chapter 2's réalisé and estimation have no
    // value; chapter 3's réalisé is a formula whose value is 0 (a real zero).
    const entete = ["Code", "Chapitre", "Budget", "Réalisé", "Reste à engager", "Estimation finale", "Alerte"];
    const feuille = [
      ["Écarts"],
      entete,
      ["1", "Droits artistiques", 12000, { f: "SUMIFS(x)", v: 12000 }, 0, { f: "D3+E3", v: 12000 }, ""],
      ["2", "Personnel", 9500, { f: "SUMIFS(y)" }, 1500, { f: "D4+E4", v: null }, ""],
      ["3", "Interprétation", 1200, { f: "SUMIFS(z)", v: 0 }, 1200, { f: "D5+E5", v: 1200 }, ""],
      ["Total", "", { f: "SUM(C3:C5)" }, "", "", "", ""],
    ];
    const wb = new MemoryWorkbook(
      { Budget: [["Code", "Libellé", "Montant"]], Écarts: feuille },
      { prodbook: ["Écarts"] },
    );
    const t = await creerEnvoyeur(wb)("lireTableauDeBord", { contexte: {}, date: DATE });
    expect(t.ecarts.totaux?.sansValeur).toEqual(["'Écarts'!D4", "'Écarts'!F4"]);
    expect(t.ecarts.totaux?.illisibles).toEqual([]);
    expect(t.ecarts.suite).toEqual({
      texte: "Recalculez le classeur (F9), puis actualisez le tableau de bord",
      page: "ecarts",
    });
    // Once Excel has calculated, the same sheet gives its figures, chapter 3's réalisé 0 included.
    feuille[3][3] = { f: "SUMIFS(y)", v: 8000 };
    feuille[3][5] = { f: "D4+E4", v: 9500 };
    const wb2 = new MemoryWorkbook(
      { Budget: [["Code", "Libellé", "Montant"]], Écarts: feuille },
      { prodbook: ["Écarts"] },
    );
    const t2 = await creerEnvoyeur(wb2)("lireTableauDeBord", { contexte: {}, date: DATE });
    expect(t2.ecarts.totaux).toMatchObject({ sansValeur: [], realise: 2000000, estimation: 2270000, budget: 2270000 });
  });

  it("classeur vide : chaque bloc dit ce qui manque et quoi faire, sans erreur", async () => {
    const wb = new MemoryWorkbook({ Feuil1: [] });
    const t = await creerEnvoyeur(wb)("lireTableauDeBord", { contexte: {}, date: DATE });
    expect(t.devis.absent).toBe("Aucune feuille du classeur n'est reconnue comme un devis.");
    expect(t.devis.suite).toEqual({ texte: "Choisissez la feuille du devis", page: "structurer" });
    expect(t.financement.absent).toMatch(/^Aucune feuille de plan de financement/);
    expect(t.financement.suite).toEqual({ texte: "Ajoutez le plan de financement", page: "financement" });
    // The genre changes the credit: never guessed (a fiction's credit was shown), asked on the Crédit d'impôt page.
    expect(t.creditImpot.absent).toBe(
      "Genre non précisé : choisissez fiction, documentaire ou animation, il change le crédit d'impôt " +
        "(taux, coût minimal par minute).",
    );
    expect(t.creditImpot.suite).toEqual({ texte: "Précisez le genre de l'œuvre", page: "credit-impot" });
    expect(t.creditImpot.genre).toBeUndefined();
    expect(t.creditImpot.credit).toBeUndefined();
    // The default regime (audiovisuel) needs the duration before the devis.
    const doc = await creerEnvoyeur(wb)("lireTableauDeBord", { contexte: { genre: "documentaire" }, date: DATE });
    expect(doc.creditImpot.absent).toMatch(/durée de l'œuvre manque/);
    expect(doc.creditImpot.suite.page).toBe("credit-impot");
    expect(t.ecarts.absent).toMatch(/aucun Grand livre/);
    expect(t.ecarts.suite).toEqual({ texte: "Chargez le FEC du comptable", page: "ecarts" });
    expect(t.planning.absent).toMatch(/^Aucune feuille d'étapes/);
    for (const b of [t.devis, t.financement, t.creditImpot, t.ecarts, t.planning]) expect(b.probleme).toBeUndefined();

    const cinema = await creerEnvoyeur(wb)("lireTableauDeBord", {
      contexte: { regime: "cinema", genre: "fiction" },
      date: DATE,
    });
    expect(cinema.creditImpot.absent).toMatch(/Pas de devis reconnu/);
    expect(cinema.creditImpot.suite).toEqual({ texte: "Structurez le devis", page: "structurer" });
  });

  it("une durée invalide est dite dans le bloc, en français", async () => {
    const wb = await lire("tests/fixtures/planning/gardiens-planning.xlsx");
    const t = await creerEnvoyeur(wb)("lireTableauDeBord", { contexte: { duree: "abc" }, date: DATE });
    expect(t.devis.probleme).toBe("Durée (minutes) : « abc » n'est pas un nombre de minutes.");
    expect(t.financement.probleme).toBeUndefined();
    // « 1.500 » minutes: both readings named, neither chosen (the shared parser of the CLI and PROD.*).
    const ambigu = await creerEnvoyeur(wb)("lireTableauDeBord", { contexte: { duree: "1.500" }, date: DATE });
    expect(ambigu.devis.probleme).toBe(
      "Durée (minutes) : « 1.500 » : 1,5 ou 1\u202f500 minutes ? Écrivez « 1,5 » ou « 1\u202f500 ».",
    );
  });

  it("financement : le coût saisi et l'œuvre difficile de la production changent le verdict du tableau de bord comme celui de la page", async () => {
    const envoyer = creerEnvoyeur(
      await lire("tests/fixtures/planning/gardiens-planning.xlsx", "tests/fixtures/financement/documentaire.xlsx"),
    );
    const page = (c: ContexteProduction) => envoyer("analyserFinancement", { ...optionsFinancementDe(c), date: DATE });
    const tdb = async (c: ContexteProduction) =>
      (await envoyer("lireTableauDeBord", { contexte: c, date: DATE })).financement;
    const avant = await tdb(contexte);
    // The documentary's plan: the audiovisual ceiling of an ordinary work, then of an « œuvre difficile ».
    expect(Number(avant.plafond)).toBe(0.5);
    const difficile = { ...contexte, oeuvreDifficile: true, coutProduction: "900 000" };
    const [apres, fin] = await Promise.all([tdb(difficile), page(difficile)]);
    expect(Number(apres.plafond)).toBe(0.6);
    expect(Number(fin.plafond)).toBe(0.6);
    expect(apres.motifPlafond).toBe(fin.motifPlafond);
    // The cost typed is the one both read: the same rest to finance, not the one of the plan's own cost.
    expect(apres.cout).toBe(900_000_00);
    expect(apres.resteAFinancer).toBe(Math.round(Number(fin.resteAFinancer) * 100));
    expect(apres.resteAFinancer).toBe(900_000_00 - apres.total!);
    expect(apres.resteAFinancer).not.toBe(avant.resteAFinancer);
    expect(apres.intensite).toBe(fin.intensiteAidesPubliques);
    expect(apres.depassePlafond).toBe(Number(apres.intensite) > 0.6);
    // A cost that cannot be read: said in French in the block, never a guess.
    const refus = await tdb({ ...contexte, coutProduction: "3.500" });
    expect(refus.probleme).toMatch(/^Coût de production \(€\) : « 3\.500 » : 3,50\u00a0€ ou 3\u202f500\u00a0€ \?/);
  });

  it("crédit d'impôt : les subventions de la production viennent en déduction de sa base, comme sur sa page", async () => {
    const envoyer = creerEnvoyeur(
      await lire("tests/fixtures/planning/gardiens-planning.xlsx", "tests/fixtures/financement/documentaire.xlsx"),
    );
    const tdb = (c: ContexteProduction) => envoyer("lireTableauDeBord", { contexte: c, date: DATE });
    const page = (subventionsPubliques?: number) =>
      envoyer("calculerCreditImpot", {
        regime: "audiovisuel",
        genre: "documentaire",
        annee: 2026,
        dureeMinutes: 52,
        hebergement: "ailleurs",
        ...(subventionsPubliques !== undefined ? { subventionsPubliques: subventionsPubliques as never } : {}),
      });
    const [sans, avec] = [await tdb(contexte), await tdb({ ...contexte, subventions: "30 000" })];
    const [pageSans, pageAvec] = [await page(), await page(30_000_00)];
    expect(sans.creditImpot.credit).toBe(pageSans.credit);
    // 30 000 € off the base: a smaller credit (else this test could not fail), the page's.
    expect(pageAvec.credit).toBeLessThan(pageSans.credit);
    expect(avec.creditImpot.credit).toBe(pageAvec.credit);
    expect(avec.creditImpot.base).toBe(pageAvec.base);
    // Subsidies that cannot be read: said in French in the block.
    const refus = await tdb({ ...contexte, subventions: "-5" });
    expect(refus.creditImpot.probleme).toMatch(/^Subventions publiques \(€\) : /);
    expect(refus.creditImpot.credit).toBeUndefined();
  });
});
