import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lireFec } from "../../../src/core/comptabilite/fec";
import { lireCorrespondancesCsv } from "../../../src/core/comptabilite/correspondances";
import { rapprocher } from "../../../src/core/ecarts/rapprocher";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { lireRecalcule, nombre, recalculerSansCache, resultat } from "../../helpers/libreoffice";
import { ecrireDevisTest } from "./devisTest";

const FIX = path.resolve(__dirname, "../../fixtures/fec");

/** A recalculated cell's value: a formula LibreOffice left without a result fails, naming the cell. */
const valeur = (ws: ExcelJS.Worksheet, ref: string) => resultat(ws.getCell(ref));

test("les formules des feuilles Écarts et Coût définitif, recalculées par LibreOffice, donnent les chiffres du cœur", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecarts-lo-"));
  const source = path.join(dir, "devis.xlsx");
  await ecrireDevisTest(source);
  const fec = lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
  const corr = lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
  const wb = await XlsxWorkbook.ouvrir(source);
  const { rapport } = await rapprocher(wb, { fec, correspondances: corr });
  const sortie = path.join(dir, "rapproche.xlsx");
  await wb.enregistrer(sortie);

  // The user types a commitment on the detail line 8.1: the chapter's Engagé adds it up. Every cached result is
  // dropped before LibreOffice opens the file, so only a real recalculation can produce the figures.
  const modifie = new ExcelJS.Workbook();
  await modifie.xlsx.readFile(sortie);
  const ecModifie = modifie.getWorksheet("Écarts")!;
  let ligne81 = 0;
  ecModifie.eachRow((row, n) => {
    if (row.getCell(1).value === "8.1") ligne81 = n;
  });
  ecModifie.getCell(`F${ligne81}`).value = 4321.5;
  const aRecalculer = path.join(dir, "modifie.xlsx");
  await modifie.xlsx.writeFile(aRecalculer);
  const lu = await lireRecalcule(await recalculerSansCache(aRecalculer));
  const ec = lu.getWorksheet("Écarts")!;
  const euros = (c: number) => c / 100;

  // Class-6 check row: net class 6, mapped, unmapped, control = 0.
  expect(valeur(ec, "B3")).toBeCloseTo(euros(rapport.realise.classe6), 2);
  expect(valeur(ec, "D3")).toBeCloseTo(euros(rapport.realise.affecte), 2);
  expect(valeur(ec, "F3")).toBeCloseTo(euros(rapport.realise.totalNonAffecte), 2);
  expect(valeur(ec, "H3")).toBeCloseTo(0, 6);
  expect(euros(rapport.realise.classe6)).toBeCloseTo(40832.65, 2);

  // Chapter rows from row 6.
  rapport.chapitres.forEach((c, i) => {
    const r = 6 + i;
    expect([
      valeur(ec, `A${r}`),
      valeur(ec, `D${r}`),
      valeur(ec, `G${r}`),
      valeur(ec, `H${r}`),
      valeur(ec, `I${r}`),
      valeur(ec, `J${r}`),
      valeur(ec, `K${r}`),
    ]).toEqual(
      [
        c.code,
        euros(c.budget),
        euros(c.realise),
        euros(c.reste),
        euros(c.estimation),
        euros(c.ecart),
        euros(c.ecartEstime),
      ].map((x) => (typeof x === "number" ? expect.closeTo(x, 2) : x)),
    );
  });
  const total = 6 + rapport.chapitres.length;
  expect(valeur(ec, `G${total}`)).toBeCloseTo(euros(rapport.total.realise), 2);
  // Chapter 8: 9 800 − 300 refund = 9 500 réalisé vs 9 000 budget; reste 0 → écart +500 € = 5.56 %: above 5 % but not above 1 000 €, no alert.
  const r8 = 6 + rapport.chapitres.findIndex((c) => c.code === "8");
  expect(valeur(ec, `G${r8}`)).toBeCloseTo(9500, 2);
  expect(valeur(ec, `J${r8}`)).toBeCloseTo(500, 2);
  expect(valeur(ec, `K${r8}`)).toBeCloseTo(500, 2);
  expect(valeur(ec, `L${r8}`)).toBeCloseTo(500 / 9000, 6);
  expect(valeur(ec, `M${r8}`)).toBe("");
  expect(valeur(ec, `F${r8}`)).toBeCloseTo(4321.5, 2);
  // Chapter 9 budget 1 200, nothing mapped (616 is not in the CSV): reste 1 200, estimation 1 200, écart 0.
  const r9 = 6 + rapport.chapitres.findIndex((c) => c.code === "9");
  expect(valeur(ec, `I${r9}`)).toBeCloseTo(1200, 2);
  // Chapter 2: réalisé 8 000 vs 9 500 → écart −1 500, reste 1 500, estimation 9 500, écart estimé 0 (no alert).
  const r2 = 6 + rapport.chapitres.findIndex((c) => c.code === "2");
  expect([valeur(ec, `H${r2}`), valeur(ec, `J${r2}`), valeur(ec, `K${r2}`), valeur(ec, `M${r2}`)]).toEqual([
    1500,
    -1500,
    0,
    "",
  ]);
  // Detail rows: réalisé by poste through SUMIFS on the Poste column (line codes "1.1", "7.1").
  let trouve = 0;
  ec.eachRow((row, n) => {
    const code = valeur(ec, `A${n}`);
    const l = rapport.lignes.find((x) => x.code === code && n > total + 2);
    if (!l || l.sansCode) return;
    expect(valeur(ec, `G${n}`)).toBeCloseTo(euros(l.realise), 2);
    expect(valeur(ec, `I${n}`)).toBeCloseTo(euros(l.estimation), 2);
    trouve++;
  });
  expect(trouve).toBe(rapport.lignes.filter((l) => !l.sansCode).length);

  // Coût définitif: France / Étranger from the devis territory (6.1 is abroad).
  const cd = lu.getWorksheet("Coût définitif")!;
  const i6 = rapport.chapitres.findIndex((c) => c.code === "6");
  expect(valeur(cd, `D${5 + i6}`)).toBeCloseTo(996, 2);
  expect(valeur(cd, `H${5 + i6}`)).toBeCloseTo(0, 2);
  expect(valeur(cd, `I${5 + i6}`)).toBeCloseTo(996, 2);
  const tcd = 5 + rapport.chapitres.length;
  expect(valeur(cd, `D${tcd}`)).toBeCloseTo(euros(rapport.total.realise), 2);
  expect(nombre(cd.getCell(`H${tcd}`)) + nombre(cd.getCell(`I${tcd}`))).toBeCloseTo(euros(rapport.total.realise), 2);

  // Imported labels stay text in the Grand livre (=, +, -, @ never become formulas).
  const gl = lu.getWorksheet("Grand livre")!;
  const libelles: unknown[] = [];
  gl.eachRow((row) => libelles.push(row.getCell(9).value));
  expect(libelles).toEqual(
    expect.arrayContaining([
      "=Contrat auteur (option)",
      "+Caméra et optiques",
      "@Défraiements équipe",
      "-Assurance production",
    ]),
  );
}, 240000);

test("le chapitre « ? » (hors chapitre) ne ramasse pas les autres : SOMME.SI.ENS sans jokers, contrôle classe 6 à zéro, budget = total du devis", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecarts-lo-joker-"));
  const fec = lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
  // The example devis has a line outside any chapter (G6, 1 200,00 €, not in the devis total): given the code R1 and
  // an account mapped onto it, its réalisé makes a « ? » chapter, with no budget (G6 is listed under the total).
  const corr = lireCorrespondancesCsv(
    `${fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8").trimEnd()}\n616;R1;Assurance repérages\n`,
  );
  const exemple = new ExcelJS.Workbook();
  await exemple.xlsx.readFile(path.resolve(__dirname, "../../../assets/exemple/devis-producteur.xlsx"));
  exemple.getWorksheet("Budget Gardiens")!.getCell("A6").value = "R1";
  const source = path.join(dir, "exemple-r1.xlsx");
  await exemple.xlsx.writeFile(source);
  const wb = await XlsxWorkbook.ouvrir(source);
  const { rapport, devis } = await rapprocher(wb, { fec, correspondances: corr });
  const iHors = rapport.chapitres.findIndex((c) => c.code === "?");
  expect(iHors).toBeGreaterThanOrEqual(0);
  expect([rapport.chapitres[iHors].budget, rapport.chapitres[iHors].realise]).toEqual([0, 125000]);
  expect(rapport.total.budget).toBe(devis.total);
  expect(rapport.nonPlaces).toEqual([
    { cellule: "'Budget Gardiens'!G6", libelle: "Repérages Bretagne (à ventiler)", montant: 120000, code: "R1" },
  ]);
  const sortie = path.join(dir, "exemple.xlsx");
  await wb.enregistrer(sortie);
  const lu = await lireRecalcule(await recalculerSansCache(sortie));
  const ec = lu.getWorksheet("Écarts")!;
  expect(valeur(ec, "H3")).toBeCloseTo(0, 6);
  rapport.chapitres.forEach((c, i) => {
    expect([valeur(ec, `A${6 + i}`), valeur(ec, `D${6 + i}`), valeur(ec, `G${6 + i}`)]).toEqual([
      c.code,
      expect.closeTo(c.budget / 100, 2),
      expect.closeTo(c.realise / 100, 2),
    ]);
  });
  const total = 6 + rapport.chapitres.length;
  expect([valeur(ec, `A${total}`), valeur(ec, `D${total}`)]).toEqual(["Total", expect.closeTo(182869.16, 2)]);
}, 240000);
