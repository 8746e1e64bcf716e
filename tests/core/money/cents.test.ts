import fc from "fast-check";
import Decimal from "decimal.js";
import {
  cents,
  centsToDecimalString,
  eurosToCents,
  montantLigne,
  multiplyCents,
  repartir,
  sumCents,
  ratio,
} from "../../../src/core/money/cents";
import {
  formatEcartFr,
  formatMontantFr,
  formatPourcentFr,
  pourcentsComplementaires,
} from "../../../src/core/money/format";
import { parseMontant } from "../../../src/core/money/parse";
import { decimalFr } from "../../../src/core/util/texte";

describe("arrondi au demi-centime supérieur (en valeur absolue)", () => {
  it.each([
    [2.675, 268],
    [1.005, 101],
    [-1.005, -101],
    [0.125, 13],
    [-0.125, -13],
    [1.004999, 100],
  ])("%p € → %p centimes", (e, c) => expect(eurosToCents(e)).toBe(c));

  it("montantLigne arrondit une fois, à la fin", () => {
    expect(montantLigne("3", "2", "100.005")).toBe(60003);
    expect(montantLigne("0.5", "1", "0.01")).toBe(1);
    expect(montantLigne("7.5", "2", "240.87")).toBe(361305);
    expect(multiplyCents(cents(15102060), "0.15")).toBe(2265309);
  });

  it("refuse les centimes non entiers", () => {
    expect(() => cents(1.5)).toThrow(RangeError);
  });
});

describe("formats", () => {
  it("JSON : point décimal, deux décimales, sans séparateur", () => {
    expect(centsToDecimalString(cents(15234000))).toBe("152340.00");
    expect(centsToDecimalString(cents(-5))).toBe("-0.05");
    expect(centsToDecimalString(cents(0))).toBe("0.00");
  });
  it("fr-FR", () => {
    expect(formatMontantFr(cents(123456))).toBe("1\u202f234,56\u00a0€");
    expect(formatMontantFr(cents(-100000000), false)).toBe("\u22121\u202f000\u202f000,00");
    expect(formatPourcentFr(new Decimal("0.07"))).toBe("7,00\u00a0%");
    expect(ratio(cents(1), cents(0))).toBeUndefined();
  });

  it("deux parts d'un tout s'affichent en pourcentages qui font 100 % (pas de double arrondi, pas d'arrondi flottant)", () => {
    // 0.8795 + 0.1205 (JSON, 4 decimals): each rounded alone would read 88,0 % + 12,1 %; a float 87,9 % + 12,0 %.
    expect(pourcentsComplementaires("0.8795", "0.1205")).toEqual(["88,0\u00a0%", "12,0\u00a0%"]);
    expect(pourcentsComplementaires("1.0000", "0.0000")).toEqual(["100,0\u00a0%", "0,0\u00a0%"]);
    // Nothing to share (total 0): both 0, not 0 % + 100 %.
    expect(pourcentsComplementaires("0.0000", "0.0000")).toEqual(["0,0\u00a0%", "0,0\u00a0%"]);
  });

  it("un négatif s'écrit avec le signe moins « − » (U+2212), jamais le trait d'union : montant, pourcentage, décimal", () => {
    expect(formatMontantFr(cents(-120000))).toBe("\u22121\u202f200,00\u00a0€");
    expect(formatMontantFr(cents(-5), false)).toBe("\u22120,05");
    expect(formatPourcentFr(new Decimal("-0.2"))).toBe("\u221220,00\u00a0%");
    expect(formatPourcentFr("-0.125", 1)).toBe("\u221212,5\u00a0%");
    // Rounded to zero: no sign at all (neither « -0,00 % » nor « −0,00 % »).
    expect(formatPourcentFr("-0.00001")).toBe("0,00\u00a0%");
    expect(decimalFr("-1234.5")).toBe("\u22121\u202f234,5");
    expect(decimalFr("1234.5")).toBe("1\u202f234,5");
    for (const t of [formatMontantFr(cents(-1)), formatPourcentFr("-1"), decimalFr("-3")]) expect(t).not.toContain("-");
  });

  it("fr-FR : les milliers groupés par trois depuis la droite, comme Intl fr-FR, pour tout montant", () => {
    const fr = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const c of [0, 5, 99, 100, 99999, 100000, 123456789, 1000000000000, -7, -100, -123456])
      // Intl writes « - » or « − » depending on the ICU version: the grouping is what is compared here.
      expect(formatMontantFr(cents(c), false)).toBe(fr.format(c / 100).replace(/^[-\u2212]/, "\u2212"));
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), (c) => {
        const texte = formatMontantFr(cents(c));
        const entier = Math.floor(Math.abs(c) / 100).toString();
        expect(texte).toBe(
          `${c < 0 ? "\u2212" : ""}${entier.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")},` +
            `${String(Math.abs(c) % 100).padStart(2, "0")}\u00a0€`,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("écart signé", () => {
  it("« + » au-dessus du budget, « − » (U+2212) en dessous, rien pour zéro ; relu par parseMontant", () => {
    expect(formatEcartFr(cents(178500))).toBe("+1\u202f785,00\u00a0€");
    expect(formatEcartFr(cents(-90000))).toBe("\u2212900,00\u00a0€");
    expect(formatEcartFr(cents(0))).toBe("0,00\u00a0€");
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), (c) => {
        expect(parseMontant(formatEcartFr(cents(c)))).toBe(c);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("repartir (propriétés)", () => {
  it("les parts font exactement le total et chacune est à moins d'un centime de sa part exacte", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((ps) => ps.some((p) => p > 0)),
        (total, poids) => {
          const parts = repartir(cents(total), poids);
          expect(parts).toHaveLength(poids.length);
          expect(sumCents(parts)).toBe(total);
          const somme = poids.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = new Decimal(total).times(poids[i]).dividedBy(somme);
            expect(exact.minus(p).abs().lessThan(1)).toBe(true);
            expect(Number.isInteger(p)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuse des poids nuls", () => {
    expect(() => repartir(cents(100), [0, 0])).toThrow(RangeError);
  });
});
