import * as fc from "fast-check";
import Decimal from "decimal.js";
import { cents, centsDeDecimale, eurosToCents, sumCents, type Cents } from "../../../src/core/money/cents";
import { formatMontantFr } from "../../../src/core/money/format";
import { parseMontant } from "../../../src/core/money/parse";
import { calculerTotaux } from "../../../src/core/devis/totaux";
import { ORDRE_CHAPITRES } from "../../../src/core/devis/nomenclature";
import type { LigneDevis } from "../../../src/core/devis/model";
import { calculerEcheancier } from "../../../src/core/financement/echeancier";
import type { SourceFinancement } from "../../../src/core/financement/model";

const arbCents = fc.integer({ min: -(10 ** 13), max: 10 ** 13 }).map((n) => cents(n));

describe("argent : propriétés", () => {
  test("parseMontant(formatMontantFr(c)) === c (avec et sans symbole €)", () => {
    fc.assert(
      fc.property(arbCents, fc.boolean(), (c, symbole) => {
        expect(parseMontant(formatMontantFr(c, symbole))).toBe(c);
      }),
      { numRuns: 5000 },
    );
  });

  test("Σ des chapitres = total du devis (lignes placées ou non, montants signés)", () => {
    const arbLigne = fc.record({
      chapitre: fc.option(fc.constantFrom(...ORDRE_CHAPITRES), { nil: undefined }),
      montant: fc.integer({ min: -(10 ** 9), max: 10 ** 11 }),
    });
    fc.assert(
      fc.property(fc.array(arbLigne, { maxLength: 60 }), (ls) => {
        const lignes: LigneDevis[] = ls.map((l, i) => ({
          id: `Devis!${i + 2}`,
          libelle: `ligne ${i}`,
          montant: cents(l.montant),
          chapitre: l.chapitre,
          eligibleCI: "auto",
          source: { feuille: "Devis", ligne: i + 2, cellules: { montant: `Devis!F${i + 2}` } },
        }));
        const t = calculerTotaux(lignes, []);
        expect(sumCents(t.chapitres.map((c) => c.total))).toBe(t.total);
        // Every placed line counted once, and only placed lines.
        expect(t.total).toBe(ls.filter((l) => l.chapitre).reduce((s, l) => s + l.montant, 0));
        expect(t.chapitres.reduce((s, c) => s + c.lignes, 0)).toBe(ls.filter((l) => l.chapitre).length);
      }),
      { numRuns: 2000 },
    );
  });

  test("échéancier : Σ encaissements des mois + sans date = Σ des tranches en numéraire, Σ dépenses = coût − apports non numéraires", () => {
    const jour = fc
      .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const arbTranche = fc.record({
      montant: fc.integer({ min: 0, max: 10 ** 10 }).map((n) => cents(n)),
      date: fc.option(jour, { nil: undefined }),
    });
    const arbPeriode = fc.tuple(jour, jour).map(([a, b]) => ({ debut: a < b ? a : b, fin: a < b ? b : a }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(arbTranche, { maxLength: 4 }), fc.boolean()), { maxLength: 6 }),
        fc.option(fc.integer({ min: 1, max: 10 ** 11 }), { nil: undefined }),
        fc.array(arbPeriode, { maxLength: 4 }),
        (parSource, cout, periodes) => {
          const sources = parSource.map(
            ([tranches, numeraire], i) =>
              ({
                id: `Plan!${i + 2}`,
                financeur: `F${i}`,
                montant: sumCents(tranches.map((t) => t.montant)),
                numeraire,
                tranches,
              }) as unknown as SourceFinancement,
          );
          const e = calculerEcheancier(sources, cout === undefined ? undefined : cents(cout), periodes);
          const tranches = parSource.filter(([, numeraire]) => numeraire).flatMap(([t]) => t);
          expect(sumCents(e.mois.map((m) => m.encaissements)) + e.sansDate).toBe(
            tranches.reduce((s, t) => s + t.montant, 0),
          );
          // A contribution that is no cash pays its part of the cost without a payment: the rest is spent.
          const nonNumeraire = parSource
            .filter(([, n]) => !n)
            .reduce((s, [t]) => s + sumCents(t.map((x) => x.montant)), 0);
          expect(e.nonNumeraire).toBe(nonNumeraire);
          const decaisse = cout === undefined ? undefined : Math.max(0, cout - nonNumeraire);
          const depenses = sumCents(e.mois.map((m) => m.depenses));
          // Spending is spread over months only when there is a planning or a dated payment.
          if (decaisse !== undefined && e.mois.some((m) => m.depenses !== 0)) expect(depenses).toBe(decaisse);
          if (decaisse !== undefined && (periodes.length > 0 || tranches.some((t) => t.date)))
            expect(depenses).toBe(decaisse as Cents);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

test("eurosToCents(nombre) : le chemin rapide donne exactement l'arrondi demi-haut de decimal.js", () => {
  const parDecimal = (x: number) => new Decimal(x).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: -9e12, max: 9e12 }).map((c) => c / 100),
        fc.integer({ min: -9e14, max: 9e14 }).map((c) => c / 1000),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      ),
      (x) => {
        expect(eurosToCents(x) + 0).toBe(parDecimal(x) + 0);
      },
    ),
    { numRuns: 20000 },
  );
  // Half-up on the number's decimal writing, as Decimal reads it: 1.005 is « 1.005 », so 1,01 €.
  expect([eurosToCents(1.005), eurosToCents(-2.5), eurosToCents(0.1 + 0.2), eurosToCents(-0)]).toEqual([
    101, -250, 30, 0,
  ]);
});

test("eurosToCents(texte décimal) : le chemin rapide (chiffres seuls) donne l'arrondi demi-haut de decimal.js", () => {
  const parDecimal = (s: string) => new Decimal(s).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  // Integer part, up to six decimals ending often in 5 (the half-cent ties .005, .0050, .00500…), either sign.
  const arbTexte = fc
    .tuple(
      fc.boolean(),
      fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }),
      fc.oneof(
        fc.constant(""),
        fc.stringMatching(/^[0-9]{1,6}$/),
        fc.stringMatching(/^[0-9]{2}5[0]{0,3}$/),
        fc.stringMatching(/^[0-9]{2}4[9]{1,3}$/),
      ),
    )
    .map(([neg, ent, dec]) => `${neg ? "-" : ""}${ent}${dec ? `.${dec}` : ""}`);
  fc.assert(
    fc.property(arbTexte, (s) => {
      expect(centsDeDecimale(s)).toBeDefined();
      expect(eurosToCents(s) + 0).toBe(parDecimal(s) + 0);
    }),
    { numRuns: 20000 },
  );
  // Numbers with three decimals or more (the sub-cent amounts), their shortest writing being what Decimal reads.
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: -9e14, max: 9e14 }).map((c) => c / 1000 + 0.0005),
        fc.integer({ min: -9e11, max: 9e11 }).map((c) => (c * 10 + 5) / 1000),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      ),
      (x) => expect(eurosToCents(x) + 0).toBe(parDecimal(String(x)) + 0),
    ),
    { numRuns: 20000 },
  );
  expect(["1.005", "-1.005", "0.125", "-0.125", "2.675", "-0.004", "0.0049999", "12"].map(centsDeDecimale)).toEqual([
    101, -101, 13, -13, 268, 0, 0, 1200,
  ]);
  // Not a plain decimal writing: left to decimal.js.
  expect(["1e-7", "+5", " 5", "5.", ".5", "12345678901234.5"].map(centsDeDecimale)).toEqual(Array(6).fill(undefined));
});
