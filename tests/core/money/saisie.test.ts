import { saisieAnnee, saisieDuree, saisieMontant, saisieNombre } from "../../../src/core/money/saisie";
import { saisieTaux } from "../../../src/core/regles/parametres";

const refus = (s: { type: string; message?: string }) => (s.type === "refus" ? s.message : `accepté (${s.type})`);

describe("saisies du volet (même analyseur que les cellules du devis, PROD.* et la ligne de commande)", () => {
  it("montant : « 12.500 » est refusé en nommant les deux lectures, jamais lu 12,50 €", () => {
    expect(refus(saisieMontant("12.500"))).toBe(
      "« 12.500 » : 12,50\u00a0€ ou 12\u202f500\u00a0€ ? Écrivez « 12,5 » ou « 12\u202f500 ».",
    );
    expect(refus(saisieMontant("2,345 €"))).toBe(
      "« 2,345 € » : 2,345\u00a0€ ou 2\u202f345\u00a0€ ? Écrivez « 2,345 » ou « 2\u202f345 ».",
    );
    // What the text proves by itself is read: grouping by spaces, two separators, two decimals.
    expect(saisieMontant("12 500")).toEqual({ type: "ok", valeur: 1250000 });
    expect(saisieMontant("1.500.000")).toEqual({ type: "ok", valeur: 150000000 });
    expect(saisieMontant("1 234,56 €")).toEqual({ type: "ok", valeur: 123456 });
    expect(saisieMontant("12,5")).toEqual({ type: "ok", valeur: 1250 });
    expect(saisieMontant("  ")).toEqual({ type: "vide" });
  });

  it("montant : sous-centime, illisible, absurde, négatif ou nul sont refusés en français", () => {
    expect(refus(saisieMontant("0,1250"))).toMatch(/plus de deux décimales.*« 0,13 »/);
    expect(refus(saisieMontant("trois millions"))).toMatch(/n'est pas un montant en euros/);
    expect(refus(saisieMontant("9999999999999999"))).toMatch(/dépasse la limite de Prodbook/);
    expect(refus(saisieMontant("0", { positif: true }))).toMatch(/supérieur à 0/);
    expect(refus(saisieMontant("-5", { nonNegatif: true }))).toMatch(/positif ou nul/);
    expect(saisieMontant("0", { nonNegatif: true })).toEqual({ type: "ok", valeur: 0 });
  });

  it("durée, jours, année et part : mêmes règles", () => {
    expect(refus(saisieDuree("1.500"))).toBe(
      "« 1.500 » : 1,5 ou 1\u202f500 minutes ? Écrivez « 1,5 » ou « 1\u202f500 ».",
    );
    expect(refus(saisieDuree("0"))).toMatch(/supérieur à 0/);
    expect(refus(saisieDuree("cinquante"))).toMatch(/n'est pas un nombre de minutes/);
    expect(saisieDuree("52,5")).toMatchObject({ type: "ok" });
    // A duration with its units, in the pane's field as with --duree: refused, its minutes named, never taken unsaid.
    expect(refus(saisieDuree("1h30"))).toBe("« 1h30 » n'est pas un nombre de minutes : écrivez « 90 ».");
    expect(refus(saisieDuree("52 min"))).toBe("« 52 min » n'est pas un nombre de minutes : écrivez « 52 ».");
    expect(refus(saisieDuree("2000h"))).toBe("« 2000h » n'est pas un nombre de minutes.");
    expect(refus(saisieNombre("2,5", { unite: "jours", min: 0, entier: true }))).toMatch(/nombre entier de jours/);
    // The bounds of src/app (the CLI's options alike): the pane's field refuses past them, under the field.
    expect(refus(saisieDuree("100001"))).toBe("Un nombre de minutes d'au plus 100\u202f000 est attendu (« 100001 »).");
    expect(saisieDuree("100000")).toMatchObject({ type: "ok" });
    expect(refus(saisieNombre("99999999999", { unite: "jours", min: 0, max: 2600, entier: true }))).toBe(
      "Un nombre de jours d'au plus 2\u202f600 est attendu (« 99999999999 »).",
    );
    expect(refus(saisieAnnee("26"))).toMatch(/quatre chiffres/);
    expect(refus(saisieAnnee(""))).toMatch(/année des dépenses est attendue/);
    expect(refus(saisieTaux("12,500 %"))).toMatch(/12,5 % ou 12500 %/);
    expect(refus(saisieTaux("beaucoup"))).toMatch(/n'est pas une part du coût/);
    expect(saisieTaux("35 %")).toMatchObject({ type: "ok" });
  });
});
