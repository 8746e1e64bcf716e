import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { completerConservation, conservationRespectee } from "../../../src/core/devis/conservation";
import { centsToDecimalString, type Cents } from "../../../src/core/money/cents";
import { texteConservation } from "../../../src/core/devis/feuilleControles";
import { feuilleXlsx, type Cellule } from "./outils";

/**
 * Issue 10, tables stacked in one sheet: each lower table is read by what is its own — its title's unit, its header
 * over two rows, its amount columns, its chapters — never by what the table above it said.
 */
const e = (c: Cents) => centsToDecimalString(c);
const espaces = (m: string | undefined) => m?.replace(/[\u00a0\u202f]/g, " ");

/** « PERSONNEL » in euros under the first header (rows 1–4), blank rows down to row 45, then `bas` from row 46. */
function empiles(bas: Cellule[][], remplacer: Record<number, Cellule[]> = {}): Cellule[][] {
  const rows: Cellule[][] = [
    ["Code", "Désignation", "Qté", "Tarif", "Montant"],
    ["2", "PERSONNEL"],
    ["", "Chef opérateur", 10, 600, 6000],
    ["", "Assistant réalisateur", 2, 400, 800],
  ];
  while (rows.length < 45) rows.push([]);
  for (const [i, r] of Object.entries(remplacer)) rows[Number(i)] = r;
  return [...rows, ...bas];
}

const lues = (d: ReturnType<typeof importerDevis>) =>
  d.lignes.map((l) => [l.source.cellules.montant, l.libelle, e(l.montant)]);

/** Conservation figures (lu, lignes, totaux prouvés, non placés, listés, écart) and the invariant with the findings. */
function conservation(d: ReturnType<typeof importerDevis>) {
  const c = d.conservation!;
  const constats = controlerDevis(d, "2026-01-15");
  return {
    chiffres: [e(c.lu), e(c.lignes), e(c.totauxProuves), e(c.nonPlaces), e(c.listes), e(c.ecart)],
    respectee: conservationRespectee(completerConservation(c, constats)),
    constats,
  };
}

describe("tableau du bas : son propre titre dit son unité", () => {
  it("« TOURNAGE (en k€) » au-dessus du second en-tête : ses montants × 1 000, le premier tableau nommé", async () => {
    // Before: Caméra and Régie were read 3,00 € and 0,70 €, without a word (the title above a lower header was
    // neither applied nor named).
    const d = importerDevis(
      await feuilleXlsx(
        "Devis",
        empiles(
          [
            ["Poste", "Jours", "Montant"],
            ["Caméra", 3, 3],
            ["Régie", null, 0.7],
          ],
          { 43: ["TOURNAGE (en k€)"] },
        ),
      ),
    );
    expect(lues(d)).toEqual([
      ["Devis!E3", "Chef opérateur", "6000.00"],
      ["Devis!E4", "Assistant réalisateur", "800.00"],
      ["Devis!C47", "Caméra", "3000.00"],
      ["Devis!C48", "Régie", "700.00"],
    ]);
    expect(d.uniteMilliers?.tableaux).toEqual([
      {
        entete: "Devis!A46",
        ligne: 46,
        fin: 48,
        cellule: "Devis!A44",
        texte: "TOURNAGE (en k€)",
        portee: "feuille",
        facteur: 1000,
        colonnes: ["C"],
        cellules: 2,
      },
    ]);
    // The first table says no unit beside a table in thousands: read as typed, named with both readings.
    expect(d.uniteMilliers?.sansUnite?.map((t) => [t.cellule, t.lignes, e(t.somme)])).toEqual([
      ["Devis!E1", 2, "6800.00"],
    ]);
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10500.00", "10500.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(c.respectee).toBe(true);
    const k = c.constats.filter((x) => x.regle === "unite-milliers");
    expect(k.map((x) => [x.gravite, x.cellule])).toEqual([
      ["alerte", "Devis!A44"],
      ["alerte", "Devis!E1"],
    ]);
    expect(espaces(k[0].message)).toContain(
      "Devis!A44 « TOURNAGE (en k€) » : ce titre dit des chiffres en milliers d'euros ; les montants de la colonne C " +
        "sont lus × 1 000 pour compter le devis en euros (2 cellules, ex. Devis!C47 : 3 → 3 000,00 €)",
    );
    expect(espaces(k[0].message)).toContain("Si ces montants sont déjà en euros, retirez cette mention");
  });

  it("« en milliers d'euros » séparé du tableau du haut par une ligne vide : le titre du tableau du bas", async () => {
    const d = importerDevis(
      await feuilleXlsx(
        "Devis",
        empiles(
          [
            ["Poste", "Jours", "Montant"],
            ["Caméra", 3, 1.25],
          ],
          { 44: [null, "en milliers d'euros"] },
        ),
      ),
    );
    expect(lues(d).map((x) => x[2])).toEqual(["6000.00", "800.00", "1250.00"]);
    expect(d.uniteMilliers?.tableaux?.map((t) => [t.entete, t.cellule, t.colonnes, t.cellules])).toEqual([
      ["Devis!A46", "Devis!B45", ["C"], 1],
    ]);
    expect(d.uniteNonAppliquee).toBeUndefined();
    expect(conservation(d).chiffres).toEqual(["8050.00", "8050.00", "0.00", "0.00", "0.00", "0.00"]);
  });

  it("la même note collée sous la dernière ligne du haut : rien ne dit quel tableau, lue en euros et nommée", async () => {
    // Glued to the table above (no blank row) and followed by a blank row: it may close the table above as well as
    // head the one below; neither reading is picked.
    const rows = empiles(
      [
        ["Poste", "Jours", "Montant"],
        ["Caméra", 3, 1.25],
      ],
      { 4: [null, "en milliers d'euros"] },
    );
    rows.splice(5, 39); // the note on row 5, under the last line of the first table, a blank row, the header on row 7
    const d = importerDevis(await feuilleXlsx("Devis", rows));
    expect(lues(d).map((x) => [x[0], x[2]])).toEqual([
      ["Devis!E3", "6000.00"],
      ["Devis!E4", "800.00"],
      ["Devis!C8", "1.25"],
    ]);
    expect(d.uniteMilliers).toBeUndefined();
    expect(d.uniteNonAppliquee).toEqual({ cellule: "Devis!B5", texte: "en milliers d'euros", facteur: 1000 });
    const c = conservation(d);
    expect(c.chiffres).toEqual(["6801.25", "6801.25", "0.00", "0.00", "0.00", "0.00"]);
    expect(c.constats.filter((x) => x.regle === "unite-milliers").map((x) => x.cellule)).toEqual(["Devis!B5"]);
  });
});

describe("tableau du bas : un en-tête sur deux lignes est un seul en-tête, lu comme le premier", () => {
  it("« | Jours | Tarif | Montant » sans en-tête de libellés : les libellés lus à gauche, comme au premier tableau", async () => {
    // Before: the lower header was not recognised, and « Caméra » and « Régie » were read with the first table's
    // columns (their labels under its « Code », their figures under its « Désignation », « Qté » and « Tarif »).
    const bas: Cellule[][] = [
      [null, "Jours", "Tarif", "Montant"],
      ["Caméra", 3, 1000, 3000],
      ["Régie", 1, 700, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(lues(d).slice(2)).toEqual([
      ["Devis!D47", "Caméra", "3000.00"],
      ["Devis!D48", "Régie", "700.00"],
    ]);
    expect(d.entetesSuivants?.[0]).toMatchObject({
      cellule: "Devis!B46",
      colonnes: { libelle: "A", quantite: "B", taux: "C", montant: "D" },
      colonneLibelles: { colonne: "A", aGaucheDe: { colonne: "B", cellule: "Devis!B46", entete: "Jours" } },
    });
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10500.00", "10500.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(c.respectee).toBe(true);
    expect(
      c.constats.filter((x) => x.regle === "colonnes-lues").map((x) => [x.gravite, x.cellule, espaces(x.message)]),
    ).toEqual([
      [
        "info",
        "Devis!B46",
        "Devis!B46 : l'en-tête ne nomme pas la colonne des libellés ; ils sont lus dans la colonne A, sans en-tête, " +
          "à gauche de « Jours ».",
      ],
    ]);
  });

  it("« Montant » fusionné sur « Qté | Taux | Total » : le total est le montant, la ligne du bas n'est pas une ligne", async () => {
    // Before: « Poste | Montant » alone was taken for the header, the quantities (3 and 1) read as the amounts and the
    // row « Qté | Taux | Total » named as an amount that could not be read.
    const bas: Cellule[][] = [
      ["Poste", "Montant"],
      [null, "Qté", "Taux", "Total"],
      ["Caméra", 3, 1000, 3000],
      ["Régie", 1, 700, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas), { merges: ["B46:D46", "A46:A47"] }));
    expect(lues(d)).toEqual([
      ["Devis!E3", "Chef opérateur", "6000.00"],
      ["Devis!E4", "Assistant réalisateur", "800.00"],
      ["Devis!D48", "Caméra", "3000.00"],
      ["Devis!D49", "Régie", "700.00"],
    ]);
    expect(d.lignes.find((l) => l.libelle === "Caméra")).toMatchObject({ quantite: "3", taux: "1000" });
    expect(d.illisibles).toEqual([]);
    expect(d.entetesSuivants).toEqual([
      expect.objectContaining({
        cellule: "Devis!A46",
        ligne: 47,
        debut: 46,
        textes: ["Poste", "Montant", "Qté", "Taux", "Total"],
        colonnes: { libelle: "A", quantite: "B", taux: "C", montant: "D" },
        montant: { colonne: "D", cellule: "Devis!D47", entete: "Total" },
        lignes: 2,
        somme: 370_000,
      }),
    ]);
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10500.00", "10500.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(c.respectee).toBe(true);
    expect(d.conservation?.tableaux?.map((t) => [t.cellule, t.colonne])).toEqual([
      ["Devis!A1", "E"],
      ["Devis!A46", "D"],
    ]);
    const info = c.constats.find((x) => x.regle === "nouvel-entete");
    expect(espaces(info?.message)).toMatch(
      /^En-tête répété en A46 \(en-tête sur les lignes 46 à 47\) avec d'autres colonnes \(« Poste \| Montant \| Qté \| Taux \| Total »\) : colonnes lues à partir de ces lignes selon cet en-tête \(libellé en A, quantité en B, taux en C, montant en D\) ; 2 lignes lues dessous, pour 3 700,00 €\./,
    );
  });

  it("« Montant (k€) » fusionné sur la ligne du haut : les totaux du tableau du bas × 1 000", async () => {
    const bas: Cellule[][] = [
      ["Poste", "Montant (k€)"],
      [null, "Qté", "Taux", "Total"],
      ["Caméra", 3, 1, 3],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas), { merges: ["B46:D46"] }));
    expect(lues(d).map((x) => [x[0], x[2]])).toEqual([
      ["Devis!E3", "6000.00"],
      ["Devis!E4", "800.00"],
      ["Devis!D48", "3000.00"],
    ]);
    expect(d.uniteMilliers?.tableaux?.map((t) => [t.entete, t.cellule, t.colonnes, t.cellules])).toEqual([
      ["Devis!A46", "Devis!B46", ["D"], 1],
    ]);
    expect(conservation(d).chiffres).toEqual(["9800.00", "9800.00", "0.00", "0.00", "0.00", "0.00"]);
  });
});

describe("tableau du bas : ses colonnes de montant choisies pour lui, rien de perdu", () => {
  it("« Montant TTC | Montant HT » : le HT lu, le TTC nommé avec sa somme, un chiffre à droite lu et listé", async () => {
    // Before: the TTC column (4 440,00 €) and the 55 right of the header were neither counted nor named anywhere.
    const bas: Cellule[][] = [
      ["Poste", "Montant TTC", "Montant HT", "Notes"],
      ["Caméra", 3600, 3000, null, 55],
      ["Régie", 840, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(lues(d).slice(2)).toEqual([
      ["Devis!C47", "Caméra", "3000.00"],
      ["Devis!C48", "Régie", "700.00"],
    ]);
    expect(d.colonneMontant).toBeUndefined();
    const attendu = {
      retenue: { colonne: "C", cellule: "Devis!C46", entete: "Montant HT", nature: "ht", somme: 370_000 },
      ecartees: [{ colonne: "B", cellule: "Devis!B46", entete: "Montant TTC", nature: "ttc", somme: 444_000 }],
      choix: "taxes",
    };
    expect(d.entetesSuivants?.[0].colonneMontant).toEqual(attendu);
    expect(d.conservation?.tableaux).toEqual([
      { cellule: "Devis!A1", colonne: "E" },
      { cellule: "Devis!A46", colonne: "C", colonneMontant: attendu },
    ]);
    // The 55 in E47, right against « Notes » (the lower table's last headed column): its margin, read and listed as
    // the first table's (before: named by horsTableau only, out of lu).
    expect(d.horsTableau).toBeUndefined();
    expect(d.conservation?.horsColonnes?.map((h) => [h.cellule, h.listees])).toEqual([
      ["Devis!E46", [{ cellule: "Devis!E47", montant: 5500 }]],
    ]);
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10555.00", "10500.00", "0.00", "0.00", "55.00", "0.00"]);
    expect(c.respectee).toBe(true);
    expect(espaces(texteConservation(d.conservation!))).toContain(
      "(colonne E sous l'en-tête en A1, colonne C sous l'en-tête en A46 : « Montant HT », hors taxes ; " +
        "B « Montant TTC » non comptée)",
    );
    const k = c.constats.filter((x) => x.regle === "colonnes-lues");
    expect(k.map((x) => [x.gravite, x.cellule])).toEqual([
      ["alerte", "Devis!E47"],
      ["info", "Devis!C46"],
    ]);
    expect(espaces(k[0].message)).toContain(
      "la colonne E, sans en-tête, tient un nombre hors des colonnes du devis (55,00 €) : E47 (55,00 €).",
    );
    expect(espaces(k[1].message)).toBe(
      "Devis!C46 : plusieurs colonnes de montant ; la colonne C « Montant HT » est lue. « Montant TTC » (B) n'est pas " +
        "comptée : la TVA et le TTC se déduisent du hors taxes.",
    );
  });

  it("« Montant HT | TVA | Montant TTC » sous le second en-tête : HT + TVA = TTC vérifié sur ses lignes", async () => {
    const bas: Cellule[][] = [
      ["Poste", "Montant HT", "TVA", "Montant TTC"],
      ["Caméra", 3000, 600, 3600],
      ["Régie", 700, 140, 850],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(
      lues(d)
        .slice(2)
        .map((x) => [x[0], x[2]]),
    ).toEqual([
      ["Devis!B47", "3000.00"],
      ["Devis!B48", "700.00"],
    ]);
    expect(d.taxes?.map((t) => [t.ht.cellule, t.ttc.cellule, e(t.ecart)])).toEqual([
      ["Devis!B47", "Devis!D47", "0.00"],
      ["Devis!B48", "Devis!D48", "10.00"],
    ]);
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10500.00", "10500.00", "0.00", "0.00", "0.00", "0.00"]);
    const k = c.constats.filter((x) => x.regle === "ht-tva-ttc");
    expect(k.map((x) => espaces(x.message))).toEqual([
      "Devis!B48 + C48 ≠ D48 « Régie » : HT 700,00 € + TVA 140,00 € ≠ TTC 850,00 € (écart 10,00 €) ; le devis " +
        "compte le HT 700,00 €.",
    ]);
  });

  it("« Montant HT | Montant TTC » : les lignes TTC seules prouvent le sous-total, le HT reste lu, alerte", async () => {
    // A HT amount mistyped (700 instead of 750): the lower table's HT subtotal is not proven while its TTC one is.
    const bas: Cellule[][] = [
      ["Poste", "Montant HT", "Montant TTC"],
      ["Caméra", 3000, 3600],
      ["Régie", 700, 900],
      ["Sous-total", 3750, 4500],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(d.entetesSuivants?.[0].colonneMontant).toMatchObject({
      retenue: { colonne: "B", nature: "ht", totaux: { prouves: 0, nonProuves: ["Devis!B49"] } },
      ecartees: [{ colonne: "C", nature: "ttc", totaux: { prouves: 1, nonProuves: [] } }],
    });
    const c = conservation(d);
    expect(c.chiffres[5]).toBe("0.00");
    expect(c.respectee).toBe(true);
    const k = c.constats.filter((x) => x.regle === "colonnes-lues" && x.gravite === "alerte");
    expect(k.map((x) => x.cellule)).toEqual(["Devis!B46"]);
    expect(espaces(k[0].message)).toContain(
      "la colonne B « Montant HT » (Devis!B46, somme 7 450,00 €) est lue, le devis se comptant hors taxes ; mais ses " +
        "lignes ne prouvent pas son seul sous-total ou total (non prouvé : Devis!B49)",
    );
  });

  it("« Montant | Montant révisé » sous le second en-tête : la colonne que ses lignes prouvent est lue", async () => {
    // The rule by header would read « Montant révisé », whose subtotal its lines miss (3 900,00 € ≠ 3 700,00 €); the
    // lower table's own totals decide, as they do for the first table.
    const bas: Cellule[][] = [
      ["Poste", "Montant", "Montant révisé"],
      ["Caméra", 3000, 3200],
      ["Régie", 700, 700],
      ["Sous-total", 3700, 3700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(
      lues(d)
        .slice(2)
        .map((x) => [x[0], x[2]]),
    ).toEqual([
      ["Devis!B47", "3000.00"],
      ["Devis!B48", "700.00"],
    ]);
    expect(d.totauxProducteur.map((t) => [t.cellule, t.preuve])).toEqual([["Devis!B49", "somme"]]);
    expect(d.entetesSuivants?.[0].colonneMontant).toMatchObject({
      retenue: { colonne: "B", somme: 740_000, totaux: { prouves: 1, nonProuves: [] } },
      ecartees: [{ colonne: "C", somme: 760_000, totaux: { prouves: 0, nonProuves: ["Devis!C49"] } }],
      choix: "totaux",
    });
    const c = conservation(d);
    expect(c.chiffres).toEqual(["14200.00", "10500.00", "3700.00", "0.00", "0.00", "0.00"]);
    expect(c.respectee).toBe(true);
    const k = c.constats.filter((x) => x.regle === "colonnes-lues");
    expect(k.map((x) => [x.gravite, espaces(x.message)])).toEqual([
      [
        "info",
        "Devis!B46 : 2 colonnes de montant semblables ; la colonne B « Montant » (Devis!B46, somme 7 400,00 €) est " +
          "lue : ses lignes prouvent son total (somme ou formule). C « Montant révisé » (Devis!C46, somme " +
          "7 600,00 €) n'est pas comptée : un de ses totaux n'est pas prouvé par ses lignes (Devis!C49).",
      ],
    ]);
  });

  it("« Montant V1 | Montant V2 » dans le seul tableau du bas : la V2 lue, la V1 nommée avec sa somme", async () => {
    const bas: Cellule[][] = [
      ["Poste", "Montant V1", "Montant V2"],
      ["Caméra", 2800, 3000],
      ["Régie", 650, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(
      lues(d)
        .slice(2)
        .map((x) => [x[0], x[2]]),
    ).toEqual([
      ["Devis!C47", "3000.00"],
      ["Devis!C48", "700.00"],
    ]);
    expect(d.entetesSuivants?.[0].colonneMontant).toMatchObject({
      retenue: { colonne: "C", somme: 370_000 },
      ecartees: [{ colonne: "B", entete: "Montant V1", somme: 345_000 }],
      choix: "version",
    });
    const c = conservation(d);
    expect(c.respectee).toBe(true);
    const k = c.constats.filter((x) => x.regle === "colonnes-lues");
    expect(k.map((x) => [x.gravite, x.cellule])).toEqual([["alerte", "Devis!C46"]]);
    expect(espaces(k[0].message)).toContain(
      "la colonne C « Montant V2 » (Devis!C46, somme 3 700,00 €) est lue, la version la plus récente. " +
        "B « Montant V1 » (Devis!B46, somme 3 450,00 €) n'est pas comptée",
    );
  });
});

describe("tableau du bas : ses colonnes qui ne sont pas le devis, nommées", () => {
  it("« Montant | Réalisé » sous le second en-tête : le réalisé nommé avec sa somme, jamais compté", async () => {
    // Before: the « Réalisé » of the lower table (3 900,00 €) was neither counted nor named.
    const bas: Cellule[][] = [
      ["Poste", "Montant", "Réalisé"],
      ["Caméra", 3000, 3200],
      ["Régie", 700, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(
      lues(d)
        .slice(2)
        .map((x) => [x[0], x[2]]),
    ).toEqual([
      ["Devis!B47", "3000.00"],
      ["Devis!B48", "700.00"],
    ]);
    expect(d.colonnesNonLues).toBeUndefined();
    expect(d.entetesSuivants?.[0].colonnesNonLues).toEqual([
      { colonne: "C", cellule: "Devis!C46", entete: "Réalisé", nature: "realise", somme: 390_000 },
    ]);
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10500.00", "10500.00", "0.00", "0.00", "0.00", "0.00"]);
    const k = c.constats.filter((x) => x.regle === "colonnes-lues");
    expect(k.map((x) => [x.gravite, x.cellule])).toEqual([["info", "Devis!B46"]]);
    expect(espaces(k[0].message)).toBe(
      "Devis!B46 : la colonne B « Montant » est lue comme le montant du devis. N'est pas comptée : C « Réalisé » " +
        "(Devis!C46, somme 3 900,00 €) : le réalisé se compare au devis (écarts avec le Grand livre), il n'en fait " +
        "pas partie.",
    );
  });
});

describe("tableau du bas : le chapitre du tableau du haut ne le suit pas en silence", () => {
  it("sans titre de chapitre au-dessus de son en-tête : placé par son libellé, sinon listé et nommé", async () => {
    // Before: « Caméra » and « Bidule » were filed under chapter 2 « Personnel » of the table above, without a word.
    const bas: Cellule[][] = [
      ["Poste", "Jours", "Tarif", "Montant"],
      ["Location caméra", 3, 1000, 3000],
      ["Bidule", 1, 700, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(d.lignes.map((l) => [l.source.cellules.montant, l.chapitre ?? null, l.placement ?? null])).toEqual([
      ["Devis!E3", "2", "section"],
      ["Devis!E4", "2", "section"],
      ["Devis!D47", "7", "mot-cle"],
      ["Devis!D48", null, null],
    ]);
    expect(d.nonPlaces.map((n) => [n.cellule, e(n.montant)])).toEqual([["Devis!D48", "700.00"]]);
    expect(d.entetesSuivants?.[0].chapitreNonRepris).toBe("2");
    const c = conservation(d);
    expect(c.chiffres).toEqual(["10500.00", "9800.00", "0.00", "700.00", "0.00", "0.00"]);
    expect(c.respectee).toBe(true);
    expect(c.constats.filter((x) => x.regle === "ligne-hors-chapitre").map((x) => x.cellule)).toEqual(["Devis!D48"]);
    expect(espaces(c.constats.find((x) => x.regle === "nouvel-entete")?.message)).toContain(
      "Aucun titre de chapitre au-dessus de cet en-tête : le chapitre 2 « Personnel » du tableau au-dessus n'est pas " +
        "repris ; ses lignes sont placées par leur code, leur colonne de chapitre ou leur libellé, et 1 ligne sans " +
        "chapitre est listée non placée (Devis!D48).",
    );
  });

  it("un titre de chapitre juste au-dessus de son en-tête ouvre le chapitre de ses lignes", async () => {
    const bas: Cellule[][] = [
      ["Poste", "Jours", "Tarif", "Montant"],
      ["Location caméra", 3, 1000, 3000],
      ["Bidule", 1, 700, 700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas, { 44: ["3", "INTERPRÉTATION"] })));
    expect(d.lignes.slice(2).map((l) => [l.source.cellules.montant, l.chapitre, l.placement])).toEqual([
      ["Devis!D47", "3", "section"],
      ["Devis!D48", "3", "section"],
    ]);
    expect(d.entetesSuivants?.[0].chapitreNonRepris).toBeUndefined();
    expect(d.nonPlaces).toEqual([]);
    expect(conservation(d).chiffres).toEqual(["10500.00", "10500.00", "0.00", "0.00", "0.00", "0.00"]);
  });

  it("un sous-total du tableau du bas couvre ses propres lignes, pas celles du haut", async () => {
    // Before: the subtotal covered the lines of both tables (10 500,00 €), was not proven and was read as a line.
    const bas: Cellule[][] = [
      ["Poste", "Jours", "Tarif", "Montant"],
      ["Location caméra", 3, 1000, 3000],
      ["Lumière", 1, 700, 700],
      ["Sous-total", null, null, 3700],
    ];
    const d = importerDevis(await feuilleXlsx("Devis", empiles(bas)));
    expect(d.totauxProducteur.map((t) => [t.cellule, e(t.montant), t.preuve, t.lignesCouvertes])).toEqual([
      ["Devis!D49", "3700.00", "somme", ["Devis!47", "Devis!48"]],
    ]);
    const c = conservation(d);
    expect(c.chiffres).toEqual(["14200.00", "10500.00", "3700.00", "0.00", "0.00", "0.00"]);
    expect(c.respectee).toBe(true);
  });
});
