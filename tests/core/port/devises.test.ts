import { deviseDuFormat } from "../../../src/core/port/devises";

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
