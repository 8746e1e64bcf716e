import { eurosToCents, formatEcartFr, formatMontantFr } from "../../src/core/money";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { lancerCli } from "../helpers/cli";

const FIX = path.resolve(__dirname, "../fixtures/fec");
const FEC = path.join(FIX, "production-2024.txt");
const CORR = path.join(FIX, "correspondances.csv");

const lancer = (args: string[]) => lancerCli(main, args);

describe("prodbook ecarts", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecarts-cli-"));
  const devis = path.join(dir, "devis.xlsx");
  beforeAll(() => ecrireDevisTest(devis));

  test("--json : exactement les champs du contrat ; écart = réalisé − budget par chapitre", async () => {
    const r = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual([
      "postes",
      "nonAffecte",
      "totaux",
      "controles",
      "budgetNonPlace",
      "nonPlaces",
      "correspondances",
      "tables",
      "grandLivre",
    ]);
    // A correspondances file given: no rule table behind the réalisé; only the CNC nomenclature the devis was
    // structured with.
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual(["nomenclature-cnc"]);
    // Every devis amount of this devis is in a chapter: nothing outside the Budget total.
    expect([j.budgetNonPlace, j.nonPlaces]).toEqual(["0.00", []]);
    expect(j.postes[0]).toEqual({
      code: "1",
      libelle: "Droits artistiques",
      budget: "12000.00",
      realise: "12000.00",
      ecart: "0.00",
      ecartPct: "0.00",
      engage: null,
      reste: "0.00",
      estimation: "12000.00",
      ecartEstime: "0.00",
      ecartEstimePct: "0.00",
    });
    expect(j.postes.find((p: { code: string }) => p.code === "2")).toEqual({
      code: "2",
      libelle: "Personnel",
      budget: "9500.00",
      realise: "8000.00",
      ecart: "-1500.00",
      ecartPct: "-15.79",
      engage: null,
      reste: "1500.00",
      estimation: "9500.00",
      ecartEstime: "0.00",
      ecartEstimePct: "0.00",
    });
    expect(j.postes.find((p: { code: string }) => p.code === "9")).toMatchObject({
      budget: "1200.00",
      realise: "0.00",
      ecart: "-1200.00",
      ecartPct: "-100.00",
    });
    expect(j.nonAffecte).toEqual({
      total: "1335.90",
      comptes: [
        { compte: "606400", total: "85.90" },
        { compte: "616000", total: "1250.00" },
      ],
    });
    expect(j.totaux).toEqual({
      budget: "41000.00",
      realise: "39496.75",
      classe6: "40832.65",
      ecart: "-1503.25",
      engage: null,
      reste: expect.any(String),
      estimation: expect.any(String),
      ecartEstime: expect.any(String),
    });
    // Same definitions as the pane: estimation finale = réalisé + reste, écart estimé = estimation − budget.
    const c = (s: string) => Math.round(Number(s) * 100);
    expect(c(j.totaux.estimation)).toBe(c(j.totaux.realise) + c(j.totaux.reste));
    expect(c(j.totaux.ecartEstime)).toBe(c(j.totaux.estimation) - c(j.totaux.budget));
  });

  test("texte : les sept colonnes du volet et de la feuille Écarts, sous les mêmes noms", async () => {
    const r = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", CORR]);
    expect(r.code).toBe(0);
    const lignes = r.out.split("\n");
    // Fixed-width columns: the label as wide as the longest chapter name, then seven right-aligned columns of 17
    // after a space.
    const w = lignes[0].length - 7 * 18;
    expect(w).toBe(Math.max(...lignes.filter((l) => /^\d /.test(l)).map((l) => l.slice(0, w).trimEnd().length)));
    const cases = (l: string) => [
      l.slice(0, w).trim(),
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => l.slice(w + 1 + i * 18, w + 18 + i * 18).trim()),
    ];
    expect(cases(lignes[0])).toEqual([
      "Chapitre",
      "Budget",
      "Engagé",
      "Réalisé",
      "Reste à engager",
      "Estimation finale",
      "Écart",
      "Écart estimé",
    ]);
    // Chapter 2: budget 9 500, engagé not typed, réalisé 8 000, reste 1 500, estimation 9 500, écart −1 500, écart estimé 0.
    const personnel = lignes.find((l) => l.startsWith("2 Personnel"))!;
    const fr = (e: number) => formatMontantFr(eurosToCents(String(e)));
    // The écarts signed as the pane writes them (« −1 500,00 € », « +… »).
    const ecart = (e: number) => formatEcartFr(eurosToCents(String(e)));
    expect(cases(personnel)).toEqual([
      "2 Personnel",
      ...[fr(9500), "—", fr(8000), fr(1500), fr(9500), ecart(-1500), ecart(0)],
    ]);
    expect(cases(lignes.find((l) => l.startsWith("Total"))!)[1]).toBe(fr(41000));
  });

  test("-o : le classeur du producteur plus Grand livre, Correspondances, Écarts (avec graphique) et Coût définitif", async () => {
    const sortie = path.join(dir, "sortie.xlsx");
    const r = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "-o", sortie]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`\nÉcrit\u00a0: ${sortie}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    expect(wb.worksheets.map((w) => w.name).filter((n) => !n.startsWith("_"))).toEqual([
      "Budget doc",
      "Grand livre",
      "Correspondances",
      "Écarts",
      "Coût définitif",
    ]);
    const zip = fs.readFileSync(sortie);
    expect(zip.includes("xl/charts/chart")).toBe(true);
  });

  test("-o sur sa propre sortie (la relance du mois) : mêmes chiffres, Grand livre remplacé à sa place, une seule table", async () => {
    const un = path.join(dir, "relance-1.xlsx");
    const deux = path.join(dir, "relance-2.xlsx");
    const a = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json", "-o", un]);
    const b = await lancer(["ecarts", un, "--fec", FEC, "--correspondances", CORR, "--json", "-o", deux]);
    // Without -o too, the old Grand livre (never read) changes nothing.
    const c = await lancer(["ecarts", un, "--fec", FEC, "--correspondances", CORR, "--json"]);
    expect([a.code, a.err, b.code, b.err, c.code, c.err]).toEqual([0, "", 0, "", 0, ""]);
    expect(b.out).toBe(a.out);
    expect(c.out).toBe(a.out);
    const lire = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const [w1, w2] = [await lire(un), await lire(deux)];
    expect(w2.worksheets.map((w) => w.name)).toEqual(w1.worksheets.map((w) => w.name));
    const valeurs = (w: ExcelJS.Workbook) => w.getWorksheet("Grand livre")!.getSheetValues();
    expect(valeurs(w2).length).toBeGreaterThan(10);
    expect(valeurs(w2)).toEqual(valeurs(w1));
    const tables = async (f: string) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(f));
      const xml = await Promise.all(zip.file(/^xl\/tables\/.*\.xml$/).map((t) => t.async("string")));
      return xml.map((x) => /\bname="([^"]*)"/.exec(x)![1]).sort();
    };
    expect(await tables(deux)).toEqual(await tables(un));
    expect((await tables(deux)).filter((n) => n === "tblGrandLivre")).toHaveLength(1);
    expect(fs.readFileSync(deux).includes("xl/charts/chart")).toBe(true);
  });

  test("fichiers absents ou invalides : message français sur stderr, code 2", async () => {
    const sansFec = await lancer(["ecarts", devis, "--correspondances", CORR]);
    expect([sansFec.code, sansFec.err]).toEqual([2, expect.stringContaining("--fec")]);
    const fecAbsent = await lancer([
      "ecarts",
      devis,
      "--fec",
      path.join(dir, "absent.txt"),
      "--correspondances",
      CORR,
      "--json",
    ]);
    expect([fecAbsent.code, fecAbsent.err, fecAbsent.out]).toEqual([
      2,
      expect.stringContaining("Fichier introuvable"),
      "",
    ]);
    const csv = path.join(dir, "mauvais.csv");
    fs.writeFileSync(csv, "compte;poste\n641;2\n64.1;3\n");
    const mauvais = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", csv]);
    expect([mauvais.code, mauvais.err]).toEqual([
      2,
      "mauvais.csv, ligne 3\u00a0: «\u00a064.1\u00a0» n'est pas un début de numéro de compte (ex. 6411) ni «\u00a0section:CODE\u00a0».",
    ]);
    const pasXlsx = await lancer(["ecarts", CORR, "--fec", FEC, "--correspondances", CORR]);
    expect(pasXlsx.code).toBe(2);
    expect(pasXlsx.err).not.toBe("");
  });

  test("correspondances enregistrées par Excel sous Windows (Windows-1252) : l'erreur cite le compte lu tel quel", async () => {
    const corr = path.join(dir, "corr-1252.csv");
    // « compte;poste;libelle / 6é1;2;Comédiens » in Windows-1252 (é = 0xE9): not UTF-8.
    fs.writeFileSync(corr, Buffer.from("compte;poste;libelle\r\n6\xe91;2;Com\xe9diens\r\n", "latin1"));
    const r = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "--json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("«\u00a06é1\u00a0» n'est pas un début de numéro de compte");
  });

  test("correspondances avec une colonne en plus (Commentaire) : lues, et l'alerte nomme le fichier, la ligne et la colonne", async () => {
    // Exported by the accountant from a spreadsheet (UTF-8 with BOM, CRLF): a « Commentaire » column, and on its last
    // line a fifth field the header does not have.
    const commentee = path.join(FIX, "correspondances-commentaires.csv");
    const [simple, commente] = await Promise.all([
      lancer(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json"]),
      lancer(["ecarts", devis, "--fec", FEC, "--correspondances", commentee, "--json"]),
    ]);
    expect([commente.code, commente.err]).toEqual([0, ""]);
    const [a, b] = [JSON.parse(simple.out), JSON.parse(commente.out)];
    // The same figures: the columns in excess change nothing in the calculation.
    expect(b.postes).toEqual(a.postes);
    expect(b.totaux).toEqual(a.totaux);
    const alertes = b.controles.filter((c: { regle: string }) => c.regle === "correspondances-colonnes");
    expect(alertes).toEqual([
      {
        regle: "correspondances-colonnes",
        gravite: "alerte",
        message:
          "correspondances-commentaires.csv, ligne 1 : colonne « Commentaire » (D) ignorée ; seules « compte », « poste » " +
          "et « libellé » sont lues.",
        cellule: null,
      },
      {
        regle: "correspondances-colonnes",
        gravite: "alerte",
        message:
          "correspondances-commentaires.csv, ligne 8 : 5 champs pour 4 colonnes dans l'en-tête ; « avenant 2 » ignoré " +
          "(colonne E). Un libellé qui contient « ; » s'écrit entre guillemets.",
        cellule: null,
      },
    ]);
    expect(a.controles.some((c: { regle: string }) => c.regle === "correspondances-colonnes")).toBe(false);
    // The text output says it too, under its French title (never the code).
    const texte = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", commentee]);
    expect(texte.code).toBe(0);
    expect(texte.out).toContain(
      "[alerte] Colonne ignorée (correspondances) — correspondances-commentaires.csv, ligne 1\u00a0: colonne «\u00a0Commentaire\u00a0» (D)",
    );
    expect(texte.out).toContain("correspondances-commentaires.csv, ligne 8\u00a0: 5 champs");
    expect(texte.out).not.toContain("correspondances-colonnes");
  });

  test("-o : la feuille « Écarts » écrite liste les colonnes ignorées des correspondances, en texte (jamais une formule)", async () => {
    // A file name that starts with « = »: the sentence that names it must stay text in the written sheet.
    const csv = path.join(dir, "=1+1 correspondances.csv");
    fs.copyFileSync(path.join(FIX, "correspondances-commentaires.csv"), csv);
    const sortie = path.join(dir, "ecarts-colonnes-ignorees.xlsx");
    const r = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", csv, "-o", sortie, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Écarts") as ExcelJS.Worksheet;
    const lignes: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => lignes.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));
    const colonnes = lignes.filter((l) => l[1] === "Colonne ignorée (correspondances)");
    expect(colonnes).toEqual([
      [
        "Alerte",
        "Colonne ignorée (correspondances)",
        null,
        "=1+1 correspondances.csv, ligne 1 : colonne « Commentaire » (D) ignorée ; seules « compte », « poste » " +
          "et « libellé » sont lues.",
      ],
      [
        "Alerte",
        "Colonne ignorée (correspondances)",
        null,
        "=1+1 correspondances.csv, ligne 8 : 5 champs pour 4 colonnes dans l'en-tête ; « avenant 2 » ignoré " +
          "(colonne E). Un libellé qui contient « ; » s'écrit entre guillemets.",
      ],
    ]);
    // Every finding of the JSON is on the sheet, each once.
    const messages = lignes.map((l) => l[3]);
    for (const c of j.controles as { message: string }[])
      expect(messages.filter((x) => x === c.message)).toHaveLength(1);
    // The live figures are untouched: the total row still sums the chapters, the control cell still reads 0.
    expect(ws.getCell("H3").value).toMatchObject({ formula: "B3-D3-F3" });
  });

  test("-o : l'alerte d'encodage du FEC (BOM UTF-8 lu en Windows-1252) est dans la section Contrôles de « Écarts »", async () => {
    const octets = fs.readFileSync(FEC);
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const fec = path.join(dir, "fec-bom.txt");
    fs.writeFileSync(fec, octets.subarray(0, 3).equals(bom) ? octets : Buffer.concat([bom, octets]));
    const sortie = path.join(dir, "ecarts-fec-bom.xlsx");
    const args = ["ecarts", devis, "--fec", fec, "--encodage", "windows-1252", "--correspondances", CORR, "-o", sortie];
    const r = await lancer([...args, "--json"]);
    // The encoding forced is kept, and the bytes (UTF-8 after their BOM) are said on stderr, --json or not.
    expect([r.code, r.err]).toEqual([
      0,
      "Le fichier semble encodé en UTF-8\u00a0: «\u00a0é\u00a0» est lu «\u00a0Ã©\u00a0»\u202f; l'encodage Windows-1252 " +
        "imposé par --encodage est gardé\u00a0: retirez --encodage ou indiquez --encodage utf-8 si les libellés sont mal lus.",
    ]);
    const alerte = (JSON.parse(r.out).controles as { regle: string; message: string }[]).find(
      (c) => c.regle === "grand-livre-fichier",
    )!;
    expect(alerte.message).toMatch(/^Le fichier commence par la marque UTF-8 \(BOM\)/);
    // The encoding as the pane's list names it, in the sheet too (the JSON's value stays "windows-1252").
    expect(alerte.message).toContain("lu en Windows-1252 comme demandé");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Écarts") as ExcelJS.Worksheet;
    const lignes: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => lignes.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));
    expect(lignes.filter((l) => l[3] === alerte.message)).toEqual([
      ["Alerte", "Fichier du grand livre à vérifier", null, alerte.message],
    ]);
  });
});
