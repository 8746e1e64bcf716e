import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** The functions.json the webpack plugin generates, produced the same way (the plugin fails the build on errors). */
interface Parametre {
  name: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fonction {
  id: string;
  name: string;
  description: string;
  parameters: Parametre[];
  result: { type?: string };
}

const FICHIER = path.join(__dirname, "../../src/functions/functions.ts");

describe("métadonnées des fonctions personnalisées (functions.json)", () => {
  let fonctions: Fonction[];
  let erreurs: string[];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata([FICHIER], true);
    erreurs = r.errors;
    fonctions = r.errors.length ? [] : (JSON.parse(r.metadataJson) as { functions: Fonction[] }).functions;
  });

  it("se génèrent sans erreur", () => {
    expect(erreurs).toEqual([]);
  });

  it("ont des identifiants uniques en majuscules (A-Z, 0-9, point)", () => {
    const ids = fonctions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of fonctions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  const attendues: [string, [string, boolean][]][] = [
    ["MONTANT", [["quantite", false], ["nombre", false], ["taux", false]]],
    ["CHARGES", [["brut", false], ["categorie", false], ["annee", true]]],
    ["ECART", [["budget", false], ["reel", false]]],
    ["ECART.PCT", [["budget", false], ["reel", false]]],
    ["COUT.MINUTE", [["total", false], ["duree", false]]],
  ];

  it.each(attendues)("déclare PROD.%s avec ses paramètres et leurs options", (id, params) => {
    const f = fonctions.find((x) => x.id === id);
    expect(f).toBeDefined();
    expect(f?.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
    // Scalars typed "any" so that amounts typed as text ("1 234,56 €") reach our parser.
    expect(f?.parameters.every((p) => p.type === "any" && p.dimensionality === undefined)).toBe(true);
    expect(f?.result.type).toBe("number");
  });
});
