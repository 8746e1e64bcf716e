/**
 * « D'où vient ce chiffre ? » of a comparison (the pane's Versions page): the total's and each chapter's écart are
 * traces that re-evaluate to the comparison's figures, down to each line's amount with its cell — its row of the
 * « Versions » sheet for a saved version (that cell holds the amount), the producer's cell for the current devis.
 */
import ExcelJS from "exceljs";
import { commandesVersions, lireFeuilleVersions } from "../../../src/app/commandes/versions";
import { cents, centsToDecimalString } from "../../../src/core/money";
import { incoherences, type Trace } from "../../../src/core/traces/trace";
import { tracesComparaison } from "../../../src/core/traces/versions";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { DELTA_TOTAL_CENTIMES, deuxVersions, dossierTemp } from "../versions/classeurs";

const feuilles = (t: Trace): Trace[] => (t.entrees ? t.entrees.flatMap(feuilles) : [t]);

describe("tracesComparaison", () => {
  let f: { v1m: string; v2: string };
  beforeAll(async () => {
    f = await deuxVersions(await dossierTemp("prodbook-traces-versions-"));
  });

  it("two saved versions: each écart re-evaluates to the figure, its lines read in « Versions » cells holding them", async () => {
    const wb = await XlsxWorkbook.ouvrir(f.v2);
    const { comparaison: c } = await commandesVersions.comparerVersions(wb, {
      de: "Devis initial",
      a: "Dépôt agrément",
    });
    const lu = await lireFeuilleVersions(wb);
    const [de, a] = ["Devis initial", "Dépôt agrément"].map((n) => lu.versions.find((v) => v.nom === n)!);
    const t = tracesComparaison(c, { feuilleVersions: lu.nom, versionDe: de, versionA: a, libelleA: a.nom });
    expect(t.total.valeur).toBe(centsToDecimalString(cents(DELTA_TOTAL_CENTIMES)));
    expect(incoherences(t.total)).toEqual([]);
    expect(Object.keys(t.chapitres)).toEqual(c.chapitres.map((ch) => ch.code));
    for (const ch of c.chapitres) {
      expect(t.chapitres[ch.code].valeur).toBe(centsToDecimalString(ch.delta));
      expect(incoherences(t.chapitres[ch.code])).toEqual([]);
    }
    // Every line of both versions, each with its row of « Versions », whose amount (M) is the line's.
    const lignes = feuilles(t.total);
    expect(lignes).toHaveLength(c.lignes.filter((l) => l.de).length + c.lignes.filter((l) => l.a).length);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(f.v2);
    const versions = x.getWorksheet("Versions")!;
    for (const l of lignes) {
      const m = /^Versions!M(\d+)$/.exec(l.cellule ?? "");
      expect([l.libelle, m !== null]).toEqual([l.libelle, true]);
      expect(Math.round(Number(versions.getCell(`M${m![1]}`).value) * 100)).toBe(Math.round(Number(l.valeur) * 100));
    }
  });

  it("a version and the current devis: the current side names the producer's cells", async () => {
    const wb = await XlsxWorkbook.ouvrir(f.v1m);
    const r = await commandesVersions.comparerVersions(wb, { de: "Devis initial", a: "courant", explique: true });
    expect(r.explications?.total.valeur).toBe("\u22122\u202f422,89\u00a0€");
    const lu = await lireFeuilleVersions(wb);
    const t = tracesComparaison(r.comparaison, {
      feuilleVersions: lu.nom,
      versionDe: lu.versions[0],
      libelleA: "Devis actuel",
    });
    expect(incoherences(t.total)).toEqual([]);
    const [totalA, totalDe] = t.total.entrees!;
    expect(feuilles(totalA).every((l) => /^Budget!G\d+$/.test(l.cellule ?? ""))).toBe(true);
    expect(feuilles(totalDe).every((l) => /^Versions!M\d+$/.test(l.cellule ?? ""))).toBe(true);
    expect(feuilles(totalA).map((l) => l.cellule)).toContain("Budget!G14");
  });
});
