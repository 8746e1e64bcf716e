import { deviseDuFormat, pourcentageAffiche } from "../../../src/core/port/devises";

describe("deviseDuFormat : la devise qu'un format de nombre affiche", () => {
  it.each([
    ["[$$-409]#,##0.00", "$"],
    ["#,##0.00 [$USD]", "USD"],
    ["#,##0.00 [$USD-409]", "USD"],
    ["[$£-809]#,##0", "£"],
    ["$#,##0", "$"],
    ['"$"#,##0.00', "$"],
    ["\\$#,##0.00", "$"],
    ['_("$"* #,##0.00_);_("$"* \\(#,##0.00\\)', "$"],
    ['"CHF" #,##0.00', "CHF"],
    ["[$CHF-100C] #,##0.00", "CHF"],
    ["¥#,##0", "¥"],
  ])("%p → %p", (fmt, devise) => {
    expect(deviseDuFormat(fmt)).toBe(devise);
  });

  it.each([
    "#,##0.00 €",
    "€#,##0",
    '#,##0.00\\ "€"',
    "[$€-40C]#,##0",
    "[$€-x-euro2] #,##0.00",
    '#,##0 "EUR"',
    "[$EUR] #,##0",
    "_-* #,##0.00\\ [$€-40C]_-;\\-* #,##0.00\\ [$€-40C]_-",
    "[$-40C]#,##0",
    "#,##0_$",
    "#,##0*$",
    "[Red]#,##0;[Blue]-#,##0",
    "[>=1000]#,##0",
    '#,##0 "TTC"',
    '0 "jours"',
    "0%",
    "General",
    "#,##0.00",
    "dd/mm/yyyy",
    "[$-F800]dddd, mmmm dd, yyyy",
    "",
    undefined,
  ])("%p : euros ou sans devise", (fmt) => {
    expect(deviseDuFormat(fmt)).toBeUndefined();
  });
});

describe("pourcentageAffiche : un nombre au format pourcentage, écrit en français", () => {
  it("groupe les milliers d'une fine insécable (comme les montants), virgule décimale, signe moins U+2212", () => {
    expect(pourcentageAffiche(0.5)).toBe("50 %");
    expect(pourcentageAffiche(0.125)).toBe("12,5 %");
    expect(pourcentageAffiche(0.07)).toBe("7 %");
    // Before: « 1500 % », « 123456,7 % », « -5 % », « 1e-7 % ».
    expect(pourcentageAffiche(15)).toBe("1\u202f500 %");
    expect(pourcentageAffiche(1234.567)).toBe("123\u202f456,7 %");
    expect(pourcentageAffiche(-0.05)).toBe("\u22125 %");
    expect(pourcentageAffiche(-12.5)).toBe("\u22121\u202f250 %");
    expect(pourcentageAffiche(1e-9)).toBe("0,0000001 %");
    expect(pourcentageAffiche(0)).toBe("0 %");
  });
});
