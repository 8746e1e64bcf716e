import { classeurDevis, type Cellule } from "../core/devis/outils";
import { devisBinaire as devis, dossierTemporaire, type ConstatJson as Constat } from "../helpers/cli";

/**
 * Issue 10 « chaque montant compté » through the built binary (npm run build:cli), on layouts seen in real exports:
 * a chapter's title under its own total, a block beside a table stacked lower, a budget spread over weeks. Every
 * amount of the column read is exactly one of a placed line, a proven total or a listed item: conservation 0,00 €.
 */
const dir = dossierTemporaire("prodbook-conservation-mises-en-page-");

/** `prodbook devis --json` on `rows` written in a real .xlsx: exit 0, nothing on stderr; the JSON and its findings. */
async function lire(nom: string, rows: Cellule[][]) {
  const r = devis(await classeurDevis(dir(), nom, rows), "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  return { d: j.devis, controles: j.controles as Constat[] };
}

/** Messages write euros with narrow no-break spaces (« 9 000,00 € »): compared with plain spaces. */
const espaces = (m: string) => m.replace(/[\u00a0\u202f]/g, " ");

describe("prodbook devis : le titre du chapitre sous son total", () => {
  it("--json : « Sous-total » puis « 2 PERSONNEL » au même montant, un total prouvé qui place ses lignes", async () => {
    // Before: « 2 PERSONNEL 10 000 » opened a chapter over the lines below it (the equipment under Personnel) and
    // « 7 MOYENS TECHNIQUES 4 500 », with no line under it, was counted as a line: 19 000,00 € for 14 500,00 €.
    const { d, controles } = await lire("titre-sous-total.xlsx", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["", "Chef opérateur", 10, 600, 6000],
      ["", "Cadreur", 10, 400, 4000],
      ["", "Sous-total", null, null, 10000],
      ["2", "PERSONNEL", null, null, 10000],
      ["", "Location caméra", 3, 1000, 3000],
      ["", "Location lumière", 3, 500, 1500],
      ["", "Sous-total", null, null, 4500],
      ["7", "MOYENS TECHNIQUES", null, null, 4500],
      ["", "TOTAL", null, null, 14500],
    ]);
    expect(d.total).toBe("14500.00");
    expect(d.lignes).toBe(4);
    expect(d.chapitres.map((c: { code: string; total: string }) => [c.code, c.total])).toEqual([
      ["2", "10000.00"],
      ["7", "4500.00"],
    ]);
    expect(d.nonPlaces).toEqual([]);
    // 6 000 + 4 000 + 3 000 + 1 500 as lines; both subtotals, both titles and the total proven (43 500,00 €).
    expect(d.conservation).toMatchObject({
      colonne: "E",
      lu: "58000.00",
      lignes: "14500.00",
      totauxProuves: "43500.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
      cellules: { lues: 9, lignes: 4, totauxProuves: 5, nonPlaces: 0, listees: 0 },
      nonComptees: [],
    });
    expect(controles.filter((c) => /total|hors-chapitre|hors-lignes/.test(c.regle))).toEqual([]);
  });

  it("--json : « TOTAL » sous chaque chapitre puis son titre : sous-totaux prouvés, rien compté deux fois", async () => {
    // Before: the second « TOTAL » (6 000, not the sum of every line above) was counted as an unplaced line and
    // « 1 PRÉPARATION 1 800 » as a line of its own: 14 600,00 € read for 7 800,00 €.
    const { d, controles } = await lire("total-par-chapitre.xlsx", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["", "Repérages", 2, 500, 1000],
      ["", "Casting", 1, 800, 800],
      ["", "TOTAL", null, null, 1800],
      ["1", "PRÉPARATION", null, null, 1800],
      ["", "Chef opérateur", 10, 600, 6000],
      ["", "TOTAL", null, null, 6000],
      ["2", "PERSONNEL", null, null, 6000],
    ]);
    expect(d.total).toBe("7800.00");
    expect(d.nonPlaces).toEqual([]);
    expect(d.chapitres.map((c: { code: string; total: string }) => [c.code, c.total])).toEqual([
      ["1", "1800.00"],
      ["2", "6000.00"],
    ]);
    expect(d.conservation).toMatchObject({
      lu: "23400.00",
      lignes: "7800.00",
      totauxProuves: "15600.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
      cellules: { lues: 7, lignes: 3, totauxProuves: 4, nonPlaces: 0, listees: 0 },
    });
    expect(controles.filter((c) => /total|hors-chapitre|hors-lignes/.test(c.regle))).toEqual([]);
  });

  it("texte : chapitres rappelés sous le total, égaux à leurs lignes : totaux prouvés, résumé sans liste", async () => {
    // Before: both reminders were listed (7 800,00 € « listés »), though each is its chapter's sum to the cent.
    const f = await classeurDevis(dir(), "rappels.xlsx", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1", "PRÉPARATION"],
      ["", "Repérages", 2, 500, 1000],
      ["", "Casting", 1, 800, 800],
      ["", "Total préparation", null, null, 1800],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000],
      ["", "Total personnel", null, null, 6000],
      ["", "TOTAL", null, null, 7800],
      ["1", "PRÉPARATION", null, null, 1800],
      ["2", "PERSONNEL", null, null, 5000],
    ]);
    const r = devis(f);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // « 2 PERSONNEL 5 000 » is not its chapter's 6 000: listed, and only it.
    expect(espaces(r.out)).toContain(
      "Montants lus (colonne E) : 30 200,00 € = lignes placées 7 800,00 € + totaux prouvés 17 400,00 € + " +
        "non placés 0,00 € + listés 5 000,00 € ; écart 0,00 €.",
    );
    expect(espaces(r.out)).toContain(
      "Devis!E10 « 1 PRÉPARATION » : 1 800,00 € n'est pas compté dans le devis ; ce montant rappelle un chapitre " +
        "sous le total du devis, ses lignes sont comptées au-dessus (somme au centime des lignes de ce chapitre).",
    );
    // Before: an information saying its lines are counted above, the 1 000 € difference unsaid.
    expect(espaces(r.out)).toContain(
      "[alerte] Montant lu hors des lignes — Devis!E11 « 2 PERSONNEL » : 5 000,00 € n'est pas compté dans le devis ; " +
        "ce montant rappelle un chapitre sous le total du devis, mais il diffère du devis : le chapitre 2 du devis " +
        "fait 6 000,00 €. Vérifiez cette cellule : ce sont les lignes du devis qui sont comptées.\n",
    );
  });
});

describe("prodbook devis : un bloc à côté d'un tableau empilé plus bas", () => {
  /** The devis on top, a lower table with its own header, and a block beside that one (columns H to J). */
  const lignes = (bas: Cellule[][]): Cellule[][] => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000],
      ["", "Cadreur", 10, 400, 4000],
    ];
    while (rows.length < 20) rows.push([]);
    return [...rows, ...bas];
  };

  it("--json : récapitulatif par chapitre en H–J, nommé avec ses cellules, jamais lu comme le tableau", async () => {
    // Before: the recap's « Libellé | Total » were taken as the lower table's columns: its 27 400,00 € read as lines
    // (« Total » 13 700 an unplaced line) and the table's own 4 700,00 € (column D) not counted.
    const { d, controles } = await lire(
      "recap-a-cote.xlsx",
      lignes([
        ["Poste", "Qté", "Tarif", "Montant", null, null, null, "Chapitre", "Libellé", "Total"],
        ["Caméra", 3, 1000, 3000, null, null, null, "2", "Personnel", 10000],
        ["Régie", null, null, 700, null, null, null, "5", "Décors", 3700],
        ["Lumière", 2, 500, 1000, null, null, null, null, "Total", 13700],
      ]),
    );
    expect(d.total).toBe("14700.00");
    expect(d.nonPlaces).toEqual([]);
    expect(d.conservation).toMatchObject({
      lu: "14700.00",
      lignes: "14700.00",
      totauxProuves: "0.00",
      listes: "0.00",
      ecart: "0.00",
      cellules: { lues: 5, lignes: 5 },
      tableaux: [
        { cellule: "Devis!A1", colonne: "E" },
        { cellule: "Devis!A21", colonne: "D" },
      ],
    });
    expect(d.entetesSuivants).toEqual([
      expect.objectContaining({
        cellule: "Devis!A21",
        colonnes: { libelle: "A", quantite: "B", taux: "C", montant: "D" },
        lignes: 3,
        somme: "4700.00",
      }),
    ]);
    expect(d.colonnesNonLues).toEqual([
      {
        colonne: "J",
        cellule: "Devis!J21",
        entete: "Total",
        nature: "secondBloc",
        somme: "27400.00",
        bloc: {
          debut: "H",
          fin: "J",
          premier: { debut: "A", fin: "D" },
          cellules: 3,
          premiere: "Devis!J22",
          derniere: "Devis!J24",
          autreEntete: true,
        },
        // A recap by chapter: chapter 2 is the devis's (10 000,00 €); the devis has no chapter 5, and its total is
        // 14 700,00 €, not 13 700,00 €.
        recapitulatif: {
          chapitres: 2,
          total: true,
          ecarts: [
            { cellule: "Devis!J23", libelle: "5 Décors", chapitre: "5", montant: "3700.00", attendu: "0.00" },
            { cellule: "Devis!J24", libelle: "Total", chapitre: "total", montant: "13700.00", attendu: "14700.00" },
          ],
        },
      },
    ]);
    // Named once: by the block's finding, not again as figures right of the table.
    expect(d.horsTableau).toBeUndefined();
    const bloc = controles.filter((c) => c.regle === "colonnes-lues");
    expect(bloc.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "Devis!J21"]]);
    expect(espaces(bloc[0].message)).toContain(
      "ses montants (colonne J « Total », 3 cellules, Devis!J22 à Devis!J24, somme 27 400,00 €) ne sont pas comptés ; " +
        "seul le premier bloc (colonnes A à D) est lu comme le devis. Récapitulatif des chapitres : 2 montants " +
        "diffèrent des totaux du devis (Devis!J23 « 5 Décors » : 3 700,00 €, le devis n'a rien au chapitre 5 ; " +
        "Devis!J24 « Total » : 13 700,00 €, le total du devis est de 14 700,00 €). Vérifiez ces cellules : ce sont " +
        "les lignes du devis qui sont comptées.",
    );
    expect(controles.filter((c) => c.regle === "montant-calcul")).toEqual([]);
  });

  it("--json : l'en-tête du tableau du bas répété à sa droite : le premier bloc lu, le second nommé", async () => {
    // Before: the right block's « Montant » (column I) was read as the lower table's amounts, column D left out.
    const { d } = await lire(
      "bloc-repete-bas.xlsx",
      lignes([
        ["Poste", "Qté", "Tarif", "Montant", null, "Poste", "Qté", "Tarif", "Montant"],
        ["Caméra", 3, 1000, 3000, null, "Cantine", 10, 20, 200],
        ["Régie", null, null, 700, null, "Transport", 1, 300, 300],
        ["Lumière", 2, 500, 1000, null, "Total", null, null, 500],
      ]),
    );
    expect(d.total).toBe("14700.00");
    expect(d.conservation).toMatchObject({ lu: "14700.00", lignes: "14700.00", ecart: "0.00" });
    expect(d.conservation.tableaux[1]).toEqual({ cellule: "Devis!A21", colonne: "D" });
    expect(d.colonnesNonLues).toEqual([
      expect.objectContaining({
        colonne: "I",
        cellule: "Devis!I21",
        nature: "secondBloc",
        somme: "1000.00",
        bloc: expect.objectContaining({ debut: "F", fin: "I", cellules: 3 }),
      }),
    ]);
    // A list of lines (« Cantine », « Transport », quantities 10 and 1), not a recap by chapter: not compared.
    expect(d.colonnesNonLues[0].recapitulatif).toBeUndefined();
  });
});

describe("prodbook devis : un récapitulatif par chapitre à côté du devis", () => {
  /** The devis in A–E (chapters 2 and 5, 13 700,00 €) and a recap « Chapitre | Libellé | Total » in G–I. */
  const avecRecap = (recap: Cellule[][]): Cellule[][] => {
    const devis: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000],
      ["", "Cadreur", 10, 400, 4000],
      ["5", "DÉCORS"],
      ["", "Construction", 1, 3700, 3700],
      ["", "TOTAL", null, null, 13700],
    ];
    return devis.map((r, i) => [...r, ...Array(5 - r.length).fill(null), null, ...(recap[i] ?? [])]);
  };

  it("--json et texte : ses montants égaux aux totaux des chapitres (par code), dit conforme, jamais compté", async () => {
    const rows = avecRecap([
      ["Chapitre", "Libellé", "Total"],
      ["2", "Personnel", 10000],
      [5, "Décors", 3700], // a code typed as a number
      [null, "Total", 13700],
    ]);
    const { d, controles } = await lire("recap-conforme.xlsx", rows);
    expect(d.total).toBe("13700.00");
    // The recap (column I, 27 400,00 €) is outside the amount column read: not in the conservation.
    expect(d.conservation).toMatchObject({
      colonne: "E",
      lu: "27400.00",
      lignes: "13700.00",
      totauxProuves: "13700.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
    });
    expect(d.colonnesNonLues).toEqual([
      expect.objectContaining({
        colonne: "I",
        nature: "secondBloc",
        somme: "27400.00",
        recapitulatif: { chapitres: 2, total: true, ecarts: [] },
      }),
    ]);
    const bloc = controles.filter((c) => c.regle === "colonnes-lues");
    expect(bloc.map((c) => [c.gravite, c.cellule])).toEqual([["info", "Devis!I1"]]);
    expect(espaces(bloc[0].message)).toContain(
      "seul le premier bloc (colonnes A à E) est lu comme le devis. Récapitulatif conforme aux totaux des chapitres : " +
        "ses 2 montants de chapitre sont, au centime, ceux du devis, et son total le total du devis.",
    );
    const t = devis(await classeurDevis(dir(), "recap-conforme-texte.xlsx", rows));
    expect(t.code).toBe(0);
    expect(espaces(t.out)).toContain("[information] Colonne des montants choisie — Devis!I1 : un second bloc");
    expect(espaces(t.out)).toContain("Récapitulatif conforme aux totaux des chapitres");
    expect(espaces(t.out)).toContain(
      "Montants lus (colonne E) : 27 400,00 € = lignes placées 13 700,00 € + totaux prouvés 13 700,00 €",
    );
  });

  it("--json : un montant qui diffère (chapitres nommés par leur libellé) : alerte, cellule et les deux montants", async () => {
    const { d, controles } = await lire(
      "recap-ecart.xlsx",
      avecRecap([
        ["Chapitre", "Libellé", "Total"],
        [null, "Personnel", 10000],
        [null, "Décors", 3600],
      ]),
    );
    expect(d.total).toBe("13700.00");
    expect(d.conservation).toMatchObject({ colonne: "E", lignes: "13700.00", ecart: "0.00" });
    expect(d.colonnesNonLues[0].recapitulatif).toEqual({
      chapitres: 2,
      ecarts: [{ cellule: "Devis!I3", libelle: "Décors", chapitre: "5", montant: "3600.00", attendu: "3700.00" }],
    });
    const bloc = controles.filter((c) => c.regle === "colonnes-lues");
    expect(bloc.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "Devis!I1"]]);
    expect(espaces(bloc[0].message)).toContain(
      "Récapitulatif des chapitres : un montant diffère des totaux du devis (Devis!I3 « Décors » : 3 600,00 €, le " +
        "chapitre 5 du devis fait 3 700,00 €). Vérifiez cette cellule : ce sont les lignes du devis qui sont comptées.",
    );
  });
});

describe("prodbook devis : un budget réparti par semaine", () => {
  it("--json : la colonne « Total » lue, les semaines vues et prouvées ligne à ligne, les autres cellules nommées", async () => {
    const { d, controles } = await lire("semaines.xlsx", [
      ["Code", "Désignation", "Qté", "Tarif", "Total", "Semaine 1", "Semaine 2", "Semaine 3"],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000, 2000, 2000, 2000],
      // 1 000 + 1 500 + 1 000 = 3 500, not 4 000: these three week cells are named.
      ["", "Cadreur", 10, 400, 4000, 1000, 1500, 1000],
      ["", "Scripte", 5, 300, 1500, null, 1500, null],
      ["", "Sous-total", null, null, 11500, 3000, 5000, 3500],
    ]);
    expect(d.total).toBe("11500.00");
    expect(d.conservation).toMatchObject({
      colonne: "E",
      lu: "23000.00",
      lignes: "11500.00",
      totauxProuves: "11500.00",
      listes: "0.00",
      ecart: "0.00",
    });
    // The week columns are no longer « figures not read » of unknown columns: named as weeks, never counted.
    expect(d.conservation.horsColonnes).toBeUndefined();
    expect(d.colonnesNonLues.map((c: { colonne: string; nature: string; somme: string }) => c)).toEqual([
      { colonne: "F", cellule: "Devis!F1", entete: "Semaine 1", nature: "semaine", somme: "6000.00", unite: "euros" },
      { colonne: "G", cellule: "Devis!G1", entete: "Semaine 2", nature: "semaine", somme: "10000.00", unite: "euros" },
      { colonne: "H", cellule: "Devis!H1", entete: "Semaine 3", nature: "semaine", somme: "6500.00", unite: "euros" },
    ]);
    expect(d.semaines).toEqual({
      lignes: 4,
      prouvees: 3,
      cellules: ["Devis!F4", "Devis!G4", "Devis!H4"],
      somme: "3500.00",
      unite: "euros",
    });
    const vues = controles.filter((c) => c.regle === "colonnes-lues");
    expect(vues.map((c) => [c.gravite, c.cellule, espaces(c.message)])).toEqual([
      [
        "info",
        "Devis!F1",
        "Devis!F1 : les 3 colonnes par semaine (F « Semaine 1 » à H « Semaine 3 ») répartissent le montant de " +
          "chaque ligne : elles ne sont pas lues comme des montants, la colonne E « Total » est lue. " +
          "Sur 3 des 4 lignes, les semaines font le montant lu, au centime. Sur 1 ligne, les semaines ne font pas le " +
          "montant lu : Devis!F4, Devis!G4, Devis!H4 (somme 3 500,00 €) ne sont pas comptées ; c'est le montant lu " +
          "qui est compté.",
      ],
    ]);
  });

  it("--json : « Montant semaine 1 … | Montant total » : le total lu, jamais une semaine ; toutes prouvées", async () => {
    const { d, controles } = await lire("montant-semaines.xlsx", [
      ["Désignation", "Montant semaine 1", "Montant semaine 2", "Montant total"],
      ["Location caméra", 1500, 1500, 3000],
      ["Régie", 250, 450.5, 700.5],
    ]);
    expect(d.total).toBe("3700.50");
    expect(d.conservation).toMatchObject({ colonne: "D", lu: "3700.50", lignes: "3700.50", ecart: "0.00" });
    expect(d.semaines).toEqual({ lignes: 2, prouvees: 2, cellules: [], somme: "0.00", unite: "euros" });
    const vues = controles.filter((c) => c.regle === "colonnes-lues");
    expect(vues.map((c) => [c.gravite, c.cellule])).toEqual([["info", "Devis!B1"]]);
    expect(espaces(vues[0].message)).toContain(
      "la colonne D « Montant total » est lue. Sur chacune des 2 lignes, les semaines font le montant lu, au centime.",
    );
  });

  it("--json : semaines d'un tableau empilé plus bas : comparées à son « Total », nommées dans son en-tête", async () => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["", "Chef opérateur", 10, 600, 6000],
    ];
    while (rows.length < 20) rows.push([]);
    rows.push(["Poste", "Total", "Semaine 1", "Semaine 2"], ["Caméra", 3000, 1500, 1500], ["Régie", 700, 300, 300]);
    const { d, controles } = await lire("semaines-bas.xlsx", rows);
    expect(d.total).toBe("9700.00");
    expect(d.conservation).toMatchObject({ lu: "9700.00", lignes: "9700.00", ecart: "0.00" });
    expect(d.conservation.tableaux[1]).toEqual({ cellule: "Devis!A21", colonne: "B" });
    expect(d.entetesSuivants[0].semaines).toEqual({
      lignes: 2,
      prouvees: 1,
      cellules: ["Devis!C23", "Devis!D23"],
      somme: "600.00",
      unite: "euros",
    });
    const vues = controles.filter((c) => c.regle === "colonnes-lues");
    expect(vues.map((c) => [c.gravite, c.cellule])).toEqual([["info", "Devis!C21"]]);
    expect(espaces(vues[0].message)).toContain("la colonne B « Total » est lue.");
  });

  it("--json : des jours par semaine (leur somme fait la quantité) : ni montants ni cellules nommées", async () => {
    const { d, controles } = await lire("jours-semaines.xlsx", [
      ["Désignation", "Jours", "Tarif", "Montant", "Semaine 1", "Semaine 2"],
      ["Chef opérateur", 8, 600, 4800, 5, 3],
      ["Cadreur", 5, 400, 2000, 5, null],
    ]);
    expect(d.total).toBe("6800.00");
    expect(d.conservation).toMatchObject({ colonne: "D", lu: "6800.00", lignes: "6800.00", ecart: "0.00" });
    expect(d.semaines).toEqual({ lignes: 2, prouvees: 0, enQuantite: 2, cellules: [], somme: "0.00", unite: "jours" });
    const vues = controles.filter((c) => c.regle === "colonnes-lues");
    expect(vues.map((c) => [c.gravite, c.cellule])).toEqual([["info", "Devis!E1"]]);
    expect(espaces(vues[0].message)).toContain(
      "la colonne D « Montant » est lue. Sur 2 lignes, les semaines font la quantité de la ligne : elles comptent " +
        "des jours, pas des euros.",
    );
  });

  it("texte : des jours par semaine dont une ligne ne fait pas la quantité : sa somme en jours, jamais en euros", async () => {
    // Before: « Devis!E4, Devis!F4 (somme 5,00 €) », 3 + 2 days said in euros.
    const rows: Cellule[][] = [
      ["Désignation", "Jours", "Tarif", "Montant", "Semaine 1", "Semaine 2"],
      ["Chef opérateur", 8, 600, 4800, 5, 3],
      ["Cadreur", 5, 400, 2000, 5, null],
      ["Scripte", 6, 300, 1800, 3, 2],
    ];
    const { d } = await lire("jours-ecart.xlsx", rows);
    expect(d.semaines).toEqual({
      lignes: 3,
      prouvees: 0,
      enQuantite: 2,
      cellules: ["Devis!E4", "Devis!F4"],
      somme: "5.00",
      unite: "jours",
    });
    expect(d.colonnesNonLues.map((c: { unite?: string }) => c.unite)).toEqual(["jours", "jours"]);
    const r = devis(await classeurDevis(dir(), "jours-ecart-texte.xlsx", rows));
    expect(r.code).toBe(0);
    expect(espaces(r.out)).toContain(
      "Sur 2 lignes, les semaines font la quantité de la ligne : elles comptent des jours, pas des euros. Sur 1 ligne, " +
        "les semaines ne font ni le montant lu ni la quantité de la ligne : Devis!E4, Devis!F4 (somme 5 jours) ne " +
        "sont pas comptées ; c'est le montant lu qui est compté.",
    );
    expect(r.out).not.toMatch(/somme 5,00/);
  });

  it("--json : une quantité sans unité (« Qté ») : la somme sans unité, ni euros ni jours", async () => {
    const { d, controles } = await lire("qte-ecart.xlsx", [
      ["Désignation", "Qté", "Tarif", "Montant", "Semaine 1", "Semaine 2"],
      ["Chef opérateur", 8, 600, 4800, 5, 3],
      ["Scripte", 6, 300, 1800, 3, 2],
    ]);
    expect(d.semaines).toMatchObject({ enQuantite: 1, cellules: ["Devis!E3", "Devis!F3"], somme: "5.00", unite: null });
    const vues = controles.filter((c) => c.regle === "colonnes-lues");
    expect(espaces(vues[0].message)).toContain(
      "elles comptent des jours ou des unités, pas des euros. Sur 1 ligne, les semaines ne font ni le montant lu ni la " +
        "quantité de la ligne : Devis!E3, Devis!F3 (somme 5) ne sont pas comptées",
    );
  });
});
