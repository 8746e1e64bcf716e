import Decimal from "decimal.js";
import {
  analyserPourcent,
  analyserPourcentDansTexte,
  lecturesPourcentDansTexte,
  pourcentDansTexte,
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

describe("pourcentage écrit dans un libellé : le même lecteur que les cellules", () => {
  const lu = (t: string, c?: "fr" | "en") => {
    const a = analyserPourcentDansTexte(t, c);
    return a?.type === "pourcent"
      ? `${a.valeur.toFixed()} ${a.texte}`
      : a?.type === "ambigu"
        ? `${a.decimale.toFixed()}|${a.milliers.toFixed()} ${a.texte}`
        : a && `${a.type} ${a.texte}`;
  };

  it("lit « 7 % », « (7,5%) », « 1 500 % » groupé, « 0,5 % », « −5 % » comme une cellule", () => {
    expect(lu("Imprévus 7 %")).toBe("0.07 7 %");
    expect(lu("Frais généraux (7,5%)")).toBe("0.075 7,5%");
    for (const esp of [" ", "\u00a0", "\u202f"]) expect(lu(`Imprévus 1${esp}500 %`)).toBe(`15 1${esp}500 %`);
    expect(lu("Imprévus 0,5 %")).toBe("0.005 0,5 %");
    expect(lu("Imprévus 0.500 %")).toBe("0.005 0.500 %");
    expect(lu("Imprévus \u22125 %")).toBe("-0.05 \u22125 %");
    expect(lu("Imprévus (-5 %)")).toBe("-0.05 -5 %");
    // A dash, not a minus: spaced, or between two figures.
    expect(lu("Imprévus - 5 %")).toBe("0.05 5 %");
    // A range is no rate: never its upper figure; a dash after a larger number is no range.
    expect(lu("Imprévus 5-10 %")).toBe("illisible 5-10 %");
    expect(lu("Imprévus 5 à 10 %")).toBe("illisible 5 à 10 %");
    expect(lu("Imprévus (5\u2013 10 %)")).toBe("illisible 5\u2013 10 %");
    expect(lu("Budget 2025 - 5 %")).toBe("0.05 5 %");
    // A year before the figure never joins it; « 1 2 % » may be a mistyped group: unreadable.
    expect(lu("Imprévus 2025 10 %")).toBe("0.1 10 %");
    expect(lu("Lot 1 2 %")).toBe("illisible 1 2 %");
    expect(lu("Imprévus 1.2.3 %")).toBe("illisible 1.2.3 %");
    expect(lu("Imprévus")).toBeUndefined();
    // Same figures as the cell path.
    for (const t of ["7 %", "1 500 %", "0,5 %", "\u22125 %"])
      expect(s(pourcentDansTexte(`Imprévus ${t}`))).toBe(s(pourcentCellule({ v: t })));
  });

  it("« 1.500 % » et « 1,500 % » : ambigus sans convention (jamais 1,5 % deviné), lus selon la convention prouvée", () => {
    expect(lu("Imprévus 1.500 %")).toBe("0.015|15 1.500 %");
    expect(lu("Frais généraux 1,500 %")).toBe("0.015|15 1,500 %");
    expect(lu("Imprévus -1.500 %")).toBe("-0.015|-15 -1.500 %");
    expect(pourcentDansTexte("Imprévus 1.500 %")).toBeUndefined();
    expect(lu("Imprévus 1.500 %", "en")).toBe("0.015 1.500 %");
    expect(lu("Imprévus 1.500 %", "fr")).toBe("15 1.500 %");
    expect(lu("Imprévus 1,500 %", "fr")).toBe("0.015 1,500 %");
    expect(lecturesPourcentDansTexte("Charges (62.500 %)").map((d) => d.toFixed())).toEqual(["0.625", "625"]);
    expect(lecturesPourcentDansTexte("Charges (62 %)").map((d) => d.toFixed())).toEqual(["0.62"]);
    expect(lecturesPourcentDansTexte("Charges")).toEqual([]);
  });
});
