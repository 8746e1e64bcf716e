import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import "../../src/app/commandes";
import { structurer, tracesDesConstats } from "../../src/app/commandes/devis";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";

/**
 * « D'où vient ce chiffre ? » of the Contrôles page on a real cinema devis (tests/fixtures/devis-cinema): six lines
 * under the IDCC 3097 grid on 1 September 2025. `analyserDevis` with `explique` gives one entry per finding, in the
 * findings' order: the salary findings' trees on their cells, null for the others.
 */
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
const OPTIONS = { typeOeuvre: "cinema", date: "2025-09-01" } as const;

describe("analyserDevis : l'arbre de chaque constat de salaire minimum, aligné sur les constats", () => {
  it("une entrée par constat ; les salaires sous le minimum ont leur arbre, sur leur cellule", async () => {
    const wb = await XlsxWorkbook.ouvrir(CINEMA);
    const r = await creerEnvoyeur(wb)("analyserDevis", { ...OPTIONS, explique: true });
    const traces = r.explications!.constats;
    expect(traces).toHaveLength(r.constats.length);
    const salaires = r.constats.filter((c) => c.regle === "salaire-minimum");
    // Six technicians and one artist (F21, its own table: idcc3097-artistes-minima).
    expect(salaires).toHaveLength(7);
    r.constats.forEach((c, i) => {
      const t = traces[i];
      if (c.regle !== "salaire-minimum") return expect(t).toBeNull();
      // The tree of the finding's line: on its cell, the line's label in its title, the grid's rule with its source.
      expect(t!.cellule).toBe(c.cellule);
      expect(t!.libelle).toMatch(/^Manque au minimum par (jour|semaine), /);
      expect(c.message).toContain(t!.libelle.replace(/^Manque au minimum par (jour|semaine), \S+ /, ""));
      const minimum = t!.entrees![0];
      const regle = minimum.regle ?? minimum.entrees![0].regle!;
      const artiste = c.cellule === "'Devis La Rade'!F21";
      expect(regle.nom).toBe(
        artiste
          ? "Salaires minima des artistes-interprètes, production cinématographique (IDCC 3097)"
          : "Salaires minima, production cinématographique (IDCC 3097)",
      );
      expect(regle.effetDu).toBe(artiste ? "2022-01-01" : "2024-04-01");
      expect(regle.source!.url).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    });
    // Régisseur général (renfort), 300 € a day: 359,12 − 300 = 59,12 €.
    const i = r.constats.findIndex((c) => c.cellule === "'Devis La Rade'!F17");
    expect(traces[i]!.valeur).toBe("59,12\u00a0€");
    // Without `explique`, nothing is traced.
    const sans = await creerEnvoyeur(wb)("analyserDevis", OPTIONS);
    expect(sans.explications).toBeUndefined();
  });

  it("l'alerte de l'annexe III déclarée, sans cellule ni ligne, n'a pas d'arbre ; les salaires gardent le leur", async () => {
    // Over annexe III's budget cap (the décor's 9 000 000 €): annexe I's 916,77 € a week for the secretary.
    const wb = new MemoryWorkbook({
      Budget: [
        ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
        ["2.1", "Secrétaire de production", 10, "semaine", 900, 9000],
        ["6.1", "Construction des décors", 1, "forfait", 9000000, 9000000],
      ],
    });
    const r = await creerEnvoyeur(wb)("analyserDevis", { ...OPTIONS, annexe3097: true, explique: true });
    const traces = r.explications!.constats;
    expect(traces).toHaveLength(r.constats.length);
    const alerte = r.constats.findIndex((c) => c.regle === "salaire-minimum" && !c.cellule);
    expect(r.constats[alerte].message).toMatch(/^Annexe III de l'IDCC 3097 déclarée/);
    expect(traces[alerte]).toBeNull();
    const avecCellule = r.constats.filter((c) => c.regle === "salaire-minimum" && c.cellule);
    expect(avecCellule.map((c) => c.cellule)).toEqual(["Budget!E2"]);
    expect(traces.filter(Boolean).map((t) => t!.cellule)).toEqual(avecCellule.map((c) => c.cellule));
  });

  it("des constats dans un autre ordre que les lignes : chaque arbre suit son constat par sa cellule", async () => {
    const wb = await XlsxWorkbook.ouvrir(CINEMA);
    const r = await structurer(wb, { ...OPTIONS, explique: true }, false);
    const inverses = [...r.constats].reverse();
    const traces = tracesDesConstats(inverses, r.traces!.salairesMinimum!);
    const cellules = inverses.map((c) => (c.regle === "salaire-minimum" ? c.cellule : null));
    expect(traces.map((t) => t?.cellule ?? null)).toEqual(cellules);
    expect(traces.filter(Boolean)).toHaveLength(7);
  });
});
