import { parseDecimalFr, parseMontant } from "../../../src/core/money/parse";

describe("parseMontant", () => {
  it.each([
    ["1 234,56 €", 123456],
    ["1\u00a0234,56\u00a0€", 123456],
    ["1\u202f234,56 €", 123456],
    ["1234.56", 123456],
    ["-1 234,56", -123456],
    ["(1 234,56)", -123456],
    // The accountant's negative with the currency outside or inside the brackets (before: « (250,00) € » unread).
    ["(250,00) €", -25000],
    ["\u00a0(250,00)\u00a0€", -25000],
    ["(300,00 €)", -30000],
    ["€ (1 200,00)", -120000],
    ["(1 200,00) € HT", -120000],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["1,234,567", 123456700],
    ["1.234.567", 123456700],
    ["EUR 12", 1200],
    ["12 €HT", 1200],
    ["1 500 € HT", 150000],
    ["1 500,00 EUR TTC", 150000],
    // The mention with its dots, as the devis's tax check reads it (before: « 2 500 € H.T. » not a number).
    ["2\u202f500 € H.T.", 250000],
    ["1 200,00 T.T.C.", 120000],
    ["800 h.t", 80000],
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

  it.each(["12.500 €", "2.345", "2,345", "-12.500", "(1,000)"])(
    "%p est ambigu : ni l'une ni l'autre lecture",
    (texte) => {
      expect(parseMontant(texte)).toBeUndefined();
    },
  );

  it("lit les milliers quand l'écriture les prouve, quel que soit le nombre de groupes", () => {
    expect(parseMontant("1.500.000")).toBe(150000000);
    expect(parseMontant("12.500,00 €")).toBe(1250000);
    expect(parseMontant("2.345,0")).toBe(234500);
  });

  it("garde les décimales au-delà du centime pour les taux", () => {
    expect(parseDecimalFr("282,125")?.toString()).toBe("282.125");
    expect(parseDecimalFr("1 000,0049")?.toString()).toBe("1000.0049");
  });
});
