import type ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fabriqueVariantes, lancerCli } from "../helpers/cli";

/**
 * IDCC 2642, grid annexed to avenant n° 4 of 3 July 2012 (read in the DILA's KALI open data, confidence H), in force
 * from 1 July 2012 to 30 September 2016, on the real devis of tests/fixtures/devis-cinema run as an audiovisual work.
 * Its crew is above the 2012 grid; a copy whose régisseur général (day rate, 'Devis La Rade'!F17) or secrétaire de
 * production (week rate, F18) is set at the read minimum passes, one cent below is flagged. Minima read in the text:
 * régisseur général 217,21 € a day (8 h), secrétaire de production 141,28 € a day, × 4,5 = 635,76 € a week.
 */
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
const variante = fabriqueVariantes(dossierTemporaire("prodbook-2642-2012-"));

interface Controle {
  regle: string;
  gravite: string;
  message: string;
  cellule: string;
}

async function devis(fichier: string, ...args: string[]) {
  const r = await lancerCli(main, ["devis", fichier, "--json", "--oeuvre", "audiovisuel", ...args]);
  expect(r.code).toBe(0);
  expect(r.erreurs).toEqual([]);
  const j = JSON.parse(r.sortie[0]) as { controles: Controle[]; tables: { id: string; effetDu: string }[] };
  return { minima: j.controles.filter((c) => c.regle === "salaire-minimum"), tables: j.tables };
}

/** A copy of the fixture with one line's rate (column F) and its amount (G, the cached formula result) changed. */
function tarif(ligne: number, taux: number) {
  return variante(CINEMA, `tarif-${ligne}-${taux}.xlsx`, (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet("Devis La Rade")!;
    const r = ws.getRow(ligne);
    r.getCell(6).value = taux;
    const montant = Math.round(Number(r.getCell(3).value) * Number(r.getCell(5).value) * taux * 100) / 100;
    r.getCell(7).value = { formula: `ROUND(C${ligne}*E${ligne}*F${ligne},2)`, result: montant };
  });
}

const DOC_2014 = ["--genre", "documentaire", "--date", "2014-06-02"];

describe("prodbook devis --oeuvre audiovisuel : grille IDCC 2642 de l'avenant n° 4 du 3 juillet 2012 (KALI, H)", () => {
  it("le devis réel passe la grille de 2012 et --json nomme la version du 1er juillet 2012", async () => {
    const r = await devis(CINEMA, ...DOC_2014);
    expect(r.minima).toEqual([]);
    expect(r.tables.map((t) => `${t.id}@${t.effetDu}`)).toEqual([
      "idcc2642-minima@2012-07-01",
      "nomenclature-cnc@2000-01-01",
    ]);
  });

  it("régisseur général à la journée : 217,21 € passe, 217,20 € déclenche une erreur, sans « à vérifier »", async () => {
    expect((await devis(await tarif(17, 217.21), ...DOC_2014)).minima).toEqual([]);
    const c = (await devis(await tarif(17, 217.2), ...DOC_2014)).minima;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ gravite: "erreur", cellule: "'Devis La Rade'!F17" });
    expect(c[0].message).toMatch(
      /217,20\u00a0€ par jour, sous le minimum IDCC 2642 de la fonction « Régisseur général » : 217,21\u00a0€ par jour \(table idcc2642-minima en vigueur au 1er\u00a0juillet\u00a02012, catégorie B en CDDU, base 8 h\)/,
    );
    expect(c[0].message).not.toMatch(/à vérifier|plancher/);
  });

  it("secrétaire de production à la semaine : 141,28 € × 4,5 = 635,76 € passe, 635,75 € déclenche", async () => {
    expect((await devis(await tarif(18, 635.76), ...DOC_2014)).minima).toEqual([]);
    const c = (await devis(await tarif(18, 635.75), ...DOC_2014)).minima;
    expect(c.map((x) => x.cellule)).toEqual(["'Devis La Rade'!F18"]);
    expect(c[0].message).toMatch(
      /635,75\u00a0€ par semaine, sous le minimum IDCC 2642 de la fonction « Secrétaire de production » : 635,76\u00a0€ par semaine \(141,28\u00a0€ × 4,5 jours\)/,
    );
  });

  it("bornes : 1er juillet 2012 et 30 septembre 2016 dans la grille ; rien le 30 juin 2012 ni le 1er octobre 2016", async () => {
    const f = await tarif(17, 217.2);
    const cellules = async (date: string) =>
      (await devis(f, "--genre", "documentaire", "--date", date)).minima.map((c) => c.cellule);
    expect(await cellules("2012-06-30")).toEqual([]);
    expect(await cellules("2012-07-01")).toEqual(["'Devis La Rade'!F17"]);
    expect(await cellules("2016-09-30")).toEqual(["'Devis La Rade'!F17"]);
    expect(await cellules("2016-10-01")).toEqual([]);
  });

  it("en fiction, une fonction fermée à la fiction lourde (renvoi (24)) n'est qu'un plancher : alerte", async () => {
    const c = (await devis(await tarif(17, 217.2), "--genre", "fiction", "--date", "2014-06-02")).minima;
    expect(c).toHaveLength(1);
    expect(c[0].gravite).toBe("alerte");
    expect(c[0].message).toMatch(/sous le plancher connu IDCC 2642 .*217,21\u00a0€ par jour.*fiction lourde/);
  });
});
