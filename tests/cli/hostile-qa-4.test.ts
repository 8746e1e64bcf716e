import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

/**
 * A hostile tester's fourth round on the CLI, away from the devis import: the plan de travail as producers lay it out
 * (merged cells, pauses in half minutes), the planning's date options, values the shell cuts or that start with a
 * dash, `financement --credit-impot` when nothing is added, `versions comparer` of a version with itself, mistyped
 * commands. Each input is a real .xlsx written here; each refusal is exit 2, a French message naming the option,
 * cell or version, nothing written.
 */
const dossier = dossierTemporaire("prodbook-hostile-qa-4-");
const variante = fabriqueVariantes(dossier);

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");

const controles = controlesJson;
const jamais = () => path.join(dossier(), "jamais.xlsx");

describe("plan de travail : des cellules fusionnées sur les journées d'une personne", () => {
  const pdt = (nom: string, modifier: (ws: ExcelJS.Worksheet) => void) =>
    variante(PLAN, nom, (wb) => modifier(wb.getWorksheet("PDT")!));

  it.each([
    // Before: « Ligne 3 : horaires sans nom de personne (PDT!B3) », exit 2, for a name shown on rows 2 to 5.
    ["le nom écrit une fois pour ses quatre journées (B2:B5)", (ws: ExcelJS.Worksheet) => ws.mergeCells("B2:B5")],
    // Before: « Ligne 7 : heure de début illisible «  » pour Anne Kerbrat (PDT!E7) », exit 2.
    ["l'heure de convocation commune (E6:E8)", (ws: ExcelJS.Worksheet) => ws.mergeCells("E6:E8")],
  ])("%s : lu sur chaque ligne, les mêmes contrôles que sans fusion", async (_cas, fusion) => {
    const f = await pdt(`pdt-fusion-${_cas.replace(/\W/g, "")}.xlsx`, fusion);
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const ref = await lancerCli(main, ["planning", PLAN, "--livraison", "2026-12-01", "--json"]);
    expect(controles(r.out)).toEqual(controles(ref.out));
    expect(controles(r.out).length).toBeGreaterThan(3);
    const carbone = await lancerCli(main, ["carbone", f, "--json"]);
    expect(carbone.code).toBe(0);
  });

  it("une heure négative est citée comme Excel l'écrit (avant : « -0.09999999999854481 »)", async () => {
    const f = await pdt("pdt-heure-negative.xlsx", (ws) => (ws.getCell("E2").value = -0.1));
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "-o", jamais()]);
    refus(
      r,
      "pdt-heure-negative.xlsx\u00a0: Ligne 2\u00a0: heure de début illisible «\u00a0-0,1\u00a0» pour Yann Le Goff (PDT!E2)\u202f; attendu HH:MM.",
      jamais(),
    );
  });

  it("une pause de 30,5 min : « 40 h 00 » (avant : « 39 h 60 travaillées, dont 4 h 60 à 25 % »)", async () => {
    const f = await pdt("pdt-pause-decimale.xlsx", (ws) => (ws.getCell("G2").value = 30.5));
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "--json"]);
    expect(r.code).toBe(0);
    const yann = controles(r.out).find((c) => c.regle === "heures-supplementaires" && c.cellule === "PDT!B2");
    expect(yann?.message).toBe(
      "Yann Le Goff, semaine 20 (du lundi 11\u00a0mai\u00a02026) : 40 h 00 travaillées, dont 5 h 00 à 25 %.",
    );
    expect(r.out).not.toMatch(/ h 60/);
  });
});

describe("étapes : un prédécesseur écrit une fois pour deux étapes (cellules fusionnées)", () => {
  it("« Montage image » fusionné sur Musique et Mixage vaut pour les deux (avant : Mixage après la ligne du dessus)", async () => {
    const f = await variante(PLAN, "etapes-fusion.xlsx", (wb) => {
      const ws = wb.getWorksheet("Étapes post-prod")!;
      ws.getCell("C5").value = null;
      ws.mergeCells("C4:C5");
    });
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "--json"]);
    expect(r.code).toBe(0);
    const etapes = (JSON.parse(r.out) as { etapes: { nom: string; debut: string; fin: string }[] }).etapes;
    // Before: Mixage after Musique, so Musique ended on 25/11 and Montage image started on 05/11.
    expect(etapes.map((e) => [e.nom, e.debut, e.fin])).toEqual([
      ["Montage image", "2026-11-10", "2026-11-24"],
      ["Montage son", "2026-11-25", "2026-12-01"],
      ["Musique", "2026-11-26", "2026-12-01"],
      ["Mixage", "2026-11-26", "2026-11-30"],
      ["PAD", "2026-12-01", "2026-12-01"],
    ]);
  });
});

describe("planning --service : la feuille de service n'est jamais omise sans un mot", () => {
  it("sans plan de travail (avant : code 0, seule « Rétroplanning » écrite)", async () => {
    const r = await lancerCli(main, [
      "planning",
      EXEMPLE,
      ...["--livraison", "2026-12-01", "--service", "2026-05-12", "-o", jamais()],
    ]);
    refus(
      r,
      "devis-producteur.xlsx\u00a0: Pas de feuille de service sans plan de travail\u00a0: le classeur n'a pas de feuille aux " +
        "colonnes «\u00a0Date\u00a0», «\u00a0Nom\u00a0», «\u00a0Début\u00a0», «\u00a0Fin\u00a0».",
      jamais(),
    );
  });

  it("sans -o (avant : code 0, l'option sans effet, un jour sans personne accepté)", async () => {
    refus(
      await lancerCli(main, ["planning", PLAN, "--livraison", "2026-12-01", "--service", "2026-05-12"]),
      "L'option --service écrit la feuille de service\u00a0: indiquez aussi -o sortie.xlsx.",
    );
  });
});

describe("planning : une date d'option impossible nomme l'option, pas le classeur", () => {
  it.each([
    // Before: « gardiens-planning.xlsx : Date de livraison invalide « 2026-02-29 » ».
    [
      ["--livraison", "2026-02-29"],
      "L'option --livraison attend une date AAAA-MM-JJ, reçu «\u00a02026-02-29\u00a0»\u00a0: février 2026 n'a que 28 jours.",
    ],
    [
      ["--debut", "2026-04-31"],
      "L'option --debut attend une date AAAA-MM-JJ, reçu «\u00a02026-04-31\u00a0»\u00a0: avril 2026 n'a que 30 jours.",
    ],
    [
      ["--livraison", "2026-12-01", "--service", "2026-13-01"],
      "L'option --service attend une date AAAA-MM-JJ, reçu «\u00a02026-13-01\u00a0»\u00a0: il n'y a pas de mois 13.",
    ],
    // Before: « Date impossible pour l'étape « Montage image » ('Étapes post-prod'!A2) : le calcul tombe le 07/12/9999 ».
    [
      ["--livraison", "9999-12-31"],
      "L'option --livraison attend une date de 1901 à 2199, reçu «\u00a031\u00a0décembre\u00a09999\u00a0».",
    ],
    [
      ["--debut", "1900-01-01"],
      "L'option --debut attend une date de 1901 à 2199, reçu «\u00a01er\u00a0janvier\u00a01900\u00a0».",
    ],
  ])("%j", async (options, message) => {
    refus(await lancerCli(main, ["planning", PLAN, ...options, "-o", jamais()]), message, jamais());
  });
});

describe("une valeur coupée par le terminal ou qui commence par un tiret", () => {
  it.each([
    // Before: « Argument en trop « % » : prodbook credit-impot prend un classeur .xlsx et des options. »
    [
      ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "fiction", "--financement-etranger", "50", "%"],
      '«\u00a050\u00a0%\u00a0» est coupé à ses espaces par le terminal\u00a0: écrivez-le entre guillemets, --financement-etranger "50\u00a0%"',
    ],
    // Before: « Argument en trop « 000 » ».
    [
      ["financement", FICTION, "--cout", "3", "000", "000,00", "€"],
      '«\u00a03\u00a0000\u00a0000,00 €\u00a0» est coupé à ses espaces par le terminal\u00a0: écrivez-le entre guillemets, --cout "3\u00a0000\u00a0000,00 €"',
    ],
    // Before: « l'option « --nom » attend une valeur », the version name refused without a way to give it.
    [
      ["versions", "enregistrer", EXEMPLE, "--nom", "-V1", "-o", "{sortie}"],
      "l'option «\u00a0--nom\u00a0» attend une valeur\u00a0: si «\u00a0-V1\u00a0» en est bien une, écrivez «\u00a0--nom=-V1\u00a0»",
    ],
    [
      ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "fiction", "--financement-etranger", "-10%"],
      "l'option «\u00a0--financement-etranger\u00a0» attend une valeur\u00a0: si «\u00a0-10%\u00a0» en est bien une, écrivez " +
        "«\u00a0--financement-etranger=-10%\u00a0»",
    ],
    // A value forgotten before another option is still said so.
    [["planning", PLAN, "--livraison", "--json"], "l'option «\u00a0--livraison\u00a0» attend une valeur"],
  ])("%j", async (args, detail) => {
    const r = await lancerCli(
      main,
      args.map((a) => a.replace("{sortie}", jamais())),
    );
    refus(r, `Arguments invalides\u00a0: ${detail}.\nUsage\u00a0: ${r.err.split("\nUsage\u00a0: ")[1]}`, jamais());
  });

  it("--nom=-V1 enregistre la version « -V1 », gardée en texte", async () => {
    const sortie = path.join(dossier(), "tiret.xlsx");
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      EXEMPLE,
      "--nom=-V1",
      "--date",
      "2026-01-01",
      "-o",
      sortie,
    ]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    expect(wb.getWorksheet("Versions")!.getCell("A2").value).toBe("-V1");
  });
});

describe("financement --credit-impot : jamais ignoré sans un mot", () => {
  it("le plan a déjà sa ligne de crédit d'impôt : dit, avec sa cellule (avant : rien, la sortie identique)", async () => {
    const r = await lancerCli(main, [
      "financement",
      FICTION,
      "--cout",
      "3000000",
      "--credit-impot",
      "cinema",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => c.regle === "credit-impot-non-ajoute")).toEqual([
      {
        regle: "credit-impot-non-ajoute",
        gravite: "info",
        message:
          "Le plan a déjà sa ligne de crédit d'impôt « Crédit d'impôt audiovisuel » (Financement!E6) : le crédit " +
          "calculé sur le devis n'est pas ajouté.",
        cellule: "Financement!E6",
      },
    ]);
    const sans = await lancerCli(main, ["financement", FICTION, "--cout", "3000000", "--json"]);
    expect(controles(sans.out).some((c) => c.regle === "credit-impot-non-ajoute")).toBe(false);
  });

  it("un coût saisi, pas de devis : une alerte (avant : rien)", async () => {
    const f = await variante(FICTION, "fin-sans-ci.xlsx", (wb) => wb.getWorksheet("Financement")!.spliceRows(6, 1));
    const r = await lancerCli(main, ["financement", f, "--cout", "3000000", "--credit-impot", "cinema"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "[alerte] Crédit d'impôt non ajouté — Le crédit d'impôt se calcule sur une feuille de devis, et aucune n'a été " +
        "lue (le coût vient d'un montant saisi ou de la ligne «\u00a0Coût\u00a0» du plan)\u00a0: il n'est pas ajouté au plan.",
    );
  });

  it("--genre et --duree en cinéma sans devis : dits sans effet (avant : ignorés sans un mot), utiles en audiovisuel", async () => {
    const cinema = await lancerCli(main, ["financement", FICTION, "--cout", "1000000", "--duree", "90", "--json"]);
    expect(cinema.code).toBe(0);
    expect(controles(cinema.out).filter((c) => c.regle === "genre-duree-sans-effet")).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        message:
          "La durée (90 min) indiquée reste sans effet : en cinéma, elle ne sert qu'à lire le devis (coût par minute, " +
          "crédit d'impôt), et aucun devis n'a été lu (le coût vient d'un montant saisi ou de la ligne « Coût » du plan).",
      }),
    ]);
    const av = ["financement", FICTION, "--cout", "1000000", "--oeuvre", "audiovisuel", "--genre", "fiction"];
    const audiovisuel = await lancerCli(main, [...av, "--duree", "52", "--json"]);
    expect(audiovisuel.code).toBe(0);
    expect(controles(audiovisuel.out).map((c) => c.regle)).not.toContain("genre-duree-sans-effet");
  });

  it("--date qu'aucune règle ne couvre : l'option nommée (avant : « fiction.xlsx : Aucune version de intensite-aides.json »)", async () => {
    const r = await lancerCli(main, [
      "financement",
      FICTION,
      "--cout",
      "3000000",
      "--date",
      "1900-01-01",
      "-o",
      jamais(),
    ]);
    refus(
      r,
      "L'option --date attend une date couverte par les règles du financement (périodes couvertes\u00a0: du 1er\u00a0janvier\u00a02016 à ce jour), " +
        "reçu «\u00a01er\u00a0janvier\u00a01900\u00a0».",
      jamais(),
    );
  });
});

describe("credit-impot : une option d'un autre régime n'est jamais ignorée sans un mot", () => {
  it.each([
    // Before: each accepted, code 0, the output the same as without it.
    [
      ["--regime", "audiovisuel", "--duree", "52", "--vfx-france", "100000"],
      "--vfx-france",
      "international",
      "audiovisuel",
    ],
    [["--regime", "cinema", "--jours-tournage-france", "3"], "--jours-tournage-france", "international", "cinéma"],
    [["--regime", "cinema", "--jeunesse"], "--jeunesse", "audiovisuel", "cinéma"],
    [["--regime", "international", "--langue", "francais"], "--langue", "cinéma", "international"],
  ])("%j", async (options, option, regime, demande) => {
    const r = await lancerCli(main, ["credit-impot", EXEMPLE, "--genre", "fiction", ...options, "-o", jamais()]);
    refus(
      r,
      `L'option ${option} ne s'applique qu'au crédit d'impôt ${regime} (régime demandé\u00a0: ${demande})\u00a0: retirez-la.`,
      jamais(),
    );
  });
});

describe("financement : un montant du plan au-delà du centime", () => {
  it("un nombre 300 000,005 est dit arrondi (avant : compté 300 000,01 € sans un mot), le bruit d'un calcul non", async () => {
    const f = await variante(FICTION, "fin-sous-centime.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E2").value = 300000.005;
      // 1000,3000000000001: the float noise of a sum, not a typed sub-cent amount.
      ws.getCell("E3").value = { formula: "1000.1+0.2", result: 1000.1 + 0.2 };
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "3000000", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => /décimales/.test(c.message))).toEqual([
      {
        regle: "lecture-plan",
        gravite: "alerte",
        message:
          "Financement!E2 : « 300000,005 » a plus de deux décimales ; compté 300\u202f000,01\u00a0€ (arrondi au centime).",
        cellule: "Financement!E2",
      },
    ]);
  });
});

describe("financement : une référence collée comme montant du plan", () => {
  it("1e14 : la limite dite (avant : « montant « 100000000000000 » illisible »)", async () => {
    const f = await variante(FICTION, "fin-enorme.xlsx", (wb) => {
      wb.getWorksheet("Financement")!.getCell("E2").value = 1e14;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "3000000", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => c.cellule === "Financement!E2")).toEqual([
      {
        regle: "lecture-plan",
        gravite: "erreur",
        message:
          "Financement!E2 : « 100000000000000 » dépasse la limite de Prodbook (± 22 517 998 136 852,48 €) : un numéro " +
          "ou une référence a-t-il été saisi à la place d'un montant ? Ce montant n'est pas compté.",
        cellule: "Financement!E2",
      },
    ]);
  });
});

describe("versions comparer : les noms comme l'utilisateur les tape", () => {
  let classeur: string;
  beforeAll(async () => {
    classeur = path.join(dossier(), "versions.xlsx");
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      EXEMPLE,
      "--nom",
      "Dépôt  agrément",
      "--date",
      "2026-01-01",
      "-o",
      classeur,
    ]);
    expect(r.code).toBe(0);
  });

  it("une ligne dont le nom de version a été effacé à la main : nommée (avant : son montant retiré du total sans un mot)", async () => {
    const v2 = path.join(dossier(), "deux-versions.xlsx");
    expect((await lancerCli(main, ["versions", "enregistrer", classeur, "--nom", "V2", "-o", v2])).code).toBe(0);
    const f = await variante(v2, "versions-nom-efface.xlsx", (wb) => {
      wb.getWorksheet("Versions")!.getCell("A5").value = null;
    });
    const message =
      "versions-nom-efface.xlsx\u00a0: La ligne 5 de la feuille «\u00a0Versions\u00a0» a un montant (Versions!M5) mais pas de nom " +
      "de version (Versions!A5)\u00a0: elle ne serait comptée dans aucune version. Rétablissez le nom de sa version, ou " +
      "supprimez la ligne.";
    refus(await lancerCli(main, ["versions", "lister", f]), message);
    refus(
      await lancerCli(main, ["versions", "comparer", f, "--de", "V2", "--a", "courant", "-o", jamais()]),
      message,
      jamais(),
    );
    refus(await lancerCli(main, ["versions", "enregistrer", f, "--nom", "V3", "-o", jamais()]), message, jamais());
  });

  it.each([
    ["1er janvier", "«\u00a01er janvier\u00a0»"],
    [46000.5, "«\u00a046000,5\u00a0»"],
  ])(
    "une date de version saisie en texte ou en nombre (%s) : nommée (avant : une date vide sans un mot)",
    async (valeur, vu) => {
      const f = await variante(classeur, "versions-date-texte.xlsx", (wb) => {
        wb.getWorksheet("Versions")!.getCell("B2").value = valeur;
      });
      const message =
        `versions-date-texte.xlsx\u00a0: Version «\u00a0Dépôt agrément\u00a0»\u00a0: la cellule Versions!B2 contient ${vu}, une date est ` +
        "attendue\u00a0: saisissez-la comme une date Excel (par exemple 02/11/2026) ou videz la cellule.";
      refus(await lancerCli(main, ["versions", "lister", f]), message);
      refus(await lancerCli(main, ["versions", "enregistrer", f, "--nom", "V3", "-o", jamais()]), message, jamais());
    },
  );

  it.each([
    ["02/11/2026", "2026-11-02"],
    ["15 avril 2026", "2026-04-15"],
  ])("une date de version écrite en texte, jour avant le mois ou en lettres (%s) : lue", async (valeur, iso) => {
    const f = await variante(classeur, "versions-date-ecrite.xlsx", (wb) => {
      wb.getWorksheet("Versions")!.getCell("B2").value = valeur;
    });
    const r = await lancerCli(main, ["versions", "lister", f, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(JSON.parse(r.out).versions[0]).toMatchObject({ nom: "Dépôt agrément", date: iso });
  });

  it("une date de version effacée reste permise : la version est listée sans date", async () => {
    const f = await variante(classeur, "versions-date-vide.xlsx", (wb) => {
      wb.getWorksheet("Versions")!.getCell("B2").value = null;
    });
    const r = await lancerCli(main, ["versions", "lister", f, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).versions[0]).toMatchObject({ nom: "Dépôt agrément", date: "" });
  });

  it("--date avant 1900 : refusée (avant : écrite -36523, « ###### » dans Excel, relue sans date)", async () => {
    refus(
      await lancerCli(main, [
        "versions",
        "enregistrer",
        classeur,
        "--nom",
        "V0",
        "--date",
        "1800-01-01",
        "-o",
        jamais(),
      ]),
      "L'option --date attend une date à partir du 1900-01-01 (le calendrier d'Excel), reçu «\u00a01800-01-01\u00a0».",
      jamais(),
    );
  });

  it("une version comparée à elle-même est refusée (avant : écarts tous nuls, code 0)", async () => {
    refus(
      await lancerCli(main, [
        "versions",
        "comparer",
        classeur,
        "--de",
        "Dépôt agrément",
        "--a",
        "dépôt agrément",
        "-o",
        jamais(),
      ]),
      "versions.xlsx\u00a0: «\u00a0Dépôt agrément\u00a0» est comparée à elle-même\u00a0: tous les écarts seraient nuls. Choisissez une " +
        "autre version, ou «\u00a0courant\u00a0» pour le devis actuel.",
      jamais(),
    );
  });

  it("le nom tapé avec ses accents décomposés (macOS) ou deux espaces trouve la version (avant : « Aucune version »)", async () => {
    for (const de of ["Dépôt agrément".normalize("NFD"), "Dépôt   agrément"]) {
      const r = await lancerCli(main, ["versions", "comparer", classeur, "--de", de, "--a", "courant", "--json"]);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect((JSON.parse(r.out) as { de: string }).de).toBe("Dépôt agrément");
    }
  });

  it("enregistrer le même nom en accents décomposés demande --remplacer (avant : une deuxième version « Dépôt agrément »)", async () => {
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      classeur,
      "--nom",
      "Dépôt agrément".normalize("NFD"),
      "-o",
      jamais(),
    ]);
    refus(
      r,
      /^Une version «\u00a0Dépôt agrément\u00a0» existe déjà dans .*versions\.xlsx\u00a0: ajoutez --remplacer/,
      jamais(),
    );
  });
});

describe("une commande mal tapée", () => {
  it.each([
    ["Devis", "devis"],
    ["finacement", "financement"],
    ["credit_impot", "credit-impot"],
  ])("« %s » : la commande voulue est proposée (avant : la liste seule)", async (tape, voulue) => {
    const r = await lancerCli(main, [tape, EXEMPLE]);
    refus(
      r,
      `Commande inconnue «\u00a0${tape}\u00a0»\u00a0: vouliez-vous dire «\u00a0${voulue}\u00a0»\u202f? Commandes\u00a0: carbone, credit-impot, devis, ` +
        "ecarts, fec, financement, planning, regles, versions\u202f; prodbook --help les décrit.",
    );
  });

  it("« prodbook help » est l'aide, comme « prodbook aide »", async () => {
    const r = await lancerCli(main, ["help"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toBe((await lancerCli(main, ["aide"])).out);
  });

  it("« versions Lister » : l'action voulue est proposée", async () => {
    refus(
      await lancerCli(main, ["versions", "Lister", EXEMPLE]),
      /^Action inconnue «\u00a0Lister\u00a0» \(vouliez-vous dire «\u00a0lister\u00a0»\u202f\?\)/,
    );
  });
});
