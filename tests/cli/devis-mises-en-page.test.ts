import { classeurDevis, type Cellule } from "../core/devis/outils";
import { devisBinaire as devis, dossierTemporaire } from "../helpers/cli";

/**
 * Issue 10 §3 through the built binary (bin/prodbook.js, npm run build:cli): real .xlsx files of layouts a producer
 * has, read by `prodbook devis --json`, every amount of the column read accounted for (écart 0.00).
 */
const dir = dossierTemporaire("prodbook-mises-en-page-");
const classeur = (nom: string, rows: Cellule[][]) => classeurDevis(dir(), nom, rows);

const regle = (j: { controles: { regle: string }[] }, id: string) => j.controles.filter((c) => c.regle === id);

describe("prodbook devis --json sur les mises en page d'un producteur", () => {
  it("« | Tarif | Jours | Montant » : libellés de la colonne A sans en-tête, lignes lues, écart 0.00", async () => {
    const f = await classeur("sans-entete-libelles.xlsx", [
      ["Devis court métrage"],
      [null, "Tarif", "Jours", "Montant"],
      ["Réalisateur", 400, 10, 4000],
      ["Chef opérateur", 350, 8, 2800],
      ["Location caméra", 200, 5, 1000],
      ["Total", null, null, 7800],
    ]);
    const r = devis(f, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("7800.00");
    expect(j.devis.lignes).toBe(3);
    expect(j.devis.conservation).toMatchObject({
      colonne: "D",
      lu: "15600.00",
      lignes: "7800.00",
      totauxProuves: "7800.00",
      ecart: "0.00",
      nonComptees: [],
    });
    expect(j.devis.colonneLibelles).toEqual({
      colonne: "A",
      aGaucheDe: { colonne: "B", cellule: "Devis!B2", entete: "Tarif" },
    });
    expect(j.devis.colonneMontant).toBeUndefined();
    expect(regle(j, "colonnes-lues")).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "info",
        cellule: "Devis!B2",
        message:
          "Devis!B2 : l'en-tête ne nomme pas la colonne des libellés ; ils sont lus dans la colonne A, sans en-tête, " +
          "à gauche de « Tarif ».",
      },
    ]);
  });

  it("sections en colonne A, libellés en colonne B : chapitres, sous-totaux prouvés, écart 0.00", async () => {
    const f = await classeur("sections-colonne-a.xlsx", [
      [null, null, "Tarif", "Jours", "Montant"],
      ["2 - PERSONNEL"],
      [null, "Réalisatrice", 400, 10, 4000],
      [null, "Monteur", 300, 12, 3600],
      [null, "Sous-total", null, null, { formula: "SUM(E3:E4)", result: 7600 }],
      ["7 - MOYENS TECHNIQUES"],
      [null, "Caméra", 200, 5, 1000],
      [null, "Sous-total", null, null, 1000],
      ["TOTAL", null, null, null, 8600],
    ]);
    const j = JSON.parse(devis(f, "--json").out);
    expect(j.devis.chapitres.map((c: { code: string; total: string }) => [c.code, c.total])).toEqual([
      ["2", "7600.00"],
      ["7", "1000.00"],
    ]);
    expect(j.devis.conservation).toMatchObject({
      colonne: "E",
      lu: "25800.00",
      lignes: "8600.00",
      totauxProuves: "17200.00",
      ecart: "0.00",
      cellules: { lues: 6, lignes: 3, totauxProuves: 3, nonPlaces: 0, listees: 0 },
    });
    expect(j.devis.colonneLibelles.colonne).toBe("B");
  });

  it("« Montant TTC | Montant TVA | Montant HT » : le HT est lu et nommé, TTC et TVA hors conservation, écart 0.00", async () => {
    const f = await classeur("montants-ht-tva-ttc.xlsx", [
      ["Désignation", "Montant TTC", "Montant TVA", "Montant HT"],
      ["Réalisateur", 4800, 800, 4000],
      ["Location caméra", 1200, 200, 1000],
      ["Total", 6000, 1000, 5000],
    ]);
    const r = devis(f, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("5000.00");
    expect(j.devis.conservation).toMatchObject({
      colonne: "D",
      lu: "10000.00",
      lignes: "5000.00",
      totauxProuves: "5000.00",
      ecart: "0.00",
      nonComptees: [],
    });
    expect(j.devis.colonneMontant).toEqual({
      // HT and TTC each carry their totals' bilan (the « Total » row proven in both: no alerte).
      retenue: {
        colonne: "D",
        cellule: "Devis!D1",
        entete: "Montant HT",
        nature: "ht",
        somme: "10000.00",
        totaux: { prouves: 1, nonProuves: [] },
      },
      ecartees: [
        {
          colonne: "B",
          cellule: "Devis!B1",
          entete: "Montant TTC",
          nature: "ttc",
          somme: "12000.00",
          totaux: { prouves: 1, nonProuves: [] },
        },
        { colonne: "C", cellule: "Devis!C1", entete: "Montant TVA", nature: "tva", somme: "2000.00" },
      ],
      choix: "taxes",
      identiques: false,
    });
    expect(regle(j, "colonnes-lues")).toEqual([expect.objectContaining({ gravite: "info", cellule: "Devis!D1" })]);
    // The French summary says it too.
    const t = devis(f);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(
      /\[information\] Colonne des montants choisie — Devis!D1\u00a0: plusieurs colonnes de montant\u202f; la colonne D «\u00a0Montant HT\u00a0» est lue/,
    );
    expect(t.out).toMatch(/écart 0,00/i);
  });
});
