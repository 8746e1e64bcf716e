import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Fonction {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; type: string; optional?: boolean; dimensionality?: string; description?: string }[];
  result: { type?: string; dimensionality?: string };
}

describe("métadonnées des fonctions du financement", () => {
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

  it("PROD.INTENSITE.AIDES prend deux plages (matrices) et un coût scalaire", () => {
    const f = fonctions.find((x) => x.id === "INTENSITE.AIDES");
    expect(f?.name).toBe("INTENSITE.AIDES");
    expect(f?.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional === true])).toEqual([
      ["montants", "matrix", false],
      ["categories", "matrix", false],
      ["cout_total", "scalar", false],
    ]);
    expect(f?.result.type).toBe("number");
    expect(f?.description).toMatch(/aides publiques/);
  });

  it("PROD.RESTE.A.FINANCER prend une plage et un coût", () => {
    const f = fonctions.find((x) => x.id === "RESTE.A.FINANCER");
    expect(f?.parameters.map((p) => [p.name, p.dimensionality ?? "scalar"])).toEqual([
      ["montants", "matrix"],
      ["cout_total", "scalar"],
    ]);
    expect(f?.parameters.every((p) => (p.description ?? "").length > 5)).toBe(true);
    expect(f?.result.type).toBe("number");
  });
});
