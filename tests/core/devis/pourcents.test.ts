import Decimal from "decimal.js";
import {
  analyserPourcent,
  analyserPourcentDansTexte,
  lecturesPourcentDansTexte,
  FENETRE_POURCENT,
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
    // The same year before a plus: « Budget 2025 + 10 % » reads 10 %, not the sum « 2 025 % + 10 % ».
    expect(lu("Budget 2025 + 10 %")).toBe("0.1 10 %");
    // A year before the figure never joins it; « 1 2 % » may be a mistyped group: unreadable.
    expect(lu("Imprévus 2025 10 %")).toBe("0.1 10 %");
    expect(lu("Lot 1 2 %")).toBe("illisible 1 2 %");
    expect(lu("Imprévus 1.2.3 %")).toBe("illisible 1.2.3 %");
    expect(lu("Imprévus")).toBeUndefined();
    // Same figures as the cell path.
    for (const t of ["7 %", "1 500 %", "0,5 %", "\u22125 %"])
      expect(s(lecturesPourcentDansTexte(`Imprévus ${t}`)[0])).toBe(s(pourcentCellule({ v: t })));
  });

  it("« 1.500 % » et « 1,500 % » : ambigus sans convention (jamais 1,5 % deviné), lus selon la convention prouvée", () => {
    expect(lu("Imprévus 1.500 %")).toBe("0.015|15 1.500 %");
    expect(lu("Frais généraux 1,500 %")).toBe("0.015|15 1,500 %");
    expect(lu("Imprévus -1.500 %")).toBe("-0.015|-15 -1.500 %");
    expect(analyserPourcentDansTexte("Imprévus 1.500 %")?.type).toBe("ambigu");
    expect(lu("Imprévus 1.500 %", "en")).toBe("0.015 1.500 %");
    expect(lu("Imprévus 1.500 %", "fr")).toBe("15 1.500 %");
    expect(lu("Imprévus 1,500 %", "fr")).toBe("0.015 1,500 %");
    expect(lecturesPourcentDansTexte("Charges (62.500 %)").map((d) => d.toFixed())).toEqual(["0.625", "625"]);
    expect(lecturesPourcentDansTexte("Charges (62 %)").map((d) => d.toFixed())).toEqual(["0.62"]);
    expect(lecturesPourcentDansTexte("Charges")).toEqual([]);
  });

  it("une fourchette n'est jamais un taux : signe collé après un chiffre, « à », « ou », ordre décroissant", () => {
    const fourchette = (t: string) => {
      const a = analyserPourcentDansTexte(t);
      return a?.type === "illisible" && a.fourchette ? a.texte : `pas une fourchette : ${a?.type} ${a?.texte}`;
    };
    // « 5 -10 % » is no −10 %: a figure right before the sign makes it a dash.
    expect(fourchette("Imprévus 5 -10 %")).toBe("5 -10 %");
    expect(fourchette("Imprévus (5 -10 %)")).toBe("5 -10 %");
    expect(fourchette("Imprévus 5 \u221210 %")).toBe("5 \u221210 %");
    expect(fourchette("Imprévus 5\u00a0-10 %")).toBe("5\u00a0-10 %");
    expect(fourchette("Imprévus 5 - 10 %")).toBe("5 - 10 %");
    expect(fourchette("Imprévus 5 % à 10 %")).toBe("5 % à 10 %");
    expect(fourchette("Imprévus 5 % - 10 %")).toBe("5 % - 10 %");
    expect(fourchette("Imprévus 5 ou 10 %")).toBe("5 ou 10 %");
    expect(fourchette("Imprévus 5 % ou 10 %")).toBe("5 % ou 10 %");
    expect(fourchette("Imprévus 10 à 5 %")).toBe("10 à 5 %");
    expect(fourchette("Imprévus 10-5 %")).toBe("10-5 %");
    // A year before a dash spaced on both sides is no bound; glued, it is a range (named, never guessed).
    expect(lu("Budget 2025 - 5 %")).toBe("0.05 5 %");
    expect(lu("Budget 2025 \u2013 7,5 %")).toBe("0.075 7,5 %");
    expect(fourchette("Budget 2025-5 %")).toBe("2025-5 %");
    expect(fourchette("Budget 2025 -5 %")).toBe("2025 -5 %");
    expect(fourchette("Lot 2500 - 5 %")).toBe("2500 - 5 %");
    // Still a minus: at the start, after a blank or a bracket with no figure before it.
    expect(lu("Imprévus -10 %")).toBe("-0.1 -10 %");
    expect(lu("-10 % Imprévus")).toBe("-0.1 -10 %");
    expect(lu("Remise (\u221210 %)")).toBe("-0.1 \u221210 %");
    // « ou » only as a word; a word after the « % » is no range.
    expect(lu("Imprévus 5 % ouverts")).toBe("0.05 5 %");
    expect(lu("Imprévus 5 % - 2 000 €")).toBe("0.05 5 %");
  });

  it("une somme de taux n'est jamais un taux : « 5 + 10 % », « 5 % + 10 % », « 5+10% » nommés, aucun terme pris", () => {
    const somme = (t: string, c?: "fr" | "en") => {
      const a = analyserPourcentDansTexte(t, c);
      return a?.type === "illisible" && a.somme
        ? `${a.texte} = ${a.somme.termes?.map((x) => x.toFixed()).join(" + ") ?? "?"}`
        : `pas une somme : ${a?.type} ${a?.texte}`;
    };
    // Before: « 5 + 10 % » and « 5+10% » read as 10 %, « 5 % + 10 % » as 5 %.
    expect(somme("Imprévus 5 + 10 %")).toBe("5 + 10 % = 0.05 + 0.1");
    expect(somme("Frais généraux 5 % + 10 %")).toBe("5 % + 10 % = 0.05 + 0.1");
    expect(somme("Imprévus 5+10%")).toBe("5+10% = 0.05 + 0.1");
    expect(somme("Imprévus 5 +10 %")).toBe("5 +10 % = 0.05 + 0.1");
    expect(somme("Imprévus (2 + 3,5 + 1 %)")).toBe("2 + 3,5 + 1 % = 0.02 + 0.035 + 0.01");
    expect(somme("Imprévus 2 % + 3 % + 1 %")).toBe("2 % + 3 % + 1 % = 0.02 + 0.03 + 0.01");
    expect(somme("Imprévus 5\u00a0%\u202f+\u00a010\u00a0%")).toBe("5\u00a0%\u202f+\u00a010\u00a0% = 0.05 + 0.1");
    // A term the convention does not decide: a sum all the same, its total unread.
    expect(somme("Imprévus 1.500 + 2 %")).toBe("1.500 + 2 % = ?");
    expect(somme("Imprévus 1.500 + 2 %", "fr")).toBe("1.500 + 2 % = 15 + 0.02");
    // Its total is a reading only for a caller an amount proves it to.
    expect(lecturesPourcentDansTexte("Charges (45 + 20 %)").map((d) => d.toFixed())).toEqual(["0.65"]);
    expect(lecturesPourcentDansTexte("Charges (1.500 + 20 %)")).toEqual([]);
    // A plus with no figure before it is a sign; a year rule and ranges unchanged; an amount after the « % » is no term.
    expect(lu("Imprévus +10 %")).toBe("0.1 +10 %");
    expect(lu("Imprévus (+10 %)")).toBe("0.1 +10 %");
    expect(lu("Budget 2025 - 5 %")).toBe("0.05 5 %");
    expect(lu("Imprévus 5-10 %")).toBe("illisible 5-10 %");
    expect(lu("Imprévus 5 % + 2 000 €")).toBe("0.05 5 %");
  });

  it("un libellé de 100 000 caractères : seule une tranche bornée avant le « % » est lue", () => {
    // Long runs of digits and blanks before the « % »: the figure running beyond the slice is unreadable, named by the
    // slice only (never the whole run), and the answer depends only on that slice.
    const chiffres = "1 ".repeat(50_000) + "7 %";
    const a = analyserPourcentDansTexte(chiffres);
    expect(a?.type).toBe("illisible");
    expect(a?.texte.length).toBeLessThanOrEqual(FENETRE_POURCENT + 2);
    expect(analyserPourcentDansTexte("Imprévus " + "9".repeat(100_000) + " %")).toEqual({
      type: "illisible",
      texte: "9".repeat(FENETRE_POURCENT) + " %",
    });
    // Blanks and words before the figure: the rate is read all the same.
    expect(lu("Imprévus" + " ".repeat(100_000) + "7 %")).toBe("0.07 7 %");
    expect(lu("x".repeat(100_000) + " Imprévus 7 %")).toBe("0.07 7 %");
    expect(lu("5 ".repeat(50_000) + "x Imprévus 7 %")).toBe("0.07 7 %");
    // Digits and blanks with no « % »: none.
    expect(analyserPourcentDansTexte("1 ".repeat(50_000))).toBeUndefined();
  });
});
