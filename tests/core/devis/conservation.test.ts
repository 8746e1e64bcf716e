import { calculerConservation, completerConservation } from "../../../src/core/devis/conservation";
import { importerDevis } from "../../../src/core/devis/import";
import type { Conservation } from "../../../src/core/devis/model";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: number) => centsToDecimalString(c as never);
const resume = (c: Conservation) => ({
  lu: e(c.lu),
  lignes: e(c.lignes),
  totauxProuves: e(c.totauxProuves),
  nonPlaces: e(c.nonPlaces),
  listes: e(c.listes),
  ecart: e(c.ecart),
  cellules: c.cellules,
  nonComptees: c.nonComptees.map((n) => n.cellule),
});

describe("conservation des montants lus (issue 10 §1)", () => {
  it("lignes, sous-totaux prouvés, TVA et TTC, récapitulatif, erreur sans libellé : chaque cellule comptée une fois", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["2.1", "Monteur", 10, 250, 2500],
      ["2.2", "Assistant monteur", 10, 150, "1 500,00 €"],
      [null, "Sous-total personnel", null, null, { formula: "SUM(E3:E4)", result: 4000 }],
      ["8", "POST-PRODUCTION"],
      ["8.1", "Mixage", 2, 900, 1800],
      [null, "Total post-production", null, null, 1800],
      [null, "Divers à ventiler", null, null, 300],
      [null, "TOTAL HT", null, null, 6100],
      [null, "TVA 20 %", null, null, 1220],
      [null, "TOTAL TTC", null, null, 7320],
      [null, null, null, null, { formula: "E99/0", result: { error: "#DIV/0!" } }],
      ["Récapitulatif"],
      [null, "Personnel", null, null, 4000],
      [null, "Post-production", null, null, 1800],
    ]);
    const d = importerDevis(s);
    expect(resume(d.conservation as Conservation)).toEqual({
      lu: "32340.00",
      lignes: "6100.00",
      totauxProuves: "11900.00",
      nonPlaces: "0.00",
      listes: "14340.00",
      ecart: "0.00",
      cellules: { lues: 12, lignes: 4, totauxProuves: 3, nonPlaces: 0, listees: 5 },
      nonComptees: [],
    });
    expect(d.totauxProducteur.map((t) => [t.cellule, t.preuve])).toEqual([
      ["Devis!E5", "somme"],
      ["Devis!E8", "somme"],
      ["Devis!E10", "somme"],
    ]);
    const constats = controlerDevis(d, "2026-01-15");
    expect(constats.filter((c) => c.regle === "montant-hors-lignes").map((c) => c.cellule)).toEqual([
      "Devis!E11",
      "Devis!E12",
      "Devis!E15",
      "Devis!E16",
    ]);
    // The error without a label is named, never dropped.
    expect(constats.filter((c) => c.regle === "montant-illisible").map((c) => [c.gravite, c.cellule])).toEqual([
      ["erreur", "Devis!E13"],
    ]);
  });

  it("une cellule qu'aucune catégorie ne compte fait l'écart et est nommée ; un constat qui la nomme la liste", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Désignation", "Montant"],
      ["Monteur", 2500],
      ["Mixage", 1800],
    ]);
    const d = importerDevis(s);
    expect(d.conservation?.ecart).toBe(0);
    // The same sheet, as if the import had lost the mixing line.
    const perdu = calculerConservation(s, 0, 1, { ...d, lignes: d.lignes.slice(0, 1) });
    expect(resume(perdu)).toMatchObject({
      lu: "4300.00",
      lignes: "2500.00",
      ecart: "1800.00",
      nonComptees: ["Devis!B3"],
    });
    const liste = completerConservation(perdu, [
      { regle: "montant-ambigu", gravite: "alerte", message: "…", cellule: "Devis!B3" },
    ]);
    expect(resume(liste)).toMatchObject({ listes: "1800.00", ecart: "0.00", nonComptees: [] });
    // Counted twice (a line and a total): the gap is negative and the cell is named.
    const double = calculerConservation(s, 0, 1, {
      ...d,
      totauxProducteur: [
        {
          type: "total",
          libelle: "x",
          montant: d.lignes[1].montant,
          cellule: "Devis!B3",
          lignesCouvertes: [],
          preuve: "somme",
        },
      ],
    });
    expect(resume(double)).toMatchObject({ ecart: "-1800.00", nonComptees: ["Devis!B3"] });
    expect(double.nonComptees[0].doublon).toBe(true);
  });
});
