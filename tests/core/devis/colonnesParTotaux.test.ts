import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import { feuilleXlsx, type Cellule } from "./outils";

/**
 * Issue 10 §3, several amount columns alike read from real .xlsx files: the column whose subtotals and totals its
 * own lines prove (sum or formula) is read, and the finding says why; TTC without HT is an alerte.
 */
const e = (c: number) => centsToDecimalString(c as never);
const lire = async (rows: Cellule[][]) => {
  const d = importerDevis(await feuilleXlsx("Devis", rows), { genre: "documentaire" });
  const lues = controlerDevis(d, "2026-01-15").filter((c) => c.regle === "colonnes-lues");
  return { d, lues: lues.map((c) => ({ ...c, message: c.message.replace(/[\u00a0\u202f]/g, " ") })) };
};
const conserve = (d: ReturnType<typeof importerDevis>) =>
  expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });

// E: the first estimate, its subtotals and total typed and right. F « Montant révisé »: two lines changed, the
// subtotals and the total copied from E, not updated (F's lines add up to 8 400 €, its subtotals say 6 800 € and
// 1 100 €; its total 7 900 € is still the sum of those subtotals).
const REVISE: Cellule[][] = [
  ["Code", "Désignation", "Jours", "Tarif", "Montant", "Montant révisé"],
  ["2", "PERSONNEL"],
  ["2.1", "Réalisateur", 10, 400, 4000, 4000],
  ["2.2", "Chef opérateur", 8, 350, 2800, 3000],
  [null, "Sous-total personnel", null, null, 6800, 6800],
  ["7", "MOYENS TECHNIQUES"],
  ["7.1", "Location caméra", 5, 220, 1100, 1400],
  [null, "Sous-total moyens techniques", null, null, 1100, 1100],
  [null, "TOTAL", null, null, 7900, 7900],
];

describe("colonnes de montant semblables : celle dont les lignes prouvent les totaux est lue", () => {
  it("« Montant | Montant révisé », sous-totaux de F non mis à jour : E est lue (ses 3 totaux prouvés), info", async () => {
    const { d, lues } = await lire(REVISE);
    expect(e(d.total)).toBe("7900.00");
    expect(d.colonneMontant).toMatchObject({
      choix: "totaux",
      retenue: { colonne: "E", entete: "Montant", somme: 2370000, totaux: { prouves: 3, nonProuves: [] } },
      ecartees: [
        {
          colonne: "F",
          entete: "Montant révisé",
          somme: 2420000,
          totaux: { prouves: 1, nonProuves: ["Devis!F5", "Devis!F8"] },
        },
      ],
    });
    expect(d.totauxProducteur.every((t) => t.preuve)).toBe(true);
    conserve(d);
    expect(lues).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "info",
        cellule: "Devis!E1",
        message:
          "Devis!E1 : 2 colonnes de montant semblables ; la colonne E « Montant » (Devis!E1, somme 23 700,00 €) est " +
          "lue : ses lignes prouvent ses 3 sous-totaux et totaux (somme ou formule). F « Montant révisé » (Devis!F1, " +
          "somme 24 200,00 €) n'est pas comptée : 2 de ses totaux ne sont pas prouvés par ses lignes (Devis!F5, " +
          "Devis!F8).",
      },
    ]);
  });

  it("les totaux de F en formules sur ses lignes, un sous-total de E tapé faux : F est lue", async () => {
    const rows = REVISE.map((r) => [...r]);
    rows[4][5] = { formula: "SUM(F3:F4)", result: 7000 };
    rows[7][5] = { formula: "F7", result: 1400 };
    rows[8][5] = { formula: "F5+F8", result: 8400 };
    rows[4][4] = 6500; // E's lines add up to 6 800 €
    const { d, lues } = await lire(rows);
    expect(e(d.total)).toBe("8400.00");
    expect(d.colonneMontant?.choix).toBe("totaux");
    expect(d.colonneMontant?.retenue).toMatchObject({ colonne: "F", totaux: { prouves: 3, nonProuves: [] } });
    expect(d.colonneMontant?.ecartees[0]).toMatchObject({
      colonne: "E",
      totaux: { prouves: 2, nonProuves: ["Devis!E5"] },
    });
    conserve(d);
    expect(lues[0]).toMatchObject({ gravite: "info", cellule: "Devis!F1" });
    expect(lues[0].message).toContain(
      "la colonne F « Montant révisé » (Devis!F1, somme 25 200,00 €) est lue : ses lignes prouvent ses 3 sous-totaux " +
        "et totaux (somme ou formule). E « Montant » (Devis!E1, somme 23 400,00 €) n'est pas comptée : un de ses " +
        "totaux n'est pas prouvé par ses lignes (Devis!E5).",
    );
  });

  it("les deux colonnes prouvées : la règle par en-tête reste (la version révisée), en alerte", async () => {
    const rows = REVISE.map((r) => [...r]);
    rows[4][5] = 7000;
    rows[7][5] = 1400;
    rows[8][5] = 8400;
    const { d, lues } = await lire(rows);
    expect(e(d.total)).toBe("8400.00");
    expect(d.colonneMontant).toMatchObject({
      choix: "version",
      retenue: { colonne: "F", totaux: { prouves: 3, nonProuves: [] } },
      ecartees: [{ colonne: "E", totaux: { prouves: 3, nonProuves: [] } }],
    });
    expect(lues.map((c) => c.gravite)).toEqual(["alerte"]);
    expect(lues[0].message).toContain("est lue, la version la plus récente.");
  });

  it("aucun total : « Montant initial | Montant » lit la colonne sans mention, pas l'initiale", async () => {
    const { d, lues } = await lire([
      ["Désignation", "Jours", "Montant", "Montant initial"],
      ["Réalisateur", 10, 4200, 4000],
      ["Monteur", 12, 3600, 3000],
    ]);
    expect(d.colonneMontant).toMatchObject({ choix: "version", retenue: { colonne: "C" } });
    expect(e(d.total)).toBe("7800.00");
    expect(lues[0].message).toContain("D « Montant initial » (Devis!D1, somme 7 000,00 €) n'est pas comptée");
  });
});

describe("« Coût définitif » n'est pas une révision du devis", () => {
  it("« Budget | Coût définitif » : le budget est lu, le coût définitif (dépensé) n'est pas une colonne de montant", async () => {
    const { d, lues } = await lire([
      ["Désignation", "Jours", "Budget", "Coût définitif"],
      ["Réalisateur", 10, 4000, 4300],
      ["Monteur", 12, 3600, 3500],
    ]);
    expect(e(d.total)).toBe("7600.00");
    expect(d.conservation?.colonne).toBe("C");
    expect(d.colonneMontant).toBeUndefined();
    // Not a version of the devis, but named with its sum (before: not a word).
    expect(d.colonnesNonLues).toEqual([
      { colonne: "D", cellule: "Devis!D1", entete: "Coût définitif", nature: "realise", somme: 780000 },
    ]);
    expect(lues.map((l) => [l.gravite, l.cellule])).toEqual([["info", "Devis!C1"]]);
    expect(lues[0].message).toContain(
      "D « Coût définitif » (Devis!D1, somme 7 800,00 €) : le réalisé se compare au devis",
    );
  });
});

describe("montants TTC sans colonne hors taxes : une alerte", () => {
  it("« Montant TTC » seul : le devis est lu (il ne l'était pas), en alerte TTC", async () => {
    const { d, lues } = await lire([
      ["Désignation", "Montant TTC"],
      ["Réalisateur", 4800],
      ["Location caméra", 1200],
    ]);
    expect(e(d.total)).toBe("6000.00");
    conserve(d);
    expect(lues).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "alerte",
        cellule: "Devis!B1",
        message:
          "Devis!B1 : la colonne B « Montant TTC » est lue faute de colonne hors taxes : les montants du devis sont " +
          "TTC, alors que le devis CNC, le crédit d'impôt et le plan de financement se comptent hors taxes quand la " +
          "production récupère la TVA. Ajoutez une colonne « Montant HT » (ou renommez l'en-tête si ces montants " +
          "sont en fait hors taxes).",
      },
    ]);
  });

  it("« Montant TTC | TVA 20 % » : le hors taxes des lignes est donné (TTC − TVA), non compté", async () => {
    const { d, lues } = await lire([
      ["Désignation", "Montant TTC", "TVA 20 %"],
      ["Réalisateur", 4800, 800],
      ["Location caméra", 1200, 200],
      ["Total", 6000, 1000],
    ]);
    expect(e(d.total)).toBe("6000.00");
    conserve(d);
    expect(lues).toHaveLength(1);
    expect(lues[0].gravite).toBe("alerte");
    expect(lues[0].message).toContain(
      "« TVA 20 % » (C) n'est pas comptée. Sur les 2 lignes qui en portent, la colonne C « TVA 20 % » donne un hors " +
        "taxes de 5 000,00 € (TTC 6 000,00 € − TVA 1 000,00 €), non compté.",
    );
  });
});

// « Montant | Montant », unlabeled subtotal rows (no text: a subtotal only when its amount adds up). E's subtotals
// add up; G's (6 800 € → 5 000 €, 1 100 € → 900 €) were not updated when two amounts changed, so they add up to
// nothing and would be counted as lines (14 300 € instead of 8 400 €). G, the rightmost, has no total at all.
const SANS_LIBELLE: Cellule[][] = [
  ["Code", "Désignation", "Jours", "Tarif", "Montant", "Montant"],
  ["2", "PERSONNEL"],
  ["2.1", "Réalisateur", 10, 400, 4000, 4000],
  ["2.2", "Chef opérateur", 8, 350, 2800, 3000],
  [null, null, null, null, 6800, 5000],
  ["7", "MOYENS TECHNIQUES"],
  ["7.1", "Location caméra", 5, 220, 1100, 1400],
  [null, null, null, null, 1100, 900],
];

describe("colonnes semblables : la première selon l'en-tête n'a aucun total, les autres sont relues", () => {
  it("F (la plus à droite) lit ses sous-totaux sans libellé comme des lignes, E les prouve : E est lue, et c'est dit", async () => {
    const { d, lues } = await lire(SANS_LIBELLE);
    expect(e(d.total)).toBe("7900.00");
    expect(d.colonneMontant).toMatchObject({
      choix: "totaux",
      retenue: { colonne: "E", totaux: { prouves: 2, nonProuves: [] } },
      ecartees: [
        {
          colonne: "F",
          somme: 1430000,
          totaux: { prouves: 0, nonProuves: ["Devis!F5", "Devis!F8"], commeLignes: ["Devis!F5", "Devis!F8"] },
        },
      ],
    });
    expect(d.conservation).toMatchObject({ colonne: "E", lignes: 790000, totauxProuves: 790000 });
    conserve(d);
    expect(lues).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "info",
        cellule: "Devis!E1",
        message:
          "Devis!E1 : 2 colonnes de montant semblables ; la colonne E « Montant » (Devis!E1, somme 15 800,00 €) est " +
          "lue : ses lignes prouvent ses 2 sous-totaux et totaux (somme ou formule). F « Montant » (Devis!F1, somme " +
          "14 300,00 €) n'est pas comptée : 2 de ses totaux ne sont pas prouvés par ses lignes (Devis!F5, Devis!F8, " +
          "lus comme des lignes alors qu'une autre colonne y prouve un total).",
      },
    ]);
  });

  it("F sans rien sur les lignes de sous-total, E prouvée : rien ne départage, F reste lue, en alerte, les totaux dits", async () => {
    const rows = SANS_LIBELLE.map((r) => [...r]);
    rows[4][5] = null;
    rows[7][5] = null;
    const { d, lues } = await lire(rows);
    expect(e(d.total)).toBe("8400.00");
    expect(d.colonneMontant).toMatchObject({
      choix: "aDroite",
      retenue: { colonne: "F", totaux: { prouves: 0, nonProuves: [] } },
      ecartees: [{ colonne: "E", totaux: { prouves: 2, nonProuves: [] } }],
    });
    conserve(d);
    expect(lues).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "alerte",
        cellule: "Devis!F1",
        message:
          "Devis!F1 : 2 colonnes de montant semblables ; la colonne F « Montant » (Devis!F1, somme 8 400,00 €) est " +
          "lue, la plus à droite. E « Montant » (Devis!E1, somme 15 800,00 €) n'est pas comptée : leurs sous-totaux " +
          "et totaux ne disent pas laquelle est le devis (F : aucun ; E : 2 prouvés par ses lignes) ; vérifiez que " +
          "c'est la bonne, sinon masquez la colonne à écarter ou renommez son en-tête.",
      },
    ]);
  });

  it("aucun total dans aucune colonne : la règle par en-tête, sans bilan de totaux", async () => {
    const { d } = await lire(SANS_LIBELLE.filter((r) => r[1] !== null));
    expect(d.colonneMontant?.choix).toBe("aDroite");
    expect(d.colonneMontant?.retenue.totaux).toBeUndefined();
    expect(d.colonneMontant?.ecartees[0].totaux).toBeUndefined();
  });
});

// « Montant HT | TVA | Montant TTC »: the HT subtotal of chapter 2 typed wrong (6 500 € for 6 800 €), the TTC
// column right everywhere.
const HT_TTC: Cellule[][] = [
  ["Code", "Désignation", "Jours", "Tarif", "Montant HT", "TVA", "Montant TTC"],
  ["2", "PERSONNEL"],
  ["2.1", "Réalisateur", 10, 400, 4000, 800, 4800],
  ["2.2", "Chef opérateur", 8, 350, 2800, 560, 3360],
  [null, "Sous-total personnel", null, null, 6500, 1300, 8160],
  ["7", "MOYENS TECHNIQUES"],
  ["7.1", "Location caméra", 5, 220, 1100, 220, 1320],
  [null, "Sous-total moyens techniques", null, null, 1100, 220, 1320],
  [null, "TOTAL", null, null, 7600, 1520, 9480],
];

describe("HT et TTC : le HT est lu, mais des totaux HT non prouvés quand ceux du TTC le sont sont une alerte", () => {
  it("un sous-total HT faux, le TTC juste : le HT est lu (7 900 €), alerte nommant les deux colonnes et leurs preuves", async () => {
    const { d, lues } = await lire(HT_TTC);
    expect(e(d.total)).toBe("7900.00");
    expect(d.conservation?.colonne).toBe("E");
    conserve(d);
    expect(d.colonneMontant).toMatchObject({
      choix: "taxes",
      retenue: { colonne: "E", nature: "ht", totaux: { prouves: 2, nonProuves: ["Devis!E5"] } },
      ecartees: [
        { colonne: "F", nature: "tva" },
        { colonne: "G", nature: "ttc", totaux: { prouves: 3, nonProuves: [] } },
      ],
    });
    expect(lues).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "alerte",
        cellule: "Devis!E1",
        message:
          "Devis!E1 : la colonne E « Montant HT » (Devis!E1, somme 23 100,00 €) est lue, le devis se comptant hors " +
          "taxes ; mais ses lignes ne prouvent que 2 de ses 3 sous-totaux et totaux (non prouvé : Devis!E5), alors " +
          "que les lignes de la colonne G « Montant TTC » (Devis!G1, somme 28 440,00 €) prouvent ses 3 sous-totaux " +
          "et totaux. Un montant hors taxes mal saisi ou un total non mis à jour ? Vérifiez ces cellules ; le TTC " +
          "n'est pas compté à la place du hors taxes.",
      },
    ]);
  });

  it("un sous-total HT sans libellé qui ne tombe pas juste est lu comme une ligne : l'alerte le nomme", async () => {
    const rows = HT_TTC.slice(0, 8).map((r) => [...r]);
    rows[4] = [null, null, null, null, 5000, 1360, 8160];
    rows[7] = [null, null, null, null, 1100, 220, 1320];
    const { d, lues } = await lire(rows);
    // The HT column counts its unlabeled 5 000 € as a line: said, with the TTC column that proves that row a total.
    expect(e(d.total)).toBe("12900.00");
    expect(d.colonneMontant?.retenue.totaux).toEqual({
      prouves: 1,
      nonProuves: ["Devis!E5"],
      commeLignes: ["Devis!E5"],
    });
    const c = lues.find((x) => x.regle === "colonnes-lues");
    expect(c?.gravite).toBe("alerte");
    expect(c?.message).toContain(
      "ses lignes ne prouvent que 1 de ses 2 sous-totaux et totaux (non prouvé : Devis!E5, lu comme une ligne alors " +
        "que la colonne G y prouve un total), alors que les lignes de la colonne G « Montant TTC » (Devis!G1, somme " +
        "18 960,00 €) prouvent ses 2 sous-totaux et totaux.",
    );
  });

  it("HT et TTC prouvés tous deux : l'information habituelle, les deux bilans dans colonneMontant", async () => {
    const rows = HT_TTC.map((r) => [...r]);
    rows[4][4] = 6800;
    rows[8][4] = 7900;
    const { d, lues } = await lire(rows);
    expect(e(d.total)).toBe("7900.00");
    expect(d.colonneMontant?.retenue.totaux).toEqual({ prouves: 3, nonProuves: [] });
    expect(d.colonneMontant?.ecartees[1].totaux).toEqual({ prouves: 3, nonProuves: [] });
    expect(lues.map((c) => c.gravite)).toEqual(["info"]);
    expect(lues[0].message).toContain("la colonne E « Montant HT » est lue.");
  });
});
