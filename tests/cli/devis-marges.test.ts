import ExcelJS from "exceljs";
import * as path from "path";
import { devisBinaire, devisJsonBinaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

/**
 * Issue 10, the devis's margins: a line without a label, figures right of the last headed column, lines below the grand
 * total. Fixtures: tests/fixtures/devis-reels/generer.js, `marges` (devis-marges-*.xlsx).
 */
const fichier = (v: string) => path.join(__dirname, `../fixtures/devis-reels/devis-marges-${v}.xlsx`);
const dossier = dossierTemporaire("prodbook-marges-");

describe("prodbook devis : ligne sans libellé", () => {
  const { devis: d, controles } = devisJsonBinaire(fichier("libelle-montant"));

  it("la ligne est nommée par sa ligne, jamais par son montant écrit en texte ni par une date", async () => {
    // Before: the structured devis labelled row 7 « 1 200,00 € » (its own amount) and row 9 « 12/05/2025 ».
    const sortie = path.join(dossier(), "libelle-montant.xlsx");
    const r = devisBinaire(fichier("libelle-montant"), "-o", sortie);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Devis (Prodbook)") as ExcelJS.Worksheet;
    const libelles: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 4 && row.getCell(1).value) libelles.push(String(row.getCell(3).value));
    });
    expect(libelles.slice(0, 6)).toEqual([
      "Réalisateur",
      "Scripte",
      "(ligne sans libellé, ligne 7)",
      "(ligne sans libellé, ligne 9)",
      "Caméra",
      "Son",
    ]);
    expect(libelles.join("|")).not.toMatch(/1 200|\/2025/);
  });

  it("les constats nomment la cellule et la ligne, pas la date prise pour un libellé", () => {
    const m = (c: string) => controles.find((x) => x.cellule === c)?.message;
    // Before: « Devis!E8 « 15/04/2025 » : le montant est une date… », « Devis!C9 « 12/05/2025 » : la quantité… ».
    expect(m("Devis!E8")).toBe(
      "Devis!E8 « (ligne sans libellé, ligne 8) » : le montant est une date (15/04/2025), pas un montant ; " +
        "la ligne n'est pas comptée.",
    );
    expect(m("Devis!C9")).toBe(
      "Devis!C9 « (ligne sans libellé, ligne 9) » : la quantité est une date (12/05/2025), pas un nombre ; " +
        "la ligne est comptée avec son montant lu, 450,00 €.",
    );
    expect(d.conservation).toMatchObject({ lignes: "11650.00", nonPlaces: "0.00", ecart: "0.00" });
  });

  it("des mots dans la colonne du code nomment la ligne, pas la date écrite dans son montant", () => {
    // devis-dates-texte: « Livraison prévue » in A (under « N° »), « 30/09/2025 » in F. Before: « Devis!F25 « 30/09/2025 » ».
    const j = devisJsonBinaire(path.join(__dirname, "../fixtures/devis-reels/devis-dates-texte.xlsx"));
    expect(j.controles.find((x) => x.cellule === "Devis!F25")?.message).toBe(
      "Devis!F25 « Livraison prévue » : le montant est une date (30/09/2025), pas un montant ; la ligne n'est pas comptée.",
    );
  });
});

describe("prodbook devis : chiffres à droite de la dernière colonne titrée", () => {
  const { devis: d, controles } = devisJsonBinaire(fichier("chiffres-a-droite"));

  it("F6, F12 et G13, contre le tableau, sont lus et listés ; le bloc de J–K, au-delà d'une colonne vide, est nommé à part", () => {
    // Before: lu 36 750,00 € without them, F and G only named as « à droite du tableau » (not in the conservation).
    const c = d.conservation;
    expect(c).toMatchObject({
      lu: "38430.00",
      lignes: "12250.00",
      totauxProuves: "24500.00",
      nonPlaces: "0.00",
      listes: "1680.00",
      ecart: "0.00",
    });
    expect(c.cellules).toEqual({ lues: 13, lignes: 7, totauxProuves: 3, nonPlaces: 0, listees: 3 });
    expect(c.horsColonnes.map((h: { colonne: string; listees: unknown }) => [h.colonne, h.listees])).toEqual([
      [
        "F",
        [
          { cellule: "Devis!F6", montant: "350.00" },
          { cellule: "Devis!F12", montant: "1250.00" },
        ],
      ],
      ["G", [{ cellule: "Devis!G13", montant: "80.00" }]],
    ]);
    // « Prévisionnel 2025 | Montant » in J–K, two empty columns away: another table, not the devis; named, not counted.
    expect(d.horsTableau).toEqual([
      { colonne: "K", cellules: 2, premiere: "Devis!K7", derniere: "Devis!K8", somme: "12500.00" },
    ]);
    const colonnes = controles.filter((x) => x.regle === "colonnes-lues").map((x) => x.cellule);
    expect(colonnes.sort()).toEqual(["Devis!F6", "Devis!G13", "Devis!K7"]);
    expect(controles.find((x) => x.cellule === "Devis!G13")?.message).toContain(
      "Il est listé dans les montants lus, mais n'est pas compté dans le total du devis",
    );
  });

  it("le résumé texte les liste", () => {
    const r = devisBinaire(fichier("chiffres-a-droite"));
    expect(r.code).toBe(0);
    expect(espacesSimples(r.out)).toContain(
      "listés 1 680,00 € ; écart 0,00 €. Nombres d'une colonne sans en-tête, lus et listés (hors total) : F6, F12, " +
        "G13 (1 680,00 €).",
    );
  });
});

/**
 * F and G of erreurs-a-droite and erreurs-sans-entete (same cells; in the second, « Observations » in I puts F and G
 * inside the table): F's 350 listed, its #REF! and its two dates listed without amount; G only an error.
 */
const COLONNES_F_G = [
  {
    colonne: "F",
    entete: "",
    cellule: "Devis!F3",
    nombres: 1,
    total: "350.00",
    listees: [{ cellule: "Devis!F6", montant: "350.00" }],
    erreurs: [{ cellule: "Devis!F7", texte: "#REF!" }],
    dates: [
      { cellule: "Devis!F12", valeur: "2025-04-15" },
      { cellule: "Devis!F13", valeur: "2025-09-30" },
    ],
  },
  {
    colonne: "G",
    entete: "",
    cellule: "Devis!G3",
    nombres: 0,
    total: "0.00",
    listees: [],
    erreurs: [{ cellule: "Devis!G9", texte: "#DIV/0!" }],
  },
];

describe("prodbook devis : erreurs et dates contre le tableau", () => {
  const { devis: d, controles } = devisJsonBinaire(fichier("erreurs-a-droite"));

  it("une erreur Excel dans la marge est comptée, listée sans montant et nommée comme celle d'un montant", () => {
    // Before: #REF! in F7 and #DIV/0! in G9 (beside the lines, right of « Montant ») were neither counted nor named.
    const c = d.conservation;
    expect(c).toMatchObject({ lu: "37100.00", lignes: "12250.00", listes: "350.00", ecart: "0.00" });
    // 7 lines, 3 totals proven, F6 (350), F7 and G9 (errors), F12 and F13 (dates): 15 read, 5 listed.
    expect(c.cellules).toEqual({ lues: 15, lignes: 7, totauxProuves: 3, nonPlaces: 0, listees: 5 });
    expect(c.horsColonnes).toEqual(COLONNES_F_G);
    const g9 = controles.find((x) => x.cellule === "Devis!G9");
    expect(g9).toEqual({
      regle: "montant-illisible",
      gravite: "erreur",
      cellule: "Devis!G9",
      message:
        "Devis!G9 « 02.5 Assistant » : cette cellule, contre le tableau à droite de sa dernière colonne titrée, est " +
        "une erreur Excel (#DIV/0!) ; elle n'est pas comptée dans le devis. Si elle cache un montant du devis, " +
        "corrigez-la et mettez ce montant dans la colonne des montants, puis relancez.",
    });
    expect(controles.filter((x) => x.regle === "montant-illisible").map((x) => x.cellule)).toEqual([
      "Devis!F7",
      "Devis!G9",
    ]);
    // G holds errors only: no « nombre non lu » said of it.
    expect(controles.filter((x) => x.regle === "colonnes-lues").map((x) => x.cellule)).toEqual(["Devis!F6"]);
  });

  it("les dates d'une colonne qui tient des montants sont nommées ; une colonne de dates seules ne l'est pas", () => {
    const f6 = controles.find((x) => x.cellule === "Devis!F6")?.message;
    expect(f6).toContain(
      "Elle tient aussi 2 dates (F12, 15/04/2025 ; F13, 30/09/2025) : listées, ni lues en euros ni comptées ; si " +
        "c'est un montant mis en forme de date, écrivez-le en euros dans la colonne des montants, puis relancez.",
    );
    // H: a date on every line (when each was agreed), no amount: no money, neither listed nor named.
    expect(JSON.stringify(d.conservation)).not.toContain("Devis!H");
    expect(controles.map((x) => x.message).join(" ")).not.toMatch(/\bH\d/);
    expect(d.horsTableau).toBeUndefined();
  });

  it("le résumé texte les nomme", () => {
    const r = devisBinaire(fichier("erreurs-a-droite"));
    expect(r.code).toBe(0);
    expect(espacesSimples(r.out)).toContain(
      "Dates ou erreurs Excel d'une colonne sans en-tête, lues et listées sans montant : F7, F12:F13, G9.",
    );
  });
});

describe("prodbook devis : erreurs et dates dans une colonne sans en-tête entre les en-têtes", () => {
  // Same cells as erreurs-a-droite, with « Observations » in I: F, G and H are unheaded columns inside the table.
  const { devis: d, controles } = devisJsonBinaire(fichier("erreurs-sans-entete"));

  it("une erreur Excel est comptée, listée sans montant et nommée ; les dates à côté de montants sont listées", () => {
    // Before: lues 11, listees 1, horsColonnes F with F6 only; #REF! in F7, #DIV/0! in G9 and the dates in F12 and
    // F13 were neither counted nor named.
    const c = d.conservation;
    expect(c).toMatchObject({ lu: "37100.00", lignes: "12250.00", listes: "350.00", ecart: "0.00" });
    expect(c.cellules).toEqual({ lues: 15, lignes: 7, totauxProuves: 3, nonPlaces: 0, listees: 5 });
    expect(c.horsColonnes).toEqual(COLONNES_F_G);
    expect(controles.find((x) => x.cellule === "Devis!F7")).toEqual({
      regle: "montant-illisible",
      gravite: "erreur",
      cellule: "Devis!F7",
      message:
        "Devis!F7 « 02.3 » : cette cellule, dans une colonne sans en-tête du tableau, est une erreur Excel (#REF!) ; " +
        "elle n'est pas comptée dans le devis. Si elle cache un montant du devis, corrigez-la et mettez ce montant " +
        "dans la colonne des montants, puis relancez.",
    });
    expect(controles.filter((x) => x.regle === "montant-illisible").map((x) => x.cellule)).toEqual([
      "Devis!F7",
      "Devis!G9",
    ]);
    expect(controles.filter((x) => x.regle === "colonnes-lues").map((x) => x.cellule)).toEqual(["Devis!F6"]);
    expect(controles.find((x) => x.cellule === "Devis!F6")?.message).toContain(
      "Elle tient aussi 2 dates (F12, 15/04/2025 ; F13, 30/09/2025) : listées, ni lues en euros ni comptées ;",
    );
  });

  it("une colonne de dates seules reste muette ; le résumé texte nomme les autres", () => {
    expect(JSON.stringify(d.conservation)).not.toContain("Devis!H");
    expect(controles.map((x) => x.message).join(" ")).not.toMatch(/\bH\d/);
    const r = devisBinaire(fichier("erreurs-sans-entete"));
    expect(r.code).toBe(0);
    expect(espacesSimples(r.out)).toContain(
      "Dates ou erreurs Excel d'une colonne sans en-tête, lues et listées sans montant : F7, F12:F13, G9.",
    );
  });
});

describe("prodbook devis : chiffres à droite d'un tableau empilé", () => {
  const { devis: d, controles } = devisJsonBinaire(fichier("empile-a-droite"));

  it("contre le second tableau (E, à droite de son « Montant » en D) : lus et listés ; au-delà d'une colonne vide : nommés à part", () => {
    // Before: lu 41 500,00 €, E19 and E22 only named « à droite du tableau » (horsTableau E, 190,00 €), #N/A in E20
    // and « 15/04/2025 » in E21 silent.
    const c = d.conservation;
    expect(c.tableaux.map((t: { cellule: string }) => t.cellule)).toEqual(["Devis!A3", "Devis!A18"]);
    expect(c).toMatchObject({
      lu: "41690.00",
      lignes: "16750.00",
      nonPlaces: "250.00",
      listes: "190.00",
      ecart: "0.00",
    });
    expect(c.cellules).toEqual({ lues: 18, lignes: 10, totauxProuves: 3, nonPlaces: 1, listees: 4 });
    expect(c.horsColonnes).toEqual([
      {
        colonne: "E",
        entete: "",
        cellule: "Devis!E18",
        nombres: 2,
        total: "190.00",
        listees: [
          { cellule: "Devis!E19", montant: "150.00" },
          { cellule: "Devis!E22", montant: "40.00" },
        ],
        erreurs: [{ cellule: "Devis!E20", texte: "#N/A" }],
        dates: [{ cellule: "Devis!E21", valeur: "2025-04-15" }],
      },
    ]);
    // G, beyond the empty F: another block, named, not counted.
    expect(d.horsTableau).toEqual([
      { colonne: "G", cellules: 2, premiere: "Devis!G19", derniere: "Devis!G21", somme: "5000.00" },
    ]);
    expect(controles.find((x) => x.cellule === "Devis!E20")).toMatchObject({
      regle: "montant-illisible",
      gravite: "erreur",
    });
    expect(controles.find((x) => x.cellule === "Devis!E19")?.message).toContain(
      "la colonne E, sans en-tête, tient 2 nombres hors des colonnes du devis (190,00 € au total) : E19 (150,00 €), " +
        "E22 (40,00 €). Ils sont listés dans les montants lus",
    );
  });
});

describe("prodbook devis : lignes sous le total général", () => {
  const { devis: d, controles } = devisJsonBinaire(fichier("ligne-apres-total"));

  it("une ligne rattachée à un chapitre sous le total : dite comptée en plus du total, avec les deux remèdes", () => {
    // Before: « Assurance tournage » (07.3) counted in chapter 7 under « TOTAL GÉNÉRAL » without a word.
    expect(d.total).toBe("13150.00");
    expect(controles.filter((x) => x.regle === "ligne-sous-total")).toEqual([
      {
        regle: "ligne-sous-total",
        gravite: "alerte",
        cellule: "Devis!E16",
        message:
          "Devis!E16 « Assurance tournage » : cette ligne est sous le total du devis « TOTAL GÉNÉRAL » (Devis!E15, " +
          "12 250,00 €), mais son code « 07.3 » la rattache au chapitre 7 « Moyens techniques » : son montant 900,00 € " +
          "est compté dans ce chapitre, en plus de ce total. Si elle fait partie du chapitre 7, déplacez-la dans ce " +
          "chapitre, au-dessus de son sous-total, et ajoutez son montant au sous-total et au total. Si elle est hors " +
          "devis, déplacez-la sur une autre feuille : elle ne doit pas être comptée. Puis relancez.",
      },
    ]);
  });

  it("une ligne sans chapitre sous le total : non comptée, et jamais le conseil de lui donner un titre de chapitre", () => {
    // Before: « Indiquez le chapitre de la ligne … par un titre de chapitre au-dessus d'elle », as for any line.
    expect(d.nonPlaces).toEqual([{ cellule: "Devis!E17", montant: "2000.00" }]);
    const m = controles.filter((x) => x.cellule === "Devis!E17");
    expect(m.map((x) => x.message)).toEqual([
      "Devis!E17 « Reliquat (hors devis) » : cette ligne est sous le total du devis « TOTAL GÉNÉRAL » (Devis!E15, " +
        "12 250,00 €) et n'est rattachée à aucun chapitre : son montant 2 000,00 € n'est pas compté dans le total ; il " +
        "est listé parmi les montants non placés. S'il est hors devis, il n'y a rien à faire. S'il fait partie du " +
        "devis, déplacez la ligne dans son chapitre, au-dessus du total, et ajoutez son montant au sous-total du " +
        "chapitre et au total, puis relancez.",
    ]);
    expect(m[0].message).not.toContain("titre de chapitre");
    expect(d.conservation).toMatchObject({ lu: "39650.00", lignes: "13150.00", nonPlaces: "2000.00", ecart: "0.00" });
  });
});
