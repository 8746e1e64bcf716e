import ExcelJS from "exceljs";
import * as path from "path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fabriqueVariantes } from "../helpers/cli";

/*
 * tests/fixtures/devis-cinema/devis-cinema.xlsx (« Devis La Rade », cinema), chapter 3 (interprétation):
 *   row 20 « Rôle principal (comédienne) » 20 jour × 450 € (F20) = 9 000 € (G20);
 *   row 21 « Seconds rôles » 30 jour × 350 € (F21) = 10 500 € (G21).
 * Table idcc3097-artistes-minima (avenant du 20 décembre 2021, in force 1 January 2022), long-métrage: engagement à la
 * journée 412,08 €, à la semaine de 5 jours 1 248,87 €, de 6 jours 1 548,03 €. The salaire-minimum check of a cinema
 * devis compares the artist lines (chapter 3, as the cinema tax credit finds them) to it: F21 350 € < 412,08 €.
 */
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
/*
 * tests/fixtures/devis-cinema/devis-court-metrage.xlsx (generer-court-metrage.js): the same devis as a short film,
 * « … DEVIS COURT MÉTRAGE « La Rade » (cinéma, fiction) — durée 25 min » in A1 (the duration the CLI reads there):
 *   row 20 « Rôle principal (comédienne) » 4 jour × 150 € (F20); row 21 « Seconds rôles » 3 jour × 147,27 € (F21).
 * Court-métrage minima of the same table (accord du 9 juillet 2014, avenant du 20 décembre 2021): journée 147,28 €,
 * semaine de 5 jours 552,39 €, de 6 jours 662,78 €. A work of an hour at most is a short film (code du cinéma,
 * art. D. 210-2).
 */
const COURT = path.join(__dirname, "../fixtures/devis-cinema/devis-court-metrage.xlsx");
const dossier = dossierTemporaire("prodbook-devis-artistes-");
const variante = fabriqueVariantes(dossier);
const OPTIONS = ["--oeuvre", "cinema", "--genre", "fiction", "--date", "2025-09-01"];
/** The format the finding names when the workbook writes no duration and none is given: the long feature's minima. */
const SANS_DUREE = "annexe III.1 (long-métrage ; durée du film non indiquée, minimum du long-métrage retenu)";

function enregistreur(): Io & { sortie: string[]; erreurs: string[] } {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { sortie, erreurs, out: (t) => sortie.push(t), err: (t) => erreurs.push(t) };
}

interface Constat {
  regle: string;
  gravite: string;
  message: string;
  cellule: string;
}

async function controles(fichier: string, args: string[] = OPTIONS) {
  const io = enregistreur();
  expect(await main(["devis", fichier, "--json", ...args], io)).toBe(0);
  expect(io.erreurs).toEqual([]);
  const j = JSON.parse(io.sortie[0]);
  return j.controles as Constat[];
}

/** The artist findings (chapter 3 lines' rate cells, F20 and F21). */
const artistes = (cs: Constat[]) =>
  cs.filter((c) => ["salaire-minimum", "grille-minima-inconnue"].includes(c.regle) && /!F2[01]$/.test(c.cellule ?? ""));

/** The messages of the artist findings. */
const messages = async (fichier: string, args: string[] = OPTIONS) =>
  artistes(await controles(fichier, args)).map((c) => c.message);

/** Row 21 as `quantite` × `taux` in `unite` (and `libelle`), its amount (a formula's cached result) and the total kept. */
function ligne21(quantite: number, unite: string, taux: number, libelle = "Seconds rôles") {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet("Devis La Rade")!;
    const avant = (ws.getCell("G21").value as { result: number }).result;
    const montant = Math.round(quantite * taux * 100) / 100;
    ws.getCell("B21").value = libelle;
    ws.getCell("C21").value = quantite;
    ws.getCell("D21").value = unite;
    ws.getCell("F21").value = taux;
    ws.getCell("G21").value = { formula: "ROUND(C21*E21*F21,2)", result: montant };
    ws.eachRow((r) => {
      if (r.getCell(2).value !== "TOTAL") return;
      const t = r.getCell(7).value as { formula: string; result: number };
      r.getCell(7).value = { formula: t.formula, result: Math.round((t.result - avant + montant) * 100) / 100 };
    });
  };
}

describe("prodbook devis --oeuvre cinema : artistes-interprètes sous le minimum IDCC 3097", () => {
  it("le devis d'exemple : F21 (350 € par jour) signalé, nommant le taux payé, le minimum, la table et sa version", async () => {
    const c = artistes(await controles(CINEMA));
    expect(c).toEqual([
      {
        regle: "salaire-minimum",
        gravite: "alerte",
        cellule: "'Devis La Rade'!F21",
        message:
          "'Devis La Rade'!F21 « Seconds rôles » : 350,00\u00a0€ par jour, sous le minimum IDCC 3097 des " +
          "artistes-interprètes : 412,08\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
          `1er\u00a0janvier\u00a02022, ${SANS_DUREE}, engagement à la journée).`,
      },
    ]);
    // An audiovisual devis is not checked against the cinema artists' grid.
    expect(artistes(await controles(CINEMA, ["--oeuvre", "audiovisuel", "--genre", "fiction"]))).toEqual([]);
  });

  it("à la limite : 412,07 € par jour signalé, 412,08 € non", async () => {
    const sous = await variante(CINEMA, "artiste-41207.xlsx", ligne21(30, "jour", 412.07));
    const c = artistes(await controles(sous));
    expect(c.map((x) => x.cellule)).toEqual(["'Devis La Rade'!F21"]);
    expect(c[0].message).toContain(
      ": 412,07\u00a0€ par jour, sous le minimum IDCC 3097 des artistes-interprètes : 412,08",
    );
    const pile = await variante(CINEMA, "artiste-41208.xlsx", ligne21(30, "jour", 412.08));
    expect(artistes(await controles(pile))).toEqual([]);
  });

  it("à la semaine : 5 jours quand la ligne ne dit rien (1 248,87 €), 6 jours quand elle le dit (1 548,03 €)", async () => {
    const sous = await variante(CINEMA, "artiste-sem-124886.xlsx", ligne21(7, "sem.", 1248.86));
    const c = artistes(await controles(sous));
    expect(c.map((x) => x.message)).toEqual([
      "'Devis La Rade'!F21 « Seconds rôles » : 1\u202f248,86\u00a0€ par semaine, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 1\u202f248,87\u00a0€ par semaine (table idcc3097-artistes-minima en vigueur au " +
        `1er\u00a0janvier\u00a02022, ${SANS_DUREE}, engagement à la semaine de 5 jours (durée de la ` +
        "semaine non dite : semaine normale de tournage, titre III, art. 4.2.1)).",
    ]);
    const pile = await variante(CINEMA, "artiste-sem-124887.xlsx", ligne21(7, "semaine", 1248.87));
    expect(artistes(await controles(pile))).toEqual([]);
    const six = await variante(
      CINEMA,
      "artiste-sem6-154802.xlsx",
      ligne21(7, "semaine", 1548.02, "Seconds rôles (semaine de 6 jours)"),
    );
    expect(artistes(await controles(six)).map((x) => x.message)).toEqual([
      expect.stringContaining(
        ": 1\u202f548,02\u00a0€ par semaine, sous le minimum IDCC 3097 des artistes-interprètes : 1\u202f548,03\u00a0€ " +
          "par semaine (table idcc3097-artistes-minima en vigueur au 1er\u00a0janvier\u00a02022, " +
          `${SANS_DUREE}, engagement à la semaine de 6 jours).`,
      ),
    ]);
  });

  it("la feuille Paramètres remplace le minimum : 340 € → F21 passe ; 450,01 € → F20 et F21 signalés", async () => {
    const avec = (valeur: string, nom: string) =>
      variante(CINEMA, nom, (wb) => {
        const p = wb.addWorksheet("Paramètres");
        p.addRow(["Paramètre", "Valeur"]);
        p.addRow(["devis.salaire-minimum.artiste-interprete", valeur]);
      });
    const bas = await controles(await avec("340", "artiste-param-340.xlsx"));
    expect(artistes(bas)).toEqual([]);
    expect(bas.filter((c) => c.regle === "devis-parametre-inconnu")).toEqual([]);
    const haut = artistes(await controles(await avec("450,01", "artiste-param-450.xlsx")));
    expect(haut.map((c) => c.cellule)).toEqual(["'Devis La Rade'!F20", "'Devis La Rade'!F21"]);
    expect(haut[0].message).toBe(
      "'Devis La Rade'!F20 « Rôle principal (comédienne) » : 450,00\u00a0€ par jour, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 450,01\u00a0€ par jour (paramètre 'Paramètres'!B2 remplaçant le minimum de la table " +
        "idcc3097-artistes-minima en vigueur au 1er\u00a0janvier\u00a02022).",
    );
  });

  it("-o : la feuille Contrôles écrit le constat de F21", async () => {
    const sortie = path.join(dossier(), "controles.xlsx");
    const io = enregistreur();
    expect(await main(["devis", CINEMA, ...OPTIONS, "-o", sortie], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const textes: string[] = [];
    wb.getWorksheet("Contrôles")!.eachRow((r) => r.eachCell((c) => textes.push(String(c.value))));
    expect(textes).toContain(
      "'Devis La Rade'!F21 « Seconds rôles » : 350,00\u00a0€ par jour, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 412,08\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
        `1er\u00a0janvier\u00a02022, ${SANS_DUREE}, engagement à la journée).`,
    );
  });
});

describe("prodbook devis --oeuvre cinema : court-métrage, minima de l'accord du 9 juillet 2014", () => {
  const court = (duree: string) => `accord du 9 juillet 2014 (court-métrage : ${duree} min, une heure au plus)`;

  it("durée lue dans le classeur (25 min, A1) : F21 147,27 € signalé sous 147,28 €, F20 150 € non", async () => {
    const io = enregistreur();
    expect(await main(["devis", COURT, "--json", ...OPTIONS], io)).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    expect(j.duree).toEqual({ minutes: "25", origine: "classeur", cellule: "'Devis La Rade'!A1" });
    expect(artistes(j.controles)).toEqual([
      {
        regle: "salaire-minimum",
        gravite: "alerte",
        cellule: "'Devis La Rade'!F21",
        message:
          "'Devis La Rade'!F21 « Seconds rôles » : 147,27\u00a0€ par jour, sous le minimum IDCC 3097 des " +
          "artistes-interprètes : 147,28\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
          `1er\u00a0janvier\u00a02022, ${court("25")}, engagement à la journée).`,
      },
    ]);
    // 147,28 € per day, the short-film minimum to the cent: no finding.
    const pile = await variante(COURT, "court-14728.xlsx", ligne21(3, "jour", 147.28));
    expect(await messages(pile)).toEqual([]);
  });

  it("à la limite d'une heure : --duree 60 court-métrage (147,28 €), --duree 61 long-métrage (412,08 €)", async () => {
    expect(await messages(COURT, [...OPTIONS, "--duree", "60"])).toEqual([
      expect.stringContaining(
        `: 147,28\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au 1er\u00a0janvier\u00a02022, ${court("60")}`,
      ),
    ]);
    const long = "annexe III.1 (long-métrage : 61 min, plus d'une heure)";
    expect(await messages(COURT, [...OPTIONS, "--duree", "61"])).toEqual([
      "'Devis La Rade'!F20 « Rôle principal (comédienne) » : 150,00\u00a0€ par jour, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 412,08\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
        `1er\u00a0janvier\u00a02022, ${long}, engagement à la journée).`,
      "'Devis La Rade'!F21 « Seconds rôles » : 147,27\u00a0€ par jour, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 412,08\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
        `1er\u00a0janvier\u00a02022, ${long}, engagement à la journée).`,
    ]);
    // The long devis given 60 minutes is checked as a short film: 350 € and 450 € per day are above 147,28 €.
    expect(await messages(CINEMA, [...OPTIONS, "--duree", "60"])).toEqual([]);
  });

  it("à la semaine : 552,38 € sous la semaine de 5 jours (552,39 €), 662,77 € sous celle de 6 jours dite", async () => {
    const sous = await variante(COURT, "court-sem-55238.xlsx", ligne21(1, "semaine", 552.38));
    expect(await messages(sous)).toEqual([
      "'Devis La Rade'!F21 « Seconds rôles » : 552,38\u00a0€ par semaine, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 552,39\u00a0€ par semaine (table idcc3097-artistes-minima en vigueur au " +
        `1er\u00a0janvier\u00a02022, ${court("25")}, engagement à la semaine de 5 jours (durée de la semaine non ` +
        "dite : semaine normale de tournage, titre III, art. 4.2.1)).",
    ]);
    const pile = await variante(COURT, "court-sem-55239.xlsx", ligne21(1, "semaine", 552.39));
    expect(await messages(pile)).toEqual([]);
    const six = await variante(
      COURT,
      "court-sem6-66277.xlsx",
      ligne21(1, "semaine", 662.77, "Seconds rôles (6 jours)"),
    );
    expect(await messages(six)).toEqual([
      expect.stringContaining(
        ": 662,77\u00a0€ par semaine, sous le minimum IDCC 3097 des artistes-interprètes : 662,78",
      ),
    ]);
    const six78 = await variante(
      COURT,
      "court-sem6-66278.xlsx",
      ligne21(1, "semaine", 662.78, "Seconds rôles (6 jours)"),
    );
    expect(await messages(six78)).toEqual([]);
  });
});

describe("prodbook devis --oeuvre cinema : court-métrage, engagement à la journée de 4 jours au plus", () => {
  /*
   * Accord du 9 juillet 2014, art. 1er (KALIARTI000030440763): « l'engagement à la journée doit porter sur 4 jours au
   * plus ». The finding is on the quantité cell (column C, days per artist; column E counts the artists).
   */
  const jours = (cs: Constat[]) => cs.filter((c) => c.regle === "salaire-minimum" && /!C2[01]$/.test(c.cellule ?? ""));

  it("4 jours (F20 du court-métrage) passe ; 5 jours à la journée en C21 : alerte nommant la cellule", async () => {
    // The fixture's row 20 is 4 jour × 150 €, row 21 3 jour: at the limit, no finding.
    expect(jours(await controles(COURT))).toEqual([]);
    const cinq = await variante(COURT, "court-5-jours.xlsx", ligne21(5, "jour", 150));
    expect(jours(await controles(cinq))).toEqual([
      {
        regle: "salaire-minimum",
        gravite: "alerte",
        cellule: "'Devis La Rade'!C21",
        message:
          "'Devis La Rade'!C21 « Seconds rôles » : 5 jours d'engagement à la journée sur un court-métrage ; l'accord " +
          "du 9 juillet 2014 (IDCC 3097, artistes-interprètes, art. 1er) dit que « l'engagement à la journée doit " +
          "porter sur 4 jours au plus » (accord du 9 juillet 2014 (court-métrage : 25 min, une heure au plus)) : " +
          "vérifiez la formule d'engagement (à la semaine, « au moins une semaine », minimum 552,39\u00a0€ la " +
          "semaine de 5 jours).",
      },
    ]);
    // 150 € per day is above the short film's daily minimum (147,28 €): the rate itself is not flagged.
    expect(await messages(cinq)).toEqual([]);
  });

  it("le long-métrage (--duree 61) et la semaine n'ont pas cette limite", async () => {
    const cinq = await variante(COURT, "court-5-jours-long.xlsx", ligne21(5, "jour", 450));
    expect(jours(await controles(cinq, [...OPTIONS, "--duree", "61"]))).toEqual([]);
    const semaines = await variante(COURT, "court-5-semaines.xlsx", ligne21(5, "semaine", 600));
    expect(jours(await controles(semaines))).toEqual([]);
  });
});

describe("prodbook devis --oeuvre cinema : acteurs de complément, annexe III.2 (figuration, silhouettes, doublures)", () => {
  /*
   * Annexe III.2 A (KALIARTI000028053421, avenant du 1er juillet 2013, étendu): figuration 105 € par jour, 492,11 € la
   * semaine de 5 jours, 611,41 € de 6 jours; silhouette muette 150 €; silhouette parlante 250 €, 1 171,91 €, 1 456,01 €;
   * doublure simple 165 €; doublure polyvalente 200 €, 937,61 €, 1 164,92 €. Only for films shot in Paris (40 km) and
   * six cities (25 km): the alert says so.
   */
  const ZONE =
    " ; ce barème ne vaut que pour les films tournés à Paris et dans sa banlieue à 40 km au plus, à Marseille, Lyon, " +
    "Bordeaux, Nice, Lille, Nantes et dans leur banlieue à 25 km au plus : ailleurs, la convention n'en fixe pas.";

  it("figurants à la journée : 104,99 € sous 105 € (alerte nommant la zone), 105 € passe", async () => {
    const sous = await variante(CINEMA, "figurants-10499.xlsx", ligne21(10, "jour", 104.99, "Figurants"));
    expect(await messages(sous)).toEqual([
      "'Devis La Rade'!F21 « Figurants » : 104,99\u00a0€ par jour, sous le minimum IDCC 3097 des acteurs de " +
        "complément (figuration) : 105,00\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
        "1er\u00a0janvier\u00a02022, annexe III.2 (avenant du 1er juillet 2013), sous-titre II du titre III, " +
        `engagement à la journée)${ZONE}`,
    ]);
    const pile = await variante(CINEMA, "figurants-105.xlsx", ligne21(10, "jour", 105, "Figurants"));
    expect(await messages(pile)).toEqual([]);
    // Not the artistes-interprètes' 412,08 €: a figurant at 150 € a day is above its own minimum.
    const plus = await variante(CINEMA, "figurants-150.xlsx", ligne21(10, "jour", 150, "Figuration"));
    expect(await messages(plus)).toEqual([]);
  });

  it("silhouettes : muette sans autre mot (149,99 € < 150 €), parlante à la semaine (1 171,90 € < 1 171,91 €)", async () => {
    const muette = await variante(CINEMA, "silhouettes-14999.xlsx", ligne21(3, "jour", 149.99, "Silhouettes"));
    expect(await messages(muette)).toEqual([
      expect.stringContaining(
        ": 149,99\u00a0€ par jour, sous le minimum IDCC 3097 des acteurs de complément " +
          "(silhouette muette) : 150,00\u00a0€ par jour",
      ),
    ]);
    const m150 = await variante(CINEMA, "silhouettes-150.xlsx", ligne21(3, "jour", 150, "Silhouettes"));
    expect(await messages(m150)).toEqual([]);
    const parlante = await variante(
      CINEMA,
      "silhouette-parlante-117190.xlsx",
      ligne21(2, "semaine", 1171.9, "Silhouette parlante"),
    );
    expect(await messages(parlante)).toEqual([
      expect.stringContaining(
        ": 1\u202f171,90\u00a0€ par semaine, sous le minimum IDCC 3097 des acteurs de complément (silhouette " +
          "parlante) : 1\u202f171,91\u00a0€ par semaine (table idcc3097-artistes-minima en vigueur au " +
          "1er\u00a0janvier\u00a02022, annexe III.2 (avenant du 1er juillet 2013), sous-titre II du titre III, " +
          "engagement à la semaine de 5 jours (durée de la semaine non dite : semaine normale de tournage))",
      ),
    ]);
    const p117191 = await variante(
      CINEMA,
      "silhouette-parlante-117191.xlsx",
      ligne21(2, "semaine", 1171.91, "Silhouette parlante"),
    );
    expect(await messages(p117191)).toEqual([]);
  });

  it("doublure polyvalente, semaine de 6 jours dite : 1 164,91 € sous 1 164,92 €, 1 164,92 € passe", async () => {
    const sous = await variante(
      CINEMA,
      "doublure-116491.xlsx",
      ligne21(1, "semaine", 1164.91, "Doublure polyvalente (6 jours)"),
    );
    expect(await messages(sous)).toEqual([
      expect.stringContaining(
        "(doublure polyvalente) : 1\u202f164,92\u00a0€ par semaine (table idcc3097-artistes-minima en vigueur au " +
          "1er\u00a0janvier\u00a02022, annexe III.2 (avenant du 1er juillet 2013), sous-titre II du titre III, " +
          "engagement à la semaine de 6 jours)",
      ),
    ]);
    const pile = await variante(
      CINEMA,
      "doublure-116492.xlsx",
      ligne21(1, "semaine", 1164.92, "Doublure polyvalente (6 jours)"),
    );
    expect(await messages(pile)).toEqual([]);
    // A doublure not said polyvalente is a doublure simple (165 € a day, the lower).
    const simple = await variante(CINEMA, "doublure-16499.xlsx", ligne21(2, "jour", 164.99, "Doublure lumière"));
    expect(await messages(simple)).toEqual([expect.stringContaining("(doublure simple) : 165,00\u00a0€ par jour")]);
  });

  it("les répétitions des figurants ne sont pas comparées au minimum journalier", async () => {
    const rep = await variante(CINEMA, "figurants-repetition.xlsx", ligne21(2, "jour", 30, "Répétition figurants"));
    expect(await messages(rep)).toEqual([]);
  });
});

describe("prodbook devis --oeuvre cinema : barème des artistes avant son extension (1er août 2022)", () => {
  const EXTENSION =
    " ; minimum applicable aux adhérents des organisations signataires ; étendu au 1er\u00a0août\u00a02022 " +
    "(arrêté du 20 juin 2022 publié au JO du 8 juillet 2022)).";
  const date = (d: string) => ["--oeuvre", "cinema", "--genre", "fiction", "--date", d];

  it("daté du 1er janvier au 31 juillet 2022 : le constat dit qui le minimum oblige ; dès le 1er août, non", async () => {
    for (const d of ["2022-01-01", "2022-07-31"]) {
      expect(await messages(CINEMA, date(d))).toEqual([
        "'Devis La Rade'!F21 « Seconds rôles » : 350,00\u00a0€ par jour, sous le minimum IDCC 3097 des " +
          "artistes-interprètes : 412,08\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au " +
          `1er\u00a0janvier\u00a02022, ${SANS_DUREE}, engagement à la journée${EXTENSION}`,
      ]);
    }
    expect(await messages(CINEMA, date("2022-08-01"))).toEqual([
      expect.stringMatching(/, engagement à la journée\)\.$/),
    ]);
    // The short film too, between the two dates.
    expect(await messages(COURT, date("2022-07-31"))).toEqual([
      expect.stringContaining(
        `accord du 9 juillet 2014 (court-métrage : 25 min, une heure au plus), engagement à la journée${EXTENSION}`,
      ),
    ]);
  });

  it("daté avant le barème (1er juin 2021) : « grille non connue à cette date » sur la cellule du tarif, en info", async () => {
    // Its own rule (« Grille des minima inconnue à cette date »), not a salary under the minimum.
    const sansGrille = (cellule: string, libelle: string) => ({
      regle: "grille-minima-inconnue",
      gravite: "info",
      cellule,
      message:
        `${cellule} « ${libelle} » : artistes-interprètes, grille non connue à cette date (1er\u00a0juin\u00a02021) : la ` +
        "table idcc3097-artistes-minima commence le 1er\u00a0janvier\u00a02022 ; salaire non comparé à un minimum.",
    });
    // Both artist lines (F20 at 450 €, above any grid; F21 at 350 €, under the 2022 one): said, neither compared.
    expect(artistes(await controles(CINEMA, date("2021-06-01")))).toEqual([
      sansGrille("'Devis La Rade'!F20", "Rôle principal (comédienne)"),
      sansGrille("'Devis La Rade'!F21", "Seconds rôles"),
    ]);
    // The day before the table's first version, the same; the table is not among those the devis used.
    expect(await messages(CINEMA, date("2021-12-31"))).toEqual([
      expect.stringContaining("artistes-interprètes, grille non connue à cette date (31\u00a0décembre\u00a02021)"),
      expect.stringContaining("artistes-interprètes, grille non connue à cette date (31\u00a0décembre\u00a02021)"),
    ]);
    // An artist line paid as a flat fee (no day, no week) is not one the grid would compare: nothing said.
    const forfait = await variante(CINEMA, "seconds-roles-forfait.xlsx", ligne21(1, "forfait", 10500));
    expect(await messages(forfait, date("2021-06-01"))).toEqual([expect.stringMatching(/^'Devis La Rade'!F20 /)]);
  });
});
