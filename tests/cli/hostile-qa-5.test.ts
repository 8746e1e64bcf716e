import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

/**
 * A hostile new user's inputs, fifth round: no amount of a ledger is read from the wrong column without a word, and
 * no option value reaches « Erreur interne ».
 */
const dossier = dossierTemporaire("prodbook-hostile-qa-5-");
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const variante = fabriqueVariantes(dossier);
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

/** `prodbook devis --json` on a two-line devis whose second amount (F3) is `valeur` shown with `numFmt`. */
async function devisF3(fichier: string, libelle: string, valeur: number, numFmt: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
  ws.addRow(["21", "Réalisateur", 1, 1, 5000, 5000]);
  ws.addRow(["22", libelle, null, null, null, valeur]);
  ws.getCell("F3").numFmt = numFmt;
  const f = path.join(dossier(), fichier);
  await wb.xlsx.writeFile(f);
  return lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
}

interface FecJson {
  lignesImportees: number;
  debit: string;
  credit: string;
  erreurs: { ligne: number; message: string }[];
}

describe("grand livre CSV : une ligne qui a plus de champs que l'en-tête", () => {
  it("FEC enregistré avec « , » et ses montants « 12000,00 » : chaque ligne rejetée avec son numéro (avant : débit 47 110,00 €, crédit 265,00 €, aucune ligne rejetée)", async () => {
    const csv = path.join(dossier(), "fec-virgule.txt");
    await fs.writeFile(csv, (await fs.readFile(FEC, "utf8")).replace(/\t/g, ","));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as FecJson;
    expect([j.lignesImportees, j.debit, j.credit, j.erreurs.length]).toEqual([0, "0.00", "0.00", 23]);
    expect(j.erreurs[0]).toEqual({
      ligne: 2,
      message:
        "Ligne 2 rejetée : 20 champs au lieu de 18 (un séparateur « , » dans un montant ou un libellé sans " +
        "guillemets ?) ; aucun montant n'est lu d'une colonne décalée.",
    });
    const strict = await lancerCli(main, ["fec", csv, "--strict"]);
    expect(strict.code).toBe(1);
  });

  it("une seule ligne au libellé coupé par « ; » : elle seule est rejetée, les autres lues au centime", async () => {
    const csv = path.join(dossier(), "fec-libelle-coupe.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";").split("\n");
    // Line 4: « Paie janvier réalisateur » becomes « Paie janvier; réalisateur »: one field too many.
    lignes[3] = lignes[3].replace("Paie janvier ", "Paie janvier;");
    await fs.writeFile(csv, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    const j = JSON.parse(r.out) as FecJson;
    expect([j.lignesImportees, j.debit, j.credit]).toEqual([22, "39112.65", "47112.65"]);
    expect(j.erreurs.map((e) => e.ligne)).toEqual([4]);
    expect(j.erreurs[0].message).toMatch(/^Ligne 4 rejetée : 19 champs au lieu de 18 \(un séparateur « ; »/);
  });
});

describe("grand livre CSV : une ligne coupée avant ses montants", () => {
  it("est rejetée avec son numéro (avant : importée pour 0,00 € sans un mot)", async () => {
    const csv = path.join(dossier(), "fec-ligne-coupee.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";").split("\n");
    // Line 2 cut after its label: no Debit (12 000,00 €) nor Credit.
    lignes[1] = lignes[1].split(";").slice(0, 11).join(";");
    await fs.writeFile(csv, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    const j = JSON.parse(r.out) as FecJson;
    expect([j.lignesImportees, j.debit, j.credit]).toEqual([22, "35112.65", "47112.65"]);
    expect(j.erreurs).toEqual([
      { ligne: 2, message: "Ligne 2 rejetée : 11 champs au lieu de 18 : pas de colonne « Debit » (ligne coupée ?)." },
    ]);
  });
});

describe("grand livre CSV : des fins de ligne mêlées (CRLF, puis une ligne en LF seul)", () => {
  it("chaque ligne est lue pour elle-même (avant : deux lignes réunies en une)", async () => {
    const csv = path.join(dossier(), "fec-fins-melees.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";").split("\n");
    lignes[1] = lignes[1].replace(/\r$/, "");
    await fs.writeFile(csv, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    const j = JSON.parse(r.out) as FecJson;
    expect([j.lignesImportees, j.debit, j.credit, j.erreurs]).toEqual([23, "47112.65", "47112.65", []]);
  });
});

describe("FEC : un champ en trop en fin de ligne", () => {
  it("la ligne est rejetée avec son numéro (avant : son débit de 8 000,00 € réuni au libellé, la ligne gardée)", async () => {
    const fec = path.join(dossier(), "fec-champ-en-trop.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n");
    // Line 4 (OD0001, débit 8 000,00 €) gets a 19th field after Idevise.
    lignes[3] = lignes[3].replace(/\r$/, "\tEXTRA\r");
    await fs.writeFile(fec, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", fec, "--json"]);
    const j = JSON.parse(r.out) as FecJson & { alertes: { message: string }[] };
    expect([j.lignesImportees, j.debit, j.credit]).toEqual([22, "39112.65", "47112.65"]);
    expect(j.erreurs).toEqual([
      {
        ligne: 4,
        message:
          "Ligne 4 rejetée : 19 champs au lieu de 18 : un champ en trop après la dernière colonne ; le réunir à un " +
          "libellé décalerait les montants et les dates.",
      },
    ]);
    expect(j.alertes.map((a) => a.message).join("\n")).not.toMatch(/récupérée/);
  });
});

describe("credit-impot --annee avant 1900", () => {
  const creditImpotCinema = (annee: string, ...autres: string[]) =>
    lancerCli(main, ["credit-impot", EXEMPLE, "--regime", "cinema", "--genre", "fiction", "--annee", annee, ...autres]);

  it.each(["1800", "1899", "2999"])(
    "%s : l'année nommée avec les périodes couvertes, les mêmes avant la première règle et après la dernière",
    async (annee) => {
      const sortie = path.join(dossier(), `ci-${annee}.xlsx`);
      const r = await creditImpotCinema(annee, "-o", sortie);
      refus(
        r,
        new RegExp(
          `^L'option --annee attend une année de dépenses couverte par les règles du crédit d'impôt ` +
            `\\(périodes couvertes\u00a0: du 1er\u00a0janvier\u00a02016 au 31\u00a0décembre\u00a02028\\), reçu «\u00a0${annee}\u00a0»\\.$`,
        ),
        sortie,
      );
    },
  );

  it("« 0999 » est cité tel que tapé (avant : « reçu « 999 » »)", async () => {
    const r = await creditImpotCinema("0999");
    refus(r, "L'option --annee attend une année AAAA, reçu «\u00a00999\u00a0».");
  });
});

const controles = controlesJson;

describe("financement : une case à cocher (VRAI/FAUX) dans un montant", () => {
  it("nommée, la ligne non comptée (avant : « Erreur interne : TypeError: input.trim is not a function »)", async () => {
    const f = await variante(FICTION, "fin-booleens.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E5").value = true;
      ws.getCell("F2").value = false;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out) as { total: string };
    expect(j.total).toBe("900000.00");
    expect(controles(r.out).filter((c) => /VRAI|FAUX/.test(c.message))).toEqual([
      {
        regle: "lecture-plan",
        gravite: "erreur",
        message: "Financement!F2 : montant de tranche « FAUX » illisible.",
        cellule: "Financement!F2",
      },
      {
        regle: "lecture-plan",
        gravite: "erreur",
        message: "Financement!E5 : montant « VRAI » illisible pour « Région Bretagne » ; ligne non comptée.",
        cellule: "Financement!E5",
      },
    ]);
  });
});

describe("financement : un financeur dont le nom commence par « Total »", () => {
  it("« TOTAL ENERGIES » (5 000 €) est une source, et c'est dit (avant : sauté comme un sous-total, sans un mot)", async () => {
    const f = await variante(FICTION, "fin-total-energies.xlsx", (wb) => {
      wb.getWorksheet("Financement")!.addRow(["TOTAL ENERGIES", "Mécénat", "France", "Acquis", 5000]);
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1005000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { total: string }).total).toBe("1005000.00");
    expect(controles(r.out).filter((c) => c.cellule === "Financement!E8")).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        message:
          "Financement!E8 : « TOTAL ENERGIES » commence comme un sous-total, mais 5\u202f000,00\u00a0€ n'est pas la " +
          "somme des sources au-dessus et aucune formule ne les référence ; compté comme une source. Si c'est un " +
          "sous-total, corrigez son montant ou écrivez-le en formule SOMME.",
      }),
    ]);
  });

  it("une formule qui ne référence aucune source au-dessus (« =5000*1 ») ne prouve pas un sous-total", async () => {
    const f = await variante(FICTION, "fin-total-formule.xlsx", (wb) => {
      wb.getWorksheet("Financement")!.addRow([
        "TOTAL ENERGIES",
        "Mécénat",
        "France",
        "Acquis",
        { formula: "5000*1", result: 5000 },
      ]);
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1005000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { total: string }).total).toBe("1005000.00");
    expect(
      controles(r.out)
        .filter((c) => c.cellule === "Financement!E8")
        .map((c) => c.gravite),
    ).toEqual(["alerte"]);
  });

  it("un vrai sous-total (la somme des sources de sa section, ou une formule) n'est toujours pas compté", async () => {
    const f = await variante(FICTION, "fin-sous-totaux.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.addRow(["Sous-total diffuseurs et CNC", null, null, null, 1000000]);
      ws.addRow(["Total", null, null, null, { formula: "SUM(E2:E7)", result: 1000000 }]);
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect((JSON.parse(r.out) as { total: string }).total).toBe("1000000.00");
    expect(controles(r.out).filter((c) => /sous-total/.test(c.message))).toEqual([]);
  });
});

describe("devis : un nombre saisi au-delà du centime", () => {
  it("est dit arrondi, comme en texte (avant : 0,004 compté 0,00 € sans un mot) ; un calcul ne l'est pas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    ws.addRow(["21", "Réalisateur", 1, 1, 5000, 5000]);
    ws.addRow(["22", "Arrondi A", null, null, null, 0.004]);
    ws.addRow(["22", "Arrondi B", null, null, null, 1234.565]);
    // A formula's result beyond the cent (3 × 33,333) and a sum's float noise are calculations, not typing.
    ws.addRow(["23", "Scripte", 3, 1, 33.333, { formula: "C5*D5*E5", result: 99.999 }]);
    ws.addRow(["24", "Régisseur", null, null, null, 1000.1 + 0.2]);
    const f = path.join(dossier(), "devis-sous-centime.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => c.regle === "montant-sous-centime")).toEqual([
      {
        regle: "montant-sous-centime",
        gravite: "alerte",
        message:
          "Devis!F3 « Arrondi A » : « 0,004 » a plus de deux décimales ; la ligne est comptée pour 0,00\u00a0€ " +
          "(arrondi au centime).",
        cellule: "Devis!F3",
      },
      {
        regle: "montant-sous-centime",
        gravite: "alerte",
        message:
          "Devis!F4 « Arrondi B » : « 1234,565 » a plus de deux décimales ; la ligne est comptée pour " +
          "1\u202f234,57\u00a0€ (arrondi au centime).",
        cellule: "Devis!F4",
      },
    ]);
  });
});

describe("un nombre démesuré dans une cellule au format date", () => {
  const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");

  it("planning : la cellule citée comme Excel l'affiche, « ######## » (avant : « date illisible « NaN » »)", async () => {
    const f = await variante(PLAN, "pdt-date-demesuree.xlsx", (wb) => {
      wb.getWorksheet("PDT")!.getCell("A3").value = 1e300;
    });
    const sortie = path.join(dossier(), "jamais-pdt.xlsx");
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01", "-o", sortie]);
    refus(
      r,
      "pdt-date-demesuree.xlsx\u00a0: Ligne 3\u00a0: date illisible «\u00a0########\u00a0» pour Yann Le Goff (PDT!A3)\u202f; attendu JJ/MM/AAAA ou la date en lettres avec l'année (15 avril 2026).",
      sortie,
    );
  });

  it("devis : le montant cité « ######## » et non compté, jamais « NaN »", async () => {
    const r = await devisF3("devis-date-demesuree.xlsx", "Scripte", 1e300, "dd/mm/yyyy");
    expect(r.out).not.toMatch(/NaN/);
    expect(controles(r.out).filter((c) => c.cellule === "Devis!F3")).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/« ######## »/) }),
    ]);
  });
});

describe("des espaces qui ne groupent pas des milliers", () => {
  it("FEC : « 1 2000,00 » rejeté avec sa ligne (avant : lu 12 000,00 € sans un mot)", async () => {
    const fec = path.join(dossier(), "fec-espaces.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n");
    lignes[1] = lignes[1].replace("\t12000,00\t", "\t1 2000,00\t");
    await fs.writeFile(fec, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", fec, "--json"]);
    const j = JSON.parse(r.out) as FecJson;
    expect(j.erreurs).toEqual([{ ligne: 2, message: "Ligne 2 rejetée : Debit « 1 2000,00 » n'est pas un montant." }]);
    expect(j.debit).toBe("35112.65");
  });

  it("devis : « 12 34 » et « 2024 1500 » nommés, non comptés ; « 1 234 567,89 » reste lu", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    ws.addRow(["21", "Réalisateur", null, null, null, "1\u202f234\u202f567,89"]);
    ws.addRow(["22", "Scripte", null, null, null, "12 34"]);
    ws.addRow(["23", "Régisseur", null, null, null, "2024 1500"]);
    const f = path.join(dossier(), "devis-espaces.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect((JSON.parse(r.out) as { devis: { total: string } }).devis.total).toBe("1234567.89");
    expect(controles(r.out).filter((c) => /n'est pas un montant/.test(c.message))).toEqual([
      expect.objectContaining({
        message: "Devis!F3 « Scripte » : « 12 34 » n'est pas un montant ; la ligne n'est pas comptée.",
      }),
      expect.objectContaining({
        message: "Devis!F4 « Régisseur » : « 2024 1500 » n'est pas un montant ; la ligne n'est pas comptée.",
      }),
    ]);
  });
});

describe("FEC : une ligne d'un seul champ", () => {
  it("« 1 champ au lieu de 18 » (avant : « 1 champs »)", async () => {
    const fec = path.join(dossier(), "fec-un-champ.txt");
    await fs.writeFile(fec, (await fs.readFile(FEC, "utf8")) + "fin de fichier\r\n");
    const r = await lancerCli(main, ["fec", fec, "--json"]);
    expect((JSON.parse(r.out) as FecJson).erreurs).toEqual([
      { ligne: 25, message: "Ligne 25 rejetée : 1 champ au lieu de 18." },
    ]);
  });
});

describe("--colonnes : une correspondance de colonnes mal typée", () => {
  const COLONNES = { compte: "CompteNum", date: "EcritureDate", debit: "Debit", credit: "Credit" };
  it.each([
    [
      { colonnes: { ...COLONNES, debit: 5 } },
      "«\u00a0colonnes.debit\u00a0» attend le nom d'une colonne de l'en-tête (un texte), reçu 5.",
    ],
    [
      { colonnes: { ...COLONNES, section: null } },
      "«\u00a0colonnes.section\u00a0» attend le nom d'une colonne de l'en-tête (un texte), reçu null.",
    ],
    [
      { colonnes: { ...COLONNES, debits: "Debit" } },
      /^«\u00a0colonnes\.debits\u00a0» inconnue \(clés\u00a0: compte, date, /,
    ],
    [
      { separateur: "x", colonnes: COLONNES },
      '«\u00a0separateur\u00a0» attend «\u202f;\u00a0», «\u00a0,\u00a0», «\u00a0|\u00a0» ou une tabulation («\u00a0\\t\u00a0»), reçu "x".',
    ],
    [
      { formatDate: "MM/JJ", colonnes: COLONNES },
      '«\u00a0formatDate\u00a0» attend «\u00a0JJ/MM/AAAA\u00a0», «\u00a0AAAA-MM-JJ\u00a0» ou «\u00a0AAAAMMJJ\u00a0», reçu "MM/JJ".',
    ],
  ])(
    "%j : la clé nommée, code 2 (avant : « Erreur interne : TypeError » ou chaque ligne rejetée)",
    async (mapping, message) => {
      const csv = path.join(dossier(), "grand-livre.csv");
      await fs.writeFile(csv, (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";"));
      const json = path.join(dossier(), "colonnes.json");
      await fs.writeFile(json, JSON.stringify(mapping));
      const r = await lancerCli(main, ["fec", csv, "--colonnes", json]);
      refus(
        r,
        typeof message === "string"
          ? `${json}\u00a0: ${message}`
          : new RegExp(`^${json.replace(/[.\\]/g, "\\$&")}\u00a0: ${message.source.slice(1)}`),
      );
    },
  );
});

describe("devis : un taux au format pourcentage dans la colonne des montants", () => {
  it("« 50 % » nommé, non compté (avant : compté 0,50 € sans un mot)", async () => {
    const r = await devisF3("devis-pourcentage.xlsx", "Prime", 0.5, "0%");
    expect((JSON.parse(r.out) as { devis: { total: string } }).devis.total).toBe("5000.00");
    expect(controles(r.out).filter((c) => c.cellule === "Devis!F3")).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        message: "Devis!F3 « Prime » : « 50 % » n'est pas un montant ; la ligne n'est pas comptée.",
      }),
    ]);
  });
});

describe("financement : un taux au format pourcentage dans la colonne des montants", () => {
  it("« 10 % » nommé, non compté (avant : compté 0,10 € sans un mot)", async () => {
    const f = await variante(FICTION, "fin-pourcentage.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E5").value = 0.1;
      ws.getCell("E5").numFmt = "0%";
      ws.getCell("F5").value = null;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect((JSON.parse(r.out) as { total: string }).total).toBe("900000.00");
    expect(controles(r.out).filter((c) => c.cellule === "Financement!E5")).toEqual([
      expect.objectContaining({
        gravite: "erreur",
        message: "Financement!E5 : montant « 10 % » illisible pour « Région Bretagne » ; ligne non comptée.",
      }),
    ]);
  });
});
