import * as path from "path";
import { devisBinaire } from "../helpers/cli";

/**
 * Issue 10: a template's amount formulas =SI(B6="";"";B6*C6) (tests/fixtures/devis-reels/generer.js, `formuleVide`).
 * Excel saves the empty text of a line without its quantity as <v></v>, read as no result: before, « Drone » and
 * « Steadicam » were each an error asking to re-save the workbook in Excel, which changes nothing. A formula with its
 * quantity and rate but no saved result (« Grue ») is still named and recalculated.
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-reels/formule-vide.xlsx");

describe('prodbook devis : montants =SI(…;"";…) vides d\'un modèle', () => {
  const r = devisBinaire(FICHIER, "--json");
  const j = JSON.parse(r.out);

  it("les lignes au montant vide ne sont ni comptées ni signalées comme formules à recalculer", () => {
    expect(r.code).toBe(0);
    // 2 000 + 1 500 + 1 200 (Grue, recalculated) = 4 700 €, the TOTAL proven by them.
    expect(j.devis.total).toBe("4700.00");
    expect(j.devis.conservation).toMatchObject({ lignes: "3500.00", totauxProuves: "4700.00", ecart: "0.00" });
    for (const cellule of ["Devis!D6", "Devis!D8"])
      expect(j.controles.filter((c: { cellule?: string }) => c.cellule === cellule)).toEqual([]);
    expect(j.controles.filter((c: { gravite: string }) => c.gravite === "erreur")).toEqual([]);
  });

  it("une formule sans résultat, quantité et tarif présents, reste nommée et recalculée", () => {
    const grue = j.controles.find((c: { cellule?: string }) => c.cellule === "Devis!D9");
    expect(grue).toMatchObject({ regle: "formule-sans-resultat" });
    expect(grue.message).toContain("« Grue »");
    expect(grue.message.replace(/[\u00a0\u202f]/g, " ")).toContain("1 200,00 €");
  });
});
