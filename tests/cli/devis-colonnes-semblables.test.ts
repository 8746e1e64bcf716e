import ExcelJS from "exceljs";
import * as path from "path";
import { classeurDevis, remplir, type Cellule } from "../core/devis/outils";
import { devisBinaire as devis, dossierTemporaire } from "../helpers/cli";

/**
 * Issue 10 « rien de perdu, rien de deviné » through the built binary (npm run build:cli): a devis whose header has
 * two amount columns alike (« Montant | Montant », « Montant V1 | Montant V2 ») names the column read and the one
 * not read, with their header cells and sums, in a finding and in `devis.conservation.colonneMontant`.
 */
const dir = dossierTemporaire("prodbook-colonnes-semblables-");
const classeur = (nom: string, rows: Cellule[][], masquees: number[] = []) => classeurDevis(dir(), nom, rows, masquees);

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
type Controle = { regle: string; gravite: string; message: string; cellule: string | null };
const colonnesLues = (j: { controles: Controle[] }) =>
  j.controles.filter((c) => c.regle === "colonnes-lues").map((c) => ({ ...c, message: sp(c.message) }));

// F: the first estimate, G: the amounts the producer kept (F 7 900 €, G 8 400 €).
const DEUX_MONTANTS: Cellule[][] = [
  ["Devis court métrage"],
  ["Code", "Désignation", "Unité", "Jours", "Tarif", "Montant", "Montant"],
  ["1", "Personnel"],
  ["1.1", "Réalisateur", "jour", 10, 400, 4000, 4000],
  ["1.2", "Chef opérateur", "jour", 8, 350, 2800, 3000],
  ["2", "Matériel"],
  ["2.1", "Location caméra", "jour", 5, 220, 1100, 1400],
];

describe("prodbook devis : plusieurs colonnes de montant semblables, la colonne lue est nommée", () => {
  it("« Montant | Montant » : la colonne G (la plus à droite) est lue, F nommée avec sa somme, en alerte", async () => {
    const r = devis(await classeur("montant-montant.xlsx", DEUX_MONTANTS), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("8400.00");
    expect(j.devis.conservation).toMatchObject({
      colonne: "G",
      lu: "8400.00",
      lignes: "8400.00",
      ecart: "0.00",
      nonComptees: [],
      colonneMontant: {
        retenue: { colonne: "G", cellule: "Devis!G2", entete: "Montant", nature: "montant", somme: "8400.00" },
        ecartees: [{ colonne: "F", cellule: "Devis!F2", entete: "Montant", nature: "montant", somme: "7900.00" }],
        choix: "aDroite",
        identiques: false,
      },
    });
    expect(colonnesLues(j)).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "alerte",
        cellule: "Devis!G2",
        message:
          "Devis!G2 : 2 colonnes de montant semblables ; la colonne G « Montant » (Devis!G2, somme 8 400,00 €) est " +
          "lue, la plus à droite. F « Montant » (Devis!F2, somme 7 900,00 €) n'est pas comptée : rien dans le " +
          "classeur ne prouve laquelle est le devis ; vérifiez que c'est la bonne, sinon masquez la colonne à " +
          "écarter ou renommez son en-tête.",
      },
    ]);
    // The text summary says it too, with the conservation line naming the column read.
    const t = sp(devis(await classeur("montant-montant-texte.xlsx", DEUX_MONTANTS)).out);
    expect(t).toContain("Montants lus (colonne G « Montant », lue comme hors taxes ; F « Montant » non comptée)");
    expect(t).toContain("F « Montant » (Devis!F2, somme 7 900,00 €) n'est pas comptée");
  });

  it("« Montant V1 | Montant V2 » : la V2 est lue, la V1 nommée avec sa somme ; un total prouvé sur chaque", async () => {
    const f = await classeur("versions.xlsx", [
      ["Code", "Désignation", "Jours", "Tarif", "Montant V1", "Montant V2"],
      ["1", "Personnel"],
      ["1.1", "Réalisateur", 10, 400, 3500, 4000],
      ["1.2", "Scripte", 8, 250, 2000, 2000],
      [null, "Total", null, null, { formula: "SUM(E3:E4)", result: 5500 }, { formula: "SUM(F3:F4)", result: 6000 }],
    ]);
    const r = devis(f, "--json");
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("6000.00");
    expect(j.devis.conservation).toMatchObject({
      colonne: "F",
      lu: "12000.00",
      lignes: "6000.00",
      totauxProuves: "6000.00",
      ecart: "0.00",
      colonneMontant: {
        retenue: { colonne: "F", cellule: "Devis!F1", entete: "Montant V2", somme: "12000.00" },
        ecartees: [{ colonne: "E", cellule: "Devis!E1", entete: "Montant V1", somme: "11000.00" }],
        choix: "version",
        identiques: false,
      },
    });
    const c = colonnesLues(j);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ gravite: "alerte", cellule: "Devis!F1" });
    expect(c[0].message).toContain(
      "la colonne F « Montant V2 » (Devis!F1, somme 12 000,00 €) est lue, la version la plus récente. " +
        "E « Montant V1 » (Devis!E1, somme 11 000,00 €) n'est pas comptée",
    );
  });

  it("deux colonnes identiques ligne à ligne : une information, pas une alerte", async () => {
    const rows = DEUX_MONTANTS.map((row) =>
      row.length === 7 && typeof row[5] === "number" ? [...row.slice(0, 6), row[5]] : row,
    );
    const j = JSON.parse(devis(await classeur("identiques.xlsx", rows), "--json").out);
    expect(j.devis.total).toBe("7900.00");
    expect(j.devis.conservation.colonneMontant).toMatchObject({ choix: "aDroite", identiques: true });
    expect(colonnesLues(j)).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "info",
        cellule: "Devis!G2",
        message:
          "Devis!G2 : les colonnes F « Montant » (Devis!F2, somme 7 900,00 €) et G « Montant » (Devis!G2, somme " +
          "7 900,00 €) sont identiques ligne à ligne ; la colonne G est lue, une seule fois.",
      },
    ]);
  });

  it("l'autre colonne masquée par le producteur : la visible est lue, la masquée nommée en information", async () => {
    const j = JSON.parse(devis(await classeur("masquee.xlsx", DEUX_MONTANTS, [7]), "--json").out);
    expect(j.devis.total).toBe("7900.00");
    expect(j.devis.conservation).toMatchObject({ colonne: "F", lu: "7900.00", ecart: "0.00" });
    expect(j.devis.conservation.colonneMontant).toMatchObject({
      retenue: { colonne: "F", somme: "7900.00" },
      ecartees: [{ colonne: "G", somme: "8400.00" }],
      choix: "visible",
    });
    const c = colonnesLues(j);
    expect(c.map((x) => x.gravite)).toEqual(["info"]);
    expect(c[0].message).toContain(
      "est lue, la seule visible, les autres étant masquées. G « Montant » (Devis!G2, somme 8 400,00 €)",
    );
  });
});

describe("prodbook devis : parmi des colonnes semblables, celle dont les lignes prouvent les totaux est lue", () => {
  it("« Montant | Montant révisé », sous-totaux de G non mis à jour : F est lue, choix « totaux », info", async () => {
    const r = devis(
      await classeur("montant-revise.xlsx", [
        ["Code", "Désignation", "Unité", "Jours", "Tarif", "Montant", "Montant révisé"],
        ["2", "PERSONNEL"],
        ["2.1", "Réalisateur", "jour", 10, 400, 4000, 4000],
        ["2.2", "Chef opérateur", "jour", 8, 350, 2800, 3000],
        [null, "Sous-total personnel", null, null, null, { formula: "SUM(F3:F4)", result: 6800 }, 6800],
        ["7", "MOYENS TECHNIQUES"],
        ["7.1", "Location caméra", "jour", 5, 220, 1100, 1400],
        [null, "Sous-total moyens techniques", null, null, null, { formula: "F7", result: 1100 }, 1100],
      ]),
      "--json",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("7900.00");
    expect(j.devis.conservation).toMatchObject({ colonne: "F", ecart: "0.00", nonComptees: [] });
    expect(j.devis.colonneMontant).toEqual({
      retenue: {
        colonne: "F",
        cellule: "Devis!F1",
        entete: "Montant",
        nature: "montant",
        somme: "15800.00",
        totaux: { prouves: 2, nonProuves: [] },
      },
      ecartees: [
        {
          colonne: "G",
          cellule: "Devis!G1",
          entete: "Montant révisé",
          nature: "montant",
          somme: "16300.00",
          totaux: { prouves: 0, nonProuves: ["Devis!G5", "Devis!G8"] },
        },
      ],
      choix: "totaux",
      identiques: false,
    });
    expect(colonnesLues(j)).toEqual([
      {
        regle: "colonnes-lues",
        gravite: "info",
        cellule: "Devis!F1",
        message:
          "Devis!F1 : 2 colonnes de montant semblables ; la colonne F « Montant » (Devis!F1, somme 15 800,00 €) est " +
          "lue : ses lignes prouvent ses 2 sous-totaux et totaux (somme ou formule). G « Montant révisé » (Devis!G1, " +
          "somme 16 300,00 €) n'est pas comptée : 2 de ses totaux ne sont pas prouvés par ses lignes (Devis!G5, " +
          "Devis!G8).",
      },
    ]);
  });
});

describe("prodbook devis : la colonne la plus à droite n'a aucun total, les autres sont relues", () => {
  it("G lit comme des lignes les sous-totaux sans libellé que F prouve : F est lue, choix « totaux », dit", async () => {
    const f = await classeur("sans-libelle.xlsx", [
      ["Code", "Désignation", "Unité", "Jours", "Tarif", "Montant", "Montant"],
      ["2", "PERSONNEL"],
      ["2.1", "Réalisateur", "jour", 10, 400, 4000, 4000],
      ["2.2", "Chef opérateur", "jour", 8, 350, 2800, 3000],
      [null, null, null, null, null, 6800, 5000],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Location caméra", "jour", 5, 220, 1100, 1400],
      [null, null, null, null, null, 1100, 900],
    ]);
    const r = devis(f, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // Before, G was read alone (no total of its own): 14 300 €, its two unlabeled subtotals counted as lines.
    expect(j.devis.total).toBe("7900.00");
    expect(j.devis.conservation).toMatchObject({ colonne: "F", ecart: "0.00", nonComptees: [] });
    expect(j.devis.colonneMontant).toMatchObject({
      choix: "totaux",
      retenue: { colonne: "F", somme: "15800.00", totaux: { prouves: 2, nonProuves: [] } },
      ecartees: [
        {
          colonne: "G",
          somme: "14300.00",
          totaux: { prouves: 0, nonProuves: ["Devis!G5", "Devis!G8"], commeLignes: ["Devis!G5", "Devis!G8"] },
        },
      ],
    });
    const phrase =
      "G « Montant » (Devis!G1, somme 14 300,00 €) n'est pas comptée : 2 de ses totaux ne sont pas prouvés par ses " +
      "lignes (Devis!G5, Devis!G8, lus comme des lignes alors qu'une autre colonne y prouve un total).";
    expect(colonnesLues(j).map((c) => [c.gravite, c.message])).toEqual([
      [
        "info",
        "Devis!F1 : 2 colonnes de montant semblables ; la colonne F « Montant » (Devis!F1, somme 15 800,00 €) est " +
          "lue : ses lignes prouvent ses 2 sous-totaux et totaux (somme ou formule). " +
          phrase,
      ],
    ]);
    // The text summary gives the same reason.
    expect(sp(devis(f).out)).toContain(phrase);
  });
});

describe("prodbook devis : HT et TTC, les totaux HT non prouvés quand ceux du TTC le sont", () => {
  it("le HT reste lu ; alerte nommant les deux colonnes et leurs preuves ; totaux des deux dans le JSON", async () => {
    const f = await classeur("ht-ttc-totaux.xlsx", [
      ["Code", "Désignation", "Jours", "Tarif", "Montant HT", "TVA", "Montant TTC"],
      ["2", "PERSONNEL"],
      ["2.1", "Réalisateur", 10, 400, 4000, 800, 4800],
      ["2.2", "Chef opérateur", 8, 350, 2800, 560, 3360],
      [null, "Sous-total personnel", null, null, 6500, 1300, 8160],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Location caméra", 5, 220, 1100, 220, 1320],
      [null, "Sous-total moyens techniques", null, null, 1100, 220, 1320],
      [null, "TOTAL", null, null, 7600, 1520, 9480],
    ]);
    const r = devis(f, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("7900.00");
    expect(j.devis.colonneMontant).toMatchObject({
      choix: "taxes",
      retenue: { colonne: "E", nature: "ht", totaux: { prouves: 2, nonProuves: ["Devis!E5"] } },
      ecartees: [
        { colonne: "F", nature: "tva" },
        { colonne: "G", nature: "ttc", totaux: { prouves: 3, nonProuves: [] } },
      ],
    });
    const c = colonnesLues(j);
    expect(c.map((x) => x.gravite)).toEqual(["alerte"]);
    expect(c[0].message).toContain(
      "la colonne E « Montant HT » (Devis!E1, somme 23 100,00 €) est lue, le devis se comptant hors taxes ; mais ses " +
        "lignes ne prouvent que 2 de ses 3 sous-totaux et totaux (non prouvé : Devis!E5), alors que les lignes de la " +
        "colonne G « Montant TTC » (Devis!G1, somme 28 440,00 €) prouvent ses 3 sous-totaux et totaux.",
    );
    expect(sp(devis(f).out)).toContain("ses lignes ne prouvent que 2 de ses 3 sous-totaux et totaux");
  });
});

describe("prodbook devis : la feuille trouvée est masquée dans le classeur", () => {
  async function avecFeuilleMasquee(nom: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    remplir(wb.addWorksheet("Notes"), [["Notes de production"], ["Tournage en avril"]]);
    const ws = wb.addWorksheet("Budget V3", { state: "hidden" });
    remplir(ws, [
      ["Code", "Désignation", "Jours", "Tarif", "Montant"],
      ["2.1", "Monteur", 20, 260, 5200],
      ["7.1", "Location caméra", 5, 220, 1100],
    ]);
    const f = path.join(dir(), nom);
    await wb.xlsx.writeFile(f);
    return f;
  }

  it("sans --feuille : la feuille masquée lue est nommée dans une information", async () => {
    const j = JSON.parse(devis(await avecFeuilleMasquee("masquee-feuille.xlsx"), "--json").out);
    expect(j.devis.total).toBe("6300.00");
    expect(j.controles.filter((c: Controle) => c.regle === "feuille-lue")).toEqual([
      {
        regle: "feuille-lue",
        gravite: "info",
        cellule: null,
        message:
          "La feuille « Budget V3 » est masquée dans le classeur ; c'est elle qui ressemble le plus à un devis et " +
          "qui est lue. Si le devis est dans une autre feuille, indiquez laquelle lire.",
      },
    ]);
    // Named by the user: nothing to say.
    const nommee = JSON.parse(
      devis(await avecFeuilleMasquee("masquee-nommee.xlsx"), "--json", "--feuille", "Budget V3").out,
    );
    expect(nommee.devis.total).toBe("6300.00");
    expect(nommee.controles.filter((c: Controle) => c.regle === "feuille-lue")).toEqual([]);
  });
});
