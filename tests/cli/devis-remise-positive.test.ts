import * as path from "path";
import { devisBinaire } from "../helpers/cli";

/**
 * Issue 10: a rebate typed without its minus sign (tests/fixtures/devis-reels/generer.js, `remisePositive`).
 * « Remise 10 % | 500 » and « Rabais loueur | 300 » are counted as written (never turned negative by their words),
 * and said; « Remise en état du décor » is a cost, not a deduction. Before: 6 600 € in silence.
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-reels/remise-positive.xlsx");
const sp = (s: string) => s.replace(/[\u00a0\u202f\u2212]/g, (c) => (c === "\u2212" ? "-" : " "));

describe("prodbook devis : remise écrite sans son signe moins", () => {
  const r = devisBinaire(FICHIER, "--json");
  const j = JSON.parse(r.out);
  const remises = j.controles.filter((c: { regle: string }) => c.regle === "remise-positive");

  it("chaque remise au montant positif est nommée, comptée comme écrite", () => {
    expect(r.code).toBe(0);
    expect(j.devis.total).toBe("6600.00");
    expect(j.devis.conservation).toMatchObject({ lignes: "6600.00", ecart: "0.00" });
    expect(remises.map((c: { cellule: string }) => c.cellule)).toEqual(["Devis!D7", "Devis!D8"]);
    expect(remises[0].gravite).toBe("alerte");
    expect(sp(remises[0].message)).toContain(
      "« Remise 10 % » : le libellé annonce une déduction, mais le montant 500,00 €",
    );
    expect(sp(remises[1].message)).toContain("écrivez-le en négatif (-300,00 €)");
  });

  it("« Remise en état du décor » est un coût, pas une remise", () => {
    expect(j.controles.filter((c: { cellule?: string }) => c.cellule === "Devis!D9")).toEqual([]);
  });
});
