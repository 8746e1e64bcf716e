import * as path from "path";
import { devisBinaire, dossierTemporaire, type CelluleDevis, type ConstatJson, devisDeLignes } from "../helpers/cli";

/**
 * Amounts mis-scaled or not in euros (issue 10): a budget stated in thousands of euros, a percentage in the amount
 * column, another currency, accounting negatives and dashes. Each case is a real .xlsx read by `prodbook devis --json`.
 * Before: « Budget (en milliers d'euros) » above 50 and 12,5 gave a devis of 62,50 € without a word, and
 * « Montant (k€) » was no amount header at all (exit 2, « aucun devis reconnu »).
 */
const dossier = dossierTemporaire("prodbook-hostile-unites-");

const devis = (fichier: string, lignes: CelluleDevis[][], formats: Record<string, string> = {}) =>
  devisDeLignes(dossier(), fichier, lignes, formats);

/** Messages write euros with narrow no-break spaces (« 9 000,00 € »): compared with plain spaces. */
const espaces = (m: string | undefined) => m?.replace(/[\u00a0\u202f]/g, " ");

/** The findings of `regles`, as [code, gravité, cellule, message]. */
const constats = (controles: ConstatJson[], ...regles: string[]) =>
  controles.filter((c) => regles.includes(c.regle)).map((c) => [c.regle, c.gravite, c.cellule, espaces(c.message)]);

const H = ["Code", "Désignation", "Montant"];
/** Réalisateur 50 and Chef monteur 12,5 (k€) under a proven Total: every euro read, ×1 000, placed or proven. */
const CONSERVATION_50_ET_12_5_KEUROS = {
  colonne: "C",
  lu: "125000.00",
  lignes: "62500.00",
  totauxProuves: "62500.00",
  listes: "0.00",
  ecart: "0.00",
};
const F = (formula: string, result: number) => ({ formula, result });

/** « Montant (k€) »-style message for column C with `n` cells, its first one C2 holding 50. */
const messageColonne = (cellule: string, texte: string, n: number, exemple = "Devis!C2 : 50") =>
  `${cellule} « ${texte} » : cet en-tête dit que les montants de la colonne C sont en milliers d'euros ; ils sont ` +
  `lus × 1 000 pour compter le devis en euros (${n} cellules, ex. ${exemple} → 50 000,00 €). Si ces montants sont ` +
  `déjà en euros, retirez cette mention de la feuille et relancez.`;

describe("un budget en milliers d'euros : lu × 1 000 et dit, jamais compté en euros sans un mot", () => {
  it("titre « Budget prévisionnel (en milliers d'euros) » au-dessus de l'en-tête (avant : 62,50 € sans un mot)", async () => {
    const { d, controles } = await devis("titre-milliers.xlsx", [
      ["Budget prévisionnel (en milliers d'euros)"],
      H,
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", 12.5],
      [null, "Total", F("SUM(C3:C4)", 62.5)],
    ]);
    expect([d.total, d.lignes]).toEqual(["62500.00", 2]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([["2", "62500.00"]]);
    expect(d.conservation).toMatchObject(CONSERVATION_50_ET_12_5_KEUROS);
    expect(d.uniteMilliers).toEqual({
      cellule: "Devis!A1",
      texte: "Budget prévisionnel (en milliers d'euros)",
      portee: "feuille",
      colonnes: ["C"],
      cellules: 3,
      facteur: 1000,
    });
    expect(constats(controles, "unite-milliers", "total-producteur")).toEqual([
      [
        "unite-milliers",
        "alerte",
        "Devis!A1",
        "Devis!A1 « Budget prévisionnel (en milliers d'euros) » : ce titre dit que les chiffres de la feuille sont en " +
          "milliers d'euros ; les montants de la colonne C sont lus × 1 000 pour compter le devis en euros (3 cellules, " +
          "ex. Devis!C3 : 50 → 50 000,00 €). Si ces montants sont déjà en euros, retirez cette mention de la feuille et " +
          "relancez.",
      ],
    ]);
  });

  it.each([
    ["Montant (k€)", "k-parentheses"],
    ["Montant en K€", "k-en"],
    ["KEUR", "keur"],
    ["Montant (en milliers d'euros)", "milliers-euros"],
    ["Budget en milliers €", "milliers-symbole"],
    ["Total k€", "total-k"],
  ])(
    "en-tête « %s » : la colonne est le montant, lue × 1 000 (avant : code 2, aucun devis reconnu)",
    async (entete, nom) => {
      const { d, controles } = await devis(`${nom}.xlsx`, [
        ["Code", "Désignation", entete],
        ["21", "Réalisateur", 50],
        // A text amount in the sheet's convention is a thousand-euro amount too.
        ["22", "Chef monteur", "12,5"],
      ]);
      expect([d.total, d.lignes]).toEqual(["62500.00", 2]);
      expect(d.conservation).toMatchObject({ colonne: "C", lu: "62500.00", lignes: "62500.00", ecart: "0.00" });
      expect(d.uniteMilliers).toEqual({
        cellule: "Devis!C1",
        texte: entete,
        portee: "colonne",
        colonnes: ["C"],
        cellules: 2,
        facteur: 1000,
      });
      expect(constats(controles, "unite-milliers", "montant-illisible")).toEqual([
        ["unite-milliers", "alerte", "Devis!C1", messageColonne("Devis!C1", entete, 2)],
      ]);
    },
  );

  it("« (k€) » sur la ligne sous l'en-tête : l'unité de la colonne, pas une ligne du devis (avant : 62,50 €)", async () => {
    const { d, controles } = await devis("ligne-unites.xlsx", [
      H,
      [null, null, "(k€)"],
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", 12.5],
    ]);
    expect([d.total, d.lignes]).toEqual(["62500.00", 2]);
    expect(d.conservation).toMatchObject({ lu: "62500.00", lignes: "62500.00", listes: "0.00", ecart: "0.00" });
    expect(constats(controles, "unite-milliers", "montant-illisible")).toEqual([
      ["unite-milliers", "alerte", "Devis!C2", messageColonne("Devis!C2", "(k€)", 2, "Devis!C3 : 50")],
    ]);
  });

  it("au format « k€ » sous un en-tête en k€ : les deux disent la même unité, lus × 1 000 (pas « autre devise »)", async () => {
    const { d, controles } = await devis(
      "format-k.xlsx",
      [
        ["Code", "Désignation", "Montant (k€)"],
        ["21", "Réalisateur", 50],
        ["22", "Chef monteur", 12.5],
      ],
      { C2: '#,##0.0 "k€"', C3: '#,##0.0 "k€"' },
    );
    expect(d.total).toBe("62500.00");
    expect(constats(controles, "unite-milliers", "montant-devise").map((c) => c.slice(0, 3))).toEqual([
      ["unite-milliers", "alerte", "Devis!C1"],
    ]);
  });

  it("au centime : 12,3456 k€ font 12 345,60 €, 1,005 k€ font 1 005,00 € (multipliés exactement)", async () => {
    const { d } = await devis("centimes.xlsx", [
      ["Code", "Désignation", "Montant (k€)"],
      ["21", "Réalisateur", 12.3456],
      ["22", "Chef monteur", 1.005],
    ]);
    expect(d.total).toBe("13350.60");
    expect(d.conservation).toMatchObject({ lu: "13350.60", lignes: "13350.60", ecart: "0.00" });
  });

  it("colonnes HT et TTC en k€ : les deux lues × 1 000, le HT compté, le TTC écarté", async () => {
    const { d, controles } = await devis("ht-ttc-k.xlsx", [
      ["Code", "Désignation", "Montant HT (k€)", "Montant TTC (k€)"],
      ["21", "Réalisateur", 50, 60],
      ["22", "Chef monteur", 12.5, 15],
    ]);
    expect(d.total).toBe("62500.00");
    expect(d.uniteMilliers?.colonnes).toEqual(["C", "D"]);
    expect(d.conservation).toMatchObject({ colonne: "C", lu: "62500.00", ecart: "0.00" });
    expect(espaces(controles.find((c) => c.regle === "unite-milliers")?.message)).toMatch(
      /^Devis!C1 « Montant HT \(k€\) » : cet en-tête dit que les montants des colonnes C et D sont en milliers d'euros/,
    );
  });

  it("un titre en k€ vaut pour le réalisé aussi : nommé avec sa somme en euros", async () => {
    const { d } = await devis("realise-k.xlsx", [
      ["Budget en K€"],
      ["Code", "Désignation", "Montant", "Réalisé"],
      ["21", "Réalisateur", 50, 52],
      ["22", "Chef monteur", 12.5, 10],
    ]);
    expect(d.total).toBe("62500.00");
    expect(d.uniteMilliers).toMatchObject({
      cellule: "Devis!A1",
      portee: "feuille",
      colonnes: ["C", "D"],
      cellules: 4,
    });
    expect(d.colonnesNonLues?.map((c) => [c.colonne, c.nature, c.somme])).toEqual([["D", "realise", "62000.00"]]);
  });

  it("une cellule en dollars sous « Montant (k€) » reste nommée en dollars, non comptée ; « - » vaut zéro", async () => {
    const { d, controles } = await devis(
      "k-dollars.xlsx",
      [
        ["Code", "Désignation", "Montant (k€)"],
        ["21", "Réalisateur", 50],
        ["22", "Chef monteur", 1200],
        ["23", "Mixeur", "-"],
      ],
      { C3: "[$$-409]#,##0.00" },
    );
    expect([d.total, d.lignes]).toEqual(["50000.00", 2]);
    expect(d.conservation).toMatchObject({ lu: "50000.00", lignes: "50000.00", ecart: "0.00" });
    expect(d.uniteMilliers?.cellules).toBe(1);
    expect(constats(controles, "montant-devise").map((c) => c.slice(0, 3))).toEqual([
      ["montant-devise", "alerte", "Devis!C3"],
    ]);
  });

  it("titre « en millions d'euros » : lus × 1 000 000 (1,25 M€ font 1 250 000,00 €)", async () => {
    const { d, controles } = await devis("titre-millions.xlsx", [
      ["Coût du film (en millions d'euros)"],
      H,
      ["21", "Réalisateur", 0.3],
      ["31", "Rôles principaux", 1.25],
    ]);
    expect(d.total).toBe("1550000.00");
    expect(d.conservation).toMatchObject({ lu: "1550000.00", lignes: "1550000.00", ecart: "0.00" });
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!A1", portee: "feuille", facteur: 1000000, cellules: 2 });
    expect(constats(controles, "unite-milliers")).toEqual([
      [
        "unite-milliers",
        "alerte",
        "Devis!A1",
        "Devis!A1 « Coût du film (en millions d'euros) » : ce titre dit que les chiffres de la feuille sont en millions " +
          "d'euros ; les montants de la colonne C sont lus × 1 000 000 pour compter le devis en euros (2 cellules, ex. " +
          "Devis!C3 : 0,3 → 300 000,00 €). Si ces montants sont déjà en euros, retirez cette mention de la feuille et " +
          "relancez.",
      ],
    ]);
  });

  it("titre en k€ et colonne « Charges » : 2,5 → 2 500,00 € de charges ; 0,55 reste un taux de 55 %", async () => {
    const { d, controles } = await devis("charges-k.xlsx", [
      ["Budget (en k€)"],
      ["Code", "Désignation", "Brut", "Charges"],
      ["21", "Réalisateur", 5, 2.5],
      ["22", "Chef monteur", 4, 0.55],
    ]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
      ["2", "9000.00"],
      ["4", "4700.00"],
    ]);
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!A1", colonnes: ["C", "D"], cellules: 3 });
    expect(constats(controles, "montant-illisible", "montant-devise")).toEqual([]);
  });

  it("un montant dans un titre (« Budget total : 850 k€ ») n'est pas une unité : les montants restent en euros", async () => {
    const { d, controles } = await devis("titre-montant.xlsx", [
      ["Budget total : 850 k€"],
      H,
      ["21", "Réalisateur", 50000],
      ["22", "Chef monteur", 12500],
    ]);
    expect(d.total).toBe("62500.00");
    expect(d.uniteMilliers).toBeUndefined();
    expect(constats(controles, "unite-milliers")).toEqual([]);
  });

  it("titre en k€ mais en-tête « Montant (€) » : l'en-tête de la colonne l'emporte, euros", async () => {
    const { d, controles } = await devis("titre-k-entete-euros.xlsx", [
      ["Montants en k€"],
      ["Code", "Désignation", "Montant (€)"],
      ["21", "Réalisateur", 50000],
      ["22", "Chef monteur", 12500],
    ]);
    expect(d.total).toBe("62500.00");
    expect(d.uniteMilliers).toBeUndefined();
    expect(constats(controles, "unite-milliers")).toEqual([]);
  });
});

describe("une note « en milliers d'euros » sous le tableau ou à côté : lue × 1 000 et dite comme un titre", () => {
  /** The finding of a note stating thousands of euros for column C, `n` cells, the first one C2 holding 50. */
  const messageNote = (cellule: string, texte: string, n: number) =>
    `${cellule} « ${texte} » : cette note dit que les chiffres de la feuille sont en milliers d'euros ; les montants de ` +
    `la colonne C sont lus × 1 000 pour compter le devis en euros (${n} cellules, ex. Devis!C2 : 50 → 50 000,00 €). ` +
    `Si ces montants sont déjà en euros, retirez cette mention de la feuille et relancez.`;

  it("« Montants exprimés en milliers d'euros » sous le total (avant : 62,50 € sans un mot)", async () => {
    const { d, controles } = await devis("note-dessous.xlsx", [
      H,
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", 12.5],
      [null, "Total", F("SUM(C2:C3)", 62.5)],
      [],
      ["Montants exprimés en milliers d'euros"],
    ]);
    expect([d.total, d.lignes]).toEqual(["62500.00", 2]);
    expect(d.conservation).toMatchObject(CONSERVATION_50_ET_12_5_KEUROS);
    expect(d.uniteMilliers).toEqual({
      cellule: "Devis!A6",
      texte: "Montants exprimés en milliers d'euros",
      portee: "feuille",
      note: true,
      colonnes: ["C"],
      cellules: 3,
      facteur: 1000,
    });
    expect(constats(controles, "unite-milliers", "montant-illisible", "ligne-hors-chapitre")).toEqual([
      ["unite-milliers", "alerte", "Devis!A6", messageNote("Devis!A6", "Montants exprimés en milliers d'euros", 3)],
    ]);
  });

  it("« (en k€) » à droite de l'en-tête, dans une colonne sans chiffres", async () => {
    const { d, controles } = await devis("note-cote.xlsx", [
      [...H, null, "(en k€)"],
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", 12.5],
    ]);
    expect([d.total, d.lignes]).toEqual(["62500.00", 2]);
    expect(d.conservation).toMatchObject({ lu: "62500.00", lignes: "62500.00", ecart: "0.00" });
    expect(d.uniteMilliers).toEqual({
      cellule: "Devis!E1",
      texte: "(en k€)",
      portee: "feuille",
      note: true,
      colonnes: ["C"],
      cellules: 2,
      facteur: 1000,
    });
    expect(constats(controles, "unite-milliers")).toEqual([
      ["unite-milliers", "alerte", "Devis!E1", messageNote("Devis!E1", "(en k€)", 2)],
    ]);
  });

  it("« * Tous les montants sont en K€ HT » à droite d'une ligne, sous une colonne sans chiffres", async () => {
    const { d } = await devis("note-cote-ligne.xlsx", [
      H,
      ["21", "Réalisateur", 50, null, "* Tous les montants sont en K€ HT"],
      ["22", "Chef monteur", 12.5],
    ]);
    expect(d.total).toBe("62500.00");
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!E2", portee: "feuille", note: true, facteur: 1000 });
  });

  it.each([
    ["un libellé de ligne « Location k€ matériel » avec un montant", [["23", "Location k€ matériel", 1000]]],
    ["« Location k€ matériel » sous le tableau, sans montant", [[], [null, "Location k€ matériel"]]],
    ["« Budget total : 850 k€ » sous le tableau", [[], ["Budget total : 850 k€"]]],
    ["« k€ » seul sous le tableau", [[], [null, null, "k€"]]],
  ] as [string, CelluleDevis[][]][])("%s : pas une note d'unité, les montants restent en euros", async (_, fin) => {
    const { d, controles } = await devis(`pas-note-${fin.length}-${String(fin[fin.length - 1][1]).length}.xlsx`, [
      H,
      ["21", "Réalisateur", 50000],
      ["22", "Chef monteur", 12500],
      ...fin,
    ]);
    expect(d.total).toBe(fin.some((l) => l[2] === 1000) ? "63500.00" : "62500.00");
    expect(d.uniteMilliers).toBeUndefined();
    expect(constats(controles, "unite-milliers")).toEqual([]);
  });

  it("« (en k€) » entre deux lignes du tableau : ni appliquée ni tue, nommée avec le total dans les deux lectures", async () => {
    // Before: the note was left alone without a word (total 63 500,00 €, or 63 500 000,00 € if it meant the table).
    const { d, controles } = await devis("note-entre-lignes.xlsx", [
      H,
      ["21", "Réalisateur", 50000],
      ["22", "Chef monteur", 12500],
      [null, "(en k€)"],
      ["23", "Mixeur", 1000],
    ]);
    expect(d.total).toBe("63500.00");
    expect(d.uniteMilliers).toBeUndefined();
    expect(d.conservation).toMatchObject({ lu: "63500.00", lignes: "63500.00", listes: "0.00", ecart: "0.00" });
    expect(d.uniteNonAppliquee).toEqual({ cellule: "Devis!B4", texte: "(en k€)", facteur: 1000 });
    expect(constats(controles, "unite-milliers")).toEqual([
      [
        "unite-milliers",
        "alerte",
        "Devis!B4",
        "Devis!B4 « (en k€) » : cette note, placée entre les lignes du devis, dit des montants en milliers d'euros, " +
          "sans dire s'ils le sont tous ; les montants sont lus tels que saisis, en euros (total 63 500,00 €, " +
          "63 500 000,00 € s'ils étaient tous × 1 000). Si tout le devis est en milliers d'euros, mettez cette mention " +
          "dans le titre ou dans l'en-tête de la colonne des montants ; sinon retirez-la ; puis relancez.",
      ],
    ]);
  });

  it("bin/prodbook.js, texte : la note nommée sous le titre du constat, le total en euros", async () => {
    await devis("note-texte.xlsx", [
      H,
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", 12.5],
      [],
      [null, null, null, "Montants exprimés en milliers d'euros"],
    ]);
    const r = devisBinaire(path.join(dossier(), "note-texte.xlsx"));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(espaces(r.out)).toContain(
      "[alerte] Montants en milliers ou millions d'euros — " +
        messageNote("Devis!D5", "Montants exprimés en milliers d'euros", 2),
    );
    expect(espaces(r.out)).toMatch(/TOTAL\s+62 500,00 €/);
    expect(espaces(r.out)).toMatch(/écart 0,00 €/);
  });

  it("un titre en k€ l'emporte sur une note en millions d'euros plus bas (le titre est nommé)", async () => {
    const { d } = await devis("titre-et-note.xlsx", [
      ["Budget en k€"],
      H,
      ["21", "Réalisateur", 50],
      [],
      ["Montants en millions d'euros"],
    ]);
    expect(d.total).toBe("50000.00");
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!A1", portee: "feuille", facteur: 1000 });
    expect(d.uniteMilliers).not.toHaveProperty("note");
  });
});

describe("un montant ambigu (« 12.500 ») dans une colonne en k€ : ses deux lectures dites en euros", () => {
  it("« Montant (k€) » : 12 500,00 € ou 12 500 000,00 € (avant : 12,50 € ou 12 500,00 €), la ligne non comptée", async () => {
    const { d, controles } = await devis("ambigu-k.xlsx", [
      ["Code", "Désignation", "Montant (k€)"],
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", "12.500"],
    ]);
    expect([d.total, d.lignes]).toEqual(["50000.00", 1]);
    expect(d.conservation).toMatchObject({ lu: "50000.00", lignes: "50000.00", ecart: "0.00" });
    expect(d.uniteMilliers).toMatchObject({ cellule: "Devis!C1", colonnes: ["C"], cellules: 1, facteur: 1000 });
    expect(constats(controles, "montant-ambigu")).toEqual([
      [
        "montant-ambigu",
        "alerte",
        "Devis!C3",
        "Devis!C3 « Chef monteur » : « 12.500 » peut se lire 12 500,00 € ou 12 500 000,00 € ; la ligne n'est pas " +
          "comptée. Saisissez le montant comme un nombre (ou « 12 500,00 »), puis relancez.",
      ],
    ]);
  });

  it("titre « en millions d'euros » : « 1.250 » peut se lire 1 250 000,00 € ou 1 250 000 000,00 €", async () => {
    const { d, controles } = await devis("ambigu-m.xlsx", [
      ["Coût du film (en millions d'euros)"],
      H,
      ["21", "Réalisateur", 0.3],
      ["31", "Rôles principaux", "1.250"],
    ]);
    expect(d.total).toBe("300000.00");
    expect(d.conservation).toMatchObject({ lu: "300000.00", ecart: "0.00" });
    expect(constats(controles, "montant-ambigu").map((c) => c[3])).toEqual([
      "Devis!C4 « Rôles principaux » : « 1.250 » peut se lire 1 250 000,00 € ou 1 250 000 000,00 € ; la ligne " +
        "n'est pas comptée. Saisissez le montant comme un nombre (ou « 12 500,00 »), puis relancez.",
    ]);
  });

  it("une note « Montants en k€ » sous le tableau vaut de même ; hors colonne en k€ (en-tête en €), lectures telles quelles", async () => {
    const note = await devis("ambigu-note.xlsx", [
      H,
      ["21", "Réalisateur", 50],
      ["22", "Chef monteur", "2.345"],
      [],
      ["Montants en k€"],
    ]);
    expect(constats(note.controles, "montant-ambigu").map((c) => c[3])).toEqual([
      "Devis!C3 « Chef monteur » : « 2.345 » peut se lire 2 345,00 € ou 2 345 000,00 € ; la ligne n'est pas comptée. " +
        "Saisissez le montant comme un nombre (ou « 12 500,00 »), puis relancez.",
    ]);
    const euros = await devis("ambigu-euros.xlsx", [
      ["Montants en k€"],
      ["Code", "Désignation", "Montant (€)"],
      ["21", "Réalisateur", 50000],
      ["22", "Chef monteur", "2.345"],
    ]);
    expect(euros.d.uniteMilliers).toBeUndefined();
    expect(constats(euros.controles, "montant-ambigu").map((c) => c[3])).toEqual([
      "Devis!C4 « Chef monteur » : « 2.345 » peut se lire 2,35 € ou 2 345,00 € ; la ligne n'est pas comptée. " +
        "Saisissez le montant comme un nombre (ou « 12 500,00 »), puis relancez.",
    ]);
  });
});

describe("un pourcentage dans la colonne des montants : jamais lu comme 0,10 €", () => {
  it("« Imprévus » à 10 % (0,1 au format « 0 % ») : le taux de la ligne sur le coût hors frais (avant : non compté)", async () => {
    const { d, controles } = await devis(
      "imprevus-pourcentage.xlsx",
      [H, ["21", "Réalisateur", 5000], [null, "Imprévus", 0.1]],
      {
        C3: "0%",
      },
    );
    expect(d.total).toBe("5500.00");
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
      ["2", "5000.00"],
      ["IMP", "500.00"],
    ]);
    expect(d.conservation).toMatchObject({ lu: "5000.00", lignes: "5000.00", ecart: "0.00" });
    expect(d.pourcentagesMontant).toEqual([
      { cellule: "Devis!C3", libelle: "Imprévus", pourcentage: "0.1", montant: "500.00" },
    ]);
    expect(constats(controles, "montant-pourcentage", "montant-illisible")).toEqual([
      [
        "montant-pourcentage",
        "info",
        "Devis!C3",
        "Devis!C3 « Imprévus » : « 10 % » dans la colonne des montants est lu comme le taux de la ligne, pas comme un " +
          "montant : 10 % du coût hors frais (5 000,00 €), soit 500,00 €.",
      ],
    ]);
  });

  it("« Imprévus 7 % » avec 10 % dans le montant (avant : 7 % lu, les 10 % ignorés sans un mot) : alerte", async () => {
    const { d, controles } = await devis(
      "imprevus-deux-taux.xlsx",
      [H, ["21", "Réalisateur", 5000], [null, "Imprévus 7 %", 0.1]],
      {
        C3: "0.00%",
      },
    );
    expect(d.total).toBe("5500.00");
    expect(d.pourcentagesMontant).toEqual([
      {
        cellule: "Devis!C3",
        libelle: "Imprévus 7 %",
        pourcentage: "0.1",
        pourcentageLibelle: "0.07",
        montant: "500.00",
      },
    ]);
    expect(constats(controles, "montant-pourcentage")).toEqual([
      [
        "montant-pourcentage",
        "alerte",
        "Devis!C3",
        "Devis!C3 « Imprévus 7 % » : « 10 % » dans la colonne des montants est lu comme le taux de la ligne, pas comme " +
          "un montant : 10 % du coût hors frais (5 000,00 €), soit 500,00 €. Le libellé dit 7 % : c'est le taux de la " +
          "cellule qui est lu ; corrigez celui des deux qui est faux.",
      ],
    ]);
  });

  it("« Imprévus 1.500 % » ou « 5-10 % » avec 10 % dans le montant (avant : rien dit) : alerte, le libellé nommé", async () => {
    const { d, controles } = await devis(
      "imprevus-libelle-non-lu.xlsx",
      [
        H,
        ["21", "Réalisateur", 5000],
        [null, "Imprévus 1.500 %", 0.1],
        [null, "Frais généraux 5-10 %", 0.1],
        [null, "Frais financiers 10.000 %", 0.1],
      ],
      { C3: "0.00%", C4: "0.00%", C5: "0.00%" },
    );
    expect(d.pourcentagesMontant).toEqual([
      {
        cellule: "Devis!C3",
        libelle: "Imprévus 1.500 %",
        pourcentage: "0.1",
        pourcentageLibelleNonLu: { texte: "1.500 %", lectures: { decimale: "0.015", milliers: "15" } },
        montant: "500.00",
      },
      {
        cellule: "Devis!C4",
        libelle: "Frais généraux 5-10 %",
        pourcentage: "0.1",
        pourcentageLibelleNonLu: { texte: "5-10 %", fourchette: true },
        montant: "500.00",
      },
      // « 10.000 % » may read 10 %, the cell's rate: nothing to correct.
      { cellule: "Devis!C5", libelle: "Frais financiers 10.000 %", pourcentage: "0.1", montant: "500.00" },
    ]);
    const debut = (c: string, l: string) =>
      `${c} « ${l} » : « 10 % » dans la colonne des montants est lu comme le taux de la ligne, pas comme un montant : ` +
      "10 % du coût hors frais (5 000,00 €), soit 500,00 €.";
    const fin = " : c'est le taux de la cellule qui est lu ; corrigez celui des deux qui est faux.";
    expect(constats(controles, "montant-pourcentage", "montant-illisible")).toEqual([
      [
        "montant-pourcentage",
        "alerte",
        "Devis!C3",
        debut("Devis!C3", "Imprévus 1.500 %") + " Le libellé dit « 1.500 % », qui peut se lire 1,5 % ou 1 500 %" + fin,
      ],
      [
        "montant-pourcentage",
        "alerte",
        "Devis!C4",
        debut("Devis!C4", "Frais généraux 5-10 %") + " Le libellé dit « 5-10 % », une fourchette" + fin,
      ],
      ["montant-pourcentage", "info", "Devis!C5", debut("Devis!C5", "Frais financiers 10.000 %")],
    ]);
  });

  it("« Frais généraux » « 7 % » écrit en texte : 7 % du coût hors frais", async () => {
    const { d, controles } = await devis("fg-texte.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      [null, "Frais généraux", "7 %"],
    ]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
      ["2", "5000.00"],
      ["FG", "350.00"],
    ]);
    expect(constats(controles, "montant-pourcentage").map((c) => c.slice(0, 3))).toEqual([
      ["montant-pourcentage", "info", "Devis!C3"],
    ]);
  });

  it("une ligne de dépense à 50 % au format pourcentage : nommée, non comptée, listée dans la conservation", async () => {
    const { d, controles } = await devis(
      "ligne-pourcentage.xlsx",
      [H, ["21", "Réalisateur", 5000], ["22", "Chef monteur", 0.5]],
      {
        C3: "0.00%",
      },
    );
    expect([d.total, d.lignes]).toEqual(["5000.00", 1]);
    expect(d.conservation).toMatchObject({ lu: "5000.00", lignes: "5000.00", ecart: "0.00" });
    expect(constats(controles, "montant-illisible")).toEqual([
      [
        "montant-illisible",
        "alerte",
        "Devis!C3",
        "Devis!C3 « Chef monteur » : « 50 % » n'est pas un montant ; la ligne n'est pas comptée.",
      ],
    ]);
  });
});

describe("une autre devise que l'euro : nommée, jamais comptée en euros", () => {
  it.each([
    ["[$$-409]#,##0.00", "$"],
    ["[$£-809]#,##0", "£"],
    ["#,##0.00 [$USD]", "USD"],
    ['"$"#,##0', "$"],
  ])("format « %s » : montant-devise (%s), non compté", async (format, devise) => {
    const { d, controles } = await devis(
      `devise-${devise}-${format.length}.xlsx`,
      [H, ["21", "Réalisateur", 5000], ["22", "Chef monteur", 1200]],
      { C3: format },
    );
    expect([d.total, d.lignes]).toEqual(["5000.00", 1]);
    expect(d.conservation).toMatchObject({ lu: "5000.00", lignes: "5000.00", ecart: "0.00" });
    const [c] = controles.filter((x) => x.regle === "montant-devise");
    expect([c.gravite, c.cellule]).toEqual(["alerte", "Devis!C3"]);
    expect(c.message).toContain(`est affiché en « ${devise} » (format de nombre « ${format} »), pas en euros`);
  });

  it("formats en euros (« # ##0,00 € », « [$€-40C] ») : comptés normalement", async () => {
    const { d, controles } = await devis(
      "formats-euros.xlsx",
      [H, ["21", "Réalisateur", 5000], ["22", "Chef monteur", 1200]],
      { C2: "# ##0,00 €", C3: "[$€-40C]#,##0.00" },
    );
    expect(d.total).toBe("6200.00");
    expect(constats(controles, "montant-devise", "montant-illisible")).toEqual([]);
  });

  it("textes « 1 200 USD », « $1,200 », « £300 » : chacun nommé avec sa devise, non compté", async () => {
    const { d, controles } = await devis("devises-texte.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      ["22", "Chef monteur", "1 200 USD"],
      ["23", "Mixeur", "$1,200"],
      ["24", "Étalonneur", "£300"],
    ]);
    expect([d.total, d.lignes]).toEqual(["5000.00", 1]);
    expect(d.conservation).toMatchObject({ lu: "5000.00", ecart: "0.00" });
    // Each named by montant-devise (its own code, was montant-illisible), with its currency.
    expect(constats(controles, "montant-illisible")).toEqual([]);
    const suite =
      "Prodbook compte en euros et n'applique aucun taux de change : la ligne n'est pas comptée. Convertissez-le ou " +
      "indiquez le montant en euros, puis relancez.";
    expect(constats(controles, "montant-devise").map((c) => [c[2], c[3]])).toEqual([
      ["Devis!C3", `Devis!C3 « Chef monteur » : « 1 200 USD » est en dollars US ; ${suite}`],
      ["Devis!C4", `Devis!C4 « Mixeur » : « $1,200 » est en dollars ; ${suite}`],
      ["Devis!C5", `Devis!C5 « Étalonneur » : « £300 » est en livres sterling ; ${suite}`],
    ]);
  });
});

describe("négatifs comptables et tirets", () => {
  it("« (1 200,00) » et « 1 200,00- » sont des montants négatifs ; « - », « – » et « - € » valent zéro (avant : « - € » non compté)", async () => {
    const { d, controles } = await devis("negatifs-tirets.xlsx", [
      H,
      ["21", "Réalisateur", 5000],
      ["22", "Remise matériel", "(1 200,00)"],
      ["23", "Avoir laboratoire", "1 200,00-"],
      ["24", "Mixeur", "-"],
      ["25", "Étalonneur", "–"],
      ["26", "Monteur son", "- €"],
    ]);
    expect([d.total, d.lignes]).toEqual(["2600.00", 6]);
    expect(d.conservation).toMatchObject({ lu: "2600.00", lignes: "2600.00", listes: "0.00", ecart: "0.00" });
    expect(constats(controles, "montant-illisible")).toEqual([]);
  });
});
