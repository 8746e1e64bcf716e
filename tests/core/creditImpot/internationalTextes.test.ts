import fs from "node:fs";
import path from "node:path";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { validerTable } from "../../../src/core/regles/table";
import { euros, unDevis } from "./fabrique";

/**
 * The international credit (CGI art. 220 quaterdecies) against the wording read in primary texts:
 * - VII (rédaction du 12 décembre 2013, Légifrance) : « Les crédits d'impôts obtenus pour la production d'une même
 *   œuvre […] ne peuvent avoir pour effet de porter à plus de 50 % du budget de production de l'œuvre le montant total
 *   des aides publiques accordées » ;
 * - BOFiP ACTU-2017-00092 : minimum « abaissé à 250 000 euros […] ou, lorsque le budget de production de l'œuvre est
 *   inférieur à 500 000 euros […], à un montant correspondant au moins à 50 % de ce budget ».
 */
describe("crédit d'impôt international : les textes lus, aux bornes", () => {
  // Budget 10 000 000 € (fiction, 2025) ; French spend 9 000 000 €.
  const TOURNAGE = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 2000000 },
    { ch: "3", libelle: "Comédiens", montant: 1000000 },
    { ch: "7", libelle: "Moyens techniques", montant: 1000000 },
    { ch: "8", libelle: "Effets visuels", montant: 5000000 },
    { ch: "FG", libelle: "Frais généraux", montant: 1000000 },
  ]);

  it("VII : 1 M€ de subventions + 2 M€ d'autres aides → crédit ramené à 50 % × 10 M€ − 3 M€ = 2 000 000 €", () => {
    // Base 9 000 000 − 1 000 000 de subventions (V) = 8 000 000 € × 30 % = 2 400 000 € ;
    // 80 % × 10 000 000 × 30 % = 2 400 000 € (III-3, not below) ; public aid: 5 000 000 − 3 000 000 = 2 000 000 €.
    const r = calculerCreditImpot(TOURNAGE, {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      joursTournageFrance: 5,
      subventionsPubliques: euros(1000000),
      autresAidesPubliques: euros(2000000),
    });
    expect(r.base).toBe(euros(8000000));
    expect(r.creditAvantPlafonds).toBe(euros(2400000));
    expect(r.plafonds.map((p) => [p.nom, p.montant, p.applique])).toEqual([
      ["plafond 30\u00a0% × 80\u00a0% du budget de production", euros(2400000), false],
      ["plafond par œuvre", euros(30000000), false],
      ["plafond des aides publiques (50\u00a0% du budget)", euros(2000000), true],
    ]);
    expect(r.credit).toBe(euros(2000000));
    // One cent less of other aid: the ceiling moves by one cent.
    const moins = calculerCreditImpot(TOURNAGE, {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      joursTournageFrance: 5,
      subventionsPubliques: euros(1000000),
      autresAidesPubliques: euros(1999999.99),
    });
    expect(moins.credit).toBe(euros(2000000.01));
  });

  it("« inférieur à 500 000 euros » : 50 % d'un budget de 499 999,98 € suffit ; à 500 000,00 € il faut 250 000 €", () => {
    const devis = (comediensEtranger: number) =>
      unDevis([
        { ch: "2", libelle: "Équipe technique", montant: 249999.99 },
        { ch: "3", libelle: "Comédiens (tournés à l'étranger)", montant: comediensEtranger, partFrance: "0" },
      ]);
    const opts = { regime: "international", genre: "animation", annee: 2025 } as const;
    // Budget 499 999,98 € : minimum 50 % = 249 999,99 € ; French spend 249 999,99 € → eligible, 30 % = 75 000 €.
    const petit = calculerCreditImpot(devis(249999.99), opts);
    expect(petit.conditions).toContainEqual({
      nom: "dépenses minimales en France",
      remplie: true,
      detail:
        "dépenses éligibles en France 249\u202f999,99\u00a0€, minimum 50,00\u00a0% du budget soit 249\u202f999,99\u00a0€",
    });
    expect(petit.credit).toBe(euros(75000));
    // Budget 500 000,00 € is not « inférieur à 500 000 euros » : the 250 000 € minimum applies and is missed by 1 cent.
    const pile = calculerCreditImpot(devis(250000.01), opts);
    expect(pile.conditions.find((c) => c.nom === "dépenses minimales en France")).toMatchObject({ remplie: false });
    expect(pile.credit).toBe(0);
  });

  it("la table cite ces textes : Légifrance (rédaction de 2013) et BOFiP ACTU-2017-00092 ; M tant que la part de 15 % n'est pas lue", () => {
    const fichier = path.join(__dirname, "../../../src/core/regles/data/credit-impot-international.json");
    const t = validerTable<{ partBudgetMax: string; plafondAidesPubliques: string; minimumFrance: number }>(
      JSON.parse(fs.readFileSync(fichier, "utf8")),
      "credit-impot-international.json",
    );
    const v = t.versions[0];
    expect([v.effetDu, v.confiance, v.valeurs.partBudgetMax, v.valeurs.plafondAidesPubliques]).toEqual([
      "2020-01-01",
      "M",
      "0.80",
      "0.50",
    ]);
    const legi = v.sources.find((s) => s.url.includes("LEGIARTI000026949455/2013-12-12"));
    expect(legi?.titre).toContain("l'assiette des dépenses éligibles est plafonnée à 80 % du budget de production");
    expect(legi?.titre).toContain(
      "à plus de 50 % du budget de production de l'œuvre le montant total des aides publiques",
    );
    const actu = v.sources.find((s) => s.url.endsWith("ACTU-2017-00092"));
    expect(actu?.titre).toContain("abaissé à 250 000 euros");
    expect(v.motifConfiance).toContain("15 % de plans truqués n'est lue que dans des synthèses");
  });
});
