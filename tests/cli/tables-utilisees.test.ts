import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { tablesRegles } from "../../src/core/regles/audit";
import { dossierTemporaire, fabriqueVariantes, lancerCli } from "../helpers/cli";

/**
 * Every command's --json names each rule table it used, in one shape (`tables`: id, effetDu, effetAu, confiance,
 * aVerifier, sources), each entry a version that exists in src/core/regles/data: devis, credit-impot, financement,
 * ecarts, carbone and planning, on the fixtures of tests/fixtures.
 */
const F = path.join(__dirname, "../fixtures");
const dossier = dossierTemporaire("prodbook-tables-");
const variante = fabriqueVariantes(dossier);

interface TableJson {
  id: string;
  effetDu: string;
  effetAu: string | null;
  confiance: string;
  aVerifier: boolean;
  sources: { titre: string; url: string }[];
}

async function tables(args: string[]): Promise<string[]> {
  const r = await lancerCli(main, [...args, "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const ts = JSON.parse(r.out).tables as TableJson[];
  for (const t of ts) {
    // The version named is the table's own, with its confidence, end and sources.
    const v = tablesRegles()
      .find((x) => x.id === t.id)
      ?.versions.find((x) => x.effetDu === t.effetDu);
    expect(v).toBeDefined();
    expect(t.confiance).toBe(v!.confiance);
    expect(t.aVerifier).toBe(v!.confiance !== "H");
    expect(t.effetAu).toBe(v!.effetAu ?? null);
    expect(t.sources.map((s) => s.url)).toEqual(v!.sources.map((s) => s.url));
  }
  return ts.map((t) => `${t.id}@${t.effetDu}`);
}

describe("--json : chaque commande nomme les tables de règles utilisées, avec leur version", () => {
  it("devis (cinéma, 1er septembre 2025) : grille IDCC 3097 et barème des artistes-interprètes", async () => {
    expect(
      await tables([
        "devis",
        `${F}/devis-cinema/devis-cinema.xlsx`,
        "--oeuvre",
        "cinema",
        "--genre",
        "fiction",
        "--date",
        "2025-09-01",
      ]),
    ).toEqual(["idcc3097-minima@2024-04-01", "idcc3097-artistes-minima@2022-01-01", "nomenclature-cnc@2000-01-01"]);
  });

  it("devis -o : la feuille Contrôles liste les mêmes tables, version, confiance et sources", async () => {
    const sortie = path.join(dossier(), "controles.xlsx");
    const args = ["devis", `${F}/devis-cinema/devis-cinema.xlsx`, "--oeuvre", "cinema", "--genre", "fiction"];
    const r = await lancerCli(main, [...args, "--date", "2025-09-01", "-o", sortie]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const lignes: string[] = [];
    wb.getWorksheet("Contrôles")!.eachRow((row) => lignes.push(`${row.getCell(2).value} | ${row.getCell(3).value}`));
    const i = lignes.indexOf("Table de règles utilisée | Version, confiance et sources");
    expect(i).toBeGreaterThan(0);
    const nb = String.fromCharCode(0xa0);
    expect(lignes.slice(i + 1).map((l) => l.replace(/ ; sources : .*/, ""))).toEqual([
      `idcc3097-minima | version du 1er${nb}avril${nb}2024, confiance M (à vérifier)`,
      `idcc3097-artistes-minima | version du 1er${nb}janvier${nb}2022, confiance H (texte officiel)`,
      `nomenclature-cnc | version du 1er${nb}janvier${nb}2000, confiance M (à vérifier)`,
    ]);
    expect(lignes[i + 2]).toContain("sources : https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044102");
  });

  it("devis avec des figurants : le SMIC de la date, comparé au barème des acteurs de complément, est nommé", async () => {
    const f = await variante(`${F}/devis-cinema/devis-cinema.xlsx`, "figurants.xlsx", (wb: ExcelJS.Workbook) => {
      wb.getWorksheet("Devis La Rade")!.getCell("B21").value = "Figurants";
    });
    const args = ["devis", f, "--oeuvre", "cinema", "--genre", "fiction"];
    expect(await tables([...args, "--date", "2024-10-31"])).toContain("smic-horaire@2024-01-01");
    expect(await tables([...args, "--date", "2024-11-01"])).toContain("smic-horaire@2024-11-01");
    // Before the grid: no version of either is read; each artist line is said « grille non connue à cette date ».
    const avant = await lancerCli(main, [...args, "--date", "2021-12-31", "--json"]);
    const j = JSON.parse(avant.out);
    expect(j.tables.map((t: TableJson) => t.id)).not.toContain("smic-horaire");
    expect(
      j.controles.filter((c: { message: string }) => c.message.includes("grille non connue à cette date")),
    ).toEqual([
      expect.objectContaining({ regle: "grille-minima-inconnue", gravite: "info", cellule: "'Devis La Rade'!F20" }),
      expect.objectContaining({ regle: "grille-minima-inconnue", gravite: "info", cellule: "'Devis La Rade'!F21" }),
    ]);
  });

  it("credit-impot (audiovisuel, documentaire) : taux, minimum, plafond par minute, aides publiques, budget", async () => {
    expect(
      await tables([
        "credit-impot",
        `${F}/credit-impot/documentaire-plancher.xlsx`,
        "--regime",
        "audiovisuel",
        "--genre",
        "documentaire",
      ]),
    ).toEqual([
      "credit-impot-eligibilite@2016-01-01",
      "credit-impot-audiovisuel@2026-01-01",
      "credit-impot-audiovisuel-minimum-documentaire@2016-01-01",
      "credit-impot-audiovisuel-plafond-minute-documentaire@2021-12-31",
      "credit-impot-aides-publiques@2016-01-01",
      "credit-impot-plafond-budget@2016-01-01",
      "nomenclature-cnc@2000-01-01",
    ]);
  });

  it("credit-impot -o : la feuille « Crédit d'impôt » liste les mêmes tables que --json, la nomenclature en dernier", async () => {
    const sortie = path.join(dossier(), "credit.xlsx");
    const args = ["credit-impot", `${F}/credit-impot/documentaire-plancher.xlsx`, "--regime", "audiovisuel"];
    const r = await lancerCli(main, [...args, "--genre", "documentaire", "-o", sortie]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const col1: string[] = [];
    wb.getWorksheet("Crédit d'impôt")!.eachRow((row) => col1.push(String(row.getCell(1).value ?? "")));
    const debut = col1.indexOf("Tables de règles utilisées");
    const fin = col1.indexOf("Sources", debut);
    expect(debut).toBeGreaterThan(0);
    expect(col1.slice(debut + 2, fin).filter(Boolean)).toEqual([
      "credit-impot-eligibilite",
      "credit-impot-audiovisuel",
      "credit-impot-audiovisuel-minimum-documentaire",
      "credit-impot-audiovisuel-plafond-minute-documentaire",
      "credit-impot-aides-publiques",
      "credit-impot-plafond-budget",
      "nomenclature-cnc",
    ]);
  });

  it("financement : catégories et intensité des aides", async () => {
    expect(await tables(["financement", `${F}/financement/documentaire.xlsx`])).toEqual([
      "financement-categories@2000-01-01",
      "intensite-aides@2023-02-01",
    ]);
  });

  it("ecarts : correspondances PCG par défaut", async () => {
    expect(
      await tables(["ecarts", `${F}/devis-reels/devis-type-cnc.xlsx`, "--fec", `${F}/fec/production-2024.txt`]),
    ).toEqual(["correspondances-pcg@2016-01-01", "nomenclature-cnc@2000-01-01"]);
  });

  it("carbone : facteurs d'émission", async () => {
    expect(await tables(["carbone", `${F}/planning/gardiens-planning.xlsx`])).toEqual([
      "carbone-facteurs@2023-03-31",
      "nomenclature-cnc@2000-01-01",
    ]);
  });

  it("planning : temps de travail et dimanches-fériés des jours du plan ; étapes par défaut avec --genre", async () => {
    const plan = `${F}/planning/gardiens-planning.xlsx`;
    // The devis beside the plan de travail is read for the quantities: its CNC nomenclature named last.
    expect(await tables(["planning", plan, "--livraison", "2026-06-30"])).toEqual([
      "temps-de-travail@2013-10-01",
      "dimanches-feries@2018-03-01",
      "nomenclature-cnc@2000-01-01",
    ]);
    // Default steps of a genre, planned for a workbook with neither steps sheet nor plan de travail.
    const derniere = tablesRegles()
      .find((t) => t.id === "postproduction-etapes")!
      .versions.at(-1)!.effetDu;
    const args = [
      "planning",
      `${F}/devis-cinema/devis-cinema.xlsx`,
      "--livraison",
      "2026-06-30",
      "--genre",
      "documentaire",
    ];
    const r = await lancerCli(main, [...args, "--duree", "52"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Règles appliquées\s:\n {2}Étapes de post-production par défaut, version du/);
    expect(await tables([...args, "--duree", "52"])).toEqual([`postproduction-etapes@${derniere}`]);
  });
});
