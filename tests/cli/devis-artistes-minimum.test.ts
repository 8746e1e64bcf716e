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
const dossier = dossierTemporaire("prodbook-devis-artistes-");
const variante = fabriqueVariantes(dossier);
const OPTIONS = ["--oeuvre", "cinema", "--genre", "fiction", "--date", "2025-09-01"];

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
const artistes = (cs: Constat[]) => cs.filter((c) => c.regle === "salaire-minimum" && /!F2[01]$/.test(c.cellule ?? ""));

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
          "1er\u00a0janvier\u00a02022, annexe III.1 (long-métrage), engagement à la journée).",
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
        "1er\u00a0janvier\u00a02022, annexe III.1 (long-métrage), engagement à la semaine de 5 jours (durée de la " +
        "semaine non dite)).",
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
          "par semaine (table idcc3097-artistes-minima en vigueur au 1er\u00a0janvier\u00a02022, annexe III.1 " +
          "(long-métrage), engagement à la semaine de 6 jours).",
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
        "1er\u00a0janvier\u00a02022, annexe III.1 (long-métrage), engagement à la journée).",
    );
  });
});
