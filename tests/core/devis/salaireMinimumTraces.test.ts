import fc from "fast-check";
import { controlerDevis } from "../../../src/core/devis/regles";
import { tracesSalaireMinimum } from "../../../src/core/devis/regles/salaireMinimum";
import { TABLE_ANNEXE3_3097, TABLE_MINIMA_2642 } from "../../../src/core/devis/regles/donnees";
import type { Devis, LigneDevis } from "../../../src/core/devis/model";
import type { Surcharges } from "../../../src/core/regles/table";
import { arbreTexte, chercherTrace, incoherences, type Trace } from "../../../src/core/traces/trace";
import { devis, ligne } from "./fabrique";

/**
 * « D'où vient ce chiffre ? » of the salaire-minimum findings: each finding has one trace, minimum − payé per day or
 * week, whose inputs re-evaluate to it (the minimum down to the grid's figure and its table version, the pay down to the
 * line's cells), and whose formula says the comparison in words on the whole line.
 */
const NBSP = "\u00a0";
const NNBSP = "\u202f";
/** Spaces as Prodbook writes amounts: « 1 410,60 € » with U+202F between digit groups, U+00A0 before € and units. */
const e = (s: string) =>
  s
    .replace(/(\d) (?=\d)/g, `$1${NNBSP}`)
    .replace(/ ([€%])/g, `${NBSP}$1`)
    .replace(/(\d) (jours?|semaines?)/g, `$1${NBSP}$2`);

const DOC_2025 = "2025-03-01";
const V2642 = TABLE_MINIMA_2642.versions.find((v) => v.effetDu === "2025-01-01")!;

function sal(libelle: string, o: Partial<Omit<LigneDevis, "montant">> & { montant: number }): LigneDevis {
  return ligne({ chapitre: "2", categorie: "salaire-technicien", libelle, unite: "jour", ...o });
}

/** The findings and their traces, checked to go together: one trace per line finding, on the finding's cell. */
function controle(d: Devis, date: string, surcharges?: Surcharges, annexe3097?: boolean): Trace[] {
  const constats = controlerDevis(d, date, surcharges, annexe3097).filter((c) => c.regle === "salaire-minimum");
  const traces = tracesSalaireMinimum({ devis: d, date, surcharges, ...(annexe3097 ? { annexe3097 } : {}) });
  const lignes = constats.filter((c) => !c.message.startsWith("Annexe III"));
  expect(traces.map((t) => t.cellule)).toEqual(lignes.map((c) => c.cellule));
  for (const t of traces) expect(incoherences(t)).toEqual([]);
  return traces;
}

describe("salaire-minimum: each finding's trace", () => {
  it("IDCC 2642, per day: 42,12 € = 282,12 € − 240,00 €; « 1 200,00 € < minimum 1 410,60 € = 5 jours × 282,12 € »", () => {
    const l = sal("Chef monteur", { quantite: "5", taux: "240", montant: 120000 });
    const [t] = controle(devis([l], { genre: "documentaire" }), DOC_2025);
    const r = l.source.ligne;
    expect(t).toMatchObject({
      libelle: "Manque au minimum par jour, « Chef monteur »",
      valeur: "42.12",
      unite: "euros",
      operation: "difference",
      cellule: `Budget!F${r}`,
      formule: e(
        `minimum − payé par jour ; 1 200,00 € (Budget!G${r}) < minimum 1 410,60 € = 5 jours × 282,12 € (IDCC 2642)`,
      ),
    });
    // The minimum from the rule table: its id, version, sources (the first apart) and confidence.
    expect(t.entrees![0]).toEqual({
      libelle: "Minimum journalier de la fonction « Chef monteur »",
      valeur: "282.12",
      unite: "euros",
      operation: "valeur",
      formule: "IDCC 2642, catégorie B en CDDU, base 8 h",
      regle: {
        table: "idcc2642-minima",
        effetDu: "2025-01-01",
        confiance: "M",
        source: V2642.sources[0].url,
        sources: V2642.sources.map((s) => s.url),
      },
    });
    expect(t.entrees![1]).toEqual({
      libelle: "Payé par jour",
      valeur: "240.00",
      unite: "euros",
      operation: "valeur",
      formule: "taux de la ligne",
      cellule: `Budget!F${r}`,
    });
    // The text tree names the table, its version and confidence, the version's first source and how many more it lists.
    const autres = new Set(V2642.sources.map((x) => x.url)).size - 1;
    expect(arbreTexte(t, 50, 0, true)[1]).toBe(
      e(
        "  ← Minimum journalier de la fonction « Chef monteur » : 282,12 € = IDCC 2642, catégorie B en CDDU, base 8 h ",
      ) +
        `[idcc2642-minima, en vigueur au 1er\u00a0janvier\u00a02025, confiance M, à vérifier — ${V2642.sources[0].url}` +
        `${autres ? ` (et ${autres} autre${autres > 1 ? "s" : ""} source${autres > 1 ? "s" : ""} de cette version)` : ""}]`,
    );
  });

  it("IDCC 2642, per week: the daily minimum × 4,5 days (1 269,54 €), the pay read as amount ÷ (quantité × nombre)", () => {
    const l = sal("Chef monteur", { unite: "semaine", quantite: "2", nombre: "2", montant: 480000 });
    const [t] = controle(devis([l], { genre: "documentaire" }), DOC_2025);
    expect(t.valeur).toBe("69.54");
    expect(t.formule).toContain(e("4 800,00 €"));
    expect(t.formule).toContain(e("< minimum 5 078,16 € = 4 semaines × 1 269,54 €"));
    const min = t.entrees![0];
    expect(min).toMatchObject({ libelle: "Minimum par semaine", valeur: "1269.54", operation: "produit" });
    expect(min.entrees!.map((x) => [x.libelle, x.valeur])).toEqual([
      ["Minimum journalier de la fonction « Chef monteur »", "282.12"],
      ["Jours par semaine", "4.5"],
    ]);
    const paye = t.entrees![1];
    expect(paye).toMatchObject({ libelle: "Payé par semaine", valeur: "1200.00", operation: "quotient" });
    expect(paye.entrees![0]).toMatchObject({ valeur: "4800.00", cellule: `Budget!G${l.source.ligne}` });
    expect(paye.entrees![1]).toMatchObject({ libelle: "Nombre de semaines", valeur: "4", operation: "produit" });
  });

  it("no finding, no trace; a function the grid does not know, none either", () => {
    const ok = sal("Chef monteur", { quantite: "1", taux: "282.12", montant: 28212 });
    const inconnu = sal("JRI", { quantite: "1", taux: "10", montant: 1000 });
    expect(controle(devis([ok, inconnu], { genre: "documentaire" }), DOC_2025)).toEqual([]);
  });

  it("a « Paramètres » override: its cell, its key, the table it replaces", () => {
    const l = sal("Chef monteuse", { quantite: "1", taux: "290", montant: 29000 });
    const s: Surcharges = new Map([
      ["devis.salaire-minimum.chef-monteur", { valeur: "300 €", cellule: "Paramètres!B2" }],
    ]);
    const [t] = controle(devis([l]), "2026-01-15", s);
    expect(t.valeur).toBe("10.00");
    expect(t.entrees![0]).toMatchObject({
      valeur: "300.00",
      cellule: "Paramètres!B2",
      formule: "minimum saisi dans les Paramètres du classeur",
      regle: {
        table: "idcc2642-minima",
        effetDu: "2025-07-01",
        cle: "devis.salaire-minimum.chef-monteur",
        surcharge: "Paramètres!B2",
      },
    });
  });

  it("IDCC 3097 annexe III: socle + 37 % × (annexe I − socle), then × 0,25 per day, each figure with its table", () => {
    const semaine = sal("Secrétaire de production", {
      unite: "semaine",
      quantite: "1",
      taux: "874.69",
      montant: 87469,
    });
    const jour = sal("Régisseur général", { quantite: "1", taux: "266.74", montant: 26674 });
    const d = devis([semaine, jour], { typeOeuvre: "cinema", genre: "fiction" });
    const [s, j] = controle(d, "2025-09-01", undefined, true);
    expect(s.valeur).toBe("0.01");
    const a3 = s.entrees![0];
    expect(a3).toMatchObject({ libelle: "Minimum hebdomadaire de l'annexe III", valeur: "874.70", operation: "somme" });
    expect(a3.formule).toBe(e("socle 850,00 € + 37 % × (916,77 € − 850,00 €)"));
    const version3 = TABLE_ANNEXE3_3097.versions.find((v) => v.effetDu === "2025-04-11")!;
    expect(chercherTrace(a3, (x) => x.libelle === "Part de l'annexe III")).toMatchObject({
      valeur: "0.37",
      regle: { table: "idcc3097-annexe3", effetDu: "2025-04-11", confiance: version3.confiance },
    });
    expect(chercherTrace(a3, (x) => x.libelle.startsWith("Minimum hebdomadaire de la fonction"))).toMatchObject({
      valeur: "916.77",
      regle: { table: "idcc3097-minima", effetDu: "2024-04-01" },
    });
    expect(s.formule).toContain("(IDCC 3097, annexe III)");
    expect(j.valeur).toBe("0.01");
    expect(j.entrees![0]).toMatchObject({ libelle: "Minimum par jour", valeur: "266.75", operation: "produit" });
    expect(j.entrees![0].entrees![0]).toMatchObject({ valeur: "1067.00", operation: "somme" });
  });

  it("annexe III declared for an audiovisual work: its alert has no trace, the lines keep theirs", () => {
    const l = sal("Chef monteur", { quantite: "1", taux: "200", montant: 20000 });
    const d = devis([l], { typeOeuvre: "audiovisuel", genre: "documentaire" });
    const constats = controlerDevis(d, DOC_2025, undefined, true).filter((c) => c.regle === "salaire-minimum");
    expect(constats).toHaveLength(2);
    expect(controle(d, DOC_2025, undefined, true).map((t) => t.valeur)).toEqual(["82.12"]);
  });
  it("annexe III, a function under the socle: the annexe I minimum (a « Paramètres » cell), said not eligible", () => {
    const l = sal("Habilleur", { unite: "semaine", quantite: "1", taux: "799.99", montant: 79999 });
    const s: Surcharges = new Map([["devis.salaire-minimum.habilleur", { valeur: "800", cellule: "Paramètres!B2" }]]);
    const [t] = controle(devis([l], { typeOeuvre: "cinema", genre: "fiction" }), "2025-09-01", s, true);
    expect(t.valeur).toBe("0.01");
    expect(t.entrees![0]).toMatchObject({ valeur: "800.00", cellule: "Paramètres!B2", operation: "valeur" });
    expect(t.entrees![0].formule).toBe(
      e("minimum saisi dans les Paramètres du classeur ; sous le socle de l'annexe III (850,00 €) : ") +
        "fonction non éligible, minimum de l'annexe I",
    );
    expect(t.formule).toContain("(IDCC 3097, annexe I)");
  });

  it("property: any rate, quantity and unit — a trace exactly for each finding, re-evaluating to minimum − payé > 0", () => {
    const centimes = fc.integer({ min: 1, max: 200000 });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            libelle: fc.constantFrom("Chef monteur", "Monteuse", "Directrice de production", "Ingénieur du son"),
            unite: fc.constantFrom("jour", "semaine"),
            quantite: fc.integer({ min: 1, max: 40 }),
            taux: centimes,
            avecTaux: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
        (xs) => {
          const lignes = xs.map((x) =>
            sal(x.libelle, {
              unite: x.unite,
              quantite: String(x.quantite),
              ...(x.avecTaux ? { taux: (x.taux / 100).toFixed(2) } : {}),
              montant: x.taux * x.quantite,
            }),
          );
          // controle() checks one trace per finding, on its cell, each re-evaluating from its inputs.
          for (const t of controle(devis(lignes, { genre: "documentaire" }), DOC_2025)) {
            expect(Number(t.valeur)).toBeGreaterThan(0);
            expect(t.operation).toBe("difference");
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
