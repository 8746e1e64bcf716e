import ExcelJS from "exceljs";
import * as path from "path";
import { devisBinaire, dossierTemporaire } from "../helpers/cli";

/**
 * Issue 10 through the built binary (npm run build:cli) on a committed workbook (tests/fixtures/devis-reels/generer.js,
 * formesComptables): a label merged over two rows, « −1 200 » (U+2212), « 1.500,00 », « - € » and « -  » as zero,
 * « (250,00) € » with the currency outside the brackets and no-break spaces around, « (300,00 €) », « 2 000,00 € »
 * with narrow no-break spaces. Every amount placed to the cent, the TOTAL proven by them. Before: « (250,00) € » was
 * no amount (the line not counted, the TOTAL 3 250 € left unproven against 3 500 €).
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-reels/formes-comptables.xlsx");
const dossier = dossierTemporaire("prodbook-formes-comptables-");

describe("prodbook devis : les écritures d'un comptable dans la colonne des montants", () => {
  it("--json : chaque montant lu est une ligne, le TOTAL prouvé, aucun constat de montant illisible", () => {
    const r = devisBinaire(FICHIER, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("3250.00");
    expect(j.devis.chapitres).toEqual([{ code: "7", libelle: "Moyens techniques", total: "3250.00" }]);
    expect(j.devis.conservation).toMatchObject({
      lu: "6500.00",
      lignes: "3250.00",
      totauxProuves: "3250.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
      cellules: { lues: 10, lignes: 9, totauxProuves: 1, nonPlaces: 0, listees: 0 },
      nonComptees: [],
    });
    expect(j.controles.map((c: { regle: string }) => c.regle)).not.toContain("montant-illisible");
    expect(j.controles.map((c: { regle: string }) => c.regle)).not.toContain("total-producteur");
  });

  it("-o : la feuille Devis porte chaque montant au centime, avec sa cellule source", async () => {
    const sortie = path.join(dossier(), "formes.xlsx");
    expect(devisBinaire(FICHIER, "-o", sortie).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Devis") as ExcelJS.Worksheet;
    const montants: [string, number][] = [];
    ws.eachRow((row, i) => {
      const source = row.getCell(13).value as { result?: string } | null;
      if (i >= 5 && source?.result) montants.push([source.result, row.getCell(8).value as number]);
    });
    expect(montants).toEqual([
      ["Budget!C5", 700],
      ["Budget!C6", 800],
      ["Budget!C7", -1200],
      ["Budget!C8", 1500],
      ["Budget!C9", 0],
      ["Budget!C10", -250],
      ["Budget!C11", -300],
      ["Budget!C12", 2000],
      ["Budget!C13", 0],
    ]);
  });
});
