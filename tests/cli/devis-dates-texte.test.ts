import * as path from "path";
import { devisBinaire } from "../helpers/cli";

/**
 * Issue 10: a date typed as text (« 15/04/2025 », « 15 avril 2025 », « 1er juil. 2025 ») above the header or between
 * two stacked tables is named as a date, as a real Excel date there is (before: neither listed nor said). Fixture:
 * tests/fixtures/devis-reels/generer.js, `dates-texte`.
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-reels/devis-dates-texte.xlsx");
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("prodbook devis : dates écrites en texte hors du tableau", () => {
  const r = devisBinaire(FICHIER, "--json");
  const j = JSON.parse(r.out);
  const message = (cellule: string) =>
    sp(j.controles.find((c: { cellule?: string }) => c.cellule === cellule)?.message ?? "");

  it("chaque date écrite en texte est lue et listée comme une date, jamais en euros", () => {
    expect(r.code).toBe(0);
    const c = j.devis.conservation;
    expect(c).toMatchObject({ lignes: "164600.00", totauxProuves: "321800.00", listes: "0.00", ecart: "0.00" });
    expect(c.nonComptees).toEqual([]);
    const date = (cellule: string, valeur: string, entete?: string) => ({
      cellule,
      montant: null,
      place: "au-dessus",
      nature: "date",
      valeur,
      unite: "date",
      ...(entete ? { entete } : {}),
    });
    expect(c.ailleurs).toEqual(
      expect.arrayContaining([
        date("Devis!F2", "2025-04-15"),
        date("Devis!F3", "2025-04-15"),
        date("Devis!B4", "2025-06-03"),
        date("Devis!B26", "2025-07-01", "Devis!A29"),
        // Above « 30/09/2025 » in F: before, the gap was read from the row after it, D24 skipped in silence.
        date("Devis!D24", "2025-05-20", "Devis!A29"),
      ]),
    );
  });

  it("les messages disent la date, pas un montant", () => {
    expect(message("Devis!F2")).toBe(
      "Devis!F2 « Date du devis » : 15/04/2025 est écrit au-dessus de la ligne d'en-tête du devis ; c'est une date, " +
        "pas un montant : il n'est ni lu en euros ni compté dans le devis.",
    );
    expect(message("Devis!F3")).toContain("Devis!F3 « Établi le » : 15/04/2025 est écrit au-dessus");
    expect(message("Devis!B4")).toContain("Devis!B4 « Mise à jour » : 03/06/2025 est écrit au-dessus");
    expect(message("Devis!B26")).toContain(
      "Devis!B26 « Version du » : 01/07/2025 est écrit au-dessus de la ligne d'en-tête du tableau en A29 ; c'est une date",
    );
    expect(message("Devis!D24")).toContain(
      "Devis!D24 « Révisé le » : 20/05/2025 est écrit au-dessus de la ligne d'en-tête du tableau en A29",
    );
    // « 30/09/2025 » in the first table's amount column: a date where an amount belongs, named as before.
    expect(message("Devis!F25")).toContain("le montant est une date (30/09/2025), pas un montant");
  });
});
