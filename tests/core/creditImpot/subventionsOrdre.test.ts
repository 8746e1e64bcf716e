import type * as CalculModule from "../../../src/core/creditImpot/calculerCreditImpot";
import type * as FeuilleModule from "../../../src/core/creditImpot/feuilleCreditImpot";
import type * as TraceModule from "../../../src/core/traces/creditImpot";
import type { OptionsCreditImpot } from "../../../src/core/creditImpot/modele";
import { figuresLisibles } from "../../../src/core/regles/audit";
import { chercherTrace, incoherences } from "../../../src/core/traces/trace";
import TABLE from "../../../src/core/regles/data/credit-impot-subventions.json";
import { euros, unDevis } from "./fabrique";

/**
 * One step deducts the public subsidies for the three credits, before or after the cap of the base at 80 % of the
 * budget as the table credit-impot-subventions says for the credit type (`ordre`). The same devis and the same amount
 * give another base when only the table's order changes: the position is the table's, not the code's.
 */
type Regime = "cinema" | "audiovisuel" | "international";
type Ordre = "avant-plafond" | "apres-plafond";

interface Modules {
  calculerCreditImpot: typeof CalculModule.calculerCreditImpot;
  feuilleCreditImpot: typeof FeuilleModule.feuilleCreditImpot;
  traceCreditImpot: typeof TraceModule.traceCreditImpot;
}

/** The core loaded with the table's order of `regime` set to `ordre` in every version (the rest as shipped). */
function avecOrdre(regime: Regime, ordre: Ordre): Modules {
  const table = JSON.parse(JSON.stringify(TABLE)) as typeof TABLE;
  for (const v of table.versions) v.valeurs[regime].ordre = ordre;
  let m: Modules | undefined;
  jest.isolateModules(() => {
    jest.doMock("../../../src/core/regles/data/credit-impot-subventions.json", () => table);
    m = {
      calculerCreditImpot: jest.requireActual<typeof CalculModule>("../../../src/core/creditImpot/calculerCreditImpot")
        .calculerCreditImpot,
      feuilleCreditImpot: jest.requireActual<typeof FeuilleModule>("../../../src/core/creditImpot/feuilleCreditImpot")
        .feuilleCreditImpot,
      traceCreditImpot: jest.requireActual<typeof TraceModule>("../../../src/core/traces/creditImpot").traceCreditImpot,
    };
  });
  return m!;
}

afterEach(() => jest.dontMock("../../../src/core/regles/data/credit-impot-subventions.json"));

// Budget 1 000 000 € ; 900 000 € eligible in France, above the 80 % cap (800 000 €) ; 150 000 € of subsidies.
const FILM = unDevis([
  { ch: "2", libelle: "Équipe technique", montant: 900000 },
  { ch: "FG", libelle: "Frais généraux", montant: 100000 },
]);
const CINEMA: OptionsCreditImpot = {
  regime: "cinema",
  genre: "fiction",
  langue: "francais",
  annee: 2025,
  subventionsPubliques: euros(150000),
};

describe("cinéma : la place de la déduction vient de la table", () => {
  it("après le plafond (la table livrée) : 800 000 − 150 000 = 650 000 € × 30 % = 195 000 €", () => {
    const { calculerCreditImpot, traceCreditImpot } = avecOrdre("cinema", "apres-plafond");
    const r = calculerCreditImpot(FILM, CINEMA);
    expect([r.base, r.credit]).toEqual([euros(650000), euros(195000)]);
    expect(r.subventions).toMatchObject({ ordre: "apres-plafond", baseAvant: euros(800000), deduit: euros(150000) });
    expect(r.plafondBase).toMatchObject({ baseAvant: euros(900000), applique: true });
    expect(r.alertes.some((a) => a.includes("la base serait 750\u202f000,00\u00a0€"))).toBe(true);
    expect(incoherences(traceCreditImpot(r))).toEqual([]);
  });

  it("avant le plafond : min(900 000 − 150 000 ; 800 000) = 750 000 € × 30 % = 225 000 € ; l'autre ordre nommé", () => {
    const { calculerCreditImpot, feuilleCreditImpot, traceCreditImpot } = avecOrdre("cinema", "avant-plafond");
    const r = calculerCreditImpot(FILM, CINEMA);
    expect([r.base, r.credit]).toEqual([euros(750000), euros(225000)]);
    expect(r.subventions).toMatchObject({ ordre: "avant-plafond", baseAvant: euros(900000), deduit: euros(150000) });
    expect(r.plafondBase).toMatchObject({ montant: euros(800000), baseAvant: euros(750000), applique: false });
    expect(r.alertes).toContain(
      "Subventions publiques déduites des dépenses éligibles avant le plafond de la base (80\u00a0% du budget de " +
        "production, 800\u202f000,00\u00a0€) : 900\u202f000,00\u00a0€ − 150\u202f000,00\u00a0€ = 750\u202f000,00\u00a0€. " +
        "Le CGI (art. 220 sexies, III-3 et V) ne dit pas dans quel " +
        "ordre ; déduites après ce plafond, la base serait 650\u202f000,00\u00a0€ — à vérifier avec votre " +
        "expert-comptable.",
    );
    expect(r.alertes.some((a) => a.startsWith("Subventions publiques déduites après le plafond"))).toBe(false);
    // The trace: base = min(spend − subsidies ; cap), and it adds up.
    const t = traceCreditImpot(r);
    expect(incoherences(t)).toEqual([]);
    const base = chercherTrace(t, (x) => x.libelle === "Base du crédit")!;
    expect(base.operation).toBe("minimum");
    expect(base.entrees!.map((e) => [e.libelle, e.valeur])).toEqual([
      ["Dépenses éligibles moins les subventions", "750000.00"],
      ["Plafond : 80\u00a0% du budget de production", "800000.00"],
    ]);
    // The sheet: the deduction row before the cap's, base = MIN(MAX(0, spend − subsidies), cap).
    const spec = feuilleCreditImpot(r, "Budget");
    const i = (l: string) => spec.rows.findIndex((x) => x[0] === l);
    const iDeduc = i("Déductions de la base (subventions publiques)");
    const iPlaf = i("Plafond de la base : 80\u00a0% du budget de production");
    expect(iDeduc).toBeLessThan(iPlaf);
    expect(spec.rows[i("Base retenue")][1]).toEqual({
      formula: `MIN(MAX(0,B${i("Base éligible par chapitre (dépenses en France)") + 1}-B${iDeduc + 1}),B${iPlaf + 1})`,
      result: 750000,
    });
  });

  it("sans plafond atteint, les deux ordres donnent la même base et aucune alerte d'ordre", () => {
    const petit = unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 700000 },
      { ch: "FG", libelle: "Frais généraux", montant: 300000 },
    ]);
    for (const ordre of ["avant-plafond", "apres-plafond"] as const) {
      const r = avecOrdre("cinema", ordre).calculerCreditImpot(petit, CINEMA);
      expect([ordre, r.base]).toEqual([ordre, euros(550000)]);
      expect(r.alertes.filter((a) => a.includes("ne dit pas dans quel ordre"))).toEqual([]);
    }
  });
});

describe("international : la même étape, l'ordre de la table", () => {
  // Budget 10 M€, 9 M€ eligible in France, 1 M€ of subsidies; the international credit caps its credit at
  // 30 % × 80 % of the budget (2 400 000 €).
  const TOURNAGE = unDevis([
    { ch: "2", libelle: "Équipe technique", montant: 4000000 },
    { ch: "7", libelle: "Moyens techniques", montant: 5000000 },
    { ch: "FG", libelle: "Frais généraux", montant: 1000000 },
  ]);
  const C2I: OptionsCreditImpot = {
    regime: "international",
    genre: "fiction",
    annee: 2025,
    joursTournageFrance: 10,
    subventionsPubliques: euros(1000000),
    autresAidesPubliques: euros(0),
  };

  it("avant le plafond (la table livrée) : 9 M€ − 1 M€ = 8 M€ × 30 % = 2,4 M€ ; l'autre ordre (7 M€) nommé", () => {
    const r = avecOrdre("international", "avant-plafond").calculerCreditImpot(TOURNAGE, C2I);
    expect([r.base, r.credit, r.plafondBase]).toEqual([euros(8000000), euros(2400000), undefined]);
    expect(r.alertes.some((a) => a.includes("(art. 220 quaterdecies, III-3 et V)"))).toBe(true);
    expect(r.alertes.some((a) => a.includes("déduites après ce plafond, la base serait 7\u202f000\u202f000,00"))).toBe(
      true,
    );
  });

  it("après le plafond : la base plafonnée à 8 M€, moins 1 M€ = 7 M€ × 30 % = 2,1 M€ (sous le plafond du crédit)", () => {
    const { calculerCreditImpot, feuilleCreditImpot, traceCreditImpot } = avecOrdre("international", "apres-plafond");
    const r = calculerCreditImpot(TOURNAGE, C2I);
    expect([r.base, r.credit]).toEqual([euros(7000000), euros(2100000)]);
    expect(r.plafondBase).toMatchObject({ montant: euros(8000000), baseAvant: euros(9000000), applique: true });
    expect(r.subventions).toMatchObject({ ordre: "apres-plafond", baseAvant: euros(8000000) });
    expect(incoherences(traceCreditImpot(r))).toEqual([]);
    const spec = feuilleCreditImpot(r, "Budget");
    const base = spec.rows.find((x) => x[0] === "Base retenue")![1] as { formula: string; result: number };
    expect(base.formula).toMatch(/^MAX\(0,MIN\(B\d+,B\d+\)-B\d+\)$/);
    expect(base.result).toBe(7000000);
  });
});

describe("la table lue par l'audit (prodbook regles, page Sources) : l'ordre en français", () => {
  it("chaque type de crédit, ses subventions et leur place par rapport au plafond de la base", () => {
    const v = TABLE.versions.find((x) => x.effetDu === "2016-01-01")!;
    expect(figuresLisibles("credit-impot-subventions", v.valeurs)).toEqual([
      {
        chemin: "Cinéma",
        valeur: "subventions remboursables déduites = non ; ordre de la déduction = après le plafond de la base",
      },
      {
        chemin: "Audiovisuel",
        valeur: "subventions remboursables déduites = non ; ordre de la déduction = après le plafond de la base",
      },
      {
        chemin: "International",
        valeur: "subventions remboursables déduites = oui ; ordre de la déduction = avant le plafond de la base",
      },
    ]);
  });
});
