import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { commande } from "../../src/cli/commands/planning";
import { CliError, texteFrancais, type Io } from "../../src/cli/io";
import { lireRecalcule, nombre, recalculerSansCache, resultat } from "../helpers/libreoffice";
import { classeurPlanning } from "../core/planning/classeur";
import { CHAMPS_PLANNING_JSON } from "../helpers/cli";
import { commandesPlanning } from "../../src/app/commandes/planning";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

/** Runs the command as src/cli/main.ts does (CliError → stderr in its typography + its exit code), alone. */
async function main(argv: string[], io: Io): Promise<number> {
  expect(argv[0]).toBe("planning");
  try {
    return await commande.executer(argv.slice(1), io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(texteFrancais(e.message, argv));
      return e.code;
    }
    throw e;
  }
}

function enregistreur(): Io & { sortie: string[]; erreurs: string[] } {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { sortie, erreurs, out: (t) => sortie.push(t), err: (t) => erreurs.push(t) };
}

let dir: string;
let classeur: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-cli-planning-"));
  classeur = await classeurPlanning(path.join(dir, "gardiens.xlsx"));
});

describe("prodbook planning --json", () => {
  test("exactement un objet JSON : étapes datées (ponts de mai 2026) et contrôles du plan de travail", async () => {
    const io = enregistreur();
    const code = await main(["planning", classeur, "--livraison", "2026-05-15", "--json"], io);
    expect(io.erreurs).toEqual([]);
    expect(code).toBe(0);
    expect(io.sortie).toHaveLength(1);
    const j = JSON.parse(io.sortie[0]);
    // Added after the others (December 2026): the plan's dates, its critical path, the quantities proposed, the rule
    // tables used.
    expect(Object.keys(j)).toEqual(CHAMPS_PLANNING_JSON);
    // Added (December 2026): the delivery date and where it comes from (here the option).
    expect(j.livraison).toEqual({ date: "2026-05-15", origine: "option", cellule: null });
    expect([j.debut, j.fin]).toEqual(["2026-04-16", "2026-05-15"]);
    // The steps of marge 0, in plan order: the text's « Chemin critique : Montage image → … → PAD ».
    expect(j.cheminCritique).toEqual(["Montage image", "Montage son", "Mixage", "PAD"]);
    expect(j.cheminCritique).toEqual(
      j.etapes
        .filter((e: { marge: number; critique: boolean }) => e.critique && e.marge === 0)
        .map((e: { nom: string }) => e.nom),
    );
    // Chef opérateur: 18 days typed, 4 worked on the plan de travail → 4 × 350,00 € (the text's « 18 → 4 »).
    expect(j.propositions[0]).toEqual({
      ligneId: "Budget Gardiens!19",
      libelle: "Chef opérateur",
      cellule: "'Budget Gardiens'!C19",
      fonction: "Chef opérateur",
      personnes: ["Yann Le Goff"],
      joursPersonne: 4,
      unite: "jour",
      ancienneQuantite: "18",
      nouvelleQuantite: "4",
      ancienMontant: "6300.00",
      nouveauMontant: "1400.00",
      // Added (December 2026): never applied in Prodbook's Devis sheet.
      etat: "proposee",
      quantiteAppliquee: null,
    });
    // The director is paid by the week: 5 person-days → 1 week.
    expect(
      j.propositions.map(
        (q: { cellule: string; unite: string; ancienneQuantite: string; nouvelleQuantite: string }) => [
          q.cellule,
          q.unite,
          q.ancienneQuantite,
          q.nouvelleQuantite,
        ],
      ),
    ).toEqual([
      ["'Budget Gardiens'!C19", "jour", "18", "4"],
      ["'Budget Gardiens'!C20", "jour", "18", "4"],
      ["'Budget Gardiens'!C15", "semaine", "6", "1"],
      ["'Budget Gardiens'!C17", "jour", "25", "3"],
    ]);
    // Same plan as the hand-computed unit test (retroplanning.test.ts): PAD Fri 15 May, Mixage 11–13 May.
    expect(j.etapes).toEqual([
      { nom: "Montage image", debut: "2026-04-16", fin: "2026-04-29", joursOuvres: 10, marge: 0, critique: true },
      { nom: "Montage son", debut: "2026-04-30", fin: "2026-05-07", joursOuvres: 5, marge: 0, critique: true },
      { nom: "Musique", debut: "2026-05-04", fin: "2026-05-07", joursOuvres: 4, marge: 1, critique: false },
      { nom: "Mixage", debut: "2026-05-11", fin: "2026-05-13", joursOuvres: 3, marge: 0, critique: true },
      { nom: "PAD", debut: "2026-05-15", fin: "2026-05-15", joursOuvres: 0, marge: 0, critique: true },
    ]);
    // Yann, Tue 12 May 08:00–20:30 = 12 h 30 (times read from « hh:mm » cells).
    expect(j.controles[0]).toEqual({
      regle: "duree-quotidienne",
      gravite: "erreur",
      message:
        "Yann Le Goff (Chef opérateur) le 12\u00a0mai\u00a02026 : 12 h 30 de travail effectif (08:00–20:30), au-delà du maximum de 12 h par jour (IDCC 2642 — production audiovisuelle).",
      cellule: "PDT!F3",
    });
    // Anne ends Fri 15 May at 01:00 on Saturday: night work counted 7 h (10 + 10 + 9 + 7 = 36 h), no error.
    const anne = j.controles.filter((c: { message: string }) => c.message.startsWith("Anne"));
    expect(anne).toEqual([
      {
        regle: "heures-supplementaires",
        gravite: "info",
        message: "Anne Kerbrat, semaine 20 (du lundi 11\u00a0mai\u00a02026) : 36 h 00 travaillées, dont 1 h 00 à 25 %.",
        cellule: "PDT!B6",
      },
    ]);
  });

  test("texte : chemin critique et quantités proposées pour le devis (rien n'est écrit)", async () => {
    const avant = await fs.readFile(classeur);
    const io = enregistreur();
    expect(await main(["planning", classeur, "--livraison", "2026-05-15"], io)).toBe(0);
    const t = io.sortie.join("\n");
    expect(t).toContain("Chemin critique\u00a0: Montage image → Montage son → Mixage → PAD");
    // Findings by their French title and severity, with their cell; the rule ids are for --json only.
    expect(t).toContain(
      "  [erreur] Journée trop longue — Yann Le Goff (Chef opérateur) le 12\u00a0mai\u00a02026\u00a0: 12 h 30 ",
    );
    expect(t).toContain("(PDT!F3)");
    expect(t).not.toMatch(/duree-quotidienne|heures-supplementaires|\[info\]/);
    expect(t).toContain(
      "'Budget Gardiens'!C19 «\u00a0Chef opérateur\u00a0»\u00a0: 18 → 4 (4\u00a0jours-personne, Chef opérateur)",
    );
    expect(await fs.readFile(classeur)).toEqual(avant);
  });

  test("une ligne appliquée puis un jour de tournage ajouté : « à mettre à jour » 4 → 5, dans le texte et le JSON", async () => {
    // « Appliquer » from the pane (the app's door) on a copy, saved; then the chef opérateur gains a day on the plan.
    const wb = await XlsxWorkbook.ouvrir(classeur);
    await commandesPlanning.appliquerQuantitesDevis(wb, { lignes: ["Budget Gardiens!19"], date: "2026-05-01" });
    const applique = path.join(dir, "applique.xlsx");
    await wb.enregistrer(applique);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(applique);
    const jour = x.getWorksheet("PDT")!.addRow([new Date("2026-05-14T00:00:00Z"), "Yann Le Goff", "Chef opérateur"]);
    jour.getCell(1).numFmt = "dd/mm/yyyy";
    jour.getCell(4).value = "IDCC 2642";
    jour.getCell(5).value = 8 / 24;
    jour.getCell(6).value = 18 / 24;
    jour.getCell(7).value = 60;
    const change = path.join(dir, "plan-change.xlsx");
    await x.xlsx.writeFile(change);

    const io = enregistreur();
    expect(await main(["planning", change, "--livraison", "2026-05-15", "--json"], io)).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    expect(Object.keys(j)).toEqual(CHAMPS_PLANNING_JSON);
    expect(
      j.propositions.map((q: { libelle: string; etat: string; quantiteAppliquee: string | null }) => [
        q.libelle,
        q.etat,
        q.quantiteAppliquee,
      ]),
    ).toEqual([
      ["Chef opérateur", "a-mettre-a-jour", "4"],
      ["Ingénieur du son", "proposee", null],
      ["Réalisateur (salaire technicien)", "proposee", null],
      ["Chargée de production", "proposee", null],
    ]);
    expect(j.propositions[0]).toMatchObject({ ancienneQuantite: "18", nouvelleQuantite: "5" });
    const texte = enregistreur();
    expect(await main(["planning", change, "--livraison", "2026-05-15"], texte)).toBe(0);
    expect(texte.sortie.join("\n")).toContain(
      "«\u00a0Chef opérateur\u00a0»\u00a0: 18 → 5 (5\u00a0jours-personne, Chef opérateur) — à mettre à jour " +
        "(feuille Devis de Prodbook\u00a0: 4\u00a0j → 5\u00a0j)",
    );
  });
});

describe("prodbook planning : une livraison un jour non ouvré", () => {
  test.each([
    [
      "2026-05-08",
      "2026-05-07",
      "vendredi 8\u00a0mai\u00a02026 (jour férié, Victoire des alliés)",
      "jeudi 7\u00a0mai\u00a02026",
    ],
    ["2026-06-27", "2026-06-26", "samedi 27\u00a0juin\u00a02026 (week-end)", "vendredi 26\u00a0juin\u00a02026"],
  ])("%s : le PAD le %s, dit dans les contrôles", async (livraison, pad, demandee, retenue) => {
    const io = enregistreur();
    expect(await main(["planning", classeur, "--livraison", livraison, "--json"], io)).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    expect(j.etapes.at(-1)).toMatchObject({ nom: "PAD", debut: pad });
    expect(j.controles.filter((c: { regle: string }) => c.regle === "livraison-jour-ouvre")).toEqual([
      {
        regle: "livraison-jour-ouvre",
        gravite: "info",
        // The date is the option's, no cell's.
        cellule: null,
        message:
          `Livraison demandée le ${demandee} : le rétroplanning finit le ${retenue}, dernier jour ouvré avant. ` +
          "Indiquez une autre date si la livraison peut se faire ce jour-là.",
      },
    ]);
  });

  test("un jour ouvré : rien à dire", async () => {
    const io = enregistreur();
    expect(await main(["planning", classeur, "--livraison", "2026-06-30", "--json"], io)).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    expect(j.controles.filter((c: { regle: string }) => c.regle === "livraison-jour-ouvre")).toEqual([]);
  });
});

describe("prodbook planning -o : feuilles écrites, recalculées par LibreOffice", () => {
  test("Rétroplanning : NETWORKDAYS avec la liste des fériés retrouve les durées ; Gantt par mise en forme conditionnelle", async () => {
    const sortie = path.join(dir, "sortie.xlsx");
    const io = enregistreur();
    expect(
      await main(["planning", classeur, "--livraison", "2026-05-15", "--service", "2026-05-15", "-o", sortie], io),
    ).toBe(0);
    // The holidays list under the table names the texts behind it in a note (read from the file as written).
    const ecrit = new ExcelJS.Workbook();
    await ecrit.xlsx.readFile(sortie);
    const titreFeries = ecrit.getWorksheet("Rétroplanning")!.getCell("A11");
    expect(titreFeries.value).toBe("Jours fériés (métropole)");
    expect(titreFeries.note).toBe(
      "Jours fériés retirés des jours ouvrés (zone métropole) :\n" +
        "Code du travail, art. L3133-1 : les onze fêtes légales qui sont des jours fériés\n" +
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006902611",
    );
    // Every cached result dropped first: the figures below are LibreOffice's own.
    const wb = await lireRecalcule(await recalculerSansCache(sortie));
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "Budget Gardiens",
        "Étapes post-prod",
        "PDT",
        "Rétroplanning",
        "Plan de travail",
        "Feuille de service",
      ]),
    );
    const ws = wb.getWorksheet("Rétroplanning")!;
    expect(ws.getCell("A4").value).toBe("Étape");
    const calcul = [5, 6, 7, 8, 9].map((r) => nombre(ws.getCell(`I${r}`)));
    // Recomputed by LibreOffice: Montage son 30 Apr–7 May = 5 only because 1 and 8 May are in the holiday list.
    expect(calcul).toEqual([10, 5, 4, 3, 0]);
    // The Gantt header: K4 = first day (16 Apr 2026), following columns = previous + 1, recalculated.
    const k4 = ws.getCell("K4").value;
    expect(k4 instanceof Date ? k4.toISOString().slice(0, 10) : k4).toBe("2026-04-16");
    const l4v = resultat(ws.getCell("L4"));
    expect(l4v instanceof Date ? l4v.toISOString().slice(0, 10) : l4v).toBe("2026-04-17");
    // The Gantt bars are conditional formats over the date grid, kept by LibreOffice.
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
      .conditionalFormattings;
    const formules = cfs.flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []));
    expect(formules).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AND\(K\$4>=\$D5,K\$4<=\$E5,\$G5="oui"\)$/)]),
    );
    expect(formules.some((f) => f.includes("WEEKDAY(K$4,2)>5") && f.includes("COUNTIF($D$12:$D$14,K$4)"))).toBe(true);
    const pdt = wb.getWorksheet("Plan de travail")!;
    expect(pdt.getCell("A4").value).toBe("Personne");
    const fs2 = wb.getWorksheet("Feuille de service")!;
    expect(String(fs2.getCell("A1").value)).toBe("Feuille de service — vendredi 15\u00a0mai\u00a02026");
    expect(fs2.pageSetup.orientation).toBe("landscape");
  });
});

describe("entrées invalides : message en français nommant la ligne, code 2", () => {
  const essai = async (etapes: (string | number | null)[][], args: string[] = ["--livraison", "2026-06-30"]) => {
    const f = await classeurPlanning(path.join(dir, `err-${Math.random().toString(36).slice(2)}.xlsx`), etapes, false);
    const io = enregistreur();
    const code = await main(["planning", f, ...args, "--json"], io);
    return { code, err: io.erreurs.join("\n"), out: io.sortie };
  };
  const E = ["Étape", "Durée (jours ouvrés)", "Dépend de"];

  test("cycle", async () => {
    const r = await essai([E, ["Montage", 5, "Mixage"], ["Mixage", 2, "Montage"]]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toContain("Cycle de dépendances");
    expect(r.err).toContain(
      "«\u00a0Montage\u00a0» (ligne 2, 'Étapes post-prod'!A2) → «\u00a0Mixage\u00a0» (ligne 3, 'Étapes post-prod'!A3) → «\u00a0Montage\u00a0» (ligne 2",
    );
  });
  test("durée négative", async () => {
    const r = await essai([E, ["Montage", 5, "-"], ["Mixage", -2, null]]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "Ligne 3\u00a0: durée négative (-2) pour l'étape «\u00a0Mixage\u00a0» ('Étapes post-prod'!B3)\u202f; un nombre entier de jours ≥ 0 " +
        "est attendu.",
    );
  });
  test("prédécesseur inconnu", async () => {
    const r = await essai([E, ["Montage", 5, "-"], ["Mixage", 2, "Étalonage"]]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "«\u00a0Mixage\u00a0» (ligne 3, 'Étapes post-prod'!A3) dépend de «\u00a0Étalonage\u00a0», qui n'est pas une étape du planning.",
    );
  });
  test("date impossible", async () => {
    const r = await essai([E, ["Montage", 5, "-"]], ["--livraison", "2026-02-30"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "L'option --livraison attend une date AAAA-MM-JJ, reçu «\u00a02026-02-30\u00a0»\u00a0: février 2026 n'a que 28 jours.",
    );
  });
  test("durée illisible", async () => {
    const r = await essai([E, ["Montage", "deux semaines", "-"]]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "Ligne 2\u00a0: durée illisible «\u00a0deux semaines\u00a0» pour l'étape «\u00a0Montage\u00a0» ('Étapes post-prod'!B2)",
    );
  });
});

describe("options", () => {
  test("--debut : planning en avant ; le PAD tombe le 15 mai (le 14 est l'Ascension)", async () => {
    const io = enregistreur();
    expect(await main(["planning", classeur, "--debut", "2026-04-16", "--json"], io)).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    expect(
      j.etapes.map((e: { nom: string; debut: string; fin: string; marge: number }) => [e.nom, e.debut, e.fin, e.marge]),
    ).toEqual([
      ["Montage image", "2026-04-16", "2026-04-29", 0],
      ["Montage son", "2026-04-30", "2026-05-07", 0],
      ["Musique", "2026-04-30", "2026-05-06", 1],
      ["Mixage", "2026-05-11", "2026-05-13", 0],
      ["PAD", "2026-05-15", "2026-05-15", 0],
    ]);
  });

  test("--zone alsace-moselle : le Vendredi saint (3 avril 2026) est chômé", async () => {
    // 5 days ending Fri 10 Apr: 10, 9, 8, 7, (Mon 6 Easter Monday) Fri 3 → metropole starts 3 Apr; Alsace-Moselle 2 Apr.
    const f = await classeurPlanning(
      path.join(dir, "alsace.xlsx"),
      [
        ["Étape", "Durée"],
        ["Étalonnage", 5],
      ],
      false,
    );
    const debut = async (zone: string[]) => {
      const io = enregistreur();
      expect(await main(["planning", f, "--livraison", "2026-04-10", ...zone, "--json"], io)).toBe(0);
      return JSON.parse(io.sortie[0]).etapes[0].debut;
    };
    expect(await debut([])).toBe("2026-04-03");
    expect(await debut(["--zone", "alsace-moselle"])).toBe("2026-04-02");
    const io = enregistreur();
    expect(await main(["planning", f, "--livraison", "2026-04-10", "--zone", "corse"], io)).toBe(2);
    expect(io.erreurs.join("")).toContain(
      "L'option --zone attend l'une des valeurs metropole, alsace-moselle\u202f; reçu «\u00a0corse\u00a0».",
    );
  });

  test("--livraison et --debut ensemble, ou aucune date : refusé", async () => {
    const io = enregistreur();
    expect(await main(["planning", classeur, "--livraison", "2026-05-15", "--debut", "2026-04-01"], io)).toBe(2);
    expect(io.erreurs.join("")).toContain("Les options --livraison et --debut s'excluent");
    expect(io.erreurs.join("")).not.toContain(path.basename(classeur));
    const io2 = enregistreur();
    expect(await main(["planning", classeur], io2)).toBe(2);
    expect(io2.erreurs.join("")).toContain("Indiquez la date de livraison (PAD)");
  });

  test("--feuille inconnue, fichier illisible", async () => {
    const io = enregistreur();
    expect(await main(["planning", classeur, "--feuille", "Planning", "--livraison", "2026-05-15"], io)).toBe(2);
    expect(io.erreurs.join("")).toContain("La feuille d'étapes «\u00a0Planning\u00a0» n'existe pas dans le classeur");
    const faux = path.join(dir, "faux.xlsx");
    await fs.writeFile(faux, "Étape;Durée\n");
    const io2 = enregistreur();
    expect(await main(["planning", faux, "--livraison", "2026-05-15"], io2)).toBe(2);
    expect(io2.erreurs.join("")).toContain("n'est pas un classeur Excel lisible");
  });
});

describe("étapes par défaut (--genre) quand le classeur n'a pas de feuille d'étapes", () => {
  test("documentaire de 52 min avec 15 jours de tournage, livraison le 18 décembre 2026", async () => {
    const f = path.join(dir, "sans-etapes.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["Projet « Les Gardiens du littoral »"]);
    await wb.xlsx.writeFile(f);
    const io = enregistreur();
    expect(
      await main(
        [
          "planning",
          f,
          "--livraison",
          "2026-12-18",
          "--genre",
          "documentaire",
          "--duree",
          "52",
          "--tournage",
          "15",
          "--json",
        ],
        io,
      ),
    ).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    const noms = j.etapes.map((e: { nom: string }) => e.nom);
    expect(noms[0]).toBe("Demande d'agrément provisoire");
    expect(noms).toContain("Étalonnage");
    const pad = j.etapes.find((e: { nom: string }) => e.nom === "PAD");
    expect(pad).toMatchObject({ debut: "2026-12-18", fin: "2026-12-18", joursOuvres: 0, critique: true });
    // Mixage (3 d, documentaire 52') ends the last working day before Fri 18 Dec: 15–17 Dec.
    expect(j.etapes.find((e: { nom: string }) => e.nom === "Mixage")).toMatchObject({
      debut: "2026-12-15",
      fin: "2026-12-17",
    });
    const io2 = enregistreur();
    expect(await main(["planning", f, "--livraison", "2026-12-18"], io2)).toBe(2);
    expect(io2.erreurs.join("")).toContain("Aucune feuille d'étapes");
  });
});

test("le classeur d'exemple tests/fixtures/planning/gardiens-planning.xlsx donne le résultat documenté", async () => {
  const io = enregistreur();
  const f = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
  expect(await main(["planning", f, "--livraison", "2026-05-15", "--json"], io)).toBe(0);
  const j = JSON.parse(io.sortie[0]);
  expect(j.etapes[3]).toEqual({
    nom: "Mixage",
    debut: "2026-05-11",
    fin: "2026-05-13",
    joursOuvres: 3,
    marge: 0,
    critique: true,
  });
  expect(j.controles.map((c: { regle: string; gravite: string }) => `${c.regle}:${c.gravite}`)).toEqual([
    "duree-quotidienne:erreur",
    "travail-jour-ferie:alerte",
    "heures-supplementaires:info",
    "heures-supplementaires:info",
    "heures-supplementaires:info",
  ]);
  // Claire's repérages on Thursday 14 May 2026, Ascension: said, with the IDCC 2642 figure (art. VII.2.3 c).
  expect(j.controles[1].message).toBe(
    "Tournage le jeudi 14\u00a0mai\u00a02026, Ascension (cellule PDT!A13, 1\u00a0personne) : travail un jour férié — " +
      "majoration conventionnelle à prévoir : IDCC 2642 : +50 % (art. VII.2.3 c : rémunération à 150 % d'un jour non férié).",
  );
});

test("relancer sur le classeur écrit remplace les feuilles de Prodbook au lieu d'en ajouter", async () => {
  const a = path.join(dir, "relance-1.xlsx");
  const b = path.join(dir, "relance-2.xlsx");
  expect(await main(["planning", classeur, "--livraison", "2026-05-15", "-o", a], enregistreur())).toBe(0);
  expect(await main(["planning", a, "--livraison", "2026-05-29", "-o", b], enregistreur())).toBe(0);
  const noms = async (f: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    return wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
  };
  expect(await noms(b)).toEqual(await noms(a));
  expect(await noms(a)).toEqual(["Budget Gardiens", "Étapes post-prod", "PDT", "Rétroplanning", "Plan de travail"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(b);
  // PAD moved to Fri 29 May: the replaced sheet shows the new plan.
  const pad = wb.getWorksheet("Rétroplanning")!.getCell("D9").value as Date;
  expect(pad.toISOString().slice(0, 10)).toBe("2026-05-29");
  // The Plan de travail's weeks, as text « S20 – 11 mai 2026 », written the same by the second run.
  const semaines = async (f: string) => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(f);
    const ws = w.getWorksheet("Plan de travail")!;
    const entete = ws.getColumn(4).values.findIndex((v) => v === "Semaine");
    const suite = (ws.getColumn(4).values as unknown[]).slice(entete + 1);
    return suite.slice(
      0,
      suite.findIndex((v) => typeof v !== "string"),
    );
  };
  const [sa, sb] = [await semaines(a), await semaines(b)];
  expect(sb).toEqual(sa);
  expect(sb.length).toBeGreaterThan(2);
  expect(new Set(sb)).toEqual(new Set(["S20 – 11\u00a0mai\u00a02026"]));
});
