import { structurerDevis } from "../../../src/core/devis/structurer";
import { ClasseurLu } from "../../helpers/classeurLu";
import { feuilleXlsx, type Cellule } from "./outils";

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/**
 * ligne-somme-lignes: a line whose formula only adds up other lines counted stays a line (its wording proves no total),
 * counted — the finding says which euros are counted twice, the cells they come from and the devis's total without
 * them. One cell, one finding: below the producer's grand total, ligne-sous-total leaves it to this one. Real .xlsx.
 */
async function lire(rows: Cellule[][]) {
  const r = await structurerDevis(new ClasseurLu([await feuilleXlsx("Devis", rows)]), { date: "2026-01-15" });
  const sur = (cellule: string) => r.constats.filter((c) => c.cellule === cellule && c.gravite !== "info");
  return { devis: r.devis, constats: r.constats, sur };
}

const PERSONNEL: Cellule[][] = [
  ["Code", "Poste", "Montant"],
  ["2", "PERSONNEL"],
  ["2.1", "Chef op", 4500],
  ["2.2", "Ingé son", 3000],
];

describe("ligne-somme-lignes : les euros comptés deux fois, dits avec leurs cellules", () => {
  it("une ligne =C3+C4 reste comptée ; l'alerte dit les 7 500 € comptés deux fois et le total du devis sans elle", async () => {
    const { devis, sur } = await lire([
      ...PERSONNEL,
      ["2.3", "Équipe image et son (forfait)", { formula: "C3+C4", result: 7500 }],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra A", 2000],
    ]);
    // Counted as a line (its words prove no total): conservation holds cell by cell, the total counts 7 500 € twice.
    expect(devis.total).toBe(1_700_000);
    expect(devis.conservation).toMatchObject({ lignes: 1_700_000, totauxProuves: 0, ecart: 0 });
    const c = sur("Devis!C5");
    expect(c.map((x) => x.regle)).toEqual(["ligne-somme-lignes"]);
    expect(sp(c[0].message)).toBe(
      "Devis!C5 « Équipe image et son (forfait) » : sa formule =C3+C4 fait la somme de 2 lignes du devis, comptées " +
        "elles aussi (Devis!C3 « Chef op » (4 500,00 €), Devis!C4 « Ingé son » (3 000,00 €)) : ces 7 500,00 € sont " +
        "comptés deux fois dans le total du devis, 17 000,00 € (9 500,00 € sans cette ligne). Si c'est un sous-total, " +
        "écrivez « Sous-total » dans son libellé ; si c'est une ligne, saisissez son propre montant. Puis relancez.",
    );
  });

  it("le conseil tient : la même ligne dite « Sous-total » juste sous ses lignes est un total prouvé, comptée une fois", async () => {
    const { devis, constats } = await lire([
      ...PERSONNEL,
      [null, "Sous-total personnel", { formula: "C3+C4", result: 7500 }],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra A", 2000],
    ]);
    expect(devis.total).toBe(950_000);
    expect(devis.conservation).toMatchObject({ lignes: 950_000, totauxProuves: 750_000, ecart: 0 });
    expect(constats.filter((c) => c.regle === "ligne-somme-lignes")).toEqual([]);
  });

  it("sous le total général, rattachée au chapitre 2 par son code : une seule alerte, un seul conseil (avant : ligne-sous-total disait aussi d'ajouter son montant au total)", async () => {
    const { devis, sur } = await lire([
      ...PERSONNEL,
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra A", 2000],
      [null, "TOTAL", { formula: "SUM(C3:C6)", result: 9500 }],
      ["2.9", "Récap personnel", { formula: "C3+C4", result: 7500 }],
    ]);
    expect(devis.total).toBe(1_700_000);
    const c = sur("Devis!C8");
    expect(c.map((x) => x.regle)).toEqual(["ligne-somme-lignes"]);
    expect(sp(c[0].message)).toBe(
      "Devis!C8 « Récap personnel » : sa formule =C3+C4 fait la somme de 2 lignes du devis, comptées elles aussi " +
        "(Devis!C3 « Chef op » (4 500,00 €), Devis!C4 « Ingé son » (3 000,00 €)) : ces 7 500,00 € sont comptés deux " +
        "fois dans le total du devis, 17 000,00 € (9 500,00 € sans cette ligne). Elle est de plus écrite sous le total " +
        "du devis « TOTAL » (Devis!C7, 9 500,00 €), et son code « 2.9 » la rattache au chapitre 2 « Personnel ». Si " +
        "elle rappelle ces lignes, déplacez-la sur une autre feuille : elle ne doit pas être comptée. Si c'est une " +
        "ligne à part du chapitre 2, saisissez son propre montant et déplacez-la dans ce chapitre, au-dessus de son " +
        "sous-total. Puis relancez.",
    );
  });

  it("dite « Sous-total » mais loin de ses lignes : une seule alerte (avant : total-non-prouve disait aussi que sa formule n'en fait pas la somme)", async () => {
    const { devis, sur } = await lire([
      ...PERSONNEL,
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra A", 2000],
      [null, "TOTAL", { formula: "SUM(C3:C6)", result: 9500 }],
      [null, "Sous-total personnel", { formula: "C3+C4", result: 7500 }],
    ]);
    expect(devis.total).toBe(1_700_000);
    const c = sur("Devis!C8");
    expect(c.map((x) => x.regle)).toEqual(["ligne-somme-lignes"]);
    expect(sp(c[0].message)).toContain(
      "ces 7 500,00 € sont comptés deux fois dans le total du devis, 17 000,00 € (9 500,00 € sans cette ligne). Son " +
        "libellé annonce un total, que le calcul ne prouve pas à sa place : elle est comptée comme une ligne. Si c'est " +
        "un sous-total, placez-la juste sous les lignes qu'elle additionne ;",
    );
  });

  it("sous le total général, une ligne de son propre montant garde ligne-sous-total", async () => {
    const { sur } = await lire([
      ...PERSONNEL,
      [null, "TOTAL", { formula: "SUM(C3:C4)", result: 7500 }],
      ["2.9", "Assistant son", 1200],
    ]);
    expect(sur("Devis!C6").map((x) => x.regle)).toEqual(["ligne-sous-total"]);
  });
});
