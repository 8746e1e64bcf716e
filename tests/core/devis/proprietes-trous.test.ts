import * as fc from "fast-check";
import { completerConservation } from "../../../src/core/devis/conservation";
import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import type { CellData, SheetData } from "../../../src/core/port/workbook";
import { colonneLettre } from "../../../src/core/util/adresse";

/**
 * Issue 10: two stacked tables (« N° | Intitulé | Quantité | Unité | Taux | Montant », then « Poste | Qté | Tarif |
 * Montant ») with figures scattered in the gap between them: numbers, amounts typed as text, dates typed as text, in
 * any column, before and after rows that hold something in the first table's amount column (a leftover amount, a
 * date, a text). Conservation holds (lu = lignes + totaux prouvés + non placés + listés, écart 0,00 €) and every
 * scattered figure is counted or named with its cell. Before: a figure on a row above the gap's last row holding a
 * cell of the first table's amount column was skipped, in silence.
 */
type Trou =
  | { type: "vide" }
  | { type: "chiffre"; col: number; valeur: number; texte: boolean }
  | { type: "date"; col: number; texte: string }
  | { type: "montant-f"; valeur: number }
  | { type: "date-f"; texte: string }
  | { type: "texte-f" };

const LIBELLES = ["Provision imprévus", "Reliquat", "Divers", "Révisé le", "Complément", "Note de la production"];
const DATES = ["15/04/2025", "15 avril 2025", "1er juil. 2025", "30/09/2025", "mardi 3 juin 2025"];
const fr = (n: number) => `${String(n).replace(/\B(?=(\d{3})+$)/g, "\u202f")},00 €`;

const trou: fc.Arbitrary<Trou> = fc.oneof(
  fc.constant<Trou>({ type: "vide" }),
  fc.record({
    type: fc.constant("chiffre" as const),
    col: fc.integer({ min: 1, max: 4 }),
    valeur: fc.integer({ min: 1, max: 90_000 }),
    texte: fc.boolean(),
  }),
  fc.record({
    type: fc.constant("date" as const),
    col: fc.integer({ min: 1, max: 4 }),
    texte: fc.constantFrom(...DATES),
  }),
  fc.record({ type: fc.constant("montant-f" as const), valeur: fc.integer({ min: 1, max: 90_000 }) }),
  fc.record({ type: fc.constant("date-f" as const), texte: fc.constantFrom(...DATES) }),
  fc.constant<Trou>({ type: "texte-f" }),
);

interface Cas {
  lignes: { q: number; t: number }[];
  total: boolean;
  trous: [Trou, string][];
}

const cas: fc.Arbitrary<Cas> = fc.record({
  lignes: fc.array(fc.record({ q: fc.integer({ min: 1, max: 20 }), t: fc.integer({ min: 50, max: 5_000 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
  total: fc.constant(true),
  trous: fc.array(fc.tuple(trou, fc.constantFrom(...LIBELLES)), { minLength: 1, maxLength: 7 }),
});

function feuille({ lignes, total, trous }: Cas) {
  const rows: (string | number | null)[][] = [
    ["DEVIS — « Les Marées »"],
    ["N°", "Intitulé", "Quantité", "Unité", "Taux", "Montant"],
  ];
  rows.push([null, "PERSONNEL"]);
  lignes.forEach(({ q, t }, i) => rows.push([`2.${i + 1}`, `Technicien ${i + 1}`, q, "jour", t, q * t]));
  if (total) rows.push([null, "TOTAL PERSONNEL", null, null, null, lignes.reduce((s, l) => s + l.q * l.t, 0)]);
  rows.push([]);
  const chiffres: string[] = [];
  for (const [t, libelle] of trous) {
    const r = rows.length;
    const row: (string | number | null)[] = [libelle, null, null, null, null, null];
    if (t.type === "chiffre" || t.type === "date") {
      row[t.col] = t.type === "date" ? t.texte : t.texte ? fr(t.valeur) : t.valeur;
      chiffres.push(`Devis!${colonneLettre(t.col)}${r + 1}`);
    } else if (t.type === "montant-f") row[5] = t.valeur;
    else if (t.type === "date-f") row[5] = t.texte;
    else if (t.type === "texte-f") row[5] = "voir annexe";
    rows.push(t.type === "vide" ? [] : row);
  }
  rows.push([]);
  rows.push(["TOURNAGE"]);
  rows.push(["Poste", "Qté", "Tarif", "Montant"]);
  rows.push(["Location caméra", 3, 1000, 3000]);
  rows.push(["Régie", null, null, 700]);
  const sheet: SheetData = { name: "Devis", merges: [], rows: rows.map((r) => r.map((v): CellData => ({ v }))) };
  return { sheet, chiffres };
}

describe("chiffres épars entre deux tableaux empilés (issue 10)", () => {
  it("3 000 feuilles : conservation tenue, chaque chiffre de l'intervalle compté ou nommé par sa cellule", () => {
    fc.assert(
      fc.property(cas, (x) => {
        const { sheet, chiffres } = feuille(x);
        const d = importerDevis(sheet, { genre: "documentaire" });
        const constats = controlerDevis(d, "2026-01-15");
        const c = completerConservation(d.conservation!, constats);
        const somme = c.lignes + c.totauxProuves + c.nonPlaces + c.listes;
        if (c.ecart !== 0 || c.lu !== somme || c.nonComptees.length)
          throw new Error(`écart ${c.ecart}, lu ${c.lu} ≠ ${somme}, non comptées ${JSON.stringify(c.nonComptees)}`);
        const nommees = new Set([
          ...(c.ailleurs ?? []).map((a) => a.cellule),
          ...constats.map((k) => k.cellule),
          ...d.lignes.flatMap((l) => Object.values(l.source.cellules)),
        ]);
        const perdus = chiffres.filter((k) => !nommees.has(k));
        if (perdus.length) throw new Error(`chiffres perdus : ${perdus.join(", ")}`);
      }),
      { numRuns: 3_000, seed: 20261206 },
    );
  });
});
