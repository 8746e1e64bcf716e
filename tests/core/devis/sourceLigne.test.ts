import { importerDevis } from "../../../src/core/devis/import";
import { sourceLigne } from "../../../src/core/devis/model";
import { lienCellule } from "../../../src/core/util/adresse";
import { feuilleXlsx } from "./outils";

// One way to write the cell that points back to a devis line: its amount's (or the cells asked), else column A of its
// row, the sheet name quoted as Excel writes it (a quote doubled).
describe("sourceLigne", () => {
  const NOM = "Devis d'Anne 2026";

  test("a line read from a sheet named « Devis d'Anne 2026 »: its amount cell, quoted", async () => {
    const sheet = await feuilleXlsx(NOM, [
      ["Code", "Libellé", "Montant"],
      ["2 - Personnel"],
      ["21", "Réalisateur", 12000],
    ]);
    const l = importerDevis(sheet).lignes.find((x) => x.libelle === "Réalisateur");
    expect(l && sourceLigne(l)).toBe("'Devis d''Anne 2026'!C3");
    expect(l && sourceLigne(l, ["libelle", "montant"])).toBe("'Devis d''Anne 2026'!B3");
    // The HYPERLINK the Devis sheet writes in its Source column goes to that cell.
    expect(lienCellule(sourceLigne(l!))).toEqual({
      formula: `HYPERLINK("#'Devis d''Anne 2026'!C3","'Devis d''Anne 2026'!C3")`,
      result: "'Devis d''Anne 2026'!C3",
    });
  });

  test("a line without the cells asked: column A of its row, the sheet quoted", async () => {
    const sheet = await feuilleXlsx(NOM, [
      ["Code", "Libellé", "Montant"],
      ["2 - Personnel"],
      ["21", "Réalisateur", 12000],
    ]);
    const l = importerDevis(sheet).lignes.find((x) => x.libelle === "Réalisateur")!;
    const sansCellule = { ...l, source: { ...l.source, cellules: {} } };
    expect(sourceLigne(sansCellule)).toBe("'Devis d''Anne 2026'!A3");
    expect(sourceLigne(sansCellule, ["montant", "libelle"])).toBe("'Devis d''Anne 2026'!A3");
    expect(sourceLigne({ ...sansCellule, source: { ...sansCellule.source, feuille: "Budget" } })).toBe("Budget!A3");
  });
});
