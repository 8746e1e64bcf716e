import { installerCustomFunctions } from "../functions/customFunctionsStub";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { deuxVersions } from "../core/versions/classeurs";
import { charges, coutMinute, ecart, ecartPct, montant } from "../../src/functions/functions";
import { DOCS, RACINE, lire } from "../helpers/documentation";

installerCustomFunctions();

/**
 * The user documentation (README.md, docs/*.md) against the commands as they run today: the synopses and options
 * against `prodbook --help`, the README's exit-code table against the commands that take --strict, the commands shown
 * on the repository's own files run for real, and each documented `--json` sample against a real run — every field it
 * names exists at the same place, and its figures are the ones printed (a string with « … » is the start of the
 * real one). README's exit codes are run cell by cell by tests/cli/codesSortie.test.ts.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-docs-"));
});

async function json(args: string[]): Promise<unknown> {
  const r = await lancerCli(main, args);
  expect({ args, code: r.code, err: r.err }).toEqual({ args, code: 0, err: "" });
  return JSON.parse(r.out);
}

// ---------------------------------------------------------------------------------------------------------------
// Synopses and options

/** `prodbook --help`: each usage line by command (« versions enregistrer » for the versions subcommands). */
async function usages(): Promise<Map<string, string>> {
  const r = await lancerCli(main, ["--help"]);
  expect(r.code).toBe(0);
  const m = new Map<string, string>();
  for (const l of r.sortie.join("\n").split("\n")) {
    const x = /^\s+prodbook ([a-z-]+)(?: (enregistrer|lister|comparer))?( .*)$/.exec(l);
    if (x) m.set(x[2] ? `${x[1]} ${x[2]}` : x[1], x[3]);
  }
  return m;
}

const options = (s: string) => [...new Set(s.match(/(?<![\w-])(--[a-z][a-z0-9-]*|-o)(?![\w-])/g) ?? [])].sort();

/** The command lines of a document's code blocks, continuation lines (« [--json] … » indented) joined. */
function lignesDeCommande(texte: string): string[] {
  const blocs = [...texte.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((b) => b[1]);
  const lignes: string[] = [];
  for (const l of blocs.flatMap((b) => b.split("\n"))) {
    if (/^\s+\[/.test(l) && lignes.length) lignes[lignes.length - 1] += " " + l.trim();
    else if (/^(npx )?prodbook /.test(l)) lignes.push(l.replace(/^npx /, "").replace(/\s+#.*$/, ""));
  }
  return lignes;
}

function commandeDe(ligne: string): string {
  const m = /^prodbook ([a-z-]+)(?: (enregistrer|lister|comparer))?/.exec(ligne)!;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}

describe("synopsis et options de la documentation = prodbook --help", () => {
  test("chaque synopsis (« prodbook commande <fichier> [options] ») a exactement les options de l'aide", async () => {
    const aide = await usages();
    expect([...aide.keys()].sort()).toEqual(
      [
        "carbone",
        "credit-impot",
        "devis",
        "ecarts",
        "fec",
        "financement",
        "planning",
        "regles",
        "versions comparer",
        "versions enregistrer",
        "versions lister",
      ].sort(),
    );
    const vus = new Set<string>();
    for (const doc of DOCS) {
      for (const ligne of lignesDeCommande(lire(doc))) {
        if (ligne === "prodbook --help" || ligne === "prodbook --version") continue;
        // README's versions line holds the three subcommands, « | » between them.
        for (const partie of ligne.split(/ \| (?=[a-z]+ <)/)) {
          const l = partie.startsWith("prodbook ") ? partie : `prodbook versions ${partie}`;
          const cmd = commandeDe(l);
          const attendu = aide.get(cmd);
          expect({ doc, cmd, connue: attendu !== undefined }).toEqual({ doc, cmd, connue: true });
          const synopsis = /^prodbook [a-z -]+?<|^prodbook regles \[/.test(l);
          if (synopsis) {
            vus.add(`${doc}:${cmd}`);
            expect({ doc, cmd, options: options(l) }).toEqual({ doc, cmd, options: options(attendu!) });
          } else {
            // An example: every option it uses is one the command takes.
            const inconnues = options(l).filter((o) => !options(attendu!).includes(o));
            expect({ doc, exemple: l, inconnues }).toEqual({ doc, exemple: l, inconnues: [] });
          }
        }
      }
    }
    // The README gives every command's synopsis.
    for (const cmd of aide.keys()) expect(vus).toContain(`README.md:${cmd}`);
  });

  test("le tableau des codes de sortie du README : code 1 avec --strict pour les commandes qui le prennent", async () => {
    const aide = await usages();
    const readme = lire("README.md");
    const tableau = readme.slice(readme.indexOf("| Command | 0 | 1 | 2 |"));
    const lignes = tableau
      .split("\n")
      .slice(2)
      .filter((l) => l.startsWith("| `"));
    const couvertes: string[] = [];
    for (const l of lignes) {
      const [cmds, , un] = l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      for (const cmd of [...cmds.matchAll(/`([a-z-]+)`/g)].map((m) => m[1])) {
        couvertes.push(cmd);
        const usages = [...aide.entries()].filter(([k]) => k === cmd || k.startsWith(`${cmd} `)).map(([, u]) => u);
        expect(usages.length).toBeGreaterThan(0);
        const prendStrict = usages.some((u) => u.includes("--strict"));
        expect({ cmd, colonne1: un, prendStrict }).toEqual({
          cmd,
          colonne1: prendStrict ? expect.stringMatching(/^`--strict` and /) : "never (no `--strict`)",
          prendStrict,
        });
      }
    }
    expect(couvertes.sort()).toEqual([...new Set([...aide.keys()].map((k) => k.split(" ")[0]))].sort());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Commands shown on the repository's own files

describe("les commandes montrées sur les fichiers du dépôt s'exécutent", () => {
  test("chaque exemple dont les fichiers sont dans le dépôt rend 0 (-o et --csv écrits dans un dossier temporaire)", async () => {
    let lancees = 0;
    for (const doc of DOCS) {
      for (const ligne of lignesDeCommande(lire(doc))) {
        const args = (ligne.match(/"[^"]*"|\S+/g) ?? []).slice(1).map((a) => a.replace(/^"|"$/g, ""));
        const fichiers = args.filter((a) => /\.(xlsx|txt|csv|json)$/.test(a) && !/[<>|[\]]/.test(a));
        const lus = fichiers.filter((a) => !["-o", "--csv"].includes(args[args.indexOf(a) - 1]));
        if (!lus.length || !lus.every((f) => fs.existsSync(path.join(RACINE, f)))) continue;
        const reels = args.map((a, i) =>
          ["-o", "--csv"].includes(args[i - 1]) ? path.join(dir, `${lancees}-${path.basename(a)}`) : a,
        );
        const r = await lancerCli(main, reels);
        expect({ doc, ligne, code: r.code, err: r.err }).toEqual({ doc, ligne, code: 0, err: "" });
        lancees++;
      }
    }
    // carbone (assets/exemple), financement ×2 (tests/fixtures/financement), planning (gardiens-planning).
    expect(lancees).toBeGreaterThanOrEqual(4);
  });

  test("npm run demo (README, démarrage rapide) écrit out/devis-structure.xlsx dans un dépôt neuf, sans dossier out/", () => {
    const script = (JSON.parse(lire("package.json")) as { scripts: Record<string, string> }).scripts.demo;
    expect(script).toMatch(/^npm run build:cli && /);
    const neuf = fs.mkdtempSync(path.join(dir, "depot-"));
    for (const d of ["bin", "build", "assets", "node_modules", "package.json"])
      fs.symlinkSync(path.join(RACINE, d), path.join(neuf, d));
    const r = spawnSync("sh", ["-c", script.replace(/^npm run build:cli && /, "")], { cwd: neuf, encoding: "utf8" });
    expect({ code: r.status, err: r.stderr }).toEqual({ code: 0, err: "" });
    expect(fs.statSync(path.join(neuf, "out/devis-structure.xlsx")).size).toBeGreaterThan(10_000);
    expect(r.stdout).toContain("TOTAL");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// `--json` samples

/** The object written after `marqueur` in a document (fenced or inline; « "cle", » alone means: this field exists). */
function echantillon(doc: string, marqueur: string): unknown {
  const texte = lire(doc);
  const i = texte.indexOf(marqueur);
  expect({ doc, marqueur, trouve: i >= 0 }).toEqual({ doc, marqueur, trouve: true });
  const debut = texte.indexOf("{", i + marqueur.length);
  let profondeur = 0;
  let chaine = false;
  let fin = debut;
  for (; fin < texte.length; fin++) {
    const c = texte[fin];
    if (chaine) {
      if (c === "\\") fin++;
      else if (c === '"') chaine = false;
    } else if (c === '"') chaine = true;
    else if (c === "{") profondeur++;
    else if (c === "}" && --profondeur === 0) break;
  }
  const brut = texte.slice(debut, fin + 1).replace(/(?<!:\s*)"(\w+)"(?=\s*[,}\]])/g, '"$1": "__champ__"');
  return JSON.parse(brut);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const champsSeuls = (d: Json): boolean =>
  d === "__champ__" || (!!d && typeof d === "object" && Object.values(d).every((v) => champsSeuls(v)));

/**
 * Each field of `doc` is in `reel` at the same place; with `valeurs`, each figure too (a « … » string: the real one
 * starts with what comes before it). An array's sample elements are each found among the real elements.
 */
function ecarts(doc: Json, reel: Json, valeurs: boolean, chemin = "$"): string[] {
  if (doc === "__champ__") return [];
  if (Array.isArray(doc)) {
    if (!Array.isArray(reel)) return [`${chemin} : tableau attendu, ${JSON.stringify(reel)}`];
    return doc.flatMap((d, i) => {
      // An empty real array holds nothing to compare a field list (« { "cle", … } ») with.
      if (!reel.length) return champsSeuls(d) ? [] : [`${chemin}[${i}] : aucun élément réel`];
      const essais = reel.map((r) => ecarts(d, r, valeurs, `${chemin}[${i}]`));
      return essais.reduce((a, b) => (b.length < a.length ? b : a));
    });
  }
  if (doc && typeof doc === "object") {
    if (!reel || typeof reel !== "object" || Array.isArray(reel))
      return [`${chemin} : objet attendu, ${JSON.stringify(reel)}`];
    return Object.entries(doc).flatMap(([k, v]) =>
      k in reel ? ecarts(v, reel[k], valeurs, `${chemin}.${k}`) : [`${chemin}.${k} : champ absent de la sortie`],
    );
  }
  if (!valeurs) return [];
  // Spaces as a reader types them: the output's figures use non-breaking ones (« 1 250,00 € »).
  const espaces = (x: Json) => (typeof x === "string" ? x.replace(/[\u00a0\u202f]/g, " ") : x);
  const [d, r] = [espaces(doc), espaces(reel)];
  if (typeof d === "string" && d.includes("…")) {
    const debut = d.slice(0, d.indexOf("…"));
    return typeof r === "string" && r.startsWith(debut) ? [] : [`${chemin} : ${JSON.stringify(reel)} ≠ « ${doc} »`];
  }
  return d === r ? [] : [`${chemin} : la sortie donne ${JSON.stringify(reel)}, la documentation ${JSON.stringify(doc)}`];
}

/** Every top-level field of a real output is named somewhere in the document (`champ` or "champ"). */
function nonDocumentes(doc: string, reel: object): string[] {
  const texte = lire(doc);
  return Object.keys(reel).filter((k) => !texte.includes(`\`${k}\``) && !texte.includes(`"${k}"`));
}

function verifier(doc: string, marqueur: string, reel: unknown, valeurs = true) {
  expect({ doc, marqueur, ecarts: ecarts(echantillon(doc, marqueur) as Json, reel as Json, valeurs) }).toEqual({
    doc,
    marqueur,
    ecarts: [],
  });
  expect({ doc, nonDocumentes: nonDocumentes(doc, reel as object) }).toEqual({ doc, nonDocumentes: [] });
}

const EXEMPLE = "assets/exemple/devis-producteur.xlsx";
const FEC = "tests/fixtures/fec/production-2024.txt";
const CORR = "tests/fixtures/fec/correspondances.csv";

describe("les échantillons --json de la documentation = une vraie exécution", () => {
  test("devis (docs/devis.md) : l'exemple du dépôt", async () => {
    const j = await json(["devis", EXEMPLE, "--duree", "52", "--genre", "documentaire", "--json"]);
    verifier("docs/devis.md", "## JSON (`--json`)", j);
  });

  test("fec (docs/comptabilite.md) : le FEC réel nommé, et des lignes rejetée et déséquilibrée pour leurs messages", async () => {
    const doc = "docs/comptabilite.md";
    const j = (await json(["fec", "tests/fixtures/fec-reel/0000000001FEC20220831.txt", "--json"])) as Record<
      string,
      Json
    >;
    const ech = echantillon(doc, "JSON de `prodbook fec --json`") as Record<string, Json>;
    const { erreurs, alertes, ...chiffres } = ech;
    expect(ecarts(chiffres, j, true)).toEqual([]);
    expect(nonDocumentes(doc, j)).toEqual([]);
    const f = path.join(dir, "rejet.txt");
    const entete =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|" +
      "PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
    const ligne = (n: string, date: string, compte: string, d: string, c: string) =>
      `VT|Ventes|${n}|${date}|${compte}|Compte|||P|20240105|Vente|${d}|${c}|||20240110||`;
    fs.writeFileSync(
      f,
      [
        entete,
        ...Array.from({ length: 9 }, (_, i) => ligne(`A${Math.floor(i / 3)}`, "20240105", "706000", "0,00", "0,00")),
        ligne("B", "20230229", "606400", "10,00", "0,00"),
        ligne("VT-0042", "20240105", "706000", "0,00", "100,00"),
        ligne("VT-0042", "20240105", "411000", "100,01", "0,00"),
      ].join("\n") + "\n",
    );
    const r = (await json(["fec", f, "--json"])) as Record<string, Json>;
    // Line numbers: the sample's rejected line is line 11 of this file, its unbalanced entry starts at line 12.
    expect(ecarts({ erreurs, alertes } as Json, r, false)).toEqual([]);
    const messages = (r.erreurs as { message: string }[]).concat(r.alertes as { message: string }[]);
    const attendus = [...(erreurs as { message: string }[]), ...(alertes as { message: string }[])].map((e) =>
      e.message.replace(/^Ligne \d+/, ""),
    );
    for (const m of attendus) expect(messages.map((x) => x.message.replace(/^Ligne \d+/, ""))).toContain(m);
  });

  test("ecarts (docs/comptabilite.md) : le devis et le FEC des tests", async () => {
    const devis = path.join(dir, "devis-ecarts.xlsx");
    await ecrireDevisTest(devis);
    const j = await json(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json"]);
    verifier("docs/comptabilite.md", "JSON (par chapitre, **écart = réalisé − budget**", j);
  });

  test("financement (docs/financement.md) : cinema.xlsx du dépôt", async () => {
    const args = ["tests/fixtures/financement/cinema.xlsx", "--devis", "Budget", "--premier-film", "--json"];
    const j = (await json(["financement", ...args])) as { echeancier: object };
    verifier("docs/financement.md", "Avec `--json`, la commande imprime", j);
    // The échéancier's sample (its first month), figures and wording included.
    verifier("docs/financement.md", "`echeancier` (ajouté en décembre 2026", j.echeancier);
  });

  test("credit-impot (docs/credit-impot.md) : la fiction de 52 minutes des tests, dépenses 2025", async () => {
    const devis = path.join(dir, "devis-fiction.xlsx");
    await ecrireDevisFiction(devis);
    const args = ["--regime", "audiovisuel", "--genre", "fiction", "--duree", "52", "--annee", "2025", "--json"];
    verifier("docs/credit-impot.md", "`parametres` chaque chiffre utilisé", await json(["credit-impot", devis, ...args]));
  });

  test("planning (docs/planning.md) : gardiens-planning.xlsx du dépôt", async () => {
    const f = "tests/fixtures/planning/gardiens-planning.xlsx";
    verifier("docs/planning.md", "`--json` imprime un seul objet", await json(["planning", f, "--livraison", "2026-05-15", "--json"]));
  });

  test("planning (docs/planning.md) : la post-production de l'exemple du dépôt, sortie texte imprimée telle quelle", async () => {
    const commande = "npx prodbook planning assets/exemple/devis-producteur.xlsx";
    const texte = lire("docs/planning.md");
    const avant = `${commande}\n\`\`\`\n\n\`\`\`text\n`;
    expect(texte).toContain(avant);
    const debut = texte.indexOf(avant) + avant.length;
    const r = await lancerCli(main, commande.split(" ").slice(2));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out.replace(/[\u00a0\u202f]/g, " ").trimEnd()).toBe(texte.slice(debut, texte.indexOf("```", debut)).trimEnd());
  });

  test("carbone (docs/carbone.md) : l'exemple du dépôt", async () => {
    verifier("docs/carbone.md", "- `--json` imprime un seul objet", await json(["carbone", EXEMPLE, "--json"]));
    // --csv: UTF-8 with a BOM, CRLF, the header row the document gives, decimal comma.
    const csv = path.join(dir, "export-carbone.csv");
    expect((await lancerCli(main, ["carbone", EXEMPLE, "--csv", csv])).code).toBe(0);
    const octets = fs.readFileSync(csv);
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lignes = octets.subarray(3).toString("utf8").split("\r\n");
    const entete = /une ligne d'en-tête\s+`([^`]+)`/.exec(lire("docs/carbone.md"))![1];
    expect(lignes[0]).toBe(entete.replace(/\s+/g, " "));
    expect(lignes[1]).toMatch(/;\d+,\d\d;/);
  });

  test("regles (docs/regles.md) : au 15/01/2026, et l'extrait texte", async () => {
    verifier("docs/regles.md", "### JSON", await json(["regles", "--date", "2026-01-15", "--json"]));
    const texte = lire("docs/regles.md");
    const extrait = /Extrait \(au 15\/01\/2026\) :\n\n```\n([\s\S]*?)```/.exec(texte)![1].trim().split("\n");
    const r = await lancerCli(main, ["regles", "--date", "2026-01-15"]);
    const sortie = r.out.replace(/[\u00a0\u202f]/g, " ").split("\n");
    const i = sortie.indexOf(extrait[0]);
    expect(i).toBeGreaterThanOrEqual(0);
    extrait.forEach((l, k) => {
      const [avant] = l.split(" … ");
      expect({ k, ligne: sortie[i + k] }).toEqual({ k, ligne: expect.stringContaining(avant) });
    });
  });

  test("versions (docs/versions.md) : les deux versions des tests, et lister / enregistrer sur l'exemple", async () => {
    const v = await deuxVersions(fs.mkdtempSync(path.join(dir, "versions-")));
    const c = await json(["versions", "comparer", v.v2, "--de", "Devis initial", "--a", "Dépôt agrément", "--json"]);
    verifier("docs/versions.md", "JSON (`--json`, un seul objet", c);
    const sortie = path.join(dir, "version.xlsx");
    const e = await json(["versions", "enregistrer", EXEMPLE, "--nom", "Devis initial", "-o", sortie, "--json"]);
    verifier("docs/versions.md", "`enregistrer --json` donne", e, false);
    // The example's version holds its unplaced line ('Budget Gardiens'!G6), so `nonPlaces` has an element to check.
    verifier("docs/versions.md", "`lister --json` donne", await json(["versions", "lister", sortie, "--json"]), false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Files named and PROD.* examples

describe("les fichiers nommés et les exemples des fonctions", () => {
  test("chaque chemin du dépôt cité (tests/…, src/…, scripts/…, assets/…, docs/…) existe", () => {
    const absents: string[] = [];
    for (const doc of DOCS) {
      for (const m of lire(doc).matchAll(/(?<![\w/.-])(?:tests|src|scripts|assets|docs)\/[\w./-]*\w/g)) {
        const chemin = m[0];
        // Another repository's path (docs/carbone.md cites ADEME's files by commit): its first folder is not ours.
        const [racine, premier] = chemin.split("/");
        if (chemin.includes("/", racine.length + 1) && !fs.existsSync(path.join(RACINE, racine, premier))) continue;
        if (/commit/.test(lire(doc).slice(m.index! + chemin.length, m.index! + chemin.length + 20))) continue;
        if (chemin === "tests/bench/data") continue; // generated by npm run bench, not versioned
        if (!fs.existsSync(path.join(RACINE, chemin))) absents.push(`${doc} : ${chemin}`);
      }
    }
    expect(absents).toEqual([]);
  });

  test("docs/fonctions.md : chaque exemple du tableau donne le résultat écrit", () => {
    const fonctions: Record<string, (...a: never[]) => number> = {
      MONTANT: montant,
      CHARGES: charges,
      ECART: ecart,
      "ECART.PCT": ecartPct,
      "COUT.MINUTE": coutMinute,
    };
    const nombre = (t: string) => Number(t.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
    const exemples = [...lire("docs/fonctions.md").matchAll(/`=PROD\.([A-Z.]+)\(([^)]*)\)` → ([^|]+?)\s*\|/g)];
    expect(exemples.map((e) => e[1])).toEqual(Object.keys(fonctions));
    for (const [, nom, args, resultat] of exemples) {
      const valeurs = args.split(";").map((a) => (/^\s*"/.test(a) ? a.trim().slice(1, -1) : nombre(a)));
      const attendu = resultat.endsWith("%") ? nombre(resultat.slice(0, -1)) / 100 : nombre(resultat);
      const obtenu = (fonctions[nom] as unknown as (...a: (string | number)[]) => number)(...valeurs);
      expect({ nom, obtenu }).toEqual({ nom, obtenu: attendu });
    }
  });
});
