import Decimal from "decimal.js";
import {
  AucunTauxError,
  CategorieInconnueError,
  TABLE_CHARGES,
  lireTaux,
  montantCharges,
  tauxCharges,
} from "../../src/core/charges";
import { cents } from "../../src/core/money";
import type { Surcharges } from "../../src/core/regles/table";

describe("table des charges sociales", () => {
  it("est datée, sourcée et marquée « à vérifier » (pratique budgétaire, confiance L)", () => {
    expect(TABLE_CHARGES.id).toBe("charges-sociales");
    const v = TABLE_CHARGES.versions[0];
    expect(v.confiance).toBe("L");
    expect(v.sources.length).toBeGreaterThan(0);
    expect(Object.keys(v.valeurs.categories).sort()).toEqual(
      ["artiste-intermittent", "auteur", "cadre", "permanent", "technicien-intermittent"].sort(),
    );
  });

  it("donne aux intermittents un taux global au moins égal à ses composantes sourcées", () => {
    const v = TABLE_CHARGES.versions[0].valeurs;
    for (const slug of ["technicien-intermittent", "artiste-intermittent"]) {
      const cat = v.categories[slug];
      const somme = (cat.inclut ?? []).reduce((s, id) => s.plus(v.composantes[id].taux), new Decimal(0));
      expect(somme.toNumber()).toBeGreaterThan(0.26); // 9,05 % + 15,50 % + 2,10 %
      expect(new Decimal(cat.taux).greaterThanOrEqualTo(somme)).toBe(true);
    }
  });
});

describe("tauxCharges", () => {
  it("reconnaît la catégorie sous ses différentes écritures", () => {
    for (const s of [
      "technicien-intermittent",
      "Technicien",
      "TECHNICIENS",
      "salaire-technicien",
      "Technicien intermittent (CDDU)",
    ]) {
      expect(tauxCharges(s, "2025-03-01").categorie).toBe("technicien-intermittent");
    }
    expect(tauxCharges("Comédien", "2025-03-01").categorie).toBe("artiste-intermittent");
    expect(tauxCharges("non cadre", "2025-03-01").categorie).toBe("permanent");
  });

  it("indique la version utilisée", () => {
    const t = tauxCharges("auteur", "2025-03-01");
    expect(t.taux.toString()).toBe("0.011");
    expect(t.origine).toEqual({ type: "table", effetDu: "2023-04-01", confiance: "L" });
  });

  it("laisse la feuille Paramètres surcharger le taux, en citant la cellule", () => {
    const s: Surcharges = new Map([
      ["charges-sociales.technicien-intermittent", { valeur: "62 %", cellule: "Paramètres!B4" }],
    ]);
    const t = tauxCharges("technicien", "2025-03-01", s);
    expect(t.taux.toString()).toBe("0.62");
    expect(t.origine).toEqual({ type: "parametres", cellule: "Paramètres!B4" });
    const mauvais: Surcharges = new Map([
      ["charges-sociales.auteur", { valeur: "beaucoup", cellule: "Paramètres!B7" }],
    ]);
    expect(() => tauxCharges("auteur", "2025-03-01", mauvais)).toThrow(
      "Paramètres!B7 : « beaucoup » n'est pas un taux de charges (ex. « 0,62 » ou « 62 % »)",
    );
  });

  it("refuse une catégorie inconnue et une date avant la table", () => {
    expect(() => tauxCharges("stagiaire", "2025-03-01")).toThrow(CategorieInconnueError);
    expect(() => tauxCharges("auteur", "2023-03-31")).toThrow(AucunTauxError);
    expect(tauxCharges("auteur", "2023-04-01").categorie).toBe("auteur");
  });
});

describe("lireTaux et montantCharges", () => {
  it("lit les taux comme les producteurs les écrivent", () => {
    expect(lireTaux("62 %")?.toString()).toBe("0.62");
    expect(lireTaux("0,62")?.toString()).toBe("0.62");
    expect(lireTaux(62)?.toString()).toBe("0.62");
    expect(lireTaux("15,5%")?.toString()).toBe("0.155");
    expect(lireTaux("-3 %")).toBeUndefined();
    expect(lireTaux("120 %")).toBeUndefined();
    expect(lireTaux("abc")).toBeUndefined();
  });

  it("arrondit les charges au centime, demi supérieur", () => {
    expect(montantCharges(cents(123456), "0.6")).toBe(74074); // 740,736 → 740,74
    expect(montantCharges(cents(1), "0.5")).toBe(1); // 0,005 → 0,01
  });
});
