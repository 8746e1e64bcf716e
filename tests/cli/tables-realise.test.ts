import * as path from "path";
import { binaire } from "../helpers/cli";

/**
 * « Each result that used a table names the table id and version » (issue 11 §3): `prodbook ecarts` computes the
 * réalisé by poste with the default PCG correspondances (table correspondances-pcg, confidence L) when neither a file
 * nor the workbook's sheet gives them; its --json lists that version in `tables`, with the shape of credit-impot,
 * devis, financement and carbone, and its text ends with « Règles appliquées ». `prodbook carbone --fec` names it
 * too, after its emission factors, when the same table gave the définitif's réalisé. Both name last the CNC
 * nomenclature the devis was structured with. Run through the built binary on
 * the example devis and FEC, and on the Gardiens devis with its plan de travail.
 */
const RACINE = path.resolve(__dirname, "../..");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const FEC = path.join(RACINE, "assets/exemple/fec-exemple.txt");
const CORR = path.join(RACINE, "tests/fixtures/fec/correspondances.csv");
const PLAN = path.join(RACINE, "tests/fixtures/planning/gardiens-planning.xlsx");
const FEC_GARDIENS = path.join(RACINE, "tests/fixtures/fec/production-2024.txt");

const ecarts = (...options: string[]) => binaire(["ecarts", DEVIS, "--fec", FEC, ...options]);

describe("prodbook ecarts (binaire) : la table de correspondances utilisée est nommée", () => {
  it("table par défaut : --json la liste avec sa version, sa confiance et ses sources", () => {
    const r = ecarts("--json");
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const j = JSON.parse(r.out);
    expect(j.correspondances).toEqual({ origine: "defaut" });
    // Then, last, the CNC nomenclature the devis was structured with (as `devis` names it).
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual(["correspondances-pcg", "nomenclature-cnc"]);
    expect(j.tables[0]).toMatchObject({
      id: "correspondances-pcg",
      effetDu: "2016-01-01",
      effetAu: null,
      confiance: "L",
      aVerifier: true,
    });
    expect(j.tables[0].sources.length).toBeGreaterThan(0);
    for (const s of j.tables[0].sources) expect(Object.keys(s)).toEqual(["titre", "url"]);
  });

  it("table par défaut : le texte finit par « Règles appliquées », la table nommée en français, « à vérifier »", () => {
    const r = ecarts();
    expect(r.code).toBe(0);
    const lignes = r.out
      .replace(/[\u00a0\u202f]/g, " ")
      .trimEnd()
      .split("\n");
    const i = lignes.indexOf("Règles appliquées :");
    expect(i).toBeGreaterThan(0);
    expect(lignes[i + 1]).toMatch(
      /^ {2}Correspondances des comptes PCG avec les postes du devis, version du 1er\s+janvier\s+2016 \(à vérifier\) — .+ https:\/\//,
    );
    expect(lignes[i + 2]).toMatch(
      /^ {2}Nomenclature du devis CNC, version du 1er\s+janvier\s+2000 \(à vérifier\) — .+ https:\/\//,
    );
    expect(lignes).toHaveLength(i + 3);
    expect(r.out).not.toContain("correspondances-pcg");
  });

  it("fichier de correspondances donné : la table par défaut n'est pas listée, ni en --json ni en texte", () => {
    const j = JSON.parse(ecarts("--correspondances", CORR, "--json").out);
    // Only the CNC nomenclature the devis was structured with.
    expect([j.correspondances.origine, j.tables.map((t: { id: string }) => t.id)]).toEqual([
      "fichier",
      ["nomenclature-cnc"],
    ]);
    const texte = ecarts("--correspondances", CORR).out;
    expect(texte).toContain("Règles appliquées");
    expect(texte).not.toContain("Correspondances des comptes PCG");
  });
});

describe("prodbook carbone --fec (binaire) : la table de correspondances du réalisé nommée après les facteurs", () => {
  const carbone = (...options: string[]) =>
    binaire(["carbone", PLAN, "--date", "2026-06-01", "--fec", FEC_GARDIENS, ...options]);

  it("correspondances par défaut : facteurs d'émission, correspondances-pcg puis nomenclature-cnc, en --json et en texte", () => {
    const r = carbone("--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.realise).toEqual({ source: "fec", fec: "production-2024.txt", correspondances: "defaut" });
    expect(j.tables.map((t: { id: string; confiance: string }) => [t.id, t.confiance])).toEqual([
      ["carbone-facteurs", j.tables[0].confiance],
      ["correspondances-pcg", "L"],
      ["nomenclature-cnc", "M"],
    ]);
    const texte = carbone().out.replace(/[\u00a0\u202f]/g, " ");
    expect(texte).toMatch(
      /Règles appliquées :\n {2}Facteurs d'émission du bilan carbone, .+\n {2}Correspondances des comptes PCG avec les postes du devis, version du 1er janvier 2016 \(à vérifier\)/,
    );
  });

  it("fichier de correspondances donné : les facteurs d'émission et la nomenclature, pas la table par défaut", () => {
    const j = JSON.parse(carbone("--correspondances", CORR, "--json").out);
    expect(j.realise.correspondances).toBe("fichier");
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual(["carbone-facteurs", "nomenclature-cnc"]);
  });
});
