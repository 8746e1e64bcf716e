import { spawnSync } from "child_process";
import * as path from "path";
import { BINAIRE } from "../helpers/cli";

/**
 * « Each result that used a table names the table id and version » (issue 11 §3): `prodbook ecarts` computes the
 * réalisé by poste with the default PCG correspondances (table correspondances-pcg, confidence L) when neither a file
 * nor the workbook's sheet gives them; its --json lists that version in `tables`, with the shape of credit-impot,
 * devis, financement and carbone, and its text ends with « Règles appliquées ». Run through the built binary on the
 * example devis and FEC.
 */
const RACINE = path.resolve(__dirname, "../..");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const FEC = path.join(RACINE, "assets/exemple/fec-exemple.txt");
const CORR = path.join(RACINE, "tests/fixtures/fec/correspondances.csv");

function ecarts(...options: string[]) {
  const r = spawnSync(process.execPath, [BINAIRE, "ecarts", DEVIS, "--fec", FEC, ...options], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("prodbook ecarts (binaire) : la table de correspondances utilisée est nommée", () => {
  it("table par défaut : --json la liste avec sa version, sa confiance et ses sources", () => {
    const r = ecarts("--json");
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const j = JSON.parse(r.out);
    expect(j.correspondances).toEqual({ origine: "defaut" });
    expect(j.tables).toHaveLength(1);
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
    expect(r.out).not.toContain("correspondances-pcg");
  });

  it("fichier de correspondances donné : aucune table listée, ni en --json ni en texte", () => {
    const j = JSON.parse(ecarts("--correspondances", CORR, "--json").out);
    expect([j.correspondances.origine, j.tables]).toEqual(["fichier", []]);
    expect(ecarts("--correspondances", CORR).out).not.toContain("Règles appliquées");
  });
});
