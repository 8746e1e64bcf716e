import ExcelJS from "exceljs";
import * as path from "path";
import { classeurDevis, type Cellule } from "../core/devis/outils";
import { devisBinaire, dossierTemporaire, type ConstatJson as Controle } from "../helpers/cli";

/**
 * Issue 10, conservation outside the table, through the built binary (npm run build:cli), on the workbooks of
 * tests/fixtures/devis-reels (generer.js, `chiffresHorsTableau`): a recap just under the header in another column than
 * the amounts (H–I beside, A–B left of a table in C–H), figures between two stacked tables, and numbers above the header
 * whose unit proves them no amount. Every figure is placed, proven or listed with its cell; no number is said in euros
 * unless nothing proves its unit.
 */
const fichier = (nom: string) => path.join(__dirname, "../fixtures/devis-reels", nom);
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const dossier = dossierTemporaire("prodbook-devis-hors-tableau-");

function json(nom: string) {
  const r = devisBinaire(fichier(nom), "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}
const message = (j: { controles: Controle[] }, cellule: string) =>
  sp(j.controles.find((c) => c.cellule === cellule && c.regle !== "colonnes-lues")?.message ?? "");

/** The « Contrôles » sheet written by -o: each row's message (column C), and its conservation sentence (A3). */
async function controles(nom: string) {
  const sortie = path.join(dossier(), nom);
  const r = devisBinaire(fichier(nom), "-o", sortie);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  const ws = wb.getWorksheet("Contrôles") as ExcelJS.Worksheet;
  const messages: string[] = [];
  ws.eachRow((row) => messages.push(sp(String(row.getCell(3).value ?? ""))));
  return { messages, conservation: sp(String(ws.getCell("A3").value ?? "")) };
}

/** The recap's five figures, in the column `col` from row 4 (« 02 Personnel » typed 52 000 € for 52 800 €). */
const recap = (col: string, place: string) =>
  [55000, 52000, 35100, 18000, 160900].map((m, i) => ({
    cellule: `Devis!${col}${4 + i}`,
    montant: `${m}.00`,
    place,
    nature: "montant",
  }));

describe("prodbook devis : récapitulatif sous l'en-tête dans une autre colonne que les montants", () => {
  it.each([
    ["devis-recap-sous-entete-cote.xlsx", "I", "F", "sous-entete", "du récapitulatif sous l'en-tête"],
    ["devis-recap-sous-entete-gauche.xlsx", "B", "H", "sous-entete", "du récapitulatif sous l'en-tête"],
    // Beside the chapters' own rows, under no header: before, named only as « columns right of the table », never
    // compared with the devis nor counted; then said « sous l'en-tête » (`place` « sous-entete »), where it is not.
    ["devis-recap-cote-lignes.xlsx", "I", "F", "a-cote", "du récapitulatif à côté du tableau"],
  ])("%s : prouvé par le calcul, compté hors de la colonne, nommé une fois", async (nom, col, colonne, place, dit) => {
    const j = json(nom);
    // The recap's rows are no lines: the devis is its 7 lines, its total 160 900 €.
    expect(j.devis.lignes).toBe(7);
    expect(j.devis.total).toBe("160900.00");
    expect(j.devis.conservation).toMatchObject({
      colonne,
      lu: "803700.00",
      lignes: "160900.00",
      totauxProuves: "590800.00",
      nonPlaces: "0.00",
      listes: "52000.00",
      ecart: "0.00",
      cellules: { lues: 17, lignes: 7, totauxProuves: 9, nonPlaces: 0, listees: 1 },
      nonComptees: [],
      ailleurs: recap(col, place),
    });
    expect(j.devis.recapitulatifSurFeuille).toEqual({
      place,
      cellule: `Devis!${col}4`,
      montants: 5,
      chapitres: 4,
      total: true,
      ecarts: [
        { cellule: `Devis!${col}5`, libelle: "02 Personnel", chapitre: "2", montant: "52000.00", attendu: "52800.00" },
      ],
    });
    expect(message(j, `Devis!${col}5`)).toBe(
      `Devis!${col}5 « 02 Personnel » : 52 000,00 € n'est pas compté dans le devis ; ce montant répète un montant ` +
        "dans un récapitulatif, mais il diffère du devis : le chapitre 2 du devis fait 52 800,00 €. Vérifiez cette " +
        "cellule : ce sont les lignes du devis qui sont comptées.",
    );
    // Before (beside the table): the recap also said « ne sont pas lus comme le devis » by colonnes-lues, twice named.
    expect(j.devis.horsTableau).toBeUndefined();
    expect(j.controles.filter((c: Controle) => c.regle === "colonnes-lues")).toEqual([]);
    const r = devisBinaire(fichier(nom));
    expect(sp(r.out)).toContain(
      `Montants lus (colonne ${colonne}, et ${col}4:${col}8 ${dit}) : 803 700,00 € = lignes ` +
        "placées 160 900,00 € + totaux prouvés 590 800,00 € + non placés 0,00 € + listés 52 000,00 € ; écart 0,00 €.",
    );
    const c = await controles(nom);
    expect(c.conservation).toContain(`et ${col}4:${col}8 ${dit}`);
    if (place === "a-cote") expect(c.conservation).not.toContain("sous l'en-tête");
    expect(c.messages.some((x) => x.startsWith(`Devis!${col}5 « 02 Personnel » : 52 000,00 €`))).toBe(true);
  });
});

describe("prodbook devis : chiffres entre deux tableaux empilés", () => {
  it("lus au-dessus de l'en-tête du second tableau : listés avec leur cellule, l'erreur nommée, écart 0", async () => {
    const j = json("devis-empiles-chiffres-entre.xlsx");
    expect(j.devis.conservation.tableaux).toEqual([
      { cellule: "Devis!A3", colonne: "F" },
      { cellule: "Devis!A27", colonne: "D" },
    ]);
    // Before: C21 (8 000 €), C22, D23 (#REF!) and B24 (1 250 €) were neither read nor said (lu 486 400 €).
    expect(j.devis.conservation).toMatchObject({
      lu: "495650.00",
      lignes: "164600.00",
      totauxProuves: "321800.00",
      nonPlaces: "0.00",
      listes: "9250.00",
      ecart: "0.00",
      cellules: { lues: 18, lignes: 9, totauxProuves: 5, nonPlaces: 0, listees: 4 },
      nonComptees: [],
      ailleurs: [
        { cellule: "Devis!C21", montant: "8000.00", place: "au-dessus", nature: "montant", entete: "Devis!A27" },
        {
          cellule: "Devis!C22",
          montant: null,
          place: "au-dessus",
          nature: "nombre",
          valeur: "32",
          unite: "jours",
          entete: "Devis!A27",
        },
        { cellule: "Devis!D23", montant: null, place: "au-dessus", nature: "montant", entete: "Devis!A27" },
        { cellule: "Devis!B24", montant: "1250.00", place: "au-dessus", nature: "montant", entete: "Devis!A27" },
      ],
    });
    expect(message(j, "Devis!C21")).toBe(
      "Devis!C21 « Provision imprévus (hors devis) » : 8 000,00 € n'est pas compté dans le devis ; ce montant est " +
        "écrit au-dessus de la ligne d'en-tête du tableau en A27, hors de ses lignes : ce n'est ni une ligne ni un " +
        "total prouvé. Vérifiez cette cellule : si c'est une ligne du devis, placez-la sous l'en-tête, avec les autres.",
    );
    expect(message(j, "Devis!C22")).toBe(
      "Devis!C22 « Jours de tournage » : 32 (jours) est écrit au-dessus de la ligne d'en-tête du tableau en A27 ; " +
        "c'est un nombre, pas un montant : il n'est ni lu en euros ni compté dans le devis.",
    );
    const e = j.controles.find((c: Controle) => c.cellule === "Devis!D23");
    expect(e.gravite).toBe("alerte");
    expect(sp(e.message)).toBe(
      "Devis!D23 « Frais de structure » : cette cellule, au-dessus de la ligne d'en-tête du tableau en A27, est une " +
        "erreur Excel (#REF!) ; elle n'est pas comptée dans le devis. Corrigez-la, puis relancez.",
    );
    // Each cell named once: no colonnes-lues finding repeats them.
    for (const cellule of ["Devis!C21", "Devis!C22", "Devis!D23", "Devis!B24"])
      expect(j.controles.filter((c: Controle) => c.cellule === cellule)).toHaveLength(1);
    const r = devisBinaire(fichier("devis-empiles-chiffres-entre.xlsx"));
    expect(sp(r.out)).toContain(
      "Montants lus (colonne F sous l'en-tête en A3, colonne D sous l'en-tête en A27, et B24, C21, D23 au-dessus de " +
        "l'en-tête en A27) : 495 650,00 € = lignes placées 164 600,00 € + totaux prouvés 321 800,00 € + non placés " +
        "0,00 € + listés 9 250,00 € ; écart 0,00 €. Nombre lu hors du tableau, qui n'est pas un montant (ni en " +
        "euros ni dans les sommes) : C22 32 (jours).",
    );
  });
});

describe("prodbook devis : nombres et dates entre deux tableaux, dans la colonne du montant du tableau du haut", () => {
  it("un nombre d'unité prouvée est listé comme nombre, sans unité il reste un montant ; les dates sont nommées", async () => {
    const j = json("devis-empiles-nombres-colonne.xlsx");
    const nombre = (cellule: string, valeur: string, unite: string, nature = "nombre", entete = "Devis!A28") => ({
      cellule,
      montant: null,
      place: "au-dessus",
      nature,
      valeur,
      unite,
      ...(entete ? { entete } : {}),
    });
    expect(j.devis.conservation.ailleurs).toEqual([
      // A real date above the header: before, neither read nor said.
      nombre("Devis!B2", "2025-04-15", "date", "date", ""),
      // In F, the first table's amount column, after its « TOTAL GÉNÉRAL »: before, lines in euros (32,00 €, 6,00 €).
      nombre("Devis!F21", "32", "jours"),
      nombre("Devis!F22", "6", "semaines"),
      nombre("Devis!B25", "2025-05-20", "date", "date"),
    ]);
    // 32 and 6 are in no sum of euros; « Reliquat | 1 250 » (no unit proven) stays an amount, an unplaced line.
    expect(j.devis.conservation).toMatchObject({
      lu: "487650.00",
      lignes: "164600.00",
      totauxProuves: "321800.00",
      nonPlaces: "1250.00",
      listes: "0.00",
      ecart: "0.00",
      cellules: { lues: 20, lignes: 9, totauxProuves: 5, nonPlaces: 1, listees: 5 },
      nonComptees: [],
    });
    // 7 lines above, 2 below, and « Reliquat »; before, 12 (with F21 and F22).
    expect(j.devis.lignes).toBe(10);
    expect(j.devis.nonPlaces).toEqual([{ cellule: "Devis!F23", montant: "1250.00" }]);
    // A date in the amount column read by the table stays an error, as before: never a number listed, never euros.
    const date = j.controles.find((c: Controle) => c.cellule === "Devis!F24");
    expect(date).toMatchObject({ regle: "montant-illisible", gravite: "erreur" });
    expect(sp(date.message)).toContain("le montant est une date (30/09/2025), pas un montant");
    expect(JSON.stringify(j.devis.conservation.ailleurs)).not.toContain("Devis!F24");
    expect(message(j, "Devis!F21")).toBe(
      "Devis!F21 « Jours de tournage » : 32 (jours) est écrit au-dessus de la ligne d'en-tête du tableau en A28 ; " +
        "c'est un nombre, pas un montant : il n'est ni lu en euros ni compté dans le devis.",
    );
    expect(message(j, "Devis!B2")).toBe(
      "Devis!B2 « Date du devis » : 15/04/2025 est écrit au-dessus de la ligne d'en-tête du devis ; c'est une date, " +
        "pas un montant : il n'est ni lu en euros ni compté dans le devis.",
    );
    for (const m of ["32,00 €", "6,00 €"])
      expect(j.controles.filter((c: Controle) => sp(c.message).includes(` ${m}`))).toEqual([]);
    const attendu =
      "Montants lus (colonne F sous l'en-tête en A3, colonne D sous l'en-tête en A28) : 487 650,00 € = lignes placées " +
      "164 600,00 € + totaux prouvés 321 800,00 € + non placés 1 250,00 € + listés 0,00 € ; écart 0,00 €. Nombres lus " +
      "hors du tableau, qui ne sont pas des montants (ni en euros ni dans les sommes) : B2 15/04/2025, F21 32 (jours), " +
      "F22 6 (semaines), B25 20/05/2025.";
    expect(sp(devisBinaire(fichier("devis-empiles-nombres-colonne.xlsx")).out)).toContain(attendu);
    expect((await controles("devis-empiles-nombres-colonne.xlsx")).conservation).toBe(attendu);
  });
});

describe("prodbook devis : chiffres entre deux tableaux, dans une colonne que le tableau du haut nomme déjà", () => {
  it("« Observations » du premier tableau : ses nombres sous lui restent nommés par la colonne, jamais deux fois", async () => {
    const rows: Cellule[][] = [
      ["Code", "Désignation", "Qté", "Tarif", "Montant", "Observations"],
      ["1", "PRÉPARATION"],
      ["", "Repérages", 2, 500, 1000, 12],
      ["", "Casting", 1, 800, 800],
      [],
      ["", "Jours de tournage", null, null, null, 32],
      ["", "Note", null, null, null, 4500],
      ["", "Apport", null, 2500],
      [],
      ["Poste", "Qté", "Tarif", "Montant"],
      ["Caméra", 3, 1000, 3000],
    ];
    const r = devisBinaire(await classeurDevis(dossier(), "observations.xlsx", rows), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // F6 and F7 are the « Observations » column's (3 numbers, 4 544), said by colonnes-lues; D8 is nobody's: listed.
    expect(j.devis.conservation).toMatchObject({
      lu: "7300.00",
      lignes: "4800.00",
      listes: "2500.00",
      ecart: "0.00",
      ailleurs: [
        { cellule: "Devis!D8", montant: "2500.00", place: "au-dessus", nature: "montant", entete: "Devis!A10" },
      ],
      horsColonnes: [{ colonne: "F", entete: "Observations", cellule: "Devis!F1", nombres: 3, total: "4544.00" }],
    });
    for (const cellule of ["Devis!F6", "Devis!F7"]) expect(JSON.stringify(j.controles)).not.toContain(cellule);
  });
});

describe("prodbook devis : nombres au-dessus de l'en-tête dont l'unité prouve qu'ils ne sont pas des montants", () => {
  it("année, durées, jours, % : listés comme nombres, jamais en euros ; sans unité prouvée, des montants", async () => {
    const j = json("devis-nombres-au-dessus.xlsx");
    const nombre = (cellule: string, valeur: string, unite: string, nature = "nombre") => ({
      cellule,
      montant: null,
      place: "au-dessus",
      nature,
      valeur,
      unite,
    });
    const montant = (cellule: string, m: string) => ({ cellule, montant: m, place: "au-dessus", nature: "montant" });
    expect(j.devis.conservation.ailleurs).toEqual([
      nombre("Devis!F3", "2026", "année", "date"),
      nombre("Devis!E4", "90", "min"),
      nombre("Devis!F5", "32", "jours"),
      // « Durée : 90 min » (A6), one text: no figure, nothing read.
      // A unit in parentheses beside « totale »: a duration all the same.
      nombre("Devis!F7", "95", "min"),
      nombre("Devis!F8", "45", "%"),
      // Its own format (0" semaines") proves its unit, over the column's format in euros.
      nombre("Devis!F9", "6", "semaines"),
      // No unit proven (« Tournage | 2026 »): words never make a number no amount; « Coût par jour » is money.
      montant("Devis!F10", "2026.00"),
      montant("Devis!F11", "5000.00"),
      montant("Devis!F12", "150000.00"),
    ]);
    // Only the amounts are summed: 2 026 + 5 000 + 150 000 listed, never 2 026 + 90 + 32 + 95 + 45 + 6 of the numbers.
    expect(j.devis.conservation).toMatchObject({
      lu: "639726.00",
      lignes: "160900.00",
      totauxProuves: "321800.00",
      listes: "157026.00",
      ecart: "0.00",
      cellules: { lues: 21, lignes: 7, totauxProuves: 5, nonPlaces: 0, listees: 9 },
      nonComptees: [],
    });
    expect(message(j, "Devis!F3")).toBe(
      "Devis!F3 « Année de production » : 2026 (année) est écrit au-dessus de la ligne d'en-tête du devis ; c'est " +
        "une date, pas un montant : il n'est ni lu en euros ni compté dans le devis.",
    );
    expect(message(j, "Devis!F10")).toContain("Devis!F10 « Tournage » : 2 026,00 € n'est pas compté dans le devis");
    // Before: « Devis!F3 « Année de production » : 2 026,00 € », « 90,00 € », « 45,00 € »… Only F10 says 2 026 € now.
    const enEuros = (m: string) => j.controles.filter((c: Controle) => sp(c.message).includes(` ${m}`));
    expect(enEuros("2 026,00 €").map((c: Controle) => c.cellule)).toEqual(["Devis!F10"]);
    for (const m of ["90,00 €", "32,00 €", "95,00 €", "45,00 €", "6,00 €"]) expect(enEuros(m)).toEqual([]);
    // « Durée : 90 min » is the work's duration (read as such), no figure of the conservation.
    expect(j.duree).toEqual({ minutes: "90", origine: "classeur", cellule: "Devis!A6" });
    expect(JSON.stringify(j.devis.conservation)).not.toContain("Devis!A6");
    const attendu =
      "Montants lus (colonne F, et au-dessus de l'en-tête F10:F12) : 639 726,00 € = lignes placées 160 900,00 € + " +
      "totaux prouvés 321 800,00 € + non placés 0,00 € + listés 157 026,00 € ; écart 0,00 €. Nombres lus hors du " +
      "tableau, qui ne sont pas des montants (ni en euros ni dans les sommes) : F3 2026 (année), E4 90 (min), F5 32 " +
      "(jours), F7 95 (min), F8 45 (%), F9 6 (semaines).";
    expect(sp(devisBinaire(fichier("devis-nombres-au-dessus.xlsx")).out)).toContain(attendu);
    const c = await controles("devis-nombres-au-dessus.xlsx");
    expect(c.conservation).toBe(attendu);
    expect(c.messages.some((x) => x.startsWith("Devis!E4 « Durée » : 90 (min)"))).toBe(true);
    expect(c.messages.some((x) => x.includes("90,00 €"))).toBe(false);
  });
});
