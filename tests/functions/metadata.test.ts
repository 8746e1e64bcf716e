import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/**
 * The functions.json the webpack plugin generates, produced the same way (the plugin fails the build on
 * errors), once for every domain's functions.
 */
interface Parametre {
  name: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
  description?: string;
}
interface Fonction {
  id: string;
  name: string;
  description: string;
  parameters: Parametre[];
  result: { type?: string };
}

const FICHIER = path.join(__dirname, "../../src/functions/functions.ts");

let fonctions: Fonction[] = [];
let erreurs: string[] = [];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([FICHIER], true);
  erreurs = r.errors;
  fonctions = r.errors.length ? [] : (JSON.parse(r.metadataJson) as { functions: Fonction[] }).functions;
});

const fonction = (id: string) => {
  const f = fonctions.find((x) => x.id === id);
  if (!f) throw new Error(`PROD.${id} absente de functions.json`);
  return f;
};

describe("métadonnées des fonctions personnalisées (functions.json)", () => {
  it("se génèrent sans erreur", () => {
    expect(erreurs).toEqual([]);
  });

  it("ont des identifiants uniques en majuscules (A-Z, 0-9, point) et une description", () => {
    const ids = fonctions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of fonctions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.parameters.every((p) => (p.description ?? "").length > 5)).toBe(true);
    }
  });

  // Scalars are typed "any" so that amounts typed as text ("1 234,56 €") and dates reach our parsers.
  const scalaires: [string, [string, boolean][], RegExp][] = [
    [
      "MONTANT",
      [
        ["quantite", false],
        ["nombre", false],
        ["taux", false],
      ],
      /./,
    ],
    [
      "CHARGES",
      [
        ["brut", false],
        ["categorie", false],
        ["annee", true],
      ],
      /./,
    ],
    [
      "ECART",
      [
        ["budget", false],
        ["reel", false],
      ],
      /./,
    ],
    [
      "ECART.PCT",
      [
        ["budget", false],
        ["reel", false],
      ],
      /./,
    ],
    [
      "COUT.MINUTE",
      [
        ["total", false],
        ["duree", false],
      ],
      /./,
    ],
    [
      "CREDIT.IMPOT",
      [
        ["regime", false],
        ["genre", false],
        ["base", false],
        ["duree", true],
        ["cout_total", true],
        ["annee", true],
        ["langue", true],
        ["subventions", true],
      ],
      /crédit d'impôt/i,
    ],
    [
      "PLAFOND.MINUTE",
      [
        ["genre", false],
        ["cout_par_minute", false],
        ["annee", true],
      ],
      /crédit d'impôt/i,
    ],
    [
      "JOURS.OUVRES",
      [
        ["debut", false],
        ["fin", false],
        ["zone", true],
      ],
      /jours? ouvrés/,
    ],
    [
      "DATE.RETRO",
      [
        ["date_fin", false],
        ["jours_ouvres", false],
        ["zone", true],
      ],
      /jours? ouvrés/,
    ],
  ];

  it.each(scalaires)("déclare PROD.%s avec ses paramètres scalaires et leurs options", (id, params, description) => {
    const f = fonction(id);
    expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
    expect(f.parameters.every((p) => p.type === "any" && p.dimensionality === undefined)).toBe(true);
    expect(f.result.type).toBe("number");
    expect(f.description).toMatch(description);
  });

  it("PROD.INTENSITE.AIDES prend deux plages (matrices) et un coût scalaire", () => {
    const f = fonction("INTENSITE.AIDES");
    expect(f.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional === true])).toEqual([
      ["montants", "matrix", false],
      ["categories", "matrix", false],
      ["cout_total", "scalar", false],
    ]);
    expect(f.result.type).toBe("number");
    expect(f.description).toMatch(/aides publiques/);
  });

  it("PROD.RESTE.A.FINANCER prend une plage et un coût", () => {
    const f = fonction("RESTE.A.FINANCER");
    expect(f.parameters.map((p) => [p.name, p.dimensionality ?? "scalar"])).toEqual([
      ["montants", "matrix"],
      ["cout_total", "scalar"],
    ]);
    expect(f.result.type).toBe("number");
  });

  it("ne déclare que les fonctions ci-dessus (une fonction ajoutée doit être testée ici)", () => {
    expect(fonctions.map((f) => f.id).sort()).toEqual(
      [...scalaires.map((s) => s[0]), "INTENSITE.AIDES", "RESTE.A.FINANCER"].sort(),
    );
  });
});
