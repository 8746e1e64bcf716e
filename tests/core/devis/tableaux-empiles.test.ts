import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { completerConservation, conservationRespectee } from "../../../src/core/devis/conservation";
import { centsToDecimalString, type Cents } from "../../../src/core/money/cents";
import { texteConservation } from "../../../src/core/devis/feuilleControles";
import { titreConstat } from "../../../src/core/controles/titres";
import { feuilleXlsx, type Cellule } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);

/** « Préparation » under the first header (rows 1–5), blank rows down to row 45, then a second table from row 46. */
function deuxTableaux(second: Cellule[][]): Cellule[][] {
  const rows: Cellule[][] = [
    ["Code", "Désignation", "Qté", "Tarif", "Montant"],
    ["1", "PRÉPARATION"],
    ["", "Repérages", 2, 500, 1000],
    ["", "Casting", 1, 800, 800],
    ["", "Bureau de production", null, null, 450],
  ];
  while (rows.length < 45) rows.push([]);
  return [...rows, ...second];
}

/** Cells of the lines read, with their label and amount. */
const lues = (d: ReturnType<typeof importerDevis>) =>
  d.lignes.map((l) => [l.source.cellules.montant, l.libelle, e(l.montant)]);

describe("deux tableaux empilés dans la feuille, chacun avec sa ligne d'en-tête", () => {
  it("un second en-tête aux colonnes différentes : ses lignes sont lues selon ses colonnes, rien n'est deviné", async () => {
    // Before: « Caméra » was read as a line labelled « 3 » of 3 000 000,00 € (Qté × « Tarif » taken from the
    // « Montant » column) and « Régie » (700 €, under « Tarif ») lost, with a conservation gap of 0 all the same.
    const s = await feuilleXlsx(
      "Devis",
      deuxTableaux([
        ["Poste", "Qté", "Tarif", "Montant"],
        ["Caméra", 3, 1000, 3000],
        ["Lumière", 3, 500, 1500],
        ["Régie", null, null, 700],
        ["TOTAL TOURNAGE", null, null, { formula: "SUM(D47:D49)", result: 5200 }],
      ]),
    );
    const d = importerDevis(s);
    expect(lues(d)).toEqual([
      ["Devis!E3", "Repérages", "1000.00"],
      ["Devis!E4", "Casting", "800.00"],
      ["Devis!E5", "Bureau de production", "450.00"],
      ["Devis!D47", "Caméra", "3000.00"],
      ["Devis!D48", "Lumière", "1500.00"],
      ["Devis!D49", "Régie", "700.00"],
    ]);
    expect(d.lignes.find((l) => l.libelle === "Caméra")).toMatchObject({ quantite: "3", taux: "1000" });
    expect(d.totauxProducteur.map((t) => [t.cellule, e(t.montant), t.preuve])).toEqual([
      ["Devis!D50", "5200.00", "formule"],
    ]);
    expect(e(d.total)).toBe("7450.00");
    const c = d.conservation!;
    expect([e(c.lu), e(c.lignes), e(c.totauxProuves), e(c.nonPlaces), e(c.listes), e(c.ecart)]).toEqual([
      "12650.00",
      "7450.00",
      "5200.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
    expect(c.cellules.lues).toBe(7);
    expect(texteConservation(c)).toBe(
      "Montants lus (colonne E sous l'en-tête en A1, colonne D sous l'en-tête en A46) : 12\u202f650,00\u00a0€ = " +
        "lignes placées 7\u202f450,00\u00a0€ + totaux prouvés 5\u202f200,00\u00a0€ + non placés 0,00\u00a0€ + " +
        "listés 0,00\u00a0€ ; écart 0,00\u00a0€.",
    );
    expect(c.tableaux).toEqual([
      { cellule: "Devis!A1", colonne: "E" },
      { cellule: "Devis!A46", colonne: "D" },
    ]);
    const constats = controlerDevis(d, "2026-01-15");
    expect(conservationRespectee(completerConservation(c, constats))).toBe(true);
    const info = constats.filter((k) => k.regle === "nouvel-entete");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ gravite: "info", cellule: "Devis!A46" });
    expect(info[0].message).toMatch(
      /^En-tête répété en A46 avec d'autres colonnes \(« Poste \| Qté \| Tarif \| Montant »\)/,
    );
    expect(info[0].message).toContain("libellé en A, quantité en B, taux en C, montant en D");
    expect(info[0].message).toContain("3\u00a0lignes lues dessous, pour 5\u202f200,00\u00a0€");
    expect(titreConstat("nouvel-entete")).toBe("Second tableau lu selon son en-tête");
  });

  it("un second tableau avec moins de colonnes (« Désignation | Montant » en B:C) : chaque montant est une ligne", async () => {
    const s = await feuilleXlsx(
      "Devis",
      deuxTableaux([
        [null, "Désignation", "Montant", "Observations"],
        [null, "Assurance", 1200, "devis 2025"],
        [null, "Frais bancaires", 300],
      ]),
    );
    const d = importerDevis(s);
    expect(lues(d).slice(3)).toEqual([
      ["Devis!C47", "Assurance", "1200.00"],
      ["Devis!C48", "Frais bancaires", "300.00"],
    ]);
    expect(e(d.conservation!.lu)).toBe("3750.00");
    expect(e(d.conservation!.ecart)).toBe("0.00");
    expect(d.entetesSuivants?.map((x) => [x.cellule, x.colonnes, x.lignes, e(x.somme)])).toEqual([
      ["Devis!B46", { libelle: "B", montant: "C" }, 2, "1500.00"],
    ]);
  });

  it("le même en-tête imprimé de nouveau (saut de page) n'est rien : ni ligne, ni total, ni constat", async () => {
    const s = await feuilleXlsx(
      "Devis",
      deuxTableaux([
        ["Code", "Désignation", "Qté", "Tarif", "Montant"],
        ["2", "PERSONNEL"],
        ["", "Chef opérateur", 10, 600, 6000],
      ]),
    );
    const d = importerDevis(s);
    expect(lues(d).map((x) => x[0])).toEqual(["Devis!E3", "Devis!E4", "Devis!E5", "Devis!E48"]);
    expect(d.lignes.some((l) => /désignation|montant/i.test(l.libelle))).toBe(false);
    expect(d.entetesSuivants).toBeUndefined();
    expect(d.conservation?.tableaux).toBeUndefined();
    expect(e(d.conservation!.lu)).toBe("8250.00");
    expect(e(d.conservation!.ecart)).toBe("0.00");
    expect(controlerDevis(d, "2026-01-15").filter((k) => k.regle === "nouvel-entete")).toEqual([]);
  });

  it("un second tableau dont une colonne n'est lue par aucun rôle : ses nombres sont nommés, jamais comptés", async () => {
    const s = await feuilleXlsx(
      "Devis",
      deuxTableaux([
        ["Poste", "Montant", "Budget N-1"],
        ["Caméra", 3000, 2800],
        ["Lumière", 1500, 1400],
      ]),
    );
    const d = importerDevis(s);
    expect(lues(d).slice(3)).toEqual([
      ["Devis!B47", "Caméra", "3000.00"],
      ["Devis!B48", "Lumière", "1500.00"],
    ]);
    expect(d.conservation!.horsColonnes?.map((h) => [h.colonne, h.cellule, h.nombres, e(h.total)])).toEqual([
      ["C", "Devis!C46", 2, "4200.00"],
    ]);
    expect(e(d.conservation!.ecart)).toBe("0.00");
  });

  it("le second en-tête nomme plus de colonnes que le premier : le tableau du haut est lu aussi, pas perdu", async () => {
    // Before: the header read was the lower one (more roles), and « Repérages », « Casting » (1 800 €) above it were
    // lost without a word, the conservation counting the lower table only.
    const rows: Cellule[][] = [
      ["Désignation", "Montant"],
      ["Repérages", 1000],
      ["Casting", 800],
    ];
    while (rows.length < 45) rows.push([]);
    rows.push(["Poste", "Qté", "Tarif", "Montant"], ["Caméra", 3, 1000, 3000], ["Lumière", 3, 500, 1500]);
    const d = importerDevis(await feuilleXlsx("Devis", rows));
    expect(lues(d)).toEqual([
      ["Devis!B2", "Repérages", "1000.00"],
      ["Devis!B3", "Casting", "800.00"],
      ["Devis!D47", "Caméra", "3000.00"],
      ["Devis!D48", "Lumière", "1500.00"],
    ]);
    expect([e(d.conservation!.lu), e(d.conservation!.ecart)]).toEqual(["6300.00", "0.00"]);
    expect(d.entetesSuivants?.map((x) => x.cellule)).toEqual(["Devis!A46"]);
  });

  it("un récapitulatif en haut qui totalise le tableau détaillé dessous : seul le détail est lu, comme avant", async () => {
    const rows: Cellule[][] = [
      ["Poste", "Montant"],
      ["Tournage", 4500],
      ["Total", 4500],
    ];
    while (rows.length < 45) rows.push([]);
    rows.push(["Poste", "Qté", "Tarif", "Montant"], ["Caméra", 3, 1000, 3000], ["Lumière", 3, 500, 1500]);
    const d = importerDevis(await feuilleXlsx("Devis", rows));
    expect(lues(d)).toEqual([
      ["Devis!D47", "Caméra", "3000.00"],
      ["Devis!D48", "Lumière", "1500.00"],
    ]);
    expect(e(d.total)).toBe("4500.00");
  });

  it("les montants en texte du second tableau prouvent la convention de la feuille (« 12.500 » lu 12 500,00 €)", async () => {
    // Before: « Poste | Montant » over amounts typed as text was no header, its amounts read as labels under
    // « Désignation » and lost without a word.
    const s = await feuilleXlsx(
      "Devis",
      deuxTableaux([
        ["Poste", "Montant"],
        ["Caméra", "1 234,56 €"],
        ["Lumière", "12.500"],
      ]),
    );
    const d = importerDevis(s);
    expect(lues(d).slice(3)).toEqual([
      ["Devis!B47", "Caméra", "1234.56"],
      ["Devis!B48", "Lumière", "12500.00"],
    ]);
    expect(d.ambigus ?? []).toEqual([]);
    expect([e(d.conservation!.lu), e(d.conservation!.ecart)]).toEqual(["15984.56", "0.00"]);
  });

  it("le premier en-tête revient après le second tableau : ses colonnes sont reprises à partir de là", async () => {
    const s = await feuilleXlsx(
      "Devis",
      deuxTableaux([
        ["Poste", "Montant"],
        ["Caméra", 3000],
        ["Lumière", 1500],
        [],
        ["Code", "Désignation", "Qté", "Tarif", "Montant"],
        ["9", "Assurance", 1, 900, 900],
      ]),
    );
    const d = importerDevis(s);
    expect(lues(d).slice(3)).toEqual([
      ["Devis!B47", "Caméra", "3000.00"],
      ["Devis!B48", "Lumière", "1500.00"],
      ["Devis!E51", "Assurance", "900.00"],
    ]);
    expect(d.conservation?.tableaux?.map((t) => [t.cellule, t.colonne])).toEqual([
      ["Devis!A1", "E"],
      ["Devis!A46", "B"],
      ["Devis!A50", "E"],
    ]);
    expect([e(d.conservation!.lu), e(d.conservation!.ecart)]).toEqual(["7650.00", "0.00"]);
  });
});

/** Messages write euros with narrow no-break spaces (« 4 500,00 € »): compared with plain spaces. */
const espaces = (m: string | undefined) => m?.replace(/[\u00a0\u202f]/g, " ");

/** « Préparation » in k€ (1 ; 0,8 ; 0,45) under « Montant (k€) » in E (rows 1–5), then `second` from row 46. */
function deuxTableauxK(second: Cellule[][], titre?: string): Cellule[][] {
  const rows: Cellule[][] = [
    ...(titre ? [[titre]] : []),
    ["Code", "Désignation", "Qté", "Tarif", "Montant (k€)"],
    ["1", "PRÉPARATION"],
    ["", "Repérages", null, null, 1],
    ["", "Casting", null, null, 0.8],
    ["", "Bureau de production", null, null, 0.45],
  ];
  while (rows.length < 45) rows.push([]);
  return [...rows, ...second];
}

/** A second table « | Poste | Jours | Tarif | Montant » whose amounts (E) are typed in euros. */
const SECOND_EN_EUROS: Cellule[][] = [
  [null, "Poste", "Jours", "Tarif", "Montant"],
  [null, "Caméra", 3, 1000, 3000],
  [null, "Lumière", 3, 500, 1500],
];

describe("tableaux empilés et milliers d'euros : chaque tableau lu selon son propre en-tête", () => {
  it("« Montant (k€) » en E1 ne multiplie pas la colonne E du tableau du bas (en euros) : lu tel quel, nommé", async () => {
    // Before: Caméra and Lumière (column E under the lower header) were read 3 000 000,00 € and 1 500 000,00 €.
    const d = importerDevis(await feuilleXlsx("Devis", deuxTableauxK(SECOND_EN_EUROS)));
    expect(lues(d)).toEqual([
      ["Devis!E3", "Repérages", "1000.00"],
      ["Devis!E4", "Casting", "800.00"],
      ["Devis!E5", "Bureau de production", "450.00"],
      ["Devis!E47", "Caméra", "3000.00"],
      ["Devis!E48", "Lumière", "1500.00"],
    ]);
    expect(d.uniteMilliers).toMatchObject({
      cellule: "Devis!E1",
      colonnes: ["E"],
      cellules: 3,
      tableaux: [
        { entete: "Devis!A1", ligne: 1, fin: 45, cellule: "Devis!E1", colonnes: ["E"], cellules: 3, facteur: 1000 },
      ],
      sansUnite: [
        {
          entete: "Devis!B46",
          cellule: "Devis!E46",
          texte: "Montant",
          facteur: 1000,
          selon: { entete: "Devis!A1", cellule: "Devis!E1", texte: "Montant (k€)" },
          lignes: 2,
          somme: 450_000,
        },
      ],
    });
    expect([e(d.conservation!.lu), e(d.conservation!.ecart)]).toEqual(["6750.00", "0.00"]);
    const constats = controlerDevis(d, "2026-01-15");
    expect(conservationRespectee(completerConservation(d.conservation!, constats))).toBe(true);
    const k = constats.filter((x) => x.regle === "unite-milliers");
    expect(k.map((x) => [x.gravite, x.cellule])).toEqual([
      ["alerte", "Devis!E1"],
      ["alerte", "Devis!E46"],
    ]);
    expect(espaces(k[0].message)).toContain(
      "chaque tableau de la feuille est lu selon son propre en-tête : seuls sont multipliés les montants de la colonne E " +
        "du tableau sous l'en-tête en A1 (3 cellules)",
    );
    expect(espaces(k[1].message)).toBe(
      "Devis!E46 « Montant » : l'en-tête du tableau en B46 ne dit pas l'unité de ses montants, alors que Devis!E1 " +
        "« Montant (k€) » dit ceux du tableau sous l'en-tête en A1 en milliers d'euros ; ils sont lus tels que " +
        "saisis, en euros : 2 lignes pour 4 500,00 €, ou 4 500 000,00 € s'ils sont en milliers d'euros. Dites " +
        "l'unité dans cet en-tête (« Montant (k€) » ou « Montant (€) ») et relancez.",
    );
  });

  it("« Montant (k€) » dans le second en-tête seulement : ses montants × 1 000, le premier tableau nommé", async () => {
    // Before: the lower header's « (k€) » was ignored, Caméra read 3,00 €.
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1", "PRÉPARATION"],
      ["", "Repérages", null, null, 1000],
    ];
    while (rows.length < 45) rows.push([]);
    rows.push(
      [null, "Poste", "Jours", "Tarif", "Montant (k€)"],
      [null, "Caméra", 3, 1, 3],
      [null, "Régie", null, null, 0.7],
    );
    const d = importerDevis(await feuilleXlsx("Devis", rows));
    expect(lues(d)).toEqual([
      ["Devis!E3", "Repérages", "1000.00"],
      ["Devis!E47", "Caméra", "3000.00"],
      ["Devis!E48", "Régie", "700.00"],
    ]);
    expect(d.uniteMilliers?.tableaux).toEqual([
      {
        entete: "Devis!B46",
        ligne: 46,
        fin: rows.length,
        cellule: "Devis!E46",
        texte: "Montant (k€)",
        portee: "colonne",
        facteur: 1000,
        colonnes: ["E"],
        cellules: 2,
      },
    ]);
    expect(d.uniteMilliers?.sansUnite?.map((t) => [t.cellule, t.lignes, e(t.somme)])).toEqual([
      ["Devis!E1", 1, "1000.00"],
    ]);
    expect([e(d.conservation!.lu), e(d.conservation!.ecart)]).toEqual(["4700.00", "0.00"]);
    const k = controlerDevis(d, "2026-01-15").filter((x) => x.regle === "unite-milliers");
    expect(k.map((x) => x.cellule)).toEqual(["Devis!E46", "Devis!E1"]);
    expect(espaces(k[1].message)).toContain("1 ligne pour 1 000,00 €, ou 1 000 000,00 € s'ils sont en milliers");
  });

  it("les deux en-têtes en k€ : chaque tableau × 1 000 selon le sien, rien à nommer de plus", async () => {
    const d = importerDevis(
      await feuilleXlsx(
        "Devis",
        deuxTableauxK([
          [null, "Poste", "Jours", "Tarif", "Montant (k€)"],
          [null, "Caméra", 3, 1, 3],
        ]),
      ),
    );
    expect(lues(d).map((x) => x[2])).toEqual(["1000.00", "800.00", "450.00", "3000.00"]);
    expect(d.uniteMilliers?.tableaux?.map((t) => [t.entete, t.cellule, t.cellules])).toEqual([
      ["Devis!A1", "Devis!E1", 3],
      ["Devis!B46", "Devis!E46", 1],
    ]);
    expect(d.uniteMilliers?.sansUnite).toBeUndefined();
    expect(d.uniteMilliers?.cellules).toBe(4);
    const k = controlerDevis(d, "2026-01-15").filter((x) => x.regle === "unite-milliers");
    expect(k).toHaveLength(1);
    expect(espaces(k[0].message)).toContain(
      "sont multipliés les montants de la colonne E du tableau sous l'en-tête en A1 (3 cellules) et de la colonne E " +
        "du tableau sous l'en-tête en B46, selon Devis!E46 « Montant (k€) » (1 cellule)",
    );
    expect(e(d.conservation!.ecart)).toBe("0.00");
  });

  it("un titre « (en milliers d'euros) » au-dessus du premier en-tête n'atteint que le premier tableau", async () => {
    const sansUnite = deuxTableauxK(SECOND_EN_EUROS, "Budget (en milliers d'euros)").map((r, i) =>
      i === 1 ? ["Code", "Désignation", "Qté", "Tarif", "Montant"] : r,
    );
    const d = importerDevis(await feuilleXlsx("Devis", sansUnite));
    expect(lues(d).map((x) => [x[0], x[2]])).toEqual([
      ["Devis!E4", "1000.00"],
      ["Devis!E5", "800.00"],
      ["Devis!E6", "450.00"],
      ["Devis!E47", "3000.00"],
      ["Devis!E48", "1500.00"],
    ]);
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!A1", portee: "feuille" });
    expect(d.uniteMilliers?.sansUnite?.map((t) => [t.cellule, t.selon.cellule, e(t.somme)])).toEqual([
      ["Devis!E46", "Devis!A1", "4500.00"],
    ]);
    expect(e(d.conservation!.ecart)).toBe("0.00");
  });

  it("un titre « Tous les montants sont en k€ » parle pour toute la feuille : les deux tableaux × 1 000", async () => {
    const rows = deuxTableauxK(
      [
        [null, "Poste", "Jours", "Tarif", "Montant"],
        [null, "Caméra", 3, 1, 3],
      ],
      "Tous les montants sont en k€",
    ).map((r, i) => (i === 1 ? ["Code", "Désignation", "Qté", "Tarif", "Montant"] : r));
    const d = importerDevis(await feuilleXlsx("Devis", rows));
    expect(lues(d).map((x) => x[2])).toEqual(["1000.00", "800.00", "450.00", "3000.00"]);
    expect(d.uniteMilliers?.tableaux?.map((t) => [t.entete, t.cellule, t.portee])).toEqual([
      ["Devis!A2", "Devis!A1", "feuille"],
      ["Devis!B46", "Devis!A1", "feuille"],
    ]);
    expect(d.uniteMilliers?.sansUnite).toBeUndefined();
    expect(e(d.conservation!.ecart)).toBe("0.00");
  });
});

describe("tableaux empilés et milliers d'euros : en-tête répété, note sous le dernier tableau", () => {
  it("l'en-tête « Montant (k€) » imprimé de nouveau (saut de page) : le même tableau, toujours × 1 000", async () => {
    const d = importerDevis(
      await feuilleXlsx(
        "Devis",
        deuxTableauxK([
          ["Code", "Désignation", "Qté", "Tarif", "Montant (k€)"],
          ["", "Assurance", null, null, 0.9],
        ]),
      ),
    );
    expect(lues(d).map((x) => [x[0], x[2]])).toEqual([
      ["Devis!E3", "1000.00"],
      ["Devis!E4", "800.00"],
      ["Devis!E5", "450.00"],
      ["Devis!E47", "900.00"],
    ]);
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!E1", colonnes: ["E"], cellules: 4 });
    expect(d.uniteMilliers?.tableaux).toBeUndefined();
    expect(d.uniteMilliers?.sansUnite).toBeUndefined();
  });

  it("une note « Montants exprimés en milliers d'euros » sous le dernier tableau n'atteint que lui", async () => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["", "Repérages", null, null, 1000],
    ];
    while (rows.length < 45) rows.push([]);
    rows.push(
      [null, "Poste", "Jours", "Tarif", "Montant"],
      [null, "Caméra", 3, 1, 3],
      [],
      [null, "Montants exprimés en milliers d'euros"],
    );
    const d = importerDevis(await feuilleXlsx("Devis", rows));
    expect(lues(d).map((x) => [x[0], x[2]])).toEqual([
      ["Devis!E2", "1000.00"],
      ["Devis!E47", "3000.00"],
    ]);
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!B49", note: true });
    expect(d.uniteMilliers?.tableaux?.map((t) => [t.entete, t.colonnes])).toEqual([["Devis!B46", ["E"]]]);
    expect(d.uniteMilliers?.sansUnite?.map((t) => [t.cellule, e(t.somme)])).toEqual([["Devis!E1", "1000.00"]]);
    expect(e(d.conservation!.ecart)).toBe("0.00");
  });
});
