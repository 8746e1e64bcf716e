import * as path from "path";
import { devisBinaire } from "../helpers/cli";

/**
 * Issue 10 through the built binary (npm run build:cli) on a committed workbook (tests/fixtures/devis-reels/generer.js,
 * sansEntete): figures under no header inside the devis region — column A left of a header starting in B, a column F
 * with no header between « Montant » and « Notes » — are read into `lu`, listed, and named cell by cell; never in the
 * devis's total, never dropped. Before: out of lu, named by the empty header cell A3 as an info, and « 350 » in F
 * taken for a numbering and said nowhere.
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-reels/sans-entete.xlsx");
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("prodbook devis : des nombres sous aucun en-tête dans le tableau", () => {
  const r = devisBinaire(FICHIER, "--json");
  const j = JSON.parse(r.out);

  it("comptés dans lu et listés, chacun par sa cellule ; le devis reste celui de la colonne Montant", () => {
    expect(r.code).toBe(0);
    expect(j.devis.total).toBe("4000.00");
    expect(j.devis.chapitres).toEqual([{ code: "7", libelle: "Moyens techniques", total: "4000.00" }]);
    // E: 2 000 + 1 500 + 500 and the TOTAL 4 000; A: 1 500 + 700; F: 350.
    expect(j.devis.conservation).toMatchObject({
      colonne: "E",
      lu: "10550.00",
      lignes: "4000.00",
      totauxProuves: "4000.00",
      nonPlaces: "0.00",
      listes: "2550.00",
      ecart: "0.00",
      cellules: { lues: 7, lignes: 3, totauxProuves: 1, nonPlaces: 0, listees: 3 },
      nonComptees: [],
    });
    expect(j.devis.conservation.horsColonnes).toEqual([
      {
        colonne: "A",
        entete: "",
        cellule: "Budget!A3",
        nombres: 2,
        total: "2200.00",
        listees: [
          { cellule: "Budget!A5", montant: "1500.00" },
          { cellule: "Budget!A7", montant: "700.00" },
        ],
      },
      {
        colonne: "F",
        entete: "",
        cellule: "Budget!F3",
        nombres: 1,
        total: "350.00",
        listees: [{ cellule: "Budget!F5", montant: "350.00" }],
      },
    ]);
  });

  it("chaque colonne nommée par sa première cellule chiffrée, en alerte, toutes ses cellules citées", () => {
    const nommes = j.controles
      .filter((c: { regle: string }) => c.regle === "colonnes-lues")
      .map((c: { gravite: string; cellule: string; message: string }) => [c.gravite, c.cellule, sp(c.message)]);
    expect(nommes).toEqual([
      [
        "alerte",
        "Budget!A5",
        "Budget!A5 : la colonne A, sans en-tête, tient 2 nombres hors des colonnes du devis (2 200,00 € au total) : " +
          "A5 (1 500,00 €), A7 (700,00 €). Ils sont listés dans les montants lus, mais ne sont pas comptés dans le " +
          "total du devis : si ce sont des montants du devis, mettez-les dans la colonne des montants, sur leur " +
          "ligne, puis relancez.",
      ],
      [
        "alerte",
        "Budget!F5",
        "Budget!F5 : la colonne F, sans en-tête, tient un nombre hors des colonnes du devis (350,00 €) : F5 " +
          "(350,00 €). Il est listé dans les montants lus, mais n'est pas compté dans le total du devis : si c'est un " +
          "montant du devis, mettez-le dans la colonne des montants, sur sa ligne, puis relancez.",
      ],
    ]);
  });

  it("texte : la phrase de conservation cite les cellules listées", () => {
    const t = devisBinaire(FICHIER);
    expect(t.code).toBe(0);
    expect(sp(t.out)).toContain(
      "Montants lus (colonne E) : 10 550,00 € = lignes placées 4 000,00 € + totaux prouvés 4 000,00 € + non placés " +
        "0,00 € + listés 2 550,00 € ; écart 0,00 €. Nombres d'une colonne sans en-tête, lus et listés (hors total) : " +
        "A5, A7, F5 (2 550,00 €).",
    );
  });
});
