import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fr, lancerCli, refus } from "../helpers/cli";

/**
 * Issue 10, the CLI's input files (December 2026): a file read given twice, an empty FEC the user may not read, an
 * input file missing and also named by -o. Each refused with the real reason (exit 2, French, nothing written).
 */
const dossier = dossierTemporaire("prodbook-entrees-lues-");
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const CORRESPONDANCES = path.join(__dirname, "../fixtures/fec/correspondances.csv");
const DEVIS = path.join(__dirname, "../fixtures/devis-reels/devis-type-cnc.xlsx");

describe("un fichier lu donné deux fois avec la même option (avant : accepté sans un mot, code 0)", () => {
  it.each([
    ["ecarts", ["ecarts", DEVIS, "--fec", FEC, "--fec", FEC], "--fec", FEC],
    [
      "ecarts",
      ["ecarts", DEVIS, "--fec", FEC, "--correspondances", CORRESPONDANCES, "--correspondances", CORRESPONDANCES],
      "--correspondances",
      CORRESPONDANCES,
    ],
    ["carbone", ["carbone", DEVIS, "--fec", FEC, "--fec=" + FEC], "--fec", FEC],
  ])("%s %j", async (commande, args, option, fichier) => {
    const sortie = path.join(dossier(), "jamais.xlsx");
    const r = await lancerCli(main, [...args, "-o", sortie]);
    refus(r, /^Arguments invalides/, sortie);
    expect(
      r.err.startsWith(
        fr(
          `Arguments invalides : l'option « ${option} » est donnée deux fois avec le même fichier « ${fichier} » : ` +
            `un seul fichier est lu avec cette option ; gardez-en une.\nUsage : prodbook ${commande} `,
        ),
      ),
    ).toBe(true);
  });

  it("une autre option répétée avec la même valeur ne gêne toujours pas", async () => {
    const r = await lancerCli(main, [
      "ecarts",
      DEVIS,
      "--fec",
      FEC,
      "--encodage",
      "utf-8",
      "--encodage",
      "utf-8",
      "--json",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("un FEC vide qu'on n'a pas le droit de lire (avant : « Fichier vide »)", () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([["fec"], ["ecarts"]])("prodbook %s dit « lecture non autorisée »", async (commande) => {
    const vide = path.join(dossier(), "interdit.txt");
    fs.writeFileSync(vide, "");
    // The tests run as root, whom chmod 000 does not stop: the system's refusal is given as Node gives it.
    const module = jest.requireActual<typeof fs>("fs");
    const ouvrir = module.openSync;
    jest.spyOn(module, "openSync").mockImplementation((p, ...reste) => {
      if (p === vide) throw Object.assign(new Error("EACCES: permission denied, open"), { code: "EACCES" });
      return ouvrir(p, ...(reste as [fs.OpenMode]));
    });
    const r = await lancerCli(main, commande === "fec" ? ["fec", vide] : ["ecarts", DEVIS, "--fec", vide]);
    refus(r, `Lecture impossible de ${vide}\u00a0: lecture non autorisée.`);
  });

  it("un FEC vide lisible reste dit vide", async () => {
    const vide = path.join(dossier(), "vide.txt");
    fs.writeFileSync(vide, "");
    refus(await lancerCli(main, ["fec", vide]), /Fichier vide/);
  });
});

describe("le fichier lu absent et donné aussi à -o (avant : « … est le fichier lu »)", () => {
  it.each([
    ["devis", (a: string) => ["devis", a, "-o", a], "classeur"],
    [
      "credit-impot",
      (a: string) => ["credit-impot", a, "--regime", "cinema", "--genre", "fiction", "-o", a],
      "classeur",
    ],
    ["ecarts --fec", (a: string) => ["ecarts", DEVIS, "--fec", a, "-o", a], "FEC"],
    [
      "carbone --correspondances",
      (a: string) => ["carbone", DEVIS, "--fec", FEC, "--correspondances", a, "-o", a],
      "fichier de correspondances",
    ],
  ])("%s : « Fichier introuvable » d'abord", async (_cas, args, quoi) => {
    const absent = path.join(dossier(), "absent.xlsx");
    refus(await lancerCli(main, args(absent)), `Fichier introuvable\u00a0: «\u00a0${absent}\u00a0» (${quoi}).`, absent);
  });

  it("un fichier lu qui existe et donné à -o reste refusé comme tel", async () => {
    const copie = path.join(dossier(), "copie.xlsx");
    fs.copyFileSync(DEVIS, copie);
    const avant = fs.readFileSync(copie);
    refus(await lancerCli(main, ["devis", copie, "-o", copie]), /est le fichier lu/);
    expect(fs.readFileSync(copie).equals(avant)).toBe(true);
  });
});
