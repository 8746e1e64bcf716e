import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { calculerCreditSurBase, plafondMinute } from "../../../src/core/creditImpot/calculerCreditSurBase";
import { euros, type LigneSimple, unDevis } from "./fabrique";

/**
 * Cinema, budget 3 000 000 €. Director: droits 200 000 + salaire 400 000 = 600 000 €, capped at
 * 15 % × 3 000 000 (first tranche < 4 M€) = 450 000 € → split 150 000 / 300 000 (pro rata).
 * Base = 450 000 + comédiens 800 000 + moyens techniques 400 000 + post-production 500 000 = 2 150 000 €.
 * Excluded: assurance 200 000, frais généraux 210 000, producteur 150 000, imprévus 140 000.
 * Credit = 2 150 000 × 30 % = 645 000 € (film in French).
 */
const FILM: LigneSimple[] = [
  { ch: "1", libelle: "Droits d'auteur du réalisateur", montant: 200000 },
  { ch: "2", libelle: "Réalisatrice (salaire)", montant: 400000 },
  { ch: "2", libelle: "1er assistant réalisateur", montant: 0 },
  { ch: "3", libelle: "Comédiens", montant: 800000 },
  { ch: "7", libelle: "Moyens techniques", montant: 400000 },
  { ch: "8", libelle: "Post-production", montant: 500000 },
  { ch: "9", libelle: "Assurance", montant: 200000 },
  { ch: "FG", libelle: "Frais généraux", montant: 210000 },
  { ch: "PROD", libelle: "Rémunération du producteur", montant: 150000 },
  { ch: "IMP", libelle: "Imprévus", montant: 140000 },
];

describe("crédit d'impôt cinéma", () => {
  it("réalisateur plafonné à 15 % du coût ; 2 150 000 × 30 % = 645 000 € ; plafonds 30 M€ et aides publiques non atteints", () => {
    const r = calculerCreditImpot(unDevis(FILM, { typeOeuvre: "cinema" }), {
      regime: "cinema",
      genre: "fiction",
      annee: 2025,
      langue: "francais",
    });
    expect(r.budget).toBe(euros(3000000));
    expect(r.ajustements).toEqual([
      expect.objectContaining({ nom: "plafond rémunération du réalisateur", montant: euros(150000) }),
    ]);
    expect(r.lignes[0].base).toBe(euros(150000));
    expect(r.lignes[1].base).toBe(euros(300000));
    expect(r.base).toBe(euros(2150000));
    expect(r.taux).toBe("0.3");
    expect(r.creditAvantPlafonds).toBe(euros(645000));
    expect(r.plafonds.map((p) => [p.nom, p.montant, p.applique])).toEqual([
      ["plafond par œuvre", euros(30000000), false],
      ["plafond des aides publiques (50\u00a0% du budget)", euros(1500000), false],
    ]);
    expect(r.credit).toBe(euros(645000));
  });

  it("plafond des aides publiques atteint : 50 % × 3 000 000 − 1 000 000 d'autres aides = 500 000 €", () => {
    const r = calculerCreditImpot(unDevis(FILM), {
      regime: "cinema",
      genre: "fiction",
      annee: 2025,
      langue: "francais",
      autresAidesPubliques: euros(1000000),
    });
    expect(r.plafonds[1]).toMatchObject({ montant: euros(500000), applique: true });
    expect(r.credit).toBe(euros(500000));
    expect(r.alertes.join("\n")).toMatch(
      /Plafond des aides publiques atteint : crédit ramené de 645\s000,00\s€ à 500\s000,00\s€.*ne retire du crédit que la fraction qui excède ce plafond/,
    );
  });

  it("plafond de 30 M€ atteint : base 120 M€ × 30 % = 36 M€ ramenés à 30 M€", () => {
    const d = unDevis([
      { ch: "3", libelle: "Comédiens", montant: 100000000 },
      { ch: "8", libelle: "Effets visuels", montant: 20000000 },
      // Budget 150 M€ : 80 % = 120 M€, la base n'est pas plafonnée (220 sexies III-3).
      { ch: "FG", libelle: "Frais généraux", montant: 30000000 },
    ]);
    const r = calculerCreditImpot(d, { regime: "cinema", genre: "fiction", annee: 2025, langue: "francais" });
    expect(r.creditAvantPlafonds).toBe(euros(36000000));
    expect(r.plafonds[0]).toMatchObject({ nom: "plafond par œuvre", applique: true });
    // 50 % × 150 M€ = 75 M€ : not binding once the credit is at 30 M€.
    expect(r.plafonds[1]).toMatchObject({ montant: euros(75000000), applique: false });
    expect(r.credit).toBe(euros(30000000));
  });
});

/**
 * International fiction, budget 10 000 000 €: ch2 2 M€, ch3 1 M€, ch7 1 M€, ch8 VFX 5 M€ (all in France), FG 1 M€.
 * Base = 9 000 000 €.
 */
const TRIP: LigneSimple[] = [
  { ch: "2", libelle: "Équipe technique", montant: 2000000 },
  { ch: "3", libelle: "Comédiens", montant: 1000000 },
  { ch: "7", libelle: "Moyens techniques", montant: 1000000 },
  { ch: "8", libelle: "Effets visuels", montant: 5000000 },
  { ch: "FG", libelle: "Frais généraux", montant: 1000000 },
];

describe("crédit d'impôt international", () => {
  it("VFX 3 M€ en France (> 2 M€) → 40 % : 9 000 000 × 40 % = 3 600 000 € ramené à 80 % × 10 M€ × 40 % = 3 200 000 €", () => {
    const r = calculerCreditImpot(unDevis(TRIP), {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      depensesVfxFrance: euros(3000000),
    });
    expect(r.taux).toBe("0.4");
    expect(r.creditAvantPlafonds).toBe(euros(3600000));
    expect(r.plafonds.map((p) => [p.nom, p.montant, p.applique])).toEqual([
      ["plafond 40\u00a0% × 80\u00a0% du budget de production", euros(3200000), true],
      ["plafond par œuvre", euros(30000000), false],
      ["plafond des aides publiques (50\u00a0% du budget)", euros(5000000), false],
    ]);
    expect(r.credit).toBe(euros(3200000));
    expect(r.alertes.some((a) => a.includes("part de plans VFX non fournie"))).toBe(true);
  });

  it("prises de vues réelles : 5 jours de tournage en France au moins ; 4 jours → non éligible ; non renseigné → alerte", () => {
    const avec = (joursTournageFrance?: number) =>
      calculerCreditImpot(unDevis(TRIP), {
        regime: "international",
        genre: "fiction",
        annee: 2025,
        depensesVfxFrance: euros(3000000),
        joursTournageFrance,
      });
    expect(avec(5).conditions).toContainEqual({
      nom: "jours de tournage en France",
      remplie: true,
      detail: "5\u00a0jours, minimum 5 (fiction en prises de vues réelles)",
    });
    expect(avec(5).eligible).toBe(true);
    const quatre = avec(4);
    expect(quatre.conditions.find((c) => c.nom === "jours de tournage en France")!.remplie).toBe(false);
    expect(quatre.eligible).toBe(false);
    expect(avec().alertes).toContain(
      "Jours de tournage en France non renseignés : le minimum de 5\u00a0jours des œuvres en prises de vues réelles n'a pas été vérifié.",
    );
    // Animation has no shooting days.
    const anim = calculerCreditImpot(unDevis(TRIP), { regime: "international", genre: "animation", annee: 2025 });
    expect(anim.conditions.map((c) => c.nom)).not.toContain("jours de tournage en France");
    expect(anim.alertes.join("\n")).not.toMatch(/Jours de tournage/);
  });

  it("part de plans VFX connue sous 15 % → 30 % : 9 000 000 × 30 % = 2 700 000 € ramené à 80 % × 10 M€ × 30 % = 2 400 000 €", () => {
    const r = calculerCreditImpot(unDevis(TRIP), {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      depensesVfxFrance: euros(3000000),
      partPlansVfx: "0.10",
    });
    expect(r.taux).toBe("0.3");
    expect(r.credit).toBe(euros(2400000));
  });

  it("comédiens à l'étranger (Territoire 0 %) et subventions déduites : plafond 80 % non atteint", () => {
    // Base = 2 M€ + 0 + 1 M€ + 5 M€ = 8 000 000 − 500 000 de subventions = 7 500 000 € ; × 30 % = 2 250 000 €
    // 80 % × 10 000 000 × 30 % = 2 400 000 € : not binding.
    const lignes = TRIP.map((l) => (l.ch === "3" ? { ...l, partFrance: "0" } : l));
    const r = calculerCreditImpot(unDevis(lignes), {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      subventionsPubliques: euros(500000),
    });
    expect(r.baseParChapitre.find((b) => b.code === "3")?.base).toBe(0);
    expect(r.base).toBe(euros(7500000));
    expect(r.plafonds[0]).toMatchObject({ montant: euros(2400000), applique: false });
    expect(r.credit).toBe(euros(2250000));
  });

  it("dépenses en France sous 250 000 € → crédit nul", () => {
    // Budget 1 000 000 € (≥ 500 000, so the 250 000 € minimum applies); French spend 200 000 €.
    const d = unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 200000 },
      { ch: "3", libelle: "Comédiens", montant: 800000, partFrance: "0" },
    ]);
    const r = calculerCreditImpot(d, { regime: "international", genre: "animation", annee: 2025 });
    expect(r.base).toBe(euros(200000));
    expect(r.creditAvantPlafonds).toBe(euros(60000));
    expect(r.credit).toBe(0);
    expect(r.alertes[0]).toContain("Condition non remplie (dépenses minimales en France)");
  });

  it("le minimum de 250 000 € se juge avant la déduction des subventions", () => {
    // French spend 300 000 € (≥ 250 000) ; base 300 000 − 100 000 subventions = 200 000 € × 30 % = 60 000 €
    // (80 % × 1 000 000 × 30 % = 240 000 € : not binding).
    const d = unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 300000 },
      { ch: "3", libelle: "Comédiens", montant: 700000, partFrance: "0" },
    ]);
    const r = calculerCreditImpot(d, {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      subventionsPubliques: euros(100000),
    });
    expect(r.eligible).toBe(true);
    expect(r.base).toBe(euros(200000));
    expect(r.credit).toBe(euros(60000));
  });

  it("documentaire : hors champ du crédit international → crédit nul", () => {
    const r = calculerCreditImpot(unDevis(TRIP), { regime: "international", genre: "documentaire", annee: 2025 });
    expect(r.credit).toBe(0);
    expect(r.conditions[0]).toMatchObject({ nom: "genre admis", remplie: false });
  });
});

describe("crédit sur une base connue (fonctions personnalisées)", () => {
  it("PROD.CREDIT.IMPOT(audiovisuel; fiction; 318 000; 52; 369 000; 2025) = 65 000 €", () => {
    // 369 000 / 52 = 7 096 €/min → 1 250 €/min × 52 = 65 000 € < 318 000 × 25 % = 79 500 €.
    const r = calculerCreditSurBase({
      regime: "audiovisuel",
      genre: "fiction",
      base: euros(318000),
      dureeMinutes: 52,
      coutTotal: euros(369000),
      annee: 2025,
    });
    expect(r.credit).toBe(euros(65000));
  });
  it("cinéma sans coût : 1 000 000 × 30 % = 300 000 € en français ; 20 % en langue étrangère ou sans langue", () => {
    const cinema = (langue?: string) =>
      calculerCreditSurBase({ regime: "cinéma", genre: "fiction", base: euros(1000000), annee: 2025, langue });
    expect(cinema("Français").credit).toBe(euros(300000));
    expect(cinema("etrangere").credit).toBe(euros(200000));
    const sans = cinema();
    expect(sans.credit).toBe(euros(200000));
    expect(sans.alertes.join("\n")).toMatch(/Langue de l'œuvre non renseignée : taux de base de 20,00\s% retenu/);
    expect(() => cinema("italien")).toThrow("Langue inconnue « italien » (attendu : francais, etrangere).");
  });
  it("plafond par minute : fiction 25 000 €/min → 4 000 € ; 24 999,99 → 3 000 € ; documentaire 2021 → 1 450 €", () => {
    expect(plafondMinute("fiction", euros(25000), 2025)).toBe(euros(4000));
    expect(plafondMinute("fiction", euros(24999.99), 2025)).toBe(euros(3000));
    expect(plafondMinute("documentaire", euros(1), 2021)).toBe(euros(1450));
    expect(() => plafondMinute("spectacle", euros(1), 2021)).toThrow("Genre inconnu « spectacle »");
  });
});
