import { ArgumentInvalideError, verifierAnnee } from "../../src/app/arguments";
import { creditImpotSurBase } from "../../src/app/commandes/creditSurBase";
import { cents } from "../../src/core/money";

/**
 * The year of the expenses picks the tax credit's rules: a year that is not AAAA (« 26 », 2026.5) is refused by the
 * app's door in French, the field named, for every use case that takes one, before the rules are looked up.
 */
describe("année des dépenses hors AAAA", () => {
  it.each([26, 2026.5, 10000, NaN])("%p refusée en nommant le champ", (annee) => {
    expect(() => verifierAnnee(annee)).toThrow(ArgumentInvalideError);
    expect(() => verifierAnnee(annee)).toThrow(`« Année des dépenses » attend une année AAAA, reçu « ${annee} ».`);
  });

  it("2025 et l'année absente passent", () => {
    expect(() => verifierAnnee(2025)).not.toThrow();
    expect(() => verifierAnnee(undefined)).not.toThrow();
  });

  it("le crédit sur une base connue (PROD.CREDIT.IMPOT) refuse l'année « 26 » sans erreur interne", () => {
    const e = { regime: "cinema", genre: "fiction", base: cents(100_000_00), coutTotal: cents(1_000_000_00) };
    expect(() => creditImpotSurBase({ ...e, annee: 26 })).toThrow(
      "« Année des dépenses » attend une année AAAA, reçu « 26 ».",
    );
    expect(creditImpotSurBase({ ...e, annee: 2025 }).credit).toBeGreaterThan(0);
  });
});
