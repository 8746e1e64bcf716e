import * as fc from "fast-check";
import type { CellData, SheetData } from "../../../src/core/port/workbook";

/**
 * Producer-style devis sheets generated as in-memory cell grids (issue 10 §5): sections with or without a title
 * amount, subtotals right, wrong or as SUM formulas, capitals, « Total… » labels that are and are not totals,
 * blank and comment rows, amounts as numbers or French / English texts, Excel errors and dates in the amount
 * column, TVA and TTC rows under the total. Columns: Code | Désignation | Qté | Tarif | Montant (E), or the same
 * with Code and Désignation unheaded (`libellesSansEntete`). `devisProducteur` adds the layouts the import learned to
 * name: a « (en k€) » note between lines, a figure typed « 12,5 k€ », « Remise -N % » without amount, a SUM subtotal skipping a line, a second
 * block « Poste | Coût » right of the table (G:H), the amount column hidden, « (3 k€) », a figure in another currency
 * (« 1 500 USD », « 2 000 $ », « 900 £ », « 1 200 CHF ») and a rate (« 50 €/jour », « 300 €/sem ») in the amount cell.
 */
export type Montant = { cents: number; forme: "nombre" | "fr" | "en" | "formule" };
export type Rangee =
  | { type: "ligne"; libelle: string; montant: Montant; facteurs: boolean }
  | { type: "titre"; libelle: string; montant?: "somme" | "faux" | "formule" }
  | { type: "sous-total"; libelle: string; juste: "oui" | "faux" | "formule" | "loin" }
  | { type: "vide" }
  | { type: "commentaire"; texte: string }
  | { type: "erreur"; libelle: string; code: string }
  | { type: "date"; libelle: string; date: string }
  | { type: "total"; libelle: string; juste: "oui" | "faux" | "formule" }
  | { type: "derive"; libelle: string; cents: number }
  /** « (en k€) » on a row of its own between lines (named, never applied). */
  | { type: "note-k"; texte: string }
  /** « Remise -N % » without amount (named, neither computed nor counted). */
  | { type: "remise"; pct: number }
  /** A SUM formula over the section that skips its last line (its cached result skips it too). */
  | { type: "saute"; libelle: string }
  /** A figure typed with its unit (« 12,5 k€ ») in the amount column: named, listed at its value in euros. */
  | { type: "texte-k"; libelle: string; dixiemes: number }
  /** An accountant's negative with its unit (« (3 k€) »): named, listed at −3 000,00 €. */
  | { type: "texte-k-negatif"; libelle: string; milliers: number }
  /** A figure written in another currency (« 1 500 USD », « 900 £ »): named with it, read, never summed in euros. */
  | { type: "devise"; libelle: string; texte: string; devise: string }
  /** A rate in the amount cell (« 50 €/jour », « 300 €/sem »): named (montant-tarif), listed at its figure. */
  | { type: "tarif"; libelle: string; euros: number; periode: string };

const TITRES = ["PERSONNEL", "2 - PERSONNEL", "POST-PRODUCTION", "DÉCORS", "CHAPITRE 7 MOYENS TECHNIQUES", "RÉGIE"];
const LIBELLES = [
  "Monteur",
  "Chef opérateur",
  "TOTAL ENERGIES",
  "Total carburant",
  "CATERING",
  "LOCATION DE LOCAUX",
  "Location caméra",
  "Mixage",
  "Divers",
  "ASSURANCES",
  "Total Énergies station A6",
];
const SOUS_TOTAUX = ["Sous-total", "TOTAL CHAPITRE", "Total poste", "S/total"];

const montant: fc.Arbitrary<Montant> = fc.record({
  cents: fc.oneof(
    fc.integer({ min: 0, max: 2_000_000 }),
    fc.integer({ min: 1, max: 99 }).map((x) => x * 100_000),
  ),
  forme: fc.constantFrom("nombre", "fr", "en", "formule"),
});

const rangee: fc.Arbitrary<Rangee> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      type: fc.constant("ligne" as const),
      libelle: fc.constantFrom(...LIBELLES),
      montant,
      facteurs: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("titre" as const),
      libelle: fc.constantFrom(...TITRES),
      montant: fc.option(fc.constantFrom("somme" as const, "faux" as const, "formule" as const), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("sous-total" as const),
      libelle: fc.constantFrom(...SOUS_TOTAUX),
      juste: fc.constantFrom("oui" as const, "faux" as const, "formule" as const, "loin" as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: "vide" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("commentaire" as const),
      texte: fc.constantFrom("Devis à recevoir", "NB : tarifs 2025"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("erreur" as const),
      libelle: fc.constantFrom("", "Machinerie", "Sous-total"),
      code: fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("date" as const),
      libelle: fc.constantFrom("", "Repérages"),
      date: fc.constantFrom("2025-04-15", "15/04/2025"),
    }),
  },
);

const fin: fc.Arbitrary<Rangee[]> = fc
  .tuple(
    fc.option(
      fc.record({
        type: fc.constant("total" as const),
        libelle: fc.constantFrom("TOTAL", "Total général", "TOTAL HT"),
        juste: fc.constantFrom("oui" as const, "faux" as const, "formule" as const),
      }),
      { nil: undefined },
    ),
    fc.boolean(),
  )
  .map(([t, tva]) => {
    const out: Rangee[] = t ? [t] : [];
    if (tva)
      out.push({ type: "derive", libelle: "TVA 20 %", cents: 0 }, { type: "derive", libelle: "TOTAL TTC", cents: 0 });
    return out;
  });

/** The layouts of producer sheets the import learned to name (issue 10 §3, devis-audit-producteur). */
const rangeeProducteur: fc.Arbitrary<Rangee> = fc.oneof(
  { weight: 14, arbitrary: rangee },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("note-k" as const),
      texte: fc.constantFrom("(en k€)", "Montants exprimés en milliers d'euros", "Unité : k€"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant("remise" as const), pct: fc.integer({ min: 1, max: 30 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant("saute" as const), libelle: fc.constantFrom(...SOUS_TOTAUX) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("texte-k" as const),
      libelle: fc.constantFrom(...LIBELLES),
      dixiemes: fc.integer({ min: 1, max: 9999 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("texte-k-negatif" as const),
      libelle: fc.constantFrom(...LIBELLES),
      milliers: fc.integer({ min: 1, max: 999 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        libelle: fc.constantFrom(...LIBELLES),
        devise: fc.constantFrom<[string, string]>(
          ["1 500 USD", "dollars US"],
          ["2 000 $", "dollars"],
          ["900 £", "livres sterling"],
          ["1 200 CHF", "francs suisses"],
          // A rate in another currency: in another currency all the same, never a rate in euros.
          ["500 $/day", "dollars"],
          ["500 USD/jour", "dollars US"],
        ),
      })
      .map(({ libelle, devise: d }) => ({ type: "devise" as const, libelle, texte: d[0], devise: d[1] })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("tarif" as const),
      libelle: fc.constantFrom(...LIBELLES),
      euros: fc.integer({ min: 1, max: 2000 }),
      periode: fc.constantFrom("€/jour", "€/sem", " € / j", " € par semaine", "€ HT/jour"),
    }),
  },
);

/**
 * Sheet-wide layouts: a second block with its own header right of the table, the amount column hidden, a second
 * table stacked under the devis with a header of other columns (« Poste | Qté | Tarif | Montant » in A:D), the first
 * header printed again above it (page break), its lines with or without factors, a total by formula. `entre`: between
 * the two tables, a number in the first table's amount column E whose unit is proven (« Jours de tournage | 32 », or
 * « Préparation | 6 | semaines » with the unit in F), or one without a unit (« Reliquat | 32 »: an amount), and a real
 * date in B (« Révisé le | 2025-05-20 »).
 */
export interface MiseEnPage {
  secondBloc?: { lignes: number[]; total: boolean };
  montantMasque?: boolean;
  empile?: { lignes: { cents: number; facteurs: boolean }[]; repete: boolean; total: boolean };
  entre?: { nombre: number; sorte: "jours" | "semaines" | "sansUnite"; date: boolean };
}

export const devisGenere: fc.Arbitrary<Rangee[]> = fc
  .tuple(fc.array(rangee, { minLength: 1, maxLength: 30 }), fin)
  .map(([a, b]) => [...a, ...b]);

/** devisGenere with the producer layouts of rangeeProducteur, and a sheet-wide layout for `grille`. */
export const devisProducteur: fc.Arbitrary<{ rangees: Rangee[]; mise: MiseEnPage }> = fc.record({
  rangees: fc.tuple(fc.array(rangeeProducteur, { minLength: 1, maxLength: 30 }), fin).map(([a, b]) => [...a, ...b]),
  mise: fc.record(
    {
      secondBloc: fc.record({
        lignes: fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 4 }),
        total: fc.boolean(),
      }),
      montantMasque: fc.boolean(),
      empile: fc.record({
        lignes: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 500_000 }), facteurs: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        repete: fc.boolean(),
        total: fc.boolean(),
      }),
    },
    { requiredKeys: [] },
  ),
});

const euros = (c: number) => c / 100;
function texte(c: number, forme: "fr" | "en"): string {
  const [e, d] = [Math.floor(c / 100), String(c % 100).padStart(2, "0")];
  const groupes = String(e).replace(/\B(?=(\d{3})+(?!\d))/g, forme === "fr" ? " " : ",");
  return forme === "fr" ? `${groupes},${d} €` : `${groupes}.${d}`;
}

/** The grid of a generated devis (header on row 1), as the adapters give it to the import. */
export function grille(
  rangees: Rangee[],
  nom = "Devis",
  opts: { libellesSansEntete?: boolean } & MiseEnPage = {},
): SheetData {
  // « | | Qté | Tarif | Montant »: the header names only the numeric columns (issue 10 §3).
  const entete = opts.libellesSansEntete
    ? [null, null, "Qté", "Tarif", "Montant"]
    : ["Code", "Désignation", "Qté", "Tarif", "Montant"];
  const rows: CellData[][] = [entete.map((v) => ({ v }))];
  const v = (x: CellData["v"]): CellData => ({ v: x });
  const vide = (): CellData[] => [v(null), v(null), v(null), v(null), v(null)];
  let depuis = 0; // Σ cents since the last (sub)total, as the producer adds up
  let premiere = 2; // first row (1-based) since the last (sub)total
  let tout = 0;
  let code = 0;
  let derniere: number | undefined; // cents of the line just above, if the row above is a line
  for (const r of rangees) {
    const ligne = vide();
    const n = rows.length + 1;
    switch (r.type) {
      case "ligne": {
        const m = r.montant;
        ligne[0] = v(`${1 + (code++ % 9)}.${code}`);
        ligne[1] = v(r.libelle);
        if (r.facteurs && m.cents % 100 === 0) {
          ligne[2] = v(1);
          ligne[3] = v(euros(m.cents));
        }
        ligne[4] =
          m.forme === "nombre"
            ? v(euros(m.cents))
            : m.forme === "formule"
              ? { v: euros(m.cents), f: `${euros(m.cents)}*1` }
              : v(texte(m.cents, m.forme));
        depuis += m.cents;
        tout += m.cents;
        break;
      }
      case "titre":
        ligne[1] = v(r.libelle);
        if (r.montant) ligne[4] = { v: 0 }; // set when its section closes (below)
        break;
      case "sous-total":
      case "total": {
        ligne[1] = v(r.libelle);
        const s = r.type === "total" ? tout : depuis;
        const m = r.juste === "oui" || r.juste === "formule" ? s : r.juste === "faux" ? s + 100 : s * 3 + 777;
        ligne[4] = r.juste === "formule" ? { v: euros(m), f: `SUM(E${premiere}:E${n - 1})` } : v(euros(m));
        if (r.type === "total" && r.juste === "formule") ligne[4].f = `SUM(E2:E${n - 1})/2`;
        depuis = 0;
        premiere = n + 1;
        break;
      }
      case "saute": {
        // =SUM(E<first>:E<n-2>): the line just above is left out of the formula and of its result.
        ligne[1] = v(r.libelle);
        const saute = derniere ?? 0;
        const fin = derniere !== undefined ? n - 2 : n - 1;
        ligne[4] = { v: euros(depuis - saute), f: fin >= premiere ? `SUM(E${premiere}:E${fin})` : `E${n - 1}*0` };
        depuis = 0;
        premiere = n + 1;
        break;
      }
      case "texte-k":
        ligne[1] = v(r.libelle);
        ligne[4] = v(`${Math.floor(r.dixiemes / 10)}${r.dixiemes % 10 ? `,${r.dixiemes % 10}` : ""} k€`);
        break;
      case "texte-k-negatif":
        ligne[1] = v(r.libelle);
        ligne[4] = v(`(${r.milliers} k€)`);
        break;
      case "devise":
        ligne[1] = v(r.libelle);
        ligne[4] = v(r.texte);
        break;
      case "tarif":
        ligne[1] = v(r.libelle);
        ligne[4] = v(`${r.euros}${r.periode.startsWith(" ") ? r.periode : ` ${r.periode}`}`);
        break;
      case "note-k":
        ligne[1] = v(r.texte);
        break;
      case "remise":
        ligne[1] = v(`Remise -${r.pct} %`);
        break;
      case "vide":
        break;
      case "commentaire":
        ligne[1] = v(r.texte);
        break;
      case "erreur":
        ligne[1] = v(r.libelle || null);
        ligne[4] = { v: r.code, erreur: true, f: "1/0" };
        break;
      case "date":
        ligne[1] = v(r.libelle || null);
        ligne[4] = v(r.date);
        break;
      case "derive":
        ligne[1] = v(r.libelle);
        ligne[4] = v(euros(Math.round(tout * (r.libelle.startsWith("TVA") ? 0.2 : 1.2))));
        break;
    }
    rows.push(ligne);
    derniere = r.type === "ligne" ? r.montant.cents : undefined;
  }
  // A second block right of the table, « Poste | Coût » on the header's row: its amounts are never the devis's.
  const bloc = opts.secondBloc;
  if (bloc) {
    rows[0].push(v(null), v("Poste"), v("Coût"));
    for (let i = 1; i < rows.length; i++) rows[i].push(v(null), v(null), v(null));
    bloc.lignes.forEach((c, i) => {
      if (i + 1 >= rows.length) rows.push([...vide(), v(null), v(null), v(null)]);
      rows[i + 1][6] = v(`Poste ${i + 1}`);
      rows[i + 1][7] = v(euros(c));
    });
    if (bloc.total) {
      const t = bloc.lignes.length + 1;
      if (t >= rows.length) rows.push([...vide(), v(null), v(null), v(null)]);
      rows[t][6] = v("Total");
      rows[t][7] = { v: euros(bloc.lignes.reduce((a, b) => a + b, 0)), f: `SUM(H2:H${t})` };
    }
  }
  // A title's amount: the sum of the lines up to the next title, a wrong figure, or a SUM over them.
  for (let i = 0; i < rangees.length; i++) {
    const r = rangees[i];
    if (r.type !== "titre" || !r.montant) continue;
    let s = 0;
    let j = i + 1;
    for (; j < rangees.length && rangees[j].type !== "titre" && rangees[j].type !== "total"; j++) {
      const x = rangees[j];
      if (x.type === "ligne") s += x.montant.cents;
    }
    const cellule = rows[i + 1][4];
    const m = r.montant === "faux" ? s + 12345 : s;
    rows[i + 1][4] = r.montant === "formule" ? { v: euros(m), f: `SUM(E${i + 3}:E${j + 1})` } : { v: euros(m) };
    void cellule;
  }
  // A second table under the devis, its header in A:D (other columns), after the first header printed again.
  const empile = opts.empile;
  if (empile) {
    const largeur = rows[0].length;
    const rangee = (cells: CellData["v"][]): CellData[] =>
      Array.from({ length: Math.max(largeur, cells.length) }, (_, i) => v(i < cells.length ? cells[i] : null));
    rows.push(rangee([]));
    if (empile.repete) rows.push(rangee([...entete]), rangee([null, "(suite)"]));
    const e = opts.entre;
    if (e) {
      const libelle = { jours: "Jours de tournage", semaines: "Préparation", sansUnite: "Reliquat" }[e.sorte];
      rows.push(rangee([null, libelle, null, null, e.nombre, e.sorte === "semaines" ? "semaines" : null]));
      if (e.date) rows.push(rangee(["Révisé le", "2025-05-20"]));
    }
    rows.push(rangee(["Poste", "Qté", "Tarif", "Montant"]));
    const premiere = rows.length + 1;
    for (const [i, l] of empile.lignes.entries())
      rows.push(
        rangee(
          l.facteurs && l.cents % 100 === 0
            ? [`Poste ${i + 1}`, 2, euros(l.cents) / 2, euros(l.cents)]
            : [`Poste ${i + 1}`, null, null, euros(l.cents)],
        ),
      );
    if (empile.total) {
      const r = rangee(["Total second tableau"]);
      r[3] = { v: euros(empile.lignes.reduce((a, b) => a + b.cents, 0)), f: `SUM(D${premiere}:D${rows.length})` };
      rows.push(r);
    }
  }
  return { name: nom, rows, merges: [], ...(opts.montantMasque ? { colonnesMasquees: [4] } : {}) };
}
