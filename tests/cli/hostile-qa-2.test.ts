import ExcelJS from "exceljs";
import { promises as fs, readdirSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

/**
 * A hostile tester's second round on the CLI, on the commands the first round (hostile-qa.test.ts) left aside:
 * `carbone --csv`, the « Bilan carbone » and « Versions » sheets edited by hand, `regles --classeur` on a broken
 * « Paramètres » sheet, `planning` with an absurd duration, `financement --explique`. Each input is a real .xlsx
 * written here with ExcelJS; each refusal is exit 2, a French message naming the file and the cell, nothing written.
 */
const dossier = dossierTemporaire("prodbook-hostile-qa-2-");

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");

const variante = fabriqueVariantes(dossier);

describe("carbone --csv : un chemin impossible est refusé avant tout travail (avant : « Erreur interne », code 1)", () => {
  it("sous un fichier pris pour un dossier", async () => {
    const fichier = path.join(dossier(), "note.txt");
    await fs.writeFile(fichier, "x");
    const csv = path.join(fichier, "export.csv");
    const sortie = path.join(dossier(), "jamais-sous-fichier.xlsx");
    const r = await lancerCli(main, ["carbone", PLAN, "--date", "2026-06-01", "-o", sortie, "--csv", csv]);
    refus(
      r,
      `Écriture impossible de «\u00a0${csv}\u00a0»\u00a0: «\u00a0${fichier}\u00a0» est un fichier, pas un dossier.`,
      sortie,
    );
  });

  it("un nom trop long pour le disque", async () => {
    const csv = path.join(dossier(), `${"x".repeat(300)}.csv`);
    const sortie = path.join(dossier(), "jamais-nom-long.xlsx");
    const r = await lancerCli(main, ["carbone", PLAN, "--date", "2026-06-01", "-o", sortie, "--csv", csv]);
    refus(r, `Écriture impossible de «\u00a0${csv}\u00a0»\u00a0: nom de fichier trop long.`, sortie);
    expect(readdirSync(dossier()).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("-o au nom trop long : la raison en français (avant : « erreur système ENAMETOOLONG »)", async () => {
    const sortie = path.join(dossier(), `${"y".repeat(300)}.xlsx`);
    const r = await lancerCli(main, ["devis", EXEMPLE, "-o", sortie]);
    refus(r, `Écriture impossible de «\u00a0${sortie}\u00a0»\u00a0: nom de fichier trop long.`);
  });
});

describe("carbone : une saisie de la feuille « Bilan carbone » illisible est nommée, jamais perdue ni devinée", () => {
  let bilan: string;
  beforeAll(async () => {
    bilan = path.join(dossier(), "bilan.xlsx");
    const r = await lancerCli(main, ["carbone", PLAN, "--date", "2026-06-01", "-o", bilan]);
    expect(r.code).toBe(0);
  });

  let n = 0;
  /** Row 28 of the sheet: the train line, whose quantity (passager.km) is « à compléter ». */
  const saisir = (nom: string, cellule: string, valeur: ExcelJS.CellValue) =>
    variante(bilan, nom, (wb) => {
      const ws = wb.getWorksheet("Bilan carbone")!;
      expect(ws.getCell("C28").value).toBe("Train Paris–Brest A/R");
      ws.getCell(cellule).value = valeur;
    });

  it.each([
    // Before: each dropped without a word (exit 0), and the refreshed sheet written with -o had lost it.
    [
      "H28",
      "1200 km",
      "«\u00a01200 km\u00a0» n'est pas une quantité (un nombre, par exemple «\u00a01\u00a0200\u00a0»)",
      "Quantité retenue",
    ],
    ["H28", "1.200", "«\u00a01.200\u00a0» peut se lire 1,2 ou 1200", "Quantité retenue"],
    [
      "R28",
      "beaucoup",
      "«\u00a0beaucoup\u00a0» n'est pas une quantité (un nombre, par exemple «\u00a01\u00a0200\u00a0»)",
      "Quantité réalisée",
    ],
    [
      "Q28",
      "à voir",
      "«\u00a0à voir\u00a0» n'est pas un montant en euros (par exemple «\u00a02\u00a0880,00\u00a0»)",
      "Réalisé (€)",
    ],
    ["H28", { error: "#DIV/0!" }, "l'erreur Excel #DIV/0! n'est pas une quantité", "Quantité retenue"],
    // Before: kept, and the prévisionnel went down (negative emissions).
    ["H28", -1200, "quantité négative (-1200)\u202f; une quantité est positive ou nulle", "Quantité retenue"],
  ] as [string, ExcelJS.CellValue, string, string][])("%s = %j", async (cellule, valeur, raison, colonne) => {
    const f = await saisir(`bilan-${cellule}-${++n}.xlsx`, cellule, valeur);
    const sortie = path.join(dossier(), `jamais-bilan-${n}.xlsx`);
    const csv = path.join(dossier(), `jamais-bilan-${n}.csv`);
    const r = await lancerCli(main, ["carbone", f, "--date", "2026-06-01", "-o", sortie, "--csv", csv]);
    refus(
      r,
      `${path.basename(f)}\u00a0: 'Bilan carbone'!${cellule} (${colonne})\u00a0: ${raison}\u202f; corrigez la cellule (Prodbook garde ` +
        `les saisies de la feuille «\u00a0Bilan carbone\u00a0» à chaque mise à jour et n'en devine aucune).`,
      sortie,
      csv,
    );
  });

  it("un nombre tapé en texte (« 1 200 », « 2 880,50 ») est lu comme tel et gardé", async () => {
    const f = await variante(bilan, "bilan-texte-nombre.xlsx", (wb) => {
      const ws = wb.getWorksheet("Bilan carbone")!;
      ws.getCell("H28").value = "1 200";
      ws.getCell("Q28").value = "2 880,50";
    });
    const sortie = path.join(dossier(), "bilan-texte-nombre-sortie.xlsx");
    const r = await lancerCli(main, ["carbone", f, "--date", "2026-06-01", "-o", sortie]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\n1\scorrection de la feuille «\u00a0Bilan carbone\u00a0» gardée\./);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Bilan carbone")!;
    expect([ws.getCell("C28").value, ws.getCell("H28").value, ws.getCell("Q28").value]).toEqual([
      "Train Paris–Brest A/R",
      1200,
      2880.5,
    ]);
  });
});

describe("versions : une feuille « Versions » retouchée à la main", () => {
  let v2: string;
  beforeAll(async () => {
    const v1 = path.join(dossier(), "v1.xlsx");
    v2 = path.join(dossier(), "v2.xlsx");
    expect((await lancerCli(main, ["versions", "enregistrer", EXEMPLE, "--nom", "V1", "-o", v1])).code).toBe(0);
    expect((await lancerCli(main, ["versions", "enregistrer", v1, "--nom", "V2", "-o", v2])).code).toBe(0);
  });

  const retoucher = (nom: string, f: (ws: ExcelJS.Worksheet) => void) =>
    variante(v2, nom, (wb) => f(wb.getWorksheet("Versions")!));

  it.each([
    [
      // Before: exit 0, V1 at 194 869,16 € instead of 182 869,16 € (the copied line counted twice).
      "une ligne copiée en double",
      (ws: ExcelJS.Worksheet) => ws.addRow((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1)),
      "Version «\u00a0V1\u00a0»\u00a0: la ligne N° 2 figure deux fois (Versions!D3 et Versions!D80), son montant serait compté deux " +
        "fois\u00a0: supprimez la ligne en double.",
    ],
    [
      // Before: exit 0, two versions listed, and « --de v1 » took whichever came first.
      "deux versions qui ne diffèrent que par les majuscules",
      (ws: ExcelJS.Worksheet) =>
        ws.eachRow((row) => {
          if (row.getCell(1).value === "V2") row.getCell(1).value = "v1";
        }),
      "La feuille «\u00a0Versions\u00a0» a deux versions «\u00a0V1\u00a0» (Versions!A2) et «\u00a0v1\u00a0» (Versions!A41) qui ne diffèrent que par " +
        "les majuscules\u00a0: renommez l'une d'elles.",
    ],
    [
      // Before: the cell not named, and 300 digits printed.
      "un montant démesuré",
      (ws: ExcelJS.Worksheet) => (ws.getCell("M3").value = 1e300),
      "Version «\u00a0V1\u00a0»\u00a0: la cellule Versions!M3 contient 1e+300, au-delà de la limite de Prodbook " +
        "(± 22\u00a0517\u00a0998\u00a0136\u00a0852,48 €).",
    ],
    [
      // Before: rounded to 12 000,01 € without a word.
      "un montant au-delà du centime",
      (ws: ExcelJS.Worksheet) => (ws.getCell("M3").value = 12000.005),
      "Version «\u00a0V1\u00a0»\u00a0: la cellule Versions!M3 contient 12000,005, un montant au-delà du centime\u00a0: écrivez-le avec " +
        "deux décimales au plus.",
    ],
    [
      "un montant en texte",
      (ws: ExcelJS.Worksheet) => (ws.getCell("M3").value = "12\u00a0000,00 €"),
      "Version «\u00a0V1\u00a0»\u00a0: la cellule Versions!M3 contient «\u00a012\u00a0000,00 €\u00a0», un nombre est attendu.",
    ],
  ])("%s : code 2, la cellule nommée", async (_cas, f, message) => {
    const fichier = await retoucher(`versions-${_cas.replace(/\W/g, "")}.xlsx`, f);
    for (const args of [
      ["versions", "lister", fichier],
      ["versions", "comparer", fichier, "--de", "V1", "--a", "courant", "-o", path.join(dossier(), "jamais-v.xlsx")],
    ]) {
      const r = await lancerCli(main, args);
      refus(r, `${path.basename(fichier)}\u00a0: ${message}`, path.join(dossier(), "jamais-v.xlsx"));
    }
  });

  it("une colonne supprimée : la ligne d'en-tête attendue est nommée", async () => {
    const fichier = await retoucher("versions-colonne.xlsx", (ws) => ws.spliceColumns(6, 1));
    const r = await lancerCli(main, ["versions", "lister", fichier]);
    refus(
      r,
      /versions-colonne\.xlsx\u00a0: La feuille «\u00a0Versions\u00a0» n'a plus les colonnes des versions .* en ligne 1/,
    );
  });

  it("le bruit d'un calcul flottant (0,1 + 0,2) n'est pas un montant au-delà du centime", async () => {
    const fichier = await retoucher("versions-flottant.xlsx", (ws) => {
      ws.getCell("M3").value = { formula: "0.1+0.2", result: 0.1 + 0.2 };
    });
    const r = await lancerCli(main, ["versions", "lister", fichier, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { versions: { nom: string; total: string }[] };
    expect(j.versions.map((v) => [v.nom, v.total])).toEqual([
      ["V1", "170869.46"],
      ["V2", "182869.16"],
    ]);
  });
});

describe("planning : une durée démesurée (avant : « Erreur interne : RangeError: Map maximum size exceeded »)", () => {
  it.each([
    [1e9, "1 000 000 000"],
    [2601, "2 601"],
    // As the cell shows it, not its 300 digits.
    [1e300, "1e+300"],
  ])("%d jours", async (duree, lu) => {
    const f = await variante(PLAN, `planning-${duree}.xlsx`, (wb) => {
      wb.getWorksheet("Étapes post-prod")!.getCell("B3").value = duree;
    });
    const sortie = path.join(dossier(), "jamais-planning.xlsx");
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "-o", sortie]);
    refus(
      r,
      `${path.basename(f)}\u00a0: Durée de ${lu.replace(/ /g, "\u202f")} jours pour l'étape «\u00a0Montage son\u00a0» (ligne 3, ` +
        `'Étapes post-prod'!A3)\u00a0: au-delà de 2\u202f600 jours (dix ans de jours ouvrés)\u202f; une date ou un montant ` +
        `a-t-il été saisi à la place d'une durée\u202f?`,
      sortie,
    );
  });
});

describe("regles --classeur : une surcharge qu'aucun calcul ne lirait est nommée, pas listée « en vigueur »", () => {
  /** A workbook whose « Paramètres » sheet holds one row. */
  async function parametres(nom: string, cle: string, valeur: ExcelJS.CellValue): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Paramètres");
    ws.addRow(["Paramètre", "Valeur"]);
    ws.addRow([cle, valeur]);
    const chemin = path.join(dossier(), nom);
    await wb.xlsx.writeFile(chemin);
    return chemin;
  }

  it.each([
    // Before: exit 0, « Surchargé par le classeur : credit-impot.cinema.taux = beaucoup ('Paramètres'!B2) ».
    ["beaucoup", "«\u00a0beaucoup\u00a0» n'est ni un taux"],
    // A number cell is quoted as French Excel shows it (« -0,2 »), not as JavaScript writes it.
    [-0.2, "«\u00a0-0,2\u00a0» n'est ni un taux"],
    [true, "«\u00a0true\u00a0» n'est ni un taux"],
    [
      "12.500",
      "«\u00a012.500\u00a0» peut se lire 12,5 ou 12500 pour «\u00a0credit-impot.cinema.taux\u00a0»\u202f; écrivez «\u00a012,5\u00a0» ou «\u00a012500\u00a0».",
    ],
  ] as [ExcelJS.CellValue, string][])("%j", async (valeur, debut) => {
    const f = await parametres(
      `parametres-${String(valeur).replace(/\W/g, "_")}.xlsx`,
      "credit-impot.cinema.taux",
      valeur,
    );
    const r = await lancerCli(main, ["regles", "--date", "2026-01-15", "--classeur", f]);
    const attendu = `${path.basename(f)}\u00a0: 'Paramètres'!B2\u00a0: ${debut}`;
    refus(r, new RegExp(`^${attendu.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    if (!debut.includes("peut se lire"))
      expect(r.err).toMatch(
        /\(«\u00a024\u00a0»\)\u00a0: aucun calcul ne peut lire le paramètre «\u00a0credit-impot\.cinema\.taux\u00a0»\.$/,
      );
  });

  it("une valeur qu'un calcul peut lire reste listée, et une clé inconnue reste « qu'aucune table ne lit »", async () => {
    const f = await parametres("parametres-ok.xlsx", "credit-impot.cinema.taux", "25 %");
    const r = await lancerCli(main, ["regles", "--date", "2026-01-15", "--classeur", f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "  Surchargé par le classeur\u00a0: credit-impot.cinema.taux = 25\u00a0% ('Paramètres'!B2)",
    );
    const g = await parametres("parametres-inconnu.xlsx", "n-importe.quoi", "beaucoup");
    const s = await lancerCli(main, ["regles", "--date", "2026-01-15", "--classeur", g]);
    expect(s.code).toBe(0);
    expect(s.out).toContain(
      "Paramètres du classeur qu'aucune table ne lit (faute de frappe\u202f?)\u00a0:\n  n-importe.quoi = beaucoup",
    );
  });
});

describe("financement --explique : des mots, pas des identifiants", () => {
  const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");

  it("le statut d'une source se lit « envisagé », « en négociation » (avant : « envisage », « en-negociation »)", async () => {
    const r = await lancerCli(main, ["financement", FICTION, "--cout", "3000000", "--explique"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("← Région Bretagne\u00a0: 100\u202f000,00\u00a0€ = montant lu (envisagé) [Financement!E5]");
    expect(r.out).toContain("= montant lu (en négociation) [Financement!E6]");
    expect(r.out).not.toMatch(/en-negociation|\(envisage\)/);
  });

  it("un coût plus petit que les parts des coproducteurs étrangers : l'alerte dit pourquoi (avant : « faute de coût »)", async () => {
    const r = await lancerCli(main, ["financement", FICTION, "--cout", "1", "--explique"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Aides publiques de 450\u202f000,00\u00a0€\u00a0: intensité non calculée\u00a0: la participation française est nulle " +
        "ou négative (coût 1,00\u00a0€ − parts des coproducteurs étrangers 100\u202f000,00\u00a0€ = −99\u202f999,00\u00a0€)" +
        "\u202f; vérifiez le coût de production.",
    );
  });
});

describe("credit-impot : le régime s'écrit en français dans le résumé", () => {
  it("« Crédit d'impôt cinéma » (avant : « cinema »)", async () => {
    const r = await lancerCli(main, [
      "credit-impot",
      EXEMPLE,
      "--regime",
      "cinema",
      "--genre",
      "fiction",
      "--annee",
      "2025",
    ]);
    expect(r.code).toBe(0);
    expect(r.sortie[0]).toBe("Crédit d'impôt cinéma — fiction — dépenses 2025 (devis «\u00a0Budget Gardiens\u00a0»)");
  });
});

describe("une feuille ou un tableau de Prodbook nommé à la place de ceux du producteur", () => {
  let structure: string;
  beforeAll(async () => {
    structure = path.join(dossier(), "structure.xlsx");
    expect((await lancerCli(main, ["devis", EXEMPLE, "-o", structure])).code).toBe(0);
  });

  it.each([
    // Before: « Erreur interne : Error: La feuille « Versions » a été créée par Prodbook… », exit 1.
    [
      ["versions", "enregistrer", "{structure}", "--nom", "V", "--feuille", "devis", "-o", "{sortie}"],
      "structure.xlsx\u00a0: La feuille «\u00a0Devis\u00a0» a été créée par Prodbook\u00a0: indiquez comme feuille de devis une " +
        "feuille du producteur («\u00a0Budget Gardiens\u00a0»\u202f; «\u00a0Post-production\u00a0» est une feuille d'étapes).",
    ],
    // A sheet that is not there: only the producer's sheets are offered (before, devis, credit-impot and financement
    // listed Prodbook's own « Devis », « Synthèse », « Contrôles » among the choices; carbone already did not).
    ...[["devis"], ["carbone"], ["credit-impot", "--regime", "cinema", "--genre", "fiction"]].map(
      ([commande, ...options]): [string[], string] => [
        [commande, "{structure}", "--feuille", "X", ...options, "-o", "{sortie}"],
        "structure.xlsx\u00a0: La feuille de devis «\u00a0X\u00a0» n'existe pas dans le classeur (feuilles\u00a0: " +
          "«\u00a0Budget Gardiens\u00a0»\u202f; «\u00a0Post-production\u00a0» est une feuille d'étapes).",
      ],
    ),
    [
      ["financement", "{structure}", "--feuille", "X", "-o", "{sortie}"],
      "structure.xlsx\u00a0: La feuille du plan de financement «\u00a0X\u00a0» n'existe pas dans le classeur (feuilles\u00a0: " +
        "«\u00a0Budget Gardiens\u00a0», «\u00a0Post-production\u00a0»).",
    ],
    [
      ["financement", "{structure}", "--feuille", "Contrôles", "-o", "{sortie}"],
      "structure.xlsx\u00a0: La feuille «\u00a0Contrôles\u00a0» a été créée par Prodbook\u00a0: indiquez comme feuille du plan de " +
        "financement une feuille du producteur («\u00a0Budget Gardiens\u00a0», «\u00a0Post-production\u00a0»).",
    ],
    // Before: « La feuille « Devis » n'existe pas dans le classeur » while it does.
    [
      ["planning", "{structure}", "--livraison", "2026-12-01", "--feuille", "Devis", "-o", "{sortie}"],
      "structure.xlsx\u00a0: La feuille «\u00a0Devis\u00a0» a été créée par Prodbook\u00a0: indiquez comme feuille d'étapes une " +
        "feuille du producteur («\u00a0Budget Gardiens\u00a0», «\u00a0Post-production\u00a0»).",
    ],
    [
      ["carbone", "{structure}", "--planning", "Synthèse", "-o", "{sortie}"],
      "structure.xlsx\u00a0: La feuille «\u00a0Synthèse\u00a0» a été créée par Prodbook\u00a0: indiquez comme feuille de plan de travail " +
        "une feuille du producteur («\u00a0Budget Gardiens\u00a0», «\u00a0Post-production\u00a0»).",
    ],
  ])("%j", async (args, message) => {
    const sortie = path.join(dossier(), `jamais-${args[0]}.xlsx`);
    const r = await lancerCli(
      main,
      args.map((a) => a.replace("{structure}", structure).replace("{sortie}", sortie)),
    );
    refus(r, message, sortie);
  });

  it("un tableau du producteur nommé « tblDevis » : code 2, à renommer (avant : « Erreur interne », code 1)", async () => {
    const f = await variante(EXEMPLE, "tableau-tblDevis.xlsx", (wb) => {
      wb.addWorksheet("Mes notes").addTable({
        name: "tblDevis",
        ref: "A1",
        headerRow: true,
        columns: [{ name: "Note" }, { name: "Montant" }],
        rows: [["Repérages", 120]],
      });
    });
    const sortie = path.join(dossier(), "jamais-tableau.xlsx");
    const r = await lancerCli(main, ["devis", f, "-o", sortie]);
    refus(
      r,
      "tableau-tblDevis.xlsx\u00a0: Le classeur a déjà un tableau nommé «\u00a0tblDevis\u00a0»\u00a0: Prodbook a besoin de ce nom pour sa " +
        "feuille «\u00a0Devis\u00a0». Renommez ce tableau dans Excel (Création de tableau › Nom du tableau), puis recommencez.",
      sortie,
    );
  });
});

describe("ecarts : le fichier de correspondances tel qu'Excel ou un tableur l'enregistre", () => {
  const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
  interface EcartsJson {
    postes: { code: string; realise: string }[];
    controles: { regle: string; gravite: string; message: string; cellule: string | null }[];
  }
  const csv = async (nom: string, contenu: string | Buffer) => {
    const f = path.join(dossier(), nom);
    await fs.writeFile(f, contenu);
    return f;
  };
  const realise = (j: EcartsJson, code: string) => j.postes.find((c) => c.code === code)?.realise;

  it("BOM, fins de ligne CRLF, lignes vides et « ; » entre guillemets dans un libellé", async () => {
    const f = await csv(
      "correspondances-excel.csv",
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('compte;poste;libelle\r\n\r\n641;2;"Salaires; primes"\r\n\r\n6413;3;"Comé""diens"\r\n\r\n'),
      ]),
    );
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as EcartsJson;
    expect([realise(j, "2"), realise(j, "3")]).toEqual(["8000.00", "1500.50"]);
  });

  it("un poste que le devis n'a pas (« 99 ») : compté au chapitre 9 comme avant, et dit (avant : rien)", async () => {
    const f = await csv("correspondances-99.csv", "compte;poste\n641;99\n");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as EcartsJson;
    expect(realise(j, "9")).toBe("9500.50");
    expect(j.controles.filter((c) => c.regle === "postes-hors-devis")).toEqual([
      {
        regle: "postes-hors-devis",
        gravite: "alerte",
        message:
          "1 poste des correspondances absent du devis porte du réalisé (9\u202f500,50\u00a0€) : 99 " +
          "(9\u202f500,50\u00a0€, compté au chapitre 9). Vérifiez les correspondances : un poste est un code de chapitre " +
          "(« 2 ») ou de ligne du devis (« 2.3 »).",
        cellule: null,
      },
    ]);
  });

  it("un FEC réduit à son en-tête : le réalisé nul est dit (avant : zéro partout, sans un mot)", async () => {
    const entete = (await fs.readFile(FEC, "utf8")).split("\n")[0];
    const f = await csv("fec-entete.txt", `${entete}\n`);
    const c = path.join(__dirname, "../fixtures/fec/correspondances.csv");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", f, "--correspondances", c]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "[alerte] Grand livre sans charges — Aucune ligne du FEC n'est lue (en-tête seul)\u00a0: le réalisé n'est lu " +
        "d'aucune ligne, il vaut 0,00\u00a0€ partout sans rien prouver. Vérifiez le fichier exporté et sa période.",
    );
  });

  it("un guillemet non fermé : la ligne nommée, rien d'écrit", async () => {
    const f = await csv("correspondances-guillemet.csv", 'compte;poste;libelle\n641;2;"Salaires\n');
    const sortie = path.join(dossier(), "jamais-ecarts.xlsx");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", f, "-o", sortie]);
    refus(r, /^correspondances-guillemet\.csv, ligne 2\u00a0: guillemet non fermé ou mal placé/, sortie);
  });
});

describe("regles --classeur : dire ce qui a été lu de la feuille « Paramètres »", () => {
  it("sans en-tête « Paramètre | Valeur » ses lignes ne sont pas lues : c'est dit (avant : « Surcharges lues… »)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Paramètres").addRow(["credit-impot.cinema.taux", "25 %"]);
    const f = path.join(dossier(), "parametres-sans-entete.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["regles", "--date", "2026-01-15", "--classeur", f]);
    expect(r.code).toBe(0);
    expect(r.sortie[1]).toBe(
      `La feuille «\u00a0Paramètres\u00a0» de ${f} n'a pas d'en-tête «\u00a0Paramètre | Valeur\u00a0» dans ses 20 premières lignes\u00a0: ` +
        "aucune de ses lignes n'est lue, les chiffres des tables s'appliquent. Ajoutez cet en-tête au-dessus des paramètres.",
    );
    const j = JSON.parse((await lancerCli(main, ["regles", "--classeur", f, "--json"])).out) as Record<string, unknown>;
    expect(j.feuilleParametres).toBe("sans-en-tete");
  });

  it("un classeur sans feuille « Paramètres »", async () => {
    const r = await lancerCli(main, ["regles", "--date", "2026-01-15", "--classeur", EXEMPLE]);
    expect(r.code).toBe(0);
    expect(r.sortie[1]).toBe(
      `${EXEMPLE} n'a pas de feuille «\u00a0Paramètres\u00a0»\u00a0: aucune surcharge, les chiffres des tables s'appliquent.`,
    );
  });
});

describe("financement : un plan retouché à la main", () => {
  const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
  interface FinJson {
    controles: { regle: string; gravite: string; message: string }[];
  }
  const messages = async (nom: string, f: (ws: ExcelJS.Worksheet) => void) => {
    const fichier = await variante(FICTION, nom, (wb) => f(wb.getWorksheet("Financement")!));
    const r = await lancerCli(main, ["financement", fichier, "--cout", "3000000", "--json"]);
    expect(r.code).toBe(0);
    return (JSON.parse(r.out) as FinJson).controles.map((c) => `[${c.gravite}] ${c.message}`);
  };

  it("un montant négatif est une erreur nommée (avant : compté sans un mot sur son signe)", async () => {
    expect(await messages("fin-negatif.xlsx", (ws) => (ws.getCell("E3").value = -100000))).toContain(
      "[erreur] Financement!E3 : montant négatif (−100\u202f000,00\u00a0€) pour « Panache Productions » : un " +
        "financement est positif ; compté tel quel, vérifiez la cellule.",
    );
  });

  it("une ligne copiée en double est dite (avant : son montant compté deux fois sans un mot)", async () => {
    const m = await messages("fin-doublon.xlsx", (ws) =>
      ws.addRow((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1)),
    );
    expect(m).toContain(
      "[alerte] Financement!E8 : même financeur (« Panache Productions »), même montant et même statut que la ligne 3 ; " +
        "compté deux fois : supprimez la ligne si elle est en double.",
    );
  });
});

describe("planning : --genre n'est jamais ignoré sans un mot", () => {
  it("un classeur qui a sa feuille d'étapes : code 2 (avant : --genre, --duree, --tournage ignorés, code 0)", async () => {
    const sortie = path.join(dossier(), "jamais-genre.xlsx");
    const r = await lancerCli(main, ["planning", PLAN, "--debut", "2026-01-05", "--genre", "fiction", "-o", sortie]);
    refus(
      r,
      "gardiens-planning.xlsx\u00a0: Le classeur a sa feuille d'étapes «\u00a0Étapes post-prod\u00a0»\u00a0: ce sont ses étapes qui sont " +
        "planifiées, pas les étapes par défaut d'un genre\u00a0: retirez le genre (et sa durée, ses jours de tournage).",
      sortie,
    );
  });

  it("--tournage démesuré : l'option nommée (avant ce matin : « Erreur interne : RangeError »)", async () => {
    const r = await lancerCli(main, [
      "planning",
      EXEMPLE,
      "--debut",
      "2026-01-05",
      "--genre",
      "fiction",
      "--tournage",
      "100000000",
    ]);
    refus(r, "L'option --tournage attend au plus 2\u202f600 jours, reçu «\u00a0100000000\u00a0».");
  });
});

describe("versions comparer --a courant sur un classeur dont la feuille du devis a été supprimée", () => {
  it("le message dit qu'il ne reste que les feuilles de Prodbook (avant : « (classeur vide) »)", async () => {
    const v1 = path.join(dossier(), "v1-sans-devis-source.xlsx");
    expect((await lancerCli(main, ["versions", "enregistrer", EXEMPLE, "--nom", "V1", "-o", v1])).code).toBe(0);
    // The example's post-production steps left alone: named as a steps sheet, not a devis.
    const etapes = await variante(v1, "v1-etapes-seules.xlsx", (wb) =>
      wb.removeWorksheet(wb.getWorksheet("Budget Gardiens")!.id),
    );
    refus(
      await lancerCli(main, ["versions", "comparer", etapes, "--de", "V1", "--a", "courant"]),
      /^v1-etapes-seules\.xlsx\u00a0: Aucun devis reconnu dans la feuille «\u00a0Post-production\u00a0»\u00a0: c'est une feuille d'étapes /,
    );
    const f = await variante(v1, "v1-sans-devis.xlsx", (wb) => {
      wb.removeWorksheet(wb.getWorksheet("Budget Gardiens")!.id);
      wb.removeWorksheet(wb.getWorksheet("Post-production")!.id);
    });
    const r = await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "courant"]);
    refus(
      r,
      /^v1-sans-devis\.xlsx\u00a0: Aucun devis reconnu\u00a0: le classeur n'a aucune feuille du producteur \(seulement celles de Prodbook, ou aucune\)\u00a0: /,
    );
  });
});
