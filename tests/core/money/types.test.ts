import { cents, sumCents, type Cents } from "../../../src/core/money/cents";

/**
 * Type test, checked by tsc (npm run typecheck compiles tests/): every `@ts-expect-error` below must stay an error,
 * or tsc reports the directive as unused. Cents and plain numbers do not mix without cents().
 */
describe("Cents : un nombre ne passe pas pour des centimes", () => {
  test("les mélanges sont refusés par le compilateur, cents() est la seule porte", () => {
    const euros = 12.5;
    // @ts-expect-error a plain number (euros, a quantity) is not Cents
    const a: Cents = euros;
    // @ts-expect-error sumCents takes Cents only
    sumCents([1, 2]);
    const c: Cents = cents(1250);
    // @ts-expect-error arithmetic gives a number, not Cents
    const d: Cents = c + c;
    const n: number = c; // Cents read as a number is allowed (a cell value, a comparison)
    expect([a, d, n]).toEqual([12.5, 2500, 1250]);
    expect(() => cents(euros)).toThrow(RangeError);
  });
});
