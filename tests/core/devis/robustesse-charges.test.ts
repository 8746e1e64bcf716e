import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);

describe("robustesse — salaires bruts avec leurs charges sur la même ligne", () => {
  it("« Salaire brut / jour | Brut | Charges patronales | Total chargé » : le brut est le montant, les charges vont au chapitre 4, le chargé n'est pas compté", async () => {
    const s = await feuilleXlsx("Personnel", [
      ["Code", "Désignation", "Nb jours", "Salaire brut / jour", "Brut", "Charges patronales", "Total chargé"],
      ["2 - PERSONNEL"],
      ["2.1", "Réalisatrice", 25, 420, 10500, 5775, 16275],
      ["2.2", "Monteuse", 20, 260, 5200, 2860, 8060],
      ["2.3", "Chargée de production", 15, 245, 3675, 2021.25, 5696.25],
      [null, "Sous-total personnel", null, null, 19375, 10656.25, 30031.25],
      ["3 - INTERPRÉTATION"],
      ["3.1", "Voix off", 2, 450, 900, "50 %", 1350],
      [null, "Sous-total interprétation", null, null, 900, 450, 1350],
      ["8 - POST-PRODUCTION"],
      ["8.1", "Auditorium de mixage", 2, 900, 1800, null, 1800],
      [null, "TOTAL", null, null, 22075, 11106.25, 33181.25],
    ]);
    const d = importerDevis(s);
    expect(
      d.lignes.map((l) => [l.libelle, l.chapitre, e(l.montant), l.categorie, l.source.cellules.montant, l.tauxCharges]),
    ).toEqual([
      ["Réalisatrice", "2", "10500.00", "salaire-technicien", "Personnel!E3", undefined],
      ["Charges sociales — Réalisatrice", "4", "5775.00", "charges-sociales", "Personnel!F3", undefined],
      ["Monteuse", "2", "5200.00", "salaire-technicien", "Personnel!E4", undefined],
      ["Charges sociales — Monteuse", "4", "2860.00", "charges-sociales", "Personnel!F4", undefined],
      ["Chargée de production", "2", "3675.00", "salaire-technicien", "Personnel!E5", undefined],
      ["Charges sociales — Chargée de production", "4", "2021.25", "charges-sociales", "Personnel!F5", undefined],
      // A charges cell typed as a rate: the line's charge rate, and the charges are that share of the gross.
      ["Voix off", "3", "900.00", "salaire-artiste", "Personnel!E8", "0.5"],
      ["Charges sociales — Voix off", "4", "450.00", "charges-sociales", "Personnel!F8", undefined],
      ["Auditorium de mixage", "8", "1800.00", "prestation", "Personnel!E11", undefined],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total), c.lignes])).toEqual([
      ["2", "19375.00", 3],
      ["3", "900.00", 1],
      ["4", "11106.25", 4],
      ["8", "1800.00", 1],
    ]);
    expect(e(d.total)).toBe("33181.25");
    // The producer's subtotals and total are on the gross column: they cover the gross lines only, and add up.
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.lignesCouvertes.length])).toEqual([
      ["sous-total", "2", "19375.00", 3],
      ["sous-total", "3", "900.00", 1],
      ["total", undefined, "22075.00", 5],
    ]);
    expect(d.nonPlaces).toEqual([]);
    expect(controlerDevis(d, "2026-01-15")).toEqual([]);
  });
});

describe("robustesse — « Brut journalier | Brut total | Charges | Coût chargé » sans titres", () => {
  it("en-tête reconnu, charges au chapitre 4, minimum contrôlé sur le brut journalier", async () => {
    const s = await feuilleXlsx("Salaires", [
      ["Poste", "Unité", "Jours", "Brut journalier", "Brut total", "Charges", "Coût chargé"],
      ["Monteur", "jour", 10, 220, 2200, 1210, 3410],
      ["Cadreur", "jour", 5, 300, 1500, 825, 2325],
      ["Scripte", "jour", 4, 250, 1000, 0.55, 1550],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre, l.taux, e(l.montant)])).toEqual([
      ["Monteur", "2", "220", "2200.00"],
      ["Charges sociales — Monteur", "4", undefined, "1210.00"],
      ["Cadreur", "2", "300", "1500.00"],
      ["Charges sociales — Cadreur", "4", undefined, "825.00"],
      // 0.55 in the charges column is a rate (55 %), not 55 cents.
      ["Scripte", "2", "250", "1000.00"],
      ["Charges sociales — Scripte", "4", undefined, "550.00"],
    ]);
    expect(d.lignes[4].tauxCharges).toBe("0.55");
    expect(e(d.total)).toBe("7285.00");
    // Monteur at 220 €/day is under the 235.60 € minimum (since 1 July 2025 a floor: alerte).
    expect(controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule])).toEqual([
      ["salaire-minimum", "alerte", "Salaires!D2"],
    ]);
  });
});
