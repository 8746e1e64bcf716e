import ExcelJS from "exceljs";
import { ligneDe } from "../helpers/bilanCarbone";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { COL } from "../../src/core/carbone/colonnes";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { lireRecalcule, nombre, recalculer, sansResultats } from "../helpers/libreoffice";
import { lancerCli } from "../helpers/cli";

/** The example devis « Les Gardiens du littoral » with its plan de travail (sheet « PDT »). */
const PLAN = path.resolve(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
const FEC = path.resolve(__dirname, "../fixtures/fec/production-2024.txt");

const lancer = (args: string[]) => lancerCli(main, args);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbone-cli-"));
const col = (c: number) => String.fromCharCode(65 + c);

describe("prodbook carbone --json : le contrat public", () => {
  let j: {
    total: string;
    categories: {
      code: string;
      libelle: string;
      tCO2e: string;
      activites: {
        cellule: string;
        quantite: string | null;
        unite: string;
        facteur: string | null;
        source: string | null;
      }[];
    }[];
    manquants: { cellule: string; message: string }[];
    tables: { id: string; effetDu: string; confiance: string; sources: { titre: string; url: string }[] }[];
  };
  beforeAll(async () => {
    const r = await lancer(["carbone", PLAN, "--planning", "PDT", "--date", "2026-06-01", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.sortie).toHaveLength(1);
    j = JSON.parse(r.sortie[0]);
  });

  test("total en t CO₂e (deux décimales), catégories, activités avec cellule, quantité, unité, facteur, source", () => {
    // 978,88 kg + the post-production on its amount: (3 600 + 2 700 + 1 900 + 1 500) € = 9,7 k€ × 156 kg CO₂e/k€ HT
    // (Base Carbone 43375, 2023) = 1 513,2 kg → 2 492,08 kg.
    expect(j.total).toBe("2.49");
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(["total", "categories", "manquants", "definitif", "partActivite", "partMonetaire"]),
    );
    expect(j.categories.map((c) => [c.code, c.libelle, c.tCO2e])).toEqual([
      ["transport", "Transport de personnes", "0.00"],
      ["hebergement", "Hébergement", "0.31"],
      ["repas", "Repas", "0.15"],
      ["materiel", "Matériel technique", "0.00"],
      ["energie", "Énergie", "0.00"],
      ["achats", "Achats et services", "0.52"],
      ["postproduction", "Post-production", "1.51"],
    ]);
    // Added field: the « 0.00 » of a category whose every line waits for a quantity or a factor is no figure.
    expect(j.categories.filter((c) => (c as { nonChiffree?: boolean }).nonChiffree).map((c) => c.code)).toEqual([
      "transport",
      "materiel",
      "energie",
    ]);
    for (const c of j.categories) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(["code", "libelle", "tCO2e", "activites"]));
      for (const a of c.activites)
        expect(Object.keys(a)).toEqual(expect.arrayContaining(["cellule", "quantite", "unite", "facteur", "source"]));
    }
    const repas = j.categories.find((c) => c.code === "repas")!.activites[0];
    expect(repas).toMatchObject({
      cellule: "'Budget Gardiens'!B46",
      quantite: "72",
      unite: "repas",
      facteur: "2.04",
      source: "Base Carbone 20682 — Repas moyen [M, à vérifier]",
    });
    // Σ categories = total, to the kg the JSON gives.
    const kg = j.categories
      .flatMap((c) => c.activites)
      .reduce((s, a) => s + Number((a as unknown as { kgCO2e: string | null }).kgCO2e ?? 0), 0);
    expect((kg / 1000).toFixed(2)).toBe(j.total);
  });

  test("tables : la version de la table des facteurs utilisée, comme devis / financement / credit-impot", () => {
    // Then, last, the CNC nomenclature the devis was structured with (as `devis` names it).
    expect(j.tables.map((t) => t.id)).toEqual(["carbone-facteurs", "nomenclature-cnc"]);
    expect(Object.keys(j.tables[0])).toEqual(["id", "effetDu", "effetAu", "confiance", "aVerifier", "sources"]);
    expect(j.tables[0].id).toBe("carbone-facteurs");
    expect(j.tables[0].effetDu <= "2026-06-01").toBe(true);
    expect(j.tables[0].sources.length).toBeGreaterThan(0);
  });

  test("chaque ligne de transport, d'hébergement, de repas et de matériel du devis est une activité ou un manquant", () => {
    const activites = new Set(j.categories.flatMap((c) => c.activites.map((a) => a.cellule)));
    const manquants = new Set(j.manquants.map((m) => m.cellule));
    // Rows 43–48 (transports, lodging, meals, fuel) and 52–54 (equipment) of the example devis.
    for (const ligne of [43, 44, 45, 46, 47, 48, 52, 53, 54]) {
      const cellule = `'Budget Gardiens'!B${ligne}`;
      expect(activites.has(cellule) || manquants.has(cellule)).toBe(true);
    }
    const transport = j.categories.find((c) => c.code === "transport")!.activites;
    expect(transport.map((a) => a.cellule)).toEqual([
      "'Budget Gardiens'!B43",
      "'Budget Gardiens'!B44",
      "'Budget Gardiens'!B47",
      "PDT!A2",
      "PDT!A4",
      "PDT!A13",
    ]);
    // Every transport row without a distance is listed with its cell: never estimated, never guessed.
    for (const a of transport.filter((x) => x.quantite === null)) expect(manquants.has(a.cellule)).toBe(true);
    expect(j.manquants).toContainEqual({
      cellule: "'Budget Gardiens'!B52",
      message: expect.stringMatching(/^Facteur manquant pour « Location caméra »/),
    });
    for (const m of j.manquants) expect(Object.keys(m)).toEqual(["cellule", "message"]);
  });
});

describe("prodbook carbone -o et --csv", () => {
  const sortie = path.join(dir, "bilan.xlsx");
  const csv = path.join(dir, "export.csv");

  test("l'export CSV en français : BOM UTF-8, « ; », virgule décimale, groupé comme le formulaire du calculateur", async () => {
    const r = await lancer(["carbone", PLAN, "--date", "2026-06-01", "-o", sortie, "--csv", csv]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const texte = r.out;
    expect(texte).toContain(
      "Total prévisionnel\u00a0: 2,49 t CO₂e (données d'activité 18,3\u00a0%, ratios monétaires 81,7\u00a0%)",
    );
    expect(texte).toContain("doit être fait avec un outil homologué\u00a0: SeCO2, Carbon'Clap ou Carbon Stage");
    // What the total leaves out is said next to it, and a category without any figure is not « 0,00 t ».
    expect(texte).toContain(
      "Non chiffré\u00a0: 16\u202f130,00\u00a0€ de dépenses du devis (5\u202f630,00\u00a0€ à compléter, " +
        "10\u202f500,00\u00a0€ sans facteur d'émission), hors de ce total.",
    );
    expect(texte).toMatch(/\n {2}Matériel technique +non chiffré +\(3\u00a0activités/);
    expect(texte).toMatch(/\n {2}Hébergement +0,31 t +\(1\u00a0activité\)/);
    expect(texte).toMatch(/\n {2}Post-production +1,51 t +\(4\u00a0activités\)/);
    expect(texte).toContain(
      `Écrit\u00a0: ${sortie} (feuilles «\u00a0Bilan carbone\u00a0», «\u00a0Export carbone\u00a0»)`,
    );

    const octets = fs.readFileSync(csv);
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lignes = octets.subarray(3).toString("utf8").split("\r\n");
    expect(lignes[0]).toBe(
      "Catégorie;Poste du calculateur;Quantité;Unité;Montant devis (€);Lignes;À compléter;Quantité réalisée;Réalisé (€);Sources",
    );
    expect(lignes.slice(1)).toEqual([
      "Transport de personnes;Ferry;;passager.km;2400,00;1;1;;;'Budget Gardiens'!B47",
      "Transport de personnes;Train;;passager.km;2880,00;1;1;;;'Budget Gardiens'!B43",
      "Transport de personnes;Véhicule utilitaire;;km;1950,00;1;1;;;'Budget Gardiens'!B44",
      `Transport de personnes;Voiture;;km;0,00;3;3;;;"PDT!A2 ; PDT!A4 ; PDT!A13"`,
      "Hébergement;Hébergement (nuitées);72;nuitée;6120,00;1;0;;;'Budget Gardiens'!B45",
      "Repas;Repas (régime non précisé);72;repas;1454,40;1;0;;;'Budget Gardiens'!B46",
      "Matériel technique;Location caméra;20;jour;4800,00;1;0;;;'Budget Gardiens'!B52",
      "Matériel technique;Location drone;2;jour;1800,00;1;0;;;'Budget Gardiens'!B54",
      "Matériel technique;Location son;20;jour;1500,00;1;0;;;'Budget Gardiens'!B53",
      "Énergie;Carburant (gazole);;litre;800,00;1;1;;;'Budget Gardiens'!B48",
      "Achats et services;Assurances;2200;€ HT;2200,00;1;0;;;'Budget Gardiens'!B66",
      "Achats et services;Consommables (supports, batteries);600;€ HT;600,00;1;0;;;'Budget Gardiens'!B55",
      "Achats et services;Décors, accessoires, costumes;300;€ HT;300,00;1;0;;;'Budget Gardiens'!B39",
      `Achats et services;Services juridiques et comptables;2300;€ HT;2300,00;2;0;;;"'Budget Gardiens'!B67 ; 'Budget Gardiens'!B68"`,
      "Post-production;Post-production;1500;€ HT;1500,00;1;0;;;'Budget Gardiens'!B62",
      // 8 weeks of editing (40 days of use) and 5 days of other post-production: one calculator line of 45 days.
      `Post-production;Post-production;45;jour;8200,00;3;0;;;"'Budget Gardiens'!B59 ; 'Budget Gardiens'!B60 ; 'Budget Gardiens'!B61"`,
    ]);
  });

  test("une correction saisie dans « Bilan carbone » est gardée par une nouvelle exécution et change le total", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Bilan carbone")!;
    // The Paris–Brest train: 24 return trips × 1 180 passager.km.
    ws.getCell(`${col(COL.quantite)}${ligneDe(ws, "devis:Budget Gardiens!43")}`).value = 28320;
    const corrige = path.join(dir, "corrige.xlsx");
    await wb.xlsx.writeFile(corrige);

    const rafraichi = path.join(dir, "rafraichi.xlsx");
    const r = await lancer(["carbone", corrige, "--date", "2026-06-01", "--json", "-o", rafraichi]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.sortie[0]);
    const train = j.categories[0].activites.find((a: { cellule: string }) => a.cellule === "'Budget Gardiens'!B43");
    expect(train).toMatchObject({ quantite: "28320", corrigee: true, kgCO2e: "82.978", methode: "donnée d'activité" });
    // 2 492,08 + 82,9776 kg
    expect(j.total).toBe("2.58");
    expect(j.manquants.map((m: { cellule: string }) => m.cellule)).not.toContain("'Budget Gardiens'!B43");

    const relu = new ExcelJS.Workbook();
    await relu.xlsx.readFile(rafraichi);
    const b = relu.getWorksheet("Bilan carbone")!;
    expect(b.getCell(`${col(COL.quantite)}${ligneDe(b, "devis:Budget Gardiens!43")}`).value).toBe(28320);
    // The prévisionnel's note says the quantity typed, not read: 28 320 × 0,00293 kg (Base Carbone 43256) = 0,082978 t.
    const note = String(b.getCell(`${col(COL.previsionnel)}${ligneDe(b, "devis:Budget Gardiens!43")}`).note);
    expect(note.split("\n").slice(0, 3)).toEqual([
      "Prévisionnel (t CO₂e) : 0,0829776",
      `= N${ligneDe(b, "devis:Budget Gardiens!43")} × L${ligneDe(b, "devis:Budget Gardiens!43")} ÷ 1 000 (base × facteur, kg → t)`,
      "← Base (passager.km) : 28\u202f320 (saisie dans la feuille « Bilan carbone »)",
    ]);
    // The factor's identifier on its line, its confidence with its rule.
    expect(note).toContain("← Facteur d'émission (kg CO₂e / passager.km) : 0,00293 (Base Carbone 43256 — TGV, 2022)\n");
    expect(note).toContain("Règle : carbone.train-tgv, en vigueur au 31\u00a0mars\u00a02023, confiance H — https://");
  });

  test("l'unité s'écrit « CO₂e » dans le texte, les feuilles et leurs notes ; les champs JSON gardent tCO2e, kgCO2e", async () => {
    const ecrit = path.join(dir, "unite.xlsx");
    const texte = await lancer(["carbone", PLAN, "--date", "2026-06-01", "-o", ecrit]);
    expect(texte.out).toContain("t CO₂e");
    expect(texte.out).not.toMatch(/(?<![A-Za-z])CO2e/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ecrit);
    const ascii: string[] = [];
    let unites = 0;
    for (const nom of ["Bilan carbone", "Export carbone"])
      wb.getWorksheet(nom)!.eachRow((r) =>
        r.eachCell((c) => {
          for (const t of [c.value, c.note])
            if (typeof t === "string") {
              // Quotations of a source keep its spelling: « kgCO2e/kWh », « ktCO2e », a law's « ou CO2e ».
              if (/(?<![A-Za-z])CO2e/.test(t.replace(/équivalent ou CO2e/g, ""))) ascii.push(`${nom}!${c.address}`);
              if (t.includes("CO₂e")) unites++;
            }
        }),
      );
    expect(ascii).toEqual([]);
    expect(unites).toBeGreaterThan(20);
    const j = JSON.parse((await lancer(["carbone", PLAN, "--date", "2026-06-01", "--json"])).sortie[0]);
    expect(Object.keys(j.categories[0])).toEqual(expect.arrayContaining(["tCO2e", "tCO2eDefinitif"]));
    expect(Object.keys(j.categories[1].activites[0])).toEqual(expect.arrayContaining(["kgCO2e", "kgCO2eDefinitif"]));
  });
});

describe("prodbook carbone : définitif à côté du prévisionnel", () => {
  test("après prodbook ecarts, le réalisé par poste donne le définitif (ratio monétaire × réalisé)", async () => {
    const devis = path.join(dir, "devis-doc.xlsx");
    await ecrireDevisTest(devis);
    const corr = path.join(dir, "correspondances.csv");
    fs.writeFileSync(corr, "compte;poste;libelle\n625;6.1;Déplacements\n616;9.1;Assurance\n6135;7.1;Caméra\n");
    const ecarts = path.join(dir, "ecarts.xlsx");
    const e = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", ecarts]);
    expect(e.err).toBe("");

    const sortie = path.join(dir, "carbone-ecarts.xlsx");
    const r = await lancer(["carbone", ecarts, "--date", "2026-06-01", "--json", "-o", sortie]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.sortie[0]);
    // Assurance production: budget 1 200 € × 77 kg/k€ = 92,4 kg; réalisé 1 250 € (compte 616) → 96,25 kg.
    const achats = j.categories.find((c: { code: string }) => c.code === "achats");
    expect(achats.activites[0]).toMatchObject({
      cellule: "'Budget doc'!B20",
      kgCO2e: "92.4",
      kgCO2eDefinitif: "96.25",
    });
    // The total adds « Montage et étalonnage » (9 000 € × 156 kg CO₂e/k€ HT = 1 404 kg), whose poste has no réalisé.
    expect([j.total, j.definitif, achats.tCO2e, achats.tCO2eDefinitif]).toEqual(["1.50", "0.10", "0.09", "0.10"]);
    // A category with no line having a réalisé: its définitif is unknown (null), not « 0 t ».
    const sans = j.categories.filter((c: { activites: unknown[] }) => c.activites.length === 0);
    expect(sans.length).toBeGreaterThan(0);
    expect(sans.map((c: { tCO2eDefinitif: string | null }) => c.tCO2eDefinitif)).toEqual(sans.map(() => null));

    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const ws = lu.getWorksheet("Bilan carbone")!;
    const l = ligneDe(ws, "devis:Budget doc!20");
    // A live link to the Écarts cell, so that the next run never takes it for a réalisé the user typed.
    expect(ws.getCell(`${col(COL.realise)}${l}`).formula).toMatch(/^'Écarts'!G\d+$/);
    expect(ws.getCell(`${col(COL.realise)}${l}`).result).toBe(1250);
    const cache = (ref: string) => (ws.getCell(ref).value as ExcelJS.CellFormulaValue).result;
    expect([cache(`${col(COL.previsionnel)}${l}`), cache(`${col(COL.definitif)}${l}`)]).toEqual([0.0924, 0.09625]);
    expect([ws.getCell("A5").value, ws.getCell("C5").value]).toEqual([
      "Total prévisionnel (t CO₂e)",
      "Total définitif (t CO₂e)",
    ]);
  });
});

describe("prodbook carbone : un réalisé imputé au chapitre n'est pas un réalisé de 0 sur ses lignes", () => {
  test("correspondances par chapitre (table par défaut) : pas de définitif inventé, le montant du chapitre nommé", async () => {
    const exemple = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
    const fec = path.resolve(__dirname, "../../assets/exemple/fec-exemple.txt");
    const ecarts = path.join(dir, "ecarts-chapitres.xlsx");
    const e = await lancer(["ecarts", exemple, "--fec", fec, "-o", ecarts]);
    expect(e.code).toBe(0);
    const r = await lancer(["carbone", ecarts, "--date", "2026-06-01", "--json"]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.sortie[0]);
    // Every poste of the bilan's chapters has a réalisé of 0 of its own: the Grand livre's 276 € of chapter 5 went
    // to the chapter. The définitif is unknown (null), not 0 t.
    expect(j.total).toBe("2.49");
    expect(j.definitif).toBeNull();
    expect(j.categories.map((c: { tCO2eDefinitif: string | null }) => c.tCO2eDefinitif)).toEqual(
      j.categories.map(() => null),
    );
    const imputes = j.manquants.filter((m: { cellule: string }) => m.cellule.startsWith("'Écarts'!"));
    // Chapters 5 to 9 hold the bilan's activities; 1, 2 and 4 (rights, staff, social charges) do not and stay silent.
    expect(imputes.map((m: { message: string }) => m.message.match(/du chapitre (\d+)/)![1])).toEqual([
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    expect(imputes[0].message).toBe(
      "276,00\u00a0€ de réalisé du chapitre 5 sont imputés au chapitre, à aucune de ses lignes " +
        "(« Décors et costumes — imputé au chapitre ») : ils manquent au bilan définitif, et les lignes du chapitre " +
        "sans réalisé propre n'ont pas de définitif. Affectez ces comptes aux postes dans les correspondances.",
    );
  });
});

describe("prodbook carbone : un réalisé de 0 sur un poste est 0, pas « absent »", () => {
  test("poste sans écriture au Grand livre : définitif 0, pas null", async () => {
    const devis = path.join(dir, "devis-zero.xlsx");
    await ecrireDevisTest(devis);
    // Compte 616 (assurance) not mapped: the poste 9.1 « Assurance production » has a réalisé of 0.
    const corr = path.join(dir, "correspondances-zero.csv");
    fs.writeFileSync(corr, "compte;poste;libelle\n625;6.1;Déplacements\n6135;7.1;Caméra\n");
    const ecarts = path.join(dir, "ecarts-zero.xlsx");
    const e = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", ecarts]);
    expect(e.err).toBe("");
    const sortie = path.join(dir, "carbone-zero.xlsx");
    const r = await lancer(["carbone", ecarts, "--date", "2026-06-01", "--json", "-o", sortie]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.sortie[0]);
    const achats = j.categories.find((c: { code: string }) => c.code === "achats");
    expect(achats.activites[0]).toMatchObject({ cellule: "'Budget doc'!B20", kgCO2e: "92.4", kgCO2eDefinitif: "0" });
    expect([j.total, j.definitif, achats.tCO2eDefinitif]).toEqual(["1.50", "0.00", "0.00"]);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const ws = lu.getWorksheet("Bilan carbone")!;
    const l = ligneDe(ws, "devis:Budget doc!20");
    expect(ws.getCell(`${col(COL.realise)}${l}`).result).toBe(0);
    // ExcelJS's `value.result` drops a cached 0 (exceljs #1528): its `result` getter keeps it.
    expect(ws.getCell(`${col(COL.definitif)}${l}`).result).toBe(0);
  });
});

describe("prodbook carbone : un montant du devis non lu est listé, pas perdu sans un mot", () => {
  test("#REF! sur le train, « 12.500 » sur le catering : deux manquants avec leur cellule, hors de la pré-estimation", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Unité", "Montant"]);
    ws.addRow(["61", "Billets de train Paris-Brest", 10, "A/R", { error: "#REF!" }]);
    ws.addRow(["62", "Catering tournage", 20, "repas", "12.500"]);
    ws.addRow(["63", "Hôtel équipe", 30, "nuits", 3000]);
    const f = path.join(dir, "carbone-non-lus.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancer(["carbone", f, "--date", "2026-06-01", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { manquants: { cellule: string; message: string }[] };
    const nonLus = j.manquants.filter((m) => m.message.startsWith("Montant non lu"));
    expect(nonLus.map((m) => m.cellule)).toEqual(["Devis!E2", "Devis!E3"]);
    expect(nonLus[0].message).toBe(
      "Montant non lu (erreur Excel, texte ambigu, date ou autre devise) : cette ligne n'entre pas dans la " +
        "pré-estimation. Le contrôle du devis dit pourquoi ; corrigez-la, puis relancez.",
    );
    // The text output lists them under « À compléter », with the others.
    const t = await lancer(["carbone", f, "--date", "2026-06-01"]);
    expect(t.out).toMatch(/Devis!E3 — Montant non lu/);
  });
});

describe("prodbook carbone : entrée invalide → code 2, message en français, rien n'est écrit", () => {
  test.each([
    [["--planning", "Tournage"], /La feuille de plan de travail «\u00a0Tournage\u00a0» n'existe pas dans le classeur/],
    [["--planning", "Budget Gardiens"], /«\u00a0Budget Gardiens\u00a0» n'a pas d'en-tête de plan de travail/],
    [["--date", "1er juin"], /L'option --date attend une date AAAA-MM-JJ/],
  ])("%j", async (options, message) => {
    const sortie = path.join(dir, `jamais-${options[1].replace(/\W/g, "")}.xlsx`);
    const csv = sortie.replace(/xlsx$/, "csv");
    const r = await lancer(["carbone", PLAN, ...options, "-o", sortie, "--csv", csv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.sortie).toEqual([]);
    expect(fs.existsSync(sortie) || fs.existsSync(csv)).toBe(false);
  });

  test("--csv impossible à écrire (dossier absent) : code 2, ni le CSV ni le classeur -o écrits", async () => {
    const sortie = path.join(dir, "jamais-csv.xlsx");
    const csv = path.join(dir, "absent", "export.csv");
    const r = await lancer(["carbone", PLAN, "--date", "2026-06-01", "-o", sortie, "--csv", csv]);
    // Checked before any work, like -o: the missing folder is named.
    expect({ code: r.code, sortie: r.sortie, err: r.err }).toEqual({
      code: 2,
      sortie: [],
      err: `Écriture impossible de «\u00a0${csv}\u00a0»\u00a0: dossier «\u00a0${path.dirname(csv)}\u00a0» introuvable.`,
    });
    expect(fs.existsSync(sortie)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  test("--csv sans l'extension .csv", async () => {
    const r = await lancer(["carbone", PLAN, "--csv", path.join(dir, "export.txt")]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/doit avoir l'extension \.csv/)]);
  });
});

describe("prodbook carbone : facteurs lus dans la publication de l'ADEME (Impact CO2) sur un vrai classeur", () => {
  test("vol 2 000-5 000 km estimé (plus « facteur manquant »), TER et repas végétarien au facteur H, cités avec l'adresse", async () => {
    const devis = path.join(dir, "devis-vols.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget tournage");
    ws.addRow(["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"]);
    ws.addRow(["6", "TRANSPORTS, DÉFRAIEMENTS, RÉGIE"]);
    ws.addRow(["6.1", "Vols Paris–Dakar (4 200 km)", 6, "billet", 1, 600, 3600]);
    ws.addRow(["6.2", "Billets TER Quimper–Brest", 120, "km", 10, 0.2, 240]);
    ws.addRow(["6.3", "Vols Paris–Toulouse (680 km)", 4, "billet", 1, 150, 600]);
    ws.addRow(["6.4", "Catering végétarien", 50, "repas", 4, 12, 2400]);
    await wb.xlsx.writeFile(devis);

    const sortie = path.join(dir, "bilan-vols.xlsx");
    const r = await lancer(["carbone", devis, "--date", "2026-06-01", "--json", "-o", sortie]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.sortie[0]);
    const activites = j.categories.flatMap(
      (c: { activites: { cellule: string; quantite: string; facteur: string; kgCO2e: string; source: string }[] }) =>
        c.activites,
    );
    expect(
      activites.map((a: { cellule: string; quantite: string; facteur: string; kgCO2e: string; source: string }) => [
        a.cellule,
        a.quantite,
        a.facteur,
        a.kgCO2e,
        a.source,
      ]),
    ).toEqual([
      // 6 × 4 200 passager.km × 0,166794 = 4 203,2088 kg (the JSON gives grams): the 2 000-5 000 km band, « facteur
      // manquant » before.
      [
        "'Budget tournage'!B3",
        "25200",
        "0.166794",
        "4203.209",
        "Base Carbone 43747 — Avion passagers, « Long courrier » (Impact CO2 : au-delà de 2 000 km), 2023, avec " +
          "traînées [M, à vérifier]",
      ],
      ["'Budget tournage'!B4", "1200", "0.02769", "33.228", "Base Carbone 43255 — TER, 2022, traction moyenne [H]"],
      [
        "'Budget tournage'!B5",
        "2720",
        "0.224572",
        "610.836",
        "Base Carbone 43743 — Avion passagers, 500-1 000 km, 2023, avec traînées (« Court courrier » sur Impact CO2) [H]",
      ],
      ["'Budget tournage'!B6", "200", "0.51", "102", "Base Carbone 20683 — Repas végétarien [H]"],
    ]);
    // 4 203,2088 + 33,228 + 610,83584 + 102 = 4 949,27264 kg
    expect([j.total, j.partActivite, j.categories.map((c: { tCO2e: string }) => c.tCO2e)]).toEqual([
      "4.95",
      "1.0000",
      ["4.85", "0.00", "0.10", "0.00", "0.00", "0.00", "0.00"],
    ]);
    expect(j.manquants).toEqual([]);

    // The factor table of the sheet gives, for an H factor, the pinned address where it was read.
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const b = lu.getWorksheet("Bilan carbone")!;
    const ter = ligneDe(b, "train-ter");
    expect([b.getCell(`C${ter}`).value, b.getCell(`I${ter}`).value]).toEqual([0.02769, "H"]);
    expect(String(b.getCell(`J${ter}`).value)).toMatch(
      /— https:\/\/github\.com\/incubateur-ademe\/impactco2\/blob\/8076a4895ecebd0c781ec6489ba2008b87915b09\/src\/data\/categories\/deplacement\.json#L581-L605$/,
    );

    // LibreOffice, from the sheet's formulas with every cached result dropped, gives the same 4,95 t.
    const { fichier } = await sansResultats(sortie);
    const recalcule = (await lireRecalcule(await recalculer(fichier))).getWorksheet("Bilan carbone")!;
    expect(nombre(recalcule.getCell("B5"))).toBeCloseTo(4.94927264, 9);
    const vol = ligneDe(recalcule, "devis:Budget tournage!3");
    expect(nombre(recalcule.getCell(`${col(COL.previsionnel)}${vol}`))).toBeCloseTo(4.2032088, 9);
  });
});
