import ExcelJS from "exceljs";
import { ligneDe } from "../helpers/bilanCarbone";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { COL } from "../../src/core/carbone/colonnes";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { lancerCli } from "../helpers/cli";

/**
 * Issue 15 « définitif from actuals where the Écarts work has them (réalisé by poste) », from the ledger itself:
 * `prodbook carbone --fec` reconciles it like `prodbook ecarts` (without writing its sheets) and puts the définitif
 * next to the prévisionnel. Also: a devis line no category recognises is named with its cell, and a quantity the
 * user corrects over a live formula survives two refreshes with its total recomputed.
 */
const FEC = path.resolve(__dirname, "../fixtures/fec/production-2024.txt");
const EXEMPLE = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FEC_EXEMPLE = path.resolve(__dirname, "../../assets/exemple/fec-exemple.txt");
const PLAN = path.resolve(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbone-fec-"));
const col = (c: number) => String.fromCharCode(65 + c);

const lancer = (args: string[]) => lancerCli(main, args);
/** `prodbook carbone <devis> --fec <the 2024 ledger> --correspondances <corr> --date 2026-06-01 …plus`. */
const carboneFec = (devis: string, corr: string, ...plus: string[]) =>
  lancer(["carbone", devis, "--fec", FEC, "--correspondances", corr, "--date", "2026-06-01", ...plus]);

interface Activite {
  cellule: string;
  quantite: string | null;
  kgCO2e: string | null;
  kgCO2eDefinitif: string | null;
  corrigee: boolean;
}
interface Json {
  total: string;
  definitif: string | null;
  categories: { code: string; tCO2e: string; tCO2eDefinitif: string | null; activites: Activite[] }[];
  manquants: { cellule: string; message: string }[];
  realise: Record<string, string | null>;
  controles: { regle: string; gravite: string; message: string; cellule: string | null }[];
}

describe("prodbook carbone --fec : le définitif depuis le Grand Livre, à côté du prévisionnel", () => {
  let devis: string;
  let corr: string;
  beforeAll(async () => {
    devis = path.join(dir, "devis-doc.xlsx");
    await ecrireDevisTest(devis);
    corr = path.join(dir, "correspondances.csv");
    fs.writeFileSync(corr, "compte;poste;libelle\n625;6.1;Déplacements\n616;9.1;Assurance\n6135;7.1;Caméra\n");
  });

  test("même définitif que par la feuille Écarts : assurance 1 250 € réalisés × 77 kg/k€ = 96,25 kg", async () => {
    // The two-step path (prodbook ecarts -o, then carbone) and the one-step path give the same figures.
    const ecarts = path.join(dir, "ecarts.xlsx");
    expect((await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", ecarts])).code).toBe(0);
    const parEcarts = await lancer(["carbone", ecarts, "--date", "2026-06-01", "--json"]);
    const a = JSON.parse(parEcarts.sortie[0]) as Json;

    const sortie = path.join(dir, "carbone-fec.xlsx");
    const r = await carboneFec(devis, corr, "--json", "-o", sortie, "--csv", path.join(dir, "export.csv"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.sortie[0]) as Json;
    // Prévisionnel: 92,4 kg of insurance + « Montage et étalonnage » 9 000 € × 156 kg CO₂e/k€ HT (Base Carbone 43375)
    // = 1 404 kg; its poste has no ledger entry, so its définitif is 0 × 156.
    expect([j.total, j.definitif]).toEqual(["1.50", "0.10"]);
    expect([j.total, j.definitif]).toEqual([a.total, a.definitif]);
    const achats = j.categories.find((c) => c.code === "achats")!;
    expect(achats.activites[0]).toMatchObject({
      cellule: "'Budget doc'!B20",
      kgCO2e: "92.4",
      kgCO2eDefinitif: "96.25",
    });
    expect(j.categories.map((c) => c.tCO2eDefinitif)).toEqual(a.categories.map((c) => c.tCO2eDefinitif));
    expect(j.realise).toEqual({ source: "fec", fec: "production-2024.txt", correspondances: "fichier" });
    expect(a.realise).toEqual({ source: "ecarts", feuille: "Écarts" });
    // The ledger's own findings come with it: the class-6 accounts this short table maps to no poste.
    expect(j.controles.map((c) => c.regle)).toContain("comptes-non-affectes");

    // The export for the calculator's bilan définitif: the réalisé next to the devis amount (empty quantité réalisée:
    // none was typed), a French CSV still.
    const csv = fs
      .readFileSync(path.join(dir, "export.csv"), "utf8")
      .replace(/^\ufeff/, "")
      .split("\r\n");
    expect(csv[0]).toBe(
      "Catégorie;Poste du calculateur;Quantité;Unité;Montant devis (€);Lignes;À compléter;Quantité réalisée;Réalisé (€);Sources",
    );
    expect(csv).toContain("Achats et services;Assurances;1200;€ HT;1200,00;1;0;;1250,00;'Budget doc'!B20");
    expect(csv).toContain("Transport de personnes;Train;;passager.km;800,00;1;1;;996,00;'Budget doc'!B14");
    // The sheet written carries the réalisé and the définitif formula's cached result, as after prodbook ecarts.
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const ws = lu.getWorksheet("Bilan carbone")!;
    const l = ligneDe(ws, "devis:Budget doc!20");
    // The FEC's amount as a formula: never read back as a réalisé the user typed.
    expect(ws.getCell(`${col(COL.realise)}${l}`).formula).toBe("1250");
    expect(ws.getCell(`${col(COL.realise)}${l}`).result).toBe(1250);
    expect(ws.getCell(`${col(COL.definitif)}${l}`).result).toBe(0.09625);
    // Nothing of the reconciliation is written: only the bilan's two sheets.
    const ex = lu.getWorksheet("Export carbone")!;
    let rAss = 0;
    ex.eachRow((row, i) => {
      if (row.getCell(2).value === "Assurances") rAss = i;
    });
    expect(ex.getCell(`I${rAss}`).result).toBe(1250);
    // No quantité réalisée typed: an empty text (ExcelJS reads the empty cached string as no result), not a 0.
    expect(ex.getCell(`H${rAss}`).formula).toMatch(/^IF\(COUNTIFS\(/);
    expect(ex.getCell(`H${rAss}`).result ?? "").toBe("");
    const visibles = lu.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(visibles).toEqual(["Budget doc", "Bilan carbone", "Export carbone"]);
  });

  test("texte : l'origine du réalisé, et chaque catégorie avec son définitif (inconnu sans réalisé)", async () => {
    const r = await carboneFec(devis, corr);
    expect(r.code).toBe(0);
    const texte = r.out;
    expect(texte).toContain("Réalisé\u00a0: FEC «\u00a0production-2024.txt\u00a0», correspondances du fichier donné.");
    expect(texte).toContain("Total prévisionnel\u00a0: 1,50 t CO₂e\u202f; définitif\u00a0: 0,10 t CO₂e");
    expect(texte).toMatch(/\n {2}Achats et services +0,09 t {2}définitif 0,10 t +\(1\u00a0activité\)/);
    expect(texte).toMatch(/\n {2}Hébergement +0,00 t {2}définitif inconnu +\(0\u00a0activité\)/);
  });

  test("correspondances par défaut sur l'exemple : le réalisé imputé au chapitre est nommé, pas de définitif inventé", async () => {
    const r = await lancer(["carbone", EXEMPLE, "--fec", FEC_EXEMPLE, "--date", "2026-06-01", "--json"]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.sortie[0]) as Json;
    expect(j.realise).toEqual({ source: "fec", fec: "fec-exemple.txt", correspondances: "defaut" });
    expect(j.definitif).toBeNull();
    // Named on the chapter's first devis line (no Écarts sheet here), with the ledger's name.
    expect(j.manquants).toContainEqual({
      cellule: "'Budget Gardiens'!B39",
      message:
        "276,00\u00a0€ de réalisé du chapitre 5 dans le FEC « fec-exemple.txt » sont imputés au chapitre, à " +
        "aucune de ses lignes (« Décors et costumes — imputé au chapitre ») : ils manquent au bilan définitif, " +
        "et les lignes du chapitre sans réalisé propre n'ont pas de définitif. Affectez ces comptes aux postes dans les " +
        "correspondances.",
    });
  });

  test("--fec l'emporte sur la feuille Écarts d'une exécution précédente", async () => {
    const ecarts = path.join(dir, "ecarts-b.xlsx");
    expect((await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", ecarts])).code).toBe(0);
    // Another table: the insurance account is no longer mapped, so its réalisé is 0 from this ledger.
    const autre = path.join(dir, "correspondances-b.csv");
    fs.writeFileSync(autre, "compte;poste;libelle\n625;6.1;Déplacements\n");
    const r = await lancer(["carbone", ecarts, "--fec", FEC, "--correspondances", autre, "--json"]);
    const j = JSON.parse(r.sortie[0]) as Json;
    expect(j.realise.source).toBe("fec");
    expect(j.categories.find((c) => c.code === "achats")!.activites[0].kgCO2eDefinitif).toBe("0");
  });

  test("options du réalisé sans --fec, FEC absent : code 2, message en français, rien d'écrit", async () => {
    const sortie = path.join(dir, "rien.xlsx");
    let r = await lancer(["carbone", devis, "--correspondances", corr, "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("L'option --correspondances ne sert qu'avec --fec <fichier>");
    r = await lancer(["carbone", devis, "--fec", path.join(dir, "absent.txt"), "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/absent\.txt/);
    expect(fs.existsSync(sortie)).toBe(false);
  });
});

describe("prodbook carbone --fec --correspondances : les alertes du fichier, comme prodbook ecarts les donne", () => {
  let devis: string;
  let corr: string;
  beforeAll(async () => {
    devis = path.join(dir, "devis-alertes.xlsx");
    await ecrireDevisTest(devis);
    corr = path.join(dir, "correspondances-alertes.csv");
    // A column the reader ignores (D), a line with a field beyond the header (E), and the directors' pay booked to a
    // poste « 2.9 » the devis does not have (8 000 € of réalisé that reach no line).
    fs.writeFileSync(
      corr,
      "compte;poste;libelle;note\n625;6.1;Déplacements;\n616;9.1;Assurance;\n6135;7.1;Caméra;;en trop\n6411;2.9;Salaires\n",
    );
  });

  test("--json : les colonnes ignorées et le poste absent du devis dans controles, mêmes messages qu'ecarts", async () => {
    const e = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "--json"]);
    expect(e.code).toBe(0);
    const parEcarts = (JSON.parse(e.sortie[0]) as { controles: Json["controles"] }).controles;
    const r = await carboneFec(devis, corr, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.sortie[0]) as Json;
    // Each of the file's alertes, word for word as prodbook ecarts gives them (never only counted).
    const colonnes = j.controles.filter((c) => c.regle === "correspondances-colonnes");
    expect(colonnes.map((c) => c.message)).toEqual([
      "correspondances-alertes.csv, ligne 1 : colonne « note » (D) ignorée ; seules « compte », « poste » et " +
        "« libellé » sont lues.",
      "correspondances-alertes.csv, ligne 4 : 5 champs pour 4 colonnes dans l'en-tête ; « en trop » ignoré (colonne " +
        "E). Un libellé qui contient « ; » s'écrit entre guillemets.",
    ]);
    expect(colonnes).toEqual(parEcarts.filter((c) => c.regle === "correspondances-colonnes"));
    // The poste the devis lacks: named by both; here its réalisé reaches no line of the bilan, and says so.
    expect(parEcarts.filter((c) => c.regle === "postes-hors-devis").map((c) => c.message)).toEqual([
      "1 poste des correspondances absent du devis porte du réalisé (8\u202f000,00\u00a0€) : 2.9 " +
        "(8\u202f000,00\u00a0€, compté au chapitre 2). Vérifiez les correspondances : un poste est un code de chapitre " +
        "(« 2 ») ou de ligne du devis (« 2.3 »).",
    ]);
    expect(j.controles.filter((c) => c.regle === "postes-hors-devis")).toEqual([
      {
        regle: "postes-hors-devis",
        gravite: "alerte",
        message:
          "1 poste des correspondances absent du devis porte du réalisé (8\u202f000,00\u00a0€) : 2.9 " +
          "(8\u202f000,00\u00a0€) ; il ne va à aucune ligne du bilan définitif. Vérifiez les correspondances : un " +
          "poste est un code de chapitre (« 2 ») ou de ligne du devis (« 2.3 »).",
        cellule: null,
      },
    ]);
    // The figures are those of the same table without the faulty parts: the insurance's définitif still 96,25 kg.
    const achats = j.categories.find((c) => c.code === "achats")!;
    expect(achats.activites[0].kgCO2eDefinitif).toBe("96.25");
  });

  test("texte : chaque alerte du fichier imprimée, en français ; une ligne fautive : code 2, rien d'écrit", async () => {
    const r = await carboneFec(devis, corr);
    expect(r.code).toBe(0);
    const texte = r.out;
    expect(texte).toContain(
      "[alerte] Colonne ignorée (correspondances) — correspondances-alertes.csv, ligne 1\u00a0: colonne " +
        "«\u00a0note\u00a0» (D) ignorée",
    );
    expect(texte).toContain("correspondances-alertes.csv, ligne 4\u00a0: 5 champs pour 4 colonnes");
    expect(texte).toContain(
      "1 poste des correspondances absent du devis porte du réalisé (8\u202f000,00\u00a0€)\u00a0: 2.9 " +
        "(8\u202f000,00\u00a0€)\u202f; il ne va à aucune ligne du bilan définitif.",
    );
    const faux = path.join(dir, "correspondances-fausses.csv");
    fs.writeFileSync(faux, "compte;poste\n625;6.1\n616;9,1\n");
    const sortie = path.join(dir, "carbone-faux.xlsx");
    const e = await lancer(["carbone", devis, "--fec", FEC, "--correspondances", faux, "-o", sortie]);
    expect(e.code).toBe(2);
    expect(e.err).toContain("correspondances-fausses.csv, ligne 3\u00a0: poste «\u00a09,1\u00a0» invalide");
    expect(fs.existsSync(sortie)).toBe(false);
  });
});

describe("prodbook carbone : rien n'est laissé de côté sans être nommé", () => {
  test("« Repérages Bretagne (à ventiler) », reconnue par aucune catégorie, est listée avec sa cellule et son montant", async () => {
    const r = await lancer(["carbone", EXEMPLE, "--date", "2026-06-01", "--json"]);
    const j = JSON.parse(r.sortie[0]) as Json & { couverture: { nonClassees: string } };
    expect(j.couverture.nonClassees).toBe("1200.00");
    // Every line of the example devis outside pay, rights and overheads: the unplaced line (6), sets and props (39),
    // transport, lodging, meals, fuel (43–48), equipment (52–55), post-production (59–62), insurance and fees (66–68).
    const vues = new Set([
      ...j.categories.flatMap((c) => c.activites.map((a) => a.cellule)),
      ...j.manquants.map((m) => m.cellule),
    ]);
    const lignes = [6, 39, 43, 44, 45, 46, 47, 48, 52, 53, 54, 55, 59, 60, 61, 62, 66, 67, 68];
    expect(lignes.filter((n) => !vues.has(`'Budget Gardiens'!B${n}`))).toEqual([]);
    expect(j.manquants).toContainEqual({
      cellule: "'Budget Gardiens'!B6",
      message:
        "Ligne non classée « Repérages Bretagne (à ventiler) » (1\u202f200,00\u00a0€ HT) : aucune catégorie du " +
        "bilan (transport, hébergement, repas, matériel, énergie, achats, post-production) ne la reconnaît, elle " +
        "n'entre pas dans la pré-estimation. Ventilez-la dans le devis par poste (trajets, nuitées, repas…), ou " +
        "saisissez-la dans le calculateur homologué.",
    });
  });
});

describe("prodbook carbone : une quantité corrigée sur une formule vivante, gardée à chaque rafraîchissement", () => {
  test("nuitées 72 → 60 dans « Bilan carbone » : 258 kg au lieu de 309,6, gardé deux fois, total de la feuille recalculé", async () => {
    const premier = path.join(dir, "premier.xlsx");
    let r = await lancer(["carbone", PLAN, "--planning", "PDT", "--date", "2026-06-01", "-o", premier]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(premier);
    const ws = wb.getWorksheet("Bilan carbone")!;
    const l = ligneDe(ws, "devis:Budget Gardiens!45");
    // Before: a live link to the quantity read from the producer's cells (18 nights × 4 people).
    const avant = ws.getCell(`${col(COL.quantite)}${l}`).value as ExcelJS.CellFormulaValue;
    expect(avant.result).toBe(72);
    expect(avant.formula).toBe(`${col(COL.quantiteLue)}${l}`);
    ws.getCell(`${col(COL.quantite)}${l}`).value = 60;
    const corrige = path.join(dir, "corrige.xlsx");
    await wb.xlsx.writeFile(corrige);

    // Two refreshes: the second reads the sheet the first wrote, so the correction must have been written back.
    let entree = corrige;
    for (const n of [1, 2]) {
      const sortie = path.join(dir, `rafraichi-${n}.xlsx`);
      r = await lancer(["carbone", entree, "--planning", "PDT", "--date", "2026-06-01", "--json", "-o", sortie]);
      expect(r.err).toBe("");
      const j = JSON.parse(r.sortie[0]) as Json;
      const nuits = j.categories.find((c) => c.code === "hebergement")!.activites[0];
      expect(nuits).toMatchObject({ quantite: "60", corrigee: true, kgCO2e: "258" });
      // 2 492,08 − 309,6 + 258 = 2 440,48 kg
      expect(j.total).toBe("2.44");

      const relu = new ExcelJS.Workbook();
      await relu.xlsx.readFile(sortie);
      const b = relu.getWorksheet("Bilan carbone")!;
      const m = ligneDe(b, "devis:Budget Gardiens!45");
      expect(b.getCell(`${col(COL.quantite)}${m}`).value).toBe(60);
      expect(b.getCell(`${col(COL.previsionnel)}${m}`).result).toBeCloseTo(0.258, 9);
      // The sheet's total (a formula over the rows) carries the recomputed figure.
      expect(b.getCell("A5").value).toBe("Total prévisionnel (t CO₂e)");
      expect(b.getCell("B5").result).toBeCloseTo(2.44048, 9);
      entree = sortie;
    }
  });
});

describe("prodbook carbone : le réalisé du Grand Livre n'est pas une saisie de l'utilisateur", () => {
  test("relancé sur sa sortie : aucune « correction gardée » ; un réalisé tapé par-dessus est nommé, pas perdu sans un mot", async () => {
    const devis = path.join(dir, "devis-relance.xlsx");
    await ecrireDevisTest(devis);
    const corr = path.join(dir, "correspondances-relance.csv");
    fs.writeFileSync(corr, "compte;poste;libelle\n625;6.1;Déplacements\n616;9.1;Assurance\n6135;7.1;Caméra\n");
    const ecarts = path.join(dir, "ecarts-relance.xlsx");
    expect((await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", ecarts])).code).toBe(0);
    const premier = path.join(dir, "bilan-relance.xlsx");
    expect((await lancer(["carbone", ecarts, "--date", "2026-06-01", "-o", premier])).code).toBe(0);

    // Before: the réalisé written as a number was read back as 4 « corrections » the user never typed.
    let r = await lancer(["carbone", premier, "--date", "2026-06-01"]);
    expect(r.out).not.toMatch(/correction/);
    r = await lancer(["carbone", premier, "--date", "2026-06-01", "--json"]);
    expect((JSON.parse(r.sortie[0]) as Json).definitif).toBe("0.10");

    // The chargé de production types 1 300 € over the insurance's réalisé: the ledger's 1 250 € stays (it is the
    // accounts'), and the typed amount is named with its line.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(premier);
    const ws = wb.getWorksheet("Bilan carbone")!;
    ws.getCell(`${col(COL.realise)}${ligneDe(ws, "devis:Budget doc!20")}`).value = 1300;
    const tape = path.join(dir, "bilan-tape.xlsx");
    await wb.xlsx.writeFile(tape);
    // Nothing typed is kept (the ledger's réalisé is used): no « correction gardée » either.
    expect((await lancer(["carbone", tape, "--date", "2026-06-01"])).out).not.toMatch(/correction/);
    r = await lancer(["carbone", tape, "--date", "2026-06-01", "--json"]);
    const j = JSON.parse(r.sortie[0]) as Json;
    expect(j.categories.find((c) => c.code === "achats")!.activites[0].kgCO2eDefinitif).toBe("96.25");
    expect(j.manquants).toContainEqual({
      cellule: "'Budget doc'!B20",
      message:
        "Réalisé saisi 1\u202f300,00\u00a0€ non retenu : le Grand Livre donne 1\u202f250,00\u00a0€ au poste 9.1. Corrigez " +
        "les correspondances (ou l'écriture), ou saisissez plutôt la quantité réalisée.",
    });
  });
});
