/**
 * Issue 14 sweep, « Comparaison » recalculated by LibreOffice (every cached result dropped): versions named with
 * characters SUMIFS reads as wildcards or operators (« =1+1 », « a*b? "x" ~ »), two lines with the same code and label
 * (the second one's rate changed), a line whose amount went to 0, a renamed line, and lines inserted above a
 * commented line between two refreshes. Each line's, chapter's and the total's écart equals the JSON's to the cent;
 * each comment stays on its line (the second of the two twins included).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { eurosToCents } from "../../src/core/money/cents";
import { lireRecalcule, nombre, recalculer, resultat, sansResultats } from "../helpers/libreoffice";
import { dossierTemp } from "../core/versions/classeurs";
import { lancerCli } from "../helpers/cli";

type Ligne = [string, string, number, number];
type Devis = [string, Ligne[]][];

const INITIAL: Devis = [
  [
    "1 - DROITS ARTISTIQUES",
    [
      ["1.1", "Auteur-réalisateur", 1, 12000],
      ["1.2", "Archives INA", 4, 1500],
    ],
  ],
  [
    "2 - PERSONNEL",
    [
      ["2.1", "Réalisateur", 6, 1850],
      ["2.3", "Chef opérateur", 18, 350],
      ["2.4", "Assistant", 5, 200],
      ["2.4", "Assistant", 5, 200],
    ],
  ],
];

/** INA to 0, 2.3 renamed, the second « Assistant » at 210 €; with `inserer`, two lines above the twins. */
function modifie(inserer: boolean): Devis {
  const m: Devis = INITIAL.map(([t, ls]) => [t, ls.map((l) => l.slice() as Ligne)]);
  m[0][1][1][2] = 0;
  m[1][1][1][1] = "Directeur de la photographie";
  m[1][1][3][3] = 210;
  if (inserer) m[1][1].unshift(["2.0", "Scripte", 3, 250], ["2.01", "Stagiaire", 10, 50]);
  return m;
}

function remplir(ws: ExcelJS.Worksheet, devis: Devis): void {
  ws.addRow(["DEVIS"]);
  ws.addRow(["Code", "Désignation", "Qté", "Tarif", "Montant"]);
  for (const [titre, lignes] of devis) {
    ws.addRow([titre]);
    for (const [code, libelle, q, t] of lignes) ws.addRow([code, libelle, q, t, q * t]);
  }
}

async function devis(fichier: string, sortie: string, d: Devis): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (fichier) {
    await wb.xlsx.readFile(fichier);
    wb.removeWorksheet(wb.getWorksheet("Budget")!.id);
  }
  remplir(wb.addWorksheet("Budget"), d);
  await wb.xlsx.writeFile(sortie);
}

async function prodbook(args: string[]): Promise<string> {
  const r = await lancerCli(main, args);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return r.out;
}

interface LigneJson {
  statut: string;
  code: string;
  libelle: string;
  delta: string;
}

it("noms à jokers, lignes jumelles, montant à 0 : LibreOffice recalcule les écarts du JSON ; commentaires à leur ligne", async () => {
  const d = await dossierTemp("prodbook-versions-hostile-lo-");
  const f = (n: string) => path.join(d, n);
  const DE = "=1+1";
  const A = 'a*b? "x" ~';
  await devis("", f("d.xlsx"), INITIAL);
  await prodbook(["versions", "enregistrer", f("d.xlsx"), "--nom", DE, "-o", f("v1.xlsx")]);
  await devis(f("v1.xlsx"), f("v1m.xlsx"), modifie(false));
  await prodbook(["versions", "enregistrer", f("v1m.xlsx"), "--nom", A, "-o", f("v2.xlsx")]);
  await prodbook(["versions", "comparer", f("v2.xlsx"), "--de", DE, "--a", A, "-o", f("c1.xlsx")]);

  // The producer comments the second twin (the one whose rate changed), the first one, and the total.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f("c1.xlsx"));
  const ws = wb.getWorksheet("Comparaison")!;
  const rangs = (code: string) => {
    const out: number[] = [];
    ws.eachRow((r, n) => {
      if (n > 11 && r.getCell(3).value === code) out.push(n);
    });
    return out;
  };
  const [jumeau1, jumeau2] = rangs("2.4");
  expect([ws.getCell(jumeau1, 1).value, ws.getCell(jumeau2, 1).value]).toEqual(["inchangée", "modifiée"]);
  ws.getCell(jumeau1, 18).value = "premier assistant";
  ws.getCell(jumeau2, 18).value = "second assistant, taux négocié";
  await wb.xlsx.writeFile(f("c1c.xlsx"));

  // Two lines inserted above the twins, saved as a third version; « à » is now that one, then the current devis.
  await devis(f("c1c.xlsx"), f("c1m.xlsx"), modifie(true));
  await prodbook(["versions", "enregistrer", f("c1m.xlsx"), "--nom", "Après insertion", "-o", f("v3.xlsx")]);
  for (const [a, sortie] of [
    ["Après insertion", "c2.xlsx"],
    ["courant", "c3.xlsx"],
  ]) {
    const j = JSON.parse(await prodbook(["versions", "comparer", f("v3.xlsx"), "--de", DE, "--a", a, "--json"]));
    await prodbook(["versions", "comparer", f("v3.xlsx"), "--de", DE, "--a", a, "-o", f(sortie)]);
    expect(j.total.delta).toBe("-4700.00");
    const { fichier: casse, formules } = await sansResultats(f(sortie));
    expect(formules).toBeGreaterThan(20);
    const x = await lireRecalcule(await recalculer(casse));
    const c = x.getWorksheet("Comparaison")!;
    const cts = (r: number, col: number) => eurosToCents(nombre(c.getCell(r, col)));
    const lignes: { r: number; statut: string; code: string; libelle: string }[] = [];
    let total = 0;
    const chapitres = new Map<string, number>();
    for (let r = 1; r <= c.rowCount; r++) {
      const a1 = resultat(c.getCell(r, 1));
      if (a1 === "Total") total = r;
      else if (a1 === "Chapitre") chapitres.set(String(resultat(c.getCell(r, 2))), r);
      else if (r > 12 && typeof a1 === "string" && a1)
        lignes.push({
          r,
          statut: a1,
          code: String(resultat(c.getCell(r, 3))),
          libelle: String(resultat(c.getCell(r, 4))),
        });
    }
    // The total and each chapter, recalculated: the JSON's écarts.
    expect(cts(total, 14)).toBe(eurosToCents(j.total.delta));
    for (const ch of j.chapitres as { code: string; delta: string }[])
      expect(cts(chapitres.get(ch.code)!, 14)).toBe(eurosToCents(ch.delta));
    // Each changed line, in order: its recalculated écart is the JSON's.
    const changees = lignes.filter((l) => l.statut !== "inchangée");
    expect(changees.map((l) => [l.code, l.libelle])).toEqual((j.lignes as LigneJson[]).map((l) => [l.code, l.libelle]));
    changees.forEach((l, i) => expect(cts(l.r, 14)).toBe(eurosToCents((j.lignes as LigneJson[])[i].delta)));
    expect((j.lignes as LigneJson[]).map((l) => [l.code, l.statut, l.delta])).toEqual([
      ["1.2", "modifiee", "-6000.00"],
      ["2.0", "ajoutee", "750.00"],
      ["2.01", "ajoutee", "500.00"],
      ["2.3", "modifiee", "0.00"],
      ["2.4", "modifiee", "50.00"],
    ]);
    // The comments, each on its twin, below the inserted lines.
    const twins = lignes.filter((l) => l.code === "2.4");
    expect(twins.map((l) => [l.statut, c.getCell(l.r, 18).value])).toEqual([
      ["inchangée", "premier assistant"],
      ["modifiée", "second assistant, taux négocié"],
    ]);
  }
}, 300_000);
