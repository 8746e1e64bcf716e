import ExcelJS from "exceljs";
import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import type { SheetData } from "../../../src/core/port/workbook";
import { chargerXlsx, lireFeuille } from "../../../src/xlsx/read";
import { Cellule, feuilleXlsx, remplir } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);
const constats = (d: ReturnType<typeof importerDevis>) =>
  controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule]);

/** A real .xlsx with hidden columns (1-based), read back through the xlsx adapter. */
async function feuilleAvecColonnesMasquees(nom: string, rows: Cellule[][], masquees: number[]): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(nom);
  remplir(ws, rows);
  for (const c of masquees) ws.getColumn(c).hidden = true;
  const relu = await chargerXlsx(Buffer.from(await wb.xlsx.writeBuffer()), `${nom}.xlsx`);
  return lireFeuille(relu.getWorksheet(nom) as ExcelJS.Worksheet);
}

describe("robustesse — formules sans valeur en cache, colonnes masquées, colonne de notes chiffrée", () => {
  it("un classeur enregistré sans calcul : les formules sans facteurs sont listées illisibles, celles avec facteurs recalculées", async () => {
    // ExcelJS writes { formula } with no result: exactly what a program that does not calculate saves.
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
      ["2 - PERSONNEL"],
      ["2.1", "Monteuse", 20, "jour", 280, { formula: "C3*E3" }],
      ["2.2", "Chargée de production", 10, "jour", 260, { formula: "C4*E4" }],
      [null, "Sous-total personnel", null, null, null, { formula: "SUM(F3:F4)" }],
      ["7 - MOYENS TECHNIQUES"],
      ["7.1", "Location caméra", null, null, null, { formula: "2*1850" }],
      ["7.2", "Drone", null, null, null, { formula: "Tarifs!B4" }],
      ["7.3", "Consommables", null, null, null, 450],
      [null, "TOTAL", null, null, null, { formula: "SUM(F3:F9)" }],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, e(l.montant), l.montantFormule, l.montantCalcule, l.chapitre])).toEqual([
      ["2.1", "5600.00", true, true, "2"],
      ["2.2", "2600.00", true, true, "2"],
      ["7.3", "450.00", undefined, undefined, "7"],
    ]);
    expect(d.illisibles?.map((m) => [m.cellule, m.texte, m.libelle, m.formuleSansValeur])).toEqual([
      ["Devis!F7", "=2*1850", "Location caméra", true],
      ["Devis!F8", "=Tarifs!B4", "Drone", true],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total), c.lignes])).toEqual([
      ["2", "8200.00", 2],
      ["7", "450.00", 1],
    ]);
    expect(e(d.total)).toBe("8650.00");
    expect(d.nonPlaces).toEqual([]);
    // Subtotal and total formulas without a value are neither lines nor totals to compare: listed as such.
    expect(d.totauxProducteur).toEqual([]);
    expect(d.totauxSansResultat).toEqual([
      { cellule: "Devis!F5", libelle: "Sous-total personnel", formule: "=SUM(F3:F4)", type: "sous-total" },
      { cellule: "Devis!F10", libelle: "TOTAL", formule: "=SUM(F3:F9)", type: "total" },
    ]);
    expect(constats(d)).toEqual([
      ["montant-illisible", "erreur", "Devis!F7"],
      ["montant-illisible", "erreur", "Devis!F8"],
      ["charges-sociales-absentes", "alerte", "Devis!F3"],
      ["formule-sans-resultat", "info", "Devis!F3"],
      ["formule-sans-resultat", "info", "Devis!F4"],
      ["formule-sans-resultat", "info", "Devis!F5"],
      ["formule-sans-resultat", "info", "Devis!F10"],
    ]);
  });

  it("colonnes masquées (ancienne version des tarifs et montants) : les colonnes visibles sont lues ; les nombres des notes ne sont pas des montants", async () => {
    const s = await feuilleAvecColonnesMasquees(
      "Budget",
      [
        ["Code", "Désignation", "Jours", "Tarif", "Tarif", "Montant", "Montant", "Notes"],
        ["2.1", "Monteur", 20, 250, 265, 5000, 5300, 3],
        ["2.2", "Assistant monteur", 15, 180, 190, 2700, 2850, 2024118],
        ["7.1", "Location banc de montage", 4, 400, 420, 1600, 1680, "devis n° 4471"],
        [null, "Option : 2e caméra", null, null, null, null, null, 1850],
        [null, "Prévoir 2 jours de plus si archives", null, null, null, null, null, 530],
        ["8.1", "Mixage", 3, 850, 900, 2550, 2700, 45],
        [null, "TOTAL", null, null, null, 11850, 12530, 2026],
      ],
      [4, 6],
    );
    expect(s.colonnesMasquees).toEqual([3, 5]);
    const d = importerDevis(s);
    expect(
      d.lignes.map((l) => [l.code, l.quantite, l.taux, e(l.montant), l.source.cellules.montant, l.chapitre]),
    ).toEqual([
      ["2.1", "20", "265", "5300.00", "Budget!G2", "2"],
      ["2.2", "15", "190", "2850.00", "Budget!G3", "2"],
      ["7.1", "4", "420", "1680.00", "Budget!G4", "7"],
      ["8.1", "3", "900", "2700.00", "Budget!G7", "8"],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total)])).toEqual([
      ["2", "8150.00"],
      ["7", "1680.00"],
      ["8", "2700.00"],
    ]);
    expect(e(d.total)).toBe("12530.00");
    expect(d.nonPlaces).toEqual([]);
    expect(d.illisibles).toEqual([]);
    expect(d.totauxProducteur.map((t) => [t.type, e(t.montant), t.cellule])).toEqual([
      ["total", "12530.00", "Budget!G8"],
    ]);
    // Monteur at 265 €/day is above the minimum; "assistant monteur" is not in the grid: no salary finding. The
    // hidden « Montant » F is named, an information: the producer hid it. The numbers of « Notes » (H) are not
    // read, and not lost in silence either: counted and named on its header, an information (not a money header).
    expect(constats(d)).toEqual([
      ["charges-sociales-absentes", "alerte", "Budget!G2"],
      ["colonnes-lues", "info", "Budget!G1"],
      ["colonnes-lues", "info", "Budget!H1"],
    ]);
    expect(d.conservation?.horsColonnes).toEqual([
      { colonne: "H", cellule: "Budget!H1", entete: "Notes", nombres: 6, total: 202857200, argent: false },
    ]);
    expect(d.colonneMontant).toMatchObject({
      retenue: { colonne: "G", somme: 2506000 },
      ecartees: [{ colonne: "F", somme: 2370000 }],
      choix: "visible",
    });
  });

  it("une colonne de notes intitulée « Détails » à côté de « Poste » ne devient pas le libellé", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Poste", "Qté", "Tarif", "Montant", "Détails"],
      ["Réalisateur", 20, 450, 9000, 2],
      ["Ingénieur du son", 12, 320, 3840, 12],
      ["Location caméra", 2, 1500, 3000, "devis 118"],
      ["Montage", 25, 300, 7500, 3],
      ["Mixage", 2, 950, 1900, 4],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre, e(l.montant)])).toEqual([
      ["Réalisateur", "2", "9000.00"],
      ["Ingénieur du son", "2", "3840.00"],
      ["Location caméra", "7", "3000.00"],
      ["Montage", "8", "7500.00"],
      ["Mixage", "8", "1900.00"],
    ]);
    expect(d.lignes.map((l) => l.code)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(d.lignes.map((l) => l.placement)).toEqual(["mot-cle", "mot-cle", "mot-cle", "mot-cle", "mot-cle"]);
    expect(e(d.total)).toBe("25240.00");
    expect(d.nonPlaces).toEqual([]);
  });
});
