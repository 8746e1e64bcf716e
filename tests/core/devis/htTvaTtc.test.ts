import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { texteConservation } from "../../../src/core/devis/feuilleControles";
import { feuilleXlsx, type Cellule } from "./outils";

/** Issue 10 §3: « Montant HT | TVA | Montant TTC », each line checked HT + TVA = TTC to the cent, on real .xlsx. */
const lire = async (rows: Cellule[][]) => {
  const d = importerDevis(await feuilleXlsx("Devis", rows), { genre: "documentaire" });
  return { d, constats: controlerDevis(d, "2026-01-15").filter((c) => c.regle === "ht-tva-ttc") };
};
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const ENTETE = ["Désignation", "Montant HT", "TVA", "Montant TTC"];

describe("HT + TVA = TTC sur chaque ligne", () => {
  it("une ligne dont le TTC dépasse HT + TVA est nommée avec ses trois cellules et montants", async () => {
    const { d, constats } = await lire([ENTETE, ["Location caméra", 1000, 200, 1250], ["Éclairage", 500, 100, 600]]);
    expect(constats).toHaveLength(1);
    expect(constats[0]).toMatchObject({ gravite: "alerte", cellule: "Devis!D2" });
    expect(sp(constats[0].message)).toBe(
      "Devis!B2 + C2 ≠ D2 « Location caméra » : HT 1 000,00 € + TVA 200,00 € ≠ TTC 1 250,00 € (écart 50,00 €) ; " +
        "le devis compte le HT 1 000,00 €.",
    );
    // The HT is what the devis counts; the three columns of each line are kept.
    expect(d.total).toBe(150000);
    expect(d.taxes?.map((t) => t.ecart)).toEqual([5000, 0]);
    expect(d.conservation).toMatchObject({ colonne: "B", ecart: 0, nonComptees: [] });
  });

  it("au centime près : un centime d'écart est nommé, l'arrondi des formules ne l'est pas", async () => {
    const { constats } = await lire([
      ENTETE,
      ["Transport", 100, 20, 120.01],
      ["Machinerie", 1234.56, { formula: "B3*0.2", result: 246.912 }, { formula: "B3+C3", result: 1481.472 }],
      // Each cell rounds up to the cent (0,13 + 0,03) while the exact values add up (0,125 + 0,025 = 0,15).
      ["Consommables", 0.125, 0.025, 0.15],
      ["Remboursement", -100, -20, -120],
    ]);
    expect(constats.map((c) => [c.cellule, sp(c.message).match(/\(écart [^)]*\)/)?.[0]])).toEqual([
      ["Devis!D2", "(écart 0,01 €)"],
    ]);
  });

  it("« Montant | TVA | TTC » : le montant lu comme HT est vérifié aussi, le TTC plus bas que HT + TVA aussi", async () => {
    const { constats } = await lire([
      ["Désignation", "Montant", "TVA 20 %", "Total TTC"],
      ["Montage", 3000, 600, 3500],
      ["Étalonnage", 1000, 200, 1200],
    ]);
    expect(constats.map((c) => sp(c.message))).toEqual([
      "Devis!B2 + C2 ≠ D2 « Montage » : Montant 3 000,00 € + TVA 600,00 € ≠ TTC 3 500,00 € (écart −100,00 €) ; " +
        "le devis compte le montant 3 000,00 €.",
    ]);
  });

  it("une cellule vide, un texte ou une erreur dans l'une des trois colonnes : pas de comparaison", async () => {
    const { d, constats } = await lire([
      ENTETE,
      ["Location caméra", 1000, null, 1250],
      ["Régie", 400, "exonéré", 500],
      ["Éclairage", 500, 100, { formula: "1/0", result: { error: "#DIV/0!" } }],
    ]);
    expect(d.taxes).toEqual([]);
    expect(constats).toEqual([]);
  });

  it("une colonne « TVA » qui porte le taux (20 %, format pourcentage) n'est pas un montant : pas de comparaison", async () => {
    const taux = { n: 0.2, fmt: "0%" };
    const { d, constats } = await lire([ENTETE, ["Location caméra", 1000, taux, 1200], ["Éclairage", 500, taux, 600]]);
    expect(d.taxes).toEqual([]);
    expect(constats).toEqual([]);
  });

  it("sans colonne TVA (HT et TTC seuls) : aucune comparaison", async () => {
    const { d, constats } = await lire([
      ["Désignation", "Montant HT", "Montant TTC"],
      ["Location caméra", 1000, 1250],
      ["Éclairage", 500, 620],
    ]);
    expect(d.taxes).toBeUndefined();
    expect(constats).toEqual([]);
  });

  it("la conservation nomme la colonne lue parmi plusieurs, et celles qui ne sont pas comptées", async () => {
    const { d } = await lire([
      ["Désignation", "Montant TTC", "Montant TVA", "Montant HT"],
      ["Réalisateur", 4800, 800, 4000],
      ["Monteur", 1200, 200, 1000],
    ]);
    expect(sp(texteConservation(d.conservation!))).toMatch(
      /^Montants lus \(colonne D « Montant HT », hors taxes ; B « Montant TTC » et C « Montant TVA » non comptées\) : 5 000,00 € = /,
    );
    const seul = await lire([
      ["Désignation", "Montant"],
      ["Réalisateur", 4000],
      ["Monteur", 1000],
    ]);
    expect(sp(texteConservation(seul.d.conservation!))).toMatch(/^Montants lus \(colonne B\) : 5 000,00 € = /);
  });
});
