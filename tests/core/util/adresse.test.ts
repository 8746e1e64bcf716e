import {
  adresse,
  celluleRef,
  colonneLettre,
  lettreColonne,
  parseCelluleRef,
  nomFeuilleRef,
} from "../../../src/core/util/adresse";
import { normaliser, ressembleAFormule } from "../../../src/core/util/texte";

describe("adresses A1", () => {
  it("convertit les index de colonne en lettres et inversement, au-delà de Z et de ZZ", () => {
    for (const [i, l] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ] as const) {
      expect(colonneLettre(i)).toBe(l);
      expect(lettreColonne(l)).toBe(i);
    }
  });

  it("cite les noms de feuille avec espaces, accents ou apostrophes", () => {
    expect(nomFeuilleRef("Devis")).toBe("Devis");
    expect(nomFeuilleRef("Plan de travail")).toBe("'Plan de travail'");
    expect(nomFeuilleRef("Écarts")).toBe("'Écarts'");
    expect(nomFeuilleRef("L'équipe")).toBe("'L''équipe'");
    expect(celluleRef("Devis producteur", 11, 5)).toBe("'Devis producteur'!F12");
  });

  it("relit une référence de cellule écrite", () => {
    expect(parseCelluleRef("'L''équipe'!$B$12")).toEqual({ feuille: "L'équipe", row: 11, col: 1 });
    expect(parseCelluleRef("C3")).toEqual({ row: 2, col: 2 });
    expect(adresse(0, 0)).toBe("A1");
    expect(() => parseCelluleRef("Feuille!12B")).toThrow("Adresse invalide");
  });
});

describe("texte", () => {
  it("normalise accents, casse, espaces insécables", () => {
    expect(normaliser("  Désignation\u00a0DU  Poste ")).toBe("designation du poste");
    expect(normaliser("Coût définitif’s")).toBe("cout definitif's");
  });

  it("repère les libellés qu'Excel prendrait pour une formule", () => {
    for (const s of ["=SOMME(A1)", "+33 6 12", "-remise", "@import"]) expect(ressembleAFormule(s)).toBe(true);
    for (const s of ["Montage", " =x", "1 234,56"]) expect(ressembleAFormule(s)).toBe(false);
  });
});
