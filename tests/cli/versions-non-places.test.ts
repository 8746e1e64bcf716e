/**
 * A version's total is the devis total: the devis's unplaced lines (« Montants non placés (hors total) ») are kept
 * in the version, shown apart, never counted; a line placed since a version is a change the comparison shows, and
 * the « Comparaison » sheet's formulas, recalculated by LibreOffice with every cached result dropped, agree.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { eurosToCents } from "../../src/core/money/cents";
import { dossierTemporaire, lancerCli, sortieBinaire } from "../helpers/cli";
import { lireRecalcule, nombre, recalculer, resultat, sansResultats } from "../helpers/libreoffice";

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const dir = dossierTemporaire("prodbook-versions-non-places-");

/** The example's sheet with its unplaced line (G6, « Repérages Bretagne (à ventiler) ») given code 4.9. */
async function placerG6(fichier: string, sortie: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  wb.getWorksheet("Budget Gardiens")!.getCell("A6").value = "4.9";
  await wb.xlsx.writeFile(sortie);
}

/** A small devis whose first line comes before any chapter title (unplaced, 750 €), then two chapters. */
async function devisAvecNonPlace(fichier: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Désignation", "Qté", "Nb", "Unité", "Tarif", "Montant"]);
  ws.addRow([null, "Frais de dossier à répartir", 1, 1, "forfait", 750, 750]);
  ws.addRow(["1 - DROITS ARTISTIQUES"]);
  ws.addRow(["1.1", "Auteur-réalisateur — droits d'auteur", 1, 1, "forfait", 12000, 12000]);
  ws.addRow(["2 - PERSONNEL"]);
  ws.addRow(["2.1", "Réalisateur", 6, 1, "semaine", 1850, 11100]);
  await wb.xlsx.writeFile(fichier);
}

const json = (out: string) => JSON.parse(out);

describe("versions : total = total du devis, non placés à part", () => {
  it("exemple, par le binaire : versions enregistrer donne le total de prodbook devis (182 869,16 €), G6 à part", () => {
    const v1 = path.join(dir(), "exemple-v1.xlsx");
    const devis = json(sortieBinaire(["devis", EXEMPLE, "--json"]));
    const v = json(sortieBinaire(["versions", "enregistrer", EXEMPLE, "--nom", "A", "-o", v1, "--json"]));
    expect(devis.devis.total).toBe("182869.16");
    expect(v.version.total).toBe(devis.devis.total);
    expect(v.version.nonPlaces).toEqual(devis.devis.nonPlaces);
    expect(v.version.nonPlaces).toEqual([{ cellule: "'Budget Gardiens'!G6", montant: "1200.00" }]);
    const texte = sortieBinaire(["versions", "lister", v1]);
    expect(texte).toMatch(
      /182\u202f869,16\u00a0€\u202f; non placé \(hors total\)\u00a0: 1\u202f200,00\u00a0€ \(1\u00a0ligne\u00a0: 'Budget Gardiens'!G6\)/,
    );
  });

  it("un autre devis avec une ligne non placée : total de la version = total du devis, la ligne gardée dans « Versions »", async () => {
    const f = path.join(dir(), "non-place.xlsx");
    const v1 = path.join(dir(), "non-place-v1.xlsx");
    await devisAvecNonPlace(f);
    const d = await lancerCli(main, ["devis", f, "--json"]);
    const v = await lancerCli(main, ["versions", "enregistrer", f, "--nom", "V1", "-o", v1, "--json"]);
    expect(d.code).toBe(0);
    expect(v.code).toBe(0);
    expect(json(d.out).devis.total).toBe("23100.00");
    expect(json(v.out).version.total).toBe("23100.00");
    expect(json(v.out).version.nonPlaces).toEqual([{ cellule: "Budget!G2", montant: "750.00" }]);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(v1);
    const ws = x.getWorksheet("Versions")!;
    const rangees = [2, 3, 4].map((r) => [ws.getCell(r, 5).value, ws.getCell(r, 8).value, ws.getCell(r, 13).value]);
    expect(rangees).toContainEqual(["?", "Frais de dossier à répartir", 750]);
  });

  it("une ancienne feuille « Versions » (ligne au chapitre « ? ») est relue : total hors non placés", async () => {
    const src = path.join(dir(), "ancienne-src.xlsx");
    await devisAvecNonPlace(src);
    const avec = path.join(dir(), "ancienne-prodbook.xlsx");
    expect((await lancerCli(main, ["versions", "enregistrer", src, "--nom", "Neuve", "-o", avec])).code).toBe(0);
    // Sheets written before the fix hold the same layout: an unplaced line is a row with chapter « ? » (E), whose
    // amount was counted in the version's total. Such a row (a copy of row 2, N° 1), alone in its version « Ancienne »
    // (« Neuve » keeps all its rows: a row taken from a version by hand is refused, its N° missing):
    const y = new ExcelJS.Workbook();
    await y.xlsx.readFile(avec);
    const vs = y.getWorksheet("Versions")!;
    const copie = (vs.getRow(2).values as ExcelJS.CellValue[]).slice();
    copie[1] = "Ancienne";
    vs.addRow(copie.slice(1));
    await y.xlsx.writeFile(avec);
    const lst = await lancerCli(main, ["versions", "lister", avec, "--json"]);
    expect(lst.code).toBe(0);
    const anc = json(lst.out).versions.find((x: { nom: string }) => x.nom === "Ancienne");
    expect(vs.getCell("E2").value).toBe("?");
    expect(anc).toEqual({
      nom: "Ancienne",
      date: expect.any(String),
      auteur: expect.any(String),
      lignes: 1,
      total: "0.00",
      nonPlaces: [{ cellule: "Budget!G2", montant: "750.00" }],
    });
  });

  it("une ligne placée depuis la version : vue dans comparer --json, total et non placés cohérents, feuille recalculée", async () => {
    const v1 = path.join(dir(), "cmp-v1.xlsx");
    const v1m = path.join(dir(), "cmp-v1m.xlsx");
    const v2 = path.join(dir(), "cmp-v2.xlsx");
    const out = path.join(dir(), "cmp-out.xlsx");
    expect((await lancerCli(main, ["versions", "enregistrer", EXEMPLE, "--nom", "A", "-o", v1])).code).toBe(0);
    await placerG6(v1, v1m);
    expect((await lancerCli(main, ["versions", "enregistrer", v1m, "--nom", "B", "-o", v2])).code).toBe(0);
    const placee = json((await lancerCli(main, ["devis", v1m, "--json"])).out).devis.total;
    expect(placee).toBe("184069.16");
    const c = await lancerCli(main, ["versions", "comparer", v2, "--de", "A", "--a", "B", "--json", "-o", out]);
    expect(c.code).toBe(0);
    const j = json(c.out);
    expect(j.total).toEqual({ de: "182869.16", a: placee, delta: "1200.00" });
    expect(j.nonPlaces).toEqual({ de: "1200.00", a: "0.00", delta: "-1200.00", lignesDe: 1, lignesA: 0 });
    expect(j.chapitres.map((ch: { code: string }) => ch.code)).not.toContain("?");
    // One line whose chapter changed (« ? » → 4), not a removal plus an addition.
    const g6 = j.lignes.filter((l: { cellule: string }) => l.cellule === "'Budget Gardiens'!G6");
    expect(g6).toEqual([
      {
        statut: "modifiee",
        code: "4.9",
        libelle: "Repérages Bretagne (à ventiler)",
        de: "1200.00",
        a: "1200.00",
        delta: "0.00",
        cellule: "'Budget Gardiens'!G6",
        chapitre: "4",
        ancienLibelle: null,
        effetQuantite: "0.00",
        ancienChapitre: "?",
      },
    ]);
    expect(j.lignes.filter((l: { statut: string }) => l.statut !== "modifiee")).toEqual([]);
    const texte = await lancerCli(main, ["versions", "comparer", v2, "--de", "A", "--a", "B"]);
    expect(texte.out).toContain("Lignes changées (1)\u00a0:");
    expect(texte.out).toMatch(
      /modifiée\s+4\.9\s+«\u00a0Repérages Bretagne \(à ventiler\)\u00a0» 0,00\s€ \('Budget Gardiens'!G6\) — placée au chapitre 4, non placé \(hors total\) dans «\u00a0A\u00a0»$/m,
    );
    // The other way round (placed in « B », unplaced in « A »): the same line, its chapter « 4 » in « de ».
    const inverse = json((await lancerCli(main, ["versions", "comparer", v2, "--de", "B", "--a", "A", "--json"])).out);
    expect(inverse.lignes).toEqual([
      expect.objectContaining({ statut: "modifiee", chapitre: "?", ancienChapitre: "4", delta: "0.00", code: null }),
    ]);
    // The sheet, recalculated by LibreOffice with every cached result dropped.
    const { fichier: casse, formules } = await sansResultats(out);
    expect(formules).toBeGreaterThan(30);
    const x = await lireRecalcule(await recalculer(casse));
    const ws = x.getWorksheet("Comparaison")!;
    const rangee = (statut: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (resultat(ws.getCell(r, 1)) === statut) return r;
      throw new Error(`« ${statut} » absent`);
    };
    const cts = (r: number, col: number) => eurosToCents(nombre(ws.getCell(r, col)));
    const t = rangee("Total");
    const np = rangee("Non placé");
    expect(np).toBe(t + 1);
    expect([cts(t, 12), cts(t, 13), cts(t, 14)]).toEqual([18286916, 18406916, 120000]);
    expect([cts(np, 12), cts(np, 13), cts(np, 14)]).toEqual([120000, 0, -120000]);
    // G6's row: « modifiée », 1 200 € on both sides (SUMIFS over « Versions » by version and line number).
    const g6r = rangee("modifiée");
    expect(resultat(ws.getCell(g6r, 4))).toBe("Repérages Bretagne (à ventiler)");
    expect([cts(g6r, 12), cts(g6r, 13), cts(g6r, 14)]).toEqual([120000, 120000, 0]);
  }, 120000);

  it("une ligne non placée, placée ensuite sous un libellé retouché et un autre montant : une ligne modifiée", async () => {
    const f = path.join(dir(), "retouche.xlsx");
    const v1 = path.join(dir(), "retouche-v1.xlsx");
    const v1m = path.join(dir(), "retouche-v1m.xlsx");
    const v2 = path.join(dir(), "retouche-v2.xlsx");
    await devisAvecNonPlace(f);
    expect((await lancerCli(main, ["versions", "enregistrer", f, "--nom", "V1", "-o", v1])).code).toBe(0);
    // The producer moves « Frais de dossier à répartir » (750 €, before any chapter) under 2 - PERSONNEL as
    // « Frais de dossier », 800 €.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(v1);
    const ws = wb.getWorksheet("Budget")!;
    ws.spliceRows(2, 1);
    ws.addRow(["2.2", "Frais de dossier", 1, 1, "forfait", 800, 800]);
    await wb.xlsx.writeFile(v1m);
    expect((await lancerCli(main, ["versions", "enregistrer", v1m, "--nom", "V2", "-o", v2])).code).toBe(0);
    const c = await lancerCli(main, ["versions", "comparer", v2, "--de", "V1", "--a", "V2", "--json"]);
    expect(c.code).toBe(0);
    const j = json(c.out);
    expect(j.total).toEqual({ de: "23100.00", a: "23900.00", delta: "800.00" });
    expect(j.nonPlaces).toMatchObject({ de: "750.00", a: "0.00", delta: "-750.00" });
    expect(j.lignes).toEqual([
      {
        statut: "modifiee",
        code: "2.2",
        libelle: "Frais de dossier",
        de: "750.00",
        a: "800.00",
        delta: "50.00",
        cellule: "Budget!G6",
        chapitre: "2",
        ancienLibelle: "Frais de dossier à répartir",
        effetQuantite: "0.00",
        ancienChapitre: "?",
      },
    ]);
  });
});
