/**
 * An amount typed as text under a producer's SUM subtotal (tests/fixtures/devis-reels/generer.js, `sommeTexte`): SUM
 * leaves the text out, so the subtotal falls short of its lines by exactly that amount. Every cached result is dropped
 * and LibreOffice recalculates: the subtotal it computes is the one the finding names, with the text as its cause; a
 * subtotal short of more than its text (« =SUM(D10:D12)-500 ») is not given that cause. A subtotal typed as a value,
 * short of exactly its text, is not proven (counted as a line): its finding names the text as the gap too.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { importerDevis } from "../../src/core/devis/import";
import { controlerDevis } from "../../src/core/devis/regles";
import { lireFeuille } from "../../src/xlsx/read";
import { lireRecalcule, recalculerSansCache, resultat } from "../helpers/libreoffice";

/** The amounts' narrow no-break spaces as plain spaces, to write the expected messages. */
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const SOURCE = path.join(__dirname, "../fixtures/devis-reels/somme-texte.xlsx");

async function lireDevis(fichier: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  return importerDevis(lireFeuille(wb.getWorksheet("Devis") as ExcelJS.Worksheet));
}

describe("devis source : montant écrit en texte sous un sous-total SOMME, recalculé par LibreOffice", () => {
  it("le sous-total que LibreOffice calcule est celui nommé, et l'écart est attribué au texte", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-somme-texte-lo-"));
    const copie = path.join(dir, "somme-texte.xlsx");
    await fs.copyFile(SOURCE, copie);
    const recalcule = await recalculerSansCache(copie);
    const relu = await lireRecalcule(recalcule);
    const ws = relu.getWorksheet("Devis") as ExcelJS.Worksheet;
    // LibreOffice's own SUM leaves the text out, as Excel's: the cached values the fixture carries.
    expect(["D7", "D11", "D15", "D17"].map((c) => typeof ws.getCell(c).value)).toEqual([
      "string",
      "string",
      "string",
      "string",
    ]);
    expect(["D8", "D13", "D18"].map((c) => resultat(ws.getCell(c)))).toEqual([7000, 2500, 300]);
    const devis = importerDevis(lireFeuille(ws));
    const enregistre = await lireDevis(SOURCE);
    for (const d of [devis, enregistre]) {
      expect(d.lignes.filter((l) => l.montantTexte).map((l) => [l.source.cellules.montant, l.montant])).toEqual([
        ["Devis!D7", 600000],
        ["Devis!D11", 150000],
        ["Devis!D15", 20000],
        ["Devis!D17", 45050],
        ["Devis!D21", 25000],
      ]);
      const messages = controlerDevis(d, "2026-01-15")
        .filter((c) => c.regle === "sous-total-producteur")
        .map((c) => [c.gravite, c.cellule, sp(c.message)]);
      expect(messages).toEqual([
        [
          "erreur",
          "Devis!D8",
          "Devis!D8 : Le sous-total du producteur « Sous-total 02 » indique 7 000,00 € mais les 3 lignes qu'il couvre " +
            "totalisent 13 000,00 € (écart −6 000,00 €) : c'est le montant écrit en texte en Devis!D7 (6 000,00 €), " +
            "que la formule SOMME ne compte pas ; saisissez-le comme nombre.",
        ],
        [
          "erreur",
          "Devis!D13",
          "Devis!D13 : Le sous-total du producteur « Sous-total 07 » indique 2 500,00 € mais les 3 lignes qu'il couvre " +
            "totalisent 4 500,00 € (écart −2 000,00 €).",
        ],
        [
          "erreur",
          "Devis!D18",
          "Devis!D18 : Le sous-total du producteur « Sous-total 08 » indique 300,00 € mais les 3 lignes qu'il couvre " +
            "totalisent 950,50 € (écart −650,50 €) : ce sont les 2 montants écrits en texte en Devis!D15 (200,00 €), " +
            "Devis!D17 (450,50 €), que la formule SOMME ne compte pas ; saisissez-les comme nombres.",
        ],
      ]);
      // Chapter 09's subtotal typed (no formula): not proven, counted as a line; its gap is exactly its text.
      expect(
        controlerDevis(d, "2026-01-15")
          .filter((c) => c.regle === "total-non-prouve")
          .map((c) => [c.cellule, sp(c.message)]),
      ).toEqual([
        [
          "Devis!D22",
          "Devis!D22 « Sous-total 09 » : le libellé annonce un total, mais 1 000,00 € n'est pas la somme des lignes " +
            "(les 2 lignes au-dessus totalisent 1 250,00 €) et aucune formule ne les référence ; ce montant est compté " +
            "comme une ligne du devis. L'écart (−250,00 €) : c'est le montant écrit en texte en Devis!D21 " +
            "(250,00 €), qu'une somme d'Excel ne compte pas ; saisissez-le comme nombre. Si c'est un sous-total, " +
            "corrigez-le ensuite ou écrivez-le en formule SOMME.",
        ],
      ]);
    }
  }, 120000);
});
