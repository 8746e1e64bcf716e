import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";
import { DEVIS_DETAILLE, recapDevis } from "../helpers/devisRecap";
import { remplir, type Cellule } from "../core/devis/outils";

/**
 * A workbook holding a detailed devis, a sheet named « Synthèse budget » whose amounts all differ from the devis's
 * chapter totals, and a true « Récapitulatif »: `devis --json` compares the true recap and names « Synthèse budget » as
 * another devis (its name alone never makes it the recap), with the figures that differ, in euros.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-recap-non-prouve-"));
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

async function classeur(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ajouter = (nom: string, rows: Cellule[][]) => remplir(wb.addWorksheet(nom), rows);
  ajouter("Devis détaillé", DEVIS_DETAILLE);
  ajouter("Synthèse budget", recapDevis([13000, 11800, 3500, 28300]));
  ajouter("Récapitulatif", recapDevis([12500, 12200.5, 3000, 27700.5]));
  const f = path.join(dir, "recaps.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("devis : une feuille nommée comme un récapitulatif dont les totaux diffèrent", () => {
  it("--json : le vrai récapitulatif comparé, « Synthèse budget » nommée comme autre feuille avec ses écarts", async () => {
    const r = await lancerCli(main, ["devis", await classeur(), "--json"]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(j.devis.feuille).toBe("Devis détaillé");
    expect(j.devis.recapitulatif).toMatchObject({ feuille: "Récapitulatif", chapitres: 3, total: true, ecarts: [] });
    expect(j.devis.autresFeuilles).toEqual([
      {
        feuille: "Synthèse budget",
        cellule: "'Synthèse budget'!C1",
        cellules: 3,
        somme: "28300.00",
        recapitulatifNonProuve: {
          cellule: "'Synthèse budget'!C1",
          figures: 4,
          accords: 0,
          ecarts: [
            {
              cellule: "'Synthèse budget'!C2",
              libelle: "1 Droits artistiques",
              chapitre: "1",
              montant: "13000.00",
              attendu: "12500.00",
            },
            {
              cellule: "'Synthèse budget'!C3",
              libelle: "2 Personnel",
              chapitre: "2",
              montant: "11800.00",
              attendu: "12200.50",
            },
            {
              cellule: "'Synthèse budget'!C4",
              libelle: "8 Post-production",
              chapitre: "8",
              montant: "3500.00",
              attendu: "3000.00",
            },
            {
              cellule: "'Synthèse budget'!C5",
              libelle: "Total",
              chapitre: "total",
              montant: "28300.00",
              attendu: "27700.50",
            },
          ],
        },
      },
    ]);
    const lue = j.controles.filter((c: { regle: string }) => c.regle === "feuille-lue");
    expect(lue.map((c: { gravite: string; cellule: string }) => [c.gravite, c.cellule])).toEqual([
      ["alerte", "'Synthèse budget'!C2"],
      ["info", "'Récapitulatif'!C1"],
    ]);
    expect(sp(lue[0].message)).toContain(
      "La feuille « Synthèse budget » porte un nom de récapitulatif, mais ses totaux diffèrent de ceux de la feuille " +
        "lue « Devis détaillé » (4 montants sur 4 diffèrent, dont 'Synthèse budget'!C2 « 1 Droits artistiques » : " +
        "13 000,00 €, le chapitre 1 du devis fait 12 500,00 €)",
    );
  });
});

describe("devis : la feuille lue choisie par ce qu'elle tient, nommée dans le JSON (`devis.feuille`)", () => {
  it("un devis complet nommé « Synthèse budget » est lu, non la petite feuille « Notes » au même en-tête", async () => {
    const wb = new ExcelJS.Workbook();
    remplir(wb.addWorksheet("Notes"), [
      ["Code", "Libellé", "Montant"],
      [null, "Repérages", 500],
    ]);
    remplir(wb.addWorksheet("Synthèse budget"), DEVIS_DETAILLE);
    const f = path.join(dir, "synthese-devis.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--json"]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(j.devis.feuille).toBe("Synthèse budget");
    expect(j.devis.total).toBe("27700.50");
    expect(j.devis.recapitulatif).toBeUndefined();
    const texte = await lancerCli(main, ["devis", f]);
    expect(sp(texte.out)).toContain("Devis lu dans la feuille « Synthèse budget »");
  });
});
