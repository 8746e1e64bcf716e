import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { texteFrancais } from "../../src/cli/io";
import { dateEnLettres } from "../../src/core/util/texte";
import { dossierTemporaire, lancerCli, refus } from "../helpers/cli";

/**
 * A hostile new user's sweep of every command: a file that is missing, a folder, empty, a CSV or a zip renamed .xlsx,
 * a password-protected or truncated workbook, each given where a workbook (or a ledger) is read. Every case: a French
 * message naming the file, exit 2, nothing written. Then what the sweep found said badly, now said right.
 */
const RACINE = path.resolve(__dirname, "../..");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const FEC = path.join(RACINE, "tests/fixtures/fec/production-2024.txt");
const HOSTILES = path.join(RACINE, "tests/fixtures/hostiles");
const dossier = dossierTemporaire("prodbook-saisies-fautes-");

/** The damaged inputs, made in the temporary folder (a truncated fixture, a folder, an empty file) or read as they are. */
async function entrees(): Promise<[string, string, RegExp][]> {
  const d = dossier();
  const tronque = path.join(d, "tronque.xlsx");
  await fs.writeFile(tronque, (await fs.readFile(DEVIS)).subarray(0, 3000));
  const vide = path.join(d, "vide.xlsx");
  await fs.writeFile(vide, "");
  const rep = path.join(d, "dossier.xlsx");
  await fs.mkdir(rep, { recursive: true });
  return [
    ["absent", path.join(d, "absent.xlsx"), /Fichier introuvable\u00a0: «\u00a0.*absent\.xlsx\u00a0»/],
    ["un dossier", rep, /dossier\.xlsx.*c'est un dossier/],
    ["vide", vide, /vide\.xlsx.*(le fichier est vide|Fichier vide)/],
    ["CSV renommé", path.join(HOSTILES, "csv-renomme.xlsx"), /csv-renomme\.xlsx.*(fichier texte \(CSV|ni FEC)/],
    [
      "zip sans classeur",
      path.join(HOSTILES, "zip-sans-classeur.xlsx"),
      /zip-sans-classeur\.xlsx.*(pas de classeur|zip)/,
    ],
    [
      "protégé",
      path.join(HOSTILES, "protege-mot-de-passe.xlsx"),
      /protege-mot-de-passe\.xlsx.*protégé par mot de passe/,
    ],
    ["tronqué", tronque, /tronque\.xlsx.*(endommagée ou incomplète|classeur Excel \(\.xlsx\))/],
  ];
}

/** Each command with the file in the place it reads one, and -o where the command writes. */
const COMMANDES: [string, (f: string, o: string) => string[]][] = [
  ["devis", (f, o) => ["devis", f, "-o", o]],
  ["financement", (f, o) => ["financement", f, "--cout", "1000000", "-o", o]],
  ["planning", (f, o) => ["planning", f, "--livraison", "2026-06-01", "-o", o]],
  ["ecarts", (f, o) => ["ecarts", f, "--fec", FEC, "-o", o]],
  ["ecarts --fec", (f, o) => ["ecarts", DEVIS, "--fec", f, "-o", o]],
  [
    "credit-impot",
    (f, o) => ["credit-impot", f, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52", "-o", o],
  ],
  ["regles --classeur", (f) => ["regles", "--classeur", f]],
  ["versions enregistrer", (f, o) => ["versions", "enregistrer", f, "--nom", "V1", "-o", o]],
  ["versions lister", (f) => ["versions", "lister", f]],
  ["versions comparer", (f, o) => ["versions", "comparer", f, "--de", "V1", "--a", "courant", "-o", o]],
  ["carbone", (f, o) => ["carbone", f, "-o", o]],
  ["fec", (f) => ["fec", f]],
];

describe("chaque commande, chaque fichier abîmé : message français qui le nomme, exit 2, rien d'écrit", () => {
  it.each(COMMANDES)("%s", async (nom, args) => {
    for (const [cas, fichier, message] of await entrees()) {
      const sortie = path.join(dossier(), `${nom.replace(/\W+/g, "-")}-${cas.replace(/\W+/g, "-")}.xlsx`);
      const r = await lancerCli(main, args(fichier, sortie));
      expect([nom, cas, r.code, r.out]).toEqual([nom, cas, 2, ""]);
      expect(r.err).toMatch(message);
      refus(r, /./, sortie);
    }
  });
});

describe("ce que le balayage a trouvé mal dit (avant : le nom seul, ou un message qui ne disait pas pourquoi)", () => {
  it.each<[string, (d: string) => string[], (d: string) => string]>([
    [
      "« - » pour l'entrée du terminal",
      () => ["devis", "-"],
      () =>
        "Fichier introuvable : « - » (classeur) : Prodbook ne lit pas l'entrée du terminal, indiquez " +
        "le chemin du fichier.",
    ],
    [
      "une espace après le nom",
      (d) => ["financement", path.join(d, "plan.xlsx "), "--cout", "1000"],
      (d) =>
        `Fichier introuvable : « ${path.join(d, "plan.xlsx ")} » (classeur) : le nom reçu finit par une ` +
        `espace ; vouliez-vous dire « ${path.join(d, "plan.xlsx")} » ?`,
    ],
    [
      "une espace avant le nom",
      (d) => ["versions", "lister", ` ${path.join(d, "plan.xlsx")}`],
      (d) =>
        `Fichier introuvable : «  ${path.join(d, "plan.xlsx")} » (classeur) : le nom reçu commence par ` +
        `une espace ; vouliez-vous dire « ${path.join(d, "plan.xlsx")} » ?`,
    ],
    [
      "une extension mal tapée",
      (d) => ["planning", path.join(d, "planning-tournage.xslx"), "--livraison", "2026-06-01"],
      (d) =>
        `Fichier introuvable : « ${path.join(d, "planning-tournage.xslx")} » (classeur) ; vouliez-vous ` +
        `dire « ${path.join(d, "planning-tournage.xlsx")} » ?`,
    ],
    [
      "un dossier qui n'existe pas",
      (d) => ["fec", path.join(d, "compta", "fec.txt")],
      (d) =>
        `Fichier introuvable : « ${path.join(d, "compta", "fec.txt")} » (FEC) : le dossier ` +
        `« ${path.join(d, "compta")} » n'existe pas.`,
    ],
    [
      "--colonnes vide",
      (d) => ["fec", FEC, "--colonnes", path.join(d, "colonnes.json")],
      (d) =>
        `Correspondance de colonnes illisible (${path.join(d, "colonnes.json")}) : le fichier est vide (attendu un ` +
        `objet JSON { "colonnes": { "compte": …, "date": … } }).`,
    ],
    [
      "un classeur protégé donné pour FEC",
      () => ["ecarts", DEVIS, "--fec", path.join(HOSTILES, "protege-mot-de-passe.xlsx")],
      () =>
        `${path.join(HOSTILES, "protege-mot-de-passe.xlsx")} n'est pas un FEC lisible : c'est un classeur Excel ` +
        "protégé par mot de passe, pas un fichier texte : enregistrez le grand livre en texte (.txt ou .csv).",
    ],
    [
      "versions : le classeur avant l'action",
      (d) => ["versions", path.join(d, "plan.xlsx"), "lister"],
      (d) => `L'action « lister » s'écrit avant le classeur : prodbook versions lister ${path.join(d, "plan.xlsx")} …`,
    ],
    [
      "versions : l'action oubliée",
      (d) => ["versions", path.join(d, "plan.xlsx")],
      (d) => `Indiquez l'action avant le classeur « ${path.join(d, "plan.xlsx")} » : enregistrer, lister ou comparer.`,
    ],
  ])("%s", async (_cas, args, message) => {
    const d = dossier();
    await fs.copyFile(DEVIS, path.join(d, "plan.xlsx"));
    await fs.copyFile(DEVIS, path.join(d, "planning-tournage.xlsx"));
    await fs.writeFile(path.join(d, "colonnes.json"), "  \n");
    const argv = args(d);
    const r = await lancerCli(main, argv);
    expect([r.code, r.out]).toEqual([2, ""]);
    // The first line is the message (in French typography, the paths typed kept as typed); the usage may follow.
    expect(r.err.split("\n")[0]).toBe(texteFrancais(message(d), argv));
    expect(r.err).not.toMatch(/Erreur interne|Error|ENO[A-Z]+|at .*\.js/);
  });

  it("un nom court sans voisin proche : rien de deviné", async () => {
    const absent = path.join(dossier(), "a.xlsx");
    const r = await lancerCli(main, ["devis", absent]);
    expect(r.err).toBe(`Fichier introuvable\u00a0: «\u00a0${absent}\u00a0» (classeur).`);
    expect(existsSync(absent)).toBe(false);
  });
});

describe("options : la valeur voulue dite, jamais prise à sa place ; rien d'écrit", () => {
  it.each<[string, string[], string]>([
    [
      "--genre Fiction",
      ["devis", DEVIS, "--genre", "Fiction"],
      "L'option --genre attend l'une des valeurs fiction, documentaire, animation, spectacle ; reçu « Fiction » : vouliez-vous dire « fiction » ?",
    ],
    [
      "--regime Cinéma",
      ["credit-impot", DEVIS, "--regime", "Cinéma", "--genre", "fiction"],
      "L'option --regime attend l'une des valeurs cinema, audiovisuel, international ; reçu « Cinéma » : vouliez-vous dire « cinema » ?",
    ],
    [
      "--encodage UTF8",
      ["ecarts", DEVIS, "--fec", FEC, "--encodage", "UTF8"],
      "L'option --encodage attend l'une des valeurs utf-8, windows-1252, iso-8859-15, ebcdic, cp850 ; reçu « UTF8 » : vouliez-vous dire « utf-8 » ?",
    ],
    [
      "--zone corse (rien de proche)",
      ["planning", DEVIS, "--livraison", "2026-06-01", "--zone", "corse"],
      "L'option --zone attend l'une des valeurs metropole, alsace-moselle ; reçu « corse ».",
    ],
    [
      "--duree 1h30",
      ["devis", DEVIS, "--duree", "1h30"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu « 1h30 » : écrivez « 90 ».",
    ],
    [
      "--duree 52 min",
      ["financement", DEVIS, "--cout", "1000", "--duree", "52 min"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu « 52 min » : écrivez « 52 ».",
    ],
    [
      "--duree 2h",
      ["credit-impot", DEVIS, "--regime", "audiovisuel", "--genre", "fiction", "--duree", "2h"],
      "L'option --duree attend une durée en minutes écrite en chiffres (par exemple 52 ou 26,5), reçu « 2h » : écrivez « 120 ».",
    ],
    [
      "-o .xlsx",
      ["devis", DEVIS, "-o", "SORTIE/.xlsx"],
      "Le fichier de sortie « SORTIE/.xlsx » n'a pas de nom avant .xlsx : indiquez-en un (-o sortie.xlsx).",
    ],
    [
      "--csv .csv",
      ["carbone", DEVIS, "--csv", "SORTIE/.csv"],
      "Le fichier de l'option --csv « SORTIE/.csv » n'a pas de nom avant .csv : indiquez-en un.",
    ],
  ])("%s", async (_cas, args, message) => {
    const d = dossier();
    const argv = args.map((a) => a.replace("SORTIE", d));
    const r = await lancerCli(main, argv);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err.split("\n")[0]).toBe(texteFrancais(message.replace("SORTIE", d), argv));
    expect(existsSync(path.join(d, ".xlsx")) || existsSync(path.join(d, ".csv"))).toBe(false);
  });
});

describe("un classeur neuf, une seule feuille vide : dite vide par chaque lecteur (avant : « il faut une ligne d'en-tête »)", () => {
  it.each<[string, (f: string, o: string) => string[], string]>([
    ["devis", (f, o) => ["devis", f, "-o", o], "aucun devis"],
    ["credit-impot", (f, o) => ["credit-impot", f, "--regime", "cinema", "--genre", "fiction", "-o", o], "aucun devis"],
    ["carbone", (f, o) => ["carbone", f, "-o", o], "aucun devis"],
    ["ecarts", (f, o) => ["ecarts", f, "--fec", FEC, "-o", o], "aucun devis"],
    ["financement", (f, o) => ["financement", f, "--cout", "1000", "-o", o], "aucun plan de financement"],
    ["planning", (f, o) => ["planning", f, "--livraison", "2026-06-01", "-o", o], "ni étapes ni plan de travail"],
  ])("%s", async (nom, args, quoi) => {
    const d = dossier();
    const f = path.join(d, "neuf.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Feuil1");
    await wb.xlsx.writeFile(f);
    const sortie = path.join(d, `neuf-${nom}.xlsx`);
    refus(
      await lancerCli(main, args(f, sortie)),
      `neuf.xlsx\u00a0: La feuille «\u00a0Feuil1\u00a0» est vide\u00a0: elle ne contient ${quoi} à lire.`,
      sortie,
    );
  });
});

describe("--date des tables de règles : au plus 20 ans après aujourd'hui (avant : « 9999-12-31 » lu avec les tables du jour)", () => {
  // The bound of the plan de financement's payment dates (ANNEES_VRAISEMBLABLES_MAX), counted from today's year.
  const dernier = `${new Date().getUTCFullYear() + 20}-12-31`;
  const lendemain = `${new Date().getUTCFullYear() + 21}-01-01`;
  const refusee = (date: string) =>
    `L'option --date attend une date jusqu'au ${dateEnLettres(dernier)}\u00a0: Prodbook ne lit pas les tables de règles à plus de ` +
    `20 ans d'aujourd'hui, reçu «\u00a0${dateEnLettres(date)}\u00a0».`;
  it.each<[string, (o: string) => string[]]>([
    ["devis", (o) => ["devis", DEVIS, "-o", o]],
    ["carbone", (o) => ["carbone", DEVIS, "-o", o]],
    ["regles", () => ["regles"]],
    ["regles --json", () => ["regles", "--json"]],
  ])("%s", async (nom, args) => {
    for (const date of ["9999-12-31", lendemain]) {
      const sortie = path.join(dossier(), `${nom.replace(/\W+/g, "-")}-${date}.xlsx`);
      refus(await lancerCli(main, [...args(sortie), "--date", date]), refusee(date), sortie);
    }
  });

  it("le dernier jour admis est lu", async () => {
    const r = await lancerCli(main, ["regles", "--date", dernier, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(JSON.parse(r.out).date).toBe(dernier);
  });
});

describe("planning --service hors du plan de travail : dit hors du plan, avec ses dates (avant : « Aucune personne n'est prévue »)", () => {
  const PLAN = path.join(RACINE, "tests/fixtures/planning/gardiens-planning.xlsx");
  it.each<[string, string]>([
    ["1850-01-01", "1er janvier 1850"],
    ["0001-01-01", "1er janvier 0001"],
    ["2026-05-10", "10 mai 2026"],
    ["2026-05-16", "16 mai 2026"],
    ["2199-12-31", "31 décembre 2199"],
  ])("%s", async (date, lettres) => {
    // A date in words keeps its parts together (no-break spaces, as dateEnLettres writes it).
    const [enLettres, debut, fin] = [lettres, "11 mai 2026", "15 mai 2026"].map((t) => t.replace(/ /g, "\u00a0"));
    const sortie = path.join(dossier(), `service-${date}.xlsx`);
    refus(
      await lancerCli(main, ["planning", PLAN, "--livraison", "2026-12-01", "--service", date, "-o", sortie]),
      texteFrancais(
        `gardiens-planning.xlsx : Le ${enLettres} est hors du plan de travail de la feuille « PDT » ` +
          `(du ${debut} au ${fin}) : pas de feuille de service à établir.`,
      ),
      sortie,
    );
  });

  it("un jour du plan sans personne garde son message ; un jour du plan avec des convocations est écrit", async () => {
    const sortie = path.join(dossier(), "service-ok.xlsx");
    const r = await lancerCli(main, [
      "planning",
      PLAN,
      "--livraison",
      "2026-12-01",
      "--service",
      "2026-05-12",
      "-o",
      sortie,
    ]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(existsSync(sortie)).toBe(true);
  });
});

describe("une partie du classeur abîmée dans un zip intact : dit endommagé, la partie nommée, la réparation par Excel", () => {
  /** The example devis with one part rewritten by `abimer`, rezipped whole (the zip itself is sound). */
  async function abime(nom: string, partie: string, abimer: (xml: string) => string): Promise<string> {
    const zip = await JSZip.loadAsync(await fs.readFile(DEVIS));
    zip.file(partie, abimer(await zip.file(partie)!.async("string")));
    const f = path.join(dossier(), nom);
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return f;
  }
  const CAS: [string, string, (xml: string) => string][] = [
    // Bytes changed mid-file (Excel: « nous avons trouvé un problème dans le contenu »).
    [
      "octets-changes.xlsx",
      "xl/worksheets/sheet1.xml",
      (x) => `${x.slice(0, x.length / 2)}\u0000<<>>&&${x.slice(x.length / 2 + 8)}`,
    ],
    ["feuille-coupee.xlsx", "xl/worksheets/sheet1.xml", (x) => x.slice(0, Math.floor(x.length / 2))],
    ["classeur-coupe.xlsx", "xl/workbook.xml", (x) => x.slice(0, Math.floor(x.length / 2))],
  ];
  it.each<[string, (f: string, o: string) => string[]]>([
    ["devis", (f, o) => ["devis", f, "-o", o]],
    ["financement", (f, o) => ["financement", f, "--cout", "1000000", "-o", o]],
    ["planning", (f, o) => ["planning", f, "--livraison", "2026-06-01", "-o", o]],
    ["carbone", (f, o) => ["carbone", f, "-o", o]],
    ["regles --classeur", (f) => ["regles", "--classeur", f]],
  ])("%s", async (nom, args) => {
    for (const [fichier, partie, abimer] of CAS) {
      const f = await abime(fichier, partie, abimer);
      const sortie = path.join(dossier(), `${nom.replace(/\W+/g, "-")}-${fichier}`);
      refus(
        await lancerCli(main, args(f, sortie)),
        texteFrancais(
          `Le classeur « ${fichier} » est endommagé (la partie « ${partie} » est illisible) : ouvrez-le dans Excel, ` +
            "qui propose de le réparer, puis enregistrez-le à nouveau.",
        ),
        sortie,
      );
    }
  });
});
