import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { main } from "../../src/cli/main";
import { verifierOptionsCreditImpot } from "../../src/app/commandes/creditImpot";
import { moisEntre } from "../../src/core/financement/dates";
import { ErreurDonnees } from "../../src/core/erreurs";
import ExcelJS from "exceljs";
import { BINAIRE, dossierTemporaire, fabriqueVariantes, fr, lancerCli, refus, type ConstatJson } from "../helpers/cli";

/**
 * A hostile pass on every command's inputs, sixth round: a file that is no text given as a FEC or a correspondances
 * file, a FEC piped in, a duration past any œuvre, a yes/no cell of the étapes that says neither.
 */
const dossier = dossierTemporaire("prodbook-hostile-entrees-");
const variante = fabriqueVariantes(dossier);
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const XLS = path.join(__dirname, "../fixtures/hostiles/ancien.xls");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");

describe("un fichier qui n'est pas du texte donné pour un FEC (avant : ses octets cités comme noms de colonnes)", () => {
  const XLS_DIT =
    "c'est un ancien classeur .xls (Excel 97-2003) ou un autre document Office 97-2003, pas un fichier texte\u00a0: " +
    "enregistrez-le en texte (.txt ou .csv).";

  it("un ancien classeur .xls : fec, ecarts -o et carbone --fec le disent, rien n'est écrit", async () => {
    refus(await lancerCli(main, ["fec", XLS]), `${XLS} n'est pas un FEC lisible\u00a0: ${XLS_DIT}`);
    const sortie = path.join(dossier(), "jamais-ecarts.xlsx");
    refus(
      await lancerCli(main, ["ecarts", EXEMPLE, "--fec", XLS, "-o", sortie]),
      `${XLS} n'est pas un FEC lisible\u00a0: ${XLS_DIT}`,
      sortie,
    );
    const csv = path.join(dossier(), "jamais.csv");
    refus(
      await lancerCli(main, ["carbone", EXEMPLE, "--fec", XLS, "--csv", csv]),
      `${XLS} n'est pas un FEC lisible\u00a0: ${XLS_DIT}`,
      csv,
    );
  });

  it("un FEC compressé (gzip), un PDF, des octets de contrôle dans la première ligne", async () => {
    const gz = path.join(dossier(), "fec.txt.gz");
    await fs.writeFile(gz, gzipSync(await fs.readFile(FEC)));
    refus(
      await lancerCli(main, ["fec", gz]),
      `${gz} n'est pas un FEC lisible\u00a0: c'est un fichier compressé (gzip), pas un fichier texte\u00a0: ` +
        "décompressez-le.",
    );
    const pdf = path.join(dossier(), "fec.pdf");
    await fs.writeFile(pdf, "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n");
    refus(
      await lancerCli(main, ["fec", pdf]),
      `${pdf} n'est pas un FEC lisible\u00a0: c'est un document PDF, pas un fichier texte\u00a0: demandez le fichier ` +
        "en texte (.txt ou .csv).",
    );
    const binaire = path.join(dossier(), "binaire.txt");
    await fs.writeFile(binaire, Buffer.from([0x4a, 0x6f, 0x01, 0x02, 0x09, 0x1b, 0x0a, 0x41]));
    refus(
      await lancerCli(main, ["fec", binaire]),
      `${binaire} n'est pas un FEC lisible\u00a0: sa première ligne contient des octets binaires (caractères de ` +
        "contrôle)\u00a0: ce n'est pas un fichier texte.",
    );
  });

  it("un FEC en UTF-16 sans marque (un NUL à côté de chaque lettre) reste lu", async () => {
    const utf16 = path.join(dossier(), "fec-utf16.txt");
    await fs.writeFile(utf16, Buffer.from(await fs.readFile(FEC, "utf8"), "utf16le"));
    const r = await lancerCli(main, ["fec", utf16, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { lignesImportees: number; format: { encodage: string } };
    expect([j.lignesImportees, j.format.encodage]).toEqual([23, "utf-16le"]);
  });

  it("un fichier de correspondances ou de colonnes binaire : nommé, pas ses octets cités", async () => {
    const corr = path.join(dossier(), "correspondances.csv");
    await fs.writeFile(corr, Buffer.from([0x00, 0x01, 0x02, 0x3b, 0x03, 0x0a]));
    const sortie = path.join(dossier(), "jamais-corr.xlsx");
    refus(
      await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", corr, "-o", sortie]),
      "Fichier de correspondances illisible (" +
        corr +
        ")\u00a0: sa première ligne contient des octets binaires (caractères de contrôle)\u00a0: ce n'est pas un " +
        "fichier texte.",
      sortie,
    );
    refus(
      await lancerCli(main, ["fec", FEC, "--colonnes", XLS]),
      `Correspondance de colonnes illisible (${XLS})\u00a0: ${XLS_DIT}`,
    );
  });
});

describe("un FEC qui n'est pas un fichier ordinaire (avant : « n'est pas un fichier : c'est un dossier »)", () => {
  it("lu par un tube, <(cat fec.txt) : les mêmes totaux que le fichier", () => {
    const lancer = (commande: string) =>
      spawnSync("bash", ["-c", commande, process.execPath, BINAIRE, FEC], { encoding: "utf8" });
    const tube = lancer('"$0" "$1" fec <(cat "$2") --json');
    const fichier = lancer('"$0" "$1" fec "$2" --json');
    expect([tube.status, tube.stderr]).toEqual([0, ""]);
    const lu = (out: string) => {
      const j = JSON.parse(out) as { lignesImportees: number; debit: string; credit: string };
      return [j.lignesImportees, j.debit, j.credit];
    };
    expect(lu(tube.stdout)).toEqual(lu(fichier.stdout));
    // Compressed in the pipe: said, not listed as columns.
    const gz = lancer('"$0" "$1" fec <(gzip -c "$2")');
    expect([gz.status, gz.stdout]).toEqual([2, ""]);
    expect(gz.stderr).toMatch(/n'est pas un FEC lisible\u00a0: c'est un fichier compressé \(gzip\)/);
  });

  it("un dossier reste dit dossier", async () => {
    refus(await lancerCli(main, ["fec", dossier()]), `${dossier()} n'est pas un fichier\u00a0: c'est un dossier.`);
  });
});

describe("--duree au-delà de toute œuvre (avant : 1e20 min arrondies sans un mot, ou un « montant » du devis accusé)", () => {
  const DIT =
    "L'option --duree attend une durée d'au plus 100\u202f000 minutes (plus de 1\u202f600 heures), reçu " +
    "«\u00a099999999999999999999\u00a0».";
  it.each([
    ["devis", [EXEMPLE]],
    ["credit-impot", [EXEMPLE, "--regime", "audiovisuel", "--genre", "fiction"]],
    ["financement", [FICTION, "--cout", "1000000", "--oeuvre", "audiovisuel", "--genre", "fiction"]],
  ])("%s", async (commande, args) => {
    const sortie = path.join(dossier(), `jamais-${commande}.xlsx`);
    const r = await lancerCli(main, [commande, ...args, "--duree", "99999999999999999999", "-o", sortie]);
    refus(r, DIT, sortie);
  });

  it("100 000 minutes restent permises, 100 000,5 non", async () => {
    const r = await lancerCli(main, ["devis", EXEMPLE, "--duree", "100000", "--json"]);
    expect(r.code).toBe(0);
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "--duree", "100000,5"]),
      "L'option --duree attend une durée d'au plus 100\u202f000 minutes (plus de 1\u202f600 heures), reçu " +
        "«\u00a0100000,5\u00a0».",
    );
  });
});

describe("étapes : une case « Calendaire » qui ne dit ni oui ni non (avant : lue « non » sans un mot)", () => {
  it.each([
    ["peut-être", "«\u00a0peut-être\u00a0»"],
    [42, "«\u00a042\u00a0»"],
  ])("%s : la cellule nommée, rien d'écrit", async (valeur, cite) => {
    const f = await variante(PLAN, `calendaire-${String(valeur)}.xlsx`, (wb) => {
      wb.getWorksheet("Étapes post-prod")!.getCell("D3").value = valeur;
    });
    const sortie = path.join(dossier(), "jamais-planning.xlsx");
    refus(
      await lancerCli(main, ["planning", f, "--livraison", "2026-06-01", "-o", sortie]),
      `${path.basename(f)}\u00a0: Ligne 3\u00a0: valeur ${cite} illisible dans la colonne «\u00a0Calendaire\u00a0» pour ` +
        `l'étape «\u00a0Montage son\u00a0» ('Étapes post-prod'!D3)\u202f; «\u00a0oui\u00a0» ou «\u00a0non\u00a0» est attendu.`,
      sortie,
    );
  });

  it("« oui », « non », « x » et une case vide restent lus", async () => {
    const f = await variante(PLAN, "calendaire-lisible.xlsx", (wb) => {
      const ws = wb.getWorksheet("Étapes post-prod")!;
      ws.getCell("D2").value = "non";
      ws.getCell("D3").value = "oui";
      ws.getCell("D4").value = "x";
    });
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-06-01", "--json"]);
    expect(r.code).toBe(0);
    // Montage son and Musique in calendar days (a weekend inside), Montage image and Mixage in working days.
    const etapes = (JSON.parse(r.out) as { etapes: { nom: string; debut: string; fin: string }[] }).etapes;
    expect(etapes.map((e) => [e.nom, e.debut, e.fin])).toEqual([
      ["Montage image", "2026-05-06", "2026-05-21"],
      ["Montage son", "2026-05-22", "2026-05-26"],
      ["Musique", "2026-05-23", "2026-05-26"],
      ["Mixage", "2026-05-27", "2026-05-29"],
      ["PAD", "2026-06-01", "2026-06-01"],
    ]);
  });
});

describe("ecarts : une saisie de la feuille « Écarts » qui n'est pas un montant (avant : perdue sans un mot à la mise à jour)", () => {
  const FEC_EXEMPLE = path.join(__dirname, "../../assets/exemple/fec-exemple.txt");
  /** The example's Écarts written once by Prodbook, then `modifier` types over it, as a user does in Excel. */
  async function retouche(nom: string, modifier: (ws: import("exceljs").Worksheet) => void): Promise<string> {
    const premier = path.join(dossier(), "ecarts-premier.xlsx");
    if (!(await fs.stat(premier).catch(() => undefined))) {
      const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC_EXEMPLE, "-o", premier]);
      expect(r.code).toBe(0);
    }
    return variante(premier, nom, (wb) => modifier(wb.getWorksheet("Écarts")!));
  }
  const GARDE =
    "\u202f; corrigez la cellule (Prodbook garde les saisies de la feuille «\u00a0Écarts\u00a0» à chaque mise à jour et n'en devine aucune).";

  it.each([
    [
      "H23",
      "beaucoup",
      "Reste à engager",
      "«\u00a0beaucoup\u00a0» n'est pas un montant en euros (par exemple «\u00a02\u00a0880,00\u00a0»)",
    ],
    ["F23", "12.500", "Engagé", "«\u00a012.500\u00a0» peut se lire 12,50\u00a0€ ou 12\u202f500,00\u00a0€"],
    ["E23", { error: "#REF!" }, "Budget révisé", "l'erreur Excel #REF! n'est pas un montant"],
    ["B2", "cinq", "Seuil d'alerte (%)", "«\u00a0cinq\u00a0» n'est pas un nombre"],
  ] as const)("%s = %j : la cellule nommée, rien d'écrit", async (cellule, valeur, colonne, raison) => {
    const f = await retouche(`ecarts-${cellule}.xlsx`, (ws) => {
      ws.getCell(cellule).value = valeur as import("exceljs").CellValue;
    });
    const sortie = path.join(dossier(), "jamais-ecarts-saisie.xlsx");
    refus(
      await lancerCli(main, ["ecarts", f, "--fec", FEC_EXEMPLE, "-o", sortie]),
      `${path.basename(f)}\u00a0: 'Écarts'!${cellule} (${colonne})\u00a0: ${raison}${GARDE}`,
      sortie,
    );
  });

  it("un montant tapé en texte (« 1 200 ») est lu et gardé", async () => {
    const f = await retouche("ecarts-texte-lisible.xlsx", (ws) => {
      ws.getCell("F23").value = "1 200";
    });
    const r = await lancerCli(main, ["ecarts", f, "--fec", FEC_EXEMPLE, "--json"]);
    expect(r.code).toBe(0);
    const postes = (JSON.parse(r.out) as { postes: { code: string; engage: string | null }[] }).postes;
    expect(postes.filter((p) => p.engage !== null)).toEqual([
      expect.objectContaining({ code: "1", engage: "1200.00" }),
    ]);
  });
});

describe("financement : une date de tranche sans montant (avant : la date perdue sans un mot, la source comptée sans date)", () => {
  it.each([
    ["texte", "01/03/2026" as ExcelJSValeur, "01/03/2026"],
    ["date Excel", new Date(Date.UTC(2026, 2, 1)) as ExcelJSValeur, "01/03/2026"],
  ])("%s : l'alerte nomme la cellule, le reste du plan est lu", async (_nom, valeur, dite) => {
    const f = await variante(FICTION, `tranche-sans-montant-${_nom.replace(" ", "-")}.xlsx`, (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("F3").value = null;
      ws.getCell("G3").value = valeur;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--json"]);
    expect(r.code).toBe(0);
    const messages = (JSON.parse(r.out) as { controles: { message: string; cellule?: string }[] }).controles;
    expect(messages).toContainEqual(
      expect.objectContaining({
        cellule: "Financement!G3",
        message: `Financement!G3 : date « ${dite} » sans montant de tranche (Financement!F3 vide) ; cette date n'est pas prise.`,
      }),
    );
  });
});

type ExcelJSValeur = import("exceljs").CellValue;

describe("financement : un montant de tranche sans date (avant : compté sans date sans un mot, hors de l'échéancier)", () => {
  const controles = (out: string) =>
    (JSON.parse(out) as { controles: { regle: string; message: string; cellule?: string; gravite: string }[] })
      .controles;

  it("une tranche sans sa date : l'alerte nomme la cellule du montant et celle de la date vide", async () => {
    const f = await variante(FICTION, "tranche-sans-date.xlsx", (wb) => {
      wb.getWorksheet("Financement")!.getCell("G3").value = null;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { echeancier: { sansDate: string } };
    expect(j.echeancier.sansDate).toBe("100000.00");
    expect(controles(r.out).filter((c) => /sans date/.test(c.message))).toEqual([
      expect.objectContaining({
        regle: "versement-sans-date",
        cellule: "Financement!F3",
        gravite: "alerte",
        message:
          "Financement!F3 : tranche de 100\u202f000,00\u00a0€ sans date (Financement!G3 vide) ; elle n'est placée dans aucun " +
          "mois de l'échéancier.",
      }),
    ]);
    // The text output says it too, in French typography, under its own title (not « Lecture du plan de financement »).
    const t = await lancerCli(main, ["financement", f, "--cout", "1000000"]);
    expect(t.out).toContain(
      fr("Versement sans date — Financement!F3 : tranche de 100\u202f000,00\u00a0€ sans date (Financement!G3 vide)"),
    );
  });

  it("une seule colonne « Date de versement » : la ligne sans date est nommée ; la ligne Total ne l'est pas", async () => {
    const f = path.join(dossier(), "plan-date-unique.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Source de financement", "Type", "Montant", "Date de versement"]);
    ws.addRow(["France 2", "Préachat", 300000, "15/01/2026"]);
    ws.addRow(["CNC", "FSA", 150000, null]);
    ws.addRow(["Société", "Apport producteur", 50000, "01/03/2026"]);
    ws.addRow(["Total", "", 500000, null]);
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["financement", f, "--cout", "500000", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => /sans date/.test(c.message))).toEqual([
      expect.objectContaining({
        regle: "versement-sans-date",
        cellule: "Plan!C3",
        message:
          "Plan!C3 : versement de 150\u202f000,00\u00a0€ sans date (Plan!D3 vide) ; il n'est placé dans aucun mois de " +
          "l'échéancier.",
      }),
    ]);
  });

  it("toutes les tranches datées : aucune alerte de date", async () => {
    const r = await lancerCli(main, ["financement", FICTION, "--cout", "1000000", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => /sans date/.test(c.message))).toEqual([]);
  });
});

describe("carbone --csv sur un fichier lu autre que le FEC (avant : le fichier de correspondances écrasé, code 0)", () => {
  it("--csv = --correspondances : refusé, le fichier intact, rien d'écrit", async () => {
    const corr = path.join(dossier(), "correspondances.csv");
    const contenu = await fs.readFile(path.join(__dirname, "../../assets/exemple/correspondances-exemple.csv"));
    await fs.writeFile(corr, contenu);
    const FEC_EXEMPLE = path.join(__dirname, "../../assets/exemple/fec-exemple.txt");
    const sortie = path.join(dossier(), "jamais-carbone.xlsx");
    refus(
      await lancerCli(main, [
        "carbone",
        EXEMPLE,
        "--fec",
        FEC_EXEMPLE,
        "--correspondances",
        corr,
        "--csv",
        corr,
        "-o",
        sortie,
      ]),
      `Le fichier de l'option --csv «\u00a0${corr}\u00a0» est le fichier de correspondances lu\u00a0: indiquez un autre nom.`,
      sortie,
    );
    expect(await fs.readFile(corr)).toEqual(contenu);
  });

  it("--csv = --colonnes : refusé", async () => {
    const colonnes = path.join(dossier(), "colonnes.csv");
    await fs.writeFile(colonnes, '{ "separateur": ";", "colonnes": { "compte": "Compte", "date": "Date" } }');
    refus(
      await lancerCli(main, ["carbone", EXEMPLE, "--fec", FEC, "--colonnes", colonnes, "--csv", colonnes]),
      `Le fichier de l'option --csv «\u00a0${colonnes}\u00a0» est la correspondance de colonnes lue\u00a0: indiquez un autre nom.`,
    );
  });
});

describe("un chemin qu'on ne peut pas suivre (avant : « erreur système ELOOP », ou « introuvable » pour un lien qui boucle)", () => {
  const BOUCLE = "c'est un lien symbolique qui boucle sur lui-même.";
  it("un lien symbolique qui boucle sur lui-même, lu ou écrit", async () => {
    const classeur = path.join(dossier(), "boucle.xlsx");
    const texte = path.join(dossier(), "boucle.txt");
    await fs.symlink(classeur, classeur);
    await fs.symlink(texte, texte);
    refus(
      await lancerCli(main, ["devis", classeur]),
      `Le fichier «\u00a0${classeur}\u00a0» n'est pas un classeur Excel lisible (.xlsx)\u00a0: ${BOUCLE}`,
    );
    refus(await lancerCli(main, ["fec", texte]), `Lecture impossible de ${texte}\u00a0: ${BOUCLE}`);
    refus(
      await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", texte]),
      `Fichier de correspondances illisible (${texte})\u00a0: ${BOUCLE}`,
    );
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "-o", classeur]),
      `Écriture impossible de «\u00a0${classeur}\u00a0»\u00a0: ${BOUCLE}`,
    );
  });

  it("un FEC sous un fichier pris pour un dossier", async () => {
    const sous = path.join(FEC, "x.txt");
    refus(
      await lancerCli(main, ["fec", sous]),
      `Lecture impossible de ${sous}\u00a0: un élément du chemin est un fichier, pas un dossier.`,
    );
  });
});

describe('un nom de fichier vide, prodbook devis "$F" sans F (avant : « Erreur interne : TypeError », code 1)', () => {
  const echapper = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  it.each([
    [["devis", ""], "un classeur .xlsx"],
    [["credit-impot", "", "--regime", "cinema", "--genre", "fiction"], "un classeur .xlsx"],
    [["financement", "", "--cout", "1000"], "un classeur .xlsx"],
    [["planning", "", "--livraison", "2026-06-01"], "un classeur .xlsx"],
    [["carbone", ""], "un classeur .xlsx"],
    [["ecarts", "", "--fec", FEC], "le classeur du devis (.xlsx)"],
    [["versions", "lister", ""], "un classeur .xlsx"],
    [["fec", ""], "un fichier FEC"],
  ])("%j", async (args, quoi) => {
    const dit = `Indiquez ${quoi}\u00a0: le nom de fichier reçu est vide (une variable du terminal non définie\u202f?).`;
    refus(await lancerCli(main, args), new RegExp(`^${echapper(dit)}\nUsage\u00a0: prodbook `));
  });
});

describe("versions enregistrer --auteur démesuré (avant : 40 000 caractères écrits dans une cellule qui en tient 32 767)", () => {
  it("refusé comme un nom trop long, rien d'écrit ; un auteur ordinaire reste gardé", async () => {
    const sortie = path.join(dossier(), "jamais-versions.xlsx");
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      EXEMPLE,
      "--nom",
      "V1",
      "--auteur",
      "a".repeat(40000),
      "-o",
      sortie,
    ]);
    refus(
      r,
      `devis-producteur.xlsx\u00a0: Le nom d'auteur «\u00a0${"a".repeat(40)}…\u00a0» dépasse 100 caractères.`,
      sortie,
    );
    const ok = path.join(dossier(), "versions-auteur.xlsx");
    const r2 = await lancerCli(main, [
      "versions",
      "enregistrer",
      EXEMPLE,
      "--nom",
      "V1",
      "--auteur",
      " Claire  Martin ",
      "-o",
      ok,
      "--json",
    ]);
    expect(r2.code).toBe(0);
    expect((JSON.parse(r2.out) as { version: { auteur: string } }).version.auteur).toBe("Claire Martin");
  });
});

describe("un libellé du FEC plus long qu'une cellule (avant : 40 000 caractères écrits, classeur qu'Excel répare)", () => {
  it("ecarts -o : code 2, la cellule nommée, rien d'écrit ; sans -o le FEC reste lu", async () => {
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n");
    const champs = lignes[1].split("\t");
    champs[10] = "L".repeat(40000);
    lignes[1] = champs.join("\t");
    const long = path.join(dossier(), "fec-libelle-long.txt");
    await fs.writeFile(long, lignes.join("\n"));
    const sortie = path.join(dossier(), "jamais-long.xlsx");
    refus(
      await lancerCli(main, ["ecarts", EXEMPLE, "--fec", long, "-o", sortie]),
      new RegExp(
        [
          "^Écriture impossible de « [^»]+jamais-long\\.xlsx » : le texte de la cellule 'Grand livre'!I2 aurait 40 000",
          "caractères : une cellule Excel en tient au plus 32 767 ; raccourcissez-le à sa source (un libellé du FEC ou",
          "d'un fichier lu)\\.$",
        ]
          .join(" ")
          .replace(/[()]/g, "\\$&")
          .replace(/ /g, "\\s"),
        "u",
      ),
      sortie,
    );
    expect((await lancerCli(main, ["ecarts", EXEMPLE, "--fec", long, "--json"])).code).toBe(0);
  });
});

describe("un libellé du fichier de correspondances plus long qu'une cellule", () => {
  it("refusé avant toute écriture, la cellule nommée", async () => {
    const source = await fs.readFile(path.join(__dirname, "../../assets/exemple/correspondances-exemple.csv"), "utf8");
    const lignes = source.split("\n");
    const champs = lignes[1].split(";");
    champs[2] = "L".repeat(40000);
    lignes[1] = champs.join(";");
    const corr = path.join(dossier(), "correspondances-longues.csv");
    await fs.writeFile(corr, lignes.join("\n"));
    const sortie = path.join(dossier(), "jamais-corr-long.xlsx");
    refus(
      await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", corr, "-o", sortie]),
      "devis-producteur.xlsx\u00a0: le texte de la cellule Correspondances!C2 aurait 40\u00a0000 caractères\u00a0: une cellule " +
        "Excel en tient au plus 32\u00a0767\u202f; raccourcissez-le à sa source (un libellé du FEC ou d'un fichier lu).",
      sortie,
    );
  });
});

describe("un nombre de jours au-delà de tout tournage (avant : 99999999999 jours pris, le crédit calculé dessus)", () => {
  it.each([
    ["99999999999", "attend au plus 2\u202f600 jours, reçu «\u00a099999999999\u00a0»"],
    ["2601", "attend au plus 2\u202f600 jours, reçu «\u00a02601\u00a0»"],
    ["2,5", "attend un nombre entier de jours, reçu «\u00a02,5\u00a0»"],
  ])("credit-impot --jours-tournage-france %s : refusé, rien d'écrit", async (jours, dit) => {
    const sortie = path.join(dossier(), "jamais-jours.xlsx");
    const args = ["credit-impot", EXEMPLE, "--regime", "international", "--genre", "fiction"];
    refus(
      await lancerCli(main, [...args, "--jours-tournage-france", jours, "-o", sortie]),
      `L'option --jours-tournage-france ${dit}.`,
      sortie,
    );
  });

  it("credit-impot --jours-tournage-france 2600 : pris (la borne elle-même)", async () => {
    const args = ["credit-impot", EXEMPLE, "--regime", "international", "--genre", "fiction"];
    const r = await lancerCli(main, [...args, "--jours-tournage-france", "2600", "--json"]);
    expect(r.code).toBe(0);
  });

  it("la même borne dans src/app, pour le volet (le champ nommé en français)", () => {
    const base = { regime: "international", genre: "fiction", annee: 2026 } as const;
    expect(() => verifierOptionsCreditImpot({ ...base, joursTournageFrance: 99999999999 })).toThrow(
      "« Jours de tournage en France » attend au plus 2\u202f600 jours, reçu « 99999999999 ».",
    );
    expect(() => verifierOptionsCreditImpot({ ...base, joursTournageFrance: 2600 })).not.toThrow();
  });

  it("planning --tournage : la même borne, la même phrase", async () => {
    refus(
      await lancerCli(main, ["planning", PLAN, "--genre", "fiction", "--tournage", "2601"]),
      "L'option --tournage attend au plus 2\u202f600 jours, reçu «\u00a02601\u00a0».",
    );
  });
});

describe("-o où rien ne peut s'écrire (avant : « dossier introuvable » pour /proc, qui existe)", () => {
  it("-o et --csv dans /proc : le dossier nommé, code 2, rien d'écrit", async () => {
    const dit = (f: string) =>
      `Écriture impossible de «\u00a0${f}\u00a0»\u00a0: le dossier «\u00a0/proc\u00a0» n'accepte pas de nouveau fichier ` +
      "(dossier système).";
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "-o", "/proc/prodbook-sortie.xlsx"]),
      dit("/proc/prodbook-sortie.xlsx"),
    );
    const csv = path.join(dossier(), "jamais-proc.csv");
    refus(
      await lancerCli(main, ["carbone", EXEMPLE, "--csv", csv, "-o", "/proc/prodbook-sortie.xlsx"]),
      dit("/proc/prodbook-sortie.xlsx"),
      csv,
    );
    refus(await lancerCli(main, ["carbone", EXEMPLE, "--csv", "/proc/prodbook.csv"]), dit("/proc/prodbook.csv"));
  });

  it("-o sous un fichier, -o sur un dossier : dit avant toute lecture", async () => {
    const fichier = path.join(dossier(), "un-fichier");
    await fs.writeFile(fichier, "x");
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "-o", path.join(fichier, "x.xlsx")]),
      `Écriture impossible de «\u00a0${path.join(fichier, "x.xlsx")}\u00a0»\u00a0: «\u00a0${fichier}\u00a0» est un ` +
        "fichier, pas un dossier.",
    );
    const rep = path.join(dossier(), "rep.xlsx");
    await fs.mkdir(rep);
    refus(
      await lancerCli(main, ["financement", FICTION, "--cout", "1000000", "-o", rep]),
      `Écriture impossible de «\u00a0${rep}\u00a0»\u00a0: c'est un dossier.`,
    );
  });
});

describe("financement : une date de versement en 1899 (avant : « Erreur interne : RangeError: Période trop longue »)", () => {
  it.each([
    ["une date Excel du 31/12/1899", new Date(Date.UTC(1899, 11, 31)) as ExcelJSValeur, "01/01/1900"],
    ["le texte 15/03/2199", "15/03/2199" as ExcelJSValeur, "15/03/2199"],
  ])("%s : nommée avec sa cellule, la tranche sans date, le reste du plan lu", async (_nom, valeur, dite) => {
    const f = await variante(FICTION, `tranche-${dite.replace(/\//g, "-")}.xlsx`, (wb) => {
      wb.getWorksheet("Financement")!.getCell("G3").value = valeur;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as { echeancier: { sansDate: string; mois: unknown[] }; controles: ConstatJson[] };
    expect(j.echeancier.sansDate).toBe("100000.00");
    expect(j.echeancier.mois).toHaveLength(12);
    expect(j.controles.filter((c) => c.cellule === "Financement!G3")).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        message:
          `Financement!G3 : date « ${dite} » à plus de 20 ans de la date d'analyse (15/01/2026) : une faute de ` +
          "frappe ? Tranche sans date.",
      }),
    ]);
  });

  it("un échéancier de plus de 50 ans : une erreur de données en français, pas une RangeError", () => {
    expect(() => moisEntre("1950-01", "2026-12")).toThrow(ErreurDonnees);
    expect(() => moisEntre("1950-01", "2026-12")).toThrow(
      "L'échéancier irait de janvier\u00a01950 à décembre\u00a02026, plus de 50 ans : vérifiez les dates des versements et du planning.",
    );
  });
});
