import { erreurDe } from "./customFunctionsStub";
import { intensiteAidesPubliques, resteAFinancer } from "../../src/functions/functions";

/** An empty cell as Excel hands it to a function declared number[][]. */
const vide = () => null as unknown as number;

describe("PROD.INTENSITE.AIDES", () => {
  // Excel passes empty cells as "" (or null) whatever the declared type: the wrappers accept them.
  const montants = [[700000], [500000], [300000], [250000], [200000], [vide()]];
  const categories = [
    ["Préachat Canal+"],
    ["cnc-avance-recettes"],
    ["Région Île-de-France"],
    ["Crédit d'impôt cinéma"],
    ["SOFICA"],
    [""],
  ];
  it("CNC 500 000 + région 300 000 + crédit d'impôt 250 000 sur 3 000 000 € = 35 %", () => {
    expect(intensiteAidesPubliques(montants, categories, 3000000)).toBe(0.35);
  });
  it("les libellés de la liste Prodbook sont reconnus", () => {
    expect(
      intensiteAidesPubliques([[1000], [3000]], [["Europe — Eurimages"], ["Diffuseur — préachat"]], "4 000 €"),
    ).toBe(0.25);
  });
  it("une catégorie inconnue, des plages de tailles différentes, un coût nul : #VALUE! en français", () => {
    expect(erreurDe(() => intensiteAidesPubliques([[1000]], [["Tante Agathe"]], 4000)).message).toMatch(
      /^categories, ligne 1 colonne 1 : catégorie « Tante Agathe » inconnue/,
    );
    const e = erreurDe(() => intensiteAidesPubliques([[1], [2]], [["région"]], 4000));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/même taille/);
    expect(erreurDe(() => intensiteAidesPubliques([[1]], [["région"]], 0)).message).toMatch(
      /cout_total doit être un montant positif/,
    );
  });
});

describe("PROD.RESTE.A.FINANCER", () => {
  it("exact au centime : 1 000 000 − (333 333,33 × 3) = 0,01 €", () => {
    expect(resteAFinancer([[333333.33], [333333.33], [333333.33]], 1000000)).toBe(0.01);
  });
  it("excédent négatif, montants en texte, cellules vides ignorées", () => {
    expect(
      resteAFinancer(
        [
          [600000, vide()],
          [500000, vide()],
        ],
        "1 000 000",
      ),
    ).toBe(-100000);
  });
  it("un montant illisible donne #VALUE! en nommant sa position", () => {
    expect(erreurDe(() => resteAFinancer([[1], ["beaucoup" as unknown as number]], 10)).message).toBe(
      "montants, ligne 2 colonne 1 : « beaucoup » n'est pas un montant.",
    );
  });
});
