import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import type { ResultatCreditImpot } from "../../../src/core/creditImpot/modele";
import { euros, unDevis } from "./fabrique";

/**
 * The worked examples of docs/credit-impot.md, « Exemples chiffrés de Prodbook » : one per regime, a small devis taken
 * from its lines to the credit, every intermediate figure asserted. They are Prodbook's examples, computed from its
 * dated tables (dépenses de 2025), not the BOFiP's: no numeric example of the BOFiP in force (BOI-IS-RICI-10-20-*,
 * 10-30-*, the international credit) could be read — see the doc for the pages and queries tried. Each expected
 * figure below is worked out by hand from the rule it names, not copied from a run.
 */

const montant = (r: ResultatCreditImpot, nom: string) => r.plafonds.find((p) => p.nom === nom);
const ajustement = (r: ResultatCreditImpot, nom: string) => r.ajustements.find((a) => a.nom === nom)?.montant;
const baseChapitre = (r: ResultatCreditImpot) => Object.fromEntries(r.baseParChapitre.map((b) => [b.code, b.base]));

describe("Exemple 1 — cinéma, film de fiction en français, dépenses de 2025", () => {
  // Devis de 1 800 000 € : 9 lignes.
  const FILM = unDevis(
    [
      { ch: "1", libelle: "Scénario (droits d'auteur)", montant: 120000 },
      { ch: "2", libelle: "Réalisateur (salaire)", montant: 200000 },
      { ch: "2", libelle: "Équipe technique", montant: 400000 },
      { ch: "4", libelle: "Charges sociales", montant: 200000 },
      // 10 personnes × 20 nuits à 250 € : hors Paris, 200 € par nuitée au plus (décret n° 2013-1139).
      { ch: "6", libelle: "Hôtel équipe", montant: 50000, quantite: 10, nombre: 20, taux: 250, unite: "nuits" },
      // Location tournée pour 60 % en France.
      { ch: "7", libelle: "Caméra et lumière (location)", montant: 500000, partFrance: "0.6" },
      { ch: "9", libelle: "Assurance tournage", montant: 80000 },
      { ch: "FG", libelle: "Frais généraux", montant: 150000 },
      { ch: "IMP", libelle: "Imprévus", montant: 100000 },
    ],
    { typeOeuvre: "cinema" },
  );
  const calcul = (autresAidesPubliques?: number) =>
    calculerCreditImpot(FILM, {
      regime: "cinema",
      genre: "fiction",
      annee: 2025,
      langue: "francais",
      ...(autresAidesPubliques !== undefined ? { autresAidesPubliques: euros(autresAidesPubliques) } : {}),
    });

  it("base : 1 260 000 € (hôtel ramené à 200 × 200 nuits, location à 60 %, assurance et frais exclus)", () => {
    const r = calcul();
    expect(r.budget).toBe(euros(1800000));
    // Hôtel : 200 nuits × 200 € = 40 000 € retenus, 10 000 € retirés.
    expect(ajustement(r, "plafond hébergement")).toBe(euros(10000));
    // Réalisateur : 15 % × 1 800 000 = 270 000 € au plus ; 200 000 € passent entiers.
    expect(ajustement(r, "plafond rémunération du réalisateur")).toBeUndefined();
    expect(baseChapitre(r)).toEqual({
      "1": euros(120000),
      "2": euros(600000),
      "4": euros(200000),
      "6": euros(40000),
      "7": euros(300000),
      "9": 0,
      FG: 0,
      IMP: 0,
    });
    expect(r.base).toBe(euros(1260000));
    // 80 % × 1 800 000 = 1 440 000 € : la base n'est pas plafonnée.
    expect(r.plafondBase?.montant).toBe(euros(1440000));
    expect(r.plafondBase?.applique).toBe(false);
  });

  it("crédit : 30 % × 1 260 000 = 378 000 € ; plafonds (30 M€, 50 % du budget) non atteints", () => {
    const r = calcul();
    expect(r.taux).toBe("0.3");
    expect(r.creditAvantPlafonds).toBe(euros(378000));
    expect(montant(r, "plafond par œuvre")).toMatchObject({ montant: euros(30000000), applique: false });
    // Sans autres aides, le crédit seul est compté : 50 % × 1 800 000 = 900 000 €.
    expect(r.plafonds.find((p) => p.nom.startsWith("plafond des aides publiques"))).toMatchObject({
      montant: euros(900000),
      applique: false,
    });
    expect(r.credit).toBe(euros(378000));
    expect(r.eligible).toBe(true);
  });

  it("avec 600 000 € d'autres aides publiques : 50 % × 1 800 000 − 600 000 = 300 000 €", () => {
    const r = calcul(600000);
    expect(r.creditAvantPlafonds).toBe(euros(378000));
    expect(r.plafonds.find((p) => p.nom.startsWith("plafond des aides publiques"))).toMatchObject({
      montant: euros(300000),
      applique: true,
    });
    expect(r.credit).toBe(euros(300000));
  });
});

describe("Exemple 2 — audiovisuel, fiction de 90 minutes, dépenses de 2025", () => {
  // Devis de 1 600 000 € dont 160 000 € de frais généraux : 1 440 000 € hors frais, 16 000 € par minute.
  const FICTION = unDevis([
    { ch: "1", libelle: "Droits d'auteur", montant: 100000 },
    { ch: "2", libelle: "Réalisateur (salaire)", montant: 90000 },
    { ch: "2", libelle: "Équipe technique", montant: 500000 },
    { ch: "3", libelle: "Comédiens", montant: 250000 },
    { ch: "5", libelle: "Assurance", montant: 100000 },
    { ch: "7", libelle: "Moyens techniques", montant: 400000, partFrance: "0.5" },
    { ch: "FG", libelle: "Frais généraux", montant: 160000 },
  ]);
  const r = calculerCreditImpot(FICTION, { regime: "audiovisuel", genre: "fiction", annee: 2025, dureeMinutes: 90 });

  it("conditions : 90 min ≥ 45 min et 16 000 €/min ≥ 5 000 €/min", () => {
    expect(r.coutMinute).toBe(euros(16000));
    expect(r.conditions.every((c) => c.remplie)).toBe(true);
    expect(r.eligible).toBe(true);
  });

  it("base : 100 000 + 590 000 + 250 000 + 200 000 = 1 140 000 € (assurance et frais exclus)", () => {
    expect(baseChapitre(r)).toEqual({
      "1": euros(100000),
      "2": euros(590000),
      "3": euros(250000),
      "5": 0,
      "7": euros(200000),
      FG: 0,
    });
    expect(r.base).toBe(euros(1140000));
    // 80 % × 1 600 000 = 1 280 000 € : pas de plafond de la base ; réalisateur sous 15 % × 1 600 000 = 240 000 €.
    expect(r.plafondBase).toMatchObject({ montant: euros(1280000), applique: false });
    expect(r.ajustements).toEqual([]);
  });

  it("crédit : 25 % × 1 140 000 = 285 000 € ramenés à 2 000 €/min × 90 = 180 000 € (tranche 15 000–20 000 €/min)", () => {
    expect(r.taux).toBe("0.25");
    expect(r.creditAvantPlafonds).toBe(euros(285000));
    expect(montant(r, "plafond par minute")).toMatchObject({ montant: euros(180000), applique: true });
    expect(r.credit).toBe(euros(180000));
  });
});

describe("Exemple 3 — international (C2I), fiction tournée 10 jours en France, dépenses de 2025", () => {
  // Devis de 5 500 000 € ; les transports sont payés à l'étranger.
  const C2I = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 1500000 },
    { ch: "3", libelle: "Comédiens", montant: 800000 },
    { ch: "6", libelle: "Transports", montant: 400000, partFrance: "0" },
    { ch: "7", libelle: "Moyens techniques", montant: 1000000 },
    { ch: "8", libelle: "Effets visuels", montant: 1500000 },
    { ch: "FG", libelle: "Frais généraux", montant: 300000 },
  ]);
  const calcul = (autresAidesPubliques?: number, vfx = 1500000) =>
    calculerCreditImpot(C2I, {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      joursTournageFrance: 10,
      depensesVfxFrance: euros(vfx),
      subventionsPubliques: euros(300000),
      ...(autresAidesPubliques !== undefined ? { autresAidesPubliques: euros(autresAidesPubliques) } : {}),
    });

  it("base : 4 800 000 € dépensés en France − 300 000 € de subventions = 4 500 000 €", () => {
    const r = calcul();
    expect(r.baseParChapitre.reduce((s, b) => s + b.base, 0)).toBe(euros(4800000));
    expect(ajustement(r, "subventions publiques déduites")).toBe(euros(300000));
    expect(r.base).toBe(euros(4500000));
    expect(r.plafondBase).toBeUndefined();
    expect(r.conditions.every((c) => c.remplie)).toBe(true);
  });

  it("taux 30 % (1 500 000 € d'effets visuels en France : pas plus de 2 M€) ; 1 350 000 € ramenés à 80 % × 5 500 000 × 30 % = 1 320 000 €", () => {
    const r = calcul();
    expect(r.taux).toBe("0.3");
    expect(r.creditAvantPlafonds).toBe(euros(1350000));
    expect(montant(r, "plafond 30\u00a0% × 80\u00a0% du budget de production")).toMatchObject({
      montant: euros(1320000),
      applique: true,
    });
    expect(montant(r, "plafond par œuvre")).toMatchObject({ montant: euros(30000000), applique: false });
    // 50 % × 5 500 000 − 300 000 = 2 450 000 € : ne limite pas.
    expect(r.plafonds.find((p) => p.nom.startsWith("plafond des aides publiques"))).toMatchObject({
      montant: euros(2450000),
      applique: false,
    });
    expect(r.credit).toBe(euros(1320000));
  });

  it("avec 1 200 000 € d'autres aides : 50 % × 5 500 000 − 300 000 − 1 200 000 = 1 250 000 €", () => {
    const r = calcul(1200000);
    expect(r.plafonds.find((p) => p.nom.startsWith("plafond des aides publiques"))).toMatchObject({
      montant: euros(1250000),
      applique: true,
    });
    expect(r.credit).toBe(euros(1250000));
  });

  // Taux majoré : « plus de 2 M€ » de dépenses d'effets visuels en France (BOFiP ACTU-2021-00145, table [M]).
  it("2 000 000,00 € d'effets visuels : encore 30 % ; 2 000 000,01 € : 40 %, 1 800 000 € ramenés à 80 % × 5 500 000 × 40 % = 1 760 000 €", () => {
    expect(calcul(undefined, 2000000).taux).toBe("0.3");
    const r = calcul(undefined, 2000000.01);
    expect(r.taux).toBe("0.4");
    expect(r.creditAvantPlafonds).toBe(euros(1800000));
    expect(montant(r, "plafond 40\u00a0% × 80\u00a0% du budget de production")).toMatchObject({
      montant: euros(1760000),
      applique: true,
    });
    expect(r.credit).toBe(euros(1760000));
  });
});
