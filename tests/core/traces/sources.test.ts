import * as fs from "node:fs";
import path from "node:path";
import { lireFec } from "../../../src/core/comptabilite/fec";
import { lireCorrespondancesCsv } from "../../../src/core/comptabilite/correspondances";
import { rapprocher } from "../../../src/core/ecarts/rapprocher";
import { tracesEcarts } from "../../../src/core/traces/ecarts";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { importerDevis } from "../../../src/core/devis/import";
import { feuilleDevis } from "../../../src/core/devis/feuilleDevis";
import { detecterContexte } from "../../../src/core/production/contexte";
import { traceCreditImpot } from "../../../src/core/traces/creditImpot";
import { traceLigne, tracesDevis } from "../../../src/core/traces/devis";
import {
  arbreTexte,
  chercherTrace,
  feuille,
  incoherences,
  noeud,
  valeurSigneeFr,
  type Trace,
} from "../../../src/core/traces/trace";
import { optionsDevisDe, origineDuree, origineDureeDe } from "../../../src/app/contexte";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";

/** A producer's devis: a title naming the duration, then lines with quantité, nombre, tarif, montant, territoire. */
const LIGNES: CelluleMemoire[][] = [
  ["Documentaire « Les Gardiens » — 52'"],
  [],
  ["Code", "Libellé", "Quantité", "Nombre", "Tarif", "Montant", "Territoire"],
  ["2.1", "Chef opérateur", 10, 2, 350, 7000, "France"],
  ["2.2", "Assistant", 20, null, 300, 6000, "France"],
  ["5.1", "Location caméra", null, null, null, 4000, "Étranger"],
  [null, "Imprévus 7 %", null, null, null, null, null],
];

async function lire() {
  const wb = new MemoryWorkbook({ Budget: LIGNES });
  const sheet = (await wb.readSheet("Budget"))!;
  return { sheet, devis: importerDevis(sheet, { dureeMinutes: 52 }) };
}

const ligne = (d: Awaited<ReturnType<typeof lire>>["devis"], libelle: string) =>
  d.lignes.find((l) => l.libelle === libelle)!;

describe("« D'où vient ce chiffre ? » : every input with its cell (issue 14)", () => {
  it("a line computed as quantité × nombre × taux says its formula with the cell of each factor", async () => {
    const { devis } = await lire();
    const t = traceLigne(ligne(devis, "Chef opérateur"));
    expect(t.operation).toBe("produit");
    expect(t.formule).toBe("quantité × nombre × taux (Budget!C4 × D4 × E4)");
    expect(t.cellule).toBe("Budget!F4");
    expect(t.entrees!.map((e) => [e.libelle, e.valeur, e.cellule])).toEqual([
      ["Quantité", "10", "Budget!C4"],
      ["Nombre", "2", "Budget!D4"],
      ["Taux", "350", "Budget!E4"],
    ]);
    expect(incoherences(t)).toEqual([]);
    // Only the factors the line has: no « nombre » where the row has none.
    expect(traceLigne(ligne(devis, "Assistant")).formule).toBe("quantité × taux (Budget!C5 × E5)");
  });

  it("a typed amount, a percentage read in the label and a share read in « Territoire » each name their cell", async () => {
    const { devis } = await lire();
    const t = tracesDevis(devis);
    const camera = chercherTrace(t.total, (x) => x.libelle === "5.1 « Location caméra »")!;
    expect([camera.operation, camera.formule, camera.cellule]).toEqual(["valeur", "montant lu", "Budget!F6"]);
    const imprevus = chercherTrace(t.total, (x) => x.libelle === "« Imprévus 7 % »")!;
    expect(imprevus.entrees!.find((e) => e.libelle === "Pourcentage")!.cellule).toBe("Budget!B7");
    // Every input of the devis' traces (operation « valeur ») carries a cell, except the cross-references.
    const sansCellule: string[] = [];
    const parcourir = (x: Trace) => {
      if (x.operation === "valeur" && !x.cellule && !x.formule?.startsWith("voir ")) sansCellule.push(x.libelle);
      x.entrees?.forEach(parcourir);
    };
    parcourir(t.total);
    expect(sansCellule).toEqual([]);
    const ci = traceCreditImpot(
      calculerCreditImpot(devis, { regime: "audiovisuel", genre: "documentaire", annee: 2025, dureeMinutes: 52 }),
    );
    const parts = (x: Trace): Trace[] =>
      x.libelle === "Part dépensée en France" ? [x] : (x.entrees ?? []).flatMap(parts);
    expect(parts(ci).map((p) => [p.valeur, p.cellule])).toEqual([
      ["1", "Budget!G4"],
      ["1", "Budget!G5"],
    ]);
  });

  it("the duration: its cell when detected in the workbook, « durée saisie » when typed, in the cost per minute and the cap", async () => {
    const { sheet } = await lire();
    const detecte = detecterContexte([sheet]);
    expect(detecte.sources.duree).toBe("Budget!A1");
    // The context still holds the detected value: the cell; typed over: « durée saisie » (no CLI option named).
    const lue = origineDureeDe({ duree: "52" }, detecte);
    expect(lue).toEqual({ formule: "durée lue dans le classeur", cellule: "Budget!A1" });
    expect(origineDureeDe({ duree: "90" }, detecte)).toEqual({ formule: "durée saisie" });
    expect(origineDureeDe({}, detecte)).toBeUndefined();
    expect(optionsDevisDe({ duree: "52" }, detecte).origineDuree).toEqual(lue);
    expect(origineDuree({ dureeMinutes: 90 })).toEqual({ formule: "durée saisie" });
    expect(origineDuree({})).toBeUndefined();

    const devis = importerDevis(sheet, { dureeMinutes: 52, origineDuree: lue });
    const duree = tracesDevis(devis).coutMinute!.entrees![1];
    expect([duree.libelle, duree.valeur, duree.formule, duree.cellule]).toEqual([
      "Durée",
      "52",
      "durée lue dans le classeur",
      "Budget!A1",
    ]);
    // The per-minute cap: the devis' duration with its cell, or the one the options give with theirs.
    const cap = (o: { dureeMinutes?: number; origineDuree?: { formule: string; cellule?: string } }) => {
      const r = calculerCreditImpot(devis, { regime: "audiovisuel", genre: "documentaire", annee: 2025, ...o });
      return chercherTrace(traceCreditImpot(r), (x) => x.libelle === "Durée" && x.unite === "minutes")!;
    };
    expect([cap({}).formule, cap({}).cellule]).toEqual(["durée lue dans le classeur", "Budget!A1"]);
    const saisie = cap({ dureeMinutes: 90, origineDuree: { formule: "durée saisie avec l'option --duree" } });
    expect([saisie.valeur, saisie.formule, saisie.cellule]).toEqual([
      "90",
      "durée saisie avec l'option --duree",
      undefined,
    ]);
  });

  it("the written Devis sheet notes each quantité × nombre × taux amount with its inputs and their cells", async () => {
    const { devis } = await lire();
    const plan = feuilleDevis(devis, "Devis");
    const rangee = plan.spec.rows.findIndex((r) => r[2] === "Chef opérateur") + 1;
    expect(plan.spec.rows[rangee - 1][7]).toEqual({
      formula: `ROUND(D${rangee}*E${rangee}*G${rangee},2)`,
      result: 7000,
    });
    const note = plan.spec.notes!.find((n) => n.cell === `H${rangee}`)!.text;
    expect(note).toBe(
      "2.1 « Chef opérateur » : 7\u202f000,00\u00a0€\n" +
        `= quantité × nombre × taux de cette ligne (D${rangee} × E${rangee} × G${rangee}), arrondi au centime\n` +
        "← Quantité : 10 [Budget!C4]\n" +
        "← Nombre : 2 [Budget!D4]\n" +
        "← Taux : 350,00\u00a0€ [Budget!E4]\n" +
        "Cellules lues : Budget!C4, D4, E4\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    // A typed amount keeps its value, no note.
    const camera = plan.spec.rows.findIndex((r) => r[2] === "Location caméra") + 1;
    expect(plan.spec.notes!.some((n) => n.cell === `H${camera}`)).toBe(false);
  });
});

describe("« D'où vient ce chiffre ? » : a budget line whose amount was computed names its factors' cells", () => {
  it("écarts: the empty amount cell of « Caméra » is not named; its quantité and tarif cells are", async () => {
    const FIX = path.resolve(__dirname, "../../fixtures/fec");
    const fec = lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
    const corr = lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
    const wb = new MemoryWorkbook({
      Budget: [
        ["Code", "Libellé", "Quantité", "Tarif", "Montant"],
        ["2.1", "Réalisateur", 15, 500, 7500],
        ["7.1", "Caméra", 10, 300, null],
      ],
    });
    const r = await rapprocher(wb, { fec, correspondances: corr });
    const t = tracesEcarts(r.rapport, r.devis, fec, r.correspondances);
    const camera = t["7.1"].budget.entrees![0];
    expect([camera.libelle, camera.valeur, camera.operation, camera.formule]).toEqual([
      "« Caméra »",
      "3000.00",
      "produit",
      "quantité × taux (Budget!C3 × D3), montant absent, calculé",
    ]);
    expect(camera.entrees!.map((e) => e.cellule)).toEqual(["Budget!C3", "Budget!D3"]);
    expect(incoherences(t["7.1"].ecart)).toEqual([]);
    // A typed amount stays the cell it was read from.
    expect(t["2.1"].budget.entrees![0]).toMatchObject({ operation: "valeur", cellule: "Budget!E2" });
  });
});

describe("« D'où vient ce chiffre ? » : a signed écart in the text tree", () => {
  it("« + » on a positive écart, « − » (U+2212) on a negative one, unsigned 0; the trace values unchanged", () => {
    const budget = feuille("Budget 2", "1000.00", "euros", { cellule: "Devis!H9" });
    const ecart = (v: string) =>
      noeud("Écart 2", v, "euros", "difference", [feuille("Réalisé 2", String(1000 + Number(v)), "euros"), budget], {
        formule: "réalisé − budget",
      });
    expect(arbreTexte(ecart("1234.56"))[0]).toBe("Écart 2 : +1\u202f234,56\u00a0€ = réalisé − budget");
    expect(arbreTexte(ecart("-300.00"))[0]).toBe("Écart 2 : \u2212300,00\u00a0€ = réalisé − budget");
    expect(arbreTexte(ecart("0.00"))[0]).toBe("Écart 2 : 0,00\u00a0€ = réalisé − budget");
    // Only écarts: the budget below stays unsigned, and so does any other positive figure.
    expect(arbreTexte(ecart("1234.56"))[2]).toBe("  ← Budget 2 : 1\u202f000,00\u00a0€ [Devis!H9]");
    expect(valeurSigneeFr({ libelle: "Écart estimé total", valeur: "600.50", unite: "euros" })).toBe("+600,50\u00a0€");
    expect(valeurSigneeFr({ libelle: "Écart % 2", valeur: "0.25", unite: "taux" })).toBe("25,00\u00a0%");
    expect(JSON.parse(JSON.stringify(ecart("1234.56"))).valeur).toBe("1234.56");
  });
});
