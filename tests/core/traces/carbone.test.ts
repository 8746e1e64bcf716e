import * as path from "path";
import Decimal from "decimal.js";
import { bilanCarbone } from "../../../src/core/carbone/bilanClasseur";
import { estimer, totaliser } from "../../../src/core/carbone/estimer";
import { facteursEnVigueur } from "../../../src/core/carbone/facteurs";
import type { Activite } from "../../../src/core/carbone/modele";
import { cents } from "../../../src/core/money";
import { totalDetaille, tracesCarbone, type TracesCarbone } from "../../../src/core/traces/carbone";
import { chercherTrace, evaluerNoeud, incoherences, type Trace } from "../../../src/core/traces/trace";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";

const PLAN = path.resolve(__dirname, "../../fixtures/planning/gardiens-planning.xlsx");

/** Every trace of the pre-estimate, named. */
function toutes(t: TracesCarbone): [string, Trace][] {
  return [
    ...Object.entries(t.activites).flatMap(([id, a]) =>
      Object.entries(a).map(([k, x]) => [`${id} ${k}`, x as Trace] as [string, Trace]),
    ),
    ...Object.entries(t.categories).flatMap(([c, x]) => [
      [`${c} prévisionnel`, x.previsionnel] as [string, Trace],
      [`${c} définitif`, x.definitif] as [string, Trace],
    ]),
    ...Object.entries(t.chapitres).flatMap(([c, x]) => [
      [`chapitre ${c}`, x.previsionnel] as [string, Trace],
      [`chapitre ${c} définitif`, x.definitif] as [string, Trace],
    ]),
    ["total", t.total],
    ["définitif", t.definitif],
    ["part activité", t.partActivite],
    ["part monétaire", t.partMonetaire],
  ];
}

describe("tracesCarbone: « D'où vient ce chiffre ? » of the carbon pre-estimate is the computation", () => {
  test("Les Gardiens du littoral (devis and plan de travail): every node gives its value, totals are the core's", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await bilanCarbone(wb, { planning: "PDT", date: "2026-06-01" });
    const t = r.traces;
    expect(toutes(t).flatMap(([n, x]) => incoherences(x).map((i) => `${n} : ${i}`))).toEqual([]);
    expect(t.total.valeur).toBe(r.totaux.total.dividedBy(1000).toFixed());
    expect(new Decimal(t.partActivite.valeur).toFixed(10)).toBe(r.totaux.partActivite.toFixed(10));
    // The hotel nights: C45 × E45 of the devis × the nuitée factor (étude ADEME tourisme 2022), in t CO₂e.
    const hotel = t.activites["devis:Budget Gardiens!45"];
    expect(hotel.quantiteLue).toMatchObject({ valeur: "72", cellule: "'Budget Gardiens'!C45, E45" });
    expect(hotel.previsionnel).toMatchObject({ valeur: "0.3096", operation: "produit" });
    expect(hotel.facteur?.regle).toMatchObject({ table: "carbone-facteurs", cle: "carbone.hebergement-nuitee" });
  });

  test("totalDetaille (--explique, the pane): the total down to each line's factor re-evaluates to the total", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await bilanCarbone(wb, { planning: "PDT", date: "2026-06-01" });
    const d = totalDetaille(r.traces, r.activites);
    expect(incoherences(d.total)).toEqual([]);
    expect(evaluerNoeud(d.total).toFixed()).toBe(r.totaux.total.dividedBy(1000).toFixed());
    for (const [code, c] of Object.entries(d.categories)) {
      expect(incoherences(c)).toEqual([]);
      expect(c.valeur).toBe(r.traces.categories[code].previsionnel.valeur);
    }
    // Each line of a category is its activity's prévisionnel at the line's cell, its factor beneath.
    const hotel = chercherTrace(d.total, (x) => x.cellule === "'Budget Gardiens'!B45")!;
    expect(hotel).toMatchObject({ libelle: "Hébergement (nuitées)", valeur: "0.3096", operation: "produit" });
    expect(hotel.entrees![1].regle).toMatchObject({ cle: "carbone.hebergement-nuitee" });
  });

  test("définitif: by the quantity réalisée, by the réalisé × a money ratio, by the budget's prorata", () => {
    const jeu = facteursEnVigueur("2026-06-01");
    const ligne = (id: string, extra: Partial<Activite>): Activite => ({
      id,
      origine: "devis",
      cellule: `Devis!B${id}`,
      libelle: id,
      categorie: "transport",
      poste: "Train",
      unite: "passager.km",
      facteur: "train-tgv",
      manques: [],
      notes: [],
      ...extra,
    });
    const activites = [
      ligne("3", { quantite: "1000", formuleQuantite: "Devis!C3*Devis!E3", montant: cents(40000), codeLigne: "6.1" }),
      ligne("4", { quantite: "500", formuleQuantite: "Devis!C4", montant: cents(20000) }),
      ligne("5", {
        categorie: "achats",
        poste: "Assurance",
        unite: "k€ HT",
        facteur: "ratio-assurance",
        montant: cents(200000),
        codeLigne: "9.1",
      }),
    ];
    const es = estimer(
      activites,
      jeu,
      new Map([["4", { quantiteRealisee: "650" }]]),
      new Map([
        ["6.1", cents(30000)],
        ["9.1", cents(250000)],
      ]),
    );
    const t = tracesCarbone(es, jeu);
    expect(toutes(t).flatMap(([n, x]) => incoherences(x).map((i) => `${n} : ${i}`))).toEqual([]);
    const def = (id: string) => t.activites[id].definitif!;
    // 1 000 × 0,00293 kg × 300 / 400 € = 2,1975 kg.
    expect([def("3").operation, def("3").valeur]).toEqual(["quotient", "0.0021975"]);
    // 650 passager.km réalisés × 0,00293.
    expect([def("4").operation, def("4").valeur]).toEqual(["produit", "0.0019045"]);
    // 2,5 k€ réalisés × 77 kg / k€.
    expect([def("5").operation, def("5").valeur]).toEqual(["produit", "0.1925"]);
    const total = totaliser(es);
    expect(t.definitif.valeur).toBe(total.definitif.dividedBy(1000).toFixed());
    // totalDetaille's définitif (the pane): each category's lines that have a réalisé, down to it; same values.
    const d = totalDetaille(t, es);
    expect(incoherences(d.definitif)).toEqual([]);
    expect(evaluerNoeud(d.definitif).toFixed()).toBe(t.definitif.valeur);
    expect(d.categoriesDefinitif.achats.valeur).toBe(t.categories.achats.definitif.valeur);
    const assurance = chercherTrace(d.definitif, (x) => x.cellule === "Devis!B5")!;
    expect([assurance.libelle, assurance.valeur]).toEqual(["5", "0.1925"]);
    expect(chercherTrace(assurance, (x) => x.libelle === "Réalisé (€)")?.valeur).toBe("2500.00");
  });
});
