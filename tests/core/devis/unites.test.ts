import { montantAvecUnite, noteDUnite, tarifEcrit } from "../../../src/core/devis/unites";

/**
 * A note stating the unit of the amounts (below or beside the table): the unit and only words such a note holds, no
 * figure. A devis line's label naming « k€ » among other words is no such note.
 */
describe("noteDUnite", () => {
  it.each([
    ["Montants exprimés en milliers d'euros", 1000],
    ["Montant en milliers d’euros", 1000],
    ["(en k€)", 1000],
    ["(k€)", 1000],
    ["Unité : k€", 1000],
    ["* Tous les montants sont en K€ HT", 1000],
    ["N.B. : montants en KEUR", 1000],
    ["Montants en k€ (milliers d'euros)", 1000],
    ["Chiffres en millions d'euros", 1000000],
  ])("« %s » : une note d'unité (× %d)", (texte, facteur) => {
    expect(noteDUnite(texte)).toBe(facteur);
  });

  it.each([
    "Location k€ matériel",
    "Total k€",
    "Budget total : 850 k€",
    "Montants en k€ pour 2025",
    "Montants en k€ et en M€",
    "k€",
    "milliers",
    "Montants en euros",
    "Source : devis du producteur, en k€",
  ])("« %s » : pas une note d'unité", (texte) => {
    expect(noteDUnite(texte)).toBeUndefined();
  });

  it("sur les lignes de l'en-tête (phrase) : un en-tête de colonne « Montant (k€) » n'est pas une note", () => {
    expect(
      ["Montant (k€)", "Budget en k€", "(en k€)", "Montants exprimés en k€", "Unité : k€", "* Budget en k€"].map((t) =>
        noteDUnite(t, true),
      ),
    ).toEqual([undefined, undefined, 1000, 1000, 1000, 1000]);
    expect(noteDUnite("Montant (k€)")).toBe(1000);
  });
});

describe("un chiffre avec son unité ou sa période, dans la colonne des montants", () => {
  it.each([
    ["(3 k€)", -300_000],
    ["( 3,5 k€ HT )", -350_000],
    ["−3 k€", -300_000],
    ["50 k€", 5_000_000],
    ["(3 k€", undefined],
    ["3 k€)", undefined],
    ["((3) k€)", undefined],
  ])("« %s » → %s centimes", (texte, attendu) => {
    expect(montantAvecUnite(texte, "fr")).toBe(attendu);
  });

  it.each([
    ["50 €/jour", 5_000, "jour"],
    ["300 €/sem", 30_000, "semaine"],
    ["300 € / sem.", 30_000, "semaine"],
    ["1 200 € par semaine", 120_000, "semaine"],
    ["80 € HT/h", 8_000, "heure"],
    ["450,50 EUR/cachet", 45_050, "cachet"],
    ["−50 €/jour", -5_000, "jour"],
  ])("« %s » est un tarif de %s centimes par %s", (texte, montant, periode) => {
    expect(tarifEcrit(texte, "fr")).toEqual({ montant, periode });
  });

  it("ni une date, ni une fraction, ni une période inconnue, ni un montant seul ne sont des tarifs ; « 12.500 €/sem » est ambigu", () => {
    for (const t of ["15/04/2025", "1/2 journée", "50 €/personne", "50 €", "50 k€/jour", "voir détail"])
      expect(tarifEcrit(t, "fr")).toBeUndefined();
    expect(tarifEcrit("12.500 €/sem")).toEqual({ montant: "ambigu", periode: "semaine" });
  });
});
