import { CLES_CREDIT_IMPOT } from "../../../src/core/creditImpot/calculerCreditImpot";
import { creditImpotClasseur } from "../../../src/core/creditImpot/creditImpotClasseur";
import { feuilleCreditImpot } from "../../../src/core/creditImpot/feuilleCreditImpot";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { entreesParametresCreditImpot } from "../../../src/core/creditImpot/parametresModele";
import { lireParametres } from "../../../src/core/regles/parametres";
import { TABLES_CREDIT_IMPOT } from "../../../src/core/creditImpot/regles";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";
import { unDevis } from "./fabrique";

const BUDGET: CelluleMemoire[][] = [
  ["Code", "Désignation", "Qté", "Nb", "Tarif", "Montant", "Territoire", "Éligible CI"],
  ["2.1", "Équipe technique", 1, 1, 100000, 100000, null, null],
  ["4.1", "Charges sociales", 1, 1, 50000, 50000, null, null],
  ["8.1", "=Montage (libellé qui ressemble à une formule)", 1, 1, 30000, 30000, "Étranger", null],
  ["8.2", "Mixage", 1, 1, 10000, 10000, null, "Non"],
];

describe("creditImpotClasseur (port du classeur)", () => {
  it("lit le devis et la feuille Paramètres, écrit « Crédit d'impôt » sans toucher aux feuilles de l'utilisateur", async () => {
    const wb = new MemoryWorkbook({
      Budget: BUDGET,
      Paramètres: [
        ["Paramètre", "Valeur"],
        ["credit-impot.audiovisuel.taux.documentaire", "0,2"],
      ],
    });
    const r = await creditImpotClasseur(wb, {
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2025,
      dureeMinutes: 52,
      ecrire: true,
    });
    // Base 100 000 + 50 000 (montage abroad, mixage forced « Non ») = 150 000 × 20 % (override) = 30 000 €.
    expect(r.source).toBe("Budget");
    expect(r.resultat.base).toBe(15000000);
    expect(r.resultat.credit).toBe(3000000);
    expect(r.feuillesEcrites).toEqual(["Crédit d'impôt"]);
    expect([...wb.ecrites.keys()]).toEqual(["Crédit d'impôt"]);
    const spec = wb.ecrites.get("Crédit d'impôt")!;
    const cellules = spec.rows.flat();
    // Imported text stays text: a plain string, never a {formula}.
    expect(cellules).toContain("=Montage (libellé qui ressemble à une formule)");
    expect(
      cellules.some((c) => typeof c === "object" && c !== null && "formula" in c && c.formula.includes("Montage")),
    ).toBe(false);
  });

  it("une feuille « Crédit d'impôt » de l'utilisateur n'est jamais écrasée ; relancer remplace la feuille de Prodbook", async () => {
    const wb = new MemoryWorkbook({ Budget: BUDGET, "Crédit d'impôt": [["mes notes"]] });
    const o = { regime: "cinema" as const, genre: "fiction" as const, annee: 2025, ecrire: true };
    expect((await creditImpotClasseur(wb, o)).feuillesEcrites).toEqual(["Crédit d'impôt (Prodbook)"]);
    await creditImpotClasseur(wb, o);
    expect(await wb.listSheets()).toEqual(["Budget", "Crédit d'impôt", "Crédit d'impôt (Prodbook)"]);
    expect((await wb.readSheet("Crédit d'impôt"))!.rows[0][0].v).toBe("mes notes");
  });

  it("le modèle « Paramètres » est écrit une fois sur demande, ne surcharge rien, et n'est plus réécrit ensuite", async () => {
    const wb = new MemoryWorkbook({ Budget: BUDGET });
    const o = {
      regime: "cinema" as const,
      genre: "fiction" as const,
      annee: 2025,
      ecrire: true,
      modeleParametres: true,
    };
    expect((await creditImpotClasseur(wb, o)).feuillesEcrites).toEqual(["Crédit d'impôt", "Paramètres"]);
    expect(lireParametres(await wb.readSheet("Paramètres")).size).toBe(0);
    expect((await creditImpotClasseur(wb, o)).feuillesEcrites).toEqual(["Crédit d'impôt"]);
  });
});

describe("tables et clés du crédit d'impôt", () => {
  it("chaque version est sourcée avec une URL et une confiance", () => {
    // The tables are validated where they are imported (regles.ts): here, what validerTable does not require.
    for (const t of Object.values(TABLES_CREDIT_IMPOT))
      for (const v of t.versions) expect(v.sources.every((s) => /^https?:\/\//.test(s.url))).toBe(true);
    // Every version below H says why in the table itself (shown with « à vérifier »).
    for (const t of Object.values(TABLES_CREDIT_IMPOT))
      for (const v of t.versions) expect(v.confiance === "H" || (v.motifConfiance ?? "").length > 20).toBe(true);
    // Spectacle vivant stays [L]: its rates were not read. Phonographique: 2013–2020 rates and caps read in BOFiP
    // actualités [H]; the 2021–2024 cap comes from parliamentary debates only [M]; 2025–2027 from a public-aid page [M].
    expect(TABLES_CREDIT_IMPOT.spectacleVivant.versions.every((v) => v.confiance === "L")).toBe(true);
    expect(TABLES_CREDIT_IMPOT.phonographique.versions.map((v) => `${v.effetDu}→${v.effetAu}:${v.confiance}`)).toEqual([
      "2013-07-12→2014-12-31:H",
      "2015-01-01→2020-12-31:H",
      "2021-01-01→2024-12-31:M",
      "2025-01-01→2027-12-31:M",
    ]);
  });

  it("le modèle Paramètres liste exactement les clés surchargeables (2025), avec valeur en vigueur et source", () => {
    const e = entreesParametresCreditImpot(2025);
    expect(e.map((x) => x.cle).sort()).toEqual([...CLES_CREDIT_IMPOT].sort());
    expect(e.find((x) => x.cle === "credit-impot.audiovisuel.plafond-minute.documentaire")).toMatchObject({
      enVigueur: "1\u202f450,00\u00a0€",
      confiance: "H",
    });
    expect(e.every((x) => /^https?:\/\//.test(x.source))).toBe(true);
  });

  it("la feuille reporte les paramètres à vérifier, les surcharges, la base plafonnée à 80 % du budget et l'agrément", () => {
    const d = unDevis([{ ch: "2", libelle: "Équipe", montant: 100000 }]);
    const surcharges = lireParametres({
      name: "Paramètres",
      rows: [
        [{ v: "Paramètre" }, { v: "Valeur" }],
        [{ v: "credit-impot.cinema.taux" }, { v: "25 %" }],
      ],
      merges: [],
    });
    const spec = feuilleCreditImpot(
      calculerCreditImpot(d, { regime: "cinema", genre: "fiction", annee: 2025, surcharges }),
      "Budget",
    );
    const ligne = (debut: string) => spec.rows.find((r) => r[0] === debut)!;
    expect(ligne("Taux cinéma de base").slice(1, 5)).toEqual(["25,00\u00a0%", "H", "", "'Paramètres'!B2"]);
    expect(ligne("Plafond par œuvre (cinéma)").slice(1, 4)).toEqual(["30\u202f000\u202f000,00\u00a0€", "H", ""]);
    expect(ligne("Plafond des aides publiques")[3]).toBe("à vérifier");
    expect(ligne("Déposer la demande d'agrément provisoire au CNC avant le premier jour de tournage")[1]).toBe("non");
    // 100 000 € eligible on a 100 000 € budget: base capped at 80 % × 100 000 = 80 000 € (220 sexies III-3, live
    // formula on the budget cell), × 25 % = 20 000 € ; live formulas with their cached results.
    const plafond = ligne("Plafond de la base : 80\u00a0% du budget de production");
    expect(plafond.slice(2)).toEqual(["appliqué", "80\u00a0% × budget de production 100\u202f000,00\u00a0€"]);
    const iBudget = spec.rows.findIndex((r) => r[0] === "Budget de production (total du devis)");
    expect(plafond[1]).toEqual({ formula: `ROUND(B${iBudget + 1}*0.8,2)`, result: 80000 });
    const iPlafond = spec.rows.indexOf(plafond);
    // Then the subsidies (220 sexies V), after the cap: MAX(0, MIN(eligible spend, cap) − subsidies), 0 here.
    const iDeduc = spec.rows.findIndex((r) => r[0] === "Déductions de la base (subventions publiques)");
    expect(iDeduc).toBe(iPlafond + 1);
    expect(spec.rows[iDeduc][1]).toBe(0);
    expect(ligne("Base retenue")[1]).toEqual({
      formula: expect.stringMatching(new RegExp(`^MAX\\(0,MIN\\(B\\d+,B${iPlafond + 1}\\)-B${iDeduc + 1}\\)$`)),
      result: 80000,
    });
    expect(
      ligne("Part maximale du budget de production retenue dans la base (cinéma, audiovisuel)").slice(1, 4),
    ).toEqual(["80,00\u00a0%", "M", "à vérifier"]);
    expect(ligne("Crédit d'impôt")[1]).toEqual({
      formula: expect.stringMatching(/^IF\(B\d+="oui",MIN\(B\d+,B\d+,B\d+\),0\)$/),
      result: 20000,
    });
  });
});
