import ExcelJS from "exceljs";
import * as path from "path";
import { creditImpot } from "../../src/app/commandes/creditImpot";
import { commande } from "../../src/cli/commands/creditImpot";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

const lancer = (args: string[]) => lancerCli((a, io) => commande.executer(a, io), args);
const dossier = dossierTemporaire("prodbook-cli-jours-");
const nb = "\u00a0";

let devis: string;
let avecPlan: string;
beforeAll(async () => {
  devis = path.join(dossier(), "devis.xlsx");
  await ecrireDevisFiction(devis);
  // The same devis with a plan de travail of 3 shooting days (4 rows: two people on 12 May).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(devis);
  const p = wb.addWorksheet("PDT");
  p.addRow(["Date", "Nom", "Début", "Fin"]);
  for (const [d, nom] of [
    ["11/05/2026", "Yann Le Goff"],
    ["12/05/2026", "Yann Le Goff"],
    ["12/05/2026", "Anne Kerbrat"],
    ["13/05/2026", "Anne Kerbrat"],
  ])
    p.addRow([d, nom, "08:00", "18:00"]);
  avecPlan = path.join(dossier(), "devis-plan.xlsx");
  await wb.xlsx.writeFile(avecPlan);
});

const INTERNATIONAL = ["--regime", "international", "--genre", "fiction", "--annee", "2025", "--json"];
const aVerifier = (alertes: string[]) => alertes.filter((a) => a.includes("de tournage en France : valeur à vérifier"));

describe("prodbook credit-impot --jours-tournage-france : une valeur invraisemblable est nommée, jamais reprise en silence", () => {
  it("sans plan de travail : au-delà de 366 jours, une alerte nomme la valeur ; 366 passe sans alerte", async () => {
    // Within the bound every input shares (2 600 days, refused beyond: hostile-entrees), yet more than a year.
    const r = await lancer([devis, ...INTERNATIONAL, "--jours-tournage-france", "2500"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.sortie[0]) as { alertes: string[] };
    expect(aVerifier(j.alertes)).toEqual([
      `2 500${nb}jours de tournage en France : valeur à vérifier (plus d'une année de tournage, 366 jours).`,
    ]);
    const an = JSON.parse((await lancer([devis, ...INTERNATIONAL, "--jours-tournage-france", "366"])).sortie[0]);
    expect(aVerifier(an.alertes)).toEqual([]);
    const texte = (await lancer([devis, ...INTERNATIONAL.slice(0, -1), "--jours-tournage-france", "367"])).sortie;
    expect(texte.join("\n")).toContain(
      `  - 367${nb}jours de tournage en France\u00a0: valeur à vérifier (plus d'une année de tournage, 366 jours).`,
    );
  });

  it("avec un plan de travail : plus que ses jours de tournage est nommé, avec la feuille", async () => {
    const quatre = JSON.parse((await lancer([avecPlan, ...INTERNATIONAL, "--jours-tournage-france", "4"])).sortie[0]);
    expect(aVerifier(quatre.alertes)).toEqual([
      `4${nb}jours de tournage en France : valeur à vérifier (plus que les 3${nb}jours du plan de travail « PDT »).`,
    ]);
    const trois = JSON.parse((await lancer([avecPlan, ...INTERNATIONAL, "--jours-tournage-france", "3"])).sortie[0]);
    expect(aVerifier(trois.alertes)).toEqual([]);
  });

  it("le volet (même cas d'usage) et la feuille écrite disent la même alerte", async () => {
    const wb = await XlsxWorkbook.ouvrir(devis);
    const a = await creditImpot(
      wb,
      { regime: "international", genre: "fiction", annee: 2025, joursTournageFrance: 2500 },
      true,
    );
    const attendu = `2 500${nb}jours de tournage en France : valeur à vérifier (plus d'une année de tournage, 366 jours).`;
    expect(aVerifier(a.alertes)).toEqual([attendu]);
    const sortie = path.join(dossier(), "ecrit.xlsx");
    await wb.enregistrer(sortie);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const textes: string[] = [];
    lu.getWorksheet(a.feuillesEcrites[0])!.eachRow((r) => r.eachCell((c) => textes.push(String(c.value))));
    expect(textes).toContain(attendu);
  });
});
