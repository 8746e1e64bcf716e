import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import type { Devis } from "../../../src/core/devis/model";
import { av, euros, unDevis, type LigneSimple } from "./fabrique";

/*
 * Cinema credit 2025, table idcc3097-artistes-minima: « Petits rôles » 10 cachets × 2 × 500 € = 10 000 € → 20 × 412,08 =
 * 8 241,60 € retained, 1 758,40 € removed. 220 sexies III-1-b retains the pay within the minimum « ainsi que les charges
 * sociales afférentes »: the charges on the 1 758,40 € leave the base, at the rate of the line carrying them.
 */
const CINEMA = av({ regime: "cinema", genre: "fiction", langue: "francais" });
const ROLES: LigneSimple = {
  ch: "3",
  libelle: "Petits rôles",
  montant: 10000,
  quantite: 10,
  nombre: 2,
  unite: "cachets",
  taux: 500,
};
const devis = (charges: LigneSimple): Devis =>
  unDevis([{ ch: "2", libelle: "Équipe technique", montant: 200000 }, ROLES, charges]);

describe("artistes-interprètes limités : charges sociales afférentes à la part retirée", () => {
  it("taux du libellé prouvé sur le chapitre 3 (50 % × 10 000 = 5 000 €) : 50 % × 1 758,40 = 879,20 € retirés", () => {
    const r = calculerCreditImpot(devis({ ch: "4", libelle: "Charges sur salaires (50 %)", montant: 5000 }), CINEMA);
    expect(r.lignes.map((l) => l.base)).toEqual([euros(200000), euros(8241.6), euros(4120.8)]);
    const a = r.ajustements.find(
      (x) => x.nom === "charges sociales afférentes à la part retirée des artistes-interprètes",
    );
    expect(a?.montant).toBe(euros(879.2));
    expect(a?.detail).toContain("Budget!E4 : 1\u202f758,40\u00a0€ retirés × 50\u00a0% (taux du libellé");
  });

  it("taux du libellé ambigu (« 50.500 % » : 50,5 % ou 50 500 %) : seule la lecture que le montant prouve est gardée", () => {
    // 50,5 % × 10 000 = 5 050 €: the amount proves 50,5 %, never 50 500 %; 50,5 % × 1 758,40 = 887,99 € removed.
    const r = calculerCreditImpot(
      devis({ ch: "4", libelle: "Charges sur salaires (50.500 %)", montant: 5050 }),
      CINEMA,
    );
    const a = r.ajustements.find(
      (x) => x.nom === "charges sociales afférentes à la part retirée des artistes-interprètes",
    );
    expect(a?.montant).toBe(euros(887.99));
    expect(a?.detail).toContain("× 50,5\u00a0% (taux du libellé");
    // Neither reading proven (5 000 €) and no word of artists: the line is left whole, no rate guessed.
    const b = calculerCreditImpot(
      devis({ ch: "4", libelle: "Charges sur salaires (50.500 %)", montant: 5000 }),
      CINEMA,
    );
    expect(b.lignes[2].motif).toBe("chapitre 4 : charges sociales obligatoires");
    expect(b.lignes[2].base).toBe(euros(5000));
  });

  it("ligne tirée de la colonne « Charges » de la ligne d'artiste : son taux (60 %), ou charges ÷ salaire", () => {
    const avecTaux = devis({ ch: "4", libelle: "Charges", montant: 6000, partFrance: "0.5" });
    avecTaux.lignes[2].chargesDe = { salaire: avecTaux.lignes[1].id, taux: "0.6" };
    const r = calculerCreditImpot(avecTaux, CINEMA);
    // 60 % × 1 758,40 = 1 055,04 € × part France 0,5 = 527,52 €; the line's base 3 000 − 527,52 = 2 472,48 €.
    expect(r.lignes[2].base).toBe(euros(2472.48));
    expect(r.lignes[2].motif).toContain(
      "1\u202f758,40\u00a0€ retirés × 60\u00a0% (taux de la cellule des charges) × part France 0,5 = 527,52\u00a0€",
    );
    const sansTaux = devis({ ch: "4", libelle: "Charges", montant: 5500 });
    sansTaux.lignes[2].chargesDe = { salaire: sansTaux.lignes[1].id };
    // 1 758,40 × 5 500 ÷ 10 000 = 967,12 €.
    expect(calculerCreditImpot(sansTaux, CINEMA).lignes[2].base).toBe(euros(5500 - 967.12));
  });

  it("aucune ligne ne porte les charges des artistes (« Charges facteur ») : elles restent, une alerte le dit", () => {
    const r = calculerCreditImpot(devis({ ch: "4", libelle: "Charges facteur", montant: 4000 }), CINEMA);
    expect(r.lignes[2].base).toBe(euros(4000));
    expect(r.alertes.join("\n")).toContain(
      "les charges sociales afférentes à la part retirée (1\u202f758,40\u00a0€ : Budget!E3) restent dans la base",
    );
  });
});
