/**
 * The formulas of « Plan de financement » and « Échéancier », recalculated by LibreOffice headless, give the
 * core's figures; after the producer edits inputs (a devis line, a category chosen in the list), they follow.
 * Every cached result is dropped before LibreOffice opens the file, and a formula without a result fails: each
 * figure read is LibreOffice's.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { analyserFinancement } from "../../src/core/financement/analyser";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { nombre, recalculerSansCache, resultat } from "../helpers/libreoffice";
import { eurosToCents } from "../../src/core/money";
import { ecrireClasseurs } from "../core/financement/plans";
import { LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS } from "../../src/core/financement/model";

/** The recalculated number beside a label: column B of the row whose A holds it, or I of the row whose H does. */
function valeur(ws: ExcelJS.Worksheet, libelle: string, col = 2): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === libelle || ws.getCell(r, 8).value === libelle)
      return nombre(ws.getCell(r, ws.getCell(r, 1).value === libelle ? col : 9));
  }
  const vus: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++)
    vus.push(`${r}:${JSON.stringify(ws.getCell(r, 1).value)}|${JSON.stringify(ws.getCell(r, 2).value)}`);
  throw new Error(`ligne « ${libelle} » absente de ${ws.name} : ${vus.join(" ; ")}`);
}

test("les formules du plan et de l'échéancier recalculées par LibreOffice donnent les chiffres du cœur, et suivent les modifications", async () => {
  const c = await ecrireClasseurs();
  const wb = await XlsxWorkbook.ouvrir(c.cinema);
  const a = await analyserFinancement(wb, {
    feuilleDevis: "Budget",
    premierOuDeuxiemeFilm: true,
    date: "2026-01-15",
    ecrire: true,
  });
  const sortie = path.join(c.dossier, "cinema-prodbook.xlsx");
  await wb.enregistrer(sortie);

  // 1. Untouched: LibreOffice's results = the core's.
  const x1 = new ExcelJS.Workbook();
  await x1.xlsx.readFile(await recalculerSansCache(sortie));
  // The producer's own sheet is called « Plan de financement »: Prodbook's gets another name and the user's is untouched.
  expect(a.feuillesEcrites).toEqual(["Plan de financement (Prodbook)", "Échéancier", "Listes financement"]);
  const plan = x1.getWorksheet(a.feuillesEcrites[0])!;
  expect(valeur(plan, "Total des financements")).toBeCloseTo(3000000, 2);
  expect(valeur(plan, "Reste à financer (négatif : excédent)")).toBeCloseTo(0, 2);
  expect(valeur(plan, "Aides publiques (France)")).toBeCloseTo(1050000, 2);
  expect(valeur(plan, "Intensité des aides publiques")).toBeCloseTo(a.synthese.intensite!.toNumber(), 10);
  expect(valeur(plan, "Plafond applicable")).toBeCloseTo(0.6, 10);
  expect(valeur(plan, "Part envisagée")).toBeCloseTo(200000 / 3000000, 10);
  expect(valeur(plan, "Aides du CNC")).toBeCloseTo(500000, 2);
  const ech = x1.getWorksheet("Échéancier")!;
  expect(valeur(ech, "Besoin de trésorerie maximal")).toBeCloseTo(a.echeancier.besoinMaximal / 100, 2);
  // Cumulative treasury per month (column L from row 5).
  a.echeancier.mois.forEach((m, i) => expect(nombre(ech.getCell(5 + i, 12))).toBeCloseTo(m.cumul / 100, 2));
  // By-category block: SUMIFS over the table.
  const diffuseurs = plan
    .getColumn(1)
    .values.findIndex((v) => (v as { result?: string })?.result === "Diffuseur — préachat");
  expect(diffuseurs).toBeGreaterThan(0);
  expect(nombre(plan.getCell(diffuseurs, 2))).toBeCloseTo(800000, 2);

  // 2. The producer edits: a devis line +200 000 €, and the SOFICA line recategorised as a regional fund.
  const x2 = new ExcelJS.Workbook();
  await x2.xlsx.readFile(sortie);
  x2.getWorksheet("Budget")!.getCell("C3").value = 380000;
  const p2 = x2.getWorksheet(a.feuillesEcrites[0])!;
  let ligneSofica = 0;
  p2.eachRow((row, r) => {
    if (row.getCell(3).value === "SOFICA") ligneSofica = r;
  });
  expect(ligneSofica).toBeGreaterThan(10);
  p2.getCell(ligneSofica, 3).value = "Régions et collectivités";
  p2.getCell("B4").value = "Non";
  const modifie = path.join(c.dossier, "cinema-modifie.xlsx");
  await x2.xlsx.writeFile(modifie);
  const x3 = new ExcelJS.Workbook();
  await x3.xlsx.readFile(await recalculerSansCache(modifie));
  const p3 = x3.getWorksheet(a.feuillesEcrites[0])!;
  expect(valeur(p3, "Coût de production")).toBeCloseTo(3200000, 2);
  expect(valeur(p3, "Reste à financer (négatif : excédent)")).toBeCloseTo(200000, 2);
  expect(valeur(p3, "Aides publiques (France)")).toBeCloseTo(1250000, 2);
  expect(valeur(p3, "Intensité des aides publiques")).toBeCloseTo(1250000 / 3200000, 10);
  expect(valeur(p3, "Plafond applicable")).toBeCloseTo(0.5, 10);
  expect(resultat(p3.getCell(ligneSofica, 8))).toBe("Oui");
});

test("coproduction (fiction TV) : part française, intensité et échéancier recalculés par LibreOffice", async () => {
  const c = await ecrireClasseurs();
  const wb = await XlsxWorkbook.ouvrir(c.fiction);
  const a = await analyserFinancement(wb, {
    cout: eurosToCents(1000000),
    typeOeuvre: "audiovisuel",
    date: "2026-01-15",
    ecrire: true,
  });
  const sortie = path.join(c.dossier, "fiction-prodbook.xlsx");
  await wb.enregistrer(sortie);
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(await recalculerSansCache(sortie));
  const plan = x.getWorksheet("Plan de financement")!;
  expect(valeur(plan, "Financement étranger")).toBeCloseTo(100000, 2);
  expect(valeur(plan, "Base de l'intensité (coût − coproducteurs étrangers)")).toBeCloseTo(900000, 2);
  expect(valeur(plan, "Aides publiques (France)")).toBeCloseTo(450000, 2);
  expect(valeur(plan, "Intensité des aides publiques")).toBeCloseTo(0.5, 10);
  expect(valeur(plan, "Plafond applicable")).toBeCloseTo(0.5, 10);
  expect(valeur(plan, LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS)).toBeCloseTo(300000 / 900000, 10);
  const ech = x.getWorksheet("Échéancier")!;
  expect(a.echeancier.mois).toHaveLength(12);
  a.echeancier.mois.forEach((m, i) => {
    expect(nombre(ech.getCell(5 + i, 9))).toBeCloseTo(m.encaissements / 100, 2);
    expect(nombre(ech.getCell(5 + i, 12))).toBeCloseTo(m.cumul / 100, 2);
  });
  expect(valeur(ech, "Besoin de trésorerie maximal")).toBeCloseTo(116666.67, 2);
  expect(valeur(ech, "Versements sans date")).toBeCloseTo(0, 2);

  // The producer recategorises the Belgian coproducer as a presale to a foreign broadcaster: still foreign money,
  // but no longer a foreign coproducer's share, so it stays in the French participation (RGA art. 311-9): the
  // intensity's base goes back to the whole cost. The broadcasters' share over the French financing does not move.
  const x2 = new ExcelJS.Workbook();
  await x2.xlsx.readFile(sortie);
  const p2 = x2.getWorksheet("Plan de financement")!;
  let panache = 0;
  p2.eachRow((row, r) => {
    if (row.getCell(1).value === "Panache Productions") panache = r;
  });
  expect(panache).toBeGreaterThan(10);
  expect(p2.getCell(panache, 3).value).toBe("Coproducteur étranger");
  p2.getCell(panache, 3).value = "Diffuseur — préachat";
  const modifie = path.join(c.dossier, "fiction-modifie.xlsx");
  await x2.xlsx.writeFile(modifie);
  const x3 = new ExcelJS.Workbook();
  await x3.xlsx.readFile(await recalculerSansCache(modifie));
  const p3 = x3.getWorksheet("Plan de financement")!;
  expect(valeur(p3, "Financement étranger")).toBeCloseTo(100000, 2);
  expect(valeur(p3, "Base de l'intensité (coût − coproducteurs étrangers)")).toBeCloseTo(1000000, 2);
  expect(valeur(p3, "Intensité des aides publiques")).toBeCloseTo(450000 / 1000000, 10);
  expect(valeur(p3, LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS)).toBeCloseTo(300000 / 900000, 10);
});
