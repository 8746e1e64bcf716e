import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import "../../src/app/commandes";
import type { TraceAffichee } from "../../src/app/traces";
import { eurosToCents, formatMontantFr, type Cents } from "../../src/core/money";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

/**
 * « D'où vient ce chiffre ? » of the Financement page on a real plan (tests/fixtures/financement/documentaire.xlsx):
 * the total is the sum of the sources, each read in its cell of the plan; the rest to finance is cost − total.
 */
const PLAN = path.join(__dirname, "../fixtures/financement/documentaire.xlsx");
const CELLULE = /^(?:'(?:[^']|'')+'|[^!'\s][^!]*)!\$?[A-Z]{1,3}\$?\d+$/;
/** « 1 234,56 € » → cents. */
const centimes = (v: string) => eurosToCents(v.replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));

describe("Financement : traces du total et du reste à financer pour le volet", () => {
  it("total = Σ des sources lues chacune dans sa cellule ; reste à financer = coût − total", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const cout = 200000000 as Cents;
    const r = await creerEnvoyeur(wb)("analyserFinancement", {
      typeOeuvre: "audiovisuel",
      premierOuDeuxiemeFilm: false,
      cout,
      explique: true,
    });
    const ex = r.explications!;
    const total: TraceAffichee = ex.total;
    expect(total.libelle).toBe("Total des financements");
    expect(total.valeur).toBe(formatMontantFr(eurosToCents(r.total)));
    const sources = total.entrees ?? [];
    expect(sources.length).toBeGreaterThan(1);
    // Every source is a cell of the user's plan, and they add up to the total.
    for (const s of sources) expect(s.cellule).toMatch(CELLULE);
    expect(sources.every((s) => s.cellule!.includes(r.source))).toBe(true);
    expect(sources.reduce((a, s) => a + centimes(s.valeur), 0)).toBe(eurosToCents(r.total));

    const reste = ex.resteAFinancer!;
    expect(reste.libelle).toBe("Reste à financer");
    expect(reste.valeur).toBe(formatMontantFr(eurosToCents(r.resteAFinancer)));
    expect(reste.formule).toBe("coût − total des financements");
    const [c, t] = reste.entrees!;
    expect([c.libelle, centimes(c.valeur)]).toEqual(["Coût de l'œuvre", cout]);
    expect(t).toEqual(total);
    expect(centimes(reste.valeur)).toBe(cout - eurosToCents(r.total));
  });

  it("coût lu dans le plan : le coût de l'arbre du reste à financer est la cellule du plan qui le porte", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await creerEnvoyeur(wb)("analyserFinancement", {
      typeOeuvre: "audiovisuel",
      premierOuDeuxiemeFilm: false,
      explique: true,
    });
    const [c, t] = r.explications!.resteAFinancer!.entrees!;
    expect(c.cellule).toMatch(CELLULE);
    expect(c.cellule!.startsWith(`'${r.source}'!`)).toBe(true);
    expect(centimes(c.valeur)).toBe(eurosToCents(r.cout));
    expect(t.libelle).toBe("Total des financements");
  });
});
