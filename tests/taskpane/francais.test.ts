import { espacesInsecables, typographie } from "../../src/taskpane/francais";

/** The pane's French typography on texts written with ordinary spaces (a label, a core message). */
describe("espacesInsecables", () => {
  it("« 60 % » et « 3 000 000 » : espaces insécables U+00A0, comme les montants de formatMontantFr", () => {
    expect(espacesInsecables("plafond 60 %)")).toBe("plafond 60\u00a0%)");
    expect(espacesInsecables("30 % en français, 20 % sinon")).toBe("30\u00a0% en français, 20\u00a0% sinon");
    expect(espacesInsecables("inférieur ou égal à 1 250 000 €")).toBe("inférieur ou égal à 1\u00a0250\u00a0000 €");
    expect(espacesInsecables("3 000 000,00 € et 12 500 €")).toBe("3\u00a0000\u00a0000,00 € et 12\u00a0500 €");
    expect(typographie("Budget 184 509,13 € : 2,44 % du coût")).toBe(
      "Budget 184\u00a0509,13 €\u00a0: 2,44\u00a0% du coût",
    );
  });

  it("laisse les nombres qui ne sont pas des groupes de trois chiffres", () => {
    // A year then a count, a code then a number, a decimal part: no group of three after a group of one to three.
    for (const s of ["en 2026 150 jours", "chapitre 23 12 lignes", "0,25 000", "ligne 12 3456", "1 2345"])
      expect(espacesInsecables(s)).toBe(s);
  });

  it("U+00A0 dans « … » et devant « : », U+202F devant « ; », « ? » et « ! », même après une insécable", () => {
    expect(espacesInsecables("Fermer « D'où vient ce chiffre ? » : oui ; non !")).toBe(
      "Fermer «\u00a0D'où vient ce chiffre\u202f?\u00a0»\u00a0: oui\u202f; non\u202f!",
    );
    expect(espacesInsecables("12,50 € ou 12 500 €\u00a0? a\u00a0; b")).toBe(
      "12,50 € ou 12\u00a0500 €\u202f? a\u202f; b",
    );
    // Only spaces change: a sign with no space before it (an address, a time) is left as it is.
    expect(espacesInsecables("https://x.fr/?a=1;b 10:30")).toBe("https://x.fr/?a=1;b 10:30");
  });
});
