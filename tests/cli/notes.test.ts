import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { lireRecalcule, nombre, recalculerSansCache } from "../helpers/libreoffice";

/**
 * « D'où vient ce chiffre ? » for a partner without the add-in: the sheets the built CLI writes carry an Excel note on
 * each computed figure, read back here with ExcelJS; running the command again on its own output gives the same notes
 * (replaced with their sheet, never stacked).
 */
const RACINE = path.join(__dirname, "../..");
const BIN = path.join(RACINE, "bin/prodbook.js");
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
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

function prodbook(commande: string, entree: string, sortie: string, options: string[] = []): string {
  const s = path.join(dir, sortie);
  execFileSync(process.execPath, [BIN, commande, entree, ...options, "-o", s], { encoding: "utf8" });
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

/** The figure a note starts with (« Chapitre 2 Personnel : 54 110,00 € » → 54110), to compare with the cell. */
const chiffre = (t: string) =>
  Number(
    t
      .split("\n")[0]
      .replace(/^.* : /, "")
      .replace(/[\u202f\u00a0€]/g, "")
      .replace(",", "."),
  );

describe("Excel notes on the computed cells of the sheets the CLI writes", () => {
  it("devis: each chapter total names its rows and the producer's cells; the total lists its parts; twice the same", async () => {
    const a = prodbook("devis", EXEMPLE, "devis-1.xlsx");
    const b = prodbook("devis", a, "devis-2.xlsx");
    const n = await notes(a, "Devis");
    expect(Object.keys(n)).toHaveLength(13); // 9 chapters, coût hors frais, FG, IMP, TOTAL
    expect(await notes(b, "Devis")).toEqual(n);
    expect(await commentairesXml(b)).toBe(13 + 13); // and the Synthèse's: 11 chapters, coût hors frais, TOTAL

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
    expect(total).toContain("← Chapitre FG Frais généraux : 22\u202f833,09\u00a0€");
    // Notes are text: none is a formula, whatever it starts with.
    for (const t of Object.values(n)) expect(t).not.toMatch(/^=/);
  });

  it("devis: the Synthèse repeats each Devis figure's note with the cell it reads, and the cost per minute its own; LibreOffice agrees", async () => {
    const a = prodbook("devis", EXEMPLE, "sy-1.xlsx", ["--duree", "52"]);
    const b = prodbook("devis", a, "sy-2.xlsx", ["--duree", "52"]);
    const n = await notes(a, "Synthèse");
    expect(await notes(b, "Synthèse")).toEqual(n);
    // 11 chapters (C5:C15), coût hors frais (C16), TOTAL (C17), coût par minute (C18).
    expect(Object.keys(n)).toEqual(Array.from({ length: 14 }, (_, i) => `C${5 + i}`));
    expect(await formule(a, "Synthèse", "C6")).toBe("Devis!H47");
    expect(n.C6).toBe(
      "Chapitre 2 Personnel : 54\u202f110,00\u00a0€\n" +
        "= Σ 11 lignes du chapitre ; repris de Devis!H47\n" +
        "Cellules lues : 'Budget Gardiens'!G15:G25\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.C17).toMatch(/^Total du devis : 184\u202f509,13\u00a0€\n= .* ; repris de Devis!H58\n/);
    expect(n.C18).toMatch(/^Coût à la minute : 3\u202f548,25\u00a0€\n= total ÷ durée ; durée modifiable en B2\n/);
    expect(n.C18).toContain("← Durée : 52\u00a0min");
    const lu = await lireRecalcule(await recalculerSansCache(a));
    for (const [c, t] of Object.entries(n))
      expect([c, nombre(lu.getWorksheet("Synthèse")!.getCell(c))]).toEqual([c, chiffre(t)]);
  });

  it("credit-impot: base, credit before caps, each cap, credit and each chapter's base; the Devis notes of an earlier run are kept", async () => {
    const devis = prodbook("devis", EXEMPLE, "ci-0.xlsx");
    const a = prodbook("credit-impot", devis, "ci-1.xlsx", CI);
    const b = prodbook("credit-impot", a, "ci-2.xlsx", CI);
    const n = await notes(a, "Crédit d'impôt");
    expect(await notes(b, "Crédit d'impôt")).toEqual(n);
    expect(await notes(b, "Devis")).toEqual(await notes(devis, "Devis"));
    expect(await commentairesXml(b)).toBe(Object.keys(n).length + 13 + 13);

    const credit = Object.values(n).find((t) => t.startsWith("Crédit d'impôt : "))!;
    expect(credit).toMatch(/^Crédit d'impôt : 36\u202f305,15\u00a0€\n= min\(crédit avant plafonds ; plafonds\)\n/);
    expect(credit).toMatch(
      /\n← Plafond : plafond par minute : 75\u202f400,00\u00a0€ \(1\u202f450,00\u00a0€\/min × 52\smin\)\n/,
    );
    expect(credit).toMatch(
      /Règle : credit-impot\.audiovisuel\.taux\.documentaire, en vigueur au \d{4}-\d\d-\d\d, confiance M, à vérifier/,
    );
    const avant = Object.values(n).find((t) => t.startsWith("Crédit avant plafonds"))!;
    expect(avant).toContain("= base × taux\n← Base du crédit (dépenses éligibles en France) : 145\u202f220,60\u00a0€");
    const chapitre1 = Object.values(n).find((t) => t.startsWith("Chapitre 1 "))!;
    expect(chapitre1).toContain(
      "← 1.1 « Auteur-réalisateur — droits d'auteur » : 12\u202f000,00\u00a0€ (montant × part France) ['Budget Gardiens'!G9]",
    );
    expect(Object.values(n).filter((t) => t.startsWith("Plafond : "))).toHaveLength(2);
  });

  it("financement: total, reste à financer, public aid and its share, down to the plan's cells", async () => {
    const plan = path.join(FIX, "financement/cinema.xlsx");
    const a = prodbook("financement", plan, "fi-1.xlsx");
    const b = prodbook("financement", a, "fi-2.xlsx");
    const feuille = "Plan de financement (Prodbook)";
    const n = await notes(a, feuille);
    expect(await notes(b, feuille)).toEqual(n);
    expect(Object.keys(n)).toHaveLength(5);
    const total = Object.entries(n).find(([, t]) => t.startsWith("Total des financements"))!;
    expect(await formule(a, feuille, total[0])).toMatch(/^SUM\(\$F\$11:\$F\$21\)$/);
    expect(total[1]).toContain(
      "= Σ colonne F, lignes 11 à 21 (11 sources)\nCellules lues : 'Plan de financement'!C6:C8, C11:C13, C15:C19",
    );
    const part = Object.values(n).find((t) => t.startsWith("Part des aides publiques"))!;
    expect(part).toContain("Part des aides publiques : 35,00\u00a0%\n= aides publiques ÷ coût ; plafond 50 %");
    expect(part).toContain("Règle : intensite-aides, en vigueur au 2016-01-01, confiance H");
  });

  it("ecarts: réalisé, estimation, écart and écart estimé of each chapter, of the total and of each poste; twice the same", async () => {
    const a = prodbook("ecarts", EXEMPLE, "ec-1.xlsx", FEC);
    const b = prodbook("ecarts", a, "ec-2.xlsx", FEC);
    const n = await notes(a, "Écarts");
    const cout = await notes(a, "Coût définitif");
    expect(await notes(b, "Écarts")).toEqual(n);
    expect(await notes(b, "Coût définitif")).toEqual(cout);
    expect(await commentairesXml(b)).toBe(Object.keys(n).length + Object.keys(cout).length);
    // Réalisé (G), estimation finale (I), écart (J) and écart estimé (K) on every row; budget (D) where it is a sum:
    // the 12 chapters and the total.
    expect(Object.keys(n).every((c) => /^[DGIJK]\d+$/.test(c))).toBe(true);
    for (const c of Object.keys(n).filter((x) => x.startsWith("G")))
      expect(["I", "J", "K"].map((x) => n[c.replace("G", x)]).every(Boolean)).toBe(true);
    expect(Object.keys(n).filter((c) => c.startsWith("D"))).toEqual(Array.from({ length: 13 }, (_, i) => `D${6 + i}`));
    expect(n.D7).toContain("= Σ lignes du devis du chapitre ; colonne D des postes du chapitre 2 ci-dessous\n");
    expect(n.I7).toContain("Estimation finale : 54\u202f110,00\u00a0€\n= réalisé + reste à engager\n");
    expect(n.I7).toContain("← Reste à engager : 46\u202f110,00\u00a0€ (max(0 ; budget − réalisé))\n");
    expect(n.I18).toMatch(
      /^Estimation finale totale : .*\n= Σ estimation finale des 12 chapitres ; I6 à I17 ci-dessus\n/,
    );
    expect(n.G7).toBe(
      "Réalisé 2 Personnel : 8\u202f000,00\u00a0€\n" +
        "= Σ réalisé des postes du chapitre ; lignes de « Grand livre » dont la colonne N vaut 2\n" +
        "← Réalisé 2 : 8\u202f000,00\u00a0€ (Σ 1 compte de classe 6 affecté au poste)\n" +
        "Comptes : 641100 Salaires techniciens 8\u202f000,00\u00a0€\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(n.J7).toContain("Écart 2 Personnel : -46\u202f110,00\u00a0€\n= réalisé − budget\n");
    const total = Object.values(n).find((t) => t.startsWith("Écart total"))!;
    expect(total).toContain("← Réalisé total : 39\u202f496,75\u00a0€ (Σ réalisé des 12 chapitres)");
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
    expect(estimeTotal).toMatch(/^Écart estimé total : 600,50\u00a0€\n= Σ écart estimé des 12 chapitres\n/);
  });

  it("ecarts: a reste à engager typed in the Écarts sheet is named under the chapter's écart estimé", async () => {
    const a = prodbook("ecarts", EXEMPLE, "ec-s-1.xlsx", FEC);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    wb.getWorksheet("Écarts")!.getCell("H7").value = 1000;
    const saisi = path.join(dir, "ec-s-saisi.xlsx");
    await wb.xlsx.writeFile(saisi);
    const n = await notes(prodbook("ecarts", saisi, "ec-s-2.xlsx", FEC), "Écarts");
    // 8 000 réalisé + 1 000 typed − 54 110 budget.
    expect(n.K7).toMatch(/^Écart estimé 2 Personnel : -45\u202f110,00\u00a0€\n/);
    expect(n.K7).toContain(
      "Estimation finale = réalisé 8\u202f000,00\u00a0€ + reste à engager 1\u202f000,00\u00a0€ (saisi dans la feuille Écarts)",
    );
  });

  it("ecarts: Coût définitif's budget, coût définitif, écart, France and Étranger of each chapter and of the total say what LibreOffice computes", async () => {
    const a = prodbook("ecarts", EXEMPLE, "cd-1.xlsx", FEC);
    const feuille = "Coût définitif";
    const n = await notes(a, feuille);
    // 12 chapters and the total, five figures each: C, D, E, and France (H) / Étranger (I) as the devis has territories.
    expect(Object.keys(n)).toHaveLength(13 * 5);
    expect(Object.keys(n).every((c) => /^[CDEHI](?:[5-9]|1[0-7])$/.test(c))).toBe(true);
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
    expect(n.D17).toContain("= Σ réalisé des 12 chapitres ; D5 à D16 ci-dessus\n");
    expect(n.H17).toMatch(/^France total : 39\u202f180,93\u00a0€\n= Σ des 12 chapitres ; H5 à H16 ci-dessus\n/);

    // Each note's figure is the one the cell's live formula gives, recalculated by LibreOffice from no cached value;
    // the same for the Écarts sheet's notes.
    const lu = await lireRecalcule(await recalculerSansCache(a));
    for (const [f, ns] of [
      [feuille, n],
      ["Écarts", await notes(a, "Écarts")],
    ] as const)
      for (const [c, t] of Object.entries(ns))
        expect([f, c, nombre(lu.getWorksheet(f)!.getCell(c))]).toEqual([f, c, chiffre(t)]);
  });
});
