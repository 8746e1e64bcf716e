import ExcelJS from "exceljs";
import { ligneDe } from "../../helpers/bilanCarbone";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bilanCarbone } from "../../../src/core/carbone/bilanClasseur";
import { COL } from "../../../src/core/carbone/colonnes";
import { tonnes } from "../../../src/core/carbone/estimer";
import { CATEGORIES } from "../../../src/core/carbone/modele";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { lireRecalcule, nombre, recalculer, resultat, sansResultats } from "../../helpers/libreoffice";

const PLAN = path.resolve(__dirname, "../../fixtures/planning/gardiens-planning.xlsx");

/** A recalculated cell's value: a formula LibreOffice left without a result fails, naming the cell. */
const valeur = (ws: ExcelJS.Worksheet, ref: string) => resultat(ws.getCell(ref));

function ligneTexte(ws: ExcelJS.Worksheet, texte: string): number {
  let n = 0;
  ws.eachRow((row, i) => {
    if (row.getCell(1).value === texte) n = i;
  });
  return n;
}

const col = (c: number) => String.fromCharCode(65 + c);
const TRAIN = "devis:Budget Gardiens!43";
const REPAS = "devis:Budget Gardiens!46";

test(
  "les formules du « Bilan carbone », recalculées par LibreOffice avec des corrections saisies, donnent les chiffres " +
    "du cœur ; une mise à jour garde les corrections",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbone-lo-"));
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const avant = await bilanCarbone(wb, { ecrire: true, date: "2026-06-01" });
    expect(avant.feuillesEcrites).toEqual(["Bilan carbone", "Export carbone"]);
    const ecrit = path.join(dir, "bilan.xlsx");
    await wb.enregistrer(ecrit);

    // Type what a chargé de production would: the train's passager.km, a vegetarian diet for the meals, a comment;
    // then drop every cached result, so that only LibreOffice's recalculation can give the figures read below.
    const modifie = new ExcelJS.Workbook();
    await modifie.xlsx.readFile(ecrit);
    const bc = modifie.getWorksheet("Bilan carbone")!;
    bc.getCell(`${col(COL.quantite)}${ligneDe(bc, TRAIN)}`).value = 28320;
    bc.getCell(`${col(COL.facteur)}${ligneDe(bc, REPAS)}`).value = "repas-vegetarien";
    bc.getCell(`${col(COL.commentaire)}${ligneDe(bc, REPAS)}`).value = "Cantine végétarienne confirmée";
    const corrige = path.join(dir, "corrige.xlsx");
    await modifie.xlsx.writeFile(corrige);
    const { fichier: aRecalculer, formules } = await sansResultats(corrige);
    expect(formules).toBeGreaterThan(100);

    // The core, run on the corrected workbook, keeps the corrections and gives the figures…
    const wb2 = await XlsxWorkbook.ouvrir(aRecalculer);
    const apres = await bilanCarbone(wb2, { ecrire: true, date: "2026-06-01" });
    expect(apres.corrections).toBe(2);
    const train = apres.activites.find((a) => a.id === TRAIN)!;
    expect([train.quantiteRetenue, train.corrigee, train.methode, train.kgCO2e]).toEqual([
      "28320",
      true,
      "activite",
      "82.9776",
    ]);
    const repas = apres.activites.find((a) => a.id === REPAS)!;
    expect([repas.facteurRetenu, repas.kgCO2e, repas.commentaire]).toEqual([
      "repas-vegetarien",
      "36.72",
      "Cantine végétarienne confirmée",
    ]);
    // 2 492,08 − 146,88 + 36,72 + 82,9776 kg (2 492,08 = 978,88 + the post-production's 9,7 k€ × 156 kg CO₂e/k€ HT)
    expect(apres.totaux.total.toFixed()).toBe("2464.8976");

    // … that LibreOffice recomputes from the broken copy's formulas.
    const lu = await lireRecalcule(await recalculer(aRecalculer));
    const ws = lu.getWorksheet("Bilan carbone")!;
    expect(valeur(ws, "B5")).toBeCloseTo(2.4648976, 9);
    expect(nombre(ws.getCell("B5")).toFixed(2)).toBe(tonnes(apres.totaux.total));
    // No « Écarts » sheet and no réalisé typed: the définitif is said to be missing, not shown as 0 t.
    expect(valeur(ws, "D5")).toBe("aucun réalisé");
    expect(valeur(ws, "F5")).toBeCloseTo(apres.totaux.partActivite.toNumber(), 9);
    expect(valeur(ws, "H5")).toBeCloseTo(apres.totaux.partMonetaire.toNumber(), 9);
    for (const c of CATEGORIES) {
      const r = ligneTexte(ws, c.libelle);
      expect(valeur(ws, `B${r}`)).toBeCloseTo(apres.totaux.parCategorie.get(c.code)!.kg.dividedBy(1000).toNumber(), 9);
    }
    const rTrain = ligneDe(ws, TRAIN);
    expect(valeur(ws, `${col(COL.methode)}${rTrain}`)).toBe("donnée d'activité");
    expect(valeur(ws, `${col(COL.previsionnel)}${rTrain}`)).toBeCloseTo(0.0829776, 9);
    // The hotel nights of the devis (24 × 3) × 4,3 kg per night, recomputed by the sheet's formula.
    const rNuits = ligneDe(ws, "devis:Budget Gardiens!45");
    expect(valeur(ws, `${col(COL.methode)}${rNuits}`)).toBe("donnée d'activité");
    expect(valeur(ws, `${col(COL.previsionnel)}${rNuits}`)).toBeCloseTo(0.3096, 9);
    expect(valeur(ws, `${col(COL.methode)}${ligneDe(ws, "devis:Budget Gardiens!52")}`)).toBe("facteur manquant");
    // Post-production, on its amount with the 2023 money ratio (Base Carbone 43375, 156 kg CO₂e/k€ HT): the editing
    // room 3 600 € → 3,6 × 156 ÷ 1 000 = 0,5616 t; the subtitles 1 500 € → 0,234 t; the category 9,7 × 156 = 1,5132 t.
    for (const [ligne, t] of [
      [59, 0.5616],
      [60, 0.4212],
      [61, 0.2964],
      [62, 0.234],
    ] as const) {
      const r = ligneDe(ws, `devis:Budget Gardiens!${ligne}`);
      expect([ligne, valeur(ws, `${col(COL.methode)}${r}`)]).toEqual([ligne, "ratio monétaire"]);
      expect(valeur(ws, `${col(COL.previsionnel)}${r}`)).toBeCloseTo(t, 9);
    }
    expect(valeur(ws, `B${ligneTexte(ws, "Post-production")}`)).toBeCloseTo(1.5132, 9);
    expect(valeur(ws, `${col(COL.methode)}${ligneDe(ws, "devis:Budget Gardiens!48")}`)).toBe("à compléter");
    // Coverage of the devis: the check cell is 0.
    const controle = ligneTexte(ws, "Contrôle (doit valoir 0)");
    expect(controle).toBeGreaterThan(0);
    expect(nombre(ws.getCell(`B${controle}`))).toBe(0);
    // The export's train line sums the corrected quantity.
    const ex = lu.getWorksheet("Export carbone")!;
    let rEx = 0;
    ex.eachRow((row, i) => {
      if (row.getCell(2).value === "Train") rEx = i;
    });
    expect([valeur(ex, `C${rEx}`), valeur(ex, `E${rEx}`), valeur(ex, `G${rEx}`)]).toEqual([28320, 2880, 0]);

    // The refreshed sheet (written by the second run) still holds the corrections as typed values.
    const sortie = path.join(dir, "rafraichi.xlsx");
    await wb2.enregistrer(sortie);
    const r2 = new ExcelJS.Workbook();
    await r2.xlsx.readFile(sortie);
    const b2 = r2.getWorksheet("Bilan carbone")!;
    expect(b2.getCell(`${col(COL.quantite)}${ligneDe(b2, TRAIN)}`).value).toBe(28320);
    expect(b2.getCell(`${col(COL.facteur)}${ligneDe(b2, REPAS)}`).value).toBe("repas-vegetarien");
    expect(b2.getCell(`${col(COL.commentaire)}${ligneDe(b2, REPAS)}`).value).toBe("Cantine végétarienne confirmée");
    // An uncorrected row keeps its live link to the proposed quantity.
    const rHeb = ligneDe(b2, "devis:Budget Gardiens!45");
    expect(b2.getCell(`${col(COL.quantite)}${rHeb}`).value).toMatchObject({ formula: `G${rHeb}` });
  },
  240_000,
);
