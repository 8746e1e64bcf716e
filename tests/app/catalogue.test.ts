import { creerEnvoyeur } from "../../src/app/catalogue";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";

/** A small devis in a producer's own layout: two chapters, one wrong amount, a grand total 100 € too high. */
function classeur(): MemoryWorkbook {
  return new MemoryWorkbook({
    Notes: [["Tournage prévu en mars"]],
    "Mon budget": [
      ["Budget « Les Phares »"],
      [],
      ["Poste", "Désignation", "Qté", "Nb", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["2.1", "Directeur de production", 10, 1, 400, { f: "C5*D5*E5", v: 4000 }],
      ["2.2", "Assistant de production", 10, 1, 200, 2500],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Location caméra", 5, 1, 300, { f: "C8*D8*E8", v: 1500 }],
      [],
      ["", "TOTAL GÉNÉRAL", null, null, null, 8100],
    ],
  });
}

describe("catalogue de commandes (src/app) sur un classeur en mémoire", () => {
  it("liste les feuilles du producteur, sans celles de Prodbook", async () => {
    const wb = classeur();
    const envoyer = creerEnvoyeur(wb);
    expect(await envoyer("listerFeuilles", {})).toEqual({ feuilles: ["Notes", "Mon budget"], prodbook: [] });
    await envoyer("creerFeuilleDevis", { feuille: "Mon budget" });
    const apres = await envoyer("listerFeuilles", {});
    expect(apres.feuilles).toEqual(["Notes", "Mon budget"]);
    expect(apres.prodbook).toEqual(expect.arrayContaining(["Devis", "Synthèse", "Contrôles"]));
  });

  it("« analyserDevis » donne l'aperçu sans rien écrire : chapitres, lignes, total comparé à celui du producteur", async () => {
    const wb = classeur();
    const apercu = await creerEnvoyeur(wb)("analyserDevis", { feuille: "Mon budget", dureeMinutes: 52 });
    expect(wb.ecrites.size).toBe(0);
    expect(apercu.feuille).toBe("Mon budget");
    expect(apercu.lignes).toBe(3);
    expect(apercu.chapitres.map((c) => [c.code, c.total, c.lignes])).toEqual([
      ["2", 650000, 2],
      ["7", 150000, 1],
    ]);
    expect(apercu.total).toBe(800000);
    expect(apercu.coutMinute).toBe(15385); // 8 000 € / 52 min = 153,846… → 153,85 €
    expect(apercu.totalProducteur).toEqual({ cellule: "'Mon budget'!F10", montant: 810000, ecart: -10000 });
    expect(apercu.constats.map((c) => [c.regle, c.cellule])).toEqual(
      expect.arrayContaining([["montant-calcul", "'Mon budget'!F6"]]),
    );
  });

  it("« creerFeuilleDevis » écrit Devis, Synthèse et Contrôles, et les remplace au deuxième passage", async () => {
    const wb = classeur();
    const envoyer = creerEnvoyeur(wb);
    const r1 = await envoyer("creerFeuilleDevis", { feuille: "Mon budget" });
    expect(r1.feuillesEcrites).toEqual(["Devis", "Synthèse", "Contrôles"]);
    const r2 = await envoyer("creerFeuilleDevis", { feuille: "Mon budget" });
    expect(r2.feuillesEcrites).toEqual(r1.feuillesEcrites);
    expect(await wb.listSheets()).toEqual(["Notes", "Mon budget", "Devis", "Synthèse", "Contrôles"]);
  });

  it("rejette une feuille sans devis avec un message en français qui la nomme", async () => {
    await expect(creerEnvoyeur(classeur())("analyserDevis", { feuille: "Notes" })).rejects.toThrow(/Notes/);
  });
});
