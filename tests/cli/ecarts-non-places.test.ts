/**
 * « Budget » means one thing (issue 10): the écarts Budget total is the devis total of `prodbook devis`. The devis
 * amounts placed in no chapter (« Montants non placés (hors total) », 'Budget Gardiens'!G6 of the example) are listed
 * apart with their cell — text, JSON, Écarts and Coût définitif sheets — and never counted; a réalisé mapped onto such
 * an amount's code stays affecté (« ? Hors chapitre », budget 0): the class-6 check holds. The sheets' formulas are
 * recalculated by LibreOffice with every cached result dropped.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { eurosToCents } from "../../src/core/money/cents";
import { dossierTemporaire, lancerCli } from "../helpers/cli";
import { lireRecalcule, nombre, recalculerSansCache, resultat } from "../helpers/libreoffice";

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FIX = path.join(__dirname, "../fixtures/fec");
const FEC = path.join(FIX, "production-2024.txt");
const CORR = path.join(FIX, "correspondances.csv");
const G6 = "'Budget Gardiens'!G6";
const LIBELLE_G6 = "Repérages Bretagne (à ventiler)";
const TITRE = "Montants non placés du devis (hors total)";
const dir = dossierTemporaire("prodbook-ecarts-non-places-");

const json = (out: string) => JSON.parse(out);
const cts = (euros: string) => eurosToCents(euros) as number;

interface PosteJson {
  code: string;
  budget: string;
  realise: string;
}

/** The row (1-based) whose column A holds `texte`, first from the top. */
/** The first row (after row `apres`) whose column A holds `texte`. */
function rangee(ws: ExcelJS.Worksheet, texte: string, apres = 0): number {
  let n = 0;
  ws.eachRow((row, i) => {
    if (!n && i > apres && row.getCell(1).value === texte) n = i;
  });
  if (!n) throw new Error(`${ws.name} : aucune ligne « ${texte} » en colonne A`);
  return n;
}

/** The example with G6's row given the code R1 (still placed in no chapter) and 616 mapped onto it. */
async function exempleR1(): Promise<{ devis: string; corr: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXEMPLE);
  wb.getWorksheet("Budget Gardiens")!.getCell("A6").value = "R1";
  const devis = path.join(dir(), "exemple-r1.xlsx");
  await wb.xlsx.writeFile(devis);
  const corr = path.join(dir(), "correspondances-r1.csv");
  fs.writeFileSync(corr, `${fs.readFileSync(CORR, "utf8").trimEnd()}\n616;R1;Assurance repérages\n`);
  return { devis, corr };
}

describe("ecarts : Budget = total du devis, montants non placés à part", () => {
  it("exemple : totaux.budget = total de prodbook devis, G6 listé avec sa cellule en JSON et en texte", async () => {
    const devis = json((await lancerCli(main, ["devis", EXEMPLE, "--json"])).out).devis;
    expect(devis.total).toBe("182869.16");
    expect(devis.nonPlaces).toEqual([{ cellule: G6, montant: "1200.00" }]);

    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", CORR, "--json"]);
    expect(r.code).toBe(0);
    const j = json(r.out);
    expect(j.totaux.budget).toBe(devis.total);
    expect(j.postes.reduce((s: number, p: PosteJson) => s + cts(p.budget), 0)).toBe(cts(devis.total));
    expect(j.postes.map((p: PosteJson) => p.code)).not.toContain("?");
    expect(j.budgetNonPlace).toBe("1200.00");
    expect(j.nonPlaces).toEqual([{ cellule: G6, libelle: LIBELLE_G6, montant: "1200.00", code: null }]);
    // The reste à engager of G6 is no longer in the estimation: réalisé + reste of the placed chapters only.
    expect(cts(j.totaux.estimation)).toBe(cts(j.totaux.realise) + cts(j.totaux.reste));
    expect(cts(j.totaux.classe6)).toBe(cts(j.totaux.realise) + cts(j.nonAffecte.total));

    const t = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", CORR]);
    expect(t.code).toBe(0);
    const i = t.sortie.findIndex((l) => l.startsWith("Total "));
    expect(t.sortie[i]).toMatch(/^Total\s+182\u202f869,16\u00a0€ /);
    expect(t.sortie.slice(i + 1, i + 3)).toEqual([
      `${TITRE}\u00a0: 1\u202f200,00\u00a0€`,
      `  ${G6} «\u00a0${LIBELLE_G6}\u00a0» 1\u202f200,00\u00a0€`,
    ]);
    expect(t.out).not.toMatch(/Hors chapitre/);
  });

  it("exemple -o : feuilles Écarts et Coût définitif recalculées, total = 182 869,16 €, G6 sous le total, hors formules", async () => {
    const sortie = path.join(dir(), "exemple-ecarts.xlsx");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", CORR, "-o", sortie]);
    expect(r.code).toBe(0);
    const lu = await lireRecalcule(await recalculerSansCache(sortie));
    const ec = lu.getWorksheet("Écarts")!;
    const total = rangee(ec, "Total");
    expect(ec.getCell(`D${total}`).formula).toMatch(/^SUM\(D6:D\d+\)$/);
    expect(nombre(ec.getCell(`D${total}`))).toBeCloseTo(182869.16, 2);
    expect(ec.getCell(`A${total + 1}`).value).toBe(TITRE);
    expect([ec.getCell(`A${total + 2}`).value, ec.getCell(`B${total + 2}`).value]).toEqual([G6, LIBELLE_G6]);
    expect(resultat(ec.getCell(`D${total + 2}`))).toBe(1200);
    // The chapters above the total: none is « ? », and their budgets (SUMIFS over the detail) add up to the total.
    const chapitres: string[] = [];
    for (let n = 6; n < total; n++) chapitres.push(String(ec.getCell(`A${n}`).value));
    expect(chapitres).not.toContain("?");
    // Class 6 = affecté (G of the total) + non affecté, recalculated.
    expect(nombre(ec.getCell("H3"))).toBeCloseTo(0, 6);
    expect(nombre(ec.getCell("D3"))).toBeCloseTo(nombre(ec.getCell(`G${total}`)), 6);

    const cd = lu.getWorksheet("Coût définitif")!;
    const tcd = rangee(cd, "Total");
    expect(nombre(cd.getCell(`C${tcd}`))).toBeCloseTo(182869.16, 2);
    expect(cd.getCell(`A${tcd + 1}`).value).toBe(TITRE);
    expect([cd.getCell(`A${tcd + 2}`).value, cd.getCell(`B${tcd + 2}`).value]).toEqual([G6, LIBELLE_G6]);
    expect(resultat(cd.getCell(`C${tcd + 2}`))).toBe(1200);
  }, 240000);

  it("réalisé affecté au code d'un montant non placé (R1) : gardé en « ? Hors chapitre » sans budget, classe 6 exacte", async () => {
    const { devis, corr } = await exempleR1();
    const d = json((await lancerCli(main, ["devis", devis, "--json"])).out).devis;
    expect([d.total, d.nonPlaces]).toEqual(["182869.16", [{ cellule: G6, montant: "1200.00" }]]);
    const sortie = path.join(dir(), "exemple-r1-ecarts.xlsx");
    const r = await lancerCli(main, ["ecarts", devis, "--fec", FEC, "--correspondances", corr, "--json", "-o", sortie]);
    expect(r.code).toBe(0);
    const j = json(r.out);
    expect(j.totaux.budget).toBe("182869.16");
    expect(j.nonPlaces).toEqual([{ cellule: G6, libelle: LIBELLE_G6, montant: "1200.00", code: "R1" }]);
    const hors = j.postes.find((p: PosteJson) => p.code === "?");
    expect(hors).toMatchObject({ libelle: "Hors chapitre", budget: "0.00", realise: "1250.00" });
    // 616000 (1 250,00 €) is affecté now: only 606400 is left without a poste, and nothing is lost.
    expect(j.nonAffecte.total).toBe("85.90");
    expect(cts(j.totaux.classe6)).toBe(cts(j.totaux.realise) + cts(j.nonAffecte.total));
    expect(j.totaux.classe6).toBe("40832.65");

    // The version compared with the current devis (« coût définitif » columns from the Écarts sheet), then every
    // formula of the workbook recalculated.
    const v = path.join(dir(), "exemple-r1-version.xlsx");
    const cmp = path.join(dir(), "exemple-r1-comparaison.xlsx");
    expect((await lancerCli(main, ["versions", "enregistrer", sortie, "--nom", "A", "-o", v])).code).toBe(0);
    expect((await lancerCli(main, ["versions", "comparer", v, "--de", "A", "--a", "courant", "-o", cmp])).code).toBe(0);
    const lu = await lireRecalcule(await recalculerSansCache(cmp));
    const ec = lu.getWorksheet("Écarts")!;
    const total = rangee(ec, "Total");
    const iHors = rangee(ec, "?");
    expect(iHors).toBeLessThan(total);
    expect([nombre(ec.getCell(`D${iHors}`)), nombre(ec.getCell(`G${iHors}`))]).toEqual([0, 1250]);
    expect(nombre(ec.getCell(`D${total}`))).toBeCloseTo(182869.16, 2);
    expect(nombre(ec.getCell(`G${total}`))).toBeCloseTo(40746.75, 2);
    expect(nombre(ec.getCell("H3"))).toBeCloseTo(0, 6);
    expect([ec.getCell(`A${total + 2}`).value, resultat(ec.getCell(`D${total + 2}`))]).toEqual([G6, 1200]);
    // The detail row of R1: budget 0, its réalisé by SUMIFS over the Grand livre.
    const r1 = rangee(ec, "R1");
    expect(ec.getCell(`B${r1}`).value).toBe(`${LIBELLE_G6} (montant non placé du devis, hors total)`);
    expect([resultat(ec.getCell(`D${r1}`)), nombre(ec.getCell(`G${r1}`))]).toEqual([0, 1250]);

    // « Comparaison »: each coded line's réalisé links to its Écarts row, also after the lines without code (7.1 comes
    // after chapter 6's uncoded lines); R1's réalisé is on the « Non placé » row, outside the total, as in Écarts.
    const co = lu.getWorksheet("Comparaison")!;
    const ligneCode = (code: string) => {
      let n = 0;
      co.eachRow((row, i) => {
        if (!n && row.getCell(3).value === code && row.getCell(1).value !== "Chapitre") n = i;
      });
      if (!n) throw new Error(`Comparaison : aucune ligne de code ${code}`);
      return n;
    };
    expect(co.getCell(`S${ligneCode("7.1")}`).formula).toMatch(/^'?Écarts'?!G\d+$/);
    expect(nombre(co.getCell(`S${ligneCode("7.1")}`))).toBeCloseTo(3400, 2);
    expect(co.getCell(`S${ligneCode("R1")}`).formula.replace(/'/g, "")).toBe(`Écarts!G${r1}`);
    expect(nombre(co.getCell(`S${ligneCode("R1")}`))).toBeCloseTo(1250, 2);
    const totalCo = rangee(co, "Total");
    expect(co.getCell(`A${totalCo + 1}`).value).toBe("Non placé");
    expect(nombre(co.getCell(`M${totalCo}`))).toBeCloseTo(182869.16, 2);
    expect(nombre(co.getCell(`M${totalCo + 1}`))).toBeCloseTo(1200, 2);
    expect(nombre(co.getCell(`S${totalCo + 1}`))).toBeCloseTo(1250, 2);
    // The réalisé imputé au chapitre (641 → 2, 6413 → 3, 645 → 4, 625 → 6, 611 → 8) is on no devis line: each has a
    // « réalisé sans ligne » row linking to its Écarts row, so every chapter's réalisé, and the total's, is the
    // Écarts sheet's (total + « Non placé » = the Écarts total, nothing dropped).
    const sansLigne: string[] = [];
    co.eachRow((row) => {
      if (row.getCell(1).value === "réalisé sans ligne") sansLigne.push(String(row.getCell(3).value));
    });
    expect(sansLigne).toEqual(["2", "3", "4", "6", "8"]);
    expect(co.getCell(`S${ligneCode("2")}`).formula.replace(/'/g, "")).toBe(
      `Écarts!G${rangee(ec, "2", rangee(ec, "Détail par poste (le reste à engager d'un chapitre est sa propre estimation : les lignes ne s'y additionnent pas)"))}`,
    );
    const chapitreCo = (code: string) => {
      let n = 0;
      co.eachRow((row, i) => {
        if (!n && row.getCell(1).value === "Chapitre" && row.getCell(2).value === code) n = i;
      });
      return n;
    };
    for (const ch of ["1", "2", "3", "4", "6", "7", "8"])
      expect(nombre(co.getCell(`S${chapitreCo(ch)}`))).toBeCloseTo(nombre(ec.getCell(`G${rangee(ec, ch)}`)), 2);
    expect(nombre(co.getCell(`S${totalCo}`)) + nombre(co.getCell(`S${totalCo + 1}`))).toBeCloseTo(
      nombre(ec.getCell(`G${total}`)),
      2,
    );
  }, 240000);
});
