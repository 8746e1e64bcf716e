/**
 * Sens written in whole words (« Débit », « Crédit », any case, accented or not, surrounding spaces) reads as D/C in
 * the FEC reader and the grand livre CSV alike; any other value rejects its line, naming it in French.
 */
import { lireFec, lireGrandLivreCsv, type MappingGrandLivre } from "../../../src/core/comptabilite/fec";
import { sensLu } from "../../../src/core/comptabilite/fec/sens";
import * as texte from "../../../src/core/util/texte";

const E =
  "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Montant|Sens|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
const l = (num: string, compte: string, montant: string, sens: string) =>
  `AC|Achats|${num}|20240105|${compte}|Cpt|||P1|20240105|Lib|${montant}|${sens}|||20240105||`;

describe("Sens en toutes lettres", () => {
  test("sensLu : D/C, +1/-1 et les mots, rien d'autre", () => {
    const debit = ["D", "d", "+1", "1", "+", "Débit", "DÉBIT", "débit", "Debit", "DEBIT", " debit ", "\u00a0Débit\t"];
    const credit = ["C", "c", "-1", "-", "Crédit", "CRÉDIT", "crédit", "Credit", "CREDIT", " credit  "];
    expect(debit.map(sensLu)).toEqual(debit.map(() => "D"));
    expect(credit.map(sensLu)).toEqual(credit.map(() => "C"));
    for (const s of ["", "Avoir", "Débiteur", "Créditeur", "DC", "Debit Credit", "2", "0", "Dt"])
      expect(sensLu(s)).toBeUndefined();
  });

  test("D, C, +1, -1 tels qu'écrits (presque toutes les lignes) : lus sans normaliser le texte", () => {
    const normaliser = jest.spyOn(texte, "normaliser");
    try {
      expect(["D", "C", "+1", "-1", "d", "c"].map(sensLu)).toEqual(["D", "C", "D", "C", "D", "C"]);
      expect(normaliser).not.toHaveBeenCalled();
      expect(sensLu("Débit")).toBe("D");
      expect(normaliser).toHaveBeenCalledTimes(1);
    } finally {
      normaliser.mockRestore();
    }
  });

  test("lecteur FEC : les mots lus, toute autre valeur rejetée en nommant la ligne et la valeur", () => {
    const r = lireFec(
      [
        E,
        l("1", "606400", "100,00", "Débit"),
        l("1", "401000", "100,00", "CRÉDIT"),
        l("2", "613500", "12,50", " debit "),
        l("2", "401000", "12,50", "Credit"),
        l("3", "606400", "7,00", "Débiteur"),
      ].join("\n"),
    );
    expect([r.ecritures, r.debit, r.credit]).toEqual([4, 11250, 11250]);
    expect(r.parClasse.get("6")).toEqual({ debit: 11250, credit: 0 });
    expect(r.erreurs).toEqual([
      {
        ligne: 6,
        message:
          "Ligne 6 rejetée : Sens « Débiteur » : attendu D, Débit, +1, 1 ou + (débit) ; C, Crédit, -1 ou - (crédit).",
      },
    ]);
  });

  test("grand livre CSV : les mêmes mots, le même rejet", () => {
    const csv = [
      "Compte;Date;Montant;Sens",
      "613500;05/01/2024;100,00;Débit",
      "401000;05/01/2024;100,00;crédit",
      "625100;06/01/2024;20,00;DEBIT ",
      "401000;06/01/2024;20,00; CREDIT",
      "606400;07/01/2024;5,00;Avoir",
      // A « +1 » whose sign a spreadsheet dropped, and the bare signs: what the rejection lists.
      "607000;08/01/2024;3,00;1",
      "401000;08/01/2024;3,00;-",
      "607000;09/01/2024;2,00;+",
      "401000;09/01/2024;2,00;-1",
    ].join("\n");
    const m: MappingGrandLivre = {
      separateur: ";",
      colonnes: { compte: "Compte", date: "Date", montant: "Montant", sens: "Sens" },
    };
    const r = lireGrandLivreCsv(csv, m);
    expect([r.ecritures, r.debit, r.credit]).toEqual([8, 12500, 12500]);
    expect(r.erreurs).toEqual([
      {
        ligne: 6,
        message:
          "Ligne 6 rejetée : sens « Avoir » : attendu D, Débit, +1, 1 ou + (débit) ; C, Crédit, -1 ou - (crédit).",
      },
    ]);
  });
});
