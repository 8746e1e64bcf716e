import * as path from "path";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";

/**
 * A new user's audit of the CLI's text: counts grouped by thousands with their noun agreed (« 10 756 lignes »), no
 * « (s) » plural left to the reader, in the text output and in the --json messages.
 */
const RACINE = path.resolve(__dirname, "../..");
const EXEMPLE = path.join(RACINE, "assets/exemple");
const DEVIS = path.join(EXEMPLE, "devis-producteur.xlsx");
const PLANNING = path.join(RACINE, "tests/fixtures/planning/gardiens-planning.xlsx");

describe("prodbook : nombres et pluriels écrits en français", () => {
  it("fec : « 10 756 sur 10 756 lignes de données », les milliers groupés comme les écritures", async () => {
    const r = await lancerCli(main, ["fec", path.join(RACINE, "tests/fixtures/fec-reel/123456789FEC20500930.txt")]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "Lignes importées : 10 756 sur 10 756\u00a0lignes de données (0\u00a0rejetée), 4 001\u00a0écritures",
    );
    expect(r.out).not.toMatch(/\d{4} sur|\d{4}\u00a0lignes/);
  });

  it("ecarts : « 4 comptes de classe 6 sans poste », sans « compte(s) », en texte comme en --json", async () => {
    const args = ["ecarts", DEVIS, "--fec", path.join(EXEMPLE, "fec-exemple.txt")];
    const texte = await lancerCli(main, args);
    expect([texte.code, texte.err]).toEqual([0, ""]);
    expect(texte.out).toContain(
      "[alerte] Comptes sans poste — 4\u00a0comptes de classe 6 sans poste (2\u202f046,80\u00a0€)",
    );
    const json = await lancerCli(main, [...args, "--json"]);
    expect(json.code).toBe(0);
    const alerte = (JSON.parse(json.out) as { controles: { regle: string; message: string }[] }).controles.find(
      (c) => c.regle === "comptes-non-affectes",
    );
    expect(alerte?.message).toMatch(/^4\u00a0comptes de classe 6 sans poste/);
    expect(texte.out + json.out).not.toContain("(s)");
  });

  it("carbone : les lieux du plan de travail en « 3 jours », « 1 jour », « 4 personnes », sans « (s) »", async () => {
    const texte = await lancerCli(main, ["carbone", PLANNING, "--date", "2026-06-01"]);
    expect([texte.code, texte.err]).toEqual([0, ""]);
    expect(texte.out).toContain(
      "Distance et mode à indiquer pour « Phare du Créac'h, Ouessant » (3\u00a0jours au plan",
    );
    expect(texte.out).toContain("« Port de Lampaul » (1\u00a0jour au plan de travail)");
    const json = await lancerCli(main, ["carbone", PLANNING, "--date", "2026-06-01", "--json"]);
    expect(json.code).toBe(0);
    expect(json.out).toContain("Déplacements vers « Phare du Créac'h, Ouessant » : 3\u00a0jours, 4\u00a0personnes");
    expect(texte.out + json.out).not.toContain("(s)");
  });
});

describe("prodbook ecarts : les écarts signés comme dans le README et le volet", () => {
  it("« −30 963,94 € » et « +4 601,73 € » au total, « −900,00 € » au chapitre 3, colonnes alignées", async () => {
    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", path.join(EXEMPLE, "fec-exemple.txt")]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lignes = r.out.split("\n");
    const total = lignes.find((l) => l.startsWith("Total "))!;
    expect(total).toMatch(/ \u221230\u202f963,94\u00a0€ +\+4\u202f601,73\u00a0€$/);
    expect(lignes.find((l) => l.startsWith("3 Interprétation"))).toMatch(/ \u2212900,00\u00a0€ +0,00\u00a0€$/);
    expect(lignes.find((l) => l.startsWith("2 Personnel"))).toMatch(/ \+1\u202f785,00\u00a0€ +\+1\u202f785,00\u00a0€$/);
    expect(total.length).toBe(lignes[0].length);
    expect(r.out).not.toMatch(/ -\d/);
  });
});
