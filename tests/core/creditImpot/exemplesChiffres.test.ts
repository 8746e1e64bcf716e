import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { calculerCreditSurBase, plafondMinute } from "../../../src/core/creditImpot/calculerCreditSurBase";
import { traceCreditImpot } from "../../../src/core/traces/creditImpot";
import { chercherTrace, evaluerNoeud } from "../../../src/core/traces/trace";
import { TABLES_CREDIT_IMPOT } from "../../../src/core/creditImpot/regles";
import { versionEnVigueur } from "../../../src/core/regles/table";
import { euros, unDevis } from "./fabrique";

/**
 * Worked figures at the exact boundaries of the texts, one per figure that moves money. Where the figure comes from a
 * primary text, the test names it; no numeric worked example of the BOFiP (BOI-IS-RICI-10-20-20, 10-30-20) could be
 * read here (only the opening of those pages is available), so the cases are built from the texts' own figures: the
 * BOFiP actualités that state them are quoted next to each case.
 */
describe("plafond par minute de la fiction audiovisuelle (décret n° 2016-1191, page du CNC [H])", () => {
  // https://www.cnc.fr/web/fr/credit-d-impot-audiovisuel : « 1 250 € par minute produite et livrée lorsque le coût de
  // production est inférieur à 10 000 € par minute produite … 10 000 € … supérieur ou égal à 40 000 € ».
  const TRANCHES: [number, number][] = [
    [10000, 1500],
    [15000, 2000],
    [20000, 3000],
    [25000, 4000],
    [30000, 5000],
    [35000, 7500],
    [40000, 10000],
  ];
  it("sous 10 000 €/min : 1 250 €", () => {
    expect(plafondMinute("fiction", euros(5000), 2025)).toBe(euros(1250));
    expect(plafondMinute("fiction", euros(9999.99), 2025)).toBe(euros(1250));
  });
  it.each(TRANCHES)(
    "coût de %s €/min pile : tranche supérieure (%s €) ; un centime de moins : la précédente",
    (seuil, cap) => {
      const precedente = TRANCHES.find((_, i) => TRANCHES[i + 1]?.[1] === cap)?.[1] ?? 1250;
      expect(plafondMinute("fiction", euros(seuil), 2025)).toBe(euros(cap));
      expect(plafondMinute("fiction", euros(seuil - 0.01), 2025)).toBe(euros(precedente));
    },
  );
  it("au-delà de 40 000 €/min, le plafond reste 10 000 €", () => {
    expect(plafondMinute("fiction", euros(120000), 2025)).toBe(euros(10000));
  });
});

describe("rémunération du réalisateur : 15 % / 8 % / 5 % des tranches du coût (LF 2020, table [M])", () => {
  /** A cinema film of `budget` €, whose director is paid 1 200 000 €; the rest is technical means. */
  function ajustement(budget: number, annee = 2025): number | undefined {
    const devis = unDevis(
      [
        { ch: "2", libelle: "Réalisateur (salaire)", montant: 1200000 },
        { ch: "7", libelle: "Moyens techniques", montant: budget - 1200000 },
      ],
      { typeOeuvre: "cinema" },
    );
    const r = calculerCreditImpot(devis, { regime: "cinema", genre: "fiction", annee, langue: "francais" });
    return r.ajustements.find((a) => a.nom === "plafond rémunération du réalisateur")?.montant;
  }

  it.each([
    // budget, plafond (15 % × 4 M + 8 % × 3 M + 5 % × 3 M au plus = 990 000 €), retiré de la base
    [4000000, 600000],
    [7000000, 600000 + 240000],
    [8000000, 600000 + 240000 + 50000],
    [10000000, 990000],
    [25000000, 990000],
  ])("coût de %s € : rémunération retenue dans la limite de %s €", (budget, plafond) => {
    expect(ajustement(budget)).toBe(euros(1200000 - plafond));
  });

  it("coût de 8 000 001 € : l'euro de plus compte à 5 %, soit 0,05 € de plafond en plus", () => {
    expect(ajustement(8000001)).toBe(euros(1200000 - 890000.05));
  });

  it("exercice 2019 : avant la loi de finances pour 2020, aucun plafond ; 2020 : plafond", () => {
    expect(ajustement(8000000, 2019)).toBeUndefined();
    expect(ajustement(8000000, 2020)).toBe(euros(1200000 - 890000));
  });
});

/**
 * BOFiP ACTU-2022-00085 (8 juin 2022, https://bofip.impots.gouv.fr/bofip/13601-PGP.html/ACTU-2022-00085) :
 * « L'article 145 de la loi n° 2020-1721 […] majore le taux du crédit d'impôt applicable aux œuvres documentaires pour
 * le porter de 20 % à 25 % et relève le plafond de crédit d'impôt y afférent de 1 150 € à 1 450 € par minute produite et
 * livrée » ; LF 2021 art. 145, II : « Le I s'applique aux exercices clos à compter du 31 décembre 2021 ».
 */
describe("documentaire audiovisuel : 20 % → 25 %, 1 150 → 1 450 €/min (BOFiP ACTU-2022-00085)", () => {
  // 52 minutes, 400 000 € of technicians: 7 692,31 €/min of eligible spend, well above the 2 000 € floor.
  // Frais généraux 100 000 € : la base reste à 80 % du budget (220 sexies III-3), pas plafonnée.
  const DOC = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 400000 },
    { ch: "FG", libelle: "Frais généraux", montant: 100000 },
  ]);
  const doc = (annee: number) =>
    calculerCreditImpot(DOC, { regime: "audiovisuel", genre: "documentaire", annee, dureeMinutes: 52 });

  it("exercice 2020 : 400 000 × 20 % = 80 000 € ramenés à 1 150 × 52 = 59 800 €", () => {
    const r = doc(2020);
    expect(r.taux).toBe("0.2");
    expect(r.creditAvantPlafonds).toBe(euros(80000));
    expect(r.credit).toBe(euros(59800));
  });

  it("exercice clos le 31 décembre 2021 : 400 000 × 25 % = 100 000 € ramenés à 1 450 × 52 = 75 400 €", () => {
    const r = doc(2021);
    expect(r.taux).toBe("0.25");
    expect(r.creditAvantPlafonds).toBe(euros(100000));
    expect(r.credit).toBe(euros(75400));
  });

  it("exercice clos le 30 décembre 2021 : encore 20 % et 1 150 €/min ; le 31 : 25 % et 1 450 €/min", () => {
    const taux = TABLES_CREDIT_IMPOT.audiovisuel;
    expect(versionEnVigueur(taux, "2021-12-30")?.valeurs.documentaire).toBe("0.20");
    expect(versionEnVigueur(taux, "2021-12-31")?.valeurs.documentaire).toBe("0.25");
    const plafond = TABLES_CREDIT_IMPOT.minuteDocumentaire;
    expect(versionEnVigueur(plafond, "2021-12-30")?.valeurs.plafond).toBe(euros(1150));
    expect(versionEnVigueur(plafond, "2021-12-31")?.valeurs.plafond).toBe(euros(1450));
  });
});

/**
 * BOFiP ACTU-2014-00023 (28 janvier 2014, https://bofip.impots.gouv.fr/bofip/8896-PGP.html/identifiant%3DACTU-2014-00023) :
 * hébergement retenu « dans la limite de 270 euros par nuitée dans la ville de Paris et les départements des
 * Hauts-de-Seine, de Seine-Saint-Denis et du Val-de-Marne, et de 200 euros dans les autres départements », pour les
 * « exercices clos à compter du 12 décembre 2013 ».
 */
describe("hébergement : 270 € par nuitée à Paris et en petite couronne, 200 € ailleurs (BOFiP ACTU-2014-00023)", () => {
  const devis = (prixNuit: number) =>
    unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 100000 },
      { ch: "6", libelle: "Hôtel équipe", montant: 10 * prixNuit, quantite: 10, taux: prixNuit, unite: "nuits" },
    ]);
  const ajustement = (prixNuit: number, hebergement: "paris" | "ailleurs") =>
    calculerCreditImpot(devis(prixNuit), {
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2025,
      dureeMinutes: 52,
      hebergement,
    }).ajustements.find((a) => a.nom === "plafond hébergement")?.montant;

  it("Paris : 10 nuits à 270 € pile → rien ; à 270,01 € → 0,10 € retirés de la base", () => {
    expect(ajustement(270, "paris")).toBeUndefined();
    expect(ajustement(270.01, "paris")).toBe(10);
  });
  it("ailleurs : 10 nuits à 200 € pile → rien ; à 270 € → 700 € retirés de la base", () => {
    expect(ajustement(200, "ailleurs")).toBeUndefined();
    expect(ajustement(270, "ailleurs")).toBe(euros(700));
  });
  it("la table date le plafond du 12 décembre 2013 (exercices clos à compter de cette date), confiance H", () => {
    const t = TABLES_CREDIT_IMPOT.hebergement;
    expect(versionEnVigueur(t, "2013-12-11")).toBeUndefined();
    expect(versionEnVigueur(t, "2013-12-12")).toMatchObject({
      confiance: "H",
      valeurs: { paris: 27000, ailleurs: 20000 },
    });
  });
});

/**
 * CGI art. 220 sexies III-3 (rédaction du 12 décembre 2013, lue) : « l'assiette des dépenses éligibles est plafonnée à
 * 80 % du budget de production de l'oeuvre ». Budget = total du devis. Table credit-impot-plafond-budget [M depuis 2016].
 */
describe("base des crédits cinéma et audiovisuel plafonnée à 80 % du budget de production (220 sexies III-3)", () => {
  /** A French-language cinema film: `eligible` € of technical means, the rest of the 3 000 000 € budget not eligible. */
  const film = (eligible: number, annee = 2025) =>
    calculerCreditImpot(
      unDevis(
        [
          { ch: "7", libelle: "Moyens techniques", montant: eligible },
          { ch: "FG", libelle: "Frais généraux", montant: Math.round((3000000 - eligible) * 100) / 100 },
        ],
        { typeOeuvre: "cinema" },
      ),
      { regime: "cinema", genre: "fiction", annee, langue: "francais" },
    );

  it("exemple de la documentation : 2 850 000 € éligibles sur 3 000 000 € → base 2 400 000 €, crédit 720 000 €", () => {
    const r = film(2850000);
    expect(r.budget).toBe(euros(3000000));
    expect(r.plafondBase).toEqual({
      part: "0.8",
      budget: euros(3000000),
      montant: euros(2400000),
      baseAvant: euros(2850000),
      applique: true,
      detail: "80\u00a0% × budget de production 3\u202f000\u202f000,00\u00a0€",
    });
    expect(r.base).toBe(euros(2400000));
    expect(r.creditAvantPlafonds).toBe(euros(720000));
    expect(r.credit).toBe(euros(720000));
    expect(r.alertes).toContain(
      "Base plafonnée à 80\u00a0% du budget de production (CGI art. 220 sexies, III-3) : dépenses éligibles " +
        "2\u202f850\u202f000,00\u00a0€ ramenées à 2\u202f400\u202f000,00\u00a0€ (80\u00a0% × budget de production " +
        "3\u202f000\u202f000,00\u00a0€).",
    );
    expect(r.parametres.find((p) => p.cle === "credit-impot.plafond-budget.part")).toMatchObject({
      valeur: "80,00\u00a0%",
      table: "credit-impot-plafond-budget",
      confiance: "M",
      aVerifier: true,
    });
    expect(r.alertes.some((a) => a.startsWith("à vérifier : Part maximale du budget de production"))).toBe(true);
    expect(r.tables.map((t) => t.table)).toContain("credit-impot-plafond-budget");
  });

  it.each([
    [2399999.99, 2399999.99, false],
    [2400000, 2400000, false],
    [2400000.01, 2400000, true],
  ])("%s € éligibles → base %s € (plafond appliqué : %s)", (eligible, base, applique) => {
    const r = film(eligible);
    expect(r.base).toBe(euros(base));
    expect(r.plafondBase).toMatchObject({ montant: euros(2400000), baseAvant: euros(eligible), applique });
    expect(r.alertes.some((a) => a.startsWith("Base plafonnée à 80"))).toBe(applique);
  });

  it("la trace : base = min(dépenses éligibles ; 80 % du budget), chaque nœud égal à son opération", () => {
    const t = traceCreditImpot(film(2850000));
    const base = chercherTrace(t, (x) => x.libelle === "Base du crédit")!;
    expect(base).toMatchObject({
      valeur: "2400000.00",
      operation: "minimum",
      formule: "min(dépenses éligibles ; 80\u00a0% du budget de production)",
    });
    expect(base.entrees!.map((e) => [e.libelle, e.valeur])).toEqual([
      ["Dépenses éligibles en France", "2850000.00"],
      ["Plafond : 80\u00a0% du budget de production", "2400000.00"],
    ]);
    expect(base.entrees![1]).toMatchObject({
      formule: "80\u00a0% × budget de production 3\u202f000\u202f000,00\u00a0€ (appliqué)",
      regle: { table: "credit-impot-plafond-budget", confiance: "M", cle: "credit-impot.plafond-budget.part" },
    });
    // Its terms: the part (its rule) × the budget of production.
    expect(base.entrees![1].operation).toBe("produit");
    expect(base.entrees![1].entrees!.map((e) => [e.libelle, e.valeur, e.regle?.cle])).toEqual([
      ["Part maximale du budget", "0.8", "credit-impot.plafond-budget.part"],
      ["Budget de production", "3000000.00", undefined],
    ]);
    expect(evaluerNoeud(base).toFixed(2)).toBe(base.valeur);
  });

  it("audiovisuel aussi ; le crédit international garde son propre plafond (80 % × budget × taux)", () => {
    const d = unDevis([{ ch: "2", libelle: "Équipe technique", montant: 400000 }]);
    const av = calculerCreditImpot(d, { regime: "audiovisuel", genre: "documentaire", annee: 2025, dureeMinutes: 52 });
    expect(av.base).toBe(euros(320000));
    expect(av.creditAvantPlafonds).toBe(euros(80000));
    const intl = calculerCreditImpot(d, { regime: "international", genre: "animation", annee: 2025 });
    expect(intl.plafondBase).toBeUndefined();
    expect(intl.base).toBe(euros(400000));
  });

  it("coproduction internationale : la part du coproducteur français est inconnue, une alerte le dit", () => {
    const d = unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 1600000 },
      { ch: "FG", libelle: "Frais généraux", montant: 400000 },
    ]);
    const r = calculerCreditImpot(d, {
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      dureeMinutes: 45,
      partFinancementEtranger: "0.35",
    });
    expect(r.alertes).toContain(
      "Coproduction internationale : la base est plafonnée à 80\u00a0% de la part gérée par le coproducteur français, " +
        "que Prodbook ne connaît pas ; plafond calculé sur le budget total — à vérifier.",
    );
  });

  it("PROD.CREDIT.IMPOT (base et coût total connus) applique le même plafond", () => {
    const r = calculerCreditSurBase({
      regime: "cinema",
      genre: "fiction",
      annee: 2025,
      base: euros(2850000),
      coutTotal: euros(3000000),
      langue: "francais",
    });
    expect(r.creditAvantPlafonds).toBe(euros(720000));
    expect(r.alertes.some((a) => a.startsWith("Base plafonnée à 80"))).toBe(true);
  });
});
