import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import type { OptionsCreditImpot } from "../../../src/core/creditImpot/modele";
import { lireParametres } from "../../../src/core/regles/parametres";
import { av, condition, creditAvecLigne, euros, unDevis } from "./fabrique";

/**
 * Boundaries of the corrected rules (issue 11) that reglesCorrigees.test.ts and exemplesChiffres.test.ts left open:
 * the value just above a threshold, the 60 % public-aid ceiling of the œuvres difficiles, the public-aid ceiling one
 * cent below it, and lodging lines that show their nights never carry the « nombre de nuits inconnu » finding.
 */
const NUITS_INCONNUES = /nombre de nuits inconnu/;

describe("documentaire : plancher de 2 000 € de dépenses éligibles par minute, au-dessus du seuil", () => {
  const doc = (eligible: number) =>
    calculerCreditImpot(
      unDevis([
        { ch: "2", libelle: "Équipe technique", montant: eligible },
        { ch: "9", libelle: "Assurance production", montant: 520000 },
      ]),
      av({}),
    );
  it("104 000,01 € / 52 min : plancher atteint, crédit 25 % de la base (26 000 € arrondi au centime)", () => {
    const r = doc(104000.01);
    expect(condition(r, "dépenses éligibles minimales par minute")?.remplie).toBe(true);
    // 104 000,01 × 25 % = 26 000,0025 → 26 000,00 € (demi supérieur au centime).
    expect(r.credit).toBe(euros(26000));
  });
});

describe("plafond des aides publiques (220 sexies VII) : aux bornes de 50 % et de 60 %", () => {
  // 300 min: 3 333,33 €/min, above the 3 000 €/min animation minimum, so that only the ceiling can empty the credit
  // (at 520 min the cost-per-minute condition fails and the credit is nil whatever the aid).
  const d = unDevis([{ ch: "2", libelle: "Équipe technique", montant: 1000000 }]);
  const anim = (o: Partial<OptionsCreditImpot>) => {
    const r = calculerCreditImpot(d, av({ genre: "animation", dureeMinutes: 300, ...o }));
    expect(r.conditions.filter((c) => !c.remplie)).toEqual([]);
    return r;
  };

  it("autres aides à 50 % − 0,01 € : il reste 0,01 € de crédit, l'alerte chiffre le plafond et cite le Conseil d'État", () => {
    const r = anim({ autresAidesPubliques: euros(499999.99) });
    expect(r.credit).toBe(1);
    const a = r.alertes.find((x) => x.startsWith("Plafond des aides publiques atteint"));
    expect(a).toMatch(/crédit ramené de 200\u202f000,00\u00a0€ à 0,01\u00a0€/);
    expect(a).toMatch(/fraction qui excède ce plafond, pas tout le crédit/);
    expect(a).toMatch(/Vérifiez le plan de financement avant de signer\.$/);
  });

  it("œuvre difficile et à petit budget : 60 % — 599 999,99 € d'autres aides laissent 0,01 €, 600 000 € aucun", () => {
    const sous = anim({ oeuvreDifficile: true, autresAidesPubliques: euros(599999.99) });
    expect(sous.credit).toBe(1);
    expect(sous.plafonds.at(-1)).toMatchObject({ nom: "plafond des aides publiques (60\u00a0% du budget)" });
    const pile = anim({ oeuvreDifficile: true, autresAidesPubliques: euros(600000) });
    expect(pile.credit).toBe(0);
    expect(pile.alertes.join("\n")).toMatch(/atteignent déjà 60,00\u00a0% du budget/);
    // The same 500 000 € of other aid that empties an ordinary work's credit leaves 100 000 € to a difficult one.
    expect(anim({ autresAidesPubliques: euros(500000) }).credit).toBe(0);
    expect(anim({ oeuvreDifficile: true, autresAidesPubliques: euros(500000) }).credit).toBe(euros(100000));
    expect(pile.parametres.find((p) => p.cle === "credit-impot.aides-publiques.plafond-difficile")).toMatchObject({
      table: "credit-impot-aides-publiques",
      confiance: "M",
      aVerifier: true,
    });
  });
});

describe("plafond des aides publiques du crédit international (220 quaterdecies VII) : 50 % pile", () => {
  const d = unDevis([{ ch: "2", libelle: "Équipe technique", montant: 1000000 }]);
  const intl = (autres: number) =>
    calculerCreditImpot(d, {
      regime: "international",
      genre: "animation",
      annee: 2025,
      subventionsPubliques: euros(400000),
      autresAidesPubliques: euros(autres),
    });
  it("subventions 400 000 € + autres aides 100 000 € = 50 % du budget : crédit nul, l'alerte le dit ; 0,01 € de moins : 0,01 €", () => {
    const pile = intl(100000);
    expect(pile.conditions.filter((c) => !c.remplie)).toEqual([]);
    expect(pile.credit).toBe(0);
    expect(pile.alertes.join("\n")).toMatch(
      /Les autres aides publiques \(500\u202f000,00\u00a0€\) atteignent déjà 50,00\u00a0% du budget .*aucun crédit ne peut s'y ajouter/,
    );
    expect(intl(99999.99).credit).toBe(1);
  });
});

describe("hébergement : le constat « nombre de nuits inconnu » seulement quand les nuits ne se lisent pas", () => {
  const calcul = creditAvecLigne;

  it("10 nuitées à 200,01 € : 0,10 € retirés, aucun constat de nuits inconnues", () => {
    const r = calcul({
      ch: "6",
      libelle: "Hôtel équipe",
      montant: 2000.1,
      quantite: 10,
      taux: 200.01,
      unite: "nuitées",
    });
    expect(r.ajustements).toEqual([expect.objectContaining({ nom: "plafond hébergement", montant: 10 })]);
    expect(r.alertes.filter((a) => NUITS_INCONNUES.test(a))).toEqual([]);
  });

  it("unité « nuits » sans quantité ni nombre : les nuits ne se comptent pas, la ligne reste entière avec le constat", () => {
    const r = calcul({ ch: "6", libelle: "Hôtel équipe", montant: 9000, unite: "nuits" });
    expect(r.ajustements).toEqual([]);
    expect(r.alertes.filter((a) => NUITS_INCONNUES.test(a))).toEqual([
      "Budget!E3 : « Hôtel équipe » — nombre de nuits inconnu : plafond d'hébergement non vérifié " +
        "(200,00\u00a0€ par nuit) ; 9\u202f000,00\u00a0€ retenus dans la base.",
    ]);
  });

  it("hôtel à la semaine (« 4 semaines ») : pas des nuits, constat ; un transport sans hébergement : ni plafond ni constat", () => {
    const semaine = calcul({
      ch: "6",
      libelle: "Hôtel équipe",
      montant: 8000,
      quantite: 4,
      taux: 2000,
      unite: "semaines",
    });
    expect(semaine.ajustements).toEqual([]);
    expect(semaine.alertes.filter((a) => NUITS_INCONNUES.test(a))).toHaveLength(1);
    const train = calcul({
      ch: "6",
      libelle: "Transports équipe (train)",
      montant: 8000,
      quantite: 1,
      unite: "forfait",
    });
    expect(train.ajustements).toEqual([]);
    expect(train.alertes.filter((a) => NUITS_INCONNUES.test(a))).toEqual([]);
  });

  it("« Chambres équipe », 30 nuits à 300 € : pas un libellé d'hébergement, rien n'est plafonné ; le constat le dit", () => {
    // The lodging lines are those whose label says hôtel, hébergement, nuitée or logement. A line in nights without
    // such a word is not capped by a guess: it stays whole, and a finding names its cell.
    const r = calcul({ ch: "6", libelle: "Chambres équipe", montant: 9000, quantite: 30, taux: 300, unite: "nuits" });
    expect(r.ajustements).toEqual([]);
    expect(r.alertes.filter((a) => NUITS_INCONNUES.test(a))).toEqual([]);
    expect(r.alertes.filter((a) => a.includes("Chambres"))).toEqual([
      "Budget!E3 : « Chambres équipe » — unité en nuits, mais le libellé ne dit pas « hôtel », « hébergement », " +
        "« nuitée » ni « logement » : plafond d'hébergement (200,00\u00a0€ par nuit) non appliqué ; 9\u202f000,00\u00a0€ " +
        "retenus dans la base. S'il s'agit d'hébergement, dites-le dans le libellé.",
    ]);
    const hotel = calcul({ ch: "6", libelle: "Hôtel équipe", montant: 9000, quantite: 30, taux: 300, unite: "nuits" });
    expect(hotel.ajustements).toEqual([expect.objectContaining({ nom: "plafond hébergement", montant: euros(3000) })]);
    expect(hotel.alertes.filter((a) => a.includes("unité en nuits, mais"))).toEqual([]);
    // A chapter-6 line that is not in nights (a taxi forfait) gets neither.
    const taxi = calcul({ ch: "6", libelle: "Taxis", montant: 9000, quantite: 1, unite: "forfait" });
    expect(taxi.alertes.filter((a) => a.includes("unité en nuits, mais") || NUITS_INCONNUES.test(a))).toEqual([]);
  });
});

describe("coût minimal par minute (D331-4) : fiction 5 000 €/min, animation 3 000 €/min et 24 min, au centime", () => {
  const oeuvre = (genre: "fiction" | "animation", cout: number, minutes: number) =>
    calculerCreditImpot(
      unDevis([{ ch: "2", libelle: "Équipe technique", montant: cout }]),
      av({ genre, dureeMinutes: minutes }),
    );

  it("fiction de 45 min : 225 000 € (5 000,00 €/min) remplit la condition ; 224 999,99 € non, crédit nul", () => {
    const pile = oeuvre("fiction", 225000, 45);
    expect(condition(pile, "coût minimal par minute")).toMatchObject({ remplie: true });
    expect(pile.credit).toBeGreaterThan(0);
    const sous = oeuvre("fiction", 224999.99, 45);
    expect(condition(sous, "coût minimal par minute")?.remplie).toBe(false);
    expect(condition(sous, "durée minimale")?.remplie).toBe(true);
    expect(sous.credit).toBe(0);
  });

  it("animation : 24 min à 72 000 € (3 000,00 €/min) remplit les deux conditions ; 71 999,99 € ou 23 min non", () => {
    const pile = oeuvre("animation", 72000, 24);
    expect(pile.conditions.filter((c) => !c.remplie)).toEqual([]);
    expect(pile.credit).toBeGreaterThan(0);
    expect(condition(oeuvre("animation", 71999.99, 24), "coût minimal par minute")?.remplie).toBe(false);
    const court = oeuvre("animation", 69000, 23);
    expect(condition(court, "durée minimale")?.remplie).toBe(false);
    expect(condition(court, "coût minimal par minute")?.remplie).toBe(true);
    expect(court.credit).toBe(0);
  });
});

describe("plafond de la rémunération du réalisateur : premier exercice couvert (2020) en audiovisuel", () => {
  const d = unDevis([
    { ch: "2", libelle: "Réalisateur", montant: 150000.01 },
    { ch: "2", libelle: "Équipe technique", montant: 849999.99 },
  ]);
  const ajustement = (annee: number) =>
    calculerCreditImpot(d, av({ genre: "fiction", annee })).ajustements.find(
      (a) => a.nom === "plafond rémunération du réalisateur",
    )?.montant;
  it("exercice 2019 : rien n'est retiré ; 2020 : 0,01 € au-delà de 15 % × 1 000 000 € retiré de la base", () => {
    expect(ajustement(2019)).toBeUndefined();
    expect(ajustement(2020)).toBe(1);
  });
});

describe("artistes-interprètes retenus au minimum conventionnel saisi : un centime sous le total", () => {
  const d = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 200000 },
    { ch: "3", libelle: "Rôle principal", montant: 60000 },
    { ch: "3", libelle: "Seconds rôles", montant: 40000 },
    { ch: "FG", libelle: "Frais généraux", montant: 75000 },
  ]);
  const avecMinimum = (minimum: string) =>
    calculerCreditImpot(
      d,
      av({
        surcharges: lireParametres({
          name: "Paramètres",
          rows: [
            [{ v: "Paramètre" }, { v: "Valeur" }],
            [{ v: "credit-impot.artistes.base-minimum" }, { v: minimum }],
          ],
          merges: [],
        }),
      }),
    );
  it("minimum 99 999,99 € pour 100 000 € de comédiens : 0,01 € retiré de la base (299 999,99 €)", () => {
    const r = avecMinimum("99999,99");
    expect(r.ajustements.reduce((s, a) => s + a.montant, 0)).toBe(1);
    expect(r.base).toBe(euros(299999.99));
  });
});
