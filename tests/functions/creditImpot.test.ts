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

describe("PROD.CREDIT.IMPOT : subventions publiques (argument facultatif, même étape que le devis)", () => {
  // =PROD.CREDIT.IMPOT("cinema"; "fiction"; 900000; ; 1000000; 2025; "francais"; 150000)
  it("cinéma : base plafonnée à 80 % × 1 M€ = 800 000 €, puis − 150 000 € = 650 000 € × 30 % = 195 000 €", () => {
    expect(creditImpot("cinema", "fiction", 900000, null, 1000000, 2025, "francais")).toBe(240000);
    expect(creditImpot("cinema", "fiction", 900000, null, 1000000, 2025, "francais", 150000)).toBe(195000);
    // Typed as text in French, the same amount; an empty cell is no subsidy.
    expect(creditImpot("cinema", "fiction", 900000, null, 1000000, 2025, "francais", "150 000,00 €")).toBe(195000);
    expect(creditImpot("cinema", "fiction", 900000, null, 1000000, 2025, "francais", "")).toBe(240000);
  });

  it("international : déduites des dépenses avant le plafond, (9 M€ − 2 M€) × 30 % = 2 100 000 € (après : 1 800 000 €)", () => {
    expect(creditImpot("international", "animation", 9000000, null, 10000000, 2025, null, 2000000)).toBe(2100000);
  });

  it("« 12.500 » est ambigu, un montant négatif ou un texte refusés : #VALUE! en français nommant l'argument", () => {
    const ambigu = erreurDe(() => creditImpot("cinema", "fiction", 900000, null, 1000000, 2025, "francais", "12.500"));
    expect([ambigu.code, ambigu.message]).toEqual([
      "#VALUE!",
      "L'argument « subventions » : « 12.500 » peut se lire 12,50\u00a0€ ou 12\u202f500,00\u00a0€ ; écrivez « 12,5 » ou « 12500 ».",
    ]);
    expect(erreurDe(() => creditImpot("cinema", "fiction", 900000, null, null, 2025, null, -1)).message).toBe(
      "L'argument « subventions » doit être positif (reçu -1).",
    );
    expect(erreurDe(() => creditImpot("cinema", "fiction", 900000, null, null, 2025, null, "beaucoup")).code).toBe(
      "#VALUE!",
    );
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
