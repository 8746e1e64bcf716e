import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fabriqueVariantes, fr, lancerCli, refus } from "../helpers/cli";

/**
 * A hostile tester's third round on the CLI, away from the devis import: `financement`, `planning`, `regles
 * --classeur`, `ecarts`/`fec` on the real FEC files, and option parsing. Each input is a real file written here (with
 * ExcelJS, or the real FEC files of tests/fixtures/fec-reel re-encoded); each refusal is exit 2, a French message
 * naming the file, cell or option, nothing written.
 */
const dossier = dossierTemporaire("prodbook-hostile-qa-3-");

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const FEC_REEL = path.join(__dirname, "../fixtures/fec-reel/0000000001FEC20220831.txt");
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const CORRESPONDANCES = path.join(__dirname, "../fixtures/fec/correspondances.csv");

const variante = fabriqueVariantes(dossier);

/** `source` with a « Paramètres »-like sheet named `feuille` holding `lignes` under the « Paramètre | Valeur » header. */
const avecParametres = (source: string, nom: string, feuille: string, lignes: [string, ExcelJS.CellValue][]) =>
  variante(source, nom, (wb) => {
    const ws = wb.addWorksheet(feuille);
    ws.addRow(["Paramètre", "Valeur"]);
    for (const l of lignes) ws.addRow(l);
  });

interface Constats {
  controles: { regle: string; gravite: string; message: string; cellule?: string | null }[];
}

describe("financement : la feuille « Paramètres » n'agit jamais sans un mot", () => {
  it("un plafond surchargé est nommé avec sa cellule (avant : « plafond 20,00 % » sans dire d'où il venait)", async () => {
    const f = await avecParametres(FICTION, "fin-plafond.xlsx", "Paramètres", [
      ["intensite-aides.cinema.plafond-general", "20 %"],
    ]);
    const r = await lancerCli(main, ["financement", f, "--cout", "3000000", "--oeuvre", "cinema", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Constats & { plafond: string };
    expect(j.controles.filter((c) => c.regle === "intensite-aides-parametre")).toEqual([
      {
        regle: "intensite-aides-parametre",
        gravite: "info",
        message: "intensite-aides.cinema.plafond-general = 20 % ('Paramètres'!B2), au lieu de la valeur de référence.",
        cellule: "'Paramètres'!B2",
      },
    ]);
    const t = await lancerCli(main, ["financement", f, "--cout", "3000000", "--oeuvre", "cinema"]);
    expect(t.out).toContain(
      "[information] Paramètre du classeur utilisé — intensite-aides.cinema.plafond-general = 20\u00a0% ('Paramètres'!B2)",
    );
  });

  it("une clé mal tapée est une alerte (avant : ignorée sans un mot, le plafond de la table appliqué)", async () => {
    const f = await avecParametres(FICTION, "fin-faute.xlsx", "Paramètres", [
      ["intensite-aides.cinema.plafond-generale", "20 %"],
    ]);
    const r = await lancerCli(main, ["financement", f, "--cout", "3000000", "--json"]);
    expect(r.code).toBe(0);
    const [c, ...autres] = (JSON.parse(r.out) as Constats).controles.filter((x) => /parametre/.test(x.regle));
    expect(autres).toEqual([]);
    expect([c.regle, c.gravite, c.cellule]).toEqual(["intensite-aides-parametre-inconnu", "alerte", "'Paramètres'!B2"]);
    expect(c.message).toMatch(
      /^« intensite-aides\.cinema\.plafond-generale » \('Paramètres'!B2\) ignoré : aucun calcul ne le lit ; clés reconnues : .*intensite-aides\.cinema\.plafond-general,/,
    );
    // The key meant is suggested (the nearest known one).
    expect(c.message).toMatch(/\. Vouliez-vous dire «\sintensite-aides\.cinema\.plafond-general\s» \?$/);
  });
});

describe("regles --classeur : une clé qu'aucun calcul ne lit n'est pas « Surchargé par le classeur »", () => {
  it("faute de frappe sous un préfixe de table connu : listée à part, les vraies clés restent sous leur table", async () => {
    // Before: each listed under its table as an override in force, while every calculation ignored it.
    const f = await avecParametres(FICTION, "regles-fautes.xlsx", "Paramètres", [
      ["intensite-aides.cinema.plafond-generale", "20 %"],
      ["temps-de-travail.2642.duree-quotidienne", "10"],
      ["credit-impot.cinema.tau", "25 %"],
      ["devis.accord-transparence.fiction.frais-generau", "8 %"],
      ["intensite-aides.cinema.plafond-general", "40 %"],
      ["credit-impot.cinema.taux", "25 %"],
    ]);
    const r = await lancerCli(main, ["regles", "--date", "2026-06-01", "--classeur", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      surchargesNonRattachees: Record<string, { cellule: string }>;
      tables: { id: string; surcharges: Record<string, unknown> }[];
    };
    expect(Object.entries(j.surchargesNonRattachees).map(([k, v]) => `${k} ${v.cellule}`)).toEqual([
      "credit-impot.cinema.tau 'Paramètres'!B4",
      "devis.accord-transparence.fiction.frais-generau 'Paramètres'!B5",
      "intensite-aides.cinema.plafond-generale 'Paramètres'!B2",
      "temps-de-travail.2642.duree-quotidienne 'Paramètres'!B3",
    ]);
    const sous = (id: string) => Object.keys(j.tables.find((t) => t.id === id)!.surcharges);
    expect([sous("intensite-aides"), sous("credit-impot-cinema"), sous("temps-de-travail")]).toEqual([
      ["intensite-aides.cinema.plafond-general"],
      ["credit-impot.cinema.taux"],
      [],
    ]);
    const t = await lancerCli(main, ["regles", "--date", "2026-06-01", "--classeur", f]);
    expect(t.out).toContain(
      "Paramètres du classeur qu'aucune table ne lit (faute de frappe\u202f?)\u00a0:\n  credit-impot.cinema.tau = 25\u00a0%",
    );
  });
});

describe("une feuille « Parametres » (sans accent) : lue par tous ou par aucun", () => {
  // Before: credit-impot read it (25 %), while regles --classeur said « n'a pas de feuille « Paramètres » » and
  // planning, financement and devis applied the tables' figures without a word.
  let f: string;
  beforeAll(async () => {
    f = await avecParametres(PLAN, "sans-accent.xlsx", "Parametres", [
      ["temps-de-travail.2642.duree-quotidienne-max", 10],
      ["credit-impot.cinema.taux", "25 %"],
      ["carbone.train-tgv", 0.004],
    ]);
  });

  it("regles --classeur la lit", async () => {
    const r = await lancerCli(main, ["regles", "--date", "2026-06-01", "--classeur", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { feuilleParametres: string; tables: { id: string; surcharges: object }[] };
    expect(j.feuilleParametres).toBe("lue");
    expect(j.tables.find((t) => t.id === "temps-de-travail")?.surcharges).toEqual({
      "temps-de-travail.2642.duree-quotidienne-max": { valeur: "10", cellule: "Parametres!B2" },
    });
  });

  it("planning l'applique et le dit", async () => {
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Constats;
    expect(j.controles.filter((c) => c.regle === "temps-de-travail-parametre").map((c) => c.cellule)).toEqual([
      "Parametres!B2",
    ]);
    expect(j.controles.some((c) => /au-delà du maximum de 10 h par jour/.test(c.message))).toBe(true);
  });

  it("credit-impot l'applique comme avant", async () => {
    const r = await lancerCli(main, ["credit-impot", f, "--regime", "cinema", "--genre", "fiction", "--json"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Parametres!B3");
  });

  it("carbone l'applique aussi (avant : seule « Paramètres » exactement était lue)", async () => {
    const r = await lancerCli(main, ["carbone", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { categories: { activites: { facteur: string; source: string | null }[] }[] };
    const surchargees = j.categories
      .flatMap((c) => c.activites)
      .filter((a) => (a.source ?? "").includes("Parametres!B4"));
    expect(surchargees.length).toBeGreaterThan(0);
    expect(surchargees.every((a) => a.facteur === "0.004")).toBe(true);
  });
});

describe("options données deux fois : code 2, rien de deviné ni d'écrit (avant : la dernière gagnait, code 0)", () => {
  it.each([
    [["--livraison", "2026-12-01", "--livraison", "2026-11-01"], "--livraison", "2026-12-01", "2026-11-01"],
    [["-o", "{a}", "--sortie", "{b}"], "--sortie", "{a}", "{b}"],
    [["--livraison=2026-12-01", "-o", "{a}", "-o", "{b}"], "-o", "{a}", "{b}"],
  ])("%j", async (options, option, premiere, seconde) => {
    const a = path.join(dossier(), "jamais-a.xlsx");
    const b = path.join(dossier(), "jamais-b.xlsx");
    const x = (s: string) => s.replace("{a}", a).replace("{b}", b);
    const base = options.some((o) => o.startsWith("--livraison")) ? [] : ["--livraison", "2026-12-01"];
    const r = await lancerCli(main, ["planning", PLAN, ...base, ...options.map(x)]);
    refus(
      r,
      new RegExp(
        `^Arguments invalides\u00a0: l'option «\u00a0${option}\u00a0» est donnée deux fois \\(«\u00a0${x(premiere)}\u00a0» puis «\u00a0${x(
          seconde,
        )}\u00a0»\\)\u00a0: gardez-en une\\.\\nUsage\u00a0: prodbook planning `,
      ),
      a,
      b,
    );
  });

  it("la même valeur répétée, ou un drapeau répété, ne gêne pas", async () => {
    const r = await lancerCli(main, [
      "planning",
      PLAN,
      "--livraison",
      "2026-12-01",
      "--livraison=2026-12-01",
      "--json",
      "--json",
    ]);
    expect(r.code).toBe(0);
  });
});

describe("un montant d'option au-delà du centime est refusé (avant : arrondi sans un mot)", () => {
  it.each([
    [["financement", FICTION, "--cout", "3000000,005"], "--cout", "3000000,005"],
    [["financement", FICTION, "--cout", "3000000.005"], "--cout", "3000000.005"],
    [
      ["credit-impot", EXEMPLE, "--regime", "international", "--genre", "fiction", "--vfx-france", "100 000,125"],
      "--vfx-france",
      "100 000,125",
    ],
  ])("%j", async (args, option, valeur) => {
    const r = await lancerCli(main, args);
    refus(
      r,
      `L'option ${option}\u00a0: «\u00a0${valeur}\u00a0» a plus de deux décimales\u202f; un montant s'écrit au centime près.`,
    );
  });
});

describe("FEC réel : les espaces insécables d'un tableur français groupent les milliers comme une espace", () => {
  interface FecJson {
    lignesImportees: number;
    debit: string;
    credit: string;
    rejets?: unknown[];
  }
  /** Every amount of the real FEC from 1 000 up written « 13␣500,00 » with `espace` (as Excel in French writes it). */
  async function groupe(nom: string, espace: string, encodage: "utf8" | "latin1"): Promise<string> {
    const texte = (await fs.readFile(FEC_REEL, "utf8")).replace(/^\uFEFF/, "");
    const lignes = texte.split("\n").map((l, i) =>
      i === 0
        ? l
        : l
            .split("\t")
            .map((c, k) => (k === 11 || k === 12 ? c.replace(/^(\d+)(\d{3}),/, `$1${espace}$2,`) : c))
            .join("\t"),
    );
    expect(lignes.filter((l) => l.includes(`${espace}`)).length).toBeGreaterThan(1000);
    const f = path.join(dossier(), nom);
    // latin1 writes U+00A0 as the one byte 0xA0, as Windows-1252 does.
    await fs.writeFile(f, Buffer.from(lignes.join("\n"), encodage));
    return f;
  }

  const reference = async () => JSON.parse((await lancerCli(main, ["fec", FEC_REEL, "--json"])).out) as FecJson;

  it.each([
    // Before: 1 000+ lines rejected (« Debit « 13 500,00 » n'est pas un montant ») while « 13 500,00 » was read.
    ["insécable UTF-8 (U+00A0)", "\u00a0", "utf8"],
    ["fine insécable UTF-8 (U+202F)", "\u202f", "utf8"],
    ["insécable Windows-1252 (0xA0)", "\u00a0", "latin1"],
    ["espace ordinaire (déjà lue)", " ", "utf8"],
  ] as const)("%s", async (_nom, espace, encodage) => {
    const f = await groupe(`fec-groupe-${espace.charCodeAt(0)}-${encodage}.txt`, espace, encodage);
    const r = await lancerCli(main, ["fec", f, "--json", "--strict"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as FecJson;
    const ref = await reference();
    expect([j.lignesImportees, j.debit, j.credit]).toEqual([5422, ref.debit, ref.credit]);
    expect(j.debit).toBe("10186219.81");
  });

  it("« 12.000 » n'est pas lu 12,00 € : la convention du fichier (virgule décimale, « 0,00 ») le lit 12 000,00 € et le dit", async () => {
    const texte = await fs.readFile(FEC, "utf8");
    const f = path.join(dossier(), "fec-ambigu.txt");
    await fs.writeFile(f, texte.replace(/\t12000,00\t/g, "\t12.000\t"));
    const r = await lancerCli(main, ["fec", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { erreurs: unknown[]; alertes: { ligne: number; message: string }[] };
    expect(j.erreurs).toEqual([]);
    expect(j.alertes[0]).toEqual({
      ligne: 0,
      message:
        "Convention du fichier : virgule décimale, prouvée ligne 2 (aucun montant au point décimal) ; 2\u00a0montants " +
        "ambigus (un seul séparateur suivi de trois chiffres) lus selon elle : ligne 2 Debit « 12.000 » = " +
        "12\u202f000,00\u00a0€ ; ligne 3 Credit « 12.000 » = 12\u202f000,00\u00a0€. Vérifiez-les dans l'export comptable.",
    });
    const e = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", f, "--correspondances", CORRESPONDANCES, "--json"]);
    const je = JSON.parse(e.out) as Constats & { postes: { code: string; realise: string }[] };
    expect(je.postes.find((p) => p.code === "1")?.realise).toBe("12000.00"); // 12,00 € before the rejection
    expect(je.controles.filter((c) => c.regle === "grand-livre-fichier").map((c) => c.message)).toEqual([
      j.alertes[0].message,
    ]);
  });
});

describe("planning : la cellule à corriger, en français", () => {
  const etapes = (nom: string, cellule: string, valeur: ExcelJS.CellValue) =>
    variante(PLAN, nom, (wb) => {
      const c = wb.getWorksheet("Étapes post-prod")!.getCell(cellule);
      c.style = {};
      c.value = valeur;
    });
  const pdt = (nom: string, cellule: string, valeur: ExcelJS.CellValue) =>
    variante(PLAN, nom, (wb) => {
      const c = wb.getWorksheet("PDT")!.getCell(cellule);
      c.style = {};
      c.value = valeur;
    });
  const DIV0 = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;

  it.each([
    // Before: « Durée négative ou invalide (-3) pour l'étape « Montage son » (ligne 3, 'Étapes post-prod'!A3) ».
    ["B3", -3, "Ligne 3\u00a0: durée négative (-3) pour l'étape «\u00a0Montage son\u00a0» ('Étapes post-prod'!B3)"],
    // Before: « Durée non entière (3.5) … 'Étapes post-prod'!A3 ».
    [
      "B3",
      3.5,
      "Ligne 3\u00a0: durée non entière (3,5) pour l'étape «\u00a0Montage son\u00a0» ('Étapes post-prod'!B3)",
    ],
    // Before: « durée illisible «  » ».
    [
      "B3",
      DIV0,
      "Ligne 3\u00a0: durée illisible «\u00a0#DIV/0!\u00a0» (une erreur Excel) pour l'étape «\u00a0Montage son\u00a0»",
    ],
    // Before: the error read as an empty cell: no lag, code 0.
    [
      "E4",
      DIV0,
      "Ligne 4\u00a0: décalage invalide «\u00a0#DIV/0!\u00a0» (une erreur Excel) pour l'étape «\u00a0Musique\u00a0»",
    ],
    // Before: the error read as an empty cell: « the row above » (Montage image) taken as predecessor, code 0.
    [
      "C5",
      DIV0,
      "Ligne 5\u00a0: prédécesseurs illisibles «\u00a0#DIV/0!\u00a0» (une erreur Excel) pour l'étape «\u00a0Mixage\u00a0»",
    ],
  ] as [string, ExcelJS.CellValue, string][])("étapes %s = %j", async (cellule, valeur, debut) => {
    const f = await etapes(`etapes-${cellule}-${JSON.stringify(valeur).replace(/\W/g, "")}.xlsx`, cellule, valeur);
    const sortie = path.join(dossier(), "jamais-etapes.xlsx");
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "-o", sortie]);
    refus(r, new RegExp(`^${path.basename(f)}\u00a0: ${debut.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), sortie);
  });

  it.each([
    // Before: « date illisible «  » ».
    ["A2", DIV0, "Ligne 2\u00a0: date illisible «\u00a0#DIV/0!\u00a0» (une erreur Excel) pour Yann Le Goff (PDT!A2)"],
    // Before: the error read as an empty date: the row above's date (11/05/2026) taken, code 0.
    ["A3", DIV0, "Ligne 3\u00a0: date illisible «\u00a0#DIV/0!\u00a0» (une erreur Excel) pour Yann Le Goff (PDT!A3)"],
    [
      "E2",
      DIV0,
      "Ligne 2\u00a0: heure de début illisible «\u00a0#DIV/0!\u00a0» (une erreur Excel) pour Yann Le Goff (PDT!E2)",
    ],
    // Before: 900 min of pause on an 11-hour day: -4 h of work counted, code 0.
    [
      "G2",
      900,
      "Ligne 2\u00a0: pause de 900 min pour Yann Le Goff (PDT!G2)\u00a0: aussi longue que la journée (08:00–19:00, 11 h 00)\u202f; " +
        "la pause s'écrit en minutes.",
    ],
  ] as [string, ExcelJS.CellValue, string][])("plan de travail %s = %j", async (cellule, valeur, debut) => {
    const f = await pdt(`pdt-${cellule}-${JSON.stringify(valeur).replace(/\W/g, "")}.xlsx`, cellule, valeur);
    const sortie = path.join(dossier(), "jamais-pdt.xlsx");
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "-o", sortie]);
    refus(r, new RegExp(`^${path.basename(f)}\u00a0: ${debut.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), sortie);
  });

  it("une pause plus courte que la journée de nuit reste lue (22:00 → 06:00, 60 min)", async () => {
    const f = await variante(PLAN, "pdt-nuit.xlsx", (wb) => {
      const ws = wb.getWorksheet("PDT")!;
      ws.getCell("E2").value = "22:00";
      ws.getCell("F2").value = "06:00";
      ws.getCell("G2").value = 420;
    });
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "--json"]);
    expect(r.code).toBe(0);
  });
});

describe("planning : les paramètres du temps de travail en heures, dans leurs bornes", () => {
  const essai = async (nom: string, cle: string, valeur: ExcelJS.CellValue) => {
    const f = await avecParametres(PLAN, nom, "Paramètres", [[cle, valeur]]);
    return { f, r: await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "--json"]) };
  };

  it.each([
    // Before: « « 10 h » n'est pas un nombre valable », exit 2, while the documentation says the figures are in hours.
    ["10 h", "10 h"],
    ["10 heures", "10 heures"],
    // Before: « = 12.5 ».
    [12.5, "12,5"],
  ] as [ExcelJS.CellValue, string][])("%j est lu", async (valeur, dit) => {
    const { r } = await essai(
      `tdt-${String(valeur).replace(/\W/g, "")}.xlsx`,
      "temps-de-travail.2642.duree-quotidienne-max",
      valeur,
    );
    expect(r.code).toBe(0);
    const c = (JSON.parse(r.out) as Constats).controles.find((x) => x.regle === "temps-de-travail-parametre");
    expect([c?.message, c?.cellule]).toEqual([
      `temps-de-travail.2642.duree-quotidienne-max = ${dit}, au lieu de la valeur de référence.`,
      "'Paramètres'!B2",
    ]);
  });

  it.each([
    // Before: each applied: « 720 » (minutes for 12 h) switched the check off, « 0 » flagged every day.
    ["temps-de-travail.2642.duree-quotidienne-max", 720, "un nombre d'heures supérieur à 0, au plus 24"],
    ["temps-de-travail.2642.duree-quotidienne-max", 0, "un nombre d'heures supérieur à 0, au plus 24"],
    ["temps-de-travail.3097.duree-hebdomadaire-max", "200 h", "un nombre d'heures supérieur à 0, au plus 168"],
    ["temps-de-travail.2642.repos-quotidien", 25, "un nombre d'heures de 0 à 24"],
    ["temps-de-travail.3097.repos-reduits-par-semaine", 2.5, "un nombre entier de 0 à 7"],
  ] as [string, ExcelJS.CellValue, string][])("%s = %j : code 2, la cellule nommée", async (cle, valeur, attendu) => {
    const { f, r } = await essai(
      `tdt-borne-${cle.replace(/\W/g, "")}-${String(valeur).replace(/\W/g, "")}.xlsx`,
      cle,
      valeur,
    );
    const dit = String(valeur).replace(".", ",");
    refus(
      r,
      `${path.basename(f)}\u00a0: 'Paramètres'!B2\u00a0: «\u00a0${dit}\u00a0» pour «\u00a0${cle}\u00a0»\u00a0: attendu ${attendu}.`,
    );
  });
});

describe("prodbook sans commande", () => {
  it("l'aide va sur la sortie d'erreur, code 2, rien sur la sortie standard (avant : l'aide sur stdout)", async () => {
    const r = await lancerCli(main, []);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/^prodbook — devis CNC[^\n]*\n+Usage\u00a0: prodbook <commande> \[options\]/);
    const aide = await lancerCli(main, ["--help"]);
    expect([aide.code, aide.err]).toEqual([0, ""]);
    expect(aide.out).toBe(r.err);
  });
});

describe("FEC réel en Windows-1252 lu de force en UTF-8 : les « � » ne partent jamais sans un mot", () => {
  let f: string;
  beforeAll(async () => {
    // As an accounting program under Windows exports it.
    const texte = (await fs.readFile(FEC_REEL, "utf8")).replace(/^\uFEFF/, "");
    f = path.join(dossier(), "fec-1252.txt");
    await fs.writeFile(f, iconv.encode(texte, "windows-1252"));
  });

  it("ecarts --encodage utf-8 : une alerte dit les caractères remplacés (avant : libellés « Achats non stock�s » sans un mot)", async () => {
    const args = ["ecarts", EXEMPLE, "--fec", f, "--correspondances", CORRESPONDANCES, "--json"];
    const r = await lancerCli(main, [...args, "--encodage", "utf-8"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Constats).controles.filter((c) => c.regle === "grand-livre-fichier")).toEqual([
      {
        regle: "grand-livre-fichier",
        gravite: "alerte",
        message:
          "Octets invalides en UTF-8 : des caractères ont été remplacés par « � ». Essayez l'encodage Windows-1252.",
        cellule: null,
      },
    ]);
    // Detected, the encoding is right and nothing is said.
    const lu = await lancerCli(main, args);
    expect(lu.out).not.toContain("�");
    expect((JSON.parse(lu.out) as Constats).controles.some((c) => c.regle === "grand-livre-fichier")).toBe(false);
  });

  it("fec : l'alerte du fichier entier n'a pas de « ligne 0 »", async () => {
    const r = await lancerCli(main, ["fec", f, "--encodage", "utf-8"]);
    expect(r.code).toBe(0);
    expect(r.sortie).toContain(
      "    Octets invalides en UTF-8\u00a0: des caractères ont été remplacés par «\u00a0�\u00a0». Essayez l'encodage Windows-1252.",
    );
    expect(r.out).not.toContain("ligne 0");
  });
});

describe("FEC réel UTF-8 avec BOM lu de force en windows-1252", () => {
  it("ecarts et fec disent le BOM contredit (avant : « Capital souscrit appelÃ© » sans un mot)", async () => {
    const r = await lancerCli(main, [
      "ecarts",
      EXEMPLE,
      "--fec",
      FEC_REEL,
      "--encodage",
      "windows-1252",
      "--correspondances",
      CORRESPONDANCES,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const message =
      "Le fichier commence par la marque UTF-8 (BOM) mais est lu en Windows-1252 comme demandé : ses lettres " +
      "accentuées deviennent « Ã© ». Essayez l'encodage UTF-8.";
    expect((JSON.parse(r.out) as Constats).controles.filter((c) => c.regle === "grand-livre-fichier")).toEqual([
      { regle: "grand-livre-fichier", gravite: "alerte", message, cellule: null },
    ]);
    const f = await lancerCli(main, ["fec", FEC_REEL, "--encodage", "windows-1252"]);
    expect(f.sortie).toContain(`    ${fr(message)}`);
    const sans = await lancerCli(main, ["fec", FEC_REEL, "--json"]);
    expect((JSON.parse(sans.out) as { alertes: unknown[] }).alertes).toEqual([]);
  });
});

describe("une option copiée d'un traitement de texte (tiret typographique)", () => {
  it.each([
    ["—livraison", "--livraison", "deux tirets simples"],
    ["–-livraison", "--livraison", "deux tirets simples"],
    ["–o", "-o", "un tiret simple"],
  ])("%s : l'option nommée (avant : « Argument en trop »)", async (tape, option, tirets) => {
    const r = await lancerCli(main, ["planning", PLAN, tape, "2026-12-01"]);
    refus(
      r,
      new RegExp(
        `^Arguments invalides\u00a0: «\u00a0${tape}\u00a0» commence par un tiret typographique\u00a0: écrivez «\u00a0${option}\u00a0» avec ${tirets}\\.\\n`,
      ),
    );
  });

  it("un fichier dont le nom commence par un tiret long reste un fichier", async () => {
    const r = await lancerCli(main, ["planning", PLAN, "—notes.xlsx"]);
    refus(r, /^Argument en trop «\u00a0—notes\.xlsx\u00a0»/);
  });
});
