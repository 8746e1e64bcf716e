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

describe("un total n'en est un que prouvé (issue 10 §1)", () => {
  it("« TOTAL ENERGIES », fournisseur d'un export de dépenses, est une ligne ; le total final le prouve", async () => {
    const s = await feuilleXlsx("Dépenses", [
      ["Date", "Désignation", "Montant"],
      ["2025-03-02", "TOTAL ENERGIES", 45.2],
      ["2025-03-03", "Location camion", 380],
      ["2025-03-09", "TOTAL ENERGIES", 61.15],
      ["2025-03-10", "Total Énergies station A6", "52,10 €"],
      [null, "Total", 538.45],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, e(l.montant)])).toEqual([
      ["TOTAL ENERGIES", "45.20"],
      ["Location camion", "380.00"],
      ["TOTAL ENERGIES", "61.15"],
      ["Total Énergies station A6", "52.10"],
    ]);
    expect(d.totauxProducteur.map((t) => [t.cellule, t.preuve])).toEqual([["'Dépenses'!C6", "somme"]]);
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [], lu: 107690 });
    expect(e(d.conservation!.lignes + d.conservation!.nonPlaces)).toBe("538.45");
    expect(
      controlerDevis(d, "2026-01-15")
        .filter((c) => c.regle === "total-non-prouve")
        .map((c) => c.cellule),
    ).toEqual(["'Dépenses'!C2", "'Dépenses'!C4", "'Dépenses'!C5"]);
  });

  it("quatre lignes en capitales (10 700 €) : lignes, pas un titre portant 5 500 € et un chapitre de travers", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Désignation", "Montant"],
      ["RÉGIE", 5500],
      ["CATERING", 2000],
      ["LOCATION DE LOCAUX", 1700],
      ["ASSURANCES", 1500],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, e(l.montant)])).toEqual([
      ["RÉGIE", "5500.00"],
      ["CATERING", "2000.00"],
      ["LOCATION DE LOCAUX", "1700.00"],
      ["ASSURANCES", "1500.00"],
    ]);
    expect(e(d.total + d.conservation!.nonPlaces)).toBe("10700.00");
    expect(d.totauxProducteur).toEqual([]);
    // The capitals did not open a chapter for the lines under them.
    expect(d.lignes.find((l) => l.libelle === "CATERING")?.placement).not.toBe("section");
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });
  });

  it("un titre de chapitre en capitales portant la somme de ses lignes reste le sous-total du chapitre", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Désignation", "Montant"],
      ["RÉGIE", 3700],
      ["Catering", 2000],
      ["Location de locaux", 1700],
      ["POST-PRODUCTION", { formula: "SUM(B7:B7)", result: 900 }],
      ["Divers", 50],
      ["Mixage", 900],
    ]);
    const d = importerDevis(s);
    expect(d.totauxProducteur.map((t) => [t.libelle, t.preuve])).toEqual([
      ["RÉGIE", "somme"],
      ["POST-PRODUCTION", "formule"],
    ]);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre])).toEqual([
      ["Catering", "6"],
      ["Location de locaux", "6"],
      ["Divers", "8"],
      ["Mixage", "8"],
    ]);
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });
  });
});
