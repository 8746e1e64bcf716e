import fs from "node:fs";
import path from "node:path";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { feuilleCreditImpot } from "../../../src/core/creditImpot/feuilleCreditImpot";
import type { OptionsCreditImpot } from "../../../src/core/creditImpot/modele";
import { validerTable } from "../../../src/core/regles/table";
import { traceCreditImpot } from "../../../src/core/traces/creditImpot";
import { chercherTrace, incoherences } from "../../../src/core/traces/trace";
import { euros, unDevis } from "./fabrique";

/**
 * CGI art. 220 sexies, V, read in its wording of 12 December 2013 (Légifrance LEGIARTI000026949450): « Les subventions
 * publiques non remboursables reçues par les entreprises et directement affectées aux dépenses visées au III sont
 * déduites des bases de calcul du crédit d'impôt. » The amount is the user's; it comes off the base after the 80 %
 * cap of III-3 (order not said by the text: an alert gives the other one), at most down to a nil base.
 */
describe("crédits cinéma et audiovisuel : subventions publiques déduites de la base (220 sexies, V)", () => {
  // Budget 1 000 000 € ; eligible in France 700 000 € (80 % cap = 800 000 €, not reached).
  const FILM = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 500000 },
    { ch: "7", libelle: "Moyens techniques", montant: 200000 },
    { ch: "FG", libelle: "Frais généraux", montant: 300000 },
  ]);
  const cinema = (o: Partial<OptionsCreditImpot> = {}) =>
    calculerCreditImpot(FILM, { regime: "cinema", genre: "fiction", langue: "francais", annee: 2025, ...o });
  const ajustement = (r: ReturnType<typeof cinema>) =>
    r.ajustements.find((a) => a.nom === "subventions publiques déduites");

  it("absentes : rien n'est déduit, la table n'est pas lue", () => {
    const r = cinema();
    expect([r.base, r.credit]).toEqual([euros(700000), euros(210000)]);
    expect(r.subventions).toBeUndefined();
    expect(ajustement(r)).toBeUndefined();
    expect(r.tables.map((t) => t.table)).not.toContain("credit-impot-subventions");
  });

  it("zéro : base entière, aucun ajustement, la règle nommée", () => {
    const r = cinema({ subventionsPubliques: euros(0) });
    expect(r.base).toBe(euros(700000));
    expect(r.subventions).toMatchObject({ montant: 0, deduit: 0, baseAvant: euros(700000) });
    expect(ajustement(r)).toBeUndefined();
    expect(r.tables.find((t) => t.table === "credit-impot-subventions")).toMatchObject({
      effetDu: "2016-01-01",
      effetAu: "2025-12-31",
      confiance: "M",
      aVerifier: true,
    });
  });

  it("100 000 € : base 700 000 − 100 000 = 600 000 € × 30 % = 180 000 € ; aides ≤ 50 % × 1 M€ − 100 000 €", () => {
    const r = cinema({ subventionsPubliques: euros(100000) });
    expect([r.base, r.creditAvantPlafonds, r.credit]).toEqual([euros(600000), euros(180000), euros(180000)]);
    expect(ajustement(r)).toMatchObject({ montant: euros(100000) });
    expect(ajustement(r)!.detail).toContain("non remboursables directement affectées aux dépenses éligibles");
    // The subsidies are public aid too (VII): 500 000 − 100 000 = 400 000 € left for the credit.
    expect(r.plafonds.find((p) => p.nom.startsWith("plafond des aides"))!.montant).toBe(euros(400000));
    expect(r.alertes).toContain(
      "Autres aides publiques non renseignées : le plafond de 50,00\u00a0% du budget ne compte que le crédit " +
        "d'impôt et les subventions publiques saisies (100\u202f000,00\u00a0€).",
    );
    // With the other aids given, both are counted: 500 000 − 100 000 − 250 000 = 150 000 €.
    const avecAutres = cinema({ subventionsPubliques: euros(100000), autresAidesPubliques: euros(250000) });
    expect(avecAutres.credit).toBe(euros(150000));
  });

  it("plafonnée à la base : 700 000,00 € ramènent la base à 0 sans alerte, 700 000,01 € avec", () => {
    const juste = cinema({ subventionsPubliques: euros(700000) });
    expect([juste.base, juste.credit, juste.subventions!.deduit]).toEqual([0, 0, euros(700000)]);
    expect(juste.alertes.some((a) => a.includes("supérieures à la base"))).toBe(false);
    const plus = cinema({ subventionsPubliques: euros(700000.01) });
    expect([plus.base, plus.subventions!.deduit, plus.subventions!.montant]).toEqual([
      0,
      euros(700000),
      euros(700000.01),
    ]);
    expect(plus.alertes).toContain(
      "Subventions publiques (700\u202f000,01\u00a0€) supérieures à la base (700\u202f000,00\u00a0€) : base ramenée " +
        "à 0,00\u00a0€.",
    );
  });

  it("après le plafond de 80 % : 900 000 € éligibles → 800 000 € − 50 000 € = 750 000 € ; l'autre ordre est nommé", () => {
    const d = unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 900000 },
      { ch: "FG", libelle: "Frais généraux", montant: 100000 },
    ]);
    const o = { regime: "cinema", genre: "fiction", langue: "francais", annee: 2025 } as const;
    const r = calculerCreditImpot(d, { ...o, subventionsPubliques: euros(50000) });
    expect(r.plafondBase).toMatchObject({ montant: euros(800000), baseAvant: euros(900000), applique: true });
    expect(r.subventions).toMatchObject({ deduit: euros(50000), baseAvant: euros(800000) });
    expect([r.base, r.credit]).toEqual([euros(750000), euros(225000)]);
    // Deducted before the cap: min(900 000 − 50 000 ; 800 000) = 800 000 €.
    expect(r.alertes.find((a) => a.startsWith("Subventions publiques déduites après le plafond"))).toBe(
      "Subventions publiques déduites après le plafond de la base : 800\u202f000,00\u00a0€ − 50\u202f000,00\u00a0€ = " +
        "750\u202f000,00\u00a0€. Le CGI (art. 220 sexies, III-3 et V) ne dit pas dans quel ordre ; déduites des " +
        "dépenses éligibles avant ce plafond, la base serait 800\u202f000,00\u00a0€ — à vérifier avec votre " +
        "expert-comptable.",
    );
    // The trace adds up: base = (min(900 000 ; 800 000)) − 50 000.
    const t = traceCreditImpot(r);
    expect(incoherences(t)).toEqual([]);
    const base = chercherTrace(t, (x) => x.libelle === "Base du crédit")!;
    expect(base.operation).toBe("difference");
    expect(base.entrees!.map((e) => [e.libelle, e.valeur])).toEqual([
      ["Base plafonnée", "800000.00"],
      ["Subventions publiques", "50000.00"],
    ]);
    // The sheet: the deduction row after the cap's, base = MAX(0, MIN(spend, cap) − subsidies).
    const spec = feuilleCreditImpot({ ...r }, "Budget");
    const i = (l: string) => spec.rows.findIndex((x) => x[0] === l);
    const iDeduc = i("Déductions de la base (subventions publiques)");
    expect(spec.rows[iDeduc][1]).toBe(50000);
    expect(spec.rows[i("Base retenue")][1]).toEqual({
      formula: `MAX(0,MIN(B${i("Base éligible par chapitre (dépenses en France)") + 1},B${
        i("Plafond de la base : 80\u00a0% du budget de production") + 1
      })-B${iDeduc + 1})`,
      result: 750000,
    });
    // The chapter total is the eligible spend (900 000 €), not the base.
    expect((spec.rows[i("Total")][3] as { result: number }).result).toBe(900000);
  });

  it("audiovisuel, fiction de 52 min : 300 000 − 60 000 = 240 000 € × 25 % = 60 000 €, sous le plafond de 65 000 €", () => {
    const d = unDevis(
      [
        { ch: "2", libelle: "Équipe technique", montant: 250000 },
        { ch: "8", libelle: "Montage", montant: 50000 },
        { ch: "9", libelle: "Assurance", montant: 50000 },
        { ch: "FG", libelle: "Frais généraux", montant: 50000 },
      ],
      { dureeMinutes: 52, typeOeuvre: "audiovisuel" },
    );
    const o = { regime: "audiovisuel", genre: "fiction", annee: 2025, dureeMinutes: 52 } as const;
    expect(calculerCreditImpot(d, o).credit).toBe(euros(65000));
    const r = calculerCreditImpot(d, { ...o, subventionsPubliques: euros(60000) });
    expect([r.base, r.creditAvantPlafonds, r.credit]).toEqual([euros(240000), euros(60000), euros(60000)]);
  });

  it("2026 : la version de 2026 (loi de finances pour 2026 non lue) est nommée, à vérifier", () => {
    const r = cinema({ annee: 2026, subventionsPubliques: euros(100000) });
    expect(r.base).toBe(euros(600000));
    expect(r.tables.find((t) => t.table === "credit-impot-subventions")).toMatchObject({
      effetDu: "2026-01-01",
      confiance: "M",
    });
  });

  it("le crédit international garde sa déduction avant tout plafond (220 quaterdecies, V), lue dans la même table", () => {
    const r = calculerCreditImpot(FILM, {
      regime: "international",
      genre: "fiction",
      annee: 2025,
      joursTournageFrance: 10,
      subventionsPubliques: euros(100000),
    });
    expect(r.subventions).toMatchObject({ montant: euros(100000), deduit: euros(100000), baseAvant: euros(700000) });
    expect(r.base).toBe(euros(600000));
    // The order comes from the table's entry for the international credit: before the cap, from the eligible spend.
    expect(r.subventions!.ordre).toBe("avant-plafond");
    expect(r.parametres.find((p) => p.cle === "credit-impot.subventions")).toMatchObject({
      libelle: "Subventions publiques déduites de la base (CGI art. 220 quaterdecies, V)",
      valeur: "remboursables ou non",
      table: "credit-impot-subventions",
    });
  });

  it("la table est valide : H sur le V lu (rédaction du 12 décembre 2013), M ensuite avec son motif", () => {
    const fichier = path.join(__dirname, "../../../src/core/regles/data/credit-impot-subventions.json");
    type R = { remboursablesDeduites: boolean; ordre: string };
    const t = validerTable<{ cinema: R; audiovisuel: R; international: R }>(
      JSON.parse(fs.readFileSync(fichier, "utf8")),
      "credit-impot-subventions.json",
    );
    expect(t.versions.map((v) => [v.effetDu, v.effetAu, v.confiance, v.valeurs.cinema.remboursablesDeduites])).toEqual([
      ["2013-12-12", "2015-12-31", "H", false],
      ["2016-01-01", "2025-12-31", "M", false],
      ["2026-01-01", "2028-12-31", "M", false],
    ]);
    // The order per credit type, the same in every version: cinema and audiovisual after the cap, international before.
    for (const v of t.versions)
      expect([v.valeurs.cinema, v.valeurs.audiovisuel, v.valeurs.international]).toEqual([
        { remboursablesDeduites: false, ordre: "apres-plafond" },
        { remboursablesDeduites: false, ordre: "apres-plafond" },
        { remboursablesDeduites: true, ordre: "avant-plafond" },
      ]);
    // The international V, read in the same wording, is a source of each version.
    for (const v of t.versions)
      expect(v.sources.map((s) => s.url)).toContain(
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000026949455/2013-12-12",
      );
    expect(t.versions[0].sources[0].titre).toContain(
      "« Les subventions publiques non remboursables reçues par les entreprises et directement affectées aux " +
        "dépenses visées au III sont déduites des bases de calcul du crédit d'impôt. »",
    );
    expect(t.versions[0].sources[0].url).toBe(
      "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000026949450/2013-12-12",
    );
    expect(t.versions[1].motifConfiance).toContain("rédaction du 12 décembre 2013");
    expect(t.versions[2].motifConfiance).toContain("loi n° 2026-103");
  });
});
