import Decimal from "decimal.js";
import {
  analyserPourcent,
  fractionCellule,
  partFranceCellule,
  pourcentCellule,
  pourcentNonLu,
  territoireIllisible,
} from "../../../src/core/devis/lecture";
import { chargesEnColonne } from "../../../src/core/devis/chargesEnColonne";
import { lireTaux, tauxCharges } from "../../../src/core/charges/tauxCharges";
import { ParametreInvalideError } from "../../../src/core/regles/parametres";
import type { Surcharges } from "../../../src/core/regles/table";

const s = (d: Decimal | undefined) => d?.toFixed();

describe("pourcentages écrits en texte : le lecteur de nombres partagé", () => {
  it("lit « 15 % », « −20 % » (U+2212), « 1 500 % » groupé d'une espace, insécable ou fine insécable", () => {
    expect(s(pourcentCellule({ v: "15 %" }))).toBe("0.15");
    expect(s(pourcentCellule({ v: "15%" }))).toBe("0.15");
    expect(s(pourcentCellule({ v: "12,5 %" }))).toBe("0.125");
    expect(s(pourcentCellule({ v: "\u221220 %" }))).toBe("-0.2");
    expect(s(pourcentCellule({ v: "-20 %" }))).toBe("-0.2");
    for (const esp of [" ", "\u00a0", "\u202f"]) expect(s(pourcentCellule({ v: `1${esp}500 %` }))).toBe("15");
    expect(s(pourcentCellule({ v: 0.15, fmt: "0%" }))).toBe("0.15");
    // Not percentages: a plain number, a word, a percentage inside a label.
    expect(analyserPourcent({ v: 0.15 })).toBeUndefined();
    expect(analyserPourcent({ v: "Imprévus 7 %" })).toBeUndefined();
    expect(analyserPourcent({ v: "#DIV/0!", erreur: true })).toBeUndefined();
  });

  it("« 1.500 % » : ambigu sans convention (jamais 1,5 % deviné), lu selon la convention prouvée", () => {
    expect(pourcentCellule({ v: "1.500 %" })).toBeUndefined();
    expect(pourcentNonLu({ v: "1.500 %" })).toEqual({
      texte: "1.500 %",
      pourcent: true,
      lectures: { decimale: new Decimal("0.015"), milliers: new Decimal("15") },
    });
    expect(s(pourcentCellule({ v: "1.500 %" }, "en"))).toBe("0.015");
    expect(s(pourcentCellule({ v: "1.500 %" }, "fr"))).toBe("15");
    expect(s(pourcentCellule({ v: "12,500 %" }, "fr"))).toBe("0.125");
    expect(pourcentNonLu({ v: "1.500 %" }, "fr")).toBeUndefined();
    // A figure that reads as no number: not read, named as such (no readings).
    expect(pourcentNonLu({ v: "1 2 %" })).toEqual({ texte: "1 2 %", pourcent: true });
    expect(pourcentNonLu({ v: "15 %" })).toBeUndefined();
  });

  it("les appelants ne devinent pas : fraction, part France, charges en colonne", () => {
    expect(fractionCellule({ v: "62.500 %" })).toBeUndefined();
    expect(s(fractionCellule({ v: "62.500 %" }, "en"))).toBe("0.625");
    expect(partFranceCellule({ v: "80.500 %" })).toBeUndefined();
    expect(territoireIllisible({ v: "80.500 %" })).toEqual({
      texte: "80.500 %",
      pourcent: true,
      lectures: { decimale: new Decimal("0.805"), milliers: new Decimal("805") },
    });
    expect(s(partFranceCellule({ v: "80.500 %" }, undefined, "en"))).toBe("0.805");
    expect(chargesEnColonne({ v: "55.500 %" })).toEqual({});
    expect(s(chargesEnColonne({ v: "55.500 %" }, "en").taux)).toBe("0.555");
  });

  it("taux de charges des Paramètres : « 62.500 % » nommé avec ses deux lectures, « 62 % » lu", () => {
    expect(lireTaux("62.500 %")).toBeUndefined();
    expect(s(lireTaux("62 %"))).toBe("0.62");
    expect(s(lireTaux("\u22123 %"))).toBeUndefined();
    const surcharges = (valeur: string): Surcharges =>
      new Map([["charges-sociales.cadre", { valeur, cellule: "Paramètres!B2" }]]);
    expect(s(tauxCharges("cadre", "2025-03-01", surcharges("62 %")).taux)).toBe("0.62");
    expect(() => tauxCharges("cadre", "2025-03-01", surcharges("62.500 %"))).toThrow(ParametreInvalideError);
    expect(() => tauxCharges("cadre", "2025-03-01", surcharges("62.500 %"))).toThrow(
      /« 62\.500 % » peut se lire 62,5\s%\sou 62\s500\s% ; ce taux de charges n'est pas lu/,
    );
  });
});
