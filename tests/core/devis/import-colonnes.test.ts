import { trouverEntete } from "../../../src/core/devis/entetes";
import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import { feuilleXlsx, type Cellule } from "./outils";

/** Issue 10 §3: layouts a producer really has, read from real .xlsx files through the xlsx adapter. */
const e = (c: number) => centsToDecimalString(c as never);
const lire = async (rows: Cellule[][], nom = "Devis") => {
  const d = importerDevis(await feuilleXlsx(nom, rows), { genre: "documentaire" });
  return { d, constats: controlerDevis(d, "2026-01-15") };
};
const lignes = (d: ReturnType<typeof importerDevis>) =>
  d.lignes.map((l) => [l.source.ligne, l.code, l.libelle, l.chapitre, e(l.montant)]);
const conserve = (d: ReturnType<typeof importerDevis>) =>
  expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });

describe("en-tête qui ne nomme que les colonnes chiffrées, libellés dans une colonne sans en-tête", () => {
  it("« | Tarif | Jours | Montant » : les libellés de la colonne A sont lus, le total prouvé, écart 0", async () => {
    const { d, constats } = await lire([
      ["Devis court métrage « Les Gardiens »"],
      [null, "Tarif", "Jours", "Montant"],
      ["Réalisateur", 400, 10, 4000],
      ["Chef opérateur", 350, 8, 2800],
      ["Location caméra", 200, 5, 1000],
      ["Total", null, null, 7800],
    ]);
    expect(lignes(d)).toEqual([
      [3, undefined, "Réalisateur", "2", "4000.00"],
      [4, undefined, "Chef opérateur", "2", "2800.00"],
      [5, undefined, "Location caméra", "7", "1000.00"],
    ]);
    expect(d.lignes[0]).toMatchObject({ taux: "400", quantite: "10" });
    expect(d.totauxProducteur).toEqual([expect.objectContaining({ cellule: "Devis!D6", preuve: "somme" })]);
    conserve(d);
    expect(d.conservation).toMatchObject({ colonne: "D", lu: 1560000, lignes: 780000, totauxProuves: 780000 });
    expect(d.colonneLibelles).toEqual({
      colonne: "A",
      aGaucheDe: { colonne: "B", cellule: "Devis!B2", entete: "Tarif" },
    });
    expect(constats.filter((c) => c.regle === "colonnes-lues")).toEqual([
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

  it("sections en colonne A, libellés en colonne B, sous-totaux : chapitres des sections, écart 0", async () => {
    const { d } = await lire([
      [null, null, "Tarif", "Jours", "Montant"],
      ["2 - PERSONNEL"],
      [null, "Réalisatrice", 400, 10, 4000],
      [null, "Monteur", 300, 12, 3600],
      [null, "Sous-total", null, null, { formula: "SUM(E3:E4)", result: 7600 }],
      ["7 - MOYENS TECHNIQUES"],
      [null, "Caméra", 200, 5, 1000],
      [null, "Éclairage", 150, 4, 600],
      [null, "Sous-total", null, null, 1600],
      ["TOTAL", null, null, null, 9200],
    ]);
    expect(lignes(d)).toEqual([
      [3, undefined, "Réalisatrice", "2", "4000.00"],
      [4, undefined, "Monteur", "2", "3600.00"],
      [7, undefined, "Caméra", "7", "1000.00"],
      [8, undefined, "Éclairage", "7", "600.00"],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total)])).toEqual([
      ["2", "7600.00"],
      ["7", "1600.00"],
    ]);
    expect(d.totauxProducteur.map((t) => [t.cellule, !!t.preuve])).toEqual([
      ["Devis!E5", true],
      ["Devis!E9", true],
      ["Devis!E10", true],
    ]);
    conserve(d);
    expect(d.colonneLibelles?.colonne).toBe("B");
  });

  it("une colonne de références « 2.3 » sans en-tête à gauche des libellés est le code", async () => {
    const { d } = await lire([
      [null, null, "Nb", "Tarif", "Montant"],
      ["2.3", "Chef opérateur", 8, 350, 2800],
      ["8.1", "Mixage", 2, 900, 1800],
      ["1.1", "Droits du sujet", 1, 5000, 5000],
    ]);
    expect(lignes(d)).toEqual([
      [2, "2.3", "Chef opérateur", "2", "2800.00"],
      [3, "8.1", "Mixage", "8", "1800.00"],
      [4, "1.1", "Droits du sujet", "1", "5000.00"],
    ]);
    expect(d.lignes.map((l) => l.placement)).toEqual(["code", "code", "code"]);
    conserve(d);
  });

  it("un en-tête qui nomme ses libellés reste lu tel quel (aucune colonne devinée)", async () => {
    const { d, constats } = await lire([
      [null, "Désignation", "Tarif", "Jours", "Montant"],
      ["x", "Monteur", 300, 12, 3600],
      ["y", "Mixage", 900, 2, 1800],
    ]);
    expect(d.colonneLibelles).toBeUndefined();
    expect(d.lignes.map((l) => l.libelle)).toEqual(["Monteur", "Mixage"]);
    expect(constats.some((c) => c.regle === "colonnes-lues")).toBe(false);
  });

  it("un montant seul en en-tête (« | Montant ») ne suffit pas à deviner une colonne de libellés", async () => {
    const s = await feuilleXlsx("Plan", [
      [null, "Montant"],
      ["Canal+", 400000],
      ["CNC", 150000],
    ]);
    expect(trouverEntete(s)).toBeUndefined();
  });
});

describe("plusieurs colonnes de montant : le HT est lu, et c'est dit", () => {
  it("« Montant TTC | Montant TVA | Montant HT » : colonne D lue, B et C nommées, écart 0 sur D", async () => {
    const { d, constats } = await lire([
      ["Désignation", "Montant TTC", "Montant TVA", "Montant HT"],
      ["Réalisateur", 4800, 800, 4000],
      ["Location caméra", 1200, 200, 1000],
      ["Total", 6000, 1000, 5000],
    ]);
    expect(e(d.total)).toBe("5000.00");
    expect(d.colonneMontant).toEqual({
      // Each of HT and TTC carries its totals' bilan (here the « Total » row proven in both).
      retenue: {
        colonne: "D",
        cellule: "Devis!D1",
        entete: "Montant HT",
        nature: "ht",
        somme: 1000000,
        totaux: { prouves: 1, nonProuves: [] },
      },
      ecartees: [
        {
          colonne: "B",
          cellule: "Devis!B1",
          entete: "Montant TTC",
          nature: "ttc",
          somme: 1200000,
          totaux: { prouves: 1, nonProuves: [] },
        },
        { colonne: "C", cellule: "Devis!C1", entete: "Montant TVA", nature: "tva", somme: 200000 },
      ],
      choix: "taxes",
    });
    conserve(d);
    expect(d.conservation).toMatchObject({ colonne: "D", lu: 1000000, lignes: 500000, totauxProuves: 500000 });
    expect(constats.find((c) => c.regle === "colonnes-lues")).toEqual({
      regle: "colonnes-lues",
      gravite: "info",
      cellule: "Devis!D1",
      message:
        "Devis!D1 : plusieurs colonnes de montant ; la colonne D « Montant HT » est lue. « Montant TTC » (B), " +
        "« Montant TVA » (C) ne sont pas comptées : la TVA et le TTC se déduisent du hors taxes.",
    });
  });

  it.each([
    [["Code", "Désignation", "Qté", "Prix unitaire HT", "HT", "TVA", "TTC"], "E", "ht", ["F", "G"]],
    [["Code", "Désignation", "Qté", "Tarif", "Montant HT", "TVA (20 %)", "Montant TTC"], "E", "ht", ["F", "G"]],
    [["Code", "Désignation", "Qté", "Tarif", "Total TTC", "Total HT", null], "F", "ht", ["E"]],
    [["Code", "Désignation", "Qté", "Tarif", "Montant", "Montant TTC", null], "E", "montant", ["F"]],
    [["Code", "Désignation", "Qté", "Tarif", "Montant TTC (€)", "Montant de la TVA", null], "E", "ttc", ["F"]],
  ])("%j : colonne %s lue (%s)", async (entete, lue, nature, ecartees) => {
    const [a, b] = entete[5] === "Montant de la TVA" ? [4800, 800] : [4000, 800];
    const { d } = await lire([entete, ["2.1", "Réalisateur", 10, 400, a, b, a + b]]);
    expect(d.colonneMontant?.retenue).toMatchObject({ colonne: lue, nature });
    expect(d.colonneMontant?.ecartees.map((x) => x.colonne)).toEqual(ecartees);
    expect(d.conservation?.colonne).toBe(lue);
    conserve(d);
  });

  it("« Taux TVA » et « Prix unitaire TTC » ne sont pas des colonnes de montant", async () => {
    const { d } = await lire([
      ["Désignation", "Prix unitaire TTC", "Taux TVA", "Montant"],
      ["Réalisateur", 480, "20 %", 4000],
      ["Monteur", 360, "20 %", 3600],
    ]);
    expect(d.colonneMontant).toBeUndefined();
    expect(d.conservation?.colonne).toBe("D");
  });

  it("montant TTC sans colonne HT : lu et dit en alerte (les montants du devis sont TTC)", async () => {
    const { d, constats } = await lire([
      ["Désignation", "Montant TTC", "TVA 20 %"],
      ["Réalisateur", 4800, 800],
      ["Location caméra", 1200, 200],
    ]);
    expect(e(d.total)).toBe("6000.00");
    const c = constats.find((x) => x.regle === "colonnes-lues");
    expect(c?.gravite).toBe("alerte");
    expect(c?.message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Devis!B1 : la colonne B « Montant TTC » est lue faute de colonne hors taxes : les montants du devis sont TTC, " +
        "alors que le devis CNC, le crédit d'impôt et le plan de financement se comptent hors taxes quand la " +
        "production récupère la TVA. « TVA 20 % » (C) n'est pas comptée. Sur les 2 lignes qui en portent, la " +
        "colonne C « TVA 20 % » donne un hors taxes de 5 000,00 € (TTC 6 000,00 € − TVA 1 000,00 €), non compté. " +
        "Ajoutez une colonne « Montant HT » (ou renommez l'en-tête si ces montants sont en fait hors taxes).",
    );
    conserve(d);
  });

  it("libellés sans en-tête et « Montant TTC | Montant HT » ensemble", async () => {
    const { d } = await lire([
      [null, "Tarif", "Jours", "Montant TTC", "Montant HT"],
      ["Réalisateur", 400, 10, 4800, 4000],
      ["Monteur", 300, 12, 4320, 3600],
    ]);
    expect(d.colonneLibelles?.colonne).toBe("A");
    expect(d.colonneMontant?.retenue.colonne).toBe("E");
    expect(e(d.total)).toBe("7600.00");
    conserve(d);
  });
});
