import * as fs from "node:fs";
import path from "node:path";
import { lireFec } from "../../../src/core/comptabilite/fec";
import { lireCorrespondancesCsv } from "../../../src/core/comptabilite/correspondances";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { importerDevis } from "../../../src/core/devis/import";
import { calculerEcarts } from "../../../src/core/ecarts/calcul";
import { lireSaisies, rapprocher } from "../../../src/core/ecarts/rapprocher";
import { cents, centsToDecimalString, ZERO } from "../../../src/core/money";
import { traceCreditImpot } from "../../../src/core/traces/creditImpot";
import { traceResteAEngager, tracesEcarts, tracesEcartsChapitres } from "../../../src/core/traces/ecarts";
import { noteDeTrace } from "../../../src/core/traces/note";
import { arbreTexte, chercherTrace, evaluerNoeud, feuille, incoherences, noeud } from "../../../src/core/traces/trace";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";

const FIX = path.resolve(__dirname, "../../fixtures/fec");
const fec = () => lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
const corr = () => lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
const BUDGET = [
  ["Code", "Libellé", "Quantité", "Tarif", "Montant"],
  ["2.1", "Réalisateur", 15, 500, 7500],
  ["7.1", "Caméra", 10, 300, null],
  ["7.2", "Éclairage", 4, 500, 2000],
];

describe("« D'où vient ce chiffre ? » : reste à engager", () => {
  it("computed: max(0 ; budget − réalisé) with its inputs, re-evaluated; typed: the cell it was typed in", () => {
    const calcule = traceResteAEngager({ budget: cents(750000), realise: cents(200000), reste: cents(550000) });
    expect([calcule.operation, calcule.valeur, calcule.formule]).toEqual([
      "maximum",
      "5500.00",
      "max(0 ; budget − réalisé)",
    ]);
    expect(incoherences(calcule)).toEqual([]);
    const difference = calcule.entrees![1];
    expect(difference.entrees!.map((e) => [e.libelle, e.valeur])).toEqual([
      ["Budget", "7500.00"],
      ["Réalisé", "2000.00"],
    ]);
    // Before: no formula, the text tree read « Budget − réalisé : 5 500,00 € = − ».
    expect(difference.formule).toBe("budget − réalisé");
    expect(arbreTexte(calcule)[2]).toBe("  ← Budget − réalisé : 5\u202f500,00\u00a0€ = budget − réalisé");
    // Overspent: max(0 ; −) is 0, and says so.
    const depasse = traceResteAEngager({ budget: cents(1000), realise: cents(5000), reste: ZERO });
    expect(evaluerNoeud(depasse).toFixed(2)).toBe("0.00");
    expect(depasse.operation).toBe("maximum");
    const saisi = traceResteAEngager({
      budget: cents(750000),
      realise: cents(200000),
      reste: cents(100000),
      celluleReste: "'Écarts'!H7",
    });
    expect(saisi).toEqual({
      libelle: "Reste à engager",
      valeur: "1000.00",
      unite: "euros",
      operation: "valeur",
      formule: "saisi dans la feuille Écarts",
      cellule: "'Écarts'!H7",
    });
  });

  it("a reste typed in a previous Écarts sheet: read with its cell, named in the poste's and chapter's écart estimé", async () => {
    const wb = new MemoryWorkbook({ Budget: BUDGET });
    const premier = await rapprocher(wb, { fec: fec(), correspondances: corr() });
    // The Écarts sheet as written, then 1 000 € typed as the reste à engager of poste 2.1 (its row in the detail).
    const ecarts = (await wb.readSheet("Écarts"))!;
    const r = ecarts.rows.findIndex((l, i) => i > 6 && l[0]?.v === "2.1");
    expect(r).toBeGreaterThan(6);
    ecarts.rows[r][7] = { v: 1000 };
    const { saisies } = lireSaisies(ecarts);
    expect(saisies.cellulesReste!.get("ligne:2.1")).toBe(`'Écarts'!H${r + 1}`);
    const rapport = calculerEcarts(premier.devis, premier.rapport.realise, saisies);
    const poste = rapport.lignes.find((l) => l.code === "2.1")!;
    expect([poste.reste, poste.celluleReste]).toEqual([100000, `'Écarts'!H${r + 1}`]);
    const t = tracesEcarts(rapport, premier.devis, fec(), corr());
    const reste = chercherTrace(t["2.1"].ecartEstime, (x) => x.libelle === "Reste à engager")!;
    expect([reste.valeur, reste.formule, reste.cellule]).toEqual([
      "1000.00",
      "saisi dans la feuille Écarts",
      `'Écarts'!H${r + 1}`,
    ]);
    expect(incoherences(t["2.1"].ecartEstime)).toEqual([]);
    // Nothing typed for 7.1: computed, with its inputs, named as the poste's (a chapter's as the chapter's).
    const calcule = chercherTrace(t["7.1"].ecartEstime, (x) => x.libelle === "Reste à engager")!;
    expect([calcule.operation, calcule.cellule]).toEqual(["maximum", undefined]);
    expect(calcule.entrees![1].entrees!.map((e) => e.formule)).toEqual(["budget du poste 7.1", "réalisé du poste 7.1"]);
    const ch = tracesEcartsChapitres(rapport, t, premier.devis)["7"];
    const resteChapitre = chercherTrace(ch.ecartEstime, (x) => x.libelle === "Reste à engager")!;
    expect(resteChapitre.entrees![1].entrees![0].formule).toMatch(/^budget du chapitre 7 /);
    // Each FEC line says the date of its entry in words.
    const ligne = Object.values(t)
      .map((p) => chercherTrace(p.realise, (x) => /^FEC ligne/.test(x.cellule ?? "")))
      .find((x) => x !== undefined)!;
    expect(ligne.formule).toMatch(/^débit − crédit, compte \d+, écriture du (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}$/);
  });
});

describe("« D'où vient ce chiffre ? » : an écart in a note is signed as in the pane and the tree", () => {
  it("« +1 234,56 € » on the note's figure and on an écart among its inputs; « − » and 0 unchanged", () => {
    const realise = feuille("Réalisé 2", "2234.56", "euros", { cellule: "G7" });
    const budget = feuille("Budget 2", "1000.00", "euros", { cellule: "D7" });
    const ecart = noeud("Écart 2", "1234.56", "euros", "difference", [realise, budget], {
      formule: "réalisé − budget",
    });
    expect(noteDeTrace(ecart).split("\n").slice(0, 4)).toEqual([
      "Écart 2 : +1\u202f234,56\u00a0€",
      "= réalisé − budget",
      "← Réalisé 2 : 2\u202f234,56\u00a0€ [G7]",
      "← Budget 2 : 1\u202f000,00\u00a0€ [D7]",
    ]);
    const negatif = noeud("Écart 3", "-300.00", "euros", "difference", [budget, realise]);
    const total = noeud("Écart estimé total", "934.56", "euros", "somme", [ecart, negatif]);
    expect(noteDeTrace(total).split("\n").slice(0, 3)).toEqual([
      "Écart estimé total : +934,56\u00a0€",
      "← Écart 2 : +1\u202f234,56\u00a0€ (réalisé − budget)",
      "← Écart 3 : \u2212300,00\u00a0€",
    ]);
  });
});

describe("« D'où vient ce chiffre ? » : crédit d'impôt of a line whose amount was computed", () => {
  it("« Montant » is quantité × taux on the factors' cells, never the empty amount cell", async () => {
    const wb = new MemoryWorkbook({ Budget: BUDGET });
    const devis = importerDevis((await wb.readSheet("Budget"))!);
    const r = calculerCreditImpot(devis, { regime: "cinema", genre: "fiction", annee: 2025 });
    const t = traceCreditImpot(r);
    expect(incoherences(t)).toEqual([]);
    const camera = chercherTrace(t, (x) => x.libelle === "7.1 « Caméra »")!;
    const montant = camera.entrees![0];
    expect([montant.libelle, montant.valeur, montant.operation, montant.formule, montant.cellule]).toEqual([
      "Montant",
      "3000.00",
      "produit",
      "calculé : quantité × taux (Budget!C3 × D3)",
      undefined,
    ]);
    expect(montant.entrees!.map((e) => e.cellule)).toEqual(["Budget!C3", "Budget!D3"]);
    expect(camera.cellule).toBeUndefined();
    expect(JSON.stringify(t)).not.toContain("Budget!E3");
    // A typed amount stays its cell.
    const eclairage = chercherTrace(t, (x) => x.libelle === "7.2 « Éclairage »")!;
    expect(eclairage.cellule).toBe("Budget!E4");
    expect(eclairage.entrees![0]).toMatchObject({ libelle: "Montant", operation: "valeur", cellule: "Budget!E4" });
  });
});

describe("« D'où vient ce chiffre ? » : crédit d'impôt of a computed line whose base is limited", () => {
  it("the director's pay capped: min(montant × part France ; amount kept), the amount on its factors' cells", async () => {
    const wb = new MemoryWorkbook({
      Budget: [
        ["Code", "Libellé", "Quantité", "Tarif", "Montant"],
        ["2.1", "Réalisateur", 15, 5000, null],
        ["7.1", "Caméra", 10, 300, 3000],
      ],
    });
    const devis = importerDevis((await wb.readSheet("Budget"))!);
    const r = calculerCreditImpot(devis, { regime: "cinema", genre: "fiction", annee: 2025 });
    const ligne = r.lignes.find((l) => l.code === "2.1")!;
    // The cap applies: the base is below the computed amount.
    expect(ligne.base).toBeLessThan(ligne.montant);
    expect(ligne.motif).toContain("rémunération du réalisateur plafonnée");
    const t = traceCreditImpot(r);
    expect(incoherences(t)).toEqual([]);
    const realisateur = chercherTrace(t, (x) => x.libelle === "2.1 « Réalisateur »")!;
    expect([realisateur.operation, realisateur.valeur, realisateur.formule]).toEqual([
      "minimum",
      centsToDecimalString(ligne.base),
      `montant 75\u202f000,00\u00a0€ limité : ${ligne.motif}`,
    ]);
    const montant = chercherTrace(realisateur, (x) => x.libelle === "Montant")!;
    expect([montant.operation, montant.valeur, montant.formule]).toEqual([
      "produit",
      "75000.00",
      "calculé : quantité × taux (Budget!C2 × D2)",
    ]);
    expect(montant.entrees!.map((e) => e.cellule)).toEqual(["Budget!C2", "Budget!D2"]);
    // Never the empty amount cell.
    expect(JSON.stringify(realisateur)).not.toContain("Budget!E2");
  });
});

describe("« D'où vient ce chiffre ? » : crédit d'impôt of a typed line whose base is limited", () => {
  it("the director's typed pay capped: min(montant × part France ; amount kept), the amount on its own cell", async () => {
    // Before: a leaf « montant 75000.00 limité : … », the amount in machine digits and nothing to re-evaluate.
    const wb = new MemoryWorkbook({
      Budget: [
        ["Code", "Libellé", "Quantité", "Tarif", "Montant"],
        ["2.1", "Réalisateur", null, null, 75000],
        ["7.1", "Caméra", 10, 300, 3000],
      ],
    });
    const devis = importerDevis((await wb.readSheet("Budget"))!);
    const r = calculerCreditImpot(devis, { regime: "cinema", genre: "fiction", annee: 2025 });
    const ligne = r.lignes.find((l) => l.code === "2.1")!;
    expect(ligne.base).toBeLessThan(ligne.montant);
    const t = traceCreditImpot(r);
    expect(incoherences(t)).toEqual([]);
    const realisateur = chercherTrace(t, (x) => x.libelle === "2.1 « Réalisateur »")!;
    expect([realisateur.operation, realisateur.valeur, realisateur.cellule, realisateur.formule]).toEqual([
      "minimum",
      centsToDecimalString(ligne.base),
      "Budget!E2",
      `montant 75\u202f000,00\u00a0€ limité : ${ligne.motif}`,
    ]);
    expect(evaluerNoeud(realisateur).toFixed(2)).toBe(centsToDecimalString(ligne.base));
    const montant = chercherTrace(realisateur, (x) => x.libelle === "Montant")!;
    expect([montant.operation, montant.valeur, montant.cellule]).toEqual(["valeur", "75000.00", "Budget!E2"]);
  });
});
