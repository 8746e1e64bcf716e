import { parseDecimalFr, parseMontant } from "../../../src/core/money/parse";

describe("parseMontant", () => {
  it.each([
    ["1 234,56 €", 123456],
    ["1\u00a0234,56\u00a0€", 123456],
    ["1\u202f234,56 €", 123456],
    ["1234.56", 123456],
    ["-1 234,56", -123456],
    ["(1 234,56)", -123456],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["1,234,567", 123456700],
    ["1.234.567", 123456700],
    ["EUR 12", 1200],
    ["12 €HT", 1200],
    ["1 500 € HT", 150000],
    ["1 500,00 EUR TTC", 150000],
    ["0,005", 1],
    ["-0,005", -1],
    ["1234-", -123400],
    [",5", 50],
    [1234.565, 123457],
    [0.1 + 0.2, 30],
  ])("%p → %p centimes", (texte, attendu) => {
    expect(parseMontant(texte)).toBe(attendu);
  });

  it.each([
    "",
    "   ",
    "abc",
    "12 k€",
    "1,2,3",
    "1.23.4",
    "1,234.567,8",
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])("%p n'est pas un montant", (texte) => {
    expect(parseMontant(texte as string)).toBeUndefined();
  });

  it("garde les décimales au-delà du centime pour les taux", () => {
    expect(parseDecimalFr("282,125")?.toString()).toBe("282.125");
    expect(parseDecimalFr("1 000,0049")?.toString()).toBe("1000.0049");
  });
});
