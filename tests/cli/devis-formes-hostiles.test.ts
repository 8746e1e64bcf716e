import * as path from "path";
import { devisBinaire } from "../helpers/cli";

/**
 * Issue 10, hostile shapes a producer's budget really has (tests/fixtures/devis-reels/generer.js, `tauxSansQuantite`):
 * « 1 234,56 € » with a narrow no-break space, the accountant's negatives « (1 200,00) » and « 1200- », « 12 % » in the
 * amount column, and a rate with no quantity nor amount mid-table and after the TOTAL (before: both dropped in silence,
 * 9 500 € said nowhere).
 */
const FICHIER = path.join(__dirname, "../fixtures/devis-reels/taux-sans-quantite.xlsx");
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("prodbook devis : formes hostiles d'un budget de spectacle", () => {
  const r = devisBinaire(FICHIER, "--json");
  const j = JSON.parse(r.out);
  const constat = (cellule: string) => j.controles.find((c: { cellule?: string }) => c.cellule === cellule);

  it("chaque montant lu est une ligne, un total prouvé ou listé ; les négatifs comptables lus négatifs", () => {
    expect(r.code).toBe(0);
    // 5 000 + 1 234,56 − 1 200 − 1 200 + 600 = 4 434,56 €, the TOTAL proven by them.
    expect(j.devis.conservation).toMatchObject({
      lu: "8869.12",
      lignes: "5634.56",
      totauxProuves: "4434.56",
      nonPlaces: "-1200.00",
      listes: "0.00",
      ecart: "0.00",
      cellules: { lues: 7, lignes: 4, totauxProuves: 1, nonPlaces: 1, listees: 1 },
      nonComptees: [],
    });
    expect(sp(constat("Budget!D7").message)).toContain("« Avoir loueur » : le montant −1 200,00 €");
    expect(sp(constat("Budget!D9").message)).toBe(
      "Budget!D9 « Remise négociée » : « 12 % » n'est pas un montant ; la ligne n'est pas comptée.",
    );
  });

  it("un taux sans quantité ni montant est nommé, jamais compté une fois ni perdu", () => {
    for (const [cellule, libelle, taux] of [
      ["Budget!C6", "Provision imprévus", "8 000,00 €"],
      ["Budget!C14", "Frais de structure", "1 500,00 €"],
    ]) {
      const c = constat(cellule);
      expect(c.regle).toBe("montant-illisible");
      expect(c.gravite).toBe("alerte");
      expect(sp(c.message)).toBe(
        `${cellule} « ${libelle} » : le taux ${taux} est écrit sans quantité ni montant ; Prodbook ne devine pas la ` +
          `quantité, la ligne n'est pas comptée. Indiquez sa quantité ou son montant, puis relancez.`,
      );
    }
  });
});

describe("prodbook devis : un montant écrit seulement dans la colonne TTC (HT lu)", () => {
  // tests/fixtures/devis-reels/generer.js, `ttcSansHt`: before, « Catering » (1 200 € TTC) and « Régie » (480 € TTC) were
  // dropped in silence, the HT read without them.
  const r = devisBinaire(path.join(__dirname, "../fixtures/devis-reels/ttc-sans-ht.xlsx"), "--json");
  const j = JSON.parse(r.out);

  it("la ligne sans HT est nommée avec ses deux cellules ; le TTC n'est jamais compté à sa place", () => {
    expect(r.code).toBe(0);
    expect(j.devis.colonneMontant.retenue).toMatchObject({ colonne: "B", entete: "Montant HT" });
    expect(j.devis.conservation).toMatchObject({ lu: "7000.00", ecart: "0.00", nonComptees: [] });
    const messages = j.controles
      .filter((c: { regle: string }) => c.regle === "montant-illisible")
      .map((c: { message: string }) => sp(c.message));
    expect(messages).toEqual([
      "Budget!B5 « Catering » : ce montant est vide, mais la colonne « Montant TTC » tient 1 200,00 € sur cette ligne " +
        "(D5) ; ce montant n'est pas compté. Si c'est une ligne du devis, écrivez son montant dans la colonne lue, puis relancez.",
      "Budget!B7 « Régie » : ce montant est vide, mais la colonne « Montant TTC » tient 480,00 € sur cette ligne (D7) ; " +
        "ce montant n'est pas compté. Si c'est une ligne du devis, écrivez son montant dans la colonne lue, puis relancez.",
    ]);
  });
});

describe("prodbook devis : une quantité ou un nombre seul, sans taux ni montant", () => {
  // tests/fixtures/devis-reels/generer.js, `quantiteSansTaux`: before, « Divers | 1 250 | | | » and « Location salle | | 3 | | »
  // were dropped in silence (maybe an amount typed one column off). Named with their cell, never counted in euros.
  const r = devisBinaire(path.join(__dirname, "../fixtures/devis-reels/quantite-sans-taux.xlsx"), "--json");
  const j = JSON.parse(r.out);

  it("la cellule est nommée, la ligne n'est pas comptée en euros", () => {
    expect(r.code).toBe(0);
    expect(j.devis.total).toBe("5600.00");
    expect(j.devis.conservation).toMatchObject({ lu: "11200.00", lignes: "5600.00", ecart: "0.00", nonComptees: [] });
    const messages = j.controles
      .filter((c: { regle: string }) => c.regle === "montant-illisible")
      .map((c: { gravite: string; cellule: string; message: string }) => [c.gravite, c.cellule, sp(c.message)]);
    expect(messages).toEqual([
      [
        "alerte",
        "Budget!B5",
        "Budget!B5 « Divers » : quantité 1 250 sans taux ni montant : ligne non comptée ; si c'est un montant, " +
          "mettez-le dans la colonne des montants, puis relancez.",
      ],
      [
        "alerte",
        "Budget!C6",
        "Budget!C6 « Location salle » : nombre 3 sans taux ni montant : ligne non comptée ; si c'est un montant, " +
          "mettez-le dans la colonne des montants, puis relancez.",
      ],
    ]);
  });
});

describe("prodbook devis : une ligne dont le montant n'est que dans la colonne TTC n'est jamais un titre", () => {
  // tests/fixtures/devis-reels/generer.js, `ttcSousTitre` and `ttcSansHt`: before, « Catering » (HT empty, « 1 200 TTC »
  // or 1 200 in « Montant TTC ») was read as a section title, an English account name (chapter 6 deduced), and the lines
  // below it (« Lumière », « Régie ») were placed in chapter 6 under it.
  const lire = (nom: string) => {
    const r = devisBinaire(path.join(__dirname, `../fixtures/devis-reels/${nom}`), "--json");
    return { code: r.code, j: JSON.parse(r.out) };
  };

  it("« Catering | | | 1 200 TTC » sous « TECHNIQUE » : nommée, les lignes suivantes gardent leur propre chapitre", () => {
    const { code, j } = lire("ttc-sous-titre.xlsx");
    expect(code).toBe(0);
    expect(j.devis.chapitresDeduits).toBeUndefined();
    expect(j.controles.map((c: { regle: string }) => c.regle)).not.toContain("chapitre-deduit-anglais");
    // « Lumière » 1 500 € in chapter 7 (its own keyword), « Régie » 500 € in chapter 6 (its own keyword).
    expect(j.devis.chapitres).toEqual([
      { code: "6", libelle: "Transports, défraiements, régie", total: "500.00" },
      { code: "7", libelle: "Moyens techniques", total: "1500.00" },
    ]);
    expect(j.devis.conservation).toMatchObject({ lu: "8000.00", ecart: "0.00", nonComptees: [] });
    const catering = j.controles.find((c: { cellule?: string }) => c.cellule === "Budget!B6");
    expect(catering.regle).toBe("montant-illisible");
    expect(sp(catering.message)).toContain("la colonne « Montant TTC » tient 1 200,00 € sur cette ligne (D6)");
  });

  it("« Catering | | | 1 200 » (ttc-sans-ht) : « Lumière » n'est plus placée au chapitre 6 sous « Catering »", () => {
    const { j } = lire("ttc-sans-ht.xlsx");
    expect(j.devis.chapitresDeduits).toBeUndefined();
    expect(j.devis.chapitres).toEqual([{ code: "7", libelle: "Moyens techniques", total: "1500.00" }]);
  });
});

describe("prodbook devis : un total du producteur à un centime de ses lignes", () => {
  // tests/fixtures/devis-reels/generer.js, `totalArrondi`: before, « Total chapitre 07 » 5 000,01 € for 5 000,00 € of lines
  // and « TOTAL » 5 200,01 € were proven in silence, the cent absorbed. Still proven (one cent), but said.
  const r = devisBinaire(path.join(__dirname, "../fixtures/devis-reels/total-arrondi.xlsx"), "--json");
  const j = JSON.parse(r.out);

  it("l'écart d'arrondi est nommé (info), le devis compte ses lignes", () => {
    expect(r.code).toBe(0);
    expect(j.devis.total).toBe("5200.00");
    expect(j.devis.conservation).toMatchObject({ lignes: "5200.00", totauxProuves: "10400.02", ecart: "0.00" });
    const arrondis = j.controles
      .filter((c: { message: string }) => c.message.includes("arrondi"))
      .map((c: { regle: string; gravite: string; message: string }) => [c.regle, c.gravite, sp(c.message)]);
    expect(arrondis).toEqual([
      [
        "sous-total-producteur",
        "info",
        "Devis!D7 : Le sous-total du producteur « Total chapitre 07 » indique 5 000,01 €, les 2 lignes qu'il couvre " +
          "totalisent 5 000,00 € : écart d'arrondi de 0,01 €, accepté ; le devis compte ses lignes (5 000,00 €).",
      ],
      [
        "total-producteur",
        "info",
        "Devis!D11 : Le total du producteur « TOTAL » indique 5 200,01 €, les 3 lignes qu'il couvre totalisent " +
          "5 200,00 € : écart d'arrondi de 0,01 €, accepté ; le devis compte ses lignes (5 200,00 €).",
      ],
    ]);
  });
});
