import { MOIS, normaliser } from "../../../src/core/util/texte";
import { dateEcrite, dateEnMots, datesDansTexte, numeroMois } from "../../../src/core/util/datesEcrites";

describe("util/datesEcrites : le lecteur des dates écrites en lettres", () => {
  it("chaque mois de util/texte (MOIS) est lu, avec ou sans accents : une seule liste des noms de mois", () => {
    expect(MOIS.map((m) => numeroMois(m))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(MOIS.map((m) => numeroMois(normaliser(m)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("« mercredi 15 avril 2026 », « 1er mai 2026 », « 1er avr. 2025 » ; le jour de la semaine écrit est rendu", () => {
    expect(dateEnMots("mercredi 15 avril 2026")).toEqual({ iso: "2026-04-15", jourEcrit: "mercredi" });
    expect(dateEnMots("1er mai 2026")).toEqual({ iso: "2026-05-01" });
    expect(dateEcrite("1er avr. 2025")).toBe("2025-04-01");
    expect(dateEnMots("31 avril 2026")).toEqual({});
    expect(dateEnMots("15/04/2026")).toBeUndefined();
    // A year of four digits is that year, never 0025 read as 1925.
    expect(dateEcrite("15 avril 0025")).toBe("0025-04-15");
  });

  it("les dates dans un texte : celle d'un titre lue, un jour de la semaine contraire gardé sans date", () => {
    expect(datesDansTexte("« Les Gardiens » — PAD au diffuseur le vendredi 30 octobre 2026")).toEqual([
      { texte: "vendredi 30 octobre 2026", iso: "2026-10-30" },
    ]);
    expect(datesDansTexte("Livraison : 30/10/2026, puis lundi 30 octobre 2026")).toEqual([
      { texte: "30/10/2026", iso: "2026-10-30" },
      { texte: "lundi 30 octobre 2026" },
    ]);
    expect(datesDansTexte("12 semaines 2026, version 8.4")).toEqual([]);
  });
});
