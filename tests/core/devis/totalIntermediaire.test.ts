import type { SheetData } from "../../../src/core/port/workbook";
import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { typeTotal } from "../../../src/core/devis/placement";

function feuille(rows: (string | number | null)[][]): SheetData {
  return { name: "BUDGET V3", rows: rows.map((r) => r.map((v) => ({ v }))), merges: [] };
}

describe("total intermédiaire des chapitres 1 à 9", () => {
  it("reconnaît les libellés du coût avant frais comme un total, pas comme le sous-total du dernier chapitre", () => {
    for (const l of [
      "TOTAL CHAPITRES 1 À 9",
      "Total des chapitres",
      "Sous-total général",
      "Total hors frais généraux",
      "Total avant imprévus",
    ]) {
      expect(typeTotal(l)).toEqual({ type: "total" });
    }
    expect(typeTotal("Total chapitre 8")).toEqual({ type: "sous-total", chapitre: "8" });
  });

  it("compare ce total à toutes les lignes au-dessus et place frais généraux et imprévus en dessous", () => {
    const devis = importerDevis(
      feuille([
        ["N°", "Description", "Nbre", "Qté", "U", "Prix unit.", "Total HT"],
        ["01", "DROITS ARTISTIQUES"],
        ["01.01", "Droits d'auteur scénario", 1, 6, "épisode", 2500, 15000],
        ["02", "PERSONNEL"],
        ["02.01", "Réalisatrice", 1, 30, "jour", 450, 13500],
        ["08", "POST-PRODUCTION"],
        ["08.01", "Mixage", 1, 6, "épisode", 1500, 9000],
        [null, "TOTAL CHAPITRES 1 À 9", null, null, null, null, 37500],
        [null, "Frais généraux 15%", null, null, null, null, 5625],
        [null, "Imprévus 7%", null, null, null, null, 2625],
        [null, "COÛT TOTAL GLOBAL", null, null, null, null, 45750],
      ]),
    );
    expect(devis.total).toBe(4575000);
    expect(devis.totalHorsFrais).toBe(3750000);
    expect(devis.chapitres.map((c) => c.code)).toEqual(["1", "2", "8", "FG", "IMP"]);
    const intermediaire = devis.totauxProducteur.find((t) => t.libelle === "TOTAL CHAPITRES 1 À 9");
    expect(intermediaire).toMatchObject({
      type: "total",
      lignesCouvertes: expect.arrayContaining(
        devis.lignes.filter((l) => /^[128]$/.test(l.chapitre ?? "")).map((l) => l.id),
      ),
    });
    const constats = controlerDevis({ ...devis, genre: "documentaire" }, "2026-01-15", new Map());
    expect(constats.filter((c) => c.regle === "sous-total-producteur" || c.regle === "total-producteur")).toEqual([]);
  });
});
