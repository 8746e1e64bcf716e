import ExcelJS from "exceljs";
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
        // No chapter title above the lower header: « PRÉPARATION » of the table above is not carried into it.
        chapitreNonRepris: "1",
      },
    ]);
    const info = j.controles.filter((c: { regle: string }) => c.regle === "nouvel-entete");
    expect(info).toEqual([expect.objectContaining({ gravite: "info", cellule: "Devis!A46" })]);
  });

  it("--json : « Montant (k€) » du premier en-tête ne multiplie pas le tableau du bas, en euros, nommé", async () => {
    // Before: the lower table's amounts in column E (3 000 and 700 €) were read × 1 000 without a word.
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant (k€)"],
      ["1", "PRÉPARATION"],
      ["", "Repérages", null, null, 1],
      ["", "Casting", null, null, 0.8],
    ];
    while (rows.length < 45) rows.push([]);
    rows.push(
      [null, "Poste", "Jours", "Tarif", "Montant"],
      [null, "Caméra", 3, 1000, 3000],
      [null, "Régie", null, null, 700],
    );
    const r = devis(await classeurDevis(dir(), "empiles-k.xlsx", rows), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("5500.00");
    expect(j.devis.conservation).toMatchObject({ lu: "5500.00", ecart: "0.00" });
    expect(j.devis.uniteMilliers).toMatchObject({
      cellule: "Devis!E1",
      colonnes: ["E"],
      cellules: 2,
      tableaux: [{ entete: "Devis!A1", cellule: "Devis!E1", colonnes: ["E"], cellules: 2, facteur: 1000 }],
      sansUnite: [{ entete: "Devis!B46", cellule: "Devis!E46", texte: "Montant", lignes: 2, somme: "3700.00" }],
    });
    const k = j.controles.filter((c: { regle: string }) => c.regle === "unite-milliers");
    expect(k.map((c: { gravite: string; cellule: string }) => [c.gravite, c.cellule])).toEqual([
      ["alerte", "Devis!E1"],
      ["alerte", "Devis!E46"],
    ]);
    expect(k[1].message.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "2 lignes pour 3 700,00 €, ou 3 700 000,00 € s'ils sont en milliers d'euros",
    );
  });
});

describe("prodbook devis : chaque tableau du bas lu selon ce qui est à lui", () => {
  it("--json : titre « TOURNAGE (en k€) », en-tête sur deux lignes, HT/TTC, chapitre non repris, tout compté", async () => {
    // Before: the lower table's « Montant » over « Qté | Montant HT | Montant TTC » was read as the quantities, its
    // title's k€ ignored, its lines filed under « Personnel » of the table above, its TTC column named nowhere.
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000],
    ];
    while (rows.length < 43) rows.push([]);
    rows.push(
      ["TOURNAGE (en k€)"],
      [],
      ["Poste", "Montant"],
      [null, "Qté", "Montant HT", "Montant TTC"],
      ["Location caméra", 3, 3, 3.6],
      ["Bidule", 1, 0.7, 0.84],
    );
    const f = await classeurDevis(dir(), "empiles-propres.xlsx", rows);
    // The merged « Montant » over B:D is written by ExcelJS too, as a producer's sheet has it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    wb.getWorksheet("Devis")?.mergeCells("B46:D46");
    await wb.xlsx.writeFile(f);
    const r = devis(f, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("9000.00");
    expect(j.devis.nonPlaces).toEqual([{ cellule: "Devis!C49", montant: "700.00" }]);
    expect(j.devis.conservation).toMatchObject({
      lu: "9700.00",
      lignes: "9000.00",
      totauxProuves: "0.00",
      nonPlaces: "700.00",
      listes: "0.00",
      ecart: "0.00",
      tableaux: [
        { cellule: "Devis!A1", colonne: "E" },
        {
          cellule: "Devis!A46",
          colonne: "C",
          colonneMontant: {
            retenue: { colonne: "C", entete: "Montant HT", nature: "ht", somme: "3700.00" },
            ecartees: [{ colonne: "D", entete: "Montant TTC", nature: "ttc", somme: "4440.00" }],
            choix: "taxes",
            identiques: false,
          },
        },
      ],
    });
    expect(j.devis.entetesSuivants).toEqual([
      expect.objectContaining({
        cellule: "Devis!A46",
        ligne: 47,
        debut: 46,
        colonnes: { libelle: "A", quantite: "B", montant: "C" },
        lignes: 2,
        somme: "3700.00",
        chapitreNonRepris: "2",
        colonneMontant: expect.objectContaining({ choix: "taxes" }),
      }),
    ]);
    expect(j.devis.uniteMilliers.tableaux).toEqual([
      expect.objectContaining({ entete: "Devis!A46", cellule: "Devis!A44", colonnes: ["C", "D"], cellules: 4 }),
    ]);
    const regles = j.controles.map((c: { regle: string; cellule: string }) => [c.regle, c.cellule]);
    expect(regles).toEqual(
      expect.arrayContaining([
        ["unite-milliers", "Devis!A44"],
        ["ligne-hors-chapitre", "Devis!C49"],
        ["colonnes-lues", "Devis!C47"],
        ["nouvel-entete", "Devis!A46"],
      ]),
    );
  });
});
