import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { lireRecalcule, nombre, recalculerSansCache, resultat } from "../helpers/libreoffice";
import { deuxVersions } from "../core/versions/classeurs";
import { chercherTrace, incoherences, valeurSigneeFr, type Trace } from "../../src/core/traces/trace";
import { noteDeTrace } from "../../src/core/traces/note";
import { main } from "../../src/cli/main";
import { lancerCli, sortieBinaire } from "../helpers/cli";

/**
 * « D'où vient ce chiffre ? » for a partner without the add-in: the sheets the built CLI writes carry an Excel note on
 * each computed figure, read back here with ExcelJS; running the command again on its own output gives the same notes
 * (replaced with their sheet, never stacked).
 */
const RACINE = path.join(__dirname, "../..");
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const CINEMA = path.join(RACINE, "tests/fixtures/devis-cinema/devis-cinema.xlsx");
const FIX = path.join(RACINE, "tests/fixtures");
const FEC = [
  "--fec",
  path.join(FIX, "fec/production-2024.txt"),
  "--correspondances",
  path.join(FIX, "fec/correspondances.csv"),
];
const CI = ["--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52", "--annee", "2025"];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-notes-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * `prodbook <args>` run in this process (the CLI's main, as the binary calls it), its stdout; any exit code but 0 fails
 * with its stderr. The built binary itself writes the first devis below (prodbookBinaire), which the next run reads
 * back with the same notes; every command's binary is run by its own tests (tests/cli/<commande>*.test.ts).
 */
async function executer(args: string[]): Promise<string> {
  const r = await lancerCli(main, args);
  if (r.code !== 0) throw new Error(`prodbook ${args.join(" ")} : code ${r.code}\n${r.err}`);
  return r.out;
}

async function prodbook(commande: string, entree: string, sortie: string, options: string[] = []): Promise<string> {
  const s = path.join(dir, sortie);
  await executer([commande, entree, ...options, "-o", s]);
  return s;
}

/** The same through the built binary (npm run build:cli), in its own process. */
function prodbookBinaire(commande: string, entree: string, sortie: string, options: string[] = []): string {
  const s = path.join(dir, sortie);
  sortieBinaire([commande, entree, ...options, "-o", s]);
  return s;
}

/** Every note of a sheet, by cell, as ExcelJS reads it from the saved file. */
async function notes(fichier: string, feuille: string): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const ws = wb.getWorksheet(feuille);
  if (!ws) throw new Error(`${feuille} absente de ${fichier}`);
  const out: Record<string, string> = {};
  ws.eachRow((r) =>
    r.eachCell((c) => {
      if (c.note !== undefined) out[c.address] = typeof c.note === "string" ? c.note : JSON.stringify(c.note);
    }),
  );
  return out;
}

async function feuilleLue(fichier: string, feuille: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  return wb.getWorksheet(feuille)!;
}

/** The cells of a sheet that hold a formula. */
function celluleFormules(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => void (c.formula ? out.push(c.address) : undefined)));
  return out;
}

/** <comment> elements in the file's comment parts: a stacked note would show here even if a reader kept one. */
async function commentairesXml(fichier: string): Promise<number> {
  const zip = await JSZip.loadAsync(await fs.readFile(fichier));
  let n = 0;
  for (const f of zip.file(/^xl\/comments\d*\.xml$/))
    n += ((await f.async("string")).match(/<comment\b/g) ?? []).length;
  return n;
}

const formule = async (fichier: string, feuille: string, cellule: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const v = wb.getWorksheet(feuille)!.getCell(cellule).value as { formula?: string } | null;
  return v && typeof v === "object" ? v.formula : undefined;
};

/** The amount cells of the Devis sheet computed as quantité × nombre × taux (=ROUND(D5*E5*G5,2)). */
async function cellulesProduit(fichier: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const out: string[] = [];
  wb.getWorksheet("Devis")!.eachRow((r) => {
    const v = r.getCell("H").value as { formula?: string } | null;
    if (v && typeof v === "object" && /^ROUND\(([DE]\d+\*)+G\d+,2\)$/.test(v.formula ?? ""))
      out.push(r.getCell("H").address);
  });
  return out;
}

/**
 * A note's figure and the cell's recalculated value, side by side and in the note's terms: euros to the cent, a
 * percentage to 0,01 % (« 12,34 % »), « vide » when the note says the cell is empty because its denominator is 0.
 */
function figureEtCellule(ws: ExcelJS.Worksheet, c: string, t: string): [string, string, string] {
  const tete = t.split("\n")[0];
  // An alert (Écarts, column M): « oui » when the cell shows « Alerte », « non » when it is empty.
  if (/^Alerte .* : (oui|non)$/.test(tete)) {
    const r = resultat(ws.getCell(c));
    return [c, tete.endsWith("oui") ? "oui" : "non", r === "Alerte" ? "oui" : r === "" ? "non" : String(r)];
  }
  if (!tete.endsWith("%") && !/ nul\)$/.test(tete)) return [c, String(chiffre(t)), String(nombre(ws.getCell(c)))];
  const r = resultat(ws.getCell(c));
  const note = / : vide \([^()]* nul\)$/.test(tete) ? "vide" : tete.replace(/^.* : /, "");
  // A negative rate is written with the minus sign U+2212 (« −12,50 % »), as every figure for a reader.
  const pct = (x: number) =>
    `${(Math.round(x * 10000) / 100).toFixed(2).replace(".", ",").replace("-", "\u2212")}\u00a0%`;
  return [c, note, r === "" ? "vide" : pct(Number(r))];
}

/**
 * The figure a note starts with (« Chapitre 2 Personnel : 54 110,00 € » → 54110, « Écart : −6 000,00 € » → -6000: the
 * note writes a negative with the minus sign U+2212, never the hyphen-minus), to compare with the cell.
 */
const chiffre = (t: string) =>
  Number(
    t
      .split("\n")[0]
      .replace(/^.* : /, "")
      .replace(/^-/, "hyphen-minus refused")
      .replace(/^\u2212/, "-")
      .replace(/[\u202f\u00a0€]/g, "")
      .replace(",", "."),
  );

describe("Excel notes on the computed cells of the sheets the CLI writes", () => {
  it("devis: each chapter total names its rows and the producer's cells; the total lists its parts; twice the same", async () => {
    const a = prodbookBinaire("devis", EXEMPLE, "devis-1.xlsx");
    const b = await prodbook("devis", a, "devis-2.xlsx");
    const n = await notes(a, "Devis");
    // 9 chapters, coût hors frais, FG, IMP, TOTAL, and each line computed as quantité × nombre × taux.
    const produits = await cellulesProduit(a);
    expect(produits.length).toBeGreaterThan(20);
    expect(Object.keys(n)).toEqual(expect.arrayContaining(produits));
    expect(Object.keys(n)).toHaveLength(13 + produits.length);
    expect(await notes(b, "Devis")).toEqual(n);
    // And the Synthèse's: 11 chapters, coût hors frais, TOTAL, each amount (C) and its share of the total (D), and the
    // cost per minute (no --duree: the 52' of the title, 'Budget Gardiens'!A2); and the Contrôles' one, on the message
    // of its salaire-minimum finding (« Chargée de production » paid 230,00 € a day, seventh finding, after the four producer subtotals and totals that miss the text amounts: row 11).
    const controles = await notes(b, "Contrôles");
    expect(Object.keys(controles)).toEqual(["C11"]);
    expect(controles.C11).toMatch(/^Manque au minimum par jour, .*« Chargée de production » : 10,87\u00a0€\n/);
    expect(await commentairesXml(b)).toBe(13 + produits.length + 13 * 2 + 1 + 1);
    // A line's note names the cells its formula multiplies, and each factor's cell in the producer's sheet.
    expect(await formule(a, "Devis", "H5")).toBe("ROUND(D5*E5*G5,2)");
    expect(n.H5).toBe(
      "1.1 « Auteur-réalisateur — droits d'auteur » : 12\u202f000,00\u00a0€\n" +
        "= quantité × nombre × taux de cette ligne (D5 × E5 × G5), arrondi au centime\n" +
        "← Quantité : 1 ['Budget Gardiens'!C9]\n" +
        "← Nombre : 1 ['Budget Gardiens'!E9]\n" +
        "← Taux : 12\u202f000,00\u00a0€ ['Budget Gardiens'!F9]\n" +
        "Cellules lues : 'Budget Gardiens'!C9, E9, F9\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );

    const [cellule2, note2] = Object.entries(n).find(([, t]) => t.startsWith("Chapitre 2 "))!;
    expect(await formule(a, "Devis", cellule2)).toMatch(/^SUMIF\(\$A\$5:\$A\$\d+,"2",/);
    expect(note2).toBe(
      "Chapitre 2 Personnel : 54\u202f110,00\u00a0€\n" +
        "= Σ lignes 8 à 18 du chapitre 2 (colonne H de cette feuille ; 11 lignes)\n" +
        "Cellules lues : 'Budget Gardiens'!G15:G25\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    const total = Object.values(n).find((t) => t.startsWith("Total du devis"))!;
    expect(total).toContain("← Coût hors frais (chapitres 1 à 9) : 151\u202f020,60\u00a0€");
    expect(total).toContain("← Chapitre FG Frais généraux : 21\u202f714,93\u00a0€");
    // Notes are text: none is a formula, whatever it starts with.
    for (const t of Object.values(n)) expect(t).not.toMatch(/^=/);
  });

  it("devis: a line computed on the coût hors frais (« Imprévus 7 % ») keeps its live formula and gets its note", async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet("Budget");
    ws.addRows([
      ["Code", "Libellé", "Quantité", "Tarif", "Montant"],
      ["2.1", "Chef opérateur", 10, 350, { formula: "C2*D2", result: 3500 }],
      ["8.1", "Mixage", 1, 1500, { formula: "C3*D3", result: 1500 }],
      [null, "Imprévus 7 %", null, null, 350],
    ]);
    const entree = path.join(dir, "imprevus.xlsx");
    await src.xlsx.writeFile(entree);
    const a = await prodbook("devis", entree, "imprevus-1.xlsx");
    const n = await notes(a, "Devis");
    const [cellule, note] = Object.entries(n).find(([, t]) => t.startsWith("« Imprévus 7 % »"))!;
    expect(await formule(a, "Devis", cellule)).toBe(`ROUND(G${cellule.slice(1)}*SUM(H$5:H$6),2)`);
    expect(note).toBe(
      "« Imprévus 7 % » : 350,00\u00a0€\n" +
        `= taux G${cellule.slice(1)} × coût hors frais (Σ H5:H6 : lignes des chapitres 1 à 9 de cette feuille), ` +
        "arrondi au centime\n" +
        "← Coût hors frais (chapitres 1 à 9) : 5\u202f000,00\u00a0€ (voir « Coût hors frais »)\n" +
        // The percentage read in the label names that cell.
        "← Pourcentage : 7,00\u00a0% [Budget!B4]\n" +
        "Cellules lues : Budget!B4\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    // The lines computed as quantité × taux carry theirs: the row's cells and the producer's.
    expect(await formule(a, "Devis", "H5")).toBe("ROUND(D5*G5,2)");
    expect(n.H5).toBe(
      "2.1 « Chef opérateur » : 3\u202f500,00\u00a0€\n" +
        "= quantité × taux de cette ligne (D5 × G5), arrondi au centime\n" +
        "← Quantité : 10 [Budget!C2]\n" +
        "← Taux : 350,00\u00a0€ [Budget!D2]\n" +
        "Cellules lues : Budget!C2, D2\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.H6).toMatch(/^8\.1 « Mixage » : 1\u202f500,00\u00a0€\n= quantité × taux de cette ligne \(D6 × G6\)/);
  });

  it("devis: the Synthèse repeats each Devis figure's note with the cell it reads, and the cost per minute its own; LibreOffice agrees", async () => {
    const a = await prodbook("devis", EXEMPLE, "sy-1.xlsx", ["--duree", "52"]);
    const b = await prodbook("devis", a, "sy-2.xlsx", ["--duree", "52"]);
    const n = await notes(a, "Synthèse");
    expect(await notes(b, "Synthèse")).toEqual(n);
    // 11 chapters (C5:C15), coût hors frais (C16), TOTAL (C17), coût par minute (C18); the share of each in the
    // total (D5:D17).
    expect(Object.keys(n).sort()).toEqual(
      [
        ...Array.from({ length: 14 }, (_, i) => `C${5 + i}`),
        ...Array.from({ length: 13 }, (_, i) => `D${5 + i}`),
      ].sort(),
    );
    expect(await formule(a, "Synthèse", "D6")).toBe("IF($C$17=0,0,C6/$C$17)");
    expect(n.D6).toBe(
      "Part du total : chapitre 2 Personnel : 29,59\u00a0%\n" +
        "= chapitre 2 Personnel ÷ total du devis (C6 ÷ C17) ; 0 quand C17 vaut 0\n" +
        "← chapitre 2 Personnel : 54\u202f110,00\u00a0€ [C6]\n" +
        "← total du devis : 182\u202f869,16\u00a0€ [C17]\n" +
        "Cellules lues : C6, C17\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(await formule(a, "Synthèse", "C6")).toBe("Devis!H47");
    expect(n.C6).toBe(
      "Chapitre 2 Personnel : 54\u202f110,00\u00a0€\n" +
        "= Σ 11 lignes du chapitre ; repris de Devis!H47\n" +
        "Cellules lues : 'Budget Gardiens'!G15:G25\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.C17).toMatch(/^Total du devis : 182\u202f869,16\u00a0€\n= .* ; repris de Devis!H58\n/);
    expect(n.C18).toMatch(/^Coût à la minute : 3\u202f516,71\u00a0€\n= total ÷ durée ; durée modifiable en B2\n/);
    expect(n.C18).toContain("← Durée : 52\u00a0min");
    const lu = await lireRecalcule(await recalculerSansCache(a));
    for (const [c, t] of Object.entries(n)) {
      const [cellule, note, calcule] = figureEtCellule(lu.getWorksheet("Synthèse")!, c, t);
      expect([cellule, calcule]).toEqual([c, note]);
    }
  });

  it("credit-impot: base, credit before caps, each cap, credit and each chapter's base; the Devis notes of an earlier run are kept", async () => {
    const devis = await prodbook("devis", EXEMPLE, "ci-0.xlsx");
    const a = await prodbook("credit-impot", devis, "ci-1.xlsx", CI);
    const b = await prodbook("credit-impot", a, "ci-2.xlsx", CI);
    const n = await notes(a, "Crédit d'impôt");
    expect(await notes(b, "Crédit d'impôt")).toEqual(n);
    expect(await notes(b, "Devis")).toEqual(await notes(devis, "Devis"));
    expect(await commentairesXml(b)).toBe(
      // The Synthèse's 13 amounts and shares, its cost per minute (the title's 52'), the Contrôles' salary finding.
      Object.keys(n).length + Object.keys(await notes(devis, "Devis")).length + 13 * 2 + 1 + 1,
    );

    const credit = Object.values(n).find((t) => t.startsWith("Crédit d'impôt : "))!;
    expect(credit).toMatch(/^Crédit d'impôt : 36\u202f134,65\u00a0€\n= min\(crédit avant plafonds ; plafonds\)\n/);
    expect(credit).toMatch(/\n← Plafond par minute : 75\u202f400,00\u00a0€ \(1\u202f450,00\u00a0€\/min × 52\smin\)\n/);
    expect(credit).toMatch(
      /Règle : credit-impot\.audiovisuel\.taux\.documentaire, en vigueur au (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}, confiance [HML]\b/,
    );
    // The base is capped at 80 % of the budget (220 sexies III-3, table at M): the note names that rule too.
    expect(credit).toMatch(
      /Règle : credit-impot\.plafond-budget\.part, en vigueur au 1er\u00a0janvier\u00a02016, confiance M, à vérifier/,
    );
    const avant = Object.values(n).find((t) => t.startsWith("Crédit avant plafonds"))!;
    expect(avant).toContain(
      "= base × taux\n← Base du crédit : 144\u202f538,60\u00a0€ (min(dépenses éligibles ; 80\u00a0% du budget de production))",
    );
    const chapitre1 = Object.values(n).find((t) => t.startsWith("Chapitre 1 "))!;
    expect(chapitre1).toContain(
      "← 1.1 « Auteur-réalisateur — droits d'auteur » : 12\u202f000,00\u00a0€ (montant × part France) ['Budget Gardiens'!G9]",
    );
    // The two caps of the credit, and the base's cap at 80 % of the budget (220 sexies III-3).
    expect(Object.values(n).filter((t) => /^Plafond[ :]/.test(t))).toHaveLength(3);
    expect(Object.values(n).find((t) => t.startsWith("Plafond : 80\u00a0% du budget de production"))).toContain(
      "Plafond : 80\u00a0% du budget de production : 146\u202f295,33\u00a0€",
    );
    // Each cap's note names its terms and the rule table of its figure.
    const minute = Object.values(n).find((t) => t.startsWith("Plafond par minute"))!;
    expect(minute).toContain(
      "\n← Montant par minute : 1\u202f450,00\u00a0€\n← Durée : 52\u00a0min (durée saisie avec l'option --duree)\n",
    );
    expect(minute).toMatch(
      /\nRègle : credit-impot\.audiovisuel\.plafond-minute\.documentaire, en vigueur au \d+(er)?\s\S+\s\d{4}/,
    );
    const aides = Object.values(n).find((t) => t.startsWith("Plafond des aides publiques"))!;
    expect(aides).toMatch(
      /\nRègle : credit-impot\.aides-publiques\.plafond, en vigueur au 1er\sjanvier\s2016, confiance M/,
    );
    // Every computed figure of the result and of the base by chapter has its note (before: the result's first figure,
    // « Base éligible par chapitre », and the chapters of base 0, frais généraux and imprévus, had none).
    const ws = await feuilleLue(a, "Crédit d'impôt");
    const formules = celluleFormules(ws).filter((c) => /^[BD]\d+$/.test(c) && Number(c.slice(1)) < 40);
    expect(formules.length).toBeGreaterThan(15);
    expect(formules.filter((c) => n[c] === undefined)).toEqual([]);
    const ligneDe = (libelle: string) => ws.getColumn(1).values.findIndex((v) => v === libelle);
    expect(n[`B${ligneDe("Base éligible par chapitre (dépenses en France)")}`]).toMatch(
      /^Dépenses éligibles en France : 144\u202f538,60\u00a0€\n= D\d+ : Σ des bases éligibles par chapitre/,
    );
    expect(n[`D${ligneDe("FG")}`]).toMatch(
      /^Chapitre FG Frais généraux : 0,00\u00a0€\n= Σ bases retenues .*\n← « Frais généraux 15 % » : 0,00\u00a0€ \(non éligible : /,
    );
  });

  it("ecarts: the devis lines without a code get the notes of a poste (réalisé 0 said so, estimation, écart, écart estimé)", async () => {
    const e = path.join(RACINE, "assets/exemple");
    const a = await prodbook("ecarts", EXEMPLE, "ec-sans-code.xlsx", [
      "--fec",
      path.join(e, "fec-exemple.txt"),
      "--correspondances",
      path.join(e, "correspondances-exemple.csv"),
    ]);
    const n = await notes(a, "Écarts");
    const ws = await feuilleLue(a, "Écarts");
    // Before: the rows of the six transport lines and of the frais généraux and imprévus (no code) had no note on
    // their estimation, écart and écart estimé. Now every computed cell of G to L of the table has one, on every row.
    const sansNote = celluleFormules(ws).filter(
      (c) => /^[G-L]\d+$/.test(c) && Number(c.slice(1)) > 5 && n[c] === undefined,
    );
    expect(sansNote).toEqual([]);
    const ligne = ws.getColumn(2).values.findIndex((v) => v === "Train Paris–Brest A/R");
    expect(ws.getCell(`A${ligne}`).value ?? "").toBe("");
    expect(n[`J${ligne}`].split("\n")).toEqual([
      "Écart « Train Paris–Brest A/R » : −2\u202f880,00\u00a0€",
      "= réalisé − budget",
      "← Réalisé « Train Paris–Brest A/R » : 0,00\u00a0€ (ligne du devis sans code : aucune écriture du Grand livre ne " +
        `lui est rapprochée, les correspondances allant par code) [G${ligne}]`,
      `← Budget « Train Paris–Brest A/R » : 2\u202f880,00\u00a0€ (montant de la ligne du devis) [D${ligne}]`,
      `Cellules lues : G${ligne}, D${ligne}`,
      "(Prodbook, « D'où vient ce chiffre ? »)",
    ]);
    expect(n[`G${ligne}`]).toMatch(/^Réalisé « Train Paris–Brest A\/R » : 0,00\u00a0€\n= ligne du devis sans code/);
    expect(n[`G${ligne}`]).not.toContain("Cellule lue");
  });

  it("financement: each month's cash in on the Échéancier and the payments without a date name their payments and cells", async () => {
    const a = await prodbook("financement", path.join(FIX, "financement/documentaire.xlsx"), "ech-1.xlsx", [
      "--date",
      "2026-01-15",
    ]);
    const b = await prodbook("financement", a, "ech-2.xlsx", ["--date", "2026-01-15"]);
    const n = await notes(a, "Échéancier");
    expect(await notes(b, "Échéancier")).toEqual(n);
    // Before: none of the 23 formulas of the sheet had a note. Now each month's cash in and the undated payments do.
    const ws = await feuilleLue(a, "Échéancier");
    const mois = celluleFormules(ws).filter(
      (c) => /^I\d+$/.test(c) && ws.getCell(`H${c.slice(1)}`).value instanceof Date,
    );
    expect(mois).toHaveLength(6);
    expect(mois.map((c) => n[c]?.split("\n")[0])).toEqual([
      "Encaissements de janvier\u00a02026 : 57\u202f000,00\u00a0€",
      "Encaissements de février\u00a02026 : 0,00\u00a0€",
      "Encaissements de mars\u00a02026 : 60\u202f000,00\u00a0€",
      "Encaissements d'avril\u00a02026 : 0,00\u00a0€",
      "Encaissements de mai\u00a02026 : 0,00\u00a0€",
      "Encaissements de juin\u00a02026 : 63\u202f000,00\u00a0€",
    ]);
    expect(n[mois[0]]).toContain(
      "\n← Arte France (1er\u00a0janvier\u00a02026) : 20\u202f000,00\u00a0€ ['Plan fin.'!D5]\n",
    );
    const sansDate = ws.getColumn(8).values.findIndex((v) => v === "Versements sans date");
    expect(n[`I${sansDate}`]).toMatch(/^Encaissements sans date : 0,00\u00a0€\n= Σ colonne E − Σ colonne I/);
    // The spending side: each month's spread spending (J), cumulative position (L) and the largest gap.
    const lignes = mois.map((c) => c.slice(1));
    for (const l of lignes) {
      expect(n[`J${l}`]).toMatch(
        /^Dépenses d(e |')[a-zéû]+\u00a02026 : 30\u202f000,00\u00a0€\n= coût décaissé ÷ nombre de mois/,
      );
    }
    // The month's balance (K = I − J) and the cumulative position as the sheet writes it (L = L of the row above + K,
    // K alone on the first month): each note names the cells its formula reads, and its figure is LibreOffice's.
    const lo = (await lireRecalcule(await recalculerSansCache(a))).getWorksheet("Échéancier")!;
    lignes.forEach((l, i) => {
      expect(ws.getCell(`K${l}`).formula).toBe(`I${l}-J${l}`);
      expect(n[`K${l}`]).toMatch(
        new RegExp(`^Solde d(e |')[a-zéû]+\u00a02026 : .*\n= encaissements − dépenses du mois \\(I${l} − J${l}\\)\n`),
      );
      expect(n[`K${l}`]).toContain(`\nCellules lues : I${l}, J${l}\n`);
      const f = ws.getCell(`L${l}`).formula;
      expect(f).toBe(i === 0 ? `K${l}` : `L${Number(l) - 1}+K${l}`);
      expect(n[`L${l}`]).toMatch(/^Trésorerie cumulée à fin [a-zéû]+\u00a02026 : /);
      expect(n[`L${l}`]).not.toContain("Σ encaissements − Σ dépenses");
      if (i === 0) {
        expect(n[`L${l}`]).toContain(`\n= solde du premier mois de l'échéancier (K${l})\n`);
        expect(n[`L${l}`]).toContain(`\nCellules lues : K${l}\n`);
      } else {
        expect(n[`L${l}`]).toContain(
          `\n= trésorerie cumulée du mois précédent + solde du mois (L${Number(l) - 1} + K${l})\n`,
        );
        expect(n[`L${l}`]).toContain(`\nCellules lues : L${Number(l) - 1}, K${l}\n`);
      }
      for (const c of [`K${l}`, `L${l}`]) expect(chiffre(n[c])).toBeCloseTo(nombre(lo.getCell(c)), 2);
    });
    // The totals of the payments (E), cash in (I) and spending (J) list their terms' cells, as LibreOffice sums them.
    const total = ws.getColumn(8).values.findIndex((v) => v === "Total");
    for (const c of ["E", "I", "J"]) {
      expect(ws.getCell(`${c}${total}`).formula).toMatch(/^SUM\(/);
      expect(n[`${c}${total}`]).toMatch(/^Total des (versements|encaissements|dépenses) : .*\n= Σ des /);
      expect(chiffre(n[`${c}${total}`])).toBeCloseTo(nombre(lo.getCell(`${c}${total}`)), 2);
    }
    expect(n[`I${total}`]).toContain(`\nCellules lues : I${lignes[0]}:I${lignes[lignes.length - 1]}\n`);
    expect(n[`J${lignes[0]}`]).toContain("\n← Mois de dépense : 6 (mois de janvier\u00a02026 à juin\u00a02026)\n");
    const besoin = ws.getColumn(8).values.findIndex((v) => v === "Besoin de trésorerie maximal");
    expect(n[`I${besoin}`]).toMatch(
      /^Besoin de trésorerie maximal : [\d\u202f]+,\d\d\u00a0€\n= max\(0 ; − min de la trésorerie/,
    );
  });

  it("credit-impot: the rate's trace and note cite the version of the year's own source (2020: CGI 2013, 2025: BOFiP 2022)", async () => {
    const devis = await prodbook("devis", EXEMPLE, "ci-annees-0.xlsx");
    const cas = [
      [
        "2020",
        "1er\u00a0janvier\u00a02016",
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000026949450/2013-12-12",
      ],
      ["2025", "31\u00a0décembre\u00a02021", "https://bofip.impots.gouv.fr/bofip/13601-PGP.html/ACTU-2022-00085"],
    ];
    for (const [annee, version, url] of cas) {
      const options = [...CI.slice(0, -1), annee, "--json", "--explique"];
      const sortie = path.join(dir, `ci-annee-${annee}.xlsx`);
      const out = await executer(["credit-impot", devis, ...options, "-o", sortie]);
      const j = JSON.parse(out) as { traces: { credit: Trace } };
      const taux = chercherTrace(j.traces.credit, (t) => t.regle?.table === "credit-impot-audiovisuel")!;
      expect([taux.libelle, taux.regle!.source, taux.regle!.sources![0]]).toEqual(["Taux", url, url]);
      const avant = Object.values(await notes(sortie, "Crédit d'impôt")).find((t) => t.startsWith("Crédit avant "))!;
      expect(avant).toContain(
        `\nRègle : credit-impot.audiovisuel.taux.documentaire, en vigueur au ${version}, confiance H — ${url} (et ` +
          `${taux.regle!.sources!.length - 1} autres sources de cette version)\n`,
      );
    }
  });

  it("devis: each salaire-minimum finding of the Contrôles sheet names the grid's version and source, the minimum and the line's rate with its cell; twice the same", async () => {
    const options = ["--oeuvre", "cinema", "--genre", "fiction", "--date", "2025-09-01"];
    const a = await prodbook("devis", CINEMA, "controles-1.xlsx", options);
    const b = await prodbook("devis", a, "controles-2.xlsx", options);
    const n = await notes(a, "Contrôles");
    expect(await notes(b, "Contrôles")).toEqual(n);
    // The findings and their traces as `--json --explique` gives them: one note per salaire-minimum finding, on its
    // message (column C of its row, findings from row 5 in the JSON's order), and on no other cell.
    const j = JSON.parse(await executer(["devis", CINEMA, ...options, "--json", "--explique"])) as {
      controles: { regle: string; message: string; cellule: string | null }[];
      traces: { salairesMinimum: Trace[] };
    };
    const salaires = j.controles.flatMap((c, i) => (c.regle === "salaire-minimum" ? [[`C${5 + i}`, c] as const] : []));
    // Six technicians and one artist (F21, checked against idcc3097-artistes-minima: its note below).
    expect(salaires).toHaveLength(7);
    expect(Object.keys(n).sort()).toEqual(salaires.map(([c]) => c).sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    const [[celluleArtiste, artiste]] = salaires.filter(([, c]) => c.cellule === "'Devis La Rade'!F21");
    expect(wb.getWorksheet("Contrôles")!.getCell(celluleArtiste).value).toBe(artiste.message);
    expect(artiste.message).toBe(
      "'Devis La Rade'!F21 « Seconds rôles » : 350,00\u00a0€ par jour, sous le minimum IDCC 3097 des " +
        "artistes-interprètes : 412,08\u00a0€ par jour (table idcc3097-artistes-minima en vigueur au 1er\u00a0janvier" +
        "\u00a02022, annexe III.1 (long-métrage ; durée du film non indiquée, minimum du long-métrage retenu), " +
        "engagement à la journée).",
    );
    expect(n[celluleArtiste]).toBe(
      "Manque au minimum par jour, 3.2 « Seconds rôles » : 62,08\u00a0€\n" +
        "= minimum − payé par jour ; 10\u202f500,00\u00a0€ ('Devis La Rade'!G21) < minimum 12\u202f362,40\u00a0€ = " +
        "30\u00a0jours × 412,08\u00a0€ (IDCC 3097)\n" +
        "← Minimum par jour des artistes-interprètes : 412,08\u00a0€ (IDCC 3097, artistes-interprètes, annexe III.1 " +
        "(long-métrage ; durée du film non indiquée, minimum du long-métrage retenu), engagement à la journée)\n" +
        "← Payé par jour : 350,00\u00a0€ (taux de la ligne) ['Devis La Rade'!F21]\n" +
        "Cellules lues : 'Devis La Rade'!F21\n" +
        "Règle : idcc3097-artistes-minima, en vigueur au 1er\u00a0janvier\u00a02022, confiance H — " +
        "https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044102 (et 8 autres sources de cette version)\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    for (const [cellule, c] of salaires.filter(([, x]) => x !== artiste)) {
      expect(wb.getWorksheet("Contrôles")!.getCell(cellule).value).toBe(c.message);
      const t = j.traces.salairesMinimum.find((x) => x.cellule === c.cellule)!;
      const minimum = chercherTrace(t, (x) => x.regle?.table === "idcc3097-minima")!;
      // The grid's table and version in words, its source, the minimum applied, the rate paid and its cell.
      expect(n[cellule]).toContain(`\nRègle : idcc3097-minima, en vigueur au 1er\u00a0avril\u00a02024, confiance `);
      expect(n[cellule]).toContain(` — ${minimum.regle!.source} (et 5 autres sources de cette version)\n`);
      expect(minimum.regle!.source).toBe("https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044080");
      expect(n[cellule]).toContain(`\n← Payé par `);
      expect(n[cellule]).toContain(` (taux de la ligne) [${c.cellule}]\n`);
      expect(incoherences(t)).toEqual([]);
    }
    expect(n[salaires[0][0]]).toBe(
      "Manque au minimum par semaine, 2.1 « Directeur de production » : 278,64\u00a0€\n" +
        "= minimum − payé par semaine ; 24\u202f000,00\u00a0€ ('Devis La Rade'!G9) < minimum 26\u202f786,40\u00a0€ = " +
        "10\u00a0semaines × 2\u202f678,64\u00a0€ (IDCC 3097)\n" +
        "← Minimum hebdomadaire de la fonction « Directeur de production » : 2\u202f678,64\u00a0€ (IDCC 3097, titre II, " +
        "annexe I, base 39 h ; plancher : grille antérieure, le minimum en vigueur est plus élevé)\n" +
        "← Payé par semaine : 2\u202f400,00\u00a0€ (taux de la ligne) ['Devis La Rade'!F9]\n" +
        "Cellules lues : 'Devis La Rade'!F9\n" +
        "Règle : idcc3097-minima, en vigueur au 1er\u00a0avril\u00a02024, confiance H — " +
        "https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044080 (et 5 autres sources de cette version)\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
  });

  it("financement: total, reste à financer, public aid and its share, down to the plan's cells; each ratio its numerator and denominator, as LibreOffice computes it", async () => {
    const plan = path.join(FIX, "financement/cinema.xlsx");
    const a = await prodbook("financement", plan, "fi-1.xlsx");
    const b = await prodbook("financement", a, "fi-2.xlsx");
    const feuille = "Plan de financement (Prodbook)";
    const n = await notes(a, feuille);
    expect(await notes(b, feuille)).toEqual(n);
    // Total (F22, B24), reste à financer, public aid, its share; each source's share of the total (G11:G21), the
    // envisaged and negotiated shares, the CNC aid's intensity, broadcasters / French financing, each category's share.
    const ratios = Object.keys(n).filter((c) =>
      /^(Part |Intensité des aides (du CNC|publiques)|Diffuseurs)/.test(n[c]),
    );
    expect(ratios.filter((c) => /^G(1[1-9]|2[01])$/.test(c))).toHaveLength(11);
    // Each category's amount (B) beside its share (C).
    const categories = Object.keys(n).filter((c) => n[c].startsWith("Total de la catégorie « "));
    expect(categories.length).toBeGreaterThan(20);
    expect(categories.map((c) => c.replace("B", "C"))).toEqual(ratios.filter((c) => /^C\d+$/.test(c)));
    // The others: total (twice), reste à financer, public aid; the cost (its link, B2, and its copy), foreign
    // financing, the intensity's base, private financing, the applicable ceiling, the CNC aid, the shares' total.
    expect(Object.keys(n).length).toBe(4 + 8 + categories.length + ratios.length);
    expect(await formule(a, feuille, "B34")).toBe('SUMIFS($F$11:$F$21,$I$11:$I$21,"Oui",$E$11:$E$21,"France")');
    expect(n.B34).toBe(
      "Aides du CNC : 500\u202f000,00\u00a0€\n" +
        "= Σ sources françaises du CNC ; Σ colonne F, lignes 11 à 21, des sources françaises dont « Aide CNC » " +
        "(colonne I) vaut Oui\n" +
        "← CNC : 500\u202f000,00\u00a0€ (montant lu (acquis)) ['Plan de financement'!C15]\n" +
        "Cellules lues : 'Plan de financement'!C15\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(await formule(a, feuille, "B29")).toBe(
      '$B$2-SUMIFS($F$11:$F$21,$C$11:$C$21,"Coproducteur étranger",$E$11:$E$21,"Étranger")',
    );
    expect(n.B29).toBe(
      "Base de l'intensité (coût − parts des coproducteurs étrangers) : 3\u202f000\u202f000,00\u00a0€\n" +
        "= coût − parts des coproducteurs étrangers (participation française, RGA art. 211-8 et 311-9) ; B2 − Σ colonne F, " +
        "lignes 11 à 21, des sources dont « Catégorie » (colonne C) vaut « Coproducteur étranger » et « Origine » " +
        "(colonne E) « Étranger » (les autres " +
        "financements étrangers, préventes comprises, restent dans la participation française)\n" +
        "← Coût de l'œuvre : 3\u202f000\u202f000,00\u00a0€ (lu : coût indiqué dans le plan) ['Plan de financement'!C2]\n" +
        "← Parts des coproducteurs étrangers : 0,00\u00a0€ (Σ sources étrangères de la catégorie « Coproducteur étranger » : " +
        "aucune source)\n" +
        "Cellules lues : 'Plan de financement'!C2\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.B33).toMatch(
      /^Plafond applicable : 50,00\u00a0%\n= plafond dérogatoire si « premier ou deuxième film » ou si le coût ≤ seuil « petit budget », sinon plafond général ; ici : plafond général ; B6 si B4 vaut Oui ou si B2 ≤ B7, sinon B5\n/,
    );
    expect(n.B33).toContain(
      "← Plafond dérogatoire : 60,00\u00a0%\nCellules lues : 'Plan de financement'!C2\nRègle : intensite-aides, en vigueur au 1er\u00a0février\u00a02023",
    );
    expect(n.G22).toBe(
      "Total des parts : 100,00\u00a0%\n= Σ parts des sources dans le total ; Σ colonne G, lignes 11 à 21\n" +
        "Cellules lues : 'Plan de financement'!C6:C8, C11:C13, C15:C19\n(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.G11).toMatch(
      /^Part du total : .+ : \d+,\d\d\u00a0%\n= montant de la source ÷ total des financements ; F11 ÷ total F22, 0 quand F22 vaut 0\n← .+\['Plan de financement'!C6\]\n← Total des financements : .+ \(Σ 11 sources\)\n/,
    );
    const envisagee = Object.values(n).find((t) => t.startsWith("Part envisagée"))!;
    expect(envisagee).toContain("← Sources au statut « Envisagé » : ");
    expect(envisagee).toContain("; Σ F11:F21 dont la colonne D vaut « Envisagé » ÷ total F22, 0 quand F22 vaut 0\n");
    const lu = (await lireRecalcule(await recalculerSansCache(a))).getWorksheet(feuille)!;
    for (const [c, t] of Object.entries(n)) {
      const [cellule, note, calcule] = figureEtCellule(lu, c, t);
      expect([cellule, calcule]).toEqual([c, note]);
    }
    const total = Object.entries(n).find(([, t]) => t.startsWith("Total des financements"))!;
    expect(await formule(a, feuille, total[0])).toMatch(/^SUM\(\$F\$11:\$F\$21\)$/);
    expect(total[1]).toContain(
      "= Σ 11 sources ; Σ colonne F, lignes 11 à 21 (11 sources)\nCellules lues : 'Plan de financement'!C6:C8, C11:C13, C15:C19",
    );
    const part = Object.values(n).find((t) => t.startsWith("Intensité des aides publiques"))!;
    expect(part).toContain("Intensité des aides publiques : 35,00\u00a0%\n= aides publiques ÷ coût ; plafond 50 %");
    expect(part).toContain(" ; B30 ÷ B29, 0 quand B29 ≤ 0\n");
    expect(part).toContain("Règle : intensite-aides, en vigueur au 1er\u00a0février\u00a02023, confiance H");
  });

  it("financement: each plan note is the trace --explique prints (and --json gives), then where the sheet computes it", async () => {
    const plan = path.join(FIX, "financement/documentaire.xlsx");
    const options = ["--date", "2026-01-15"];
    const a = await prodbook("financement", plan, "fi-traces.xlsx", options);
    const n = await notes(a, "Plan de financement");
    const json = JSON.parse(await executer(["financement", plan, ...options, "--json", "--explique"]));
    // Spaces compared as plain ones (the text output may write its own no-break spaces).
    const plat = (x: string) => x.replace(/[\u00a0\u202f]/g, " ");
    const texte = plat(await executer(["financement", plan, ...options, "--explique"]));
    const t = json.traces as Record<string, Trace | Trace[] | Record<string, Trace>>;
    const un = (k: string) => t[k] as Trace;
    // The sheet: 8 sources on rows 11 to 18, the total on 19, the synthesis from B22.
    const attendues: [string, Trace][] = [
      ["F19", un("total")],
      ["B23", un("total")],
      ["B24", un("resteAFinancer")],
      ["B25", un("financementEtranger")],
      ["B26", un("baseIntensite")],
      ["B27", un("aidesPubliques")],
      ["B28", un("financementPrive")],
      ["B29", un("intensite")],
      ["B30", un("plafond")],
      ["B31", un("aidesCnc")],
      ["B32", un("intensiteCnc")],
      ["B33", un("partEnvisagee")],
      ["B34", un("partEnNegociation")],
      ["B35", un("diffuseursFrancais")],
      ["G19", un("totalParts")],
      ...(t.partsSources as Trace[]).map((x, i): [string, Trace] => [`G${11 + i}`, x]),
    ];
    expect(attendues.every(([, x]) => x)).toBe(true);
    for (const [cellule, trace] of attendues) {
      const note = n[cellule];
      // « = <the trace's formula> ; <where this sheet computes it> », the rest as noteDeTrace writes the trace.
      const formule = note.split("\n")[1].slice(2);
      expect([cellule, formule.startsWith(`${trace.formule} ; `)]).toEqual([cellule, true]);
      expect([cellule, note]).toEqual([cellule, noteDeTrace(trace, formule)]);
      // --explique prints the same figure, with the same formula.
      expect(texte).toContain(plat(`  ${trace.libelle} : ${valeurSigneeFr(trace)} = ${trace.formule}`));
    }
    expect(n.B24).toContain("= coût − total des financements ; B2 − F19\n");
    expect(n.B27).toMatch(/^Aides publiques : 70\u202f000,00\u00a0€\n/);
    expect(texte).toContain("  Part du total : Arte France : 25,00 % = montant de la source ÷ total des financements");
    expect(n.G11).toMatch(/^Part du total : Arte France : 25,00\u00a0%\n/);
    // Each category holding a source: its total (B) and share (C), the same in --explique.
    const categories = Object.entries(t.categories as Record<string, Trace>).filter(([, x]) => x.entrees?.length);
    expect(categories.length).toBe(8);
    for (const [id, x] of categories) {
      const cellule = Object.keys(n).find((c) => /^B\d+$/.test(c) && n[c].startsWith(`${x.libelle} : `))!;
      expect(n[cellule]).toBe(noteDeTrace(x, n[cellule].split("\n")[1].slice(2)));
      const part = (t.partsCategories as Record<string, Trace>)[id];
      expect(n[cellule.replace("B", "C")]).toBe(
        noteDeTrace(part, n[cellule.replace("B", "C")].split("\n")[1].slice(2)),
      );
      expect(texte).toContain(plat(`  ${part.libelle} : ${valeurSigneeFr(part)} = ${part.formule}`));
    }
  });

  it("ecarts: réalisé, estimation, écart and écart estimé of each chapter, of the total and of each poste; twice the same", async () => {
    const a = await prodbook("ecarts", EXEMPLE, "ec-1.xlsx", FEC);
    const b = await prodbook("ecarts", a, "ec-2.xlsx", FEC);
    const n = await notes(a, "Écarts");
    const cout = await notes(a, "Coût définitif");
    expect(await notes(b, "Écarts")).toEqual(n);
    expect(await notes(b, "Coût définitif")).toEqual(cout);
    expect(await commentairesXml(b)).toBe(Object.keys(n).length + Object.keys(cout).length);
    // Réalisé (G), reste à engager (H), estimation finale (I), écart (J), écart estimé (K) and its % (L) on every row;
    // budget (D) where it is a sum: the 11 chapters and the total (G6, placed in no chapter, is listed under the total
    // with its cell, outside every sum: the Budget total is the devis total).
    // Row 3 (the class-6 check: B3, D3, F3, H3), the chapters' engagé (F) and the total's budget révisé (E17) too;
    // and every row's alert (M).
    expect(Object.keys(n).every((c) => /^[DGHIJKLM]\d+$|^[BDFH]3$|^F(?:[6-9]|1[0-7])$|^E17$/.test(c))).toBe(true);
    for (const c of Object.keys(n).filter((x) => x.startsWith("G")))
      expect(["H", "I", "J", "K", "L", "M"].map((x) => n[c.replace("G", x)]).every(Boolean)).toBe(true);
    expect(await formule(a, "Écarts", "M7")).toMatch(/^IF\(ABS\(K7\)<=\$D\$2,"",/);
    expect(n.M7).toBe(
      "Alerte 2 Personnel : non\n" +
        "= « Alerte » quand |écart estimé K7| dépasse le seuil en euros (D2) et |K7| ÷ |budget D7| le seuil en % (B2) ; " +
        "dès le seuil en euros quand le budget D7 vaut 0\n" +
        "← Écart estimé : 0,00\u00a0€ [K7]\n" +
        "← Budget : 54\u202f110,00\u00a0€ [D7]\n" +
        "Cellules lues : K7, D7, B2, D2\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(await formule(a, "Écarts", "H7")).toBe("MAX(0,D7-G7)");
    expect(n.H7).toBe(
      "Reste à engager 2 Personnel : 46\u202f110,00\u00a0€\n" +
        "= max(0 ; budget D7 − réalisé G7) ; tapez à la place le reste connu (devis, bons de commande)\n" +
        "← Rien à engager : 0,00\u00a0€\n" +
        "← Budget − réalisé : 46\u202f110,00\u00a0€ (budget − réalisé)\n" +
        "Cellules lues : D7, G7\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.H17).toMatch(/^Reste à engager total : .*\n= Σ reste à engager des 11 chapitres ; H6 à H16 ci-dessus\n/);
    expect(await formule(a, "Écarts", "L7")).toBe('IF(D7=0,"",K7/D7)');
    expect(n.L7).toContain("= écart estimé ÷ budget (K7 ÷ D7) ; vide quand D7 vaut 0\n");
    expect(n.L17).toMatch(/^Écart estimé % total : .*\n= écart estimé total ÷ budget total \(K17 ÷ D17\)/);
    expect(Object.keys(n).filter((c) => /^D(?!3$)/.test(c))).toEqual(Array.from({ length: 12 }, (_, i) => `D${6 + i}`));
    expect(n.D7).toContain("= Σ lignes du devis du chapitre ; colonne D des postes du chapitre 2 ci-dessous\n");
    expect(n.I7).toContain("Estimation finale : 54\u202f110,00\u00a0€\n= réalisé + reste à engager\n");
    // The reste where this sheet holds it: H7, MAX(0,D7-G7) (its own note details it).
    expect(n.I7).toContain("← Reste à engager : 46\u202f110,00\u00a0€ (max(0 ; budget − réalisé)) [H7]\n");
    expect(n.I17).toMatch(
      /^Estimation finale totale : .*\n= Σ estimation finale des 11 chapitres ; I6 à I16 ci-dessus\n/,
    );
    expect(n.G7).toBe(
      "Réalisé 2 Personnel : 8\u202f000,00\u00a0€\n" +
        "= Σ réalisé des postes du chapitre ; lignes de « Grand livre » dont la colonne N vaut 2\n" +
        "← Réalisé 2 : 8\u202f000,00\u00a0€ (Σ 1 compte de classe 6 affecté au poste)\n" +
        "Comptes : 641100 Salaires techniciens 8\u202f000,00\u00a0€\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.J7).toContain("Écart 2 Personnel : −46\u202f110,00\u00a0€\n= réalisé − budget\n");
    const total = Object.values(n).find((t) => t.startsWith("Écart total"))!;
    expect(total).toContain("← Réalisé total : 39\u202f496,75\u00a0€ (Σ réalisé des 11 chapitres)");
    expect(await formule(a, "Écarts", "K7")).toBe("I7-D7");
    expect(n.K7).toBe(
      "Écart estimé 2 Personnel : 0,00\u00a0€\n" +
        "= estimation finale − budget\n" +
        "← Estimation finale : 54\u202f110,00\u00a0€ (réalisé + reste à engager)\n" +
        "← Budget 2 Personnel : 54\u202f110,00\u00a0€ (Σ lignes du devis du chapitre)\n" +
        "Cellules lues : 'Budget Gardiens'!G15:G25\n" +
        "Estimation finale = réalisé 8\u202f000,00\u00a0€ + reste à engager 46\u202f110,00\u00a0€ (max(0 ; budget − réalisé))\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    const [cTotal, estimeTotal] = Object.entries(n).find(([, t]) => t.startsWith("Écart estimé total"))!;
    expect(await formule(a, "Écarts", cTotal)).toMatch(/^SUM\(K6:K\d+\)$/);
    // Signed as the pane and the text tree write an écart (« + » on an expected overspend).
    expect(estimeTotal).toMatch(/^Écart estimé total : \+600,50\u00a0€\n= Σ écart estimé des 11 chapitres\n/);
  });

  it("ecarts: the engagé of each chapter and of the total, and the class-6 check of row 3, say where they come from", async () => {
    // Two commitments typed on postes of chapter 2 in the written sheet, then the command run again on it.
    const a = await prodbook("ecarts", EXEMPLE, "ec-e-1.xlsx", FEC);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    const ws = wb.getWorksheet("Écarts")!;
    const postes2: number[] = [];
    const chapitre2: number[] = [];
    ws.eachRow((r, i) => {
      if (i > 17 && r.getCell("C").value === "2") chapitre2.push(i);
      if (i > 17 && r.getCell("C").value === "2" && /^2\.\d+$/.test(String(r.getCell("A").value))) postes2.push(i);
    });
    expect(postes2.length).toBeGreaterThan(2);
    ws.getCell(`F${postes2[0]}`).value = 1000;
    ws.getCell(`F${postes2[2]}`).value = 234.56;
    const saisi = path.join(dir, "ec-e-saisi.xlsx");
    await wb.xlsx.writeFile(saisi);
    const b = await prodbook("ecarts", saisi, "ec-e-2.xlsx", FEC);
    const n = await notes(b, "Écarts");
    const lu = await feuilleLue(b, "Écarts");
    // The chapter's engagé: SUMIFS over its postes' column F, each typed commitment with its cell.
    expect(await formule(b, "Écarts", "F7")).toMatch(/^SUMIFS\(\$F\$\d+:\$F\$\d+,\$C\$\d+:\$C\$\d+,\$A7\)$/);
    expect(nombre(lu.getCell("F7"))).toBe(1234.56);
    const [l1, l3] = [postes2[0], postes2[2]].map((i) => `${lu.getCell(`A${i}`).value} ${lu.getCell(`B${i}`).value}`);
    expect(n.F7).toBe(
      "Engagé 2 Personnel : 1\u202f234,56\u00a0€\n" +
        `= Σ engagé des postes du chapitre ; colonne F des postes du chapitre 2 ci-dessous, lignes ${chapitre2[0]} à ` +
        `${chapitre2[chapitre2.length - 1]}\n` +
        `← Engagé ${l1} : 1\u202f000,00\u00a0€ (saisi sur le poste) [F${postes2[0]}]\n` +
        `← Engagé ${l3} : 234,56\u00a0€ (saisi sur le poste) [F${postes2[2]}]\n` +
        `Cellules lues : F${postes2[0]}, F${postes2[2]}\n` +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect([1000, 234.56]).toEqual([postes2[0], postes2[2]].map((i) => nombre(lu.getCell(`F${i}`))));
    // A chapter without any commitment says so.
    expect(n.F6).toMatch(/^Engagé 1 [^:]+ : 0,00\u00a0€\n= Σ engagé des postes du chapitre : aucun n'est saisi/);
    // The total: SUM of the chapters' F, which the note lists as the cells it reads.
    expect(await formule(b, "Écarts", "F17")).toBe("SUM(F6:F16)");
    expect(n.F17).toBe(
      "Engagé total : 1\u202f234,56\u00a0€\n= Σ engagé des 11 chapitres ; F6 à F16 ci-dessus\nCellules lues : F6:F16\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    const chapitres = Array.from({ length: 11 }, (_, i) => nombre(lu.getCell(`F${6 + i}`)) ?? 0);
    expect(chapitres.reduce((x, y) => x + y, 0)).toBeCloseTo(1234.56, 2);
    expect(await formule(b, "Écarts", "E17")).toBe("SUM(E6:E16)");
    expect(n.E17).toMatch(
      /^Budget révisé total : 0,00\u00a0€\n= Σ budget révisé des 11 chapitres ; E6 à E16 ci-dessus : aucun/,
    );
    // Row 3: the net class 6 read in the Grand livre, the part placed in postes (the réalisé total), the part placed in
    // none (each account listed at the bottom, on its row) and the check, each note's figure the cell's.
    expect(n.B3).toMatch(
      /^Classe 6 nette : 40\u202f832,65\u00a0€\n= Σ débit \(colonne J\) − Σ crédit \(colonne K\) des lignes 2 à \d+ de « Grand livre » dont le compte \(colonne E\) commence par 6\n/,
    );
    expect(chiffre(n.B3)).toBe(nombre(lu.getCell("B3")));
    expect(await formule(b, "Écarts", "D3")).toBe("G17");
    expect(n.D3).toMatch(
      /^Affecté aux postes : 39\u202f496,75\u00a0€\n= Σ réalisé des 11 chapitres ; repris de G17\nComptes : /,
    );
    expect(chiffre(n.D3)).toBe(nombre(lu.getCell("D3")));
    expect(chiffre(n.F3)).toBe(nombre(lu.getCell("F3")));
    const comptes = [...n.F3.matchAll(/^← Compte (\d+) .* : ([\d\u202f]+,\d\d)\u00a0€ \[(G\d+)\]$/gm)];
    expect(comptes.length).toBe(2);
    for (const [, compte, montant, cellule] of comptes) {
      const row = Number(cellule.slice(1));
      expect(String(lu.getCell(`A${row}`).value)).toBe(compte);
      expect(nombre(lu.getCell(cellule))).toBe(Number(montant.replace(/\u202f/g, "").replace(",", ".")));
    }
    expect(await formule(b, "Écarts", "H3")).toBe("B3-D3-F3");
    expect(n.H3).toMatch(
      /^Contrôle de la classe 6 : 0,00\u00a0€\n= classe 6 nette − affecté aux postes − non affecté \(B3 − D3 − F3\)/,
    );
    expect(n.H3).toContain("\nCellules lues : B3, D3, F3\n");
  });

  it("ecarts: each chapter's budget révisé names its sources: a live sum of its postes' (their budget where none is typed), or typed for the chapter; LibreOffice agrees", async () => {
    // Revised budgets typed on two postes of chapter 2 and for chapter 3 itself, then the command run again, twice.
    const a = await prodbook("ecarts", EXEMPLE, "ec-r-1.xlsx", FEC);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    const ws = wb.getWorksheet("Écarts")!;
    const postes2: number[] = [];
    ws.eachRow((r, i) => {
      if (i > 17 && r.getCell("C").value === "2" && /^2\.\d+$/.test(String(r.getCell("A").value))) postes2.push(i);
    });
    expect(postes2.length).toBeGreaterThan(3);
    expect(ws.getCell("A8").value).toBe("3");
    ws.getCell(`E${postes2[0]}`).value = 5000;
    ws.getCell(`E${postes2[1]}`).value = 1234.56;
    ws.getCell("E8").value = 7777.77;
    const saisi = path.join(dir, "ec-r-saisi.xlsx");
    await wb.xlsx.writeFile(saisi);
    const b = await prodbook("ecarts", saisi, "ec-r-2.xlsx", FEC);
    const c = await prodbook("ecarts", b, "ec-r-3.xlsx", FEC);
    const n = await notes(b, "Écarts");
    // Run again on its own output: the same notes, and chapter 2's budget révisé still a formula, not frozen as typed.
    expect(await notes(c, "Écarts")).toEqual(n);
    const ecrit = await feuilleLue(b, "Écarts");
    const budgets = postes2.map((i) => nombre(ecrit.getCell(`D${i}`)));
    const attendu = 5000 + 1234.56 + budgets.slice(2).reduce((x, y) => x + y, 0);
    for (const f of [b, c]) {
      expect(await formule(f, "Écarts", "E7")).toMatch(
        /^SUMIFS\(\$E\$\d+:\$E\$\d+,\$C\$\d+:\$C\$\d+,\$A7\)\+SUMIFS\(\$D\$\d+:\$D\$\d+,\$C\$\d+:\$C\$\d+,\$A7\)-SUMIFS\(\$D.*"<>"\)$/,
      );
    }
    // Chapter 2 has more rows than a note lists one by one: the note names the cells read — the two typed revisions,
    // the budget of every other row of the chapter.
    const chapitre2: number[] = [];
    ecrit.eachRow((r, i) => void (i > 17 && r.getCell("C").value === "2" ? chapitre2.push(i) : undefined));
    expect(postes2.slice(0, 2)).toEqual(chapitre2.slice(0, 2));
    expect(n.E7.split("\n")).toEqual([
      `Budget révisé 2 Personnel : ${attendu
        .toFixed(2)
        .replace(".", ",")
        .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")}\u00a0€`,
      "= Σ budget révisé des postes du chapitre (colonne E), le budget (colonne D) d'un poste qui n'en a pas ; " +
        `postes du chapitre 2 ci-dessous, lignes ${chapitre2[0]} à ${chapitre2[chapitre2.length - 1]}`,
      `Cellules lues : E${chapitre2[0]}:E${chapitre2[1]}, D${chapitre2[2]}:D${chapitre2[chapitre2.length - 1]}`,
      "(Prodbook, « D'où vient ce chiffre ? »)",
    ]);
    // Chapter 3: typed for the chapter, said so.
    expect(await formule(b, "Écarts", "E8")).toBeUndefined();
    expect(n.E8).toBe(
      "Budget révisé 3 Interprétation : 7\u202f777,77\u00a0€\n" +
        "= saisi pour le chapitre (il remplace alors le total de ses postes)\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    // Chapters with no revised budget anywhere stay empty, without a note.
    expect(ecrit.getCell("E6").value).toBeNull();
    expect(n.E6).toBeUndefined();
    // LibreOffice recomputes chapter 2's sum as the note says; a revision typed later on a poste reaches the chapter.
    const lo = (await lireRecalcule(await recalculerSansCache(b))).getWorksheet("Écarts")!;
    expect(nombre(lo.getCell("E7"))).toBeCloseTo(chiffre(n.E7), 2);
    expect(nombre(lo.getCell("E7"))).toBeCloseTo(attendu, 2);
    expect(nombre(lo.getCell("E17"))).toBeCloseTo(attendu + 7777.77, 2);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(b);
    wb2.getWorksheet("Écarts")!.getCell(`E${postes2[2]}`).value = 1;
    const modifie = path.join(dir, "ec-r-modifie.xlsx");
    await wb2.xlsx.writeFile(modifie);
    const lo2 = (await lireRecalcule(await recalculerSansCache(modifie))).getWorksheet("Écarts")!;
    expect(nombre(lo2.getCell("E7"))).toBeCloseTo(attendu - budgets[2] + 1, 2);
  });

  it("ecarts: a reste à engager typed in the Écarts sheet is named under the chapter's écart estimé", async () => {
    const a = await prodbook("ecarts", EXEMPLE, "ec-s-1.xlsx", FEC);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    wb.getWorksheet("Écarts")!.getCell("H7").value = 1000;
    const saisi = path.join(dir, "ec-s-saisi.xlsx");
    await wb.xlsx.writeFile(saisi);
    const n = await notes(await prodbook("ecarts", saisi, "ec-s-2.xlsx", FEC), "Écarts");
    // 8 000 réalisé + 1 000 typed − 54 110 budget.
    expect(n.K7).toMatch(/^Écart estimé 2 Personnel : −45\u202f110,00\u00a0€\n/);
    expect(n.K7).toContain(
      "Estimation finale = réalisé 8\u202f000,00\u00a0€ + reste à engager 1\u202f000,00\u00a0€ (saisi dans la feuille Écarts)",
    );
    // The estimation finale names the reste where this sheet holds it (H7), typed.
    expect(n.I7).toContain("← Reste à engager : 1\u202f000,00\u00a0€ (saisi dans la feuille Écarts) [H7]\n");
    // --explique: the reste's trace names the cell it was typed in; a computed one is max(0 ; budget − réalisé).
    const j = JSON.parse(await executer(["ecarts", saisi, ...FEC, "--json", "--explique"]));
    const reste = (t: Trace) => chercherTrace(t, (x) => x.libelle === "Reste à engager")!;
    expect(reste(j.tracesChapitres["2"].ecartEstime)).toEqual({
      libelle: "Reste à engager",
      valeur: "1000.00",
      unite: "euros",
      operation: "valeur",
      formule: "saisi dans la feuille Écarts",
      cellule: "'Écarts'!H7",
    });
    const calcule = reste(j.tracesChapitres["3"].ecartEstime);
    expect([calcule.operation, calcule.formule, incoherences(calcule)]).toEqual([
      "maximum",
      "max(0 ; budget − réalisé)",
      [],
    ]);
    // The typed reste itself says it was typed, and what it replaces.
    expect(n.H7).toMatch(
      /^Reste à engager 2 Personnel : 1\u202f000,00\u00a0€\n= saisi dans la feuille Écarts et repris \(au lieu de max\(0 ; budget D7 − réalisé G7\)\)\n/,
    );
  });

  it("ecarts: Coût définitif's budget, coût définitif, écart, France and Étranger of each chapter and of the total say what LibreOffice computes", async () => {
    const a = await prodbook("ecarts", EXEMPLE, "cd-1.xlsx", FEC);
    const feuille = "Coût définitif";
    const n = await notes(a, feuille);
    // 11 chapters and the total, six figures each: C, D, E, écart % (F) and France (H) / Étranger (I) as the devis has
    // territories; the total's part France (G16).
    expect(Object.keys(n)).toHaveLength(12 * 6 + 1);
    expect(Object.keys(n).every((c) => /^[CDEFHI](?:[5-9]|1[0-6])$|^G16$/.test(c))).toBe(true);
    expect(n.F6).toContain("= écart ÷ budget (E6 ÷ C6) ; vide quand C6 vaut 0\n");
    expect(n.G16).toMatch(/^Part France du coût définitif : .*\n= France total ÷ coût définitif total \(H16 ÷ D16\)/);
    expect(await formule(a, feuille, "D6")).toBe("'Écarts'!G7");
    expect(n.D6).toBe(
      "Réalisé 2 Personnel : 8\u202f000,00\u00a0€\n" +
        "= Σ réalisé des postes du chapitre ; repris de 'Écarts'!G7\n" +
        "← Réalisé 2 : 8\u202f000,00\u00a0€ (Σ 1 compte de classe 6 affecté au poste)\n" +
        "Comptes : 641100 Salaires techniciens 8\u202f000,00\u00a0€\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.C5).toContain("= Σ lignes du devis du chapitre ; repris de 'Écarts'!D6\n");
    expect(n.C5).toContain("Cellules lues : 'Budget Gardiens'!G9:G11\n");
    expect(n.H6).toMatch(/^France 2 Personnel : 7\u202f837,37\u00a0€\n= réalisé × part France, arrondi au centime\n/);
    expect(n.H6).toContain("← Part France : 97,97\u00a0% (moyenne des parts France des lignes du devis");
    expect(n.I6).toMatch(/^Étranger 2 Personnel : 162,63\u00a0€\n= réalisé − France\n/);
    expect(n.D16).toContain("= Σ réalisé des 11 chapitres ; D5 à D15 ci-dessus\n");
    expect(n.H16).toMatch(/^France total : 39\u202f180,93\u00a0€\n= Σ des 11 chapitres ; H5 à H15 ci-dessus\n/);

    // Each note's figure is the one the cell's live formula gives, recalculated by LibreOffice from no cached value;
    // the same for the Écarts sheet's notes.
    const lu = await lireRecalcule(await recalculerSansCache(a));
    for (const [f, ns] of [
      [feuille, n],
      ["Écarts", await notes(a, "Écarts")],
    ] as const)
      for (const [c, t] of Object.entries(ns)) {
        const [cellule, note, calcule] = figureEtCellule(lu.getWorksheet(f)!, c, t);
        expect([f, cellule, calcule]).toEqual([f, c, note]);
      }
  });
  it("versions comparer: each chapter's and the total's écart and écart % name the two versions and the cells compared; the lines' écart column says how each line is compared, each line's écart the rows compared; LibreOffice agrees", async () => {
    const f = await deuxVersions(dir);
    const sortie = path.join(dir, "cmp-1.xlsx");
    const args = ["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément", "-o"];
    await executer([...args, sortie]);
    const n = await notes(sortie, "Comparaison");
    const deux = path.join(dir, "cmp-2.xlsx");
    await executer(["versions", "comparer", sortie, ...args.slice(3), deux]);
    expect(await notes(deux, "Comparaison")).toEqual(n);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Comparaison")!;
    // The chapter rows (« Chapitre » in A) and the total: écart (N) and écart % (O) each.
    const lignes: number[] = [];
    ws.eachRow((r, i) => {
      if (r.getCell(1).value === "Chapitre" && r.getCell(2).value !== "Chapitre") lignes.push(i);
    });
    const total = lignes[lignes.length - 1] + 1;
    expect(ws.getCell(`A${total}`).value).toBe("Total");
    const entete = total + 2;
    expect(ws.getCell(`N${entete}`).value).toBe("Écart (à − de)");
    // And each line's écart (N), below the header: 9 lines compared.
    const parLigne = Array.from({ length: 9 }, (_, i) => `N${entete + 1 + i}`);
    expect(ws.getCell(`A${entete + 9}`).value).not.toBeNull();
    expect(ws.getCell(`A${entete + 10}`).value).toBeNull();
    // Every computed cell has its note (a link to the producer's cell apart): the chapters' and the total's amounts,
    // écart and écart %, each line's quantité, taux and montant read in « Versions », écart and its two parts.
    const calculees: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const formule = c.formula || (c.value as { sharedFormula?: string } | null)?.sharedFormula;
        if (formule && !formule.startsWith("HYPERLINK(")) calculees.push(c.address);
      }),
    );
    for (const r of [...lignes, total])
      expect(calculees).toEqual(expect.arrayContaining([`L${r}`, `M${r}`, `N${r}`, `O${r}`]));
    expect(calculees).toEqual(expect.arrayContaining([...parLigne, ...parLigne.map((x) => x.replace("N", "P"))]));
    expect(Object.keys(n).sort()).toEqual([...calculees, `N${entete}`].sort());
    const archives =
      entete + 1 + [...Array(9).keys()].find((i) => ws.getCell(`D${entete + 1 + i}`).value === "Archives INA")!;
    expect(n[`N${archives}`]).toContain(
      `← Montant à, version « Dépôt agrément » : 0,00\u00a0€ (ligne absente de cette version) [M${archives}]`,
    );
    expect(n[`N${archives}`]).toMatch(
      /← Montant de, version « Devis initial » : 6\u202f000,00\u00a0€ \(lu en Versions!M\d+, SOMME\.SI\.ENS par version et N° \d+\)/,
    );
    const r = lignes[0];
    const code = String(ws.getCell(`B${r}`).value);
    expect(n[`N${r}`]).toContain(
      `= version « Dépôt agrément » − version « Devis initial » (M${r} − L${r})\n` +
        `← chapitre ${code}, version « Dépôt agrément » : `,
    );
    expect(n[`N${r}`]).toContain(
      `(Σ colonne M de « Versions » où la version (A) est « Dépôt agrément » et le chapitre (E) ${code}) [M${r}]`,
    );
    expect(n[`O${r}`]).toContain(
      `= écart ÷ montant de la version « Devis initial » (N${r} ÷ L${r}) ; vide quand L${r} vaut 0`,
    );
    expect(n[`N${total}`]).toMatch(/^Écart total : −2\u202f422,89\u00a0€\n/);
    expect(n[`N${entete}`]).toMatch(
      /^Écart \(à − de\) de chaque ligne = Montant à \(M\) − Montant de \(L\) : la ligne n° « N° à » \(G\) de la version « Dépôt agrément » moins la ligne n° « N° de » \(F\) de la version « Devis initial »/,
    );
    const lu = (await lireRecalcule(await recalculerSansCache(sortie))).getWorksheet("Comparaison")!;
    for (const [c, t] of Object.entries(n).filter(([c]) => c !== `N${entete}`)) {
      const [cellule, note, calcule] = figureEtCellule(lu, c, t);
      expect([cellule, calcule]).toEqual([c, note]);
    }
  });
});
