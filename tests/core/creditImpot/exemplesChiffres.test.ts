import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { plafondMinute } from "../../../src/core/creditImpot/calculerCreditSurBase";
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
  const DOC = unDevis([{ ch: "2", libelle: "Équipe technique", montant: 400000 }]);
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
