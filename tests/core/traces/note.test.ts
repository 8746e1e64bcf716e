import { LONGUEUR_NOTE_MAX, noteDeTrace, plagesDeCellules } from "../../../src/core/traces/note";
import { feuille, noeud } from "../../../src/core/traces/trace";

describe("notes « D'où vient ce chiffre ? » (text of an Excel note)", () => {
  it("cells read: consecutive rows of one column make a range, the sheet is named once, other references kept", () => {
    expect(
      plagesDeCellules([
        "'Budget Gardiens'!G9",
        "'Budget Gardiens'!G10",
        "'Budget Gardiens'!G11",
        "'Budget Gardiens'!G15",
        "Devis!H4",
        "'Budget Gardiens'!F9",
        "FEC ligne 12",
        "'Budget Gardiens'!G10",
      ]),
    ).toBe("'Budget Gardiens'!G9:G11, G15, F9 ; Devis!H4 ; FEC ligne 12");
    expect(plagesDeCellules(["A1", "A2", "C3"])).toBe("A1:A2, C3");
    expect(plagesDeCellules(["A1", "A3", "A5", "A7"], 2)).toBe("A1, A3 … et 2 autres plages");
    expect(plagesDeCellules(["A1", "A3"], 1)).toBe("A1 … et 1 autre plage");
    expect(plagesDeCellules([])).toBe("");
  });

  it("a figure with few inputs lists them with value, formula and cell; many inputs are summed up by their cells", () => {
    const a = feuille("« Hôtel »", "100.00", "euros", { cellule: "Budget!G3" });
    const b = feuille("« Repas »", "50.50", "euros", { cellule: "Budget!G4", formule: "montant lu" });
    expect(noteDeTrace(noeud("Chapitre 6", "150.50", "euros", "somme", [a, b], { formule: "Σ 2 lignes" }))).toBe(
      "Chapitre 6 : 150,50\u00a0€\n= Σ 2 lignes\n← « Hôtel » : 100,00\u00a0€ [Budget!G3]\n" +
        "← « Repas » : 50,50\u00a0€ (montant lu) [Budget!G4]\nCellules lues : Budget!G3:G4\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    const lignes = Array.from({ length: 30 }, (_, i) =>
      feuille(`L${i}`, "1.00", "euros", { cellule: `Budget!G${10 + i}` }),
    );
    const n = noteDeTrace(noeud("Chapitre 2", "30.00", "euros", "somme", lignes), "Σ lignes 8 à 37 du chapitre 2");
    expect(n).toBe(
      "Chapitre 2 : 30,00\u00a0€\n= Σ lignes 8 à 37 du chapitre 2\nCellules lues : Budget!G10:G39\n(Prodbook, « D'où vient ce chiffre ? »)",
    );
  });

  it("names the rule tables used, and stays short", () => {
    const taux = feuille("Taux", "0.25", "taux", {
      regle: {
        table: "credit-impot-audiovisuel",
        effetDu: "2021-01-01",
        confiance: "M",
        cle: "taux",
        source: "https://bofip.impots.gouv.fr/x",
      },
    });
    const n = noteDeTrace(noeud("Crédit", "25.00", "euros", "produit", [feuille("Base", "100.00", "euros"), taux]));
    expect(n).toContain(
      "Règle : taux, en vigueur au 1er\u00a0janvier\u00a02021, confiance M, à vérifier — https://bofip.impots.gouv.fr/x",
    );
    const long = noteDeTrace(feuille("x".repeat(2000), "1", "nombre"));
    expect(long.length).toBe(LONGUEUR_NOTE_MAX);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("notes « D'où vient ce chiffre ? » : a negative figure", () => {
  it("is written with the minus sign « − » (U+2212) as the pane writes its écarts, never the hyphen-minus", () => {
    const budget = feuille("Budget 8", "9700.00", "euros", { cellule: "Devis!H40" });
    const realise = feuille("Réalisé 8", "8500.00", "euros", { cellule: "FEC ligne 17" });
    const ecart = noeud("Écart 8 Post-production", "-1200.00", "euros", "difference", [realise, budget], {
      formule: "réalisé − budget",
    });
    const note = noteDeTrace(ecart);
    expect(note.split("\n")[0]).toBe("Écart 8 Post-production : \u22121\u202f200,00\u00a0€");
    expect(note).not.toMatch(/-\d/);
    // The trace itself keeps its machine value (the `--json` contract).
    expect(ecart.valeur).toBe("-1200.00");
  });
});
