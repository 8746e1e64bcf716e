import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { formatMontantFr } from "../../../src/core/money/format";
import type { Cents } from "../../../src/core/money/cents";
import type { SheetData } from "../../../src/core/port/workbook";
import { feuilleXlsx } from "./outils";

/**
 * Rows the producer hid (SheetData.lignesMasquees) are read as shown ones — lines counted, totals proven, amounts
 * listed, conservation unchanged — and what they hold is named in one finding, `lignes-masquees`.
 */
const eur = (c: number) => formatMontantFr(c as Cents);

let feuille: SheetData;
beforeAll(async () => {
  feuille = await feuilleXlsx("Devis", [
    ["Code", "Désignation", "Qté", "Tarif", "Montant"],
    ["2", "PERSONNEL"],
    ["2.1", "Monteur", 10, 250, 2500],
    ["2.2", "Assistant monteur", 10, 150, 1500],
    [null, "Sous-total personnel", null, null, { formula: "SUM(E3:E4)", result: 4000 }],
    ["8", "POST-PRODUCTION"],
    ["8.1", "Mixage", 2, 900, 1800],
    [null, "Total post-production", null, null, 1800],
    [null, "TOTAL HT", null, null, 5800],
    [null, "TVA 20 %", null, null, 1160],
  ]);
});

const masquer = (lignes: number[]): SheetData => ({ ...feuille, lignesMasquees: lignes });
const constat = (s: SheetData) =>
  controlerDevis(importerDevis(s), "2026-11-02").filter((c) => c.regle === "lignes-masquees");

describe("lignes masquées du devis", () => {
  it("un chapitre replié et la TVA masquée : lus comme affichés, nommés ensemble (ligne, total prouvé, montant listé)", () => {
    expect(feuille).not.toHaveProperty("lignesMasquees");
    const visible = importerDevis(feuille);
    const d = importerDevis(masquer([5, 6, 7, 9]));
    expect(d.total).toBe(visible.total);
    expect(d.conservation).toEqual(visible.conservation);
    expect(d.masquees).toEqual([
      { cellule: "Devis!E7", libelle: "Mixage", montant: 180000, nature: "ligne" },
      { cellule: "Devis!E8", libelle: "Total post-production", montant: 180000, nature: "total" },
      { cellule: "Devis!E10", libelle: "TVA 20 %", montant: 116000, nature: "liste" },
    ]);
    expect(constat(masquer([5, 6, 7, 9]))).toEqual([
      {
        regle: "lignes-masquees",
        gravite: "alerte",
        message:
          `Une ligne masquée de la feuille « Devis » comptée dans le devis (${eur(180000)}) : E7 ; sur des lignes ` +
          `masquées aussi, lus comme s'ils étaient affichés : 1 sous-total ou total prouvé (E8, ${eur(180000)}), ` +
          `1 montant listé hors des lignes (E10, ${eur(116000)}) — affichez-les ou supprimez-les si elles ne font pas ` +
          `partie de ce devis.`,
        cellule: "Devis!E7",
      },
    ]);
    // The other findings are those of the sheet with every row shown.
    const autres = (s: SheetData) =>
      controlerDevis(importerDevis(s), "2026-11-02").filter((c) => c.regle !== "lignes-masquees");
    expect(autres(masquer([5, 6, 7, 9]))).toEqual(autres(feuille));
  });

  it("seule la TVA masquée : une ligne lue, pas comptée, dite au singulier", () => {
    expect(constat(masquer([9])).map((c) => c.message)).toEqual([
      `Une ligne masquée de la feuille « Devis » lue dans le devis : 1 montant listé hors des lignes ` +
        `(E10, ${eur(116000)}) — affichez-la ou supprimez-la si elle ne fait pas partie de ce devis.`,
    ]);
  });

  it("un titre ou une ligne vide masqués, ou aucune ligne masquée : pas de constat", () => {
    expect(constat(masquer([1, 5, 40]))).toEqual([]);
    expect(importerDevis(masquer([1, 5])).masquees).toBeUndefined();
    expect(constat(feuille)).toEqual([]);
  });

  it("au-delà de six cellules, les autres sont comptées ; des lignes sans chapitre, non placées, dites telles", async () => {
    const lignes = (codes: boolean) =>
      feuilleXlsx("Budget", [
        ["Code", "Désignation", "Montant"],
        ...Array.from({ length: 9 }, (_, i) => [codes ? `2.${i + 1}` : null, `Poste ${i + 1}`, 100 * (i + 1)]),
      ]);
    const placees = await lignes(true);
    const cachees = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(constat({ ...placees, lignesMasquees: cachees }).map((x) => [x.message, x.cellule])).toEqual([
      [
        `8 lignes masquées de la feuille « Budget » comptées dans le devis (${eur(360000)}) : C2, C3, C4, C5, C6, C7… ` +
          `(8 en tout) — affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
        "Budget!C2",
      ],
    ]);
    expect(importerDevis({ ...placees, lignesMasquees: cachees }).total).toBe(importerDevis(placees).total);
    const nonPlacees = await lignes(false);
    expect(constat({ ...nonPlacees, lignesMasquees: cachees }).map((x) => x.message)).toEqual([
      `8 lignes masquées de la feuille « Budget » lues dans le devis : 8 montants non placés (C2, C3, C4, C5, C6, ` +
        `C7… (8 en tout), ${eur(360000)}) — affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
    ]);
  });
});
