import { classeurDevis, type Cellule } from "../core/devis/outils";
import { devisBinaire as devis, dossierTemporaire, espacesSimples as sp, type ControleJson } from "../helpers/cli";

/**
 * Issue 10 « rien de perdu, rien de deviné » through the built binary (npm run build:cli): a grand total whose formula
 * takes up the producer's chapter subtotals (E5 =SOMME(E3:E4) 2 000 €, E8 =SOMME(E6:E7) 2 500 €) rather than the lines.
 * All of them (=E5+E8, =SOMME(E5;E8), a total of those totals): proven. Only one (=E8): a total of a part, named with
 * what its formula covers and the lines it leaves out, never a line of the devis (4 500 €) and never proven in silence (before: no finding at all). Saved with and
 * without its result (ExcelJS drops a 0 result; a program that does not calculate saves none).
 */
const dir = dossierTemporaire("prodbook-total-sous-totaux-");

type Formule = { formula: string; result?: number };

/**
 * Subtotals E5 =SOMME(E3:E4) 2 000 € and E8 =SOMME(E6:E7) 2 500 €, then the TOTAL in E9 (and `plus` below it); the
 * chapters given by a « Chapitre » column (2 Personnel, 7 Moyens techniques).
 */
function feuille(total: Formule, plus: Cellule[][] = []): Cellule[][] {
  return [
    ["Devis — court métrage"],
    ["Chapitre", "Poste", "Qté", "Tarif", "Montant"],
    [2, "Régisseur", 2, 500, 1000],
    [2, "Assistant réalisateur", 1, 1000, 1000],
    [null, "Sous-total personnel", null, null, { formula: "SUM(E3:E4)", result: 2000 }],
    [7, "Caméra", 1, 1500, 1500],
    [7, "Lumière", 1, 1000, 1000],
    [null, "Sous-total technique", null, null, { formula: "SUM(E6:E7)", result: 2500 }],
    [null, "TOTAL", null, null, total],
    ...plus,
  ];
}

async function lancer(nom: string, rows: Cellule[][]) {
  const r = devis(await classeurDevis(dir(), nom, rows), "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as {
    devis: Record<string, unknown> & { conservation: Record<string, unknown> };
    controles: ControleJson[];
  };
}

const regles = (j: { controles: ControleJson[] }, cellule: string) =>
  j.controles.filter((c) => c.cellule === cellule).map((c) => c.regle);

describe("prodbook devis : un TOTAL dont la formule reprend les sous-totaux", () => {
  it.each<[string, Formule]>([
    ["=E5+E8", { formula: "E5+E8", result: 4500 }],
    ["=SOMME(E5;E8)", { formula: "SUM(E5,E8)", result: 4500 }],
    ["=E5+E8 sans résultat enregistré", { formula: "E5+E8" }],
  ])("%s : prouvé par ses sous-totaux, 4 500 €, conservation sans écart", async (nom, total) => {
    const j = await lancer(`tous-${nom.length}-${total.result ?? "x"}.xlsx`, feuille(total));
    expect(j.devis.total).toBe("4500.00");
    expect(j.devis.conservation).toMatchObject({
      lignes: "4500.00",
      totauxProuves: total.result === undefined ? "4500.00" : "9000.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
      lu: total.result === undefined ? "9000.00" : "13500.00",
    });
    expect(
      j.controles.filter((c) => ["total-partiel", "total-non-prouve", "total-producteur"].includes(c.regle)),
    ).toEqual([]);
  });

  it("un total de ces totaux (=E9 sous TOTAL =E5+E8) : prouvé lui aussi, de proche en proche", async () => {
    const rows = feuille({ formula: "E5+E8", result: 4500 }, [
      [null, "TOTAL GÉNÉRAL", null, null, { formula: "E9", result: 4500 }],
    ]);
    const j = await lancer("recursif.xlsx", rows);
    expect(j.devis.total).toBe("4500.00");
    expect(j.devis.conservation).toMatchObject({
      lu: "18000.00",
      lignes: "4500.00",
      totauxProuves: "13500.00",
      ecart: "0.00",
    });
    expect(j.controles.filter((c) => c.gravite !== "info" && /^Devis!E(9|10)$/.test(c.cellule ?? ""))).toEqual([]);
  });

  it.each<[string, Formule]>([
    ["avec son résultat", { formula: "E8", result: 2500 }],
    ["sans résultat enregistré", { formula: "E8" }],
  ])(
    "=E8 seul (%s) : total d'une partie, nommé avec ce qu'il couvre et ce qu'il omet, jamais une ligne",
    async (_quoi, total) => {
      const j = await lancer(`partiel-${total.result ?? "x"}.xlsx`, feuille(total));
      // Before: the total of a part could be counted as a line (devis 7 000 €) or proven in silence.
      expect(j.devis.total).toBe("4500.00");
      expect(j.devis.conservation).toMatchObject({
        lignes: "4500.00",
        totauxProuves: total.result === undefined ? "4500.00" : "7000.00",
        nonPlaces: "0.00",
        listes: "0.00",
        ecart: "0.00",
        lu: total.result === undefined ? "9000.00" : "11500.00",
        nonComptees: [],
      });
      const partiel = j.controles.filter((c) => c.regle === "total-partiel");
      expect(partiel).toEqual([expect.objectContaining({ gravite: "alerte", cellule: "Devis!E9" })]);
      const m = sp(partiel[0].message);
      expect(m).toContain("Devis!E9 « TOTAL »");
      expect(m).toContain("sa formule =E8 reprend Devis!E8");
      expect(m).toContain("2 lignes (lignes 6 à 7, 2 500,00 €)");
      expect(m).toContain(
        "laisse de côté 2 lignes au-dessus de lui (2 000,00 €) : Devis!E3 (1 000,00 €), Devis!E4 (1 000,00 €)",
      );
      expect(m).toContain("ce total n'y est pas ajouté comme une ligne");
      if (total.result !== undefined) expect(m).toContain("(2 500,00 €)");
      for (const c of j.controles) expect(c.message).not.toContain("aucune formule ne les référence");
      expect(regles(j, "Devis!E9").filter((r) => r === "total-non-prouve")).toEqual([]);
    },
  );

  it("=E8 seul, repris ensuite par un total de tout (=E5+E9) : dit en information", async () => {
    const rows = feuille({ formula: "E8", result: 2500 }, [
      [null, "TOTAL GÉNÉRAL", null, null, { formula: "E5+E9", result: 4500 }],
    ]);
    const j = await lancer("partiel-repris.xlsx", rows);
    expect(j.devis.total).toBe("4500.00");
    expect(j.devis.conservation).toMatchObject({ lignes: "4500.00", totauxProuves: "11500.00", ecart: "0.00" });
    const partiel = j.controles.filter((c) => c.regle === "total-partiel");
    expect(partiel).toEqual([expect.objectContaining({ gravite: "info", cellule: "Devis!E9" })]);
    expect(sp(partiel[0].message)).toContain("Le total Devis!E10 couvre toutes ces lignes");
  });

  it.each<[string, Formule]>([
    ["=D5 seul", { formula: "D5", result: 2500 }],
    ["=D5 seul, sans résultat enregistré", { formula: "D5" }],
  ])(
    "sous-totaux sur les titres de chapitre, TOTAL %s : nommé, jamais prouvé en silence ni compté comme ligne",
    async (_quoi, total) => {
      const rows: Cellule[][] = [
        ["Poste", "Qté", "Tarif", "Montant"],
        ["02 PERSONNEL", null, null, { formula: "SUM(D3:D4)", result: 2000 }],
        ["Régisseur", 2, 500, 1000],
        ["Assistant réalisateur", 1, 1000, 1000],
        ["07 MOYENS TECHNIQUES", null, null, { formula: "SUM(D6:D7)", result: 2500 }],
        ["Caméra", 1, 1500, 1500],
        ["Lumière", 1, 1000, 1000],
        ["TOTAL", null, null, total],
      ];
      const j = await lancer(`titres-${total.result ?? "x"}.xlsx`, rows);
      expect(j.devis.total).toBe("4500.00");
      expect(j.devis.conservation).toMatchObject({
        lignes: "4500.00",
        totauxProuves: total.result === undefined ? "4500.00" : "7000.00",
        nonPlaces: "0.00",
        listes: "0.00",
        ecart: "0.00",
        nonComptees: [],
      });
      const partiel = j.controles.filter((c) => c.regle === "total-partiel");
      expect(partiel).toEqual([expect.objectContaining({ gravite: "alerte", cellule: "Devis!D8" })]);
      expect(sp(partiel[0].message)).toContain(
        "sa formule =D5 reprend Devis!D5, soit 2 lignes (lignes 6 à 7, 2 500,00 €), et laisse de côté 2 lignes " +
          "au-dessus de lui (2 000,00 €) : Devis!D3 (1 000,00 €), Devis!D4 (1 000,00 €)",
      );
    },
  );
});
