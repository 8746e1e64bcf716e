import Decimal from "decimal.js";
import fc from "fast-check";
import { cents, centsToDecimalString } from "../../../src/core/money";
import { tracesTerritoire } from "../../../src/core/ecarts/coutDefinitif";
import { traceReste } from "../../../src/core/ecarts/feuilleEcarts";
import { traceDeRatio } from "../../../src/core/traces/note";
import { evaluerNoeud, feuille, incoherences, type Trace } from "../../../src/core/traces/trace";

/**
 * The traces the sheets build for their own cells (their notes), beside those of the domains (traces.test.ts):
 * re-evaluated from their inputs, each gives the figure the sheet shows.
 */
function verifier(t: Trace, attendu: Decimal.Value): void {
  expect(incoherences(t)).toEqual([]);
  expect(evaluerNoeud(t).equals(new Decimal(attendu))).toBe(true);
}

const montant = fc.integer({ min: -50_000_000, max: 50_000_000 });

describe("« D'où vient ce chiffre ? » : the traces of the sheets' own cells (property)", () => {
  it("Écarts, reste à engager: max(0 ; budget − réalisé) on the row's cells, or the amount typed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        montant,
        fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
        fc.integer({ min: 2, max: 5000 }),
        (budget, realise, saisi, row) => {
          const reste = saisi ?? Math.max(0, budget - realise);
          const t = traceReste({ budget: cents(budget), realise: cents(realise), reste: cents(reste) }, row, "2.1");
          verifier(t, centsToDecimalString(cents(reste)));
          if (reste === Math.max(0, budget - realise)) {
            expect(t.operation).toBe("maximum");
            expect(t.entrees![1].entrees!.map((e) => e.cellule)).toEqual([`D${row}`, `G${row}`]);
          } else expect(t.formule).toMatch(/^saisi dans la feuille Écarts/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("Coût définitif, France = réalisé × part France rounded to the cent, Étranger = réalisé − France", () => {
    fc.assert(
      fc.property(montant, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (realise, a, b) => {
        const part = new Decimal(Math.min(a, b)).dividedBy(b);
        const r = feuille("Réalisé 2 Personnel", centsToDecimalString(cents(realise)), "euros", { cellule: "D7" });
        const { france, etranger } = tracesTerritoire("2 Personnel", r, part);
        const fr = new Decimal(realise).times(part).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        verifier(france, fr);
        verifier(etranger, new Decimal(realise).dividedBy(100).minus(fr));
        expect(new Decimal(france.valeur).plus(etranger.valeur).equals(r.valeur)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("ratios (écart %, shares of the plan and of the devis): numerator ÷ denominator, nil over 0", () => {
    fc.assert(
      fc.property(montant, montant, (n, d) => {
        const t = traceDeRatio(
          "Écart %",
          { libelle: "écart", montant: cents(n), cellule: "E9" },
          { libelle: "budget", montant: cents(d), cellule: "C9" },
          "vide",
        );
        verifier(t, d === 0 ? 0 : new Decimal(n).dividedBy(d));
        expect(t.operation).toBe(d === 0 ? "nul" : "quotient");
        expect(t.entrees!.map((e) => e.cellule)).toEqual(["E9", "C9"]);
      }),
      { numRuns: 300 },
    );
  });
});
