import * as path from "path";
import { commandesCarbone, traceCarboneVolet } from "../../src/app/commandes/carbone";
import { bilanCarbone } from "../../src/core/carbone/bilanClasseur";
import { totalDetaille } from "../../src/core/traces/carbone";
import { incoherences, type Trace } from "../../src/core/traces/trace";
import type { TraceAffichee } from "../../src/app/traces";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

const PLAN = path.resolve(__dirname, "../fixtures/planning/gardiens-planning.xlsx");

/** What the pane must not show: a factor code, a Paramètres key, a confidence letter, a table id. */
const TECHNIQUE = /carbone\.[a-z]|\bcode «|confiance [HML]\b|\[[HML](, à vérifier)?\]|carbone-facteurs|Facteur « /;

function textes(t: Trace | TraceAffichee): string[] {
  return [t.libelle, t.formule ?? "", ...(t.entrees ?? []).flatMap((e: Trace | TraceAffichee) => textes(e))];
}

describe("Carbone page: « D'où vient ce chiffre ? » in the pane's words", () => {
  test("traceCarboneVolet: every line of the tree without code, key or confidence letter; values unchanged", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await bilanCarbone(wb, { planning: "PDT", date: "2026-06-01" });
    const { total } = totalDetaille(r.traces, r.activites);
    // The CLI's tree names them (a reader opens the table by its id and key)…
    expect(textes(total).filter((x) => TECHNIQUE.test(x)).length).toBeGreaterThan(0);
    // …the pane's does not, and stays the computation.
    const volet = traceCarboneVolet(total);
    expect(textes(volet).filter((x) => TECHNIQUE.test(x))).toEqual([]);
    expect(incoherences(volet)).toEqual([]);
    expect(volet.valeur).toBe(total.valeur);
    const t = textes(volet);
    expect(t).toContain("Facteur d'émission (kg CO₂e / k€ HT)");
    expect(t).toContain("Base Carbone 43475 — Assurance, réassurance, retraites, 2023 (à vérifier)");
    expect(t).toContain("facteur d'émission manquant : non chiffré");
    expect(t.some((x) => x.includes("(convention, à vérifier)"))).toBe(true);
  });

  test("estimerCarbone: the total's and each category's tree, in the pane's words, no raw traces", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await commandesCarbone.estimerCarbone(wb, { planning: "PDT", date: "2026-06-01" });
    expect(r.traces).toBeUndefined();
    expect(r.explications?.total.libelle).toBe("Total prévisionnel (t CO₂e)");
    expect(Object.keys(r.explications!.categories).sort()).toEqual(r.bilan.categories.map((c) => c.code).sort());
    expect(textes(r.explications!.total).filter((x) => TECHNIQUE.test(x))).toEqual([]);
  });
});
