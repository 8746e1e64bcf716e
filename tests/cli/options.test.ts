import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { binaire, lancerCli } from "../helpers/cli";
import { ecrireDevisTest } from "../core/ecarts/devisTest";

/**
 * The runner shared by every command (src/cli/runner.ts): option errors are French and name the option, for every
 * kind of parseArgs error, and -o never names a file that is read.
 */
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FIX = path.resolve(__dirname, "../fixtures/fec");
const FEC = path.join(FIX, "production-2024.txt");
const CORR = path.join(FIX, "correspondances.csv");

const lancer = (args: string[]) => lancerCli(main, args);

/** Words of Node's parseArgs messages (« Unknown option '--x'. To specify a positional argument… »). */
const ANGLAIS =
  /\b(Unknown|option '|argument missing|ambiguous|Did you|To specify|does not take|Unexpected|positional)\b/i;

let dir: string;
let devis: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-options-"));
  devis = path.join(dir, "devis.xlsx");
  fs.copyFileSync(EXEMPLE, devis);
});

/** The minimal valid arguments of each command, the input first. */
const COMMANDES: [string, () => string[]][] = [
  ["devis", () => [devis]],
  ["fec", () => [FEC]],
  ["ecarts", () => [devis, "--fec", FEC, "--correspondances", CORR]],
  ["financement", () => [devis, "--cout", "1000000"]],
  ["planning", () => [devis]],
  ["credit-impot", () => [devis, "--regime", "cinema", "--genre", "fiction"]],
  ["carbone", () => [devis]],
  ["versions enregistrer", () => [devis, "--nom", "Devis initial"]],
  ["versions lister", () => [devis]],
  ["versions comparer", () => [devis, "--de", "Devis initial", "--a", "courant"]],
];

/** Commands that write a workbook with -o (`versions lister` only reads). */
const ECRIVENT = COMMANDES.filter(([n]) => n !== "fec" && n !== "versions lister");

describe("erreurs d'options : en français, l'option nommée, code 2, rien sur la sortie standard", () => {
  const cas: [string, (base: string[]) => string[], RegExp][] = [
    ["option inconnue", (b) => [...b, "--inconnue"], /option inconnue «\u00a0--inconnue\u00a0»/],
    ["option courte inconnue", (b) => [...b, "-z"], /option inconnue «\u00a0-z\u00a0»/],
    ["option inconnue avec valeur", (b) => [...b, "--inconnue=3"], /option inconnue «\u00a0--inconnue\u00a0»/],
    [
      "valeur manquante en fin de ligne",
      (b) => [...b, "--encodage"],
      /l'option «\u00a0--encodage\u00a0» attend une valeur/,
    ],
    [
      "valeur qui est une option",
      (b) => [...b, "--encodage", "--json"],
      /l'option «\u00a0--encodage\u00a0» attend une valeur/,
    ],
    [
      "valeur donnée à un drapeau",
      (b) => [...b, "--json=oui"],
      /l'option «\u00a0--json\u00a0» ne prend pas de valeur \(reçu «\u00a0oui\u00a0»\)/,
    ],
    ["argument en trop", (b) => [...b, "autre.xlsx"], /Argument en trop «\u00a0autre\.xlsx\u00a0»/],
    ["argument manquant", (b) => b.slice(1), /^Indiquez (un|le) /],
  ];
  for (const [nom, args] of COMMANDES) {
    // `--encodage` is an option of fec, ecarts and carbone (its --fec) only: elsewhere it is unknown, which is also an
    // option error.
    it.each(cas)(`${nom} : %s`, async (_quoi, modifier, attendu) => {
      const argv = modifier(args());
      const r = await lancer([...nom.split(" "), ...argv]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      const connue = nom === "fec" || nom === "ecarts" || nom === "carbone" || !argv.includes("--encodage");
      expect(r.err).toMatch(connue ? attendu : /option inconnue «\u00a0--encodage\u00a0»/);
      expect(r.err).not.toMatch(ANGLAIS);
    });
  }

  it.each([
    ["devis", ["--duree", "-5"], "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a0-5\u00a0»."],
    [
      "devis",
      ["--duree", "abc"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu «\u00a0abc\u00a0».",
    ],
    [
      "devis",
      ["--duree", "1e3"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu «\u00a01e3\u00a0».",
    ],
    [
      "devis",
      ["--duree", "0x10"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu «\u00a00x10\u00a0».",
    ],
    [
      "devis",
      ["--duree=-2,5"],
      "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a0-2,5\u00a0».",
    ],
    ["devis", ["--duree", "0"], "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a00\u00a0»."],
    [
      "devis",
      ["--date", "2025-02-30"],
      "L'option --date attend une date AAAA-MM-JJ, reçu «\u00a02025-02-30\u00a0»\u00a0: février 2025 n'a que 28 jours.",
    ],
    [
      "planning",
      ["--genre", "fiction", "--duree", "-5"],
      "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a0-5\u00a0».",
    ],
    [
      "planning",
      ["--genre", "fiction", "--tournage", "2,5"],
      "L'option --tournage attend un nombre entier de jours, reçu «\u00a02,5\u00a0».",
    ],
    [
      "financement",
      ["--duree", "-5"],
      "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a0-5\u00a0».",
    ],
    [
      "financement",
      ["--date", "15/04/2025"],
      "L'option --date attend une date AAAA-MM-JJ, reçu «\u00a015/04/2025\u00a0»\u00a0: écrivez «\u00a02025-04-15\u00a0».",
    ],
    [
      "credit-impot",
      ["--duree", "-5"],
      "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a0-5\u00a0».",
    ],
    [
      "credit-impot",
      ["--annee", "1900"],
      "L'option --annee attend une année de dépenses couverte par les règles du crédit d'impôt " +
        "(périodes couvertes\u00a0: du 1er\u00a0janvier\u00a02016 au 31\u00a0décembre\u00a02028), reçu «\u00a01900\u00a0».",
    ],
    [
      "planning",
      ["--genre", "fiction", "--duree", "0"],
      "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a00\u00a0».",
    ],
    [
      "credit-impot",
      ["--duree", "douze"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu «\u00a0douze\u00a0».",
    ],
    [
      "credit-impot",
      ["--jours-tournage-france", "-1"],
      "L'option --jours-tournage-france attend un nombre ≥ 0, reçu «\u00a0-1\u00a0».",
    ],
    [
      "credit-impot",
      ["--jours-tournage-france", "1e2"],
      "L'option --jours-tournage-france attend un nombre écrit en chiffres, reçu «\u00a01e2\u00a0».",
    ],
  ])("%s %j : valeur négative ou non numérique refusée en nommant l'option", async (nom, options, message) => {
    const base = COMMANDES.find(([n]) => n === nom)![1]();
    const r = await lancer([nom, ...base, ...options]);
    expect({ code: r.code, out: r.out, err: r.err }).toEqual({ code: 2, out: "", err: message });
  });

  it("--duree -5 via le binaire construit : message français, code 2, aucune trace de pile", () => {
    const r = binaire(["devis", devis, "--duree", "-5"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim()).toBe("L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a0-5\u00a0».");
  });
});

describe("-o ne désigne jamais le fichier lu (code 2, fichier d'entrée intact)", () => {
  const refus =
    /Le fichier de sortie «\u00a0.+\u00a0» est le fichier lu «\u00a0.+\u00a0»\u00a0: Prodbook ne modifie jamais le fichier d'origine/;

  async function refuse(nom: string, args: string[], sortie: string, lu = devis) {
    const avant = fs.readFileSync(lu);
    const mtime = fs.statSync(lu).mtimeMs;
    const r = await lancer([...nom.split(" "), ...args, "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(refus);
    expect(fs.readFileSync(lu).equals(avant)).toBe(true);
    expect(fs.statSync(lu).mtimeMs).toBe(mtime);
  }

  it.each(ECRIVENT)("%s : -o = le classeur lu, même chemin", async (nom, args) => {
    await refuse(nom, args(), devis);
  });

  it("chemin relatif, « ./ », « ../ » et --sortie désignant le même fichier", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await refuse("devis", ["devis.xlsx"], "./devis.xlsx");
      await refuse("devis", [devis], path.relative(dir, devis));
      await refuse("devis", ["devis.xlsx"], path.join("..", path.basename(dir), "devis.xlsx"));
      const r = await lancer(["devis", "devis.xlsx", "--sortie", devis]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(refus);
    } finally {
      process.chdir(cwd);
    }
  });

  it("lien symbolique et lien physique vers le classeur lu", async () => {
    const symbolique = path.join(dir, "lien.xlsx");
    fs.symlinkSync(devis, symbolique);
    await refuse("devis", [devis], symbolique);
    await refuse("planning", [symbolique], devis);
    const physique = path.join(dir, "physique.xlsx");
    fs.linkSync(devis, physique);
    await refuse("financement", [devis, "--cout", "1000000"], physique);
  });

  it("ecarts : -o ne peut pas non plus être le FEC ou les correspondances", async () => {
    const fecXlsx = path.join(dir, "fec.xlsx");
    fs.copyFileSync(FEC, fecXlsx);
    await refuse("ecarts", [devis, "--fec", fecXlsx, "--correspondances", CORR], fecXlsx, fecXlsx);
  });

  it("un autre fichier de sortie est écrit, l'entrée reste intacte", async () => {
    const ecart = path.join(dir, "ecarts-devis.xlsx");
    await ecrireDevisTest(ecart);
    const avant = fs.readFileSync(ecart);
    const sortie = path.join(dir, "sortie.xlsx");
    const r = await lancer(["ecarts", ecart, "--fec", FEC, "--correspondances", CORR, "-o", sortie]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(fs.existsSync(sortie)).toBe(true);
    expect(fs.readFileSync(ecart).equals(avant)).toBe(true);
  });
});

describe("regles : des options seulement, les mêmes erreurs françaises", () => {
  it.each([
    [["--inconnue"], /option inconnue «\u00a0--inconnue\u00a0»/],
    [["--date"], /l'option «\u00a0--date\u00a0» attend une valeur/],
    [["--classeur", "--json"], /l'option «\u00a0--classeur\u00a0» attend une valeur/],
    [["--json=oui"], /l'option «\u00a0--json\u00a0» ne prend pas de valeur \(reçu «\u00a0oui\u00a0»\)/],
    [
      ["--date", "2025-02-30"],
      /^L'option --date attend une date AAAA-MM-JJ, reçu «\u00a02025-02-30\u00a0»\u00a0: février 2025 n'a que 28 jours\.$/,
    ],
    [
      ["classeur.xlsx"],
      /Argument en trop «\u00a0classeur\.xlsx\u00a0»\u00a0: prodbook regles ne prend que des options/,
    ],
    [["-o", "sortie.xlsx"], /option inconnue «\u00a0-o\u00a0»/],
  ])("%j", async (args, attendu) => {
    const r = await lancer(["regles", ...args]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(attendu);
    expect(r.err).not.toMatch(ANGLAIS);
  });

  it("--classeur absent ou illisible : code 2, le fichier nommé", async () => {
    const absent = path.join(dir, "absent.xlsx");
    let r = await lancer(["regles", "--classeur", absent]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(`Fichier introuvable\u00a0: «\u00a0${absent}\u00a0» (classeur).`);
    const faux = path.join(dir, "faux.xlsx");
    fs.writeFileSync(faux, "pas un classeur");
    r = await lancer(["regles", "--classeur", faux, "--json"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/faux\.xlsx/);
  });
});

describe("versions et carbone : ce qu'écrit le lanceur commun", () => {
  it("versions lister n'écrit rien : -o y est une option inconnue", async () => {
    const r = await lancer(["versions", "lister", devis, "-o", path.join(dir, "l.xlsx")]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/option inconnue «\u00a0-o\u00a0»/);
  });

  it("versions enregistrer sans -o, ou avec --masquer et --afficher : code 2, rien écrit", async () => {
    let r = await lancer(["versions", "enregistrer", devis, "--nom", "V1"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/^Indiquez le classeur à écrire \(-o sortie\.xlsx\)/);
    const sortie = path.join(dir, "jamais-versions.xlsx");
    r = await lancer(["versions", "enregistrer", devis, "--nom", "V1", "--masquer", "--afficher", "-o", sortie]);
    expect({ code: r.code, out: r.out, err: r.err }).toEqual({
      code: 2,
      out: "",
      err: "Choisissez --masquer ou --afficher, pas les deux.",
    });
    expect(fs.existsSync(sortie)).toBe(false);
  });

  it("carbone --csv désignant le classeur lu (lien) : refusé, code 2, classeur intact", async () => {
    const lien = path.join(dir, "lien-devis.csv");
    fs.symlinkSync(devis, lien);
    const avant = fs.readFileSync(devis);
    const r = await lancer(["carbone", devis, "--csv", lien]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/Le fichier de l'option --csv «\u00a0.+lien-devis\.csv\u00a0» est le fichier lu/);
    expect(fs.readFileSync(devis).equals(avant)).toBe(true);
  });
});
