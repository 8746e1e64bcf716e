import { structurerDevis, FeuilleIntrouvableError } from "../../../src/core/devis/structurer";
import { DevisIntrouvableError } from "../../../src/core/devis/import";
import type { CellSpec, SheetSpec } from "../../../src/core/port/workbook";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";

const SOURCE = [
  ["DEVIS"],
  ["Code", "Libellé", "Qté", "Nb", "Unité", "Tarif", "Montant"],
  ["2 - PERSONNEL"],
  ["2.1", "Chef monteur", 10, 1, "jour", 282.12, { f: "C4*D4*F4", v: 2821.2 }],
  ["2.2", '=HYPERLINK("http://x")', 1, 1, "forfait", 100, 100],
  ["2.3", "Monteuse", 5, 1, "jour", 200, 1100],
  ["8 - POST-PRODUCTION"],
  ["8.1", "Mixage", 1, 1, "forfait", 1500, 1500],
  [null, "TOTAL HT", null, null, null, null, 5521.2],
  [null, "Frais généraux 10 %", null, null, 0.1, null, 552.12],
];

const cellule = (s: SheetSpec, ref: string): CellSpec => {
  const m = /^([A-Z])(\d+)$/.exec(ref) as RegExpExecArray;
  return s.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null;
};

describe("structurerDevis", () => {
  it("écrit Devis, Synthèse et Contrôles à côté de la feuille « Devis » de l'utilisateur, sans y toucher, et remplace au 2e passage", async () => {
    const wb = new MemoryWorkbook({ Devis: SOURCE as never });
    const r = await structurerDevis(wb, { ecrire: true, dureeMinutes: 26, genre: "documentaire", date: "2026-01-15" });
    expect(r.feuillesEcrites).toEqual(["Devis (Prodbook)", "Synthèse", "Contrôles"]);
    expect(r.devis.feuille).toBe("Devis");
    expect(r.constats.map((c) => c.regle)).toEqual(["montant-calcul", "charges-sociales-absentes", "salaire-minimum"]);
    const d = wb.ecrites.get("Devis (Prodbook)") as SheetSpec;
    // Header, table, frozen rows, validation lists.
    // Written out, not ENTETES_DEVIS: the header the user sees in the written sheet is pinned on its own.
    expect(d.rows[3]).toEqual([
      "Chapitre",
      "Code",
      "Libellé",
      "Quantité",
      "Nombre",
      "Unité",
      "Taux",
      "Montant",
      "Catégorie",
      "Taux charges",
      "Territoire",
      "Éligible CI",
      "Source",
    ]);
    expect(d.tables?.[0]).toMatchObject({ name: "tblDevis", range: "A4:M9" });
    expect(d.freeze).toEqual({ rows: 4 });
    expect(d.validations?.map((v) => v.range)).toEqual(["A5:A9", "I5:I9", "K5:K9", "L5:L9"]);
    // Live formula where the producer's amount equals qty × nb × rate; the wrong amount (Monteuse) stays a value.
    expect(cellule(d, "H5")).toEqual({ formula: "ROUND(D5*E5*G5,2)", result: 2821.2 });
    expect(cellule(d, "H7")).toBe(1100);
    expect(d.formats).toEqual(expect.arrayContaining([{ range: "A7:M7", fill: "#F8CBAD" }]));
    // An imported label that looks like a formula stays text.
    expect(cellule(d, "C6")).toBe('=HYPERLINK("http://x")');
    expect(cellule(d, "M5")).toEqual({ formula: 'HYPERLINK("#Devis!G4","Devis!G4")', result: "Devis!G4" });
    // FG at 10 % of the coût hors frais: a formula on the chapters 1–9 lines.
    expect(cellule(d, "H9")).toEqual({ formula: "ROUND(G9*SUM(H$5:H$8),2)", result: 552.12 });
    // Its note says so, with the rate's cell and the total it is applied to; each quantity × rate line's note names
    // the cells of its row and the producer's; the wrong amount (H7), a value, has none.
    expect(d.notes?.filter((n) => /^H[5-9]$/.test(n.cell)).map((n) => n.cell)).toEqual(["H5", "H6", "H8", "H9"]);
    expect(d.notes?.find((n) => n.cell === "H5")?.text).toBe(
      "2.1 « Chef monteur » : 2\u202f821,20\u00a0€\n" +
        "= quantité × nombre × taux de cette ligne (D5 × E5 × G5), arrondi au centime\n" +
        "← Quantité : 10 [Devis!C4]\n" +
        "← Nombre : 1 [Devis!D4]\n" +
        "← Taux : 282,12\u00a0€ [Devis!F4]\n" +
        "Cellules lues : Devis!C4, D4, F4\n" +
        "(Prodbook, « D'où vient ce chiffre ? »)",
    );
    expect(d.notes?.filter((n) => n.cell === "H9")).toEqual([
      {
        cell: "H9",
        text:
          "« Frais généraux 10 % » : 552,12\u00a0€\n" +
          "= taux G9 × coût hors frais (Σ H5:H8 : lignes des chapitres 1 à 9 de cette feuille), arrondi au centime\n" +
          "← Coût hors frais (chapitres 1 à 9) : 5\u202f521,20\u00a0€ (voir « Coût hors frais »)\n" +
          "← Pourcentage : 10,00\u00a0% [Devis!B10]\n" +
          "Cellules lues : Devis!B10\n" +
          "(Prodbook, « D'où vient ce chiffre ? »)",
      },
    ]);
    const s = wb.ecrites.get("Synthèse") as SheetSpec;
    expect(s.rows[1]).toEqual(["Durée (minutes)", 26, expect.any(String)]);
    expect(JSON.stringify(s.rows)).toContain("'Devis (Prodbook)'!H");
    const c = wb.ecrites.get("Contrôles") as SheetSpec;
    expect(c.rows[3]).toEqual(["Gravité", "Contrôle", "Message", "Cellule"]);
    expect(c.rows[4][0]).toBe("erreur");
    expect(c.rows[4][1]).toBe("Montant ≠ quantité × taux");
    expect(c.rows[4][3]).toEqual({ formula: 'HYPERLINK("#Devis!G6","Devis!G6")', result: "Devis!G6" });

    const avant = await wb.listSheets();
    await structurerDevis(wb, { ecrire: true, date: "2026-01-15" });
    expect(await wb.listSheets()).toEqual(avant);
    expect((await wb.readSheet("Devis"))?.rows[3][1].v).toBe("Chef monteur");
    await expect(structurerDevis(wb, { feuille: "Devis (Prodbook)" })).rejects.toThrow(/créée par Prodbook/);
  });

  it("lit les surcharges de la feuille Paramètres (jamais prise pour le devis)", async () => {
    const wb = new MemoryWorkbook({
      Paramètres: [
        ["Paramètre", "Valeur"],
        ["devis.salaire-minimum.monteur", "150"],
        ["devis.salaire-minimum.chef-monteur", "250"],
      ],
      Budget: SOURCE as never,
    });
    const r = await structurerDevis(wb, { date: "2026-01-15" });
    expect(r.devis.feuille).toBe("Budget");
    expect(r.constats.filter((c) => c.regle === "salaire-minimum")).toEqual([]);
    const faux = new MemoryWorkbook({
      Paramètres: [
        ["Paramètre", "Valeur"],
        ["devis.salaire-minimum.monteur", "beaucoup"],
      ],
      Budget: SOURCE as never,
    });
    await expect(structurerDevis(faux, { date: "2026-01-15" })).rejects.toThrow(/'Paramètres'!B2 : « beaucoup »/);
  });

  it("sans --feuille, trouve la feuille du devis ; erreurs nommées sinon", async () => {
    const wb = new MemoryWorkbook({ Notes: [["Bonjour"]], "Budget v2": SOURCE.slice(1) as never });
    const r = await structurerDevis(wb, { date: "2026-01-15" });
    expect(r.devis.feuille).toBe("Budget v2");
    expect(r.feuillesEcrites).toEqual([]);
    expect(wb.ecritures).toBe(0);
    await expect(structurerDevis(wb, { feuille: "Absente" })).rejects.toThrow(FeuilleIntrouvableError);
    await expect(structurerDevis(new MemoryWorkbook({ Notes: [["Bonjour"]], Autre: [["x"]] }))).rejects.toThrow(
      DevisIntrouvableError,
    );
    await expect(structurerDevis(new MemoryWorkbook({ Notes: [["Bonjour"]], Autre: [["x"]] }))).rejects.toThrow(
      /« Notes », « Autre »/,
    );
  });
});
