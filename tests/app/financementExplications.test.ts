import ExcelJS from "exceljs";
import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import "../../src/app/commandes";
import type { TraceAffichee } from "../../src/app/traces";
import { eurosToCents, formatMontantFr, type Cents } from "../../src/core/money";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import type { OrigineDuree } from "../../src/core/devis/model";
import { dossierTemporaire } from "../helpers/cli";

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
    // The échéancier's largest gap opens its tree too: max(0 ; − min of the months' cumulative positions).
    const besoin = ex.besoinMaximal!;
    expect(besoin.libelle).toBe("Besoin de trésorerie maximal");
    expect(r.besoinTresorerie).toBeGreaterThan(0);
    expect(centimes(besoin.valeur)).toBe(r.besoinTresorerie);
    expect(besoin.formule).toBe("max(0 ; − min des trésoreries cumulées)");
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

describe("Financement : la durée dans les arbres du volet", () => {
  const dossier = dossierTemporaire("prodbook-fin-duree-");
  const DUREE = "'Budget Gardiens'!A2";
  const LUE = { formule: "durée lue dans le classeur", cellule: DUREE };

  /** The example devis (« documentaire 52' » in its title) beside the documentary's plan without its crédit d'impôt. */
  async function devisEtPlan(): Promise<string> {
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(PLAN);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx"));
    const ws = wb.addWorksheet(plan.worksheets[0].name);
    plan.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
      if (!/crédit d'impôt/i.test(String(row.getCell(1).value ?? "")))
        ws.getRow(n).values = row.values as ExcelJS.CellValue[];
    });
    const f = path.join(dossier(), "devis-et-plan.xlsx");
    await wb.xlsx.writeFile(f);
    return f;
  }

  const analyser = async (f: string, origineDuree?: OrigineDuree) =>
    creerEnvoyeur(await XlsxWorkbook.ouvrir(f))("analyserFinancement", {
      typeOeuvre: "audiovisuel",
      feuilleDevis: "Budget Gardiens",
      genre: "documentaire",
      dureeMinutes: 52,
      ...(origineDuree ? { origineDuree } : {}),
      creditImpot: "audiovisuel",
      premierOuDeuxiemeFilm: false,
      date: "2026-01-15",
      explique: true,
    });

  /** Every « Durée » node of a tree. */
  const durees = (t: TraceAffichee): TraceAffichee[] =>
    (t.libelle === "Durée" ? [t] : []).concat((t.entrees ?? []).flatMap(durees));

  it("the credit computed on the devis, inside each headline figure, down to the duration's cell; the duration node itself", async () => {
    const r = await analyser(await devisEtPlan(), LUE);
    const ex = r.explications!;
    const noeud = { libelle: "Durée", valeur: "52\u00a0min", ...LUE };
    expect(ex.duree).toEqual(noeud);
    expect(durees(ex.creditImpot!)).toEqual([noeud]);
    // Each headline figure opens the credit's whole tree (not a « voir … » reference), its per-minute cap × 52 min.
    for (const t of [ex.total, ex.resteAFinancer!, ex.aidesPubliques, ex.intensite!])
      expect(durees(t)).toEqual([noeud]);
    const source = ex.total.entrees!.find((e) => e.entrees?.length && durees(e).length)!;
    expect(source.valeur).toBe(ex.creditImpot!.valeur);
    expect(source.formule).not.toMatch(/^calculé par Prodbook, voir/);
    // The aid ceiling's small-budget threshold per hour was sized to the same duration: named with its cell.
    expect(ex.intensite!.formule).toContain(
      `seuil « petit budget » pour 52 min, durée lue dans le classeur (${DUREE})`,
    );
  });

  it("a duration typed in the pane: « durée saisie », no cell", async () => {
    const r = await analyser(await devisEtPlan());
    const ex = r.explications!;
    expect(ex.duree).toEqual({ libelle: "Durée", valeur: "52\u00a0min", formule: "durée saisie" });
    expect(durees(ex.total)).toEqual([ex.duree]);
    expect(ex.intensite!.formule).toContain("seuil « petit budget » pour 52 min, durée saisie");
  });
});
