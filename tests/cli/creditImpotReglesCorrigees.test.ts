import * as path from "path";
import { binaire } from "../helpers/cli";

/**
 * Issue 11, corrected rules at their exact boundaries, through the built binary (npm run build:cli) on producers'
 * devis committed in tests/fixtures/credit-impot (generer.js): the documentary floor tests eligible spend per minute,
 * and the per-night lodging cap applies only to lines that show nights.
 */
const FIXTURES = path.resolve(__dirname, "../fixtures/credit-impot");
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const credit = (fichier: string, ...options: string[]) =>
  binaire(["credit-impot", path.join(FIXTURES, fichier), ...options]);

interface CreditJson {
  base: string;
  credit: string;
  creditAvantPlafonds: string;
  alertes: string[];
  baseParChapitre: { code: string; base: string }[];
  lignesHorsBase: { cellule: string; libelle: string; montant: string; base: string; motif: string }[];
}

const DOC = ["--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52", "--annee", "2025"];

describe("prodbook credit-impot (binaire) : plancher du documentaire, 2 000 € de dépenses éligibles par minute", () => {
  it("104 000,00 € éligibles / 52 min, pour un coût de 12 000 €/min : condition remplie, crédit 26 000 €", () => {
    const r = credit("documentaire-plancher.xlsx", ...DOC, "--json");
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const j = JSON.parse(r.out) as CreditJson;
    expect([j.base, j.credit]).toEqual(["104000.00", "26000.00"]);
    expect(j.alertes.filter((a) => /Condition non remplie/.test(a))).toEqual([]);
  });

  it("103 999,99 € : crédit nul, et le constat montre 1 999,99 €/min (pas « 2 000,00 €/min » sous 2 000,00 €)", () => {
    const r = credit("documentaire-sous-plancher.xlsx", ...DOC, "--json");
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const j = JSON.parse(r.out) as CreditJson;
    expect([j.base, j.creditAvantPlafonds, j.credit]).toEqual(["103999.99", "26000.00", "0.00"]);
    expect(j.alertes.map(sp).filter((a) => /Condition non remplie/.test(a))).toEqual([
      "Condition non remplie (dépenses éligibles minimales par minute) : dépenses éligibles 103 999,99 € / 52 min = " +
        "1 999,99 €/min, minimum 2 000,00 €/min (documentaire) — crédit d'impôt nul.",
    ]);
    // The text output says the same, in French.
    const t = credit("documentaire-sous-plancher.xlsx", ...DOC);
    expect(t.code).toBe(0);
    expect(sp(t.out)).toMatch(/CRÉDIT D'IMPÔT +0,00 €/);
    expect(sp(t.out)).toContain("= 1 999,99 €/min, minimum 2 000,00 €/min (documentaire) — crédit d'impôt nul.");
  });
});

describe("prodbook credit-impot (binaire) : plafond d'hébergement seulement sur des nuits", () => {
  const CINEMA = ["--regime", "cinema", "--genre", "fiction", "--langue", "francais", "--annee", "2025", "--json"];

  it("forfait « Transports, hébergement, repas » 160 000 € × 1 : gardé entier, constat nommant sa cellule ; 30 nuitées à 250 € : 30 × 200 €", () => {
    const r = credit("hebergement-forfait.xlsx", ...CINEMA);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const j = JSON.parse(r.out) as CreditJson;
    // Chapter 6: the forfait whole (160 000 €) + the hotel capped at 30 × 200 € = 166 000 €.
    expect(j.baseParChapitre.find((c) => c.code === "6")?.base).toBe("166000.00");
    expect(j.lignesHorsBase.map((l) => [l.cellule, l.libelle, l.montant, l.base])).toEqual([
      ["Devis!G8", "Hôtel équipe", "7500.00", "6000.00"],
    ]);
    expect(j.alertes.map(sp).filter((a) => /nuit/.test(a))).toEqual([
      "Devis!G7 : « Transports, hébergement, repas » — nombre de nuits inconnu : plafond d'hébergement non vérifié " +
        "(200,00 € par nuit) ; 160 000,00 € retenus dans la base.",
      "Base réduite (plafond hébergement) de 1 500,00 € : Devis!G8 : 30 nuits à 200,00 € au plus.",
    ]);
  });
});
