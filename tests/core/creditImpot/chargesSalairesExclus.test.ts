import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { euros, type LigneSimple, unDevis } from "./fabrique";

/**
 * Social charges written as a rate of a salary chapter (« Charges sur salaires techniciens (62 %) »): when the line's
 * amount is exactly that rate × the chapter's total, it carries the charges of the salaries the base leaves out too
 * (a foreign fixeur, a line declared « non »), and those leave the base with their salary. 2025 audiovisual credit.
 */
const options = { regime: "audiovisuel", genre: "documentaire", annee: 2025 } as const;
const personnel = (charges: number, autres: Partial<LigneSimple> = {}): LigneSimple[] => [
  { ch: "2", libelle: "Monteur", montant: 10000 },
  { ch: "2", libelle: "Chef opérateur", montant: 8000 },
  { ch: "2", libelle: "Fixeur (Irlande)", montant: 1100, partFrance: "0", ...autres },
  { ch: "4", libelle: "Charges sur salaires techniciens (62 %)", montant: charges },
  { ch: "8", libelle: "Montage", montant: 20000 },
];

describe("charges on salaries outside the base", () => {
  it("62 % × 19 100 € = 11 842 €: the fixeur's 682 € of charges leave the base, named with both cells", () => {
    const r = calculerCreditImpot(unDevis(personnel(11842), { dureeMinutes: 52 }), options);
    const a = r.ajustements.filter((x) => x.nom === "charges sur salaires hors base");
    expect(a.map((x) => [x.montant, x.detail])).toEqual([
      [euros(682), "Budget!E5 : 62 % × 1\u202f100,00\u00a0€ de salaires du chapitre 2 hors base (Budget!E4)"],
    ]);
    expect(r.baseParChapitre.find((c) => c.code === "4")?.base).toBe(euros(11160));
    // Eligible spend 10 000 + 8 000 + 11 160 + 20 000 (the base is then capped at 80 % of the budget, 50 942 €).
    expect(r.baseParChapitre.reduce((t, c) => t + c.base, 0)).toBe(euros(49160));
  });

  it("a line declared « non » in its column counts the same way", () => {
    const r = calculerCreditImpot(
      unDevis(personnel(11842, { partFrance: undefined, eligibleCI: "non" }), { dureeMinutes: 52 }),
      options,
    );
    expect(r.ajustements.find((x) => x.nom === "charges sur salaires hors base")?.montant).toBe(euros(682));
  });

  it("an amount the rate does not prove (11 800 € ≠ 62 % × 19 100 €): nothing is taken out", () => {
    const r = calculerCreditImpot(unDevis(personnel(11800), { dureeMinutes: 52 }), options);
    expect(r.ajustements.filter((x) => x.nom === "charges sur salaires hors base")).toEqual([]);
    expect(r.baseParChapitre.find((c) => c.code === "4")?.base).toBe(euros(11800));
  });

  it("every salary in the base: nothing to take out", () => {
    const r = calculerCreditImpot(
      unDevis(personnel(11842, { partFrance: undefined, libelle: "Assistant monteur" }), { dureeMinutes: 52 }),
      options,
    );
    expect(r.ajustements.filter((x) => x.nom === "charges sur salaires hors base")).toEqual([]);
  });
});
