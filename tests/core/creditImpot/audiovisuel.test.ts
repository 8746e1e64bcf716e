import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { CreditImpotError } from "../../../src/core/creditImpot/modele";
import type { CellData, SheetData } from "../../../src/core/port/workbook";
import { lireParametres } from "../../../src/core/regles/parametres";
import { euros, type LigneSimple, unDevis } from "./fabrique";

/**
 * Fiction, 52 minutes. Total 419 000 €; cost hors FG et imprévus 369 000 € → 7 096,15 €/min (≥ 5 000 minimum,
 * tranche < 10 000 €/min → per-minute cap 1 250 €).
 * Base (eligible, spent in France):
 *   ch1 droits 40 000 + ch2 réalisateur 60 000 + ch3 comédiens 80 000 + ch4 charges 70 000
 *   + ch6 hôtel 3 000 (20 nuits × 150 €, under the 200 € cap)
 *   + ch7 caméra 30 000 × 50 % France = 15 000 + ch8 montage 50 000
 *   excluded: taxe d'apprentissage 1 000 (salary tax), mixage à Bruxelles 10 000 (0 % France),
 *             assurance 5 000 (ch9), décors 20 000 (column Éligible CI = non), FG 30 000, imprévus 20 000
 *   = 318 000 €.
 */
const FICTION: LigneSimple[] = [
  { ch: "1", libelle: "Droits d'auteur scénario", montant: 40000 },
  { ch: "2", libelle: "Réalisateur", montant: 60000 },
  { ch: "3", libelle: "Comédiens", montant: 80000 },
  { ch: "4", libelle: "Charges sociales", montant: 70000 },
  { ch: "4", libelle: "Taxe d'apprentissage", montant: 1000 },
  { ch: "6", libelle: "Hôtel équipe", montant: 3000, quantite: 20, nombre: 1, taux: 150 },
  { ch: "7", libelle: "Location caméra", montant: 30000, partFrance: "0.5" },
  { ch: "8", libelle: "Montage", montant: 50000 },
  { ch: "8", libelle: "Mixage à Bruxelles", montant: 10000, partFrance: "0" },
  { ch: "9", libelle: "Assurance production", montant: 5000 },
  { ch: "5", libelle: "Décors", montant: 20000, eligibleCI: "non" },
  { ch: "FG", libelle: "Frais généraux", montant: 30000 },
  { ch: "IMP", libelle: "Imprévus", montant: 20000 },
];

function parametres(rows: [string, string | number][]): SheetData {
  const r: CellData[][] = [[{ v: "Paramètre" }, { v: "Valeur" }], ...rows.map(([k, v]) => [{ v: k }, { v }])];
  return { name: "Paramètres", rows: r, merges: [] };
}

describe("crédit d'impôt audiovisuel — fiction", () => {
  it("plafond par minute atteint : 318 000 × 25 % = 79 500 € ramené à 1 250 €/min × 52 = 65 000 €", () => {
    const r = calculerCreditImpot(unDevis(FICTION), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 52,
    });
    expect(r.base).toBe(euros(318000));
    expect(r.taux).toBe("0.25");
    expect(r.creditAvantPlafonds).toBe(euros(79500));
    expect(r.coutMinute).toBe(euros(7096.15)); // 369 000 / 52 = 7 096,1538…
    expect(r.plafonds[0]).toMatchObject({ nom: "plafond par minute", montant: euros(65000), applique: true });
    // 50 % × 419 000 = 209 500 € : not binding.
    expect(r.plafonds[1]).toMatchObject({ montant: euros(209500), applique: false });
    expect(r.credit).toBe(euros(65000));
    expect(r.eligible).toBe(true);
    const parChap = Object.fromEntries(r.baseParChapitre.map((b) => [b.code, b.base / 100]));
    expect(parChap).toEqual({
      "1": 40000,
      "2": 60000,
      "3": 80000,
      "4": 70000,
      "5": 0,
      "6": 3000,
      "7": 15000,
      "8": 50000,
      "9": 0,
      FG: 0,
      IMP: 0,
    });
  });

  it("ligne forcée non éligible par sa colonne, ligne à l'étranger, taxe sur salaires : exclues avec leur motif", () => {
    const r = calculerCreditImpot(unDevis(FICTION), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 52,
    });
    const l = (lib: string) => r.lignes.find((x) => x.libelle === lib)!;
    expect(l("Décors")).toMatchObject({ eligible: false, origine: "colonne", base: 0 });
    expect(l("Décors").motif).toContain("Éligible CI");
    expect(l("Mixage à Bruxelles")).toMatchObject({ eligible: true, partFrance: "0", base: 0 });
    expect(l("Location caméra").base).toBe(euros(15000));
    expect(l("Taxe d'apprentissage")).toMatchObject({ eligible: false });
    expect(l("Taxe d'apprentissage").motif).toContain("taxes assises sur les salaires");
  });

  it("la colonne « Éligible CI » = oui l'emporte sur la règle par défaut, avec une alerte à vérifier", () => {
    // Assurance 5 000 € forced eligible: base 318 000 + 5 000 = 323 000 € ; × 25 % = 80 750 € → still capped at 65 000 €.
    const lignes = FICTION.map((l) =>
      l.libelle === "Assurance production" ? { ...l, eligibleCI: "oui" as const } : l,
    );
    const r = calculerCreditImpot(unDevis(lignes), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 52,
    });
    expect(r.base).toBe(euros(323000));
    expect(r.creditAvantPlafonds).toBe(euros(80750));
    expect(r.alertes).toContain(
      "Budget!E11 : « Assurance production » déclarée éligible par sa colonne « Éligible CI » alors qu'elle serait non éligible par défaut (assurances (libellé « assurance »)) — à vérifier.",
    );
  });

  it("frais généraux et imprévus déclarés éligibles par la colonne : hors base quand même (le texte ne les compte pas), avec un constat", () => {
    // FG 30 000 € and imprévus 20 000 € marked « oui »: the base stays 318 000 €, each line named with its cell.
    const lignes = FICTION.map((l) => (l.ch === "FG" || l.ch === "IMP" ? { ...l, eligibleCI: "oui" as const } : l));
    for (const regime of ["audiovisuel", "cinema"] as const) {
      const r = calculerCreditImpot(unDevis(lignes), { regime, genre: "fiction", annee: 2025, dureeMinutes: 52 });
      expect(r.base).toBe(euros(318000));
      const fg = r.lignes.find((x) => x.libelle === "Frais généraux");
      expect(fg).toMatchObject({ eligible: false, origine: "colonne", base: 0, horsTexte: "les frais généraux" });
      expect(fg?.motif).toMatch(/ne sont pas des dépenses éligibles \(CGI art\. 220 sexies III/);
      expect(r.alertes).toContain(
        "Budget!E13 : « Frais généraux » (30\u202f000,00\u00a0€) déclarée éligible par sa colonne « Éligible CI », exclue " +
          "de la base : les frais généraux ne sont pas des dépenses éligibles au crédit d'impôt (CGI art. 220 sexies III " +
          "et 220 quaterdecies III ; BOFiP BOI-IS-RICI-10-20-20).",
      );
      expect(r.alertes.some((a) => a.startsWith("Budget!E14 : « Imprévus » (20\u202f000,00\u00a0€) déclarée"))).toBe(
        true,
      );
      // Not the « l'emporte sur la règle par défaut » alert: the column does not win here.
      expect(r.alertes.filter((a) => a.includes("alors qu'elle serait"))).toEqual([]);
    }
  });

  it("surcharge du taux par la feuille Paramètres : 318 000 × 20 % = 63 600 € < 65 000 € (plafond non atteint)", () => {
    const surcharges = lireParametres(parametres([["credit-impot.audiovisuel.taux.fiction", "20 %"]]));
    const r = calculerCreditImpot(unDevis(FICTION), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 52,
      surcharges,
    });
    expect(r.taux).toBe("0.2");
    expect(r.creditAvantPlafonds).toBe(euros(63600));
    expect(r.plafonds[0]).toMatchObject({ montant: euros(65000), applique: false });
    expect(r.credit).toBe(euros(63600));
    expect(r.alertes).toContain(
      "surcharge utilisée : credit-impot.audiovisuel.taux.fiction = 20,00\u00a0% ('Paramètres'!B2)",
    );
    expect(r.parametres.find((p) => p.cle === "credit-impot.audiovisuel.taux.fiction")).toMatchObject({
      surcharge: "'Paramètres'!B2",
      aVerifier: false,
    });
  });

  it("surcharge du plafond par minute « 1 500 € » : 1 500 × 52 = 78 000 € retenus ; clé mal orthographiée signalée", () => {
    const surcharges = lireParametres(
      parametres([
        ["credit-impot.audiovisuel.plafond-minute.fiction", "1 500 €"],
        ["credit-impot.audiovisuel.tau.fiction", "30 %"],
      ]),
    );
    const r = calculerCreditImpot(unDevis(FICTION), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 52,
      surcharges,
    });
    expect(r.plafonds[0]).toMatchObject({ montant: euros(78000), applique: true });
    expect(r.credit).toBe(euros(78000));
    expect(
      r.alertes.some((a) =>
        a.startsWith("'Paramètres'!B3 : paramètre « credit-impot.audiovisuel.tau.fiction » inconnu"),
      ),
    ).toBe(true);
  });

  it("valeur illisible dans Paramètres : erreur française nommant la cellule", () => {
    const surcharges = lireParametres(parametres([["credit-impot.audiovisuel.taux.fiction", "vingt"]]));
    expect(() =>
      calculerCreditImpot(unDevis(FICTION), {
        regime: "audiovisuel",
        genre: "fiction",
        annee: 2025,
        dureeMinutes: 52,
        surcharges,
      }),
    ).toThrow("'Paramètres'!B2 : « vingt » n'est pas un taux valable");
  });

  it("les chiffres de confiance M (taux de 2026) sont listés « à vérifier » avec leur source ; le plafond fiction [H] ne l'est pas", () => {
    const r = calculerCreditImpot(unDevis(FICTION), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2026,
      dureeMinutes: 52,
    });
    expect(
      r.alertes.some((a) =>
        a.startsWith(
          "à vérifier : Taux fiction = 25,00\u00a0% (confiance M, credit-impot-audiovisuel, source https://",
        ),
      ),
    ).toBe(true);
    expect(r.parametres.find((p) => p.cle === "credit-impot.audiovisuel.plafond-minute.fiction")).toMatchObject({
      confiance: "H",
      aVerifier: false,
    });
  });

  it("tranche fiction : coût 10 000 €/min pile → 1 500 €/min", () => {
    // 520 000 € hors frais / 52 min = 10 000 €/min → tranche 10–15 k ; 520 000 × 25 % = 130 000 > 78 000.
    const d = unDevis([{ ch: "2", libelle: "Équipe", montant: 520000 }]);
    const r = calculerCreditImpot(d, { regime: "audiovisuel", genre: "fiction", annee: 2025, dureeMinutes: 52 });
    expect(r.plafonds[0]).toMatchObject({ montant: euros(78000), applique: true });
    expect(r.credit).toBe(euros(78000));
  });

  it("sans durée : erreur (le plafond par minute en a besoin)", () => {
    expect(() =>
      calculerCreditImpot(unDevis(FICTION), { regime: "audiovisuel", genre: "fiction", annee: 2025 }),
    ).toThrow(CreditImpotError);
  });

  it("coût par minute sous le minimum : 200 000 € / 52 min = 3 846,15 €/min < 5 000 → crédit nul avec la raison", () => {
    // Frais généraux 50 000 € : budget 250 000 €, base 200 000 € = 80 % du budget, pas plafonnée.
    const d = unDevis([
      { ch: "2", libelle: "Équipe", montant: 200000 },
      { ch: "FG", libelle: "Frais généraux", montant: 50000 },
    ]);
    const r = calculerCreditImpot(d, { regime: "audiovisuel", genre: "fiction", annee: 2025, dureeMinutes: 52 });
    expect(r.creditAvantPlafonds).toBe(euros(50000));
    expect(r.credit).toBe(0);
    expect(r.eligible).toBe(false);
    expect(r.alertes[0]).toMatch(
      /^Condition non remplie \(coût minimal par minute\) : coût hors frais généraux et imprévus 3.846,15.€\/min, minimum 5.000,00.€\/min \(fiction\) — crédit d'impôt nul\.$/,
    );
  });
});

describe("crédit d'impôt audiovisuel — documentaire et animation, l'année choisit la version", () => {
  // Documentary 52 min: ch2 100 000 + ch4 50 000 + ch8 30 000 = base 180 000 ; FG 40 000, imprévus 10 000 (budget
  // 230 000 €: the base stays under 80 % of it, 184 000 €).
  // Cost hors FG/imprévus 180 000 / 52 = 3 461,54 €/min ≥ 2 000.
  const DOC = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 100000 },
    { ch: "4", libelle: "Charges sociales", montant: 50000 },
    { ch: "8", libelle: "Montage", montant: 30000 },
    { ch: "FG", libelle: "Frais généraux", montant: 40000 },
    { ch: "IMP", libelle: "Imprévus", montant: 10000 },
  ]);

  it("2025 : 180 000 × 25 % = 45 000 € ; plafond 1 450 × 52 = 75 400 € non atteint", () => {
    const r = calculerCreditImpot(DOC, { regime: "audiovisuel", genre: "documentaire", annee: 2025, dureeMinutes: 52 });
    expect(r.taux).toBe("0.25");
    expect(r.plafonds[0]).toMatchObject({ montant: euros(75400), applique: false });
    expect(r.credit).toBe(euros(45000));
  });

  it("2020 : 180 000 × 20 % = 36 000 € ; plafond 1 150 × 52 = 59 800 €", () => {
    const r = calculerCreditImpot(DOC, { regime: "audiovisuel", genre: "documentaire", annee: 2020, dureeMinutes: 52 });
    expect(r.taux).toBe("0.2");
    expect(r.plafonds[0].montant).toBe(euros(59800));
    expect(r.credit).toBe(euros(36000));
  });

  it("durée trop courte : 20 min < 24 min → crédit nul", () => {
    const r = calculerCreditImpot(DOC, { regime: "audiovisuel", genre: "documentaire", annee: 2025, dureeMinutes: 20 });
    expect(r.credit).toBe(0);
    expect(r.conditions.find((c) => c.nom === "durée minimale")).toMatchObject({ remplie: false });
    expect(r.alertes[0]).toContain("durée 20 min, minimum 24 min");
  });

  it("hébergement au-delà du plafond : 30 nuits × 250 € = 7 500 € retenus 30 × 200 = 6 000 € (hors Paris), 7 500 € à Paris (≤ 270 €)", () => {
    const lignes: LigneSimple[] = [
      { ch: "2", libelle: "Équipe technique", montant: 100000 },
      { ch: "6", libelle: "Hébergement équipe", montant: 7500, quantite: 30, nombre: 1, taux: 250, unite: "nuit" },
      // Budget 137 500 € : 80 % = 110 000 €, au-dessus de la base.
      { ch: "FG", libelle: "Frais généraux", montant: 30000 },
    ];
    const ailleurs = calculerCreditImpot(unDevis(lignes), {
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2025,
      dureeMinutes: 52,
    });
    expect(ailleurs.base).toBe(euros(106000));
    expect(ailleurs.ajustements).toEqual([
      expect.objectContaining({ nom: "plafond hébergement", montant: euros(1500) }),
    ]);
    const paris = calculerCreditImpot(unDevis(lignes), {
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2025,
      dureeMinutes: 52,
      hebergement: "paris",
    });
    expect(paris.base).toBe(euros(107500));
  });

  // Animation 26 min: ch2 600 000 + ch8 200 000 = base 800 000 ; 800 000 / 26 = 30 769 €/min ≥ 3 000 ; FG 200 000 :
  // budget 1 000 000 €, base = 80 % du budget pile (pas plafonnée).
  const ANIM = unDevis([
    { ch: "2", libelle: "Animateurs", montant: 600000 },
    { ch: "8", libelle: "Compositing", montant: 200000 },
    { ch: "FG", libelle: "Frais généraux", montant: 200000 },
  ]);
  it("animation 2025 : 800 000 × 25 % = 200 000 € ramené à 3 000 × 26 = 78 000 €", () => {
    const r = calculerCreditImpot(ANIM, { regime: "audiovisuel", genre: "animation", annee: 2025, dureeMinutes: 26 });
    expect(r.creditAvantPlafonds).toBe(euros(200000));
    expect(r.credit).toBe(euros(78000));
  });
  it("animation 2026 (LF 2026, [M]) : plafond 6 000 × 26 = 156 000 €, signalé à vérifier", () => {
    const r = calculerCreditImpot(ANIM, { regime: "audiovisuel", genre: "animation", annee: 2026, dureeMinutes: 26 });
    expect(r.credit).toBe(euros(156000));
    expect(r.alertes.some((a) => a.startsWith("à vérifier : Plafond par minute animation = 6\u202f000,00"))).toBe(true);
  });

  it.each([2015, 2029, 2999])(
    "année sans règle (%s) : erreur française, les mêmes périodes couvertes avant la première règle et après la dernière",
    (annee) => {
      expect(() =>
        calculerCreditImpot(ANIM, { regime: "audiovisuel", genre: "animation", annee, dureeMinutes: 26 }),
      ).toThrow(
        `Aucune règle du crédit d'impôt audiovisuel en vigueur en ${annee} ` +
          `(périodes couvertes : du 1er\u00a0janvier\u00a02016 au 31\u00a0décembre\u00a02028).`,
      );
    },
  );

  it("2028, dernière année couverte par toutes les tables : calculée", () => {
    const r = calculerCreditImpot(ANIM, { regime: "audiovisuel", genre: "animation", annee: 2028, dureeMinutes: 26 });
    expect(r.annee).toBe(2028);
  });

  it("international : les périodes de ses tables (depuis 2020), avant comme après", () => {
    for (const annee of [2019, 2999])
      expect(() =>
        calculerCreditImpot(ANIM, { regime: "international", genre: "animation", annee, dureeMinutes: 26 }),
      ).toThrow(`(périodes couvertes : du 1er\u00a0janvier\u00a02020 au 31\u00a0décembre\u00a02028).`);
  });
});

/**
 * Fiction of 45 minutes (the D331-4 minimum) in international coproduction: 1 665 000 € spent in France
 * (37 000 €/min, tranche 35 000–40 000 → 7 500 €/min). 25 % × 1 665 000 = 416 250 €. Alone, the cap is
 * 7 500 × 45 = 337 500 €; with ≥ 30 % foreign financing and a cost ≥ 35 000 €/min it is 10 000 × 45 = 450 000 € and
 * does not bind.
 */
describe("crédit d'impôt audiovisuel — fiction en coproduction internationale", () => {
  const c = (x: number) => Math.round(x * 100) / 100;
  const copro = (total: number): LigneSimple[] => [
    { ch: "2", libelle: "Équipe technique", montant: c(total * 0.4) },
    { ch: "3", libelle: "Comédiens", montant: c(total * 0.3) },
    { ch: "8", libelle: "Post-production", montant: c(total - c(total * 0.4) - c(total * 0.3)) },
    // Frais généraux : le budget est 1,25 × la base, qui reste à 80 % du budget (pas plafonnée).
    { ch: "FG", libelle: "Frais généraux", montant: c(total * 0.25) },
  ];
  const calcul = (total: number, partFinancementEtranger?: string) =>
    calculerCreditImpot(unDevis(copro(total)), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 45,
      partFinancementEtranger,
    });

  it("35 % de financement étranger : plafond porté à 10 000 €/min, le crédit de 416 250 € n'est pas réduit", () => {
    const r = calcul(1665000, "0.35");
    expect(r.creditAvantPlafonds).toBe(euros(416250));
    expect(r.plafonds[0]).toMatchObject({ nom: "plafond par minute", montant: euros(450000), applique: false });
    expect(r.credit).toBe(euros(416250));
    expect(
      r.parametres.find((p) => p.cle === "credit-impot.audiovisuel.plafond-minute.fiction-coproduction"),
    ).toMatchObject({ valeur: expect.stringMatching(/^10\s000,00\s€$/), aVerifier: true });
  });

  it("25 % seulement, ou part non renseignée : plafond de la tranche, 337 500 € ; sans la part, une alerte le dit", () => {
    expect(calcul(1665000, "0.25").credit).toBe(euros(337500));
    const r = calcul(1665000);
    expect(r.credit).toBe(euros(337500));
    expect(r.alertes.join("\n")).toMatch(
      /coproduction internationale financée à 30\s% au moins.*10\s000,00\s€\/min ; part de financement étranger non renseignée/,
    );
  });

  it("seuil de coût par minute inclus : 35 000 €/min ouvre le plafond majoré, 34 999,99 €/min non", () => {
    expect(calcul(1575000, "0.30").plafonds[0].montant).toBe(euros(450000));
    // 1 574 999,55 / 45 = 34 999,99 €/min: tranche 30 000–35 000 → 5 000 × 45.
    expect(calcul(1574999.55, "0.30").plafonds[0].montant).toBe(euros(225000));
  });

  it("une part hors de 0..1 est refusée en français", () => {
    expect(() => calcul(1665000, "1.5")).toThrow(CreditImpotError);
    expect(() => calcul(1665000, "1.5")).toThrow(/Part de financement étranger invalide « 1.5 »/);
  });
});

/** Fiction jeunesse: the minimum cost per minute is 3 000 € instead of 5 000 € (cost 4 000 €/min here). */
describe("crédit d'impôt audiovisuel — fiction jeunesse", () => {
  const lignes: LigneSimple[] = [
    { ch: "2", libelle: "Équipe", montant: 208000 },
    { ch: "FG", libelle: "Frais généraux", montant: 52000 },
  ];
  const calcul = (jeunesse?: boolean) =>
    calculerCreditImpot(unDevis(lignes), {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 52,
      jeunesse,
    });

  it("4 000 €/min : sous le minimum de la fiction (5 000 €), au-dessus de celui de la fiction jeunesse (3 000 €)", () => {
    const adulte = calcul();
    expect(adulte.conditions.find((c) => c.nom === "coût minimal par minute")).toMatchObject({ remplie: false });
    expect(adulte.eligible).toBe(false);
    const jeunesse = calcul(true);
    expect(jeunesse.conditions.find((c) => c.nom === "coût minimal par minute")).toMatchObject({
      remplie: true,
      detail: expect.stringMatching(/minimum 3\s000,00\s€\/min \(fiction jeunesse\)$/),
    });
    expect(jeunesse.eligible).toBe(true);
    // 208 000 × 25 % = 52 000 € under the 1 250 €/min × 52 = 65 000 € cap.
    expect(jeunesse.credit).toBe(euros(52000));
  });
});
