import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { feuilleXlsx, type Cellule } from "./outils";

/**
 * « Prévu » and « Réel » titles over two « Qté | PU | Montant » groups: the amount read is the prévu's in either order,
 * and so are its quantity and unit price (before, with « Réel » on the left: the réalisé's 6 × 650,00 € against the
 * prévu's 3 000,00 €, a montant-calcul finding on a line that is right).
 */
describe("devis : « Prévu | Réel » au-dessus de deux « Qté | PU | Montant », dans les deux ordres", () => {
  const prevu: Cellule[][] = [
    [5, 600, 3000],
    [2, 450.5, 901],
  ];
  const reel: Cellule[][] = [
    [6, 650, 3900],
    [3, 400, 1200],
  ];
  const cas = [
    { ordre: "Réel à gauche, titres fusionnés", reelAGauche: true, fusion: true },
    { ordre: "Réel à gauche, titres sans fusion", reelAGauche: true, fusion: false },
    { ordre: "Prévu à gauche, titres fusionnés", reelAGauche: false, fusion: true },
  ];

  it.each(cas)("$ordre : qté, PU et montant du prévu, sans constat montant-calcul", async ({ reelAGauche, fusion }) => {
    const titres = reelAGauche ? ["Réel", null, null, "Prévu", null, null] : ["Prévu", null, null, "Réel", null, null];
    const groupes = (i: number) => (reelAGauche ? [...reel[i], ...prevu[i]] : [...prevu[i], ...reel[i]]);
    const s = await feuilleXlsx(
      "Budget",
      [
        [null, null, ...titres],
        ["Code", "Désignation", "Qté", "PU", "Montant", "Qté", "PU", "Montant"],
        ["7", "MOYENS TECHNIQUES"],
        ["7.1", "Caméra", ...groupes(0)],
        ["7.2", "Son", ...groupes(1)],
      ],
      { merges: fusion ? ["C1:E1", "F1:H1"] : [] },
    );
    const d = importerDevis(s);
    const colPrevu = reelAGauche ? "H" : "E";
    const colReel = reelAGauche ? "E" : "H";
    expect(
      d.lignes.map((l) => ({ libelle: l.libelle, quantite: l.quantite, taux: l.taux, montant: l.montant })),
    ).toEqual([
      { libelle: "Caméra", quantite: "5", taux: "600", montant: 300_000 },
      { libelle: "Son", quantite: "2", taux: "450.5", montant: 90_100 },
    ]);
    expect(d.total).toBe(390_100);
    // The réalisé's « Qté » and « PU » are headed columns of the réalisé: no number left unlisted, none listed twice.
    expect(d.conservation?.horsColonnes ?? []).toEqual([]);
    const constats = controlerDevis(d, "2026-01-15");
    expect(constats.filter((c) => c.regle === "montant-calcul")).toEqual([]);
    expect(constats.filter((c) => c.regle === "colonnes-lues").map((c) => c.cellule)).toEqual([`Budget!${colPrevu}2`]);
    expect(d.colonnesNonLues).toEqual([
      expect.objectContaining({ cellule: `Budget!${colReel}2`, entete: "Réel / Montant", nature: "realise" }),
    ]);
  });

  it("Réel à gauche : un montant prévu qui ne vaut pas qté × PU du prévu est signalé avec les facteurs du prévu", async () => {
    const s = await feuilleXlsx(
      "Budget",
      [
        [null, null, "Réel", null, null, "Prévu", null, null],
        ["Code", "Désignation", "Qté", "PU", "Montant", "Qté", "PU", "Montant"],
        ["7", "MOYENS TECHNIQUES"],
        // The prévu says 5 × 600 for 3 100 €: the finding names the prévu's own factors, not the réalisé's.
        ["7.1", "Caméra", 5, 620, 3100, 5, 600, 3100],
      ],
      { merges: ["C1:E1", "F1:H1"] },
    );
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.quantite, l.taux, l.montant])).toEqual([["5", "600", 310_000]]);
    expect(
      controlerDevis(d, "2026-01-15")
        .filter((c) => c.regle === "montant-calcul")
        .map((c) => c.cellule),
    ).toEqual(["Budget!H4"]);
  });
});
