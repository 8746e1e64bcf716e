import { analyserMontant, analyserNombre, conventionProuvee, parseMontant } from "../../../src/core/money/parse";
import { MontantHorsLimiteError, cents } from "../../../src/core/money/cents";
import { ErreurDonnees } from "../../../src/core/erreurs";

describe("analyserNombre : un séparateur seul devant trois chiffres est ambigu", () => {
  it.each(["12.500", "2,345", "1.000 €", "-2,345", "(12.500)"])("%p est ambigu sans convention", (t) => {
    expect(analyserNombre(t).type).toBe("ambigu");
  });

  it("donne les deux lectures de « 12.500 € »", () => {
    const a = analyserMontant("12.500 €");
    expect(a).toEqual({ type: "ambigu", decimale: 1250, milliers: 1250000 });
  });

  it.each([
    ["12.500", "fr", 1250000],
    ["12.500", "en", 1250],
    ["2,345", "fr", 235],
    ["2,345", "en", 234500],
  ] as const)("%p avec la convention %p → %p centimes", (t, conv, attendu) => {
    const a = analyserMontant(t, conv);
    expect(a.type).toBe("montant");
    expect(a.type === "montant" && a.cents).toBe(attendu);
  });

  it.each([
    ["1.500.000", 150000000],
    ["1 234,56", 123456],
    ["1,234.56", 123456],
    ["0,125", 13],
    ["1234,567", 123457],
    ["1 234,567", 123457],
    ["12,50", 1250],
    ["12.5", 1250],
  ])("%p n'est pas ambigu", (t, attendu) => {
    const a = analyserMontant(t);
    expect(a.type).toBe("montant");
    expect(a.type === "montant" && a.cents).toBe(attendu);
  });

  it("signale le texte sous le centime sans l'arrondir en silence", () => {
    const a = analyserMontant("0,125");
    expect(a.type === "montant" && a.sousCentime?.toString()).toBe("0.125");
    expect(analyserMontant("12,500", "fr")).toEqual({ type: "montant", cents: 1250 });
    // A float from Excel is not a text: no flag for 0.1 + 0.2.
    expect(analyserMontant(0.1 + 0.2)).toEqual({ type: "montant", cents: 30 });
  });

  it("dit quelle convention un texte prouve", () => {
    expect(analyserNombre("1 234,56")).toMatchObject({ convention: "fr" });
    expect(analyserNombre("1,234.56")).toMatchObject({ convention: "en" });
    expect(analyserNombre("1.234,56")).toMatchObject({ convention: "fr" });
    expect(analyserNombre("1.500.000")).toMatchObject({ convention: "fr" });
    expect(analyserNombre("1,500,000")).toMatchObject({ convention: "en" });
    expect(analyserNombre("1500")).toEqual({ type: "nombre", valeur: expect.anything(), convention: undefined });
    expect(conventionProuvee(["1 234,56", "12.500", "7"])).toBe("fr");
    expect(conventionProuvee(["1,234.56", "2,345"])).toBe("en");
    expect(conventionProuvee(["1 234,56", "1,234.56"])).toBeUndefined();
    expect(conventionProuvee(["12.500"])).toBeUndefined();
  });
});

describe("montants hors limite (± 2^51 centimes)", () => {
  it("une référence de 16 chiffres n'est pas un montant", () => {
    expect(analyserMontant("1234567890123456").type).toBe("hors-limite");
    expect(analyserMontant(1e17).type).toBe("hors-limite");
    expect(parseMontant("99999999999999999")).toBeUndefined();
    expect(analyserMontant("22517998136852,48").type).toBe("montant");
    expect(analyserMontant("22517998136852,49").type).toBe("hors-limite");
  });

  it("une somme hors limite est une erreur de données en français, pas une RangeError", () => {
    expect(() => cents(2 ** 52)).toThrow(MontantHorsLimiteError);
    expect(() => cents(2 ** 52)).toThrow(ErreurDonnees);
    expect(() => cents(2 ** 52)).toThrow(/dépasse la limite/);
    expect(() => cents(0.5)).toThrow(RangeError);
  });
});

describe("le signe moins U+2212 (« −300 », collé d'un PDF ou de Word)", () => {
  it.each([
    ["\u2212300", -30000],
    ["\u22121\u00a0234,56\u00a0€", -123456],
    ["1 234,56\u2212", -123456],
    ["(\u2212300)", 30000],
  ])("%p → %p centimes, comme avec « - »", (t, attendu) => {
    expect(analyserMontant(t)).toEqual({ type: "montant", cents: attendu });
    expect(analyserMontant(t.replace(/\u2212/g, "-"))).toEqual({ type: "montant", cents: attendu });
  });

  it.each(["1\u22122", "\u2212", "\u2212\u2212300", "12\u2212500"])("%p n'est pas un montant", (t) => {
    expect(analyserMontant(t)).toEqual({ type: "invalide" });
  });
});
