import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";

const lancer = (args: string[]) => lancerCli(main, ["regles", ...args]);

const DATA = path.join(__dirname, "../../src/core/regles/data");
const ids = fs
  .readdirSync(DATA)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();

let dossier: string;
let classeur: string;
beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-regles-"));
  classeur = path.join(dossier, "parametres.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Devis").addRow(["Code", "Libellé", "Montant"]);
  const p = wb.addWorksheet("Paramètres");
  p.addRow(["Paramètre", "Valeur"]);
  p.addRow(["credit-impot.cinema.taux", "25 %"]);
  p.addRow(["devis.salaire-minimum.directeur-photo", "600"]);
  p.addRow(["taux-tva", "20 %"]);
  await wb.xlsx.writeFile(classeur);
});
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

describe("prodbook regles --json", () => {
  test("chaque table avec sa version en vigueur à la date, ses chiffres, sa confiance et ses sources", async () => {
    const r = await lancer(["--date", "2026-01-15", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["date", "tables", "surchargesNonRattachees"]);
    expect(j.date).toBe("2026-01-15");
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual(ids);
    for (const t of j.tables) {
      // surchargesRefusees: added (overrides the calculation refuses), after the original fields.
      expect(Object.keys(t)).toEqual(["id", "description", "version", "surcharges", "surchargesRefusees"]);
      if (t.version === null) continue;
      expect(Object.keys(t.version)).toEqual([
        "effetDu",
        "effetAu",
        "confiance",
        "sources",
        "valeurs",
        "aVerifier",
        "motifConfiance",
        "recherche",
      ]);
      expect(t.version.sources.length).toBeGreaterThan(0);
      for (const s of t.version.sources) expect(Object.keys(s)).toEqual(["titre", "url"]);
      // Every version below H says why (issue 11 §1).
      if (t.version.confiance !== "H") expect(t.version.motifConfiance).toEqual(expect.any(String));
      expect([t.id, typeof t.version.recherche]).toEqual([t.id, t.version.recherche === null ? "object" : "string"]);
    }
    // Added field (issue 13): the research log behind a short motif, null when the version has none.
    const cinema2026 = j.tables.find((t: { id: string }) => t.id === "credit-impot-cinema").version;
    expect(cinema2026.motifConfiance.length).toBeLessThanOrEqual(300);
    expect(cinema2026.recherche).toContain("Seconde recherche du 4 décembre 2026");
    expect(j.tables.find((t: { id: string }) => t.id === "credit-impot-cinema-plafond").version.recherche).toBeNull();
    const plafond = j.tables.find((t: { id: string }) => t.id === "credit-impot-cinema-plafond");
    expect(plafond.version).toMatchObject({
      effetDu: "2016-01-01",
      effetAu: null,
      confiance: "H",
      valeurs: { plafondOeuvre: 3000000000 },
    });
    expect(plafond.surcharges).toEqual({});
  });

  test("au 6 décembre 2026, chaque table a une version et une confiance (crédit phonographique compris)", async () => {
    const j = JSON.parse((await lancer(["--date", "2026-12-06", "--json"])).out);
    const sansVersion = j.tables
      .filter((t: { version: unknown }) => t.version === null)
      .map((t: { id: string }) => t.id);
    expect(sansVersion).toEqual([]);
    const phono = j.tables.find((t: { id: string }) => t.id === "credit-impot-phonographique").version;
    // Prorogation to 2027 (LF 2024 art. 54): 20 %, 40 % for SMEs, 1.5 M€ per company, from a public-aid page [M].
    expect(phono).toMatchObject({
      effetDu: "2025-01-01",
      effetAu: "2027-12-31",
      confiance: "M",
      aVerifier: true,
      valeurs: { taux: "0.20", tauxPme: "0.40", plafondEntreprise: 150000000 },
    });
    expect(phono.motifConfiance).toContain("LEGIARTI000042908783");
  });

  test("la date choisit la version : IDCC 2642 au 30 juin et au 1er juillet 2025", async () => {
    const version = async (date: string) =>
      JSON.parse((await lancer(["--date", date, "--json"])).out).tables.find(
        (t: { id: string }) => t.id === "idcc2642-minima",
      ).version;
    expect((await version("2025-06-30")).effetDu).toBe("2025-01-01");
    expect((await version("2025-07-01")).effetDu).toBe("2025-07-01");
    expect(await version("2024-12-31")).toBeNull();
  });

  test("--classeur : les surcharges de la feuille Paramètres, chacune sous sa table, les autres à part", async () => {
    const r = await lancer(["--date", "2026-01-15", "--classeur", classeur, "--json"]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    const table = (id: string) => j.tables.find((t: { id: string }) => t.id === id);
    expect(table("credit-impot-cinema").surcharges).toEqual({
      "credit-impot.cinema.taux": { valeur: "25 %", cellule: "'Paramètres'!B2" },
    });
    const minimum = { "devis.salaire-minimum.directeur-photo": { valeur: "600", cellule: "'Paramètres'!B3" } };
    expect(table("idcc2642-minima").surcharges).toEqual(minimum);
    expect(table("idcc3097-minima").surcharges).toEqual(minimum);
    // proches: added (the known keys an unread one most likely meant), empty when none is close.
    expect(j.surchargesNonRattachees).toEqual({
      "taux-tva": { valeur: "20 %", cellule: "'Paramètres'!B4", proches: [] },
    });
  });
});

describe("prodbook regles (texte)", () => {
  test("une date avant toutes les tables : refusée en nommant la première (avant : « aucune n'a de version en vigueur »)", async () => {
    const r = await lancer(["--date", "1990-01-01"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(
      "L'option --date attend une date à partir du 1er\u00a0janvier\u00a02000\u00a0: les tables de règles de Prodbook commencent en " +
        "2000, reçu «\u00a01er\u00a0janvier\u00a01990\u00a0».",
    );
    const tot = await lancer(["--date", "2018-01-15"]);
    expect(tot.out).toMatch(
      /^[^\n]*, dont \d+ à vérifier \(confiance M ou L\) et \d+ sans version en vigueur à cette date\.\n/,
    );
  });

  test("lisible par un comptable : dates et montants en français, « à vérifier » et son motif, sources, surcharges", async () => {
    const r = await lancer(["--date", "2026-01-15", "--classeur", classeur]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Règles en vigueur le 15\u00a0janvier\u00a02026\u00a0: \d+ tables, dont \d+ à vérifier/);
    expect(r.out).toContain("■ credit-impot-cinema-plafond — ");
    expect(r.out).toContain(
      "Version du 1er\u00a0janvier\u00a02016 (toujours en vigueur) — confiance H\u00a0: texte primaire",
    );
    expect(r.out).toContain("    Plafond par œuvre\u00a0: 30\u202f000\u202f000,00\u00a0€");
    const cinema = r.out.slice(r.out.indexOf("■ credit-impot-cinema —"));
    expect(cinema).toMatch(/confiance M\u00a0: à vérifier\n {2}Pourquoi à vérifier\u00a0: /);
    // The motif for the accountant, one line; then, for the auditor, the research log (issue 13).
    const section = (id: string) => {
      const debut = r.out.indexOf(`■ ${id} —`);
      const fin = r.out.indexOf("\n■ ", debut);
      return r.out.slice(debut, fin < 0 ? undefined : fin);
    };
    const motif = /\n {2}Pourquoi à vérifier\u00a0: (.*)\n {2}Recherches\u00a0: (.*)\n/.exec(
      section("credit-impot-cinema"),
    );
    expect(motif?.[1]).toContain("loi n° 2026-103 du 19 février 2026");
    expect(motif?.[1].length).toBeLessThanOrEqual(300);
    expect(motif?.[2]).toMatch(/^Aucun texte publié au Journal officiel .*Piste suivante\u00a0: /);
    expect(section("credit-impot-cinema-plafond")).toContain("Plafond par œuvre");
    expect(section("credit-impot-cinema-plafond")).not.toContain("Recherches\u00a0:");
    expect(cinema).toMatch(/ {2}Source\u00a0: .* — https:\/\//);
    expect(cinema).toContain("    Taux\u00a0: 20,00\u00a0%");
    expect(cinema).toContain(
      "  Surchargé par le classeur\u00a0: credit-impot.cinema.taux = 25\u00a0% ('Paramètres'!B2)",
    );
    expect(r.out).toContain(
      "Paramètres du classeur qu'aucune table ne lit (faute de frappe\u202f?)\u00a0:\n  taux-tva = 20\u00a0%",
    );
  });

  test("un chiffre à sa propre confiance M ou L est « à vérifier » sur sa ligne, même sous une version H", async () => {
    const r = await lancer(["--date", "2025-06-01"]);
    expect(r.code).toBe(0);
    // The CLI's typography: U+00A0 before « : » and « % », U+202F before « ; ».
    const lignes = r.out.split("\n").map((l) => l.replace(/[\u00a0\u202f]/g, " "));
    const ligne = (debut: string) => lignes.find((l) => l.startsWith(debut)) ?? `(aucune ligne « ${debut} »)`;
    // Charges: the CDDU surcharge (annexe VIII of 2024 read only in a copy) and the AGS rate, under a version L.
    expect(ligne("    Majorations › cddu-3-mois : ")).toContain("; taux = 0,50 % ; confiance = M (à vérifier) ;");
    expect(ligne("    Composantes › ags : ")).toContain("; taux = 0,25 % ; confiance = M (à vérifier) ;");
    // Cinema devis: frais généraux M, imprévus L.
    expect(ligne("    Frais généraux : ")).toBe("    Frais généraux : taux = 7,00 % ; confiance = M (à vérifier)");
    expect(ligne("    Imprévus : ")).toBe("    Imprévus : taux = 7,00 % ; confiance = L (à vérifier)");
    // Accord transparence (version M): the fiction line read in the text stays H, the others are « à vérifier ».
    expect(ligne("    Fiction › confiance : ")).toBe("    Fiction › confiance : H");
    expect(ligne("    Documentaire : ")).toMatch(/; confiance = M \(à vérifier\)$/);
    // No figure confidence M or L left bare anywhere in the listing.
    expect(lignes.filter((l) => /confiance (?:=|:) [ML](?! \(à vérifier\))/.test(l))).toEqual([]);
  });
});

/**
 * Numbers written the English way in a text: « -0.2 », « 612.5 ». Not numbers: what an address holds, an article or a
 * poste code (« art. 4.3 », « 2.3 » between guillemets), a version « 3.449.0 », an identifier « V23.6 ».
 */
function decimalesAnglaises(texte: string): string[] {
  return texte
    .split("\n")
    .flatMap((ligne, i) =>
      [...ligne.replace(/https?:\/\/\S+/g, " ").matchAll(/(?<![\p{L}\p{N}_.,/-])-?\d+\.\d+(?![\p{L}\p{N}_]|\.\d)/gu)]
        .filter((m) => !/(art\.|article|«)\s*$/.test(m.input.slice(0, m.index)))
        .map((m) => `ligne ${i + 1} : « ${m[0]} » dans « ${ligne.trim().slice(0, 100)} »`),
    );
}

describe("prodbook regles (texte) : chaque nombre en français", () => {
  let chiffres: string;
  beforeAll(async () => {
    // What a user types in « Paramètres »: a rate in a percent-formatted cell (-20 %, stored -0.2), a plain number
    // with decimals, a rate typed as text the English way, an amount with cents, for a table or for none.
    chiffres = path.join(dossier, "parametres-decimaux.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Devis").addRow(["Code", "Libellé", "Montant"]);
    const p = wb.addWorksheet("Paramètres");
    p.addRow(["Paramètre", "Valeur"]);
    p.addRow(["credit-impot.cinema.taux", 0.3]);
    p.getCell("B2").numFmt = "0%";
    p.addRow(["devis.salaire-minimum.directeur-photo", 612.5]);
    p.addRow(["credit-impot.audiovisuel.taux.fiction", "0.25"]);
    p.addRow(["taux-tva", -0.2]);
    p.getCell("B5").numFmt = "0.00%";
    p.addRow(["ecarts.seuil", -0.25]);
    await wb.xlsx.writeFile(chiffres);
  });

  test("surcharges en français (« −20,00 % », « −0,25 », « 612,5 »), --json inchangé (« -0.2 »)", async () => {
    const r = await lancer(["--date", "2026-01-15", "--classeur", chiffres]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "  Surchargé par le classeur\u00a0: credit-impot.cinema.taux = 30,00\u00a0% ('Paramètres'!B2)",
    );
    expect(r.out).toContain(
      "  Surchargé par le classeur\u00a0: devis.salaire-minimum.directeur-photo = 612,5 ('Paramètres'!B3)",
    );
    expect(r.out).toContain(
      "  Surchargé par le classeur\u00a0: credit-impot.audiovisuel.taux.fiction = 0,25 ('Paramètres'!B4)",
    );
    expect(r.out).toContain("  ecarts.seuil = −0,25 ('Paramètres'!B6)\n  taux-tva = −20,00\u00a0% ('Paramètres'!B5)");
    const j = JSON.parse((await lancer(["--date", "2026-01-15", "--classeur", chiffres, "--json"])).out);
    expect(j.surchargesNonRattachees).toEqual({
      "ecarts.seuil": { valeur: "-0.25", cellule: "'Paramètres'!B6", proches: [] },
      "taux-tva": { valeur: "-0.2", cellule: "'Paramètres'!B5", proches: [] },
    });
    expect(j.tables.find((t: { id: string }) => t.id === "credit-impot-cinema").surcharges).toEqual({
      "credit-impot.cinema.taux": { valeur: "0.3", cellule: "'Paramètres'!B2" },
    });
  });

  test("toute la sortie texte, à chaque date où une table change de version : aucun nombre à l'anglaise", async () => {
    const j = JSON.parse((await lancer(["--date", "2026-01-15", "--json"])).out);
    const dates = new Set<string>(["2026-01-15"]);
    for (const id of ids) {
      const t = JSON.parse(fs.readFileSync(path.join(DATA, `${id}.json`), "utf8"));
      for (const v of t.versions) dates.add(v.effetDu);
    }
    expect(j.tables.length).toBe(ids.length);
    expect(dates.size).toBeGreaterThan(5);
    // The scan sees an English decimal when there is one (the raw JSON is full of them).
    expect(decimalesAnglaises(JSON.stringify(j.tables)).length).toBeGreaterThan(10);
    const fautes: string[] = [];
    for (const date of [...dates].sort()) {
      const r = await lancer(["--date", date, "--classeur", chiffres]);
      expect([date, r.code, r.err]).toEqual([date, 0, ""]);
      expect(r.out).toContain("Valeurs\u00a0:");
      fautes.push(...decimalesAnglaises(r.out).map((f) => `${date}, ${f}`));
    }
    expect(fautes).toEqual([]);
  });
});

describe("prodbook regles : entrées invalides → message français, code 2", () => {
  test("date impossible, classeur absent, argument en trop", async () => {
    const d = await lancer(["--date", "2026-02-30"]);
    expect([d.code, d.err]).toEqual([
      2,
      "L'option --date attend une date AAAA-MM-JJ, reçu «\u00a02026-02-30\u00a0»\u00a0: février 2026 n'a que 28 jours.",
    ]);
    const f = await lancer(["--classeur", path.join(dossier, "absent.xlsx")]);
    expect(f.code).toBe(2);
    expect(f.err).toBe(`Fichier introuvable\u00a0: «\u00a0${path.join(dossier, "absent.xlsx")}\u00a0» (classeur).`);
    const a = await lancer(["classeur.xlsx"]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/Argument en trop «\u00a0classeur.xlsx\u00a0»/);
  });
});

// Every Paramètres key no calculation reads is listed apart with the keys it most likely meant, whatever its prefix:
// before, a typo in the prefix (« credit-impt. ») or a key under a table no calculation overrides (« smic-horaire. »,
// « carbone.trottinette », « charges-sociales.technicien ») was either listed without a hint or shown « Surchargé par
// le classeur » while nothing read it. The keys each calculation does read stay under their tables.
describe("prodbook regles --classeur : toute clé qu'aucun calcul ne lit est nommée, avec les clés proches", () => {
  let fautes: string;
  beforeAll(async () => {
    fautes = path.join(dossier, "parametres-fautes.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Devis").addRow(["Code", "Libellé", "Montant"]);
    const p = wb.addWorksheet("Paramètres");
    p.addRow(["Paramètre", "Valeur"]);
    for (const ligne of [
      ["credit-impt.cinema.taux", "25 %"], // B2
      ["temps-de-travial.2642.repos-quotidien", "11"], // B3
      ["credit-impot-cinema.taux", "25 %"], // B4
      ["smic-horaire.taux", "12"], // B5
      ["carbone.trottinette", "1"], // B6
      ["charges-sociales.technicien", "60 %"], // B7
      // Keys the calculations read: each stays an override of its table.
      ["carbone.train-tgv", "0,003"], // B8
      ["charges-sociales.technicien-intermittent", "60 %"], // B9
      ["devis.salaire-minimum.directeur-photo", "600"], // B10
      ["temps-de-travail.2642.repos-quotidien", "11"], // B11
      ["credit-impot.cinema.taux", "25 %"], // B12
    ])
      p.addRow(ligne);
    await wb.xlsx.writeFile(fautes);
  });

  test("--json : surchargesNonRattachees avec proches, les vraies clés sous leur table", async () => {
    const r = await lancer(["--date", "2026-01-15", "--classeur", fautes, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.surchargesNonRattachees).toEqual({
      "carbone.trottinette": { valeur: "1", cellule: "'Paramètres'!B6", proches: [] },
      "charges-sociales.technicien": {
        valeur: "60 %",
        cellule: "'Paramètres'!B7",
        proches: ["charges-sociales.technicien-intermittent"],
      },
      "credit-impot-cinema.taux": {
        valeur: "25 %",
        cellule: "'Paramètres'!B4",
        proches: ["credit-impot.cinema.taux"],
      },
      "credit-impt.cinema.taux": { valeur: "25 %", cellule: "'Paramètres'!B2", proches: ["credit-impot.cinema.taux"] },
      "smic-horaire.taux": { valeur: "12", cellule: "'Paramètres'!B5", proches: [] },
      "temps-de-travial.2642.repos-quotidien": {
        valeur: "11",
        cellule: "'Paramètres'!B3",
        proches: ["temps-de-travail.2642.repos-quotidien"],
      },
    });
    const sous = (id: string) => Object.keys(j.tables.find((t: { id: string }) => t.id === id).surcharges);
    expect(sous("carbone-facteurs")).toEqual(["carbone.train-tgv"]);
    expect(sous("charges-sociales")).toEqual(["charges-sociales.technicien-intermittent"]);
    expect(sous("idcc2642-minima")).toEqual(["devis.salaire-minimum.directeur-photo"]);
    expect(sous("idcc3097-minima")).toEqual(["devis.salaire-minimum.directeur-photo"]);
    expect(sous("temps-de-travail")).toEqual(["temps-de-travail.2642.repos-quotidien"]);
    expect(sous("credit-impot-cinema")).toEqual(["credit-impot.cinema.taux"]);
    expect(sous("smic-horaire")).toEqual([]);
  });

  test("texte : « Vouliez-vous dire … » après chaque clé qu'aucune table ne lit", async () => {
    const r = await lancer(["--date", "2026-01-15", "--classeur", fautes]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lignes = r.out.replace(/[\u00a0\u202f]/g, " ");
    expect(lignes).toContain(
      "Paramètres du classeur qu'aucune table ne lit (faute de frappe ?) :\n" +
        "  carbone.trottinette = 1 ('Paramètres'!B6)\n" +
        "  charges-sociales.technicien = 60 % ('Paramètres'!B7) Vouliez-vous dire « charges-sociales.technicien-intermittent » ?\n" +
        "  credit-impot-cinema.taux = 25 % ('Paramètres'!B4) Vouliez-vous dire « credit-impot.cinema.taux » ?\n" +
        "  credit-impt.cinema.taux = 25 % ('Paramètres'!B2) Vouliez-vous dire « credit-impot.cinema.taux » ?\n" +
        "  smic-horaire.taux = 12 ('Paramètres'!B5)\n" +
        "  temps-de-travial.2642.repos-quotidien = 11 ('Paramètres'!B3) Vouliez-vous dire « temps-de-travail.2642.repos-quotidien » ?",
    );
    expect(lignes).not.toContain("Surchargé par le classeur : smic-horaire.taux");
    expect(lignes).not.toContain("Surchargé par le classeur : carbone.trottinette");
  });
});
