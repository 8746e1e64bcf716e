import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);
const chapitres = (d: ReturnType<typeof importerDevis>) => d.chapitres.map((c) => [c.code, e(c.total), c.lignes]);
const constats = (d: ReturnType<typeof importerDevis>) =>
  controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule]);

describe("robustesse — en-têtes sur deux lignes", () => {
  it("« Quantité » fusionné au-dessus de « Nb | Unité », « Prix / unitaire », « Montant » au-dessus de « HT | TTC »", async () => {
    const s = await feuilleXlsx(
      "Devis v2",
      [
        ["Devis « Le Phare » — fiction 26'"],
        [],
        ["Code", "Désignation", "Quantité", null, "Prix", "Montant", null],
        [null, null, "Nb", "Unité", "unitaire", "HT", "TTC"],
        ["1 - DROITS ARTISTIQUES"],
        ["1.1", "Scénario", 1, "forfait", 12000, 12000, 14400],
        ["1.2", "Musique originale", 1, "forfait", 3500, 3500, 4200],
        ["2 - PERSONNEL"],
        ["2.1", "Réalisateur", 15, "jour", 450, 6750, 8100],
        ["2.2", "Chef opérateur", 12, "jour", 420, 5040, 6048],
        ["2.3", "Scripte", 12, "jour", 260, 3120, 3744],
        [null, "Sous-total personnel", null, null, null, 14910, 17892],
        ["7 - MOYENS TECHNIQUES"],
        ["7.1", "Caméra et optiques", 3, "semaine", 1850.5, 5551.5, 6661.8],
        [null, "TOTAL", null, null, null, 35961.5, 43153.8],
      ],
      { merges: ["A1:G1", "C3:D3", "F3:G3"] },
    );
    const d = importerDevis(s);
    // The second header row is part of the header: never a line, never an unreadable amount ("HT").
    expect(d.illisibles).toEqual([]);
    expect(
      d.lignes.map((l) => [l.code, l.nombre ?? l.quantite, l.unite, l.taux, e(l.montant), l.source.cellules.montant]),
    ).toEqual([
      ["1.1", "1", "forfait", "12000", "12000.00", "'Devis v2'!F6"],
      ["1.2", "1", "forfait", "3500", "3500.00", "'Devis v2'!F7"],
      ["2.1", "15", "jour", "450", "6750.00", "'Devis v2'!F9"],
      ["2.2", "12", "jour", "420", "5040.00", "'Devis v2'!F10"],
      ["2.3", "12", "jour", "260", "3120.00", "'Devis v2'!F11"],
      ["7.1", "3", "semaine", "1850.5", "5551.50", "'Devis v2'!F14"],
    ]);
    expect(chapitres(d)).toEqual([
      ["1", "15500.00", 2],
      ["2", "14910.00", 3],
      ["7", "5551.50", 1],
    ]);
    expect(e(d.total)).toBe("35961.50");
    expect(d.nonPlaces).toEqual([]);
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.cellule])).toEqual([
      ["sous-total", "2", "14910.00", "'Devis v2'!F12"],
      ["total", undefined, "35961.50", "'Devis v2'!F15"],
    ]);
    // « Montant » over « HT | TTC »: HT is read, and the finding says so (issue 10 §3).
    expect(constats(d)).toEqual([
      ["charges-sociales-absentes", "alerte", "'Devis v2'!F9"],
      ["colonnes-lues", "info", "'Devis v2'!F4"],
    ]);
    expect(d.colonneMontant?.retenue).toMatchObject({ colonne: "F", entete: "HT", nature: "ht" });
    expect(d.colonneMontant?.ecartees).toEqual([expect.objectContaining({ colonne: "G", nature: "ttc" })]);
  });

  it("« Coût » / « unitaire » et « Coût » / « total » non fusionnés : le montant est le coût total, pas le coût unitaire", async () => {
    const s = await feuilleXlsx("Post", [
      ["N°", "Poste", "Nombre", "Coût", "Coût", "Observations"],
      [null, null, "de jours", "unitaire", "total", null],
      ["8.1", "Montage", 20, 350, 7000, "salle incluse"],
      ["8.2", "Mixage", 3, 900, 2700, null],
      ["8.3", "Étalonnage", 4, 800, 3200, "2 jours de plus si HDR"],
      [null, "Total post-production", null, null, 12900],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.libelle, l.quantite, l.taux, e(l.montant), l.chapitre])).toEqual([
      ["8.1", "Montage", "20", "350", "7000.00", "8"],
      ["8.2", "Mixage", "3", "900", "2700.00", "8"],
      ["8.3", "Étalonnage", "4", "800", "3200.00", "8"],
    ]);
    expect(chapitres(d)).toEqual([["8", "12900.00", 3]]);
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.cellule])).toEqual([
      ["sous-total", "8", "12900.00", "Post!E6"],
    ]);
    expect(d.illisibles).toEqual([]);
    expect(constats(d)).toEqual([]);
  });
});

describe("robustesse — versions côte à côte", () => {
  it("« Tarif V1 | Montant V1 | Tarif V2 | Montant V2 » : la dernière version est le devis", async () => {
    const s = await feuilleXlsx("Budget", [
      ["Code", "Désignation", "Jours", "Tarif V1", "Montant V1", "Tarif V2", "Montant V2", "Écart"],
      ["2.1", "Monteur", 20, 250, 5000, 260, 5200, 200],
      ["8.1", "Mixage", 3, 900, 2700, 850, 2550, -150],
      [null, "TOTAL", null, null, 7700, null, 7750, 50],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.quantite, l.taux, e(l.montant), l.source.cellules.montant])).toEqual([
      ["2.1", "20", "260", "5200.00", "Budget!G2"],
      ["8.1", "3", "850", "2550.00", "Budget!G3"],
    ]);
    expect(e(d.total)).toBe("7750.00");
    expect(d.totauxProducteur.map((t) => [t.type, e(t.montant), t.cellule])).toEqual([
      ["total", "7750.00", "Budget!G4"],
    ]);
    // Nothing proves V2 is the devis but its number: said, with both columns' sums (V1 in E not counted).
    expect(constats(d)).toEqual([
      ["charges-sociales-absentes", "alerte", "Budget!G2"],
      ["colonnes-lues", "alerte", "Budget!G1"],
      // « Écart » (H) is not the devis: named with its sum, never counted.
      ["colonnes-lues", "info", "Budget!G1"],
    ]);
    expect(d.colonneMontant).toMatchObject({
      retenue: { colonne: "G", entete: "Montant V2", somme: 1550000 },
      ecartees: [{ colonne: "E", entete: "Montant V1", somme: 1540000 }],
      choix: "version",
    });
  });
});

describe("robustesse — en-têtes sur trois lignes", () => {
  // « Code » and « Désignation » on the top row (merged down, or not), « Prévisionnel » over the figures,
  // then « Quantité » over « Nb | Unité », « Prix » over « unitaire », « Coût » over « total ».
  const lignes = [
    ["Code", "Désignation", "Prévisionnel", null, null, null],
    [null, null, "Quantité", null, "Prix", "Coût"],
    [null, null, "Nb", "Unité", "unitaire", "total"],
    ["2", "PERSONNEL"],
    ["2.1", "Réalisateur", 10, "jour", 500, 5000],
    ["2.2", "Monteur", 20, "jour", 300, 6000],
    ["8", "POST-PRODUCTION"],
    ["8.1", "Étalonnage", 5, "jour", 800, 4000],
    [null, "TOTAL", null, null, null, 15000],
  ];
  it.each([
    ["titres de gauche fusionnés sur les trois lignes", ["A1:A3", "B1:B3", "C1:F1", "C2:D2"]],
    ["titres de gauche sur la première ligne seulement", ["C1:F1", "C2:D2"]],
  ])("%s : nombre, unité, tarif et montant lus sous la troisième ligne", async (_, merges) => {
    const d = importerDevis(await feuilleXlsx("Budget", lignes, { merges }));
    expect(d.illisibles).toEqual([]);
    expect(
      d.lignes.map((l) => [l.code, l.libelle, l.nombre, l.unite, l.taux, e(l.montant), l.source.cellules.montant]),
    ).toEqual([
      ["2.1", "Réalisateur", "10", "jour", "500", "5000.00", "Budget!F5"],
      ["2.2", "Monteur", "20", "jour", "300", "6000.00", "Budget!F6"],
      ["8.1", "Étalonnage", "5", "jour", "800", "4000.00", "Budget!F8"],
    ]);
    expect(chapitres(d)).toEqual([
      ["2", "11000.00", 2],
      ["8", "4000.00", 1],
    ]);
    expect(e(d.total)).toBe("15000.00");
    expect(d.totauxProducteur.map((t) => [t.type, e(t.montant), t.cellule])).toEqual([
      ["total", "15000.00", "Budget!F9"],
    ]);
  });
});
