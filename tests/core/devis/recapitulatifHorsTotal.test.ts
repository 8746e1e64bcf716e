import type { SheetData } from "../../../src/core/port/workbook";
import { importerDevis } from "../../../src/core/devis/import";
import { recapitulatifNomme } from "../../../src/core/devis/recapitulatif";
import { recapEtAutresFeuilles, trouverFeuilleDevis } from "../../../src/core/devis/trouver";
import { structurerDevis } from "../../../src/core/devis/structurer";
import { ClasseurLu } from "../../helpers/classeurLu";
import { feuilleXlsx, type Cellule } from "./outils";

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/**
 * A sheet named as a recap whose amounts prove no recap of the devis read: its amounts are stated without the rows the
 * arithmetic proves totals by their place (`horsTotal`), and that one count both chooses the sheet to read
 * (`trouverFeuilleDevis`) and is said by the finding naming it (`recapEtAutresFeuilles`). Real .xlsx through ExcelJS.
 */

// Feuil1: four lines, 49 400 € (chapters 1: 25 000, 2: 24 400): nothing of the recaps below agrees with it.
const FEUIL1: Cellule[][] = [
  ["Code", "Poste", "Montant"],
  ["1.1", "Droits d'auteur", 20000],
  ["1.2", "Droits musicaux", 5000],
  ["2.1", "Réalisateur", 16000],
  ["2.2", "Chef opérateur", 8400],
];

const feuilles = (def: Record<string, Cellule[][]>): Promise<SheetData[]> =>
  Promise.all(Object.entries(def).map(([nom, rows]) => feuilleXlsx(nom, rows)));

async function decision(def: Record<string, Cellule[][]>) {
  const sheets = await feuilles(def);
  const lue = trouverFeuilleDevis(sheets) as SheetData;
  const devis = importerDevis(lue);
  return { lue: lue.name, devis, ...recapEtAutresFeuilles(lue, devis, sheets) };
}

async function horsTotal(recap: Cellule[][]) {
  const [r, f] = await feuilles({ Récapitulatif: recap, Feuil1: FEUIL1 });
  return recapitulatifNomme(r, f.name, importerDevis(f))?.horsTotal;
}

describe("recapitulatifNomme : les montants d'un récapitulatif non prouvé, hors lignes de total prouvées par le calcul", () => {
  it("chapitres en tête de leurs sous-chapitres, puis « Total … » de chaque chapitre et total général : les sous-chapitres seuls", async () => {
    // Before: each « Total … » of a chapter (a « Total » row not the grand total) counted, five cells for 38 000 €.
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1", "Droits artistiques", 12000],
      ["1.1", "Droits d'auteur", 10000],
      ["1.2", "Droits musicaux", 2000],
      [null, "Total droits", 12000],
      ["2", "Personnel", 7000],
      ["2.1", "Réalisateur", 7000],
      [null, "Total personnel", 7000],
      [null, "TOTAL", 19000],
    ];
    expect(await horsTotal(recap)).toEqual({ cellules: 3, somme: 1_900_000 });
  });

  it("un grand total en tête, avant les chapitres : laissé de côté, il vaut la somme des chapitres", async () => {
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      [null, "TOTAL GÉNÉRAL", 19000],
      ["1.1", "Droits d'auteur", 10000],
      ["1.2", "Droits musicaux", 2000],
      [null, "Total droits", 12000],
      ["2.1", "Réalisateur", 7000],
      [null, "Total personnel", 7000],
    ];
    expect(await horsTotal(recap)).toEqual({ cellules: 3, somme: 1_900_000 });
  });

  it("les mots ne décident pas seuls : un « TOTAL ENERGIES » qui ne fait pas la somme reste un montant", async () => {
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1.1", "Droits d'auteur", 10000],
      ["1.2", "Droits musicaux", 2000],
      [null, "TOTAL ENERGIES", 1500],
      [null, "Total droits", 13500],
      [null, "TOTAL", 13500],
    ];
    // « TOTAL ENERGIES » (1 500 €, the sum of nothing above) is an amount; « Total droits » adds it to the rest.
    expect(await horsTotal(recap)).toEqual({ cellules: 3, somme: 1_350_000 });
  });

  it("le calcul ne décide pas seul non plus : un chapitre qui vaut la somme des chapitres au-dessus, sans le mot « Total », reste un montant", async () => {
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1", "Droits artistiques", 6000],
      ["2", "Personnel", 4000],
      ["8", "Post-production", 10000],
      [null, "Total", 20000],
    ];
    expect(await horsTotal(recap)).toEqual({ cellules: 3, somme: 2_000_000 });
  });

  it("« Total chapitre 2 » égal à « Total chapitre 1 » au-dessus : le montant d'un autre chapitre, jamais un total du premier", async () => {
    // Review of 8 Dec 2026: a chapter row worded « Total chapitre n » was left out when equal to the rows above, of
    // other chapters (two cells for 24 000 € instead of three for 32 000 €, the sheet's own TOTAL saying 32 000 €).
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      [null, "Total chapitre 1", 8000],
      [null, "Total chapitre 2", 8000],
      [null, "Total chapitre 8", 16000],
      [null, "TOTAL", 32000],
    ];
    expect(await horsTotal(recap)).toEqual({ cellules: 3, somme: 3_200_000 });
    const suite: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      [null, "Total chapitre 1", 6000],
      [null, "Total chapitre 2", 4000],
      [null, "Total chapitre 8", 10000],
    ];
    expect(await horsTotal(suite)).toEqual({ cellules: 3, somme: 2_000_000 });
  });

  it("« Total chapitre 2 » sous ses sous-chapitres 2.1 et 2.2 : laissé de côté, il vaut leur somme", async () => {
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1.1", "Droits d'auteur", 9000],
      [null, "Total chapitre 1", 9000],
      ["2.1", "Réalisateur", 5000],
      ["2.2", "Chef opérateur", 4000],
      [null, "Total chapitre 2", 9000],
    ];
    expect(await horsTotal(recap)).toEqual({ cellules: 3, somme: 1_800_000 });
  });
});

describe("une feuille au nom de récapitulatif pesée et nommée par le même compte", () => {
  const RECAP: Cellule[][] = [
    ["N°", "Poste", "Montant"],
    ["1", "Droits artistiques", 12000],
    ["1.1", "Droits d'auteur", 10000],
    ["1.2", "Droits musicaux", 2000],
    [null, "Total droits", 12000],
    ["2", "Personnel", 7000],
    ["2.1", "Réalisateur", 7000],
    [null, "Total personnel", 7000],
    [null, "TOTAL", 19000],
  ];

  it("trois montants hors total contre les quatre lignes de Feuil1 : Feuil1 est lue, l'alerte dit ces trois montants", async () => {
    // Before: five amounts (the « Total … » of each chapter counted, the smaller of two counts kept), more than Feuil1's
    // four lines: the recap-named sheet was read as the devis, for 76 000 €.
    for (const def of [
      { Récapitulatif: RECAP, Feuil1: FEUIL1 },
      { Feuil1: FEUIL1, Récapitulatif: RECAP },
    ]) {
      const d = await decision(def);
      expect(d.lue).toBe("Feuil1");
      expect(d.devis.total).toBe(4_940_000);
      expect(d.recapitulatif).toBeUndefined();
      expect(d.autres).toMatchObject([{ feuille: "Récapitulatif", cellules: 3, somme: 1_900_000 }]);
    }
    const r = await structurerDevis(new ClasseurLu(await feuilles({ Récapitulatif: RECAP, Feuil1: FEUIL1 })), {
      date: "2026-01-15",
    });
    const constats = r.constats.filter((c) => c.regle === "feuille-lue");
    expect(constats.map((c) => c.gravite)).toEqual(["alerte"]);
    expect(sp(constats[0].message)).toContain("3 cellules hors total, somme 19 000,00 €");
  });

  it("le même compte à la limite : deux lignes de Feuil1 contre ces trois montants, la feuille au nom de récapitulatif est lue", async () => {
    const d = await decision({ Récapitulatif: RECAP, Feuil1: FEUIL1.slice(0, 3) });
    expect(d.lue).toBe("Récapitulatif");
    expect(d.autres).toEqual([{ feuille: "Feuil1", cellule: "Feuil1!C1", cellules: 2, somme: 2_500_000 }]);
  });
});
