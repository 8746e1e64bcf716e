import ExcelJS from "exceljs";
import * as path from "path";
import {
  type CelluleDevis,
  type ConstatJson,
  controlesJson,
  devisBinaire,
  dossierTemporaire,
  type DevisJsonLu,
} from "../helpers/cli";

/**
 * Producer-style workbooks the devis import had not been tried on (issue 10): two blocks side by side with headers of
 * their own, a block right of the table on another row, subtotal formulas that skip a line or count a subtotal twice,
 * a SUBTOTAL over a filtered row, a hidden amount column, text amounts in every writing, credit notes and percentages
 * in the amount column, a line taking its amount from another sheet. Each is a real .xlsx written by ExcelJS and read
 * by the built binary (`node bin/prodbook.js devis … --json`): conservation lu = lignes + totauxProuves + nonPlaces +
 * listes with an écart of 0,00, and every amount not counted named by a finding with its cell.
 */
const dossier = dossierTemporaire("prodbook-devis-audit-");

interface Lu extends DevisJsonLu {
  conservation: DevisJsonLu["conservation"] & { nonPlaces: string; nonComptees: unknown[] };
  horsTableau?: { colonne: string; cellules: number; premiere: string; derniere: string; somme: string }[];
  colonneMontantMasquee?: { colonne: string; cellule: string; entete: string; somme: string };
  masquees?: { cellule: string; montant: string; nature: string }[];
  remisesSansMontant?: { cellule: string; libelle: string; pourcentage: string }[];
}

/** Writes « Devis » (then `preparer` on the sheet and workbook), runs the binary: the devis and its findings. */
async function devis(
  fichier: string,
  lignes: CelluleDevis[][],
  preparer?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  for (const l of lignes) ws.addRow(l);
  preparer?.(ws, wb);
  const f = path.join(dossier(), fichier);
  await wb.xlsx.writeFile(f);
  const r = devisBinaire(f, "--json");
  expect([r.code, r.err]).toEqual([0, ""]);
  const j = JSON.parse(r.out) as { devis: Lu };
  return { d: j.devis, controles: controlesJson(r.out) };
}

/** Messages write euros with narrow no-break spaces: compared with plain spaces. */
const espaces = (m: string) => m.replace(/[\u00a0\u202f]/g, " ");
/** The findings of `regles`, as [code, gravité, cellule, message]. */
const constats = (controles: ConstatJson[], ...regles: string[]) =>
  controles.filter((c) => regles.includes(c.regle)).map((c) => [c.regle, c.gravite, c.cellule, espaces(c.message)]);

const F = (formula: string, result: number) => ({ formula, result });
const H = ["Code", "Désignation", "Montant"];
/** Every cell of the amount column is exactly one of a line, a proven total, an unplaced line or a listed item. */
const conserve = (d: Lu) => {
  const c = d.conservation;
  const cents = (s: string) => Math.round(Number(s) * 100);
  expect(cents(c.lu)).toBe(cents(c.lignes) + cents(c.totauxProuves) + cents(c.nonPlaces) + cents(c.listes));
  expect([c.ecart, c.nonComptees]).toEqual(["0.00", []]);
};

describe("deux blocs côte à côte, chacun son en-tête : le second nommé, jamais lu avec les libellés du premier", () => {
  it("« Code | Désignation | Montant | | Poste | Coût » (avant : Coût lu, 1 200 € sous « Réalisateur », 8 000 € écartés)", async () => {
    const { d, controles } = await devis("blocs-autre-entete.xlsx", [
      ["Code", "Désignation", "Montant", null, "Poste", "Coût"],
      ["21", "Réalisateur", 5000, null, "Location caméra", 1200],
      ["22", "Chef monteur", 3000, null, "Transport", 800],
      [null, "Total", F("SUM(C2:C3)", 8000), null, "Total", F("SUM(F2:F3)", 2000)],
    ]);
    expect([d.total, d.lignes, d.conservation.colonne]).toEqual(["8000.00", 2, "C"]);
    expect(d.conservation).toMatchObject({ lu: "16000.00", lignes: "8000.00", totauxProuves: "8000.00" });
    conserve(d);
    expect(d.colonnesNonLues).toEqual([
      {
        colonne: "F",
        cellule: "Devis!F1",
        entete: "Coût",
        nature: "secondBloc",
        somme: "4000.00",
        bloc: {
          debut: "E",
          fin: "F",
          premier: { debut: "A", fin: "C" },
          cellules: 3,
          premiere: "Devis!F2",
          derniere: "Devis!F4",
          autreEntete: true,
        },
      },
    ]);
    expect(constats(controles, "colonnes-lues")).toEqual([
      [
        "colonnes-lues",
        "alerte",
        "Devis!F1",
        "Devis!F1 : un second bloc (colonnes E à F) a son propre en-tête, à droite de celui du devis sur la même ligne : " +
          "il n'est pas lu ; ses montants (colonne F « Coût », 3 cellules, Devis!F2 à Devis!F4, somme 4 000,00 €) ne " +
          "sont pas comptés ; seul le premier bloc (colonnes A à C) est lu comme le devis. Mettez les deux blocs l'un " +
          "sous l'autre pour qu'ils soient lus.",
      ],
    ]);
  });

  it("un bloc à droite dont l'en-tête est deux lignes plus bas (avant : 2 000 € perdus sans un mot)", async () => {
    const { d, controles } = await devis("bloc-decale.xlsx", [
      H,
      ["21", "Réalisateur", 5000, null, "Hors devis"],
      ["22", "Chef monteur", 3000, null, "Poste", "Coût"],
      [null, "Total", F("SUM(C2:C3)", 8000), null, "Caméra", 1200],
      [null, null, null, null, "Transport", 800],
    ]);
    expect([d.total, d.lignes]).toEqual(["8000.00", 2]);
    expect(d.conservation).toMatchObject({ lu: "16000.00", lignes: "8000.00", totauxProuves: "8000.00" });
    conserve(d);
    expect(d.horsTableau).toEqual([
      { colonne: "F", cellules: 2, premiere: "Devis!F4", derniere: "Devis!F5", somme: "2000.00" },
    ]);
    expect(constats(controles, "colonnes-lues")).toEqual([
      [
        "colonnes-lues",
        "alerte",
        "Devis!F4",
        "Devis!F4 : la colonne F, à droite du tableau du devis et sous aucun de ses en-têtes, tient des montants " +
          "(2 cellules, Devis!F4 à Devis!F5, somme 2 000,00 €) : ils ne sont pas lus comme le devis. S'ils en font " +
          "partie, mettez-les dans le tableau, sous son en-tête, puis relancez.",
      ],
    ]);
  });
});

describe("sous-totaux dont la formule saute une ligne ou compte un sous-total deux fois : les cellules nommées", () => {
  const lignes = (sousTotal: CelluleDevis, total: CelluleDevis): CelluleDevis[][] => [
    H,
    ["21", "Réalisateur", 5000],
    ["22", "Chef monteur", 3000],
    ["23", "Monteur", 2000],
    [null, "Sous-total", sousTotal],
    ["31", "Acteur", 4000],
    [null, "Total", total],
  ];

  it("=SUM(C2:C3) au-dessus de C4 : la ligne C4 comptée une fois dans le devis, nommée comme omise", async () => {
    const { d, controles } = await devis("saut.xlsx", lignes(F("SUM(C2:C3)", 8000), F("SUM(C2:C3,C6)", 12000)));
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
      ["2", "10000.00"],
      ["3", "4000.00"],
    ]);
    expect(d.conservation).toMatchObject({ lu: "34000.00", lignes: "14000.00", totauxProuves: "20000.00" });
    conserve(d);
    expect(constats(controles, "sous-total-producteur", "total-producteur").map((c) => c[3])).toEqual([
      "Devis!C5 : Le sous-total du producteur « Sous-total » indique 8 000,00 € mais les 3 lignes qu'il couvre " +
        "totalisent 10 000,00 € (écart −2 000,00 €). Sa formule =SUM(C2:C3) omet 1 ligne : Devis!C4 (2 000,00 €) : " +
        "c'est tout l'écart.",
      "Devis!C7 : Le total du producteur « Total » indique 12 000,00 € mais les 4 lignes qu'il couvre totalisent " +
        "14 000,00 € (écart −2 000,00 €). Sa formule =SUM(C2:C3,C6) omet 1 ligne : Devis!C4 (2 000,00 €) : c'est " +
        "tout l'écart.",
    ]);
  });

  it("=C5+C6 reprend un sous-total faux : l'écart rapporté à C5, sans ligne dite omise", async () => {
    const { d, controles } = await devis("reprise.xlsx", lignes(F("C2+C4", 7000), F("C5+C6", 11000)));
    expect(d.total).toBe("14000.00");
    conserve(d);
    expect(constats(controles, "sous-total-producteur", "total-producteur").map((c) => c[3])).toEqual([
      "Devis!C5 : Le sous-total du producteur « Sous-total » indique 7 000,00 € mais les 3 lignes qu'il couvre " +
        "totalisent 10 000,00 € (écart −3 000,00 €). Sa formule =C2+C4 omet 1 ligne : Devis!C3 (3 000,00 €) : " +
        "c'est tout l'écart.",
      "Devis!C7 : Le total du producteur « Total » indique 11 000,00 € mais les 4 lignes qu'il couvre totalisent " +
        "14 000,00 € (écart −3 000,00 €). Sa formule =C5+C6 reprend le sous-total Devis!C5, faux de −3 000,00 € : " +
        "c'est tout l'écart.",
    ]);
  });

  it("=SUM(C2:C6) compte le sous-total C5 en plus de ses lignes : le double compte nommé", async () => {
    const { d, controles } = await devis("double.xlsx", lignes(F("SUM(C2:C4)", 10000), F("SUM(C2:C6)", 24000)));
    expect(d.total).toBe("14000.00");
    expect(d.conservation).toMatchObject({ lu: "48000.00", lignes: "14000.00", totauxProuves: "34000.00" });
    conserve(d);
    expect(constats(controles, "sous-total-producteur", "total-producteur").map((c) => c[3])).toEqual([
      "Devis!C7 : Le total du producteur « Total » indique 24 000,00 € mais les 4 lignes qu'il couvre totalisent " +
        "14 000,00 € (écart 10 000,00 €). Sa formule =SUM(C2:C6) compte aussi, en plus de leurs lignes, Devis!C5 " +
        "(10 000,00 €) : c'est tout l'écart.",
    ]);
  });

  it("SUBTOTAL(9, …) sur un tableau filtré : la ligne masquée comptée dans le devis, nommée par le total", async () => {
    const { d, controles } = await devis(
      "filtre.xlsx",
      [
        H,
        ["21", "Réalisateur", 5000],
        ["22", "Chef monteur", 3000],
        ["23", "Monteur", 2000],
        [null, "Total", F("SUBTOTAL(9,C2:C4)", 7000)],
      ],
      (ws) => {
        ws.autoFilter = "A1:C4";
        ws.getRow(3).hidden = true;
      },
    );
    expect(d.total).toBe("10000.00");
    expect(d.masquees).toEqual([{ cellule: "Devis!C3", libelle: "Chef monteur", montant: "3000.00", nature: "ligne" }]);
    conserve(d);
    expect(constats(controles, "total-producteur").map((c) => c[3])).toEqual([
      "Devis!C5 : Le total du producteur « Total » indique 7 000,00 € mais les 3 lignes qu'il couvre totalisent " +
        "10 000,00 € (écart −3 000,00 €). Sa formule =SUBTOTAL(9,C2:C4) ne compte pas les lignes masquées " +
        "(SOUS.TOTAL) : Devis!C3 (3 000,00 €), comptées dans le devis : c'est tout l'écart.",
    ]);
  });
});

describe("colonnes masquées, fusions, autres feuilles", () => {
  it("la seule colonne « Montant », masquée : lue et dite masquée (avant : comptée sans un mot)", async () => {
    const { d, controles } = await devis(
      "montant-masque.xlsx",
      [
        ["Code", "Désignation", "Quantité", "Taux", "Montant"],
        ["21", "Réalisateur", 10, 500, 5000],
        ["22", "Chef monteur", 5, 600, 3000],
      ],
      (ws) => {
        ws.getColumn(5).hidden = true;
      },
    );
    expect(d.total).toBe("8000.00");
    conserve(d);
    expect(d.colonneMontantMasquee).toEqual({
      colonne: "E",
      cellule: "Devis!E1",
      entete: "Montant",
      somme: "8000.00",
    });
    expect(constats(controles, "colonnes-lues")).toEqual([
      [
        "colonnes-lues",
        "alerte",
        "Devis!E1",
        "Devis!E1 : la colonne E « Montant », lue comme le montant du devis, est masquée dans la feuille : les lignes " +
          "lues dans cette colonne (somme 8 000,00 €) sont comptées sans être visibles. Affichez-la pour les vérifier.",
      ],
    ]);
  });

  it("montant fusionné sur deux lignes, montant pris dans une autre feuille : chacun compté une fois", async () => {
    const { d, controles } = await devis(
      "fusion-autre-feuille.xlsx",
      [
        H,
        ["21", "Réalisateur", F("Détail!B2", 5000)],
        ["22", "Chef monteur", 3000],
        ["23", "Monteur", null],
        ["24", "Mixeur", 800],
        [null, "Total", F("SUM(C2:C5)", 8800)],
      ],
      (ws, wb) => {
        ws.mergeCells("C3:C4");
        const detail = wb.addWorksheet("Détail");
        detail.addRow(["Poste", "Montant"]);
        detail.addRow(["Réalisateur", 5000]);
      },
    );
    expect([d.total, d.lignes]).toEqual(["8800.00", 3]);
    expect(d.conservation).toMatchObject({ lu: "17600.00", lignes: "8800.00", totauxProuves: "8800.00" });
    conserve(d);
    expect(constats(controles, "montant-illisible", "total-producteur")).toEqual([
      [
        "montant-illisible",
        "info",
        "Devis!C4",
        "Devis!C4 « Monteur » : la cellule du montant est fusionnée avec Devis!C3, dont le montant est compté une " +
          "fois, sur sa propre ligne ; cette ligne n'est pas calculée à part.",
      ],
    ]);
  });
});

describe("montants écrits en texte, avoirs, remises et pourcentages dans la colonne des montants", () => {
  it("« 1 234,56 € » (U+00A0, U+202F, U+2009), « 1'234.50 », « € 1 234 », « (1 234,00) », « 1 234,00- » : exacts", async () => {
    const { d, controles } = await devis("textes.xlsx", [
      H,
      ["21", "A", "1\u00a0234,56\u00a0€"],
      ["22", "B", "1\u202f234,56 €"],
      ["23", "C", "1'234.50"],
      ["24", "D", "€ 1 234"],
      ["25", "E", "(1 234,00)"],
      ["26", "F", "-1 234,00 €"],
      ["27", "G", "1 234,00-"],
      ["28", "H", "1\u2009234,56"],
    ]);
    // 3 × 1 234,56 + 1 234,50 + 1 234 − 3 × 1 234 = 2 470,18.
    expect([d.total, d.lignes]).toEqual(["2470.18", 8]);
    expect(d.conservation).toMatchObject({ lu: "2470.18", lignes: "2470.18", listes: "0.00" });
    conserve(d);
    expect(controles.filter((c) => c.regle.startsWith("montant"))).toEqual([]);
  });

  it("avoir et remise négatifs comptés ; « 15 % » et « -10 % » en montant nommés, jamais lus en euros", async () => {
    const { d, controles } = await devis("avoirs.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      ["22", "Avoir fournisseur", -500],
      ["23", "Remise -10 %", -450],
      ["25", "Frais", "15 %"],
      ["26", "Remise", "-10 %"],
      [null, "Total", F("SUM(C2:C6)", 4050)],
    ]);
    expect([d.total, d.lignes]).toEqual(["4050.00", 3]);
    expect(d.conservation).toMatchObject({ lu: "8100.00", lignes: "4050.00", totauxProuves: "4050.00" });
    conserve(d);
    expect(constats(controles, "montant-illisible")).toEqual([
      [
        "montant-illisible",
        "alerte",
        "Devis!C5",
        "Devis!C5 « Frais » : « 15 % » n'est pas un montant ; la ligne n'est pas comptée.",
      ],
      [
        "montant-illisible",
        "alerte",
        "Devis!C6",
        "Devis!C6 « Remise » : « -10 % » n'est pas un montant ; la ligne n'est pas comptée.",
      ],
    ]);
  });
});

describe('« Montant (k€) » sur des nombres que leur format affiche déjà en milliers (« #,##0,"k€" »)', () => {
  const format = '#,##0,"k€"';
  it("50 000 affiché « 50k€ » : des euros, jamais multipliés (avant : 50 000 000,00 € par ligne)", async () => {
    const { d, controles } = await devis(
      "format-milliers.xlsx",
      [
        ["Code", "Désignation", "Montant (k€)"],
        ["21", "Réalisateur", 50000],
        ["22", "Chef monteur", 12500],
      ],
      (ws) => {
        ws.getCell("C2").numFmt = format;
        ws.getCell("C3").numFmt = format;
      },
    );
    expect([d.total, d.lignes]).toEqual(["62500.00", 2]);
    expect(d.conservation).toMatchObject({ lu: "62500.00", lignes: "62500.00" });
    conserve(d);
    expect(d.uniteMilliers).toBeUndefined();
    expect(constats(controles, "unite-milliers", "montant-devise")).toEqual([]);
  });

  it("une cellule au format « #,##0, », l'autre saisie en k€ : seule la seconde × 1 000, la première nommée", async () => {
    const { d, controles } = await devis(
      "format-milliers-mixte.xlsx",
      [
        ["Code", "Désignation", "Montant (k€)"],
        ["21", "Réalisateur", 50000],
        ["22", "Chef monteur", 12.5],
      ],
      (ws) => {
        ws.getCell("C2").numFmt = format;
      },
    );
    expect(d.total).toBe("62500.00");
    conserve(d);
    expect(d.uniteMilliers).toMatchObject({ cellules: 1, enEurosParFormat: { cellules: 1, premiere: "Devis!C2" } });
    expect(constats(controles, "unite-milliers").map((c) => c[3])).toEqual([
      "Devis!C1 « Montant (k€) » : cet en-tête dit que les montants de la colonne C sont en milliers d'euros ; ils " +
        "sont lus × 1 000 pour compter le devis en euros (1 cellule, ex. Devis!C3 : 12,5 → 12 500,00 €) ; Devis!C2 " +
        "tient des euros que son format affiche en milliers (« #,##0, ») : elle n'est pas multipliée. Si ces montants " +
        "sont déjà en euros, retirez cette mention de la feuille et relancez.",
    ]);
  });
});

describe("une remise en pourcentage sans montant sous le total", () => {
  it("« Remise -10 % » sans montant : ni calculée ni tue (avant : 1 000,00 € de remise ignorés sans un mot)", async () => {
    const { d, controles } = await devis("remise-sans-montant.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      ["31", "Acteur", 5000],
      [null, "Total", F("SUM(C2:C3)", 10000)],
      [null, "Remise -10 %", null],
    ]);
    expect(d.total).toBe("10000.00");
    expect(d.conservation).toMatchObject({ lu: "20000.00", lignes: "10000.00", totauxProuves: "10000.00" });
    // The discount in the JSON too (additive field): the cell of its label, its rate as a decimal string.
    expect(d.remisesSansMontant).toEqual([{ cellule: "Devis!B5", libelle: "Remise -10 %", pourcentage: "0.1" }]);
    conserve(d);
    expect(constats(controles, "montant-pourcentage")).toEqual([
      [
        "montant-pourcentage",
        "alerte",
        "Devis!B5",
        "Devis!B5 « Remise -10 % » : une remise de 10 % sans montant n'est ni calculée ni comptée (rien ne dit sur " +
          "quoi elle porte) ; le total du devis ne la déduit pas. Saisissez son montant (négatif) dans la colonne des " +
          "montants, puis relancez.",
      ],
    ]);
  });
});

describe("un devis sur deux feuilles : la feuille non lue nommée avec ses montants", () => {
  it("« Devis » lue, « Devis (suite) » au même en-tête (avant : 4 000,00 € ignorés sans un mot)", async () => {
    const { d, controles } = await devis("deux-feuilles.xlsx", [H, ["21", "Réalisateur", 5000]], (_ws, wb) => {
      const suite = wb.addWorksheet("Devis (suite)");
      suite.addRow(H);
      suite.addRow(["31", "Acteur", 4000]);
      const notes = wb.addWorksheet("Notes");
      notes.addRow(["Désignation", "Montant", "Code"]);
      notes.addRow(["Pour mémoire", 999, "x"]);
    });
    expect(d.total).toBe("5000.00");
    conserve(d);
    expect((d as Lu & { autresFeuilles?: unknown }).autresFeuilles).toEqual([
      { feuille: "Devis (suite)", cellule: "'Devis (suite)'!C1", cellules: 1, somme: "4000.00" },
    ]);
    expect(constats(controles, "feuille-lue")).toEqual([
      [
        "feuille-lue",
        "alerte",
        "'Devis (suite)'!C1",
        "La feuille « Devis (suite) » ressemble aussi à un devis et tient des montants ('Devis (suite)'!C1 et " +
          "dessous : 1 cellule, somme 4 000,00 €) ; elle n'est pas lue : seule la feuille « Devis » l'est. Si elle " +
          "fait partie du devis, réunissez les deux feuilles en une ; si c'est elle le devis, indiquez-la comme " +
          "feuille à lire.",
      ],
    ]);
  });
});

describe("un montant saisi en texte avec son unité (« 50 k€ ») : nommé, et lu par la conservation à sa valeur", () => {
  it("« 50 k€ », « 12,5 kEUR HT », « 12.500 k€ » (à la française) et un total « 17,5 k€ » (avant : hors de lu, 0 cellule listée)", async () => {
    const { d, controles } = await devis("texte-k-euros.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      ["22", "Chef monteur", "50 k€"],
      ["23", "Monteur", "1 234,56 €"],
      ["24", "Scripte", "12,5 kEUR HT"],
      ["25", "Mixeur", "12.500 k€"],
      [null, "Total", "17,5 k€"],
    ]);
    expect([d.total, d.lignes]).toEqual(["6234.56", 2]);
    // 5 000 + 1 234,56 placés ; 50 000 + 12 500 + 12 500 000 + 17 500 listés à leur valeur (« 12.500 » lu à la
    // française, la convention que la feuille prouve par « 1 234,56 € » et « 12,5 »).
    expect(d.conservation).toMatchObject({
      lu: "12586234.56",
      lignes: "6234.56",
      totauxProuves: "0.00",
      nonPlaces: "0.00",
      listes: "12580000.00",
      cellules: { lues: 6, lignes: 2, totauxProuves: 0, nonPlaces: 0, listees: 4 },
    });
    conserve(d);
    expect(constats(controles, "montant-illisible").map((c) => c[2])).toEqual([
      "Devis!C3",
      "Devis!C5",
      "Devis!C6",
      "Devis!C7",
    ]);
    // The finding says what was read in the cell (was: « n'est pas un montant »).
    expect(constats(controles, "montant-illisible")[0][3]).toBe(
      "Devis!C3 « Chef monteur » : « 50 k€ » se lit 50 000,00 € (en milliers d'euros), mais un montant " +
        "écrit avec son unité n'est pas compté sans vérification : la ligne n'est pas comptée. Écrivez ce montant en " +
        "euros dans la cellule, puis relancez.",
    );
    // « 12.500 k€ »: read with the French convention the sheet proves, as conservation reads it.
    expect(constats(controles, "montant-illisible")[2][3]).toContain("« 12.500 k€ » se lit 12 500 000,00 €");
  });
});

describe("« (3 k€) », une autre devise, un tarif dans la colonne des montants : lus, listés, chacun nommé", () => {
  it("« (3 k€) », « 1 500 USD », « 2 000 $ », « 900 £ », « 1 200 CHF », « 50 €/jour », « 300 €/sem » (avant : hors de lu)", async () => {
    const { d, controles } = await devis("devises-tarifs.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      ["22", "Avoir montage", "(3 k€)"],
      ["23", "Compositeur", "1 500 USD"],
      ["24", "Drone", "2 000 $"],
      ["25", "Archives BBC", "900 £"],
      ["26", "Laboratoire", "1 200 CHF"],
      ["27", "Régisseur", "50 €/jour"],
      ["28", "Loueur", "300 €/sem"],
      [null, "Total", F("SUM(C2:C9)", 5000)],
    ]);
    expect([d.total, d.lignes]).toEqual(["5000.00", 1]);
    // 5 000 placés, total prouvé (SUM) ; −3 000 + 50 + 300 listés à leur valeur ; les devises lues et listées, jamais
    // sommées en euros.
    expect(d.conservation).toMatchObject({
      lu: "7350.00",
      lignes: "5000.00",
      totauxProuves: "5000.00",
      nonPlaces: "0.00",
      listes: "-2650.00",
      cellules: { lues: 9, lignes: 1, totauxProuves: 1, nonPlaces: 0, listees: 7 },
    });
    conserve(d);
    expect((d.conservation as { enDevise?: unknown }).enDevise).toEqual([
      { cellule: "Devis!C4", texte: "1 500 USD", devise: "dollars US" },
      { cellule: "Devis!C5", texte: "2 000 $", devise: "dollars" },
      { cellule: "Devis!C6", texte: "900 £", devise: "livres sterling" },
      { cellule: "Devis!C7", texte: "1 200 CHF", devise: "francs suisses" },
    ]);
    // « (3 k€) » says what was read (was: « n'est pas un montant »).
    expect(constats(controles, "montant-illisible").map((c) => [c[2], c[3]])).toEqual([
      [
        "Devis!C3",
        "Devis!C3 « Avoir montage » : « (3 k€) » se lit −3 000,00 € (en milliers d'euros, entre parenthèses : " +
          "négatif), mais un montant écrit avec son unité n'est pas compté sans vérification : la ligne n'est pas " +
          "comptée. Écrivez ce montant en euros dans la cellule, puis relancez.",
      ],
    ]);
    // Another currency: its own code, montant-devise (was montant-illisible).
    expect(constats(controles, "montant-devise").map((c) => [c[2], c[3]])).toEqual(
      [
        ["C4", "Compositeur", "1 500 USD", "dollars US"],
        ["C5", "Drone", "2 000 $", "dollars"],
        ["C6", "Archives BBC", "900 £", "livres sterling"],
        ["C7", "Laboratoire", "1 200 CHF", "francs suisses"],
      ].map(([c, l, t, n]) => [
        `Devis!${c}`,
        `Devis!${c} « ${l} » : « ${t} » est en ${n} ; Prodbook compte en euros et n'applique aucun taux de change : ` +
          "la ligne n'est pas comptée. Convertissez-le ou indiquez le montant en euros, puis relancez.",
      ]),
    );
    // The text summary names the cells in another currency too (plural, cells without the sheet).
    const texte = devisBinaire(path.join(dossier(), "devises-tarifs.xlsx"));
    expect(espaces(texte.out)).toContain(
      "Montants lus (colonne C) : 7 350,00 € = lignes placées 5 000,00 € + totaux prouvés 5 000,00 € + non placés " +
        "0,00 € + listés −2 650,00 € ; écart 0,00 €. 4 cellules dans une autre devise, listées sans montant en euros : " +
        "C4, C5, C6, C7.",
    );
    const conseil =
      "la ligne n'est pas comptée. Écrivez le montant de la ligne, ou le tarif dans la colonne du tarif et le nombre " +
      "dans celle de la quantité, puis relancez.";
    expect(constats(controles, "montant-tarif")).toEqual([
      [
        "montant-tarif",
        "alerte",
        "Devis!C8",
        `Devis!C8 « Régisseur » : « 50 €/jour » est un tarif (50,00 € par jour), pas le montant de la ligne ; ${conseil}`,
      ],
      [
        "montant-tarif",
        "alerte",
        "Devis!C9",
        `Devis!C9 « Loueur » : « 300 €/sem » est un tarif (300,00 € par semaine), pas le montant de la ligne ; ${conseil}`,
      ],
    ]);
  });
});

describe("nombres sous une colonne non lue (« Budget N-1 ») : JSON, résumé texte, constat", () => {
  it("horsColonnes par colonne dans devis.conservation, le résumé les nomme, la conservation reste à 0,00", async () => {
    const { d, controles } = await devis("budget-n-1.xlsx", [
      ["Code", "Désignation", "Montant", "Budget N-1"],
      ["21", "Réalisateur", 5000, 4800],
      ["22", "Monteur", 2500, "2 300,00 €"],
      [null, "Total", F("SUM(C2:C3)", 7500), 7100],
    ]);
    expect(d.total).toBe("7500.00");
    conserve(d);
    expect((d.conservation as { horsColonnes?: unknown }).horsColonnes).toEqual([
      { colonne: "D", entete: "Budget N-1", cellule: "Devis!D1", nombres: 3, total: "14200.00" },
    ]);
    expect(constats(controles, "colonnes-lues").map((c) => c.slice(1, 3))).toEqual([["alerte", "Devis!D1"]]);
    const texte = devisBinaire(path.join(dossier(), "budget-n-1.xlsx"));
    expect(espaces(texte.out)).toContain(
      "écart 0,00 €. Nombres hors des colonnes lues, non comptés : colonne D « Budget N-1 » 3 nombres (14 200,00 €).",
    );
  });
});
