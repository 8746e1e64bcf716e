import { importerDevis, DevisIntrouvableError } from "../../../src/core/devis/import";
import { centsToDecimalString } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const total = (d: { total: number }) => centsToDecimalString(d.total as never);

describe("importerDevis — mise en page française avec titres de chapitres", () => {
  it("lit les chapitres, les lignes, les sous-totaux et le total du producteur", async () => {
    const sheet = await feuilleXlsx(
      "Budget",
      [
        ["DEVIS — « Les Oiseaux de passage » — documentaire 52'"],
        [],
        ["Poste", "Désignation", "Qté", "Nb", "Unité", "Tarif", "Montant"],
        ["1 - DROITS ARTISTIQUES"],
        [null, "Droits d'auteur réalisateur", 1, 1, "forfait", 8000, 8000],
        [null, "Sous-total droits", null, null, null, null, 8000],
        ["2 - PERSONNEL"],
        [null, "Chef monteuse", 20, 1, "jour", 300, { formula: "C8*D8*F8", result: 6000 }],
        [null, "Chargée de production", 10, 1, "jour", "250,00 €", "2 500,00 €"],
        [null, "Sous-total personnel", null, null, null, null, 8500],
        ["CHAPITRE 4 CHARGES SOCIALES"],
        [null, "Charges techniciens 60 %", null, null, null, null, 5100],
        [null, "TOTAL HT", null, null, null, null, 21600],
        [null, "Imprévus 7 %", null, null, null, null, 1512],
        [null, "TOTAL GÉNÉRAL", null, null, null, null, 23112],
      ],
      { merges: ["A1:G1"] },
    );
    const d = importerDevis(sheet, { dureeMinutes: 52 });
    expect(d.lignes.map((l) => [l.libelle, l.chapitre, l.placement])).toEqual([
      ["Droits d'auteur réalisateur", "1", "section"],
      ["Chef monteuse", "2", "section"],
      ["Chargée de production", "2", "section"],
      ["Charges techniciens 60 %", "4", "section"],
      ["Imprévus 7 %", "IMP", "mot-cle"],
    ]);
    expect(total(d)).toBe("23112.00");
    expect(centsToDecimalString(d.totalHorsFrais)).toBe("21600.00");
    expect(d.chapitres.map((c) => [c.code, centsToDecimalString(c.total)])).toEqual([
      ["1", "8000.00"],
      ["2", "8500.00"],
      ["4", "5100.00"],
      ["IMP", "1512.00"],
    ]);
    expect(d.lignes[1].montantFormule).toBe(true);
    expect(d.lignes[2].taux).toBe("250");
    expect(d.lignes[4].pourcentage).toBe("0.07");
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, t.cellule, t.lignesCouvertes.length])).toEqual([
      ["sous-total", "1", "Budget!G6", 1],
      ["sous-total", "2", "Budget!G10", 2],
      ["total", undefined, "Budget!G13", 4],
      ["total", undefined, "Budget!G15", 5],
    ]);
    expect(d.nonPlaces).toEqual([]);
    expect(centsToDecimalString(d.coutMinute as never)).toBe("444.46");
    expect(d.lignes[1].categorie).toBe("salaire-technicien");
    expect(d.lignes[3].categorie).toBe("charges-sociales");
  });

  it("refuse une feuille sans en-tête de devis, en la nommant", async () => {
    const sheet = await feuilleXlsx("Notes", [["Réunion du 3 mars"], ["Rien à voir"]]);
    expect(() => importerDevis(sheet)).toThrow(DevisIntrouvableError);
    expect(() => importerDevis(sheet)).toThrow(/« Notes »/);
  });
});
