import * as entetes from "../../../src/core/devis/entetes";
import { importerDevis } from "../../../src/core/devis/import";
import { centsToDecimalString } from "../../../src/core/money/cents";
import { feuilleXlsx, type Cellule } from "./outils";

/**
 * The tables stacked below the header are found once per import: the reads of the sheet with another amount column
 * (a lower table's columns alike chosen by their totals, its HT compared with its TTC) are given them, never search
 * the sheet again. The devis read is the same.
 */
describe("import : les en-têtes des tableaux du bas cherchés une fois", () => {
  afterEach(() => jest.restoreAllMocks());

  it("deux tableaux du bas aux colonnes semblables et TTC : entetesSuivants appelé une fois, devis inchangé", async () => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000],
    ];
    for (const k of [0, 1]) {
      while (rows.length < 20 + 20 * k) rows.push([]);
      rows.push(
        // Headers of other columns (never the one above repeated at a page break): two tables of their own.
        [k ? "Désignation" : "Poste", k ? "Nb" : "Qté", "Montant", "Montant révisé", "Montant TTC"],
        [`Caméra ${k}`, 1, 1000, 1200, 1440],
        [`Lumière ${k}`, 1, 500, 600, 720],
        ["Sous-total", null, 1500, 1800, 2160],
      );
    }
    const sheet = await feuilleXlsx("Devis", rows);
    const espion = jest.spyOn(entetes, "entetesSuivants");
    const d = importerDevis(sheet);
    expect(espion).toHaveBeenCalledTimes(1);
    // « Montant révisé » read in each lower table, proven by its subtotal; every amount accounted for.
    expect(centsToDecimalString(d.total)).toBe("9600.00");
    expect(d.conservation).toMatchObject({ colonne: "E", ecart: 0, nonComptees: [] });
    expect(d.conservation?.tableaux?.map((t) => t.colonne)).toEqual(["E", "D", "D"]);
  });
});
