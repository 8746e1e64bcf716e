import * as fc from "fast-check";
import Decimal from "decimal.js";
import { chaineDecimale, chaineFacteur, decimalCellule, facteurCellule } from "../../../src/core/devis/lecture";

test("facteurCellule garde le nombre d'une cellule ; chaineFacteur l'écrit comme decimal.js (toFixed)", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 1000),
        fc.constantFrom(0, -0, 1e21, 1e-7, -1.5e-9, 123456789012345680000, 0.1 + 0.2),
      ),
      (x) => {
        const f = facteurCellule({ v: x });
        expect(f).toBe(x);
        expect(chaineFacteur(f as number)).toBe(chaineDecimale(decimalCellule({ v: x }) as Decimal));
      },
    ),
    { numRuns: 20000 },
  );
  // Texts, errors and non-finite numbers: what decimalCellule reads.
  expect(facteurCellule({ v: "1 234,5" }, "fr")).toEqual(new Decimal("1234.5"));
  expect(facteurCellule({ v: "#N/A", erreur: true })).toBeUndefined();
  expect(facteurCellule({ v: Infinity })).toBeUndefined();
  expect(facteurCellule({ v: null })).toBeUndefined();
});
