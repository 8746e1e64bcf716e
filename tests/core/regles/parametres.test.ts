import Decimal from "decimal.js";
import type { CellData, SheetData } from "../../../src/core/port/workbook";
import {
  clesInconnues,
  clesProches,
  feuilleParametresModele,
  lireParametres,
  parseTaux,
  ParametreInvalideError,
  surchargeMontant,
  surchargeNombre,
  surchargeTaux,
} from "../../../src/core/regles/parametres";

function feuille(name: string, rows: (string | number | null)[][]): SheetData {
  return { name, rows: rows.map((r) => r.map((v): CellData => ({ v }))), merges: [] };
}

describe("lireParametres", () => {
  it("lit les clés et valeurs sous l'en-tête, avec la cellule de chaque valeur", () => {
    const s = lireParametres(
      feuille("Paramètres", [
        ["Réglages du film"],
        [null, "Paramètre", "Valeur", "Commentaire"],
        [null, "Crédit-Impôt.Audiovisuel.Taux.Fiction", "25 %", "vu avec l'expert-comptable"],
        [null, "credit-impot.audiovisuel.plafond-minute.fiction", "1 450 €", null],
        [null, "credit-impot.cinema.taux", null, "vide : chiffre en vigueur"],
        [null, "credit-impot.audiovisuel.duree-minimum.documentaire", 26, null],
      ]),
    );
    expect([...s.keys()]).toEqual([
      "credit-impot.audiovisuel.taux.fiction",
      "credit-impot.audiovisuel.plafond-minute.fiction",
      "credit-impot.audiovisuel.duree-minimum.documentaire",
    ]);
    expect(s.get("credit-impot.audiovisuel.taux.fiction")).toEqual({ valeur: "25 %", cellule: "'Paramètres'!C3" });
    expect(surchargeTaux(s, "credit-impot.audiovisuel.taux.fiction")?.valeur.toString()).toBe("0.25");
    expect(surchargeMontant(s, "credit-impot.audiovisuel.plafond-minute.fiction")?.valeur).toBe(145000);
    expect(surchargeNombre(s, "credit-impot.audiovisuel.duree-minimum.documentaire")?.valeur.toString()).toBe("26");
    expect(surchargeTaux(s, "credit-impot.cinema.taux")).toBeUndefined();
  });

  it("sans feuille ou sans en-tête, ne surcharge rien", () => {
    expect(lireParametres(undefined).size).toBe(0);
    expect(
      lireParametres(
        feuille("Paramètres", [
          ["a", "b"],
          ["c", 1],
        ]),
      ).size,
    ).toBe(0);
  });

  it("refuse une clé en double en nommant les deux cellules", () => {
    const sh = feuille("Param", [
      ["Paramètre", "Valeur"],
      ["credit-impot.cinema.taux", "30 %"],
      ["credit-impot.cinema.taux", "0,3"],
    ]);
    expect(() => lireParametres(sh)).toThrow(
      "Param!B3 : le paramètre « credit-impot.cinema.taux » est déjà défini en Param!B2",
    );
  });

  it("une valeur illisible donne une erreur française qui nomme la cellule", () => {
    const s = lireParametres(
      feuille("Paramètres", [
        ["Paramètre", "Valeur"],
        ["credit-impot.cinema.taux", "trente"],
        ["credit-impot.cinema.plafond-oeuvre", "beaucoup"],
      ]),
    );
    expect(() => surchargeTaux(s, "credit-impot.cinema.taux")).toThrow(ParametreInvalideError);
    expect(() => surchargeTaux(s, "credit-impot.cinema.taux")).toThrow(
      "'Paramètres'!B2 : « trente » n'est pas un taux valable pour « credit-impot.cinema.taux » (attendu par exemple « 25 % » ou « 0,25 »).",
    );
    expect(() => surchargeMontant(s, "credit-impot.cinema.plafond-oeuvre")).toThrow(
      "'Paramètres'!B3 : « beaucoup » n'est pas un montant",
    );
  });

  it("liste les clés inconnues d'un domaine (faute de frappe jamais ignorée en silence)", () => {
    const s = lireParametres(
      feuille("P", [
        ["Paramètre", "Valeur"],
        ["credit-impot.cinema.tau", "30 %"],
        ["planning.jours", "5"],
      ]),
    );
    expect(clesInconnues(s, "credit-impot.", ["credit-impot.cinema.taux"])).toEqual([
      { cle: "credit-impot.cinema.tau", cellule: "P!B2", proches: ["credit-impot.cinema.taux"] },
    ]);
    // A key far from every known one gets no suggestion; one that the known keys continue gets those.
    expect(clesInconnues(s, "planning.", ["temps-de-travail.heures-jour"])[0].proches).toEqual([]);
    expect(clesProches("credit-impot.audiovisuel.taux", ["x", "credit-impot.audiovisuel.taux.fiction"])).toEqual([
      "credit-impot.audiovisuel.taux.fiction",
    ]);
  });
});

describe("parseTaux", () => {
  it.each([
    ["25 %", "0.25"],
    ["25%", "0.25"],
    ["12,5 %", "0.125"],
    ["0,25", "0.25"],
    ["0.4", "0.4"],
    ["1", "1"],
  ])("« %s » → %s", (t, attendu) => {
    expect(parseTaux(t)?.equals(new Decimal(attendu))).toBe(true);
  });
  it.each(["25", "-5 %", "abc", ""])("refuse « %s »", (t) => {
    expect(parseTaux(t)).toBeUndefined();
  });
});

describe("feuilleParametresModele", () => {
  it("liste les clés avec la valeur en vigueur, la confiance et la source, colonne Valeur vide", () => {
    const spec = feuilleParametresModele([
      {
        cle: "credit-impot.cinema.taux",
        libelle: "Taux cinéma",
        enVigueur: "30 %",
        confiance: "M",
        source: "https://example.org/a",
      },
    ]);
    expect(spec.name).toBe("Paramètres");
    expect(spec.rows[2].slice(0, 2)).toEqual(["Paramètre", "Valeur"]);
    expect(spec.rows[3]).toEqual([
      "credit-impot.cinema.taux",
      null,
      null,
      "Taux cinéma",
      "30 %",
      "M (à vérifier)",
      "https://example.org/a",
    ]);
    // What the template writes is read back as « no override ».
    const relu = lireParametres({
      name: spec.name,
      rows: spec.rows.map((r) => r.map((c): CellData => ({ v: typeof c === "string" ? c : null }))),
      merges: [],
    });
    expect(relu.size).toBe(0);
  });
});
