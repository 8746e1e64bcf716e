import { erreurDe } from "./customFunctionsStub";
import { charges, coutMinute, ecart, ecartPct, montant } from "../../src/functions/functions";
import type { Valeur } from "../../src/functions/arguments";

/** Calls a wrapper the way Excel may: with an empty cell (null) or a boolean, which the TS signature omits. */
const commeExcel = (f: (...a: never[]) => number, ...args: Valeur[]): number =>
  (f as unknown as (...a: Valeur[]) => number)(...args);

describe("PROD.MONTANT", () => {
  it("multiplie quantité × nombre × taux au centime exact, sans bruit de virgule flottante", () => {
    expect(montant(3, 1.5, 0.1)).toBe(0.45);
    expect(3 * 1 * 1.1).not.toBe(3.3);
    expect(montant(3, 1, 1.1)).toBe(3.3);
    expect(montant(22, 2, 240.87)).toBe(10598.28);
  });

  it("arrondit au centime supérieur à partir du demi-centime", () => {
    expect(montant(1, 1, 0.005)).toBe(0.01);
    expect(montant(3, 1, 0.335)).toBe(1.01); // 1,005 → 1,01
    expect(Math.round(1.005 * 100) / 100).toBe(1); // what a float rounding would give
    expect(montant(1, 1, 1.005)).toBe(1.01);
    expect(montant(1, 1, -0.005)).toBe(-0.01);
  });

  it("accepte les montants saisis en texte à la française", () => {
    expect(montant("5", "2", "1 234,56 €")).toBe(12345.6);
    expect(montant(22, 1, "240,87")).toBe(5299.14);
  });

  it("refuse un argument non numérique avec #VALUE! et un message en français qui nomme l'argument", () => {
    const e = erreurDe(() => montant(3, "deux", 10));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("L'argument « nombre » (« deux ») n'est pas un nombre.");
    expect(erreurDe(() => commeExcel(montant, null, 1, 10)).message).toBe(
      "L'argument « quantite » est vide : un nombre est attendu.",
    );
    expect(erreurDe(() => commeExcel(montant, 1, true, 10)).message).toBe(
      "L'argument « nombre » vaut VRAI : un nombre est attendu.",
    );
  });
});

describe("PROD.CHARGES", () => {
  it("applique le taux daté de la catégorie (technicien intermittent 60 % en 2025)", () => {
    expect(charges(1000, "technicien-intermittent", 2025)).toBe(600);
    expect(charges(1234.56, "Technicien", 2025)).toBe(740.74); // 740,736 → 740,74
    expect(charges(5000, "auteur", 2025)).toBe(55);
  });

  it("retient l'année en cours quand l'année est omise (Excel passe null)", () => {
    expect(charges(1000, "cadre", null)).toBe(charges(1000, "cadre", new Date().getFullYear()));
  });

  it("accepte un taux à la place de la catégorie (surcharge depuis la feuille Paramètres)", () => {
    expect(charges(1000, "62 %", null)).toBe(620);
    expect(charges(1000, 0.62, null)).toBe(620);
    expect(charges(333.33, "0,155", null)).toBe(51.67); // 51,66615
  });

  it("refuse une catégorie inconnue avec la liste des catégories connues", () => {
    const e = erreurDe(() => charges(1000, "stagiaire", 2025));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("Catégorie de charges « stagiaire » inconnue");
    expect(e.message).toContain("technicien-intermittent");
  });

  it("refuse un taux au-delà de 100 %", () => {
    expect(erreurDe(() => charges(1000, "150 %", null)).message).toBe(
      "L'argument « categorie » (« 150 % ») n'est pas un taux entre 0 et 100 %.",
    );
  });

  it("refuse un taux ambigu en nommant ses deux lectures", () => {
    expect(erreurDe(() => charges(1000, "62.500 %", null)).message).toBe(
      "L'argument « categorie » (« 62.500 % ») peut se lire 62,5 ou 62\u202f500 : écrivez-le sans ambiguïté (« 62,5 % »).",
    );
  });

  it("renvoie #N/A pour une année antérieure à la table", () => {
    const e = erreurDe(() => charges(1000, "artiste", 2019));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("Aucun taux de charges sociales connu au 1er\u00a0juillet\u00a02019");
  });

  it("refuse une année qui n'est pas un entier plausible", () => {
    expect(erreurDe(() => charges(1000, "artiste", 2025.5)).message).toBe(
      "L'argument « annee » doit être un entier entre 1990 et 2100 (reçu 2025,5).",
    );
  });
});

describe("PROD.ECART et PROD.ECART.PCT", () => {
  it("écart = réel − budget, au centime exact", () => {
    expect(ecart(0.1, 0.3)).toBe(0.2);
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(ecart(152340, 150000)).toBe(-2340);
  });

  it("écart relatif en fraction du budget", () => {
    expect(ecartPct(41200, 42090)).toBeCloseTo(0.0216019417, 10);
    expect(ecartPct(200, 250)).toBe(0.25);
  });

  it("#DIV/0! quand le budget est nul, #VALUE! quand un montant n'en est pas un", () => {
    expect(erreurDe(() => ecartPct(0, 10)).code).toBe("#DIV/0!");
    const e = erreurDe(() => ecart("beaucoup", 10));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("L'argument « budget » (« beaucoup ») n'est pas un montant.");
    // A figure in another currency: named, never read as euros (issue 10).
    const d = erreurDe(() => ecart("1 500 £", 10));
    expect([d.code, d.message]).toEqual([
      "#VALUE!",
      "L'argument « budget » (« 1 500 £ ») : montant en livres sterling : Prodbook ne convertit pas, convertissez en euros.",
    ]);
  });
});

describe("PROD.COUT.MINUTE", () => {
  it("divise le total par la durée et arrondit au centime", () => {
    expect(coutMinute(152340, 52)).toBe(2929.62); // 2929,615… → 2929,62
    expect(coutMinute(100, 3)).toBe(33.33);
    expect(coutMinute(200, 3)).toBe(66.67);
  });

  it("refuse une durée nulle ou négative", () => {
    expect(erreurDe(() => coutMinute(1000, 0)).message).toBe("L'argument « duree » ne doit pas être nul.");
    expect(erreurDe(() => coutMinute(1000, -52)).message).toBe("L'argument « duree » doit être positif (reçu -52).");
  });
});
