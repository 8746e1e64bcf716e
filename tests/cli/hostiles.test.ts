import ExcelJS from "exceljs";
import { existsSync, promises as fs, readdirSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";

/**
 * Issue 10 §5: every hostile file (tests/fixtures/hostiles, made by generer.js there) run through the CLI gives
 * exit 0 or 2, a French message, no stack trace, no « Erreur interne », and nothing written on exit 2.
 */
const DIR = path.join(__dirname, "../fixtures/hostiles");
const FICHIERS = readdirSync(DIR).filter((f) => f !== "generer.js");

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-hostiles-"));
});

// A rejection (not a CliError) is what bin/prodbook.js prints as « Erreur interne » with a stack trace: it fails the test.
const lancer = (args: string[]) => lancerCli(main, args);

/** Words of a library's English message or of a stack trace: never shown to the user. */
const ANGLAIS = /Erreur interne|\bat .+:\d+:\d+|Cannot read|undefined|Invalid row|Error:|is not|End of|Corrupted/;

async function verifier(commande: string[], fichier: string) {
  const sortieXlsx = path.join(tmp, `${path.basename(fichier)}-${commande[0]}.xlsx`);
  const r = await lancer([...commande.slice(0, 1), fichier, ...commande.slice(1), "-o", sortieXlsx]);
  expect([0, 2]).toContain(r.code);
  expect(r.err).not.toMatch(ANGLAIS);
  expect(r.out).not.toMatch(/Erreur interne|\bat .+:\d+:\d+/);
  if (r.code === 2) {
    expect(r.err).toMatch(/[éèàç«]/);
    expect(existsSync(sortieXlsx)).toBe(false);
  } else expect(existsSync(sortieXlsx)).toBe(true);
  return r;
}

describe("corpus hostile : prodbook devis, credit-impot et financement", () => {
  it("trouve le corpus", () => {
    expect(FICHIERS.length).toBeGreaterThanOrEqual(18);
  });

  it.each(FICHIERS)("%s : code 0 ou 2, message français, rien d'écrit sur 2", async (f) => {
    const fichier = path.join(DIR, f);
    await verifier(["devis"], fichier);
    await verifier(["credit-impot", "--regime", "cinema", "--genre", "fiction"], fichier);
    await verifier(["financement", "--cout", "1000000"], fichier);
  });
});

describe("ce que dit chaque fichier hostile", () => {
  const devis = async (f: string, ...opts: string[]) => lancer(["devis", path.join(DIR, f), ...opts]);
  const json = async (f: string) => {
    const r = await devis(f, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      devis: { total: string; lignes: number; conservation: { ecart: string; nonComptees: unknown[] } };
      controles: { regle: string; gravite: string; message: string; cellule: string | null }[];
    };
    // Every cell of the amount column is a line, a proven total or a listed item (issue 10 §1).
    expect(j.devis.conservation.ecart).toBe("0.00");
    expect(j.devis.conservation.nonComptees).toEqual([]);
    return j;
  };

  it.each([
    ["protege-mot-de-passe.xlsx", /protege-mot-de-passe\.xlsx.*protégé par mot de passe/],
    ["ancien.xls", /ancien\.xls.*ancien classeur \.xls/],
    ["classeur.ods", /classeur\.ods.*OpenDocument \(\.ods/],
    ["binaire.xlsb", /binaire\.xlsb.*binaire Excel \(\.xlsb\)/],
    ["csv-renomme.xlsx", /csv-renomme\.xlsx.*pas un fichier \.xlsx mais un fichier texte \(CSV/],
    ["zip-tronque.xlsx", /zip-tronque\.xlsx.*endommagée ou incomplète/],
    ["vide.xlsx", /vide\.xlsx.*le fichier est vide/],
    ["zip-sans-classeur.xlsx", /zip-sans-classeur\.xlsx.*pas de classeur Excel/],
    ["lignes-sans-numero.xlsx", /lignes-sans-numero\.xlsx.*structure que Prodbook ne sait pas lire/],
    ["chaine-partagee-absente.xlsx", /chaine-partagee-absente\.xlsx.*structure que Prodbook ne sait pas lire/],
    ["relations-absentes.xlsx", /relations-absentes\.xlsx.*aucune feuille de calcul/],
    ["montant-aberrant.xlsx", /Devis!F4\u00a0: «\u00a01234567890123456\u00a0» n'est pas un montant plausible/],
  ])("%s : code 2, %p", async (f, message) => {
    const r = await devis(f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("erreurs Excel : chaque cellule nommée en erreur, jamais remplacée par quantité × nombre × taux", async () => {
    const j = await json("erreurs-excel.xlsx");
    expect(j.devis.total).toBe("5000.00");
    const illisibles = j.controles.filter((c) => c.regle === "montant-illisible");
    expect(illisibles.map((c) => [c.cellule, c.gravite])).toEqual(
      ["F4", "F5", "F6", "F7", "F8", "F9"].map((a) => [`Devis!${a}`, "erreur"]),
    );
    expect(illisibles.map((c) => /\((#[A-Z/0!?]+)\)/.exec(c.message)?.[1])).toEqual([
      "#REF!",
      "#DIV/0!",
      "#N/A",
      "#VALUE!",
      "#NAME?",
      "#REF!",
    ]);
    expect(illisibles[5].message).toMatch(/Total personnel.*ce total du producteur n'est pas comparé/);
  });

  it("dates dans les montants et les quantités : nommées, jamais remplacées", async () => {
    const j = await json("dates-montants.xlsx");
    expect(j.devis.total).toBe("5000.00");
    const dates = j.controles.filter((c) => c.regle === "montant-illisible");
    expect(dates.map((c) => c.cellule)).toEqual(["Devis!F4", "Devis!F5", "Devis!C6"]);
    expect(dates[0].message).toMatch(/le montant est une date \(15\/04\/2025\)/);
    expect(dates[1].message).toMatch(/le montant est une date \(15\/04\/2025\)/);
    expect(dates[2].message).toMatch(/la quantité est une date \(15\/04\/2025\).*n'est pas calculé/);
  });

  it("montants ambigus : les deux lectures nommées, sauf quand quantité × nombre × taux en prouve une", async () => {
    const j = await json("montants-ambigus.xlsx");
    expect(j.devis.total).toBe("17500.00"); // 5 000 + 12 500 (row 6: 10 × 1 × 1 250)
    const ambigus = j.controles.filter((c) => c.regle === "montant-ambigu");
    expect(ambigus.map((c) => [c.cellule, c.gravite])).toEqual([
      ["Devis!F4", "alerte"],
      ["Devis!F5", "alerte"],
    ]);
    expect(ambigus[0].message).toMatch(/« 12\.500 € » peut se lire 12,50\s€ ou 12\u202f500,00\s€/);
    expect(ambigus[1].message).toMatch(/« 2\.345 » peut se lire 2,35\s€ ou 2\u202f345,00\s€/);
  });

  it("montants en texte : la convention que la feuille prouve (« 1 234,56 ») lit « 12.500 » ; le sous-centime est signalé", async () => {
    const j = await json("montants-convention.xlsx");
    // 1 234,56 + 12 500 + 1 500 000 + 0,13
    expect(j.devis.total).toBe("1513734.69");
    expect(j.controles.filter((c) => c.regle === "montant-ambigu")).toEqual([]);
    const arrondi = j.controles.find((c) => c.regle === "montant-sous-centime");
    expect(arrondi).toMatchObject({ cellule: "Devis!F6", gravite: "alerte" });
    expect(arrondi?.message).toMatch(/« 0,125 » a plus de deux décimales ; la ligne est comptée pour 0,13\s€/);
  });

  it("une formule dont le résultat enregistré est 0 vaut 0, sans constat « sans son résultat »", async () => {
    const j = await json("formules-zero.xlsx");
    expect(j.devis.lignes).toBe(2);
    expect(j.devis.total).toBe("5000.00");
    expect(j.controles.filter((c) => c.regle === "formule-sans-resultat" || c.regle === "montant-illisible")).toEqual(
      [],
    );
    expect(j.controles.filter((c) => c.regle === "sous-total-producteur")).toEqual([]);
  });

  it("un classeur valide aux préfixes d'espace de noms non standard (x:, rel:) est lu", async () => {
    const j = await json("prefixes-xml.xlsx");
    expect(j.devis.lignes).toBe(2);
    expect(j.devis.total).toBe("7000.00");
  });

  it("une cellule de montant fusionnée compte une fois, sur sa ligne, et le dit", async () => {
    const j = await json("fusions-montants.xlsx");
    expect(j.devis.total).toBe("7000.00");
    expect(j.controles.filter((c) => c.regle === "sous-total-producteur")).toEqual([]);
    expect(j.controles.find((c) => c.regle === "montant-illisible")).toMatchObject({
      cellule: "Devis!F5",
      gravite: "info",
      message: expect.stringMatching(/fusionnée avec Devis!F4/),
    });
  });
});

describe("50 000 lignes", () => {
  it("prodbook devis lit et structure un devis de 50 000 lignes (code 0)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    ws.addRow([null, "PERSONNEL"]);
    for (let i = 0; i < 50000; i++) ws.addRow([`2${i % 10}`, `Poste ${i}`, 2, 1, 100, 200]);
    const fichier = path.join(tmp, "cinquante-mille.xlsx");
    await wb.xlsx.writeFile(fichier);
    const r = await lancer(["devis", fichier, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.lignes).toBe(50000);
    expect(j.devis.total).toBe("10000000.00");
  }, 240_000);
});

describe("options de montant : le même lecteur, jamais « Erreur interne »", () => {
  const devis = path.join(DIR, "formules-zero.xlsx");
  it.each([
    [
      ["financement", devis, "--cout", "99999999999999999"],
      /--cout\u00a0: «\u00a099999999999999999\u00a0» dépasse la limite/,
    ],
    [
      ["credit-impot", devis, "--regime", "cinema", "--genre", "fiction", "--vfx-france", "99999999999999999"],
      /--vfx-france\u00a0: «\u00a099999999999999999\u00a0» dépasse la limite/,
    ],
    [
      ["financement", devis, "--cout", "12.500"],
      /--cout\u00a0: «\u00a012\.500\u00a0» peut se lire 12,50\s€ ou 12\u202f500,00\s€/,
    ],
    [["devis", devis, "--duree", "1,500"], /--duree\u00a0: «\u00a01,500\u00a0» peut se lire 1,5 ou 1500/],
  ])("%p → code 2, %p", async (args, message) => {
    const r = await lancer(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
