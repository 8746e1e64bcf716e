import { erreurDe } from "./customFunctionsStub";
import { creditImpot, plafondMinute } from "../../src/functions/functions";

describe("PROD.CREDIT.IMPOT", () => {
  it("audiovisuel fiction : 318 000 € × 25 % = 79 500 € ramené à 1 250 €/min × 52 min = 65 000 €", () => {
    // cout_total 369 000 € / 52 min = 7 096 €/min → tranche < 10 000 €/min → 1 250 €/min.
    expect(creditImpot("audiovisuel", "fiction", 318000, 52, 369000, 2025)).toBe(65000);
  });

  it("documentaire 2020 vs 2025 : 20 % puis 25 % (l'année choisit la version)", () => {
    // 110 000 € éligibles / 52 min = 2 115 €/min ≥ 2 000 €/min de dépenses éligibles.
    // 110 000 × 20 % = 22 000 (cap 1 150 × 52 = 59 800) ; × 25 % = 27 500 (cap 1 450 × 52 = 75 400).
    expect(creditImpot("audiovisuel", "documentaire", "110 000,00 €", 52, 150000, 2020)).toBe(22000);
    expect(creditImpot("audiovisuel", "documentaire", 110000, 52, 150000, 2025)).toBe(27500);
  });

  it("documentaire : le plancher porte sur la base éligible (2 000 €/min), pas sur le coût : 103 999,99 € / 52 min → 0", () => {
    expect(creditImpot("audiovisuel", "documentaire", 104000, 52, 500000, 2025)).toBe(26000);
    expect(creditImpot("audiovisuel", "documentaire", 103999.99, 52, 500000, 2025)).toBe(0);
  });

  it("cinéma en français : 1 234 567,89 × 30 % = 370 370,367 → 370 370,37 € (demi supérieur au centime)", () => {
    expect(creditImpot("cinema", "fiction", 1234567.89, null, null, 2025, "francais")).toBe(370370.37);
  });

  it("cinéma sans langue ou en langue étrangère : taux de base, 1 000 000 × 20 % = 200 000 € ; langue inconnue → #VALUE!", () => {
    expect(creditImpot("cinema", "fiction", 1000000, null, null, 2025)).toBe(200000);
    expect(creditImpot("cinema", "fiction", 1000000, null, null, 2025, "etrangere")).toBe(200000);
    expect(erreurDe(() => creditImpot("cinema", "fiction", 1, null, null, 2025, "latin")).message).toMatch(
      /^Langue inconnue « latin »/,
    );
  });

  it("international sous 250 000 € de dépenses en France : 0", () => {
    expect(creditImpot("international", "fiction", 200000, null, 1000000, 2025)).toBe(0);
  });

  it("erreurs en français : régime inconnu, durée manquante en audiovisuel", () => {
    expect(erreurDe(() => creditImpot("spectacle", "fiction", 1000)).message).toMatch(/^Régime inconnu « spectacle »/);
    const e = erreurDe(() => creditImpot("audiovisuel", "fiction", 1000, null, 100000, 2025));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/indiquez la durée de l'œuvre/);
  });
});

describe("PROD.PLAFOND.MINUTE", () => {
  it("fiction par tranche, documentaire et animation selon l'année", () => {
    expect(plafondMinute("fiction", 9999.99, 2025)).toBe(1250);
    expect(plafondMinute("fiction", 40000, 2025)).toBe(10000);
    expect(plafondMinute("documentaire", 3000, 2020)).toBe(1150);
    expect(plafondMinute("animation", 3000, 2025)).toBe(3000);
    expect(plafondMinute("animation", 3000, 2026)).toBe(6000);
  });
  it("genre inconnu → #VALUE!", () => {
    expect(erreurDe(() => plafondMinute("jeu vidéo", 1000, 2025)).message).toMatch(/^Genre inconnu « jeu vidéo »/);
  });
});
