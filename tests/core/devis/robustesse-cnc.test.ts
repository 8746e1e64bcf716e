import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);

describe("robustesse — formulaire de devis CNC (Montant total | dont France | dont étranger)", () => {
  it("sous-totaux « ENSEMBLE DES », « TOTAL PERSONNEL », total 1 à 9, frais sous le total, part France de chaque ligne", async () => {
    const s = await feuilleXlsx(
      "DEVIS",
      [
        ["DEVIS DE PRODUCTION — ŒUVRE AUDIOVISUELLE"],
        ["Titre : « Les Glaciers » — documentaire 52'"],
        ["N°", "POSTES", "MONTANT TOTAL", "dont France", "dont étranger"],
        ["1", "DROITS ARTISTIQUES"],
        ["1.1", "Droits d'auteur (scénario, réalisation)", 15000, 15000, 0],
        ["1.2", "Droits musicaux", 2000, 2000, null],
        ["1.3", "Achats d'archives", 6000, 1500, 4500],
        [null, "SOUS-TOTAL ENSEMBLE DES DROITS ARTISTIQUES", 23000, 18500, 4500],
        ["2", "PERSONNEL"],
        ["2.1", "Réalisateur", 9000, 7200, 1800],
        ["2.2", "Équipe technique", 14000, 10500, 3500],
        ["2.3", "Personnel de production", 7000, 7000, 0],
        [null, "TOTAL PERSONNEL", 30000, 24700, 5300],
        ["4", "CHARGES SOCIALES"],
        ["4.1", "Charges sociales du personnel", 13500, 10800, 2700],
        [null, "TOTAL CHARGES SOCIALES", 13500, 10800, 2700],
        ["6", "TRANSPORTS, DÉFRAIEMENTS, RÉGIE"],
        ["6.1", "Voyages", 4200, 1260, 2940],
        ["6.2", "Hébergement et repas", 3800, 1900, 1900],
        [null, "TOTAL TRANSPORTS, DÉFRAIEMENTS, RÉGIE", 8000, 3160, 4840],
        ["8", "POST-PRODUCTION"],
        ["8.1", "Montage", 12000, 12000, 0],
        ["8.2", "Mixage et étalonnage", 5000, null, 5000],
        [null, "TOTAL POST-PRODUCTION", 17500, 12000, 5000],
        [null, "TOTAL (1 à 9)", 91500, 69160, 22340],
        [null, "FRAIS GÉNÉRAUX", 6000],
        [null, "IMPRÉVUS", 2745],
        [null, "COÛT TOTAL", 100245],
      ],
      { merges: ["A1:E1", "A2:E2"] },
    );
    const d = importerDevis(s, { genre: "documentaire", dureeMinutes: 52 });
    expect(d.lignes.map((l) => [l.code ?? l.libelle, l.chapitre, e(l.montant), l.partFrance])).toEqual([
      ["1.1", "1", "15000.00", "1"],
      ["1.2", "1", "2000.00", "1"],
      ["1.3", "1", "6000.00", "0.25"],
      ["2.1", "2", "9000.00", "0.8"],
      ["2.2", "2", "14000.00", "0.75"],
      ["2.3", "2", "7000.00", "1"],
      ["4.1", "4", "13500.00", "0.8"],
      ["6.1", "6", "4200.00", "0.3"],
      ["6.2", "6", "3800.00", "0.5"],
      ["8.1", "8", "12000.00", "1"],
      ["8.2", "8", "5000.00", "0"],
      ["FRAIS GÉNÉRAUX", "FG", "6000.00", undefined],
      ["IMPRÉVUS", "IMP", "2745.00", undefined],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total)])).toEqual([
      ["1", "23000.00"],
      ["2", "30000.00"],
      ["4", "13500.00"],
      ["6", "8000.00"],
      ["8", "17000.00"],
      ["FG", "6000.00"],
      ["IMP", "2745.00"],
    ]);
    expect(e(d.totalHorsFrais)).toBe("91500.00");
    expect(e(d.total)).toBe("100245.00");
    expect(d.nonPlaces).toEqual([]);
    expect(d.illisibles).toEqual([]);
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.cellule])).toEqual([
      ["sous-total", "1", "23000.00", "DEVIS!C8"],
      ["sous-total", "2", "30000.00", "DEVIS!C13"],
      ["sous-total", "4", "13500.00", "DEVIS!C16"],
      ["sous-total", "6", "8000.00", "DEVIS!C20"],
      ["sous-total", "8", "17500.00", "DEVIS!C24"],
      ["total", undefined, "91500.00", "DEVIS!C25"],
      ["total", undefined, "100245.00", "DEVIS!C28"],
    ]);
    // The producer's post-production subtotal is 500 € too high: the only finding.
    expect(controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule])).toEqual([
      ["sous-total-producteur", "erreur", "DEVIS!C24"],
    ]);
  });

  it("une répartition France / étranger qui ne fait pas le montant total est signalée, et la part reste lue", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Poste", "Désignation", "Montant", "Dont dépenses en France", "Dont dépenses à l'étranger"],
      ["7.1", "Location caméra", 8000, 6000, 1000],
      ["7.2", "Drone", 1200, null, 1200],
      ["7.3", "Machinerie", 2000, 2000, null],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.partFrance])).toEqual([
      ["7.1", "0.75"],
      ["7.2", "0"],
      ["7.3", "1"],
    ]);
    expect(controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule])).toEqual([
      ["repartition-france-etranger", "alerte", "Devis!C2"],
    ]);
  });
});

describe("robustesse — formulaire CNC sans colonne de code", () => {
  it("« 2.3 Chef opérateur » : le code en tête du libellé est lu (sous-chapitre), le libellé nettoyé", async () => {
    const s = await feuilleXlsx("Devis", [
      ["DÉSIGNATION", "MONTANT TOTAL"],
      ["2 - PERSONNEL"],
      ["2.1 Réalisateur", 9000],
      ["2.3 Chef opérateur", 5200],
      ["3 - INTERPRÉTATION"],
      ["3.1 Voix off", 1200],
      ["8.2 Mixage", 1800],
      ["TOTAL GÉNÉRAL", 17200],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.libelle, l.chapitre, l.sousChapitre, l.placement])).toEqual([
      ["2.1", "Réalisateur", "2", "21", "code"],
      ["2.3", "Chef opérateur", "2", "23", "code"],
      ["3.1", "Voix off", "3", "31", "code"],
      ["8.2", "Mixage", "8", "82", "code"],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total)])).toEqual([
      ["2", "14200.00"],
      ["3", "1200.00"],
      ["8", "1800.00"],
    ]);
    expect(e(d.total)).toBe("17200.00");
    expect(d.totauxProducteur.map((t) => [t.type, e(t.montant)])).toEqual([["total", "17200.00"]]);
    expect(d.nonPlaces).toEqual([]);
  });
});
