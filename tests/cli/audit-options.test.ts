import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { BINAIRE, dossierTemporaire, lancerCli, refus } from "../helpers/cli";

/**
 * A new user's mistyped option: refused (exit 2, nothing written), and the option meant is named when it is one typo
 * away or when its value was glued to it, instead of leaving the user to read the whole usage line.
 */
const DEVIS = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const dossier = dossierTemporaire("prodbook-audit-options-");

describe("prodbook : option mal tapée", () => {
  it.each([
    [
      ["devis", DEVIS, "--dure", "52"],
      "option inconnue «\u00a0--dure\u00a0»\u00a0: vouliez-vous dire «\u00a0--duree\u00a0»\u202f?",
    ],
    [
      ["devis", DEVIS, "--durée", "52"],
      "option inconnue «\u00a0--durée\u00a0»\u00a0: vouliez-vous dire «\u00a0--duree\u00a0»\u202f?",
    ],
    [
      ["devis", DEVIS, "--duree52"],
      "option inconnue «\u00a0--duree52\u00a0»\u00a0: vouliez-vous dire «\u00a0--duree 52\u00a0»\u202f?",
    ],
    [
      ["devis", DEVIS, "--jsn"],
      "option inconnue «\u00a0--jsn\u00a0»\u00a0: vouliez-vous dire «\u00a0--json\u00a0»\u202f?",
    ],
    [
      ["credit-impot", DEVIS, "--regime", "audiovisuel", "--genre", "documentaire", "--modele_parametres"],
      "option inconnue «\u00a0--modele_parametres\u00a0»\u00a0: vouliez-vous dire «\u00a0--modele-parametres\u00a0»\u202f?",
    ],
  ])("%j : l'option voulue est nommée, rien n'est écrit", async (args, message) => {
    const sortie = path.join(dossier(), `sortie-${args[2].replace(/\W/g, "")}.xlsx`);
    const r = await lancerCli(main, [...args, "-o", sortie]);
    refus(
      r,
      new RegExp(`^Arguments invalides\u00a0: ${message.replace(/[?]/g, "\\?")}\\nUsage\u00a0: prodbook `),
      sortie,
    );
  });

  it("sans option proche, rien n'est deviné : « --inconnue », « --o », « -z »", async () => {
    for (const o of ["--inconnue", "--o", "-z"]) {
      const sortie = path.join(dossier(), "rien.xlsx");
      const r = await lancerCli(main, ["devis", DEVIS, o, "-o", sortie]);
      refus(r, new RegExp(`^Arguments invalides\u00a0: option inconnue «\u00a0${o}\u00a0»\\.\\nUsage\u00a0: `), sortie);
    }
  });
});

describe("prodbook ecarts --encodage : l'aide donne les valeurs acceptées", () => {
  it("l'usage d'ecarts nomme iso-8859-15 comme celui de fec, et le refus d'une autre valeur aussi", async () => {
    const aide = await lancerCli(main, ["ecarts", "--help"]);
    expect(aide.code).toBe(0);
    expect(aide.out).toContain("[--encodage utf-8|windows-1252|iso-8859-15|ebcdic|cp850]");
    const sortie = path.join(dossier(), "ecarts.xlsx");
    const fec = path.resolve(__dirname, "../../assets/exemple/fec-exemple.txt");
    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", fec, "--encodage", "latin1", "-o", sortie]);
    refus(
      r,
      "L'option --encodage attend l'une des valeurs utf-8, windows-1252, iso-8859-15, ebcdic, cp850\u202f; reçu «\u00a0latin1\u00a0».",
      sortie,
    );
  });
});

describe("prodbook --version et prodbook help <commande>", () => {
  it("--version donne la version de package.json (et non « vouliez-vous dire versions ? »)", async () => {
    const version = (
      JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    for (const o of ["--version", "-V", "-v"]) {
      const r = await lancerCli(main, [o]);
      expect([r.code, r.out, r.err]).toEqual([0, `prodbook ${version}`, ""]);
    }
    const binaire = spawnSync(process.execPath, [BINAIRE, "--version"], { encoding: "utf8" });
    expect([binaire.status, binaire.stdout, binaire.stderr]).toEqual([0, `prodbook ${version}\n`, ""]);
  });

  it("help devis, aide carbone : l'aide de la commande, comme devis --help", async () => {
    for (const [mot, cmd] of [
      ["help", "devis"],
      ["aide", "carbone"],
    ]) {
      const r = await lancerCli(main, [mot, cmd]);
      const attendu = await lancerCli(main, [cmd, "--help"]);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(r.out).toBe(attendu.out);
      expect(r.out).toMatch(new RegExp(`^.+\\nUsage\u00a0: prodbook ${cmd} <classeur\\.xlsx>`));
    }
  });
});
