import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Fonction {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; type: string; optional?: boolean; dimensionality?: string; description?: string }[];
  result: { type?: string };
}

describe("métadonnées des fonctions de planning", () => {
  let fonctions: Fonction[] = [];
  let erreurs: string[] = [];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata([path.join(__dirname, "../../src/functions/functions.ts")], true);
    erreurs = r.errors;
    if (!r.errors.length) fonctions = (JSON.parse(r.metadataJson) as { functions: Fonction[] }).functions;
  });

  it("se génèrent sans erreur", () => {
    expect(erreurs).toEqual([]);
  });

  it.each([
    ["JOURS.OUVRES", [["debut", false], ["fin", false], ["zone", true]]],
    ["DATE.RETRO", [["date_fin", false], ["jours_ouvres", false], ["zone", true]]],
  ] as [string, [string, boolean][]][])("déclare PROD.%s avec ses paramètres, zone optionnelle", (id, params) => {
    const f = fonctions.find((x) => x.id === id);
    expect(f).toBeDefined();
    expect(f?.name).toBe(id);
    expect(f?.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
    expect(f?.parameters.every((p) => p.type === "any" && p.dimensionality === undefined && (p.description ?? "").length > 5)).toBe(true);
    expect(f?.result.type).toBe("number");
    expect(f?.description).toMatch(/jours? ouvrés/);
  });
});
