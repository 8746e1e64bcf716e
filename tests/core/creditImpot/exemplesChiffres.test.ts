import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { plafondMinute } from "../../../src/core/creditImpot/calculerCreditSurBase";
import { euros, unDevis } from "./fabrique";

/**
 * Worked figures at the exact boundaries of the texts, one per figure that moves money. Where the figure comes from a
 * primary text, the test names it; no numeric example of the BOFiP (BOI-IS-RICI-10-20-20, 10-30-20) could be read
 * here (only the opening of those pages is available), so the cases are built from the texts' own thresholds.
 */
describe("plafond par minute de la fiction audiovisuelle (décret n° 2016-1191, page du CNC [H])", () => {
  // https://www.cnc.fr/web/fr/credit-d-impot-audiovisuel : « 1 250 € par minute produite et livrée lorsque le coût de
  // production est inférieur à 10 000 € par minute produite … 10 000 € … supérieur ou égal à 40 000 € ».
  const TRANCHES: [number, number][] = [
    [10000, 1500],
    [15000, 2000],
    [20000, 3000],
    [25000, 4000],
    [30000, 5000],
    [35000, 7500],
    [40000, 10000],
  ];
  it("sous 10 000 €/min : 1 250 €", () => {
    expect(plafondMinute("fiction", euros(5000), 2025)).toBe(euros(1250));
    expect(plafondMinute("fiction", euros(9999.99), 2025)).toBe(euros(1250));
  });
  it.each(TRANCHES)(
    "coût de %s €/min pile : tranche supérieure (%s €) ; un centime de moins : la précédente",
    (seuil, cap) => {
      const precedente = TRANCHES.find((_, i) => TRANCHES[i + 1]?.[1] === cap)?.[1] ?? 1250;
      expect(plafondMinute("fiction", euros(seuil), 2025)).toBe(euros(cap));
      expect(plafondMinute("fiction", euros(seuil - 0.01), 2025)).toBe(euros(precedente));
    },
  );
  it("au-delà de 40 000 €/min, le plafond reste 10 000 €", () => {
    expect(plafondMinute("fiction", euros(120000), 2025)).toBe(euros(10000));
  });
});

describe("rémunération du réalisateur : 15 % / 8 % / 5 % des tranches du coût (LF 2020, table [M])", () => {
  /** A cinema film of `budget` €, whose director is paid 1 200 000 €; the rest is technical means. */
  function ajustement(budget: number, annee = 2025): number | undefined {
    const devis = unDevis(
      [
        { ch: "2", libelle: "Réalisateur (salaire)", montant: 1200000 },
        { ch: "7", libelle: "Moyens techniques", montant: budget - 1200000 },
      ],
      { typeOeuvre: "cinema" },
    );
    const r = calculerCreditImpot(devis, { regime: "cinema", genre: "fiction", annee, langue: "francais" });
    return r.ajustements.find((a) => a.nom === "plafond rémunération du réalisateur")?.montant;
  }

  it.each([
    // budget, plafond (15 % × 4 M + 8 % × 3 M + 5 % × 3 M au plus = 990 000 €), retiré de la base
    [4000000, 600000],
    [7000000, 600000 + 240000],
    [8000000, 600000 + 240000 + 50000],
    [10000000, 990000],
    [25000000, 990000],
  ])("coût de %s € : rémunération retenue dans la limite de %s €", (budget, plafond) => {
    expect(ajustement(budget)).toBe(euros(1200000 - plafond));
  });

  it("coût de 8 000 001 € : l'euro de plus compte à 5 %, soit 0,05 € de plafond en plus", () => {
    expect(ajustement(8000001)).toBe(euros(1200000 - 890000.05));
  });

  it("exercice 2019 : avant la loi de finances pour 2020, aucun plafond ; 2020 : plafond", () => {
    expect(ajustement(8000000, 2019)).toBeUndefined();
    expect(ajustement(8000000, 2020)).toBe(euros(1200000 - 890000));
  });
});
