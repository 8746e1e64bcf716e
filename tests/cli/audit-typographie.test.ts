import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { BINAIRE, dossierTemporaire, lancerCli } from "../helpers/cli";

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
      "Lignes importées\u00a0: 10\u00a0756 sur 10\u00a0756\u00a0lignes de données (0\u00a0rejetée), 4\u00a0001\u00a0écritures",
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
      "Distance et mode à indiquer pour «\u00a0Phare du Créac'h, Ouessant\u00a0» (3\u00a0jours au plan",
    );
    expect(texte.out).toContain("«\u00a0Port de Lampaul\u00a0» (1\u00a0jour au plan de travail)");
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

/** An ordinary space (or a no-break one where the narrow one is due) before a sign, or after « : what must not be. */
const MAL_ESPACE = / [:;?!»]|«[ \t]|\u00a0[;?!]/;
const binaire = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BINAIRE, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dossier = dossierTemporaire("prodbook-typographie-");

describe("prodbook : espaces insécables du français, comme dans le volet (texte et messages, jamais --json)", () => {
  it("devis en texte : « Contrôles : », « … » insécables, « ; » après une fine insécable", () => {
    const r = binaire("devis", DEVIS, "--date", "2026-01-15");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("Devis lu dans la feuille «\u00a0Budget Gardiens\u00a0»\u00a0: 39\u00a0lignes\n");
    expect(r.out).toContain("\nContrôles\u00a0: 1 erreur, 2 alertes, 0 information\n");
    expect(r.out).toContain("(ni code, ni titre de chapitre au-dessus, ni mot-clé reconnu)\u202f; il n'est pas compté");
    expect(r.out).not.toMatch(MAL_ESPACE);
  });

  it("--json garde ses messages tels que src/app les écrit (contrat public) : seul le texte change", () => {
    const r = binaire("devis", DEVIS, "--date", "2026-01-15", "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const messages = (JSON.parse(r.out) as { controles: { message: string }[] }).controles.map((c) => c.message);
    expect(messages).toContain(
      "'Budget Gardiens'!G53 « Kit son HF » : le montant 1\u202f500,00\u00a0€ ne correspond pas au calcul " +
        "4 × 1 × 350,00\u00a0€ = 1\u202f400,00\u00a0€ (écart 100,00\u00a0€).",
    );
  });

  it("une erreur sur stderr : insécables autour du chemin, le chemin tapé gardé tel quel (« absent ! », « 1 000 »)", () => {
    const sortie = path.join(dossier(), "absent !", "sortie 1 000.xlsx");
    const r = binaire("devis", DEVIS, "-o", sortie);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(
      `Écriture impossible de «\u00a0${sortie}\u00a0»\u00a0: dossier «\u00a0${path.dirname(sortie)}\u00a0» introuvable.\n`,
    );
    expect(r.err.replace(sortie, "").replace(path.dirname(sortie), "")).not.toMatch(MAL_ESPACE);
    expect(fs.existsSync(path.dirname(sortie))).toBe(false);
    const inconnue = binaire("devis", DEVIS, "--jsn");
    expect(inconnue.err).toMatch(
      /^Arguments invalides\u00a0: option inconnue «\u00a0--jsn\u00a0»\u00a0: vouliez-vous dire /,
    );
    expect(inconnue.err).toContain("«\u00a0--json\u00a0»\u202f?\nUsage\u00a0: prodbook devis");
    expect(inconnue.err).not.toMatch(MAL_ESPACE);
  });

  it("--help et l'aide d'une commande : « Usage : », « Commandes : » insécables", () => {
    const aide = binaire("--help");
    expect([aide.code, aide.err]).toEqual([0, ""]);
    expect(aide.out).toMatch(/^prodbook — .*\nUsage\u00a0: prodbook <commande> \[options\]\n\nCommandes\u00a0:\n/);
    expect(aide.out).not.toMatch(MAL_ESPACE);
    const devis = binaire("devis", "--help");
    expect(devis.out).toContain("\nUsage\u00a0: prodbook devis <classeur.xlsx>");
    expect(devis.out).not.toMatch(MAL_ESPACE);
    // Without a command, the help goes to stderr, in the same typography.
    const sans = binaire();
    expect([sans.code, sans.out, sans.err]).toEqual([2, "", aide.out]);
  });
});
