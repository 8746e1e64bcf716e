import { classeurDevis, type Cellule } from "../core/devis/outils";
import { devisBinaire as devis, dossierTemporaire, espacesSimples as sp, type ControleJson } from "../helpers/cli";

/**
 * Issue 10 « rien de perdu, rien de deviné » through the built binary (npm run build:cli): a line whose amount cell is
 * empty, its quantity written as text (« 3 j », « 3 jours », « 2,5 ») beside a rate. The quantity parser reads « 3 j »
 * as 3 with its unit (docs/devis.md): the amount is computed and counted, and said with the cells (before: in silence).
 * A quantity that reads as no number (« trois ») is named as a quantity, and the line not counted.
 */
const dir = dossierTemporaire("prodbook-quantite-texte-");

describe("prodbook devis : montant vide, quantité écrite en texte", () => {
  it("--json : « 3 j », « 3 jours », « 2,5 » lus et comptés, chaque ligne nommée ; « trois » nommé, non compté", async () => {
    const rows: Cellule[][] = [
      ["Poste", "Qté", "Tarif", "Montant"],
      ["02 PERSONNEL"],
      ["Régisseur", "3 j", 500, null],
      ["Assistant réalisateur", "3 jours", 400, null],
      ["Chauffeur", "trois", 300, null],
      ["Machiniste", "2,5", 200, null],
      ["Scripte", 2, 250, null],
      ["Électricien", 1, 350, 350],
    ];
    const r = devis(await classeurDevis(dir(), "quantites.xlsx", rows), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { devis: Record<string, unknown>; controles: ControleJson[] };
    // 1 500 + 1 200 + 500 + 500 (2 × 250, a number) + 350; « trois » left out.
    expect(j.devis.total).toBe("4050.00");
    expect(j.devis.conservation).toMatchObject({ lu: "350.00", lignes: "350.00", ecart: "0.00", nonComptees: [] });
    const q = j.controles.filter((c) => c.regle === "quantite-texte");
    expect(q.map((c) => [c.gravite, c.cellule])).toEqual([
      ["alerte", "Devis!D3"],
      ["alerte", "Devis!D4"],
      ["alerte", "Devis!D6"],
    ]);
    expect(sp(q[0].message)).toBe(
      "Devis!D3 « Régisseur » : montant vide, calculé avec la quantité écrite en texte en Devis!B3 « 3 j » (lue 3, " +
        "unité « j ») : 3 × 500,00 € = 1 500,00 €, compté dans le devis. Vérifiez cette valeur ; saisissez-la comme " +
        "nombre (l'unité à part) ou écrivez le montant, puis relancez.",
    );
    expect(sp(q[1].message)).toContain("Devis!B4 « 3 jours » (lue 3, unité « jours ») : 3 × 400,00 € = 1 200,00 €");
    expect(sp(q[2].message)).toContain("Devis!B6 « 2,5 » (lue 2,5) : 2,5 × 200,00 € = 500,00 €");
    // A number typed as a number, its amount left empty: computed as before, no finding of this kind.
    expect(j.controles.filter((c) => c.cellule === "Devis!D7")).toEqual([]);
    const trois = j.controles.filter((c) => c.cellule === "Devis!B5");
    expect(trois.map((c) => [c.regle, c.gravite, sp(c.message)])).toEqual([
      [
        "montant-illisible",
        "alerte",
        "Devis!B5 « Chauffeur » : la quantité « trois » n'est pas un nombre ; le montant n'est pas calculé sans " +
          "cette valeur ; la ligne n'est pas comptée.",
      ],
    ]);
  });
});

describe("prodbook devis : colonne sans en-tête dans le tableau du bas", () => {
  it("--json : ses nombres comptés dans lu et listés (horsColonnes[].listees), nommés, jamais dans le total", async () => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1", "PRÉPARATION"],
      ["", "Repérages", 2, 500, 1000],
      ["", "Casting", 1, 800, 800],
    ];
    while (rows.length < 30) rows.push([]);
    // The lower table: « Poste | Qté | (rien) | Tarif | Montant », column C without header holding amounts.
    rows.push(
      ["Poste", "Qté", null, "Tarif", "Montant"],
      ["Caméra", 3, { n: 350, fmt: "#,##0.00 €" }, 1000, 3000],
      ["Régie", null, { n: 125.5, fmt: "#,##0.00 €" }, null, 700],
    );
    const r = devis(await classeurDevis(dir(), "empiles-sans-entete.xlsx", rows), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      devis: { total: string; conservation: Record<string, unknown> };
      controles: ControleJson[];
    };
    expect(j.devis.total).toBe("5500.00");
    expect(j.devis.conservation).toMatchObject({
      lu: "5975.50",
      lignes: "5500.00",
      totauxProuves: "0.00",
      nonPlaces: "0.00",
      listes: "475.50",
      ecart: "0.00",
      nonComptees: [],
      tableaux: [
        { cellule: "Devis!A1", colonne: "E" },
        { cellule: "Devis!A31", colonne: "E" },
      ],
      horsColonnes: [
        {
          colonne: "C",
          entete: "",
          cellule: "Devis!C31",
          nombres: 2,
          total: "475.50",
          listees: [
            { cellule: "Devis!C32", montant: "350.00" },
            { cellule: "Devis!C33", montant: "125.50" },
          ],
        },
      ],
    });
    const c = j.controles.filter((x) => x.regle === "colonnes-lues" && x.cellule === "Devis!C32");
    expect(c).toHaveLength(1);
    expect(sp(c[0].message)).toContain("la colonne C, sans en-tête, tient 2 nombres hors des colonnes du devis");
    expect(sp(c[0].message)).toContain("C32 (350,00 €), C33 (125,50 €)");
  });
});
