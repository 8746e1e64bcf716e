import { dateEcrite, estDate } from "../../../src/core/devis/valeurs";

describe("dateEcrite : une date écrite en texte, jour d'abord", () => {
  it.each([
    ["15/04/2025", "2025-04-15"],
    ["15-04-25", "2025-04-15"],
    ["1.6.2025", "2025-06-01"],
    ["15 avril 2025", "2025-04-15"],
    ["1er avr. 2025", "2025-04-01"],
    ["mardi 3 juin 2025", "2025-06-03"],
    ["3 Février 2026", "2026-02-03"],
    ["14 août 2025", "2025-08-14"],
    ["1er juil. 2025", "2025-07-01"],
  ])("« %s » → %s", (texte, iso) => {
    expect(dateEcrite(texte)).toBe(iso);
    expect(estDate({ v: texte })).toBe(true);
  });

  it.each(["1.500.000", "31/02/2025", "15 avrol 2025", "avril 2025", "2 000", "15/13/2025"])(
    "« %s » n'est pas une date",
    (t) => expect(dateEcrite(t)).toBeUndefined(),
  );

  it("« 15 avrol 2025 » et « 1.500.000 » ne sont pas lus comme des dates", () => {
    expect(estDate({ v: "15 avrol 2025" })).toBe(false);
    expect(estDate({ v: "1.500.000" })).toBe(false);
  });
});
