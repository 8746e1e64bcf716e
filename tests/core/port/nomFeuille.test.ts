import { choisirNomFeuille } from "../../../src/core/port/workbook";

describe("choisirNomFeuille", () => {
  it("garde le nom souhaité quand il est libre ou déjà à Prodbook", () => {
    expect(choisirNomFeuille("Devis", ["Budget"], [])).toBe("Devis");
    expect(choisirNomFeuille("Devis", ["Budget", "Devis"], ["Devis"])).toBe("Devis");
  });

  it("ne prend jamais le nom d'une feuille de l'utilisateur, même à la casse près", () => {
    expect(choisirNomFeuille("Devis", ["devis"], [])).toBe("Devis (Prodbook)");
    expect(choisirNomFeuille("Devis", ["Devis", "Devis (Prodbook)"], [])).toBe("Devis (Prodbook 2)");
    expect(choisirNomFeuille("Devis", ["Devis", "Devis (Prodbook)"], ["Devis (Prodbook)"])).toBe("Devis (Prodbook)");
  });
});
