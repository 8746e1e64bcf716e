import type { CellData } from "../../../src/core/port/workbook";
import { dateReelle, natureNonMonetaire, valeurEnMots } from "../../../src/core/devis/natureChiffre";

/**
 * Issue 10: a figure above the devis's header is no amount only when its unit proves it (the cell beside it, its own
 * format, its label's unit); words never make it money nor a number alone, a figure without a unit proven is an amount.
 */
const cellule = (v: CellData["v"], fmt?: string): CellData => ({ v, ...(fmt ? { fmt } : {}) });
/** The figure in B of « libellé | figure | à droite », its label the row's texts left of it. */
const nature = (libelle: string, v: CellData["v"], droite: CellData["v"] = null, fmt?: string) =>
  natureNonMonetaire([cellule(libelle), cellule(v, fmt), cellule(droite)], 1, libelle);

describe("natureNonMonetaire : l'unité prouvée, jamais les mots seuls pour l'argent", () => {
  it.each([
    ["Durée", 90, "min", "min"],
    ["Durée", 90, "minutes", "min"],
    ["Tournage", 32, "jours", "jours"],
    ["Tournage", 32, "j.", "jours"],
    ["Préparation", 6, "semaines", "semaines"],
    ["Part France", 80, "%", "%"],
  ])("« %s | %s | %s » : un nombre en %s par la cellule à sa droite", (libelle, v, droite, unite) => {
    expect(nature(libelle, v, droite)).toEqual({ nature: "nombre", unite });
  });

  it.each([
    ["Durée (min)", 95, "min"],
    ["Durée totale (min)", 95, "min"],
    ["Taux de charges (%)", 45, "%"],
    ["Tournage en semaines", 8, "semaines"],
    ["Jours de tournage :", 32, "jours"],
    ["Nombre de jours de tournage", 32, "jours"],
    ["Nombre d'épisodes", 10, "nombre"],
  ])("« %s | %s » : un nombre en %s par l'unité de son libellé", (libelle, v, unite) => {
    expect(nature(libelle, v)).toEqual({ nature: "nombre", unite });
  });

  it("une année (1900–2100) sous « Année » ou « Date » : une date ; un autre nombre sous « Année » : des ans", () => {
    expect(nature("Année de production", 2026)).toEqual({ nature: "date", unite: "année" });
    expect(nature("Date de tournage", "2026")).toEqual({ nature: "date", unite: "année" });
    expect(nature("Date de livraison", 46127)).toEqual({ nature: "date", unite: "date" });
    expect(nature("Années d'exploitation", 7)).toEqual({ nature: "nombre", unite: "ans" });
    expect(nature("Année", 2101)).toEqual({ nature: "nombre", unite: "ans" });
  });

  it('son propre format écrit l\'unité (0" semaines") ; un format en euros ne prouve rien', () => {
    expect(nature("Préparation", 6, null, '0" semaines"')).toEqual({ nature: "nombre", unite: "semaines" });
    expect(nature("Préparation", 6, null, '#,##0 "j"')).toEqual({ nature: "nombre", unite: "jours" });
    // The whole column formatted in euros: the year above the header is a year all the same.
    expect(nature("Année de production", 2026, null, "#,##0.00 €")).toEqual({ nature: "date", unite: "année" });
  });

  it.each([
    // No unit proven: an amount, whatever the number looks like.
    ["Tournage", 2026],
    ["Numéro", 32],
    ["Budget prévisionnel", 150000],
    ["sans libellé", 90],
    // A money word beats a unit word in the label.
    ["Coût par jour de tournage", 5000],
    ["Budget semaine 1", 12000],
    ["Tarif journalier (jours ouvrés) en euros", 450],
    ["Durée — budget", 90],
    // The figure's own text says euros: an amount, even beside « min » or under « Année ».
    ["Année", "2 026 €"],
    ["Taux horaire", 45],
  ])("« %s | %s » : un montant (rien ne prouve une unité qui ne soit pas de l'argent)", (libelle, v) => {
    expect(nature(libelle, v)).toBeUndefined();
  });

  it("la cellule à droite prouve l'unité même sous un libellé d'argent ; sa propre devise l'emporte sur tout", () => {
    expect(nature("Durée totale", 95, "min")).toEqual({ nature: "nombre", unite: "min" });
    expect(nature("Durée", "90 €", "min")).toBeUndefined();
    // A text beside it that is no unit (« forfait », « HT ») proves nothing.
    expect(nature("Durée — budget", 90, "forfait")).toBeUndefined();
    expect(nature("Tournage", 90, "HT")).toBeUndefined();
  });

  it("une erreur ou une cellule vide : aucune nature", () => {
    expect(natureNonMonetaire([cellule("Durée"), { v: "#REF!", erreur: true }], 1, "Durée")).toBeUndefined();
    expect(natureNonMonetaire([cellule("Durée"), cellule(null)], 1, "Durée")).toBeUndefined();
  });
});

describe("dateReelle : une vraie date d'Excel, jamais un nombre ni un texte", () => {
  it("la date ISO des adaptateurs, ou un numéro de série au format date", () => {
    expect(dateReelle(cellule("2025-04-15"))).toBe("2025-04-15");
    expect(dateReelle(cellule("2025-04-15T00:00:00.000Z"))).toBe("2025-04-15");
    // 45762: 15/04/2025 as Excel numbers it, shown as a date.
    expect(dateReelle(cellule(45762, "dd/mm/yyyy"))).toBe("2025-04-15");
  });
  it("un nombre sans format de date, un texte « 15/04/2025 », une erreur : aucune", () => {
    expect(dateReelle(cellule(45762))).toBeUndefined();
    expect(dateReelle(cellule(45762, "#,##0.00 €"))).toBeUndefined();
    expect(dateReelle(cellule("15/04/2025"))).toBeUndefined();
    expect(dateReelle({ v: "#REF!", erreur: true })).toBeUndefined();
    expect(dateReelle(undefined)).toBeUndefined();
  });
  it("dite comme l'utilisateur la voit ; un nombre avec son unité", () => {
    expect(valeurEnMots({ valeur: "2025-04-15", unite: "date", nature: "date" })).toBe("15/04/2025");
    expect(valeurEnMots({ valeur: "2026", unite: "année", nature: "date" })).toBe("2026 (année)");
    expect(valeurEnMots({ valeur: "90", unite: "min", nature: "nombre" })).toBe("90 (min)");
  });
});
