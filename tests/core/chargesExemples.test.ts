import { cdduCourt, montantCharges, TABLE_CHARGES, tauxChomageIntermittents } from "../../src/core/charges";
import { cents } from "../../src/core/money";
import { versionEnVigueur } from "../../src/core/regles/table";

/**
 * The worked example of docs/fonctions.md (« Sur un brut de 2 000 € payé en mai 2025 pour un CDDU de deux semaines
 * … »), figure by figure, and its AFDAS lump sum stored in cents.
 */
describe("docs/fonctions.md : brut de 2 000 € payé en mai 2025, CDDU de deux semaines", () => {
  const BRUT = cents(200000);
  const PAIE = "2025-05-16";

  it("CDDU de 3 mois au plus : 2 000 × 9,50 % = 190,00 € de chômage patronal (4,00 % + 0,50 % + 5,00 %)", () => {
    const court = cdduCourt("2025-05-05", "2025-05-16");
    expect(court).toBe(true);
    const t = tauxChomageIntermittents(PAIE, court);
    expect(t.taux.toString()).toBe("0.095");
    expect(montantCharges(BRUT, t.taux)).toBe(cents(19000));
  });

  it("2 000 × 15,50 % = 310,00 € de Congés Spectacles ; forfait AFDAS de 50 € stocké en centimes (5 000)", () => {
    const v = versionEnVigueur(TABLE_CHARGES, PAIE)!;
    expect(v.effetDu).toBe("2025-05-01");
    const conges = v.valeurs.composantes["conges-spectacles"];
    expect(conges.taux).toBe("0.155");
    expect(montantCharges(BRUT, conges.taux)).toBe(cents(31000));
    expect(v.valeurs.forfaits?.["afdas-intermittents"]?.montant).toBe(5000);
  });

  it("un CDDU de deux semaines payé le 30 avril 2025 : 9,55 %, soit 191,00 €", () => {
    const t = tauxChomageIntermittents("2025-04-30", true);
    expect(montantCharges(BRUT, t.taux)).toBe(cents(19100));
  });
});
