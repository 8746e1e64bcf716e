import { classeurDevis, type Cellule } from "../core/devis/outils";
import { devisBinaire as devis, dossierTemporaire } from "../helpers/cli";

/**
 * Issue 10 « rien de perdu, rien de deviné » through the built binary (npm run build:cli): two tables stacked in one
 * sheet, the second with a header of other columns, read with its columns; every amount in the conservation.
 */
const dir = dossierTemporaire("prodbook-tableaux-empiles-");

describe("prodbook devis : deux tableaux empilés, le second avec son propre en-tête", () => {
  it("--json : les lignes du second tableau lues selon ses colonnes, conservation sans écart, en-tête nommé", async () => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1", "PRÉPARATION"],
      ["", "Repérages", 2, 500, 1000],
      ["", "Casting", 1, 800, 800],
    ];
    while (rows.length < 45) rows.push([]);
    rows.push(["Poste", "Qté", "Tarif", "Montant"], ["Caméra", 3, 1000, 3000], ["Régie", null, null, 700]);
    const r = devis(await classeurDevis(dir(), "empiles.xlsx", rows), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("5500.00");
    expect(j.devis.conservation).toMatchObject({
      colonne: "E",
      lu: "5500.00",
      lignes: "5500.00",
      ecart: "0.00",
      tableaux: [
        { cellule: "Devis!A1", colonne: "E" },
        { cellule: "Devis!A46", colonne: "D" },
      ],
    });
    expect(j.devis.entetesSuivants).toEqual([
      {
        cellule: "Devis!A46",
        ligne: 46,
        textes: ["Poste", "Qté", "Tarif", "Montant"],
        colonnes: { libelle: "A", quantite: "B", taux: "C", montant: "D" },
        montant: { colonne: "D", cellule: "Devis!D46", entete: "Montant" },
        lignes: 2,
        somme: "3700.00",
      },
    ]);
    const info = j.controles.filter((c: { regle: string }) => c.regle === "nouvel-entete");
    expect(info).toEqual([expect.objectContaining({ gravite: "info", cellule: "Devis!A46" })]);
  });
});
