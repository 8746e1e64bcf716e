/**
 * Issue 14 §1, « compare against the coût définitif »: the « Comparaison » sheet's réalisé columns (S, T), recalculated
 * by LibreOffice after every cached result was dropped, give the figures of `prodbook ecarts` (built CLI), also when
 * two devis lines share a poste code: the Écarts sheet has one réalisé for the poste, which must be counted once.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { eurosToCents } from "../../src/core/money/cents";
import { lireRecalcule, nombre, recalculer, resultat, sansResultats } from "../helpers/libreoffice";
import { sortieBinaire } from "../helpers/cli";

const RACINE = path.join(__dirname, "../..");

const prodbook = (args: string[], cwd: string): string => sortieBinaire(args, { cwd });

const ENTETE_FEC =
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t" +
  "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
/** One balanced entry: the expense account debited, 421000 credited. */
const ecriture = (n: number, compte: string, libelle: string, montant: string) =>
  [
    `OD\tOD\tOD${n}\t20260110\t${compte}\t${libelle}\t\t\tP${n}\t20260110\t${libelle}\t${montant}\t0,00\t\t\t20260110\t\t`,
    `OD\tOD\tOD${n}\t20260110\t421000\tPersonnel\t\t\tP${n}\t20260110\t${libelle}\t0,00\t${montant}\t\t\t20260110\t\t`,
  ].join("\n");

const centimes = (c: ExcelJS.Cell) => eurosToCents(nombre(c));
const texteNote = (n: ExcelJS.Cell["note"]): string =>
  (typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("")).replace(/[\u00a0\u202f]/g, " ");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-versions-realise-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("Comparaison against the coût définitif, recalculated by LibreOffice", () => {
  it("two devis lines with one poste code: the poste's réalisé counted once, chapter and total as `ecarts` gives them", async () => {
    // Poste 2.1 on two lines (tournage 5 000 €, préparation 2 500 €), 2.2 on one (4 000 €); the ledger spends 6 000 € on
    // 2.1 (641100) and 3 000 € on 2.2 (641200).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    for (const r of [
      ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["2.1", "Réalisateur — tournage", 10, "j", 500, 5000],
      ["2.1", "Réalisateur — préparation", 5, "j", 500, 2500],
      ["2.2", "Chef opérateur", 10, "j", 400, 4000],
    ])
      ws.addRow(r);
    await wb.xlsx.writeFile(path.join(dir, "devis.xlsx"));
    await fs.writeFile(
      path.join(dir, "fec.txt"),
      [
        ENTETE_FEC,
        ecriture(1, "641100", "Salaire réalisateur", "6000,00"),
        ecriture(2, "641200", "Salaire chef op", "3000,00"),
      ].join("\n") + "\n",
    );
    await fs.writeFile(path.join(dir, "corr.csv"), "compte;poste\n641100;2.1\n641200;2.2\n");

    const ecarts = JSON.parse(
      prodbook(
        [
          "ecarts",
          "devis.xlsx",
          "--fec",
          "fec.txt",
          "--correspondances",
          "corr.csv",
          "--json",
          "--explique",
          "-o",
          "ecarts.xlsx",
        ],
        dir,
      ),
    );
    expect(ecarts.totaux).toMatchObject({ budget: "11500.00", realise: "9000.00", ecart: "-2500.00" });
    expect([ecarts.traces["2.1"].realise.valeur, ecarts.traces["2.1"].ecart.valeur]).toEqual(["6000.00", "-1500.00"]);
    prodbook(["versions", "enregistrer", "ecarts.xlsx", "--nom", "Dépôt agrément", "-o", "v.xlsx"], dir);
    const texte = prodbook(
      ["versions", "comparer", "v.xlsx", "--de", "Dépôt agrément", "--a", "courant", "-o", "cmp.xlsx"],
      dir,
    );
    expect(texte).toContain("réalisé de la feuille Écarts");

    // The JSON says what the sheet computes: réalisé, « à » and écart réalisé − à of the total, the chapter, each poste.
    const json = JSON.parse(
      prodbook(["versions", "comparer", "v.xlsx", "--de", "Dépôt agrément", "--a", "courant", "--json"], dir),
    );
    expect(json.coutDefinitif).toEqual({
      total: { realise: "9000.00", a: "11500.00", ecart: "-2500.00" },
      chapitres: [{ code: "2", libelle: "Personnel", realise: "9000.00", a: "11500.00", ecart: "-2500.00" }],
      nonPlaces: { realise: "0.00", a: "0.00", ecart: "0.00" },
      postes: [
        {
          code: "2.1",
          chapitre: "2",
          realise: "6000.00",
          a: "7500.00",
          ecart: "-1500.00",
          cellule: expect.stringMatching(/^'Écarts'!G\d+$/),
          lignes: 2,
        },
        {
          code: "2.2",
          chapitre: "2",
          realise: "3000.00",
          a: "4000.00",
          ecart: "-1000.00",
          cellule: expect.stringMatching(/^'Écarts'!G\d+$/),
          lignes: 1,
        },
      ],
    });

    const { fichier, formules } = await sansResultats(path.join(dir, "cmp.xlsx"));
    expect(formules).toBeGreaterThan(10);
    const lu = await lireRecalcule(await recalculer(fichier));
    const cmp = lu.getWorksheet("Comparaison")!;
    const rangee = (a: string, b: string | null, libelle?: string) => {
      for (let r = 1; r <= cmp.rowCount; r++)
        if (
          cmp.getCell(r, 1).value === a &&
          (cmp.getCell(r, 2).value ?? null) === b &&
          (!libelle || cmp.getCell(r, 4).value === libelle)
        )
          return r;
      throw new Error(`ligne ${a} ${b} ${libelle ?? ""} absente de Comparaison`);
    };
    const total = rangee("Total", null);
    const ch2 = rangee("Chapitre", "2");
    const tournage = rangee("inchangée", "2", "Réalisateur — tournage");
    const preparation = rangee("inchangée", "2", "Réalisateur — préparation");
    const chefOp = rangee("inchangée", "2", "Chef opérateur");
    // The total and the chapter: the coût définitif's réalisé and écart (réalisé − budget), not 6 000 € counted twice.
    expect([centimes(cmp.getCell(`S${total}`)), centimes(cmp.getCell(`T${total}`))]).toEqual([
      eurosToCents(ecarts.totaux.realise),
      eurosToCents(ecarts.totaux.ecart),
    ]);
    expect([centimes(cmp.getCell(`S${ch2}`)), centimes(cmp.getCell(`T${ch2}`))]).toEqual([900000, -250000]);
    // The poste 2.1: its réalisé on its first line, its écart against both lines' amounts, as `ecarts` gives it.
    expect([centimes(cmp.getCell(`S${tournage}`)), centimes(cmp.getCell(`T${tournage}`))]).toEqual([
      eurosToCents(ecarts.traces["2.1"].realise.valeur),
      eurosToCents(ecarts.traces["2.1"].ecart.valeur),
    ]);
    expect([cmp.getCell(`S${preparation}`).value, cmp.getCell(`T${preparation}`).value]).toEqual([null, null]);
    expect([centimes(cmp.getCell(`S${chefOp}`)), centimes(cmp.getCell(`T${chefOp}`))]).toEqual([300000, -100000]);
    expect(resultat(cmp.getCell(`M${preparation}`))).toBe(2500);

    // The notes say so: the écart of the poste names both lines' amounts; and the poste's réalisé names the lines it is compared with.
    const ecrit = new ExcelJS.Workbook();
    await ecrit.xlsx.readFile(path.join(dir, "cmp.xlsx"));
    const c = ecrit.getWorksheet("Comparaison")!;
    expect(c.getCell(`T${tournage}`).formula).toBe(`S${tournage}-SUM(M${tournage},M${preparation})`);
    expect(
      texteNote(c.getCell(`T${tournage}`).note)
        .split("\n")
        .slice(0, 2),
    ).toEqual([
      "Écart réalisé − à, poste 2.1 (2 lignes du devis) : −1 500,00 €",
      `= Réalisé − Montant à (Devis actuel (feuille « Budget »)) : S${tournage} − (M${tournage} + M${preparation}) = ` +
        "6 000,00 € − 7 500,00 €",
    ]);
    expect(texteNote(c.getCell(`S${ch2}`).note).split("\n")[0]).toBe(
      "Réalisé (coût définitif), chapitre 2 : 9 000,00 €",
    );
  });

  it("the example (FEC imputed by chapter): JSON, `ecarts` and LibreOffice give the same réalisé per chapter and in total", async () => {
    const ex = (f: string) => path.join(RACINE, "assets/exemple", f);
    const ecarts = JSON.parse(
      prodbook(
        ["ecarts", ex("devis-producteur.xlsx"), "--fec", ex("fec-exemple.txt"), "--json", "-o", "ex-ecarts.xlsx"],
        dir,
      ),
    );
    prodbook(["versions", "enregistrer", "ex-ecarts.xlsx", "--nom", "Dépôt agrément", "-o", "ex-v.xlsx"], dir);
    const args = ["versions", "comparer", "ex-v.xlsx", "--de", "Dépôt agrément", "--a", "courant"];
    const json = JSON.parse(prodbook([...args, "--json"], dir)).coutDefinitif;
    expect(json.total).toEqual({
      realise: ecarts.totaux.realise,
      a: ecarts.totaux.budget,
      ecart: ecarts.totaux.ecart,
    });
    expect(
      json.chapitres.map((c: { code: string; realise: string; ecart: string }) => [c.code, c.realise, c.ecart]),
    ).toEqual(ecarts.postes.map((p: { code: string; realise: string; ecart: string }) => [p.code, p.realise, p.ecart]));
    // The postes imputed to a chapter (no devis line carries code « 1 »): each a poste without line.
    expect(json.postes.filter((p: { lignes: number }) => p.lignes === 0).map((p: { code: string }) => p.code)).toEqual([
      "1",
      "2",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);

    prodbook([...args, "-o", "ex-cmp.xlsx"], dir);
    const { fichier } = await sansResultats(path.join(dir, "ex-cmp.xlsx"));
    const cmp = (await lireRecalcule(await recalculer(fichier))).getWorksheet("Comparaison")!;
    const vus: [string, number, number][] = [];
    let total: [number, number] | undefined;
    cmp.eachRow((row, r) => {
      if (row.getCell(1).value === "Chapitre")
        vus.push([String(row.getCell(2).value), centimes(cmp.getCell(`S${r}`)), centimes(cmp.getCell(`T${r}`))]);
      if (row.getCell(1).value === "Total") total = [centimes(cmp.getCell(`S${r}`)), centimes(cmp.getCell(`T${r}`))];
    });
    expect(vus).toEqual(
      json.chapitres.map((c: { code: string; realise: string; ecart: string }) => [
        c.code,
        eurosToCents(c.realise),
        eurosToCents(c.ecart),
      ]),
    );
    expect(total).toEqual([eurosToCents(json.total.realise), eurosToCents(json.total.ecart)]);
  });
});
