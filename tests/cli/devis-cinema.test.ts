import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { incoherences, type Trace } from "../../src/core/traces/trace";

const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");

function enregistreur(): Io & { sortie: string[]; erreurs: string[] } {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { sortie, erreurs, out: (t) => sortie.push(t), err: (t) => erreurs.push(t) };
}

async function minima(args: string[], regle = "salaire-minimum") {
  const io = enregistreur();
  expect(await main(["devis", CINEMA, "--json", ...args], io)).toBe(0);
  expect(io.erreurs).toEqual([]);
  const j = JSON.parse(io.sortie[0]);
  return j.controles.filter((c: { regle: string }) => c.regle === regle) as {
    gravite: string;
    message: string;
    cellule: string;
  }[];
}

describe("prodbook devis --oeuvre cinema : salaires minima de l'IDCC 3097", () => {
  it("signale les lignes d'équipe sous la grille cinéma, cellule par cellule", async () => {
    const c = await minima(["--oeuvre", "cinema", "--date", "2025-09-01"]);
    expect(c.map((x) => x.cellule)).toEqual([
      "'Devis La Rade'!F9", // directeur de production 2 400 < 2 678,64 (plancher : grille du 1er avril 2022)
      "'Devis La Rade'!F11", // scripte 1 250 < 1 267,82 (plancher 2022)
      "'Devis La Rade'!F13", // 1er assistant opérateur 1 300 < 1 364,56
      "'Devis La Rade'!F16", // cheffe monteuse 1 400 < 1 790,05 (plancher 2022)
      "'Devis La Rade'!F17", // régisseur général 300 €/jour < 1 436,49 × 0,25
      "'Devis La Rade'!F18", // secrétaire de production 900 < 916,77 (plancher 2022)
      "'Devis La Rade'!F21", // seconds rôles 350 €/jour < 412,08 (artistes-interprètes, idcc3097-artistes-minima)
    ]);
    expect(c.every((x) => x.gravite === "alerte")).toBe(true);
    expect(c[2].message).toMatch(/1\u202f300,00\u00a0€ par semaine, sous le minimum IDCC 3097/);
    expect(c[2].message).toMatch(
      /1\u202f364,56\u00a0€ par semaine \(table idcc3097-minima en vigueur au 1er\u00a0avril\u00a02024/,
    );
    expect(c[2].message).toMatch(/annexe III/);
    expect(c[0].message).toMatch(/sous le plancher connu IDCC 3097.*2\u202f678,64/);
    expect(c[4].message).toMatch(
      /300,00\u00a0€ par jour.*359,12\u00a0€ par jour \(1\u202f436,49\u00a0€ par semaine × 0,25\)/,
    );
  });

  it("grille du 1er avril 2022 lue dans l'avenant (KALI) : mêmes lignes, minimum 2022 sans « à vérifier »", async () => {
    const c = await minima(["--oeuvre", "cinema", "--date", "2023-06-01"]);
    expect(c.map((x) => x.cellule)).toEqual([
      "'Devis La Rade'!F9", // directeur de production 2 400 < 2 678,64
      "'Devis La Rade'!F11", // scripte 1 250 < 1 267,82
      "'Devis La Rade'!F13", // 1er assistant opérateur 1 300 < 1 321,56 (1 364,56 in 2024)
      "'Devis La Rade'!F16", // cheffe monteuse 1 400 < 1 790,05
      "'Devis La Rade'!F17", // régisseur général 300 €/jour < 1 436,49 × 0,25
      "'Devis La Rade'!F18", // secrétaire de production 900 < 916,77
      "'Devis La Rade'!F21", // seconds rôles 350 €/jour < 412,08 (artists' grid from 1 January 2022)
    ]);
    expect(c[2].message).toMatch(
      /1\u202f300,00\u00a0€ par semaine, sous le minimum IDCC 3097 de la fonction « 1er assistant opérateur » : 1\u202f321,56\u00a0€ par semaine \(table idcc3097-minima en vigueur au 1er\u00a0avril\u00a02022, titre II, annexe I, base 39 h ;/,
    );
    // Every line of the 2022 grid is read in the text: a minimum, not a floor, and nothing « à vérifier ».
    expect(c[0].message).toMatch(/sous le minimum IDCC 3097.*2\u202f678,64/);
    expect(c.some((x) => /plancher|à vérifier/.test(x.message))).toBe(false);
    // September 2023 – March 2024: the assistant-operator lines +20 € (third-party grid, à vérifier), the others as floors.
    const s = await minima(["--oeuvre", "cinema", "--date", "2024-03-31"]);
    expect(s[2].message).toMatch(
      /1\u202f341,56\u00a0€ par semaine \(table idcc3097-minima en vigueur au 1er\u00a0septembre\u00a02023.*à vérifier/,
    );
    expect(s[0].message).toMatch(/sous le plancher connu IDCC 3097/);
  });

  it("avant le 1er avril 2022 la grille cinéma ne s'applique pas ; en audiovisuel c'est la grille IDCC 2642", async () => {
    // The artists' grid (1 January 2022) does: only the « Seconds rôles » line; before it, each artist line's rate is
    // said not compared (info, « grille non connue à cette date »), and nothing else.
    expect((await minima(["--oeuvre", "cinema", "--date", "2022-03-31"])).map((x) => x.cellule)).toEqual([
      "'Devis La Rade'!F21",
    ]);
    // Not a salary under the minimum: its own rule, grille-minima-inconnue.
    expect(await minima(["--oeuvre", "cinema", "--date", "2021-12-31"])).toEqual([]);
    const avant = await minima(["--oeuvre", "cinema", "--date", "2021-12-31"], "grille-minima-inconnue");
    expect(avant.map((x) => [x.cellule, x.gravite])).toEqual([
      ["'Devis La Rade'!F20", "info"],
      ["'Devis La Rade'!F21", "info"],
    ]);
    for (const x of avant) expect(x.message).toContain("artistes-interprètes, grille non connue à cette date");
    // Same crew, audiovisual documentary: every rate is above the IDCC 2642 grid (e.g. régisseur général 300 > 240,87).
    expect(await minima(["--oeuvre", "audiovisuel", "--genre", "documentaire", "--date", "2025-03-01"])).toEqual([]);
  });

  it("avant la grille des artistes : « Grille des minima inconnue à cette date », texte de la CLI et feuille Contrôles", async () => {
    const args = ["devis", CINEMA, "--oeuvre", "cinema", "--date", "2021-12-31"];
    const io = enregistreur();
    expect(await main(args, io)).toBe(0);
    const out = io.sortie.join("\n");
    for (const cellule of ["F20", "F21"])
      expect(out).toMatch(
        new RegExp(`\\[information\\] Grille des minima inconnue à cette date — .*'Devis La Rade'!${cellule} `),
      );
    expect(out).not.toContain("Salaire sous le minimum conventionnel");
    const sortie = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-grille-inconnue-")), "sortie.xlsx");
    expect(await main([...args, "-o", sortie], enregistreur())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const lignes: [unknown, string][] = [];
    const legende: string[] = [];
    wb.getWorksheet("Contrôles")!.eachRow((row) => {
      const titre = String(row.getCell(2).value);
      if (titre === "Salaire sous le minimum conventionnel") lignes.push([row.getCell(1).value, titre]);
      if (titre !== "Grille des minima inconnue à cette date") return;
      if (row.getCell(1).value === null) legende.push(String(row.getCell(3).value));
      else lignes.push([row.getCell(1).value, String(row.getCell(3).value)]);
    });
    expect(lignes).toEqual([
      [
        "info",
        expect.stringContaining("F20 « Rôle principal (comédienne) » : artistes-interprètes, grille non connue"),
      ],
      ["info", expect.stringContaining("F21 « Seconds rôles » : artistes-interprètes, grille non connue")],
    ]);
    // Its legend says what it is, not a salary under the minimum.
    expect(legende).toEqual([expect.stringMatching(/^Une ligne d'artiste d'un devis de cinéma daté avant/)]);
  });

  it("--json nomme la grille utilisée : idcc3097-minima pour le cinéma, idcc2642-minima en audiovisuel", async () => {
    const tables = async (args: string[]) => {
      const io = enregistreur();
      expect(await main(["devis", CINEMA, "--json", ...args], io)).toBe(0);
      return JSON.parse(io.sortie[0]).tables.map((t: { id: string; effetDu: string }) => `${t.id}@${t.effetDu}`);
    };
    // The artists' grid too: the devis has artist lines paid by the day (chapter 3); last, whatever the date, the CNC
    // nomenclature the devis was structured with.
    const artistes = "idcc3097-artistes-minima@2022-01-01";
    const nomenclature = "nomenclature-cnc@2000-01-01";
    expect(await tables(["--oeuvre", "cinema", "--date", "2025-09-01"])).toEqual([
      "idcc3097-minima@2024-04-01",
      artistes,
      nomenclature,
    ]);
    expect(await tables(["--oeuvre", "cinema", "--date", "2024-03-31"])).toEqual([
      "idcc3097-minima@2023-09-01",
      artistes,
      nomenclature,
    ]);
    expect(await tables(["--oeuvre", "cinema", "--date", "2023-08-31"])).toEqual([
      "idcc3097-minima@2022-04-01",
      artistes,
      nomenclature,
    ]);
    expect(await tables(["--oeuvre", "cinema", "--date", "2022-03-31"])).toEqual([artistes, nomenclature]);
    expect(await tables(["--oeuvre", "cinema", "--date", "2021-12-31"])).toEqual([nomenclature]);
    expect(await tables(["--oeuvre", "audiovisuel", "--genre", "documentaire", "--date", "2025-03-01"])).toEqual([
      "idcc2642-minima@2025-01-01",
      "accord-transparence@2024-11-08",
      nomenclature,
    ]);
  });

  it("--explique : chaque constat a sa trace (manque = minimum − payé), jusqu'à la table de la grille et aux cellules", async () => {
    const args = ["--oeuvre", "cinema", "--date", "2025-09-01", "--explique"];
    const io = enregistreur();
    expect(await main(["devis", CINEMA, "--json", ...args], io)).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    const constats = j.controles.filter((c: { regle: string }) => c.regle === "salaire-minimum");
    const traces: Trace[] = j.traces.salairesMinimum;
    // One trace per finding, on the finding's cell; each re-evaluates from its inputs.
    expect(traces.map((t) => t.cellule)).toEqual(constats.map((c: { cellule: string }) => c.cellule));
    for (const t of traces) expect(incoherences(t)).toEqual([]);
    // Régisseur général, 10 days at 300 €: 1 436,49 € a week × 0,25 = 359,12 € a day.
    const r = traces[4];
    expect(r.valeur).toBe("59.12");
    expect(r.formule).toBe(
      "minimum − payé par jour ; 3\u202f000,00\u00a0€ ('Devis La Rade'!G17) < minimum 3\u202f591,20\u00a0€ = " +
        "10\u00a0jours × 359,12\u00a0€ (IDCC 3097)",
    );
    expect(r.entrees![0].entrees![0].regle).toMatchObject({
      table: "idcc3097-minima",
      effetDu: "2024-04-01",
      source: expect.stringMatching(/^https:\/\/www\.legifrance\.gouv\.fr\//),
    });
    // The existing fields are unchanged.
    expect(Object.keys(j.traces)).toEqual(["total", "totalHorsFrais", "chapitres", "salairesMinimum"]);
    // Text: each finding's tree, its table with version, confidence and source.
    const t = enregistreur();
    expect(await main(["devis", CINEMA, ...args], t)).toBe(0);
    const texte = t.sortie.join("\n");
    expect(texte).toContain("\nSalaires sous le minimum conventionnel (7)\u00a0:\n");
    expect(texte).toContain(
      "\n  Manque au minimum par jour, 2.9 «\u00a0Régisseur général (renfort)\u00a0»\u00a0: 59,12\u00a0€ = minimum − payé " +
        "par jour\u202f; 3\u202f000,00\u00a0€ ('Devis La Rade'!G17) < minimum",
    );
    expect(texte).toMatch(
      /\n {6}← Minimum hebdomadaire de la fonction «\u00a0Régisseur général\u00a0»\u00a0: 1\u202f436,49\u00a0€ = .*\[idcc3097-minima, en vigueur au 1er\u00a0avril\u00a02024, confiance H — https:\/\/www\.legifrance/,
    );
    // No finding: an empty list; without --explique, no traces.
    const a = enregistreur();
    expect(await main(["devis", CINEMA, "--json", "--oeuvre", "cinema", "--date", "2021-12-31", "--explique"], a)).toBe(
      0,
    );
    expect(JSON.parse(a.sortie[0]).traces.salairesMinimum).toEqual([]);
    const sans = enregistreur();
    expect(await main(["devis", CINEMA, "--json", "--oeuvre", "cinema", "--date", "2025-09-01"], sans)).toBe(0);
    expect(JSON.parse(sans.sortie[0]).traces).toBeUndefined();
  });

  it("refuse un type d'œuvre inconnu", async () => {
    const io = enregistreur();
    expect(await main(["devis", CINEMA, "--oeuvre", "theatre"], io)).toBe(2);
    expect(io.erreurs[0]).toMatch(/--oeuvre attend l'une des valeurs cinema, audiovisuel/);
  });
});
