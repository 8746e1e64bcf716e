import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);

describe("robustesse — budget en anglais (mise en page Movie Magic)", () => {
  it("« Amount | Units | X | Rate | Subtotal » : Amount est la quantité, Subtotal le montant ; titres anglais ; comptes américains non fiables", async () => {
    const s = await feuilleXlsx(
      "Budget",
      [
        ["PRODUCTION BUDGET — “Northern Lights” (documentary, 52')"],
        ["Account", "Description", "Amount", "Units", "X", "Rate", "Subtotal"],
        [null, "STORY & RIGHTS"],
        ["1101", "Writer's fee", 1, "Flat", 1, 8000, 8000],
        ["1102", "Archive footage licence", 90, "Secs", 1, 45, 4050],
        [null, "CREW"],
        ["2101", "Director", 20, "Days", 1, 450, 9000],
        ["2102", "Director of photography", 12, "Days", 1, 400, 4800],
        ["2103", "Sound recordist", 12, "Days", 1, 300, 3600],
        [null, "Subtotal Crew", null, null, null, null, 17400],
        [null, "FRINGES"],
        ["2900", "Payroll taxes & benefits (62 %)", 1, "Alloc", 1, 10788, 10788],
        [null, "TRAVEL & LIVING"],
        ["3101", "Flights Paris–Reykjavik", 4, "Tickets", 1, 380, 1520],
        ["3102", "Hotel", 10, "Nights", 4, 95, 3800],
        ["3103", "Per diem", 10, "Days", 4, 35, 1400],
        [null, "EQUIPMENT"],
        ["4101", "Camera package", 2, "Weeks", 1, "1,850.00", "3,700.00"],
        [null, "POST-PRODUCTION"],
        ["5101", "Editing", 6, "Weeks", 1, 1900, 11400],
        ["5102", "Colour grading", 3, "Days", 1, 950, 2850],
        ["5103", "Sound mix", 2, "Days", 1, 1100, 2200],
        [null, "INSURANCE & GENERAL"],
        ["6101", "Production insurance", 1, "Flat", 1, 1200, 1200],
        [null, "Total above & below the line", null, null, null, null, 68308],
        [null, "Contingency 5%", null, null, null, null, 3415.4],
        [null, "Grand total", null, null, null, null, 71723.4],
      ],
      { merges: ["A1:G1"] },
    );
    const d = importerDevis(s, { dureeMinutes: 52 });
    expect(d.lignes).toHaveLength(15);
    expect(
      d.lignes
        .slice(0, 3)
        .map((l) => [l.code, l.quantite, l.unite, l.nombre, l.taux, e(l.montant), l.source.cellules.montant]),
    ).toEqual([
      ["1101", "1", "Flat", "1", "8000", "8000.00", "Budget!G4"],
      ["1102", "90", "Secs", "1", "45", "4050.00", "Budget!G5"],
      ["2101", "20", "Days", "1", "450", "9000.00", "Budget!G7"],
    ]);
    // The US account numbers (3101 = travel, 4101 = equipment) disagree with the sections: the sections place.
    expect(d.lignes.map((l) => [l.code ?? l.libelle, l.chapitre, l.placement])).toEqual([
      ["1101", "1", "section"],
      ["1102", "1", "section"],
      ["2101", "2", "section"],
      ["2102", "2", "section"],
      ["2103", "2", "section"],
      ["2900", "4", "section"],
      ["3101", "6", "section"],
      ["3102", "6", "section"],
      ["3103", "6", "section"],
      ["4101", "7", "section"],
      ["5101", "8", "section"],
      ["5102", "8", "section"],
      ["5103", "8", "section"],
      ["6101", "9", "section"],
      ["Contingency 5%", "IMP", "mot-cle"],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total)])).toEqual([
      ["1", "12050.00"],
      ["2", "17400.00"],
      ["4", "10788.00"],
      ["6", "6720.00"],
      ["7", "3700.00"],
      ["8", "16450.00"],
      ["9", "1200.00"],
      ["IMP", "3415.40"],
    ]);
    expect(e(d.totalHorsFrais)).toBe("68308.00");
    expect(e(d.total)).toBe("71723.40");
    expect(e(d.coutMinute as Cents)).toBe("1379.30");
    expect(d.nonPlaces).toEqual([]);
    expect(d.illisibles).toEqual([]);
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.lignesCouvertes.length])).toEqual([
      ["sous-total", "2", "17400.00", 3],
      ["total", undefined, "68308.00", 14],
      ["total", undefined, "71723.40", 15],
    ]);
    expect(controlerDevis(d, "2026-01-15")).toEqual([]);
  });
});

describe("robustesse — comptes américains sans titres de section", () => {
  it("des comptes 1101, 3101, 5101 que les libellés contredisent ne placent rien : les mots-clés placent", async () => {
    const s = await feuilleXlsx("US", [
      ["Account", "Description", "Amount", "Units", "X", "Rate", "Subtotal"],
      ["1101", "Writer", 1, "Flat", 1, 8000, 8000],
      ["2101", "Director", 20, "Days", 1, 450, 9000],
      ["3101", "Flights", 4, "Tickets", 1, 380, 1520],
      ["3102", "Hotel", 10, "Nights", 2, 95, 1900],
      ["5101", "Editing", 6, "Weeks", 1, 1900, 11400],
      ["5201", "Stock footage research", 3, "Days", 1, 300, 900],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.chapitre ?? null, l.placement ?? null])).toEqual([
      ["1101", "1", "mot-cle"],
      ["2101", "2", "mot-cle"],
      ["3101", "6", "mot-cle"],
      ["3102", "6", "mot-cle"],
      ["5101", "8", "mot-cle"],
      ["5201", null, null],
    ]);
    expect(d.nonPlaces.map((n) => [n.cellule, e(n.montant)])).toEqual([["US!G7", "900.00"]]);
    expect(e(d.total)).toBe("31820.00"); // unplaced amounts are listed, not in the total
  });
});
