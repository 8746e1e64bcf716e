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

describe("choisirNomFeuille : jamais plus de 31 caractères", () => {
  it("« Plan de financement (Prodbook 2) » (32) devient « Plan de financemen (Prodbook 2) » (31)", () => {
    const existantes = ["Plan de financement", "Plan de financement (Prodbook)"];
    const n = choisirNomFeuille("Plan de financement", existantes, []);
    expect([n, n.length]).toEqual(["Plan de financemen (Prodbook 2)", 31]);
    // Found again as Prodbook's on the next run.
    expect(choisirNomFeuille("Plan de financement", [...existantes, n], [n])).toBe(n);
  });

  it("chaque nom proposé tient dans 31 caractères et n'est pas pris", () => {
    const existantes = ["Plan de financement"];
    for (let k = 0; k < 12; k++) {
      const n = choisirNomFeuille("Plan de financement", existantes, []);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(existantes.map((e) => e.toLowerCase())).not.toContain(n.toLowerCase());
      existantes.push(n);
    }
    expect(existantes[12]).toBe("Plan de financeme (Prodbook 12)");
  });
});
