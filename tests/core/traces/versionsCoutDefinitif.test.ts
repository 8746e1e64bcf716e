/**
 * Issue 14, « compare against the coût définitif »: the écart réalisé − « à » of the total and of each chapter
 * (`versions comparer`'s `coutDefinitif`, the « Comparaison » sheet's columns S and T) has a « D'où vient ce chiffre ? »
 * tree that re-evaluates to the figure, down to each poste's réalisé in its cell of the Écarts sheet (a cell that holds
 * that amount) and to the « à » lines' cells. The workbooks are built by real runs of `prodbook ecarts … -o` and
 * `prodbook versions enregistrer`, on a devis whose poste 2.1 is on two lines and on the example's files.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { commandesVersions } from "../../../src/app/commandes/versions";
import { main } from "../../../src/cli/main";
import { eurosToCents } from "../../../src/core/money/cents";
import { centsToDecimalString, formatEcartFr } from "../../../src/core/money";
import { incoherences, type Trace } from "../../../src/core/traces/trace";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { lancerCli } from "../../helpers/cli";

const RACINE = path.join(__dirname, "../../..");
const ex = (f: string) => path.join(RACINE, "assets/exemple", f);
const feuilles = (t: Trace): Trace[] => (t.entrees ? t.entrees.flatMap(feuilles) : [t]);

async function prodbook(args: string[]): Promise<string> {
  const r = await lancerCli(main, args);
  if (r.code !== 0) throw new Error(`prodbook ${args.join(" ")} : ${r.err}`);
  return r.out;
}

const ENTETE_FEC =
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t" +
  "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
const ecriture = (n: number, compte: string, libelle: string, montant: string) =>
  [
    `OD\tOD\tOD${n}\t20260110\t${compte}\t${libelle}\t\t\tP${n}\t20260110\t${libelle}\t${montant}\t0,00\t\t\t20260110\t\t`,
    `OD\tOD\tOD${n}\t20260110\t421000\tPersonnel\t\t\tP${n}\t20260110\t${libelle}\t0,00\t${montant}\t\t\t20260110\t\t`,
  ].join("\n");

/** A cell's number as the file holds it (a typed value, or a formula's cached result). */
function nombre(c: ExcelJS.Cell): number {
  const v = c.value as unknown;
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "result" in v && typeof (v as { result: unknown }).result === "number")
    return (v as { result: number }).result;
  throw new Error(`${c.address} : pas un nombre (${JSON.stringify(v)})`);
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-traces-cout-definitif-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every figure of the comparison against the coût définitif re-evaluated from its tree; the réalisé read in its cells. */
async function verifier(fichier: string, a: string): Promise<Trace[]> {
  const r = await commandesVersions.comparerVersions(await XlsxWorkbook.ouvrir(fichier), {
    de: "Dépôt agrément",
    a,
    explique: true,
  });
  const d = r.coutDefinitif!;
  const t = r.traces!.coutDefinitif!;
  expect(t.total.valeur).toBe(centsToDecimalString(d.total.ecart));
  expect(incoherences(t.total)).toEqual([]);
  expect(Object.keys(t.chapitres)).toEqual(d.chapitres.map((ch) => ch.code));
  for (const ch of d.chapitres) {
    expect([ch.code, t.chapitres[ch.code].valeur]).toEqual([ch.code, centsToDecimalString(ch.ecart)]);
    expect(incoherences(t.chapitres[ch.code])).toEqual([]);
    // The chapter's réalisé and « à », as the comparison gives them.
    const [realise, aCote] = t.chapitres[ch.code].entrees!;
    expect([realise.valeur, aCote.valeur]).toEqual([centsToDecimalString(ch.realise), centsToDecimalString(ch.a)]);
  }
  // The pane gets the same trees (in French), the figure clicked being the one shown.
  expect(r.explications!.coutDefinitif!.total.valeur).toBe(formatEcartFr(d.total.ecart));
  expect(Object.keys(r.explications!.coutDefinitif!.chapitres)).toEqual(d.chapitres.map((ch) => ch.code));

  // Each poste's réalisé is a cell of the Écarts sheet holding that amount, each poste once.
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(fichier);
  const ecarts = x.getWorksheet("Écarts")!;
  const postes = Object.values(t.chapitres).flatMap((c) => feuilles(c.entrees![0]));
  expect(postes.length).toBeGreaterThan(0);
  for (const p of postes) {
    const m = /^'Écarts'!([A-Z]+\d+)$/.exec(p.cellule ?? "");
    expect([p.libelle, m !== null]).toEqual([p.libelle, true]);
    expect([p.libelle, eurosToCents(nombre(ecarts.getCell(m![1])))]).toEqual([p.libelle, eurosToCents(p.valeur)]);
  }
  expect(new Set(postes.map((p) => p.cellule)).size).toBe(postes.length);
  expect(postes.map((p) => p.cellule).sort()).toEqual(
    d.postes
      .filter((p) => p.realise !== 0)
      .map((p) => p.cellule)
      .sort(),
  );
  return postes;
}

describe("tracesCoutDefinitif", () => {
  it("poste 2.1 on two devis lines: its réalisé counted once in the chapter, read in its Écarts cell", async () => {
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
    const f = (n: string) => path.join(dir, n);
    await wb.xlsx.writeFile(f("devis.xlsx"));
    await fs.writeFile(
      f("fec.txt"),
      [ENTETE_FEC, ecriture(1, "641100", "Salaire réalisateur", "6000,00"), ecriture(2, "641200", "Salaire", "3000,00")]
        .join("\n")
        .concat("\n"),
    );
    await fs.writeFile(f("corr.csv"), "compte;poste\n641100;2.1\n641200;2.2\n");
    await prodbook([
      "ecarts",
      f("devis.xlsx"),
      "--fec",
      f("fec.txt"),
      "--correspondances",
      f("corr.csv"),
      "-o",
      f("e.xlsx"),
    ]);
    await prodbook(["versions", "enregistrer", f("e.xlsx"), "--nom", "Dépôt agrément", "-o", f("v.xlsx")]);
    const postes = await verifier(f("v.xlsx"), "courant");
    expect(postes.map((p) => [p.libelle.split(" ")[1], p.valeur])).toEqual([
      ["2.1", "6000.00"],
      ["2.2", "3000.00"],
    ]);
    expect(postes[0].formule).toContain("compté une fois pour ses 2 lignes");
    const r = await commandesVersions.comparerVersions(await XlsxWorkbook.ouvrir(f("v.xlsx")), {
      de: "Dépôt agrément",
      a: "courant",
      explique: true,
    });
    // −2 500,00 € = 9 000,00 € réalisé − 11 500,00 € of the current devis, whose lines name the producer's cells.
    const t = r.traces!.coutDefinitif!.total;
    expect(t.valeur).toBe("-2500.00");
    expect(feuilles(t.entrees![1]).map((l) => l.cellule)).toEqual(["Budget!F3", "Budget!F4", "Budget!F5"]);
  });

  it("the example (FEC imputed by chapter), « à » a saved version: its lines in « Versions », the postes in Écarts", async () => {
    const f = (n: string) => path.join(dir, n);
    await prodbook(["ecarts", ex("devis-producteur.xlsx"), "--fec", ex("fec-exemple.txt"), "-o", f("ex-e.xlsx")]);
    await prodbook(["versions", "enregistrer", f("ex-e.xlsx"), "--nom", "Dépôt agrément", "-o", f("ex-v1.xlsx")]);
    await prodbook(["versions", "enregistrer", f("ex-v1.xlsx"), "--nom", "Devis définitif", "-o", f("ex-v2.xlsx")]);
    const postes = await verifier(f("ex-v2.xlsx"), "Devis définitif");
    expect(postes.every((p) => /imputé au chapitre/.test(p.formule ?? ""))).toBe(true);
    const r = await commandesVersions.comparerVersions(await XlsxWorkbook.ouvrir(f("ex-v2.xlsx")), {
      de: "Dépôt agrément",
      a: "Devis définitif",
      explique: true,
    });
    const aCote = feuilles(r.traces!.coutDefinitif!.total.entrees![1]);
    expect(aCote.length).toBeGreaterThan(10);
    expect(aCote.every((l) => /^Versions!M\d+$/.test(l.cellule ?? ""))).toBe(true);
  });
});
