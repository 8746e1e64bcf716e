import { annonceDeduction } from "../../../src/core/devis/regles/remisePositive";

/**
 * « Remise » is a discount on a devis line, but also a delivery in post-production (« Remise du PAD ») and a repair
 * (« Remise en état ») : only the discount is named by remise-positive.
 */
describe("remise-positive : le libellé d'une déduction", () => {
  it.each([
    "Remise 10 %",
    "Rabais loueur",
    "Remise de 10 % loueur",
    "Remise de fin d'année",
    "Ristourne labo",
    "Escompte",
  ])("« %s » annonce une déduction", (libelle) => expect(annonceDeduction(libelle)).toBe(true));
  it.each([
    "Remise en état du décor",
    "Remise à niveau du matériel",
    "Remise du PAD",
    "Remise des éléments au diffuseur",
    "Remise de la copie zéro",
    "Remise d'une copie DCP",
    "Remise PAD",
    "Remise copies festival",
    "Remise des prix",
  ])("« %s » n'en annonce pas", (libelle) => expect(annonceDeduction(libelle)).toBe(false));
});
