import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import type { OptionsCreditImpot } from "../../../src/core/creditImpot/modele";
import { lireParametres } from "../../../src/core/regles/parametres";
import { av, condition, creditAvecLigne, euros, unDevis } from "./fabrique";

const parametres = (rows: [string, string][]) =>
  lireParametres({
    name: "Paramètres",
    rows: [[{ v: "Paramètre" }, { v: "Valeur" }], ...rows.map(([k, v]) => [{ v: k }, { v }])],
    merges: [],
  });

/**
 * 220 sexies II-3: the documentary floor is 2 000 € of ELIGIBLE spend per minute. Here the work costs 12 000 €/min
 * (a 520 000 € insurance line is not eligible) but only 104 000 € are eligible: 104 000 / 52 = 2 000 €/min, met
 * exactly; one cent less and the credit is lost, whatever the cost per minute.
 */
describe("documentaire : plancher de dépenses éligibles par minute", () => {
  const doc = (eligible: number, minutes = 52) =>
    calculerCreditImpot(
      unDevis([
        { ch: "2", libelle: "Équipe technique", montant: eligible },
        { ch: "9", libelle: "Assurance production", montant: 520000 },
      ]),
      av({ dureeMinutes: minutes }),
    );

  it("104 000 € éligibles / 52 min = 2 000 €/min : plancher atteint ; 103 999,99 € : crédit nul", () => {
    const juste = doc(104000);
    expect(condition(juste, "dépenses éligibles minimales par minute")).toMatchObject({
      remplie: true,
      detail: expect.stringMatching(
        /^dépenses éligibles 104\s000,00\s€ \/ 52 min = 2\s000,00\s€\/min, minimum 2\s000,00/,
      ),
    });
    expect(juste.credit).toBe(euros(26000)); // 104 000 × 25 %
    const sous = doc(103999.99);
    expect(condition(sous, "dépenses éligibles minimales par minute")?.remplie).toBe(false);
    expect(sous.credit).toBe(0);
    // The cost per minute (12 000 €/min) is far above 2 000 €: it is not what the text tests.
    expect(sous.coutMinute).toBeGreaterThan(euros(11999));
  });

  it("plus de 90 minutes : le plancher reste 2 000 €/min (les 1 000 €/min sont ceux des adaptations de spectacles)", () => {
    const r = doc(150000, 100); // 1 500 €/min
    expect(condition(r, "dépenses éligibles minimales par minute")?.remplie).toBe(false);
    expect(r.credit).toBe(0);
  });

  it("durée : 24 min suffit, 23 min non", () => {
    expect(condition(doc(104000, 24), "durée minimale")?.remplie).toBe(true);
    expect(condition(doc(104000, 23), "durée minimale")?.remplie).toBe(false);
  });
});

/**
 * D331-4 CCIA, 2° (original wording, décret n° 2014-794): a documentary also needs a production cost of at least
 * 2 333 € per minute, apart from the 2 000 € floor of eligible spend. 121 316 € over 52 min = 2 333,00 €/min, met
 * exactly; one cent less and the credit is lost although the eligible spend (2 333 €/min) clears its own floor.
 */
describe("documentaire : coût de production minimal par minute (D331-4, 2°)", () => {
  const doc = (cout: number) =>
    calculerCreditImpot(unDevis([{ ch: "2", libelle: "Équipe technique", montant: cout }]), av({}));

  it("121 316 € / 52 min = 2 333,00 €/min : condition remplie ; 121 315,99 € : crédit nul", () => {
    const juste = doc(121316);
    expect(condition(juste, "coût minimal par minute")).toMatchObject({
      remplie: true,
      detail: expect.stringMatching(
        /^coût hors frais généraux et imprévus 2\s333,00\s€\/min, minimum 2\s333,00\s€\/min/,
      ),
    });
    expect(condition(juste, "dépenses éligibles minimales par minute")?.remplie).toBe(true);
    expect(juste.credit).toBe(euros(24263.2)); // 121 316 plafonnés à 80 % du budget (97 052,80) × 25 %
    const sous = doc(121315.99);
    // 2 332,9998 €/min, shown rounded down: the figure under the minimum never reads as the minimum itself.
    expect(condition(sous, "coût minimal par minute")).toMatchObject({
      remplie: false,
      detail: expect.stringMatching(
        /^coût hors frais généraux et imprévus 2\s332,99\s€\/min, minimum 2\s333,00\s€\/min/,
      ),
    });
    expect(condition(sous, "dépenses éligibles minimales par minute")?.remplie).toBe(true);
    expect(sous.credit).toBe(0);
  });

  it("le chiffre vient de la table, à vérifier (rédaction en vigueur de D331-4 non lue), et se remplace dans Paramètres", () => {
    const p = doc(121316).parametres.find((x) => x.cle === "credit-impot.audiovisuel.cout-minimum.documentaire");
    expect(p).toMatchObject({
      confiance: "M",
      aVerifier: true,
      table: "credit-impot-audiovisuel-minimum-documentaire",
    });
    const r = calculerCreditImpot(unDevis([{ ch: "2", libelle: "Équipe technique", montant: 121316 }]), {
      ...av({}),
      surcharges: parametres([["credit-impot.audiovisuel.cout-minimum.documentaire", "2400"]]),
    });
    expect(condition(r, "coût minimal par minute")?.remplie).toBe(false);
  });
});

/** D331-4 CCIA: audiovisual fiction of at least 45 minutes and 5 000 € of production cost per minute. */
describe("fiction audiovisuelle : 45 minutes au moins", () => {
  const fiction = (minutes: number) =>
    calculerCreditImpot(
      unDevis([{ ch: "2", libelle: "Équipe technique", montant: 6000 * minutes }]),
      av({ genre: "fiction", dureeMinutes: minutes }),
    );
  it("45 min : condition remplie (version [H] de D331-4) ; 44 min : crédit nul", () => {
    const r = fiction(45);
    expect(condition(r, "durée minimale")).toMatchObject({
      remplie: true,
      detail: "durée 45 min, minimum 45 min (fiction)",
    });
    expect(r.parametres.find((p) => p.cle === "credit-impot.audiovisuel.duree-minimum.fiction")).toMatchObject({
      confiance: "H",
      aVerifier: false,
      table: "credit-impot-audiovisuel-minimum-fiction",
    });
    const court = fiction(44);
    expect(condition(court, "durée minimale")?.remplie).toBe(false);
    expect(court.credit).toBe(0);
  });
});

/** Cinema 220 sexies III-1: 30 % for animation, French or regional language, fiction with ≥ 15 % VFX shots; else 20 %. */
describe("cinéma : taux selon la langue et l'animation", () => {
  // Frais généraux 250 000 € : la base (1 000 000 €) reste à 80 % du budget, pas plafonnée (220 sexies III-3).
  const FILM = unDevis(
    [
      { ch: "7", libelle: "Moyens techniques", montant: 1000000 },
      { ch: "FG", libelle: "Frais généraux", montant: 250000 },
    ],
    { typeOeuvre: "cinema" },
  );
  const cinema = (o: Partial<OptionsCreditImpot>) =>
    calculerCreditImpot(FILM, { regime: "cinema", genre: "fiction", annee: 2025, ...o });

  it("français : 30 % ; langue étrangère : 20 % ; non renseignée : 20 % avec une alerte", () => {
    expect(cinema({ langue: "francais" }).credit).toBe(euros(300000));
    expect(cinema({ langue: "etrangere" }).credit).toBe(euros(200000));
    const sans = cinema({});
    expect(sans.credit).toBe(euros(200000));
    expect(sans.alertes[0]).toMatch(/^Langue de l'œuvre non renseignée : taux de base de 20,00\s% retenu/);
  });

  it("animation : 30 % quelle que soit la langue", () => {
    expect(cinema({ genre: "animation", langue: "etrangere" }).taux).toBe("0.3");
    expect(cinema({ genre: "animation" }).alertes.some((a) => a.startsWith("Langue"))).toBe(false);
  });

  it("fiction en langue étrangère : 15 % de plans truqués l'assimilent à l'animation (30 %), 14,99 % non", () => {
    expect(cinema({ langue: "etrangere", partPlansVfx: "0.15" }).taux).toBe("0.3");
    expect(cinema({ langue: "etrangere", partPlansVfx: "0.1499" }).taux).toBe("0.2");
  });
});

/**
 * LF 2020 art. 138: since 2020 the director's pay counts within 15 % / 8 % / 5 % of the cost tranches in all three
 * credits. Budget 1 000 000 € → 150 000 € at most.
 */
describe("rémunération du réalisateur : depuis 2020, dans les trois crédits", () => {
  const devis = (realisateur: number) =>
    unDevis([
      { ch: "2", libelle: "Réalisateur", montant: realisateur },
      { ch: "2", libelle: "Équipe technique", montant: 1000000 - realisateur },
    ]);
  const ajustement = (r: ReturnType<typeof calculerCreditImpot>) =>
    r.ajustements.find((a) => a.nom === "plafond rémunération du réalisateur")?.montant;

  it("audiovisuel 2025 : 150 000 € pile → rien ; 150 000,01 € → 0,01 € retiré de la base", () => {
    expect(ajustement(calculerCreditImpot(devis(150000), av({ genre: "fiction" })))).toBeUndefined();
    expect(ajustement(calculerCreditImpot(devis(150000.01), av({ genre: "fiction" })))).toBe(1);
  });

  it("international 2025 : 400 000 € retenus 150 000 € ; audiovisuel 2019 (avant la LF 2020) : pas de plafond", () => {
    const intl = calculerCreditImpot(devis(400000), { regime: "international", genre: "animation", annee: 2025 });
    expect(ajustement(intl)).toBe(euros(250000));
    expect(ajustement(calculerCreditImpot(devis(400000), av({ genre: "fiction", annee: 2019 })))).toBeUndefined();
  });
});

/** The per-night lodging cap applies only to lines that show nights (unit or label). */
describe("hébergement : le plafond par nuit ne vaut que pour des nuits", () => {
  const base = creditAvecLigne;

  it("forfait « Transports, hébergement, repas » 160 000 € × 1 : reste dans la base, constat nommant la cellule", () => {
    const r = base({
      ch: "6",
      libelle: "Transports, hébergement, repas",
      montant: 160000,
      quantite: 1,
      unite: "forfait",
    });
    expect(r.base).toBe(euros(360000));
    expect(r.ajustements).toEqual([]);
    expect(r.alertes).toContain(
      "Budget!E3 : « Transports, hébergement, repas » — nombre de nuits inconnu : plafond d'hébergement non vérifié " +
        "(200,00\u00a0€ par nuit) ; 160\u202f000,00\u00a0€ retenus dans la base.",
    );
  });

  it("unité « nuitées » : 30 × 250 € retenus 30 × 200 € ; 30 × 200 € pile : rien", () => {
    const r = base({ ch: "6", libelle: "Hôtel équipe", montant: 7500, quantite: 30, taux: 250, unite: "nuitées" });
    expect(r.ajustements).toEqual([expect.objectContaining({ nom: "plafond hébergement", montant: euros(1500) })]);
    const pile = base({ ch: "6", libelle: "Hôtel équipe", montant: 6000, quantite: 30, taux: 200, unite: "nuit" });
    expect(pile.ajustements).toEqual([]);
  });

  it("sans unité, un libellé en nuits suffit : « Hôtel (nuits) » 5 personnes × 8 nuits à 300 € → 40 × 200 €", () => {
    const r = base({ ch: "6", libelle: "Hôtel (nuits)", montant: 12000, quantite: 5, nombre: 8, taux: 300 });
    expect(r.ajustements[0]).toMatchObject({
      montant: euros(4000),
      detail: "Budget!E3 : 40\u00a0nuits à 200,00\u00a0€ au plus",
    });
  });
});

describe("plafond des aides publiques : seule la fraction au-delà du plafond est retirée (CE 15 mars 2023)", () => {
  const d = unDevis([{ ch: "2", libelle: "Équipe technique", montant: 1000000 }]);
  it("autres aides déjà à 50 % du budget : crédit nul ; l'alerte cite le Conseil d'État (fraction excédentaire)", () => {
    // 300 min (3 333,33 €/min ≥ 3 000 €/min): every condition is met, so the nil credit is the ceiling's doing; at
    // 520 min the cost-per-minute condition failed and the credit was nil whatever the aid.
    const r = calculerCreditImpot(
      d,
      av({ genre: "animation", dureeMinutes: 300, autresAidesPubliques: euros(500000) }),
    );
    expect(r.conditions.filter((c) => !c.remplie)).toEqual([]);
    expect(r.creditAvantPlafonds).toBe(euros(200000));
    expect(r.credit).toBe(0);
    const alertes = r.alertes.join("\n");
    expect(alertes).toMatch(/atteignent déjà 50,00\s% du budget.*Conseil d'État \(15 mars 2023, n° 452317\)/);
    expect(alertes).toMatch(/ne retire du crédit que la fraction qui excède ce plafond, pas tout le crédit/);
    expect(alertes).not.toMatch(/peut faire perdre tout le crédit/);
  });

  it("international : subventions + autres aides comptées ; 50 % × 1 000 000 − 450 000 = 50 000 €", () => {
    const r = calculerCreditImpot(d, {
      regime: "international",
      genre: "animation",
      annee: 2025,
      subventionsPubliques: euros(400000),
      autresAidesPubliques: euros(50000),
    });
    expect(r.plafonds.at(-1)).toMatchObject({ montant: euros(50000), applique: true });
    expect(r.credit).toBe(euros(50000));
  });
});

/** 220 sexies III-1-b: artists' pay counts within the conventional minimum, which the accountant gives. */
describe("artistes-interprètes : dans la limite du minimum conventionnel", () => {
  const d = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 200000 },
    { ch: "3", libelle: "Rôle principal", montant: 60000 },
    { ch: "3", libelle: "Seconds rôles", montant: 40000 },
    // Budget 375 000 € : 80 % = 300 000 €, la base n'est pas plafonnée (220 sexies III-3).
    { ch: "FG", libelle: "Frais généraux", montant: 75000 },
  ]);
  it("minimum non fourni : retenus en entier, alerte nommant les cellules et la clé Paramètres", () => {
    const r = calculerCreditImpot(d, av({}));
    expect(r.base).toBe(euros(300000));
    expect(r.alertes.join("\n")).toMatch(
      /Rémunérations des artistes-interprètes retenues en entier : 100\s000,00\s€ \(Budget!E3, Budget!E4\).*credit-impot\.artistes\.base-minimum/,
    );
  });
  it("minimum fourni 70 000 € : 30 000 € retirés, répartis au prorata ; 100 000 € pile : rien", () => {
    const r = calculerCreditImpot(
      d,
      av({ surcharges: parametres([["credit-impot.artistes.base-minimum", "70 000"]]) }),
    );
    expect(r.base).toBe(euros(270000));
    expect(r.lignes[1].base).toBe(euros(42000));
    expect(r.lignes[2].base).toBe(euros(28000));
    const pile = calculerCreditImpot(
      d,
      av({ surcharges: parametres([["credit-impot.artistes.base-minimum", "100000"]]) }),
    );
    expect(pile.ajustements).toEqual([]);
  });
});

/**
 * Cinema credit, table idcc3097-artistes-minima (2022 grid, long-métrage, engagement à la journée 412,08 €): a line paid
 * by the day is limited to quantité × nombre × 412,08 €, a line paid by the week to its weeks × the weekly minimum (6 days
 * when the line does not say: 4 × 1 548,03 = 6 192,12 € ≥ 6 000 €, kept, with an alert: 5 days would give 4 995,48 €);
 * extras and rehearsals are not (other minima).
 */
describe("artistes-interprètes : grille IDCC 3097 au crédit cinéma", () => {
  const d = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 200000 },
    // 10 cachets × 2 comédiens = 20 jours × 412,08 € = 8 241,60 € < 10 000 €.
    { ch: "3", libelle: "Petits rôles", montant: 10000, quantite: 10, nombre: 2, unite: "Cachets", taux: 500 },
    { ch: "3", libelle: "Premier rôle", montant: 6000, quantite: 4, unite: "semaine", taux: 1500 },
    { ch: "3", libelle: "Figurants", montant: 3000, quantite: 30, unite: "jour", taux: 100 },
    { ch: "FG", libelle: "Frais généraux", montant: 100000 },
  ]);
  // A week the line does not say 5 or 6 days of: the normal 5-day shooting week (titre III, art. 4.2.1), 4 × 1 248,87 €.
  it("cachets × nombre limités au minimum journalier ; semaine de 5 jours quand la ligne ne dit rien ; figurants en entier", () => {
    const r = calculerCreditImpot(d, av({ regime: "cinema", genre: "fiction", langue: "francais" }));
    expect(r.lignes.slice(1, 4).map((l) => l.base)).toEqual([euros(8241.6), euros(4995.48), euros(3000)]);
    expect(r.base).toBe(euros(216237.08));
    const alertes = r.alertes.join("\n");
    expect(alertes).toContain(
      "Rémunérations des artistes-interprètes retenues en entier : 3\u202f000,00\u00a0€ (Budget!E5)",
    );
    expect(alertes).toContain(
      "Budget!E4 : 6\u202f000,00\u00a0€ limités à 4 semaines × 1\u202f248,87\u00a0€ (semaine de 5 jours) = " +
        "4\u202f995,48\u00a0€",
    );
    expect(alertes).toContain("si la semaine est de 6 jours, la limite est 6\u202f192,12\u00a0€");
    expect(alertes).toContain("Budget!E5 : libellé « Figurants » hors grille (figurant)");
  });
});

describe("chaque résultat nomme les tables et versions utilisées", () => {
  it("chaque paramètre renvoie à une table listée avec la même version ; la table d'éligibilité y figure", () => {
    const r = calculerCreditImpot(
      unDevis([{ ch: "2", libelle: "Équipe technique", montant: 300000 }]),
      av({ genre: "fiction", dureeMinutes: 52 }),
    );
    const ids = r.tables.map((t) => `${t.table}@${t.effetDu}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of r.parametres) expect(ids).toContain(`${p.table}@${p.effetDu}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        "credit-impot-eligibilite@2016-01-01",
        "credit-impot-audiovisuel@2021-12-31",
        "credit-impot-audiovisuel-minimum-fiction@2022-01-01",
        "credit-impot-audiovisuel-plafond-minute-fiction@2016-01-01",
        "credit-impot-aides-publiques@2016-01-01",
      ]),
    );
    const m = r.tables.find((t) => t.table === "credit-impot-audiovisuel");
    expect(m).toMatchObject({ confiance: "H", aVerifier: false, effetAu: "2025-12-31" });
  });

  it("dépenses de 2026 : taux repris de 2025 mais « à vérifier », la loi de finances pour 2026 n'ayant pas été lue", () => {
    const d = unDevis([{ ch: "2", libelle: "Équipe technique", montant: 300000 }]);
    for (const [opts, table] of [
      [av({ genre: "fiction", dureeMinutes: 52, annee: 2026 }), "credit-impot-audiovisuel"],
      [{ regime: "cinema", genre: "fiction", annee: 2026, langue: "francais" } as const, "credit-impot-cinema"],
    ] as const) {
      const r = calculerCreditImpot(d, opts);
      const m = r.tables.find((t) => t.table === table);
      expect(m).toMatchObject({ effetDu: "2026-01-01", confiance: "M", aVerifier: true, effetAu: "2028-12-31" });
      expect(m?.motifConfiance).toMatch(/Aucun texte publié au Journal officiel n'a été lu pour 2026/);
      const r25 = calculerCreditImpot(d, { ...opts, annee: 2025 });
      expect(r25.tables.find((t) => t.table === table)).toMatchObject({ confiance: "H", effetAu: "2025-12-31" });
      expect(r25.taux.toString()).toBe(r.taux.toString());
    }
  });
});
