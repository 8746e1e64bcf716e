import * as path from "path";
import { devisBinaire, devisJsonBinaire, espacesSimples } from "../helpers/cli";

/**
 * Issue 10 through the built binary (npm run build:cli) on committed workbooks (tests/fixtures/devis-reels/generer.js,
 * mentionTaxe): a text amount written with the other tax mention than the column read is counted as typed and named
 * (montant-taxe-ecrite); « 480 TTC » typed in the TVA column with the HT empty is named with its cells, never counted.
 * Before: the first counted in silence, the last named nowhere. The conservation stays at 0,00 €.
 */
const DIR = path.join(__dirname, "../fixtures/devis-reels");
const sp = espacesSimples;

const lire = (fichier: string) => devisJsonBinaire(path.join(DIR, fichier));

describe("prodbook devis : un montant écrit TTC ou HT contre la colonne lue", () => {
  it("« 1 200 TTC » dans la colonne HT lue : compté tel quel, chaque cellule nommée", () => {
    const { devis, controles } = lire("ttc-dans-ht.xlsx");
    expect(devis.total).toBe("5900.00");
    expect(devis.conservation).toMatchObject({ lignes: "5900.00", totauxProuves: "5900.00", ecart: "0.00" });
    expect(controles.filter((c) => c.regle === "montant-taxe-ecrite")).toEqual([
      {
        regle: "montant-taxe-ecrite",
        gravite: "alerte",
        cellule: "Budget!B6",
        message:
          "Budget!B6 « Catering » : « 1 200 TTC » : montant écrit TTC dans la colonne des montants HT : 1 200,00 € " +
          "compté tel quel ; vérifiez s'il faut le montant HT.",
      },
      {
        regle: "montant-taxe-ecrite",
        gravite: "alerte",
        cellule: "Budget!B7",
        message:
          "Budget!B7 « Traiteur » : « 1 200,00 € TTC » : montant écrit TTC dans la colonne des montants HT : " +
          "1 200,00 € compté tel quel ; vérifiez s'il faut le montant HT.",
      },
    ]);
  });

  it("« 500 HT » dans la colonne « Montant TTC » lue : compté tel quel, nommé", () => {
    const { devis, controles } = lire("ht-dans-ttc.xlsx");
    expect(devis.total).toBe("4700.00");
    expect(devis.conservation).toMatchObject({ lignes: "4700.00", ecart: "0.00" });
    expect(controles.filter((c) => c.regle === "montant-taxe-ecrite").map((c) => [c.cellule, c.message])).toEqual([
      [
        "Budget!B6",
        "Budget!B6 « Régie » : « 500 HT » : montant écrit HT dans la colonne des montants TTC : 500,00 € compté tel " +
          "quel ; vérifiez s'il faut le montant TTC.",
      ],
    ]);
  });

  it("« 480 TTC » dans la colonne TVA, HT vide : nommé avec ses cellules, jamais compté", () => {
    const { devis, controles } = lire("ttc-dans-tva.xlsx");
    expect(devis.total).toBe("3500.00");
    expect(devis.conservation).toMatchObject({ lignes: "3500.00", totauxProuves: "3500.00", ecart: "0.00" });
    expect(devis.conservation.lu).toBe("7000.00");
    const nommes = controles.filter((c) => c.cellule === "Budget!B6");
    expect(nommes).toEqual([
      {
        regle: "montant-illisible",
        gravite: "alerte",
        cellule: "Budget!B6",
        message:
          "Budget!B6 « Régie » : ce montant est vide, mais la colonne « TVA » tient « 480 TTC » (480,00 €, un montant " +
          "et non une TVA) sur cette ligne (C6) ; ce montant n'est pas compté. Si c'est une ligne du devis, écrivez son " +
          "montant dans la colonne lue, puis relancez.",
      },
    ]);
  });

  it("texte : le constat est dit par son titre français", () => {
    const r = devisBinaire(path.join(DIR, "ttc-dans-ht.xlsx"));
    expect(r.code).toBe(0);
    expect(sp(r.out)).toContain("« 1 200 TTC » : montant écrit TTC dans la colonne des montants HT : 1 200,00 €");
    expect(r.out).not.toContain("montant-taxe-ecrite");
  });
});
