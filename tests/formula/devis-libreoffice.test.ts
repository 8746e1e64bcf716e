/**
 * The formulas Prodbook writes into Devis and Synthèse, recalculated by LibreOffice headless, give the core's
 * figures to the cent. Every cached result is dropped first, so a formula LibreOffice did not compute fails.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { feuillesDevis } from "../../src/core/devis/feuilles";
import { importerDevis } from "../../src/core/devis/import";
import type { Devis } from "../../src/core/devis/model";
import { controlerDevis } from "../../src/core/devis/regles";
import { eurosToCents } from "../../src/core/money/cents";
import type { SheetSpec } from "../../src/core/port/workbook";
import { lireFeuille } from "../../src/xlsx/read";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { lireRecalcule, nombre, recalculer, sansResultats } from "../helpers/libreoffice";
import { feuilleXlsx } from "../core/devis/outils";

async function ecrireEtRecalculer(
  devis: Devis,
): Promise<{ devisWs: ExcelJS.Worksheet; synth: ExcelJS.Worksheet; specs: SheetSpec[] }> {
  const specs = feuillesDevis(devis, controlerDevis(devis, "2026-01-15"));
  const wb = XlsxWorkbook.vide();
  await wb.writeSheets(specs);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-devis-lo-"));
  const ecrit = path.join(dir, "devis.xlsx");
  await wb.enregistrer(ecrit);
  const { fichier, formules } = await sansResultats(ecrit);
  expect(formules).toBeGreaterThan(devis.chapitres.length);
  const relu = await lireRecalcule(await recalculer(fichier));
  return {
    devisWs: relu.getWorksheet("Devis") as ExcelJS.Worksheet,
    synth: relu.getWorksheet("Synthèse") as ExcelJS.Worksheet,
    specs,
  };
}

/** Recalculated value of a cell (formula result or plain number) in cents. */
function centimes(ws: ExcelJS.Worksheet, ref: string): number {
  return eurosToCents(nombre(ws.getCell(ref)));
}

function verifier(devis: Devis, devisWs: ExcelJS.Worksheet, synth: ExcelJS.Worksheet): void {
  const lu = lireFeuille(devisWs);
  // Every line's amount, in the table (rows 5..), equals the core's amount.
  const parId = new Map(devis.lignes.map((l) => [`${l.source.feuille}!${l.source.ligne}`, l]));
  let lignes = 0;
  for (let r = 4; r < 4 + devis.lignes.length; r++) {
    const src = lu.rows[r][12].v as string;
    const m = /^(.*)!\$?[A-Z]+(\d+)$/.exec(src.replace(/'/g, ""));
    const l = parId.get(`${m?.[1]}!${m?.[2]}`);
    expect(l).toBeDefined();
    expect(centimes(devisWs, `H${r + 1}`)).toBe(l?.montant);
    lignes++;
  }
  expect(lignes).toBe(devis.lignes.length);
  // Chapter totals, coût hors frais and TOTAL in the block under the table.
  const libelles = lu.rows.map((r) => String(r[2]?.v ?? ""));
  for (const ch of devis.chapitres) {
    const i = libelles.findIndex((t) => t.startsWith(`Total ${ch.code} — `));
    expect(i).toBeGreaterThan(0);
    expect(centimes(devisWs, `H${i + 1}`)).toBe(ch.total);
  }
  expect(centimes(devisWs, `H${libelles.indexOf("TOTAL") + 1}`)).toBe(devis.total);
  expect(centimes(devisWs, `H${libelles.findIndex((t) => t.startsWith("Coût hors frais")) + 1}`)).toBe(
    devis.totalHorsFrais,
  );
  // Synthèse: chapter rows, TOTAL and cost per minute.
  const s = lireFeuille(synth);
  const lib = s.rows.map((r) => String(r[1]?.v ?? ""));
  for (const ch of devis.chapitres) expect(centimes(synth, `C${lib.indexOf(ch.libelle) + 1}`)).toBe(ch.total);
  expect(centimes(synth, `C${lib.indexOf("TOTAL") + 1}`)).toBe(devis.total);
  if (devis.coutMinute !== undefined)
    expect(centimes(synth, `C${lib.indexOf("Coût par minute") + 1}`)).toBe(devis.coutMinute);
}

describe("formules des feuilles Devis et Synthèse recalculées par LibreOffice", () => {
  it("donnent les totaux du cœur au centime (arrondis au demi-centime, pourcentages, lignes non placées)", async () => {
    const sheet = await feuilleXlsx("Budget", [
      ["Code", "Désignation", "Quantité", "Nombre", "Unité", "Taux", "Montant"],
      [null, "Ligne à ventiler", 1, 1, "forfait", 333.33, 333.33],
      ["1 - DROITS ARTISTIQUES"],
      ["1.1", "Droits d'auteur", 1, 1, "forfait", 10.005, null],
      ["2 - PERSONNEL"],
      ["2.1", "Chef monteur", 18, 1, "jour", 282.125, { formula: "C6*D6*F6", result: 5078.25 }],
      ["2.2", "Chargé de production", 7.5, 2, "jour", 240.87, "3 613,05 €"],
      ["2.3", "Assistant de production", 10, 1, "jour", 180, 1900],
      ["6 - TRANSPORTS, DÉFRAIEMENTS, RÉGIE"],
      [null, "Repas", 18, 4, "jour", 20.2, 1454.4],
      [null, "Train", 3, 2, "A/R", 99.99, null],
      [null, "TOTAL HT", null, null, null, null, 12000],
      [null, "Frais généraux 15 %", null, null, null, null, null],
      [null, "Imprévus", null, null, null, { n: 0.07, fmt: "0%" }, null],
    ]);
    const devis = importerDevis(sheet, { dureeMinutes: 26, genre: "documentaire" });
    expect(devis.nonPlaces).toHaveLength(1);
    expect(devis.lignes.find((l) => l.libelle === "Droits d'auteur")?.montant).toBe(1001); // 10.005 → 10.01 half-up
    const { devisWs, synth } = await ecrireEtRecalculer(devis);
    verifier(devis, devisWs, synth);
    // The % lines are live formulas on the coût hors frais.
    const fg = lireFeuille(devisWs).rows.find((r) => r[2].v === "Frais généraux 15 %");
    expect(fg?.[7].f).toMatch(/^ROUND\(G\d+\*SUM\(H\$5:H\$\d+\),2\)$/);
  });

  it("sur le classeur d'exemple du producteur", async () => {
    const wb = await XlsxWorkbook.ouvrir(path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx"));
    const sheet = await wb.readSheet("Budget Gardiens");
    const devis = importerDevis(sheet as never, { dureeMinutes: 52, genre: "documentaire" });
    const { devisWs, synth } = await ecrireEtRecalculer(devis);
    verifier(devis, devisWs, synth);
  });
});
