import { titreConstat } from "../../../src/core/controles/titres";
import { calculerConservation, completerConservation } from "../../../src/core/devis/conservation";
import { texteConservation } from "../../../src/core/devis/feuilleControles";
import { importerDevis } from "../../../src/core/devis/import";
import type { Conservation } from "../../../src/core/devis/model";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: number) => centsToDecimalString(c as never);
const resume = (c: Conservation) => ({
  lu: e(c.lu),
  lignes: e(c.lignes),
  totauxProuves: e(c.totauxProuves),
  nonPlaces: e(c.nonPlaces),
  listes: e(c.listes),
  ecart: e(c.ecart),
  cellules: c.cellules,
  nonComptees: c.nonComptees.map((n) => n.cellule),
});

describe("conservation des montants lus (issue 10 §1)", () => {
  it("entre deux tableaux, dans la colonne du montant du haut : un nombre d'unité prouvée listé, jamais perdu", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1", "PRÉPARATION"],
      [null, "Repérages", 2, 500, 1000],
      [null, "TOTAL", null, null, 1000],
      [],
      [null, "Jours de tournage", null, null, 32],
      // Alone on its row but for its unit: no label, the gap's reading would take it for a code; it stays a line.
      [null, null, null, null, 12, "jours"],
      [null, "Nombre de jours", 4, null, 40],
      [],
      ["Poste", "Qté", "Tarif", "Montant"],
      ["Caméra", 3, 1000, 3000],
    ]);
    const d = importerDevis(s);
    const c = completerConservation(d.conservation as Conservation, controlerDevis(d, "2026-01-15"));
    expect(c.ecart).toBe(0);
    expect(c.nonComptees).toEqual([]);
    expect(c.ailleurs).toEqual([
      {
        cellule: "Devis!E6",
        place: "au-dessus",
        nature: "nombre",
        valeur: "32",
        unite: "jours",
        entete: "Devis!A10",
      },
    ]);
    // E7 (no label) and E8 (a quantity on its row: a line, whatever its label) stay amounts, read in euros.
    const montants = d.lignes.map((l) => [l.source.cellules.montant, e(l.montant)]);
    expect(montants).toEqual([
      ["Devis!E3", "1000.00"],
      ["Devis!E7", "12.00"],
      ["Devis!E8", "40.00"],
      ["Devis!D11", "3000.00"],
    ]);
  });

  it("lignes, sous-totaux prouvés, TVA et TTC, récapitulatif, erreur sans libellé : chaque cellule comptée une fois", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2", "PERSONNEL"],
      ["2.1", "Monteur", 10, 250, 2500],
      ["2.2", "Assistant monteur", 10, 150, "1 500,00 €"],
      [null, "Sous-total personnel", null, null, { formula: "SUM(E3:E4)", result: 4000 }],
      ["8", "POST-PRODUCTION"],
      ["8.1", "Mixage", 2, 900, 1800],
      [null, "Total post-production", null, null, 1800],
      [null, "Divers à ventiler", null, null, 300],
      [null, "TOTAL HT", null, null, 6100],
      [null, "TVA 20 %", null, null, 1220],
      [null, "TOTAL TTC", null, null, 7320],
      [null, null, null, null, { formula: "E99/0", result: { error: "#DIV/0!" } }],
      ["Récapitulatif"],
      [null, "Personnel", null, null, 4000],
      [null, "Post-production", null, null, 1800],
    ]);
    const d = importerDevis(s);
    expect(resume(d.conservation as Conservation)).toEqual({
      lu: "32340.00",
      lignes: "6100.00",
      totauxProuves: "11900.00",
      nonPlaces: "0.00",
      listes: "14340.00",
      ecart: "0.00",
      cellules: { lues: 12, lignes: 4, totauxProuves: 3, nonPlaces: 0, listees: 5 },
      nonComptees: [],
    });
    expect(d.totauxProducteur.map((t) => [t.cellule, t.preuve])).toEqual([
      ["Devis!E5", "somme"],
      ["Devis!E8", "somme"],
      ["Devis!E10", "somme"],
    ]);
    const constats = controlerDevis(d, "2026-01-15");
    expect(constats.filter((c) => c.regle === "montant-hors-lignes").map((c) => c.cellule)).toEqual([
      "Devis!E11",
      "Devis!E12",
      "Devis!E15",
      "Devis!E16",
    ]);
    // The error without a label is named, never dropped.
    expect(constats.filter((c) => c.regle === "montant-illisible").map((c) => [c.gravite, c.cellule])).toEqual([
      ["erreur", "Devis!E13"],
    ]);
  });

  it("une cellule qu'aucune catégorie ne compte fait l'écart et est nommée ; un constat qui la nomme la liste", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Désignation", "Montant"],
      ["Monteur", 2500],
      ["Mixage", 1800],
    ]);
    const d = importerDevis(s);
    expect(d.conservation?.ecart).toBe(0);
    // The same sheet, as if the import had lost the mixing line.
    const perdu = calculerConservation(s, 0, 1, { ...d, lignes: d.lignes.slice(0, 1) });
    expect(resume(perdu)).toMatchObject({
      lu: "4300.00",
      lignes: "2500.00",
      ecart: "1800.00",
      nonComptees: ["Devis!B3"],
    });
    const liste = completerConservation(perdu, [
      { regle: "montant-ambigu", gravite: "alerte", message: "…", cellule: "Devis!B3" },
    ]);
    expect(resume(liste)).toMatchObject({ listes: "1800.00", ecart: "0.00", nonComptees: [] });
    // Counted twice (a line and a total): the gap is negative and the cell is named.
    const double = calculerConservation(s, 0, 1, {
      ...d,
      totauxProducteur: [
        {
          type: "total",
          libelle: "x",
          montant: d.lignes[1].montant,
          cellule: "Devis!B3",
          lignesCouvertes: [],
          preuve: "somme",
        },
      ],
    });
    expect(resume(double)).toMatchObject({ ecart: "-1800.00", nonComptees: ["Devis!B3"] });
    expect(double.nonComptees[0].doublon).toBe(true);
  });
});

describe("un total n'en est un que prouvé (issue 10 §1)", () => {
  it("« TOTAL ENERGIES », fournisseur d'un export de dépenses, est une ligne ; le total final le prouve", async () => {
    const s = await feuilleXlsx("Dépenses", [
      ["Date", "Désignation", "Montant"],
      ["2025-03-02", "TOTAL ENERGIES", 45.2],
      ["2025-03-03", "Location camion", 380],
      ["2025-03-09", "TOTAL ENERGIES", 61.15],
      ["2025-03-10", "Total Énergies station A6", "52,10 €"],
      [null, "Total", 538.45],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, e(l.montant)])).toEqual([
      ["TOTAL ENERGIES", "45.20"],
      ["Location camion", "380.00"],
      ["TOTAL ENERGIES", "61.15"],
      ["Total Énergies station A6", "52.10"],
    ]);
    expect(d.totauxProducteur.map((t) => [t.cellule, t.preuve])).toEqual([["'Dépenses'!C6", "somme"]]);
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [], lu: 107690 });
    expect(e(d.conservation!.lignes + d.conservation!.nonPlaces)).toBe("538.45");
    expect(
      controlerDevis(d, "2026-01-15")
        .filter((c) => c.regle === "total-non-prouve")
        .map((c) => c.cellule),
    ).toEqual(["'Dépenses'!C2", "'Dépenses'!C4", "'Dépenses'!C5"]);
  });

  it("quatre lignes en capitales (10 700 €) : lignes, pas un titre portant 5 500 € et un chapitre de travers", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Désignation", "Montant"],
      ["RÉGIE", 5500],
      ["CATERING", 2000],
      ["LOCATION DE LOCAUX", 1700],
      ["ASSURANCES", 1500],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, e(l.montant)])).toEqual([
      ["RÉGIE", "5500.00"],
      ["CATERING", "2000.00"],
      ["LOCATION DE LOCAUX", "1700.00"],
      ["ASSURANCES", "1500.00"],
    ]);
    expect(e(d.total + d.conservation!.nonPlaces)).toBe("10700.00");
    expect(d.totauxProducteur).toEqual([]);
    // The capitals did not open a chapter for the lines under them.
    expect(d.lignes.find((l) => l.libelle === "CATERING")?.placement).not.toBe("section");
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });
  });

  it("un titre de chapitre en capitales portant la somme de ses lignes reste le sous-total du chapitre", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Désignation", "Montant"],
      ["RÉGIE", 3700],
      ["Catering", 2000],
      ["Location de locaux", 1700],
      ["POST-PRODUCTION", { formula: "SUM(B7:B7)", result: 900 }],
      ["Divers", 50],
      ["Mixage", 900],
    ]);
    const d = importerDevis(s);
    expect(d.totauxProducteur.map((t) => [t.libelle, t.preuve])).toEqual([
      ["RÉGIE", "somme"],
      ["POST-PRODUCTION", "formule"],
    ]);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre])).toEqual([
      ["Catering", "6"],
      ["Location de locaux", "6"],
      ["Divers", "8"],
      ["Mixage", "8"],
    ]);
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });
  });
});

/** Findings of `regles` as [code, gravité, cellule, message], spaces plain. */
const nommes = (d: ReturnType<typeof importerDevis>, ...regles: string[]) =>
  controlerDevis(d, "2026-01-15")
    .filter((c) => regles.includes(c.regle))
    .map((c) => [c.regle, c.gravite, c.cellule, c.message.replace(/[\u00a0\u202f]/g, " ")]);

describe("nombres sous des colonnes que l'import ne lit pas (issue 10, restes)", () => {
  it("« Budget N-1 » (alerte) et « Observations » (info) : comptés et nommés par colonne ; « N° », « Jours », « Tarif V1 » non", async () => {
    const s = await feuilleXlsx("Devis", [
      ["N°", "Désignation", "Jours", "Tarif V1", "Tarif V2", "Montant", "Budget N-1", "Observations"],
      [1, "Monteur", 10, 240, 250, 2500, 2300, "à revoir"],
      [2, "Assistant monteur", 10, 140, 150, 1500, "1 100,00 €", 12],
      [3, "Mixage", 2, 900, 900, 1800, null, "devis n° 4471"],
      [4, "Étalonnage", 1, 800, 800, 800, 0, null],
      [null, "Total", null, null, null, { formula: "SUM(F2:F5)", result: 6600 }, 3400],
    ]);
    const d = importerDevis(s);
    expect(e(d.total)).toBe("6600.00");
    expect(d.conservation?.horsColonnes).toEqual([
      { colonne: "G", cellule: "Devis!G1", entete: "Budget N-1", nombres: 3, total: 680000, argent: true },
      { colonne: "H", cellule: "Devis!H1", entete: "Observations", nombres: 1, total: 1200, argent: false },
    ]);
    // The devis itself is unchanged: every amount of F is a line or the proven total.
    expect(d.conservation).toMatchObject({ lu: 1320000, ecart: 0, nonComptees: [] });
    expect(nommes(d, "colonnes-lues")).toEqual([
      [
        "colonnes-lues",
        "alerte",
        "Devis!G1",
        "Devis!G1 : la colonne G « Budget N-1 » tient 3 nombres non lus (6 800,00 € au total) : elle n'est pas une " +
          "colonne du devis reconnue, ils ne sont pas comptés. Si ce sont des montants du devis, mettez-les dans la " +
          "colonne des montants, puis relancez.",
      ],
      [
        "colonnes-lues",
        "info",
        "Devis!H1",
        "Devis!H1 : la colonne H « Observations » tient un nombre non lu (12) : elle n'est pas une colonne du " +
          "devis reconnue, il n'est pas compté. Si c'est un montant du devis, mettez-le dans la colonne des montants, " +
          "puis relancez.",
      ],
    ]);
    // The summary (CLI text, Contrôles sheet) names them too.
    expect(texteConservation(d.conservation as Conservation).replace(/[\u00a0\u202f]/g, " ")).toContain(
      " Nombres hors des colonnes lues, non comptés : colonne G « Budget N-1 » 3 nombres (6 800,00 €), colonne H " +
        "« Observations » un nombre (12,00 €).",
    );
  });

  it("une colonne sans en-tête : une numérotation (1, 2, 3) ou des codes (21, 81, 8) ne sont pas nommés, des montants le sont", async () => {
    const lignes = (x: (number | null)[]) => [
      ["Désignation", "Montant", null, "Notes"],
      ["Monteur", 2500, x[0], "ok"],
      ["Mixage", 1800, x[1], null],
      ["Étalonnage", 800, x[2], null],
    ];
    const numerote = importerDevis(await feuilleXlsx("Devis", lignes([1, 2, 3])));
    expect(numerote.conservation?.horsColonnes).toBeUndefined();
    const codes = importerDevis(await feuilleXlsx("Devis", lignes([21, 81, 8])));
    expect(codes.conservation?.horsColonnes).toBeUndefined();
    const chiffre = importerDevis(await feuilleXlsx("Devis", lignes([2300, 1700, null])));
    expect(chiffre.conservation?.horsColonnes).toEqual([
      {
        colonne: "C",
        cellule: "Devis!C1",
        entete: "",
        nombres: 2,
        total: 400000,
        argent: false,
        listees: [
          { cellule: "Devis!C2", montant: 230000 },
          { cellule: "Devis!C3", montant: 170000 },
        ],
      },
    ]);
    // No header says what they are: in lu and listed, each cell named (never a line of the devis's total).
    expect(chiffre.conservation).toMatchObject({
      lu: 910000,
      lignes: 510000,
      listes: 400000,
      ecart: 0,
      cellules: { lues: 5, lignes: 3, listees: 2 },
      nonComptees: [],
    });
    expect(e(chiffre.total)).toBe("5100.00");
    expect(nommes(chiffre, "colonnes-lues").map((c) => [c[1], c[2], c[3]])).toEqual([
      [
        "alerte",
        "Devis!C2",
        "Devis!C2 : la colonne C, sans en-tête, tient 2 nombres hors des colonnes du devis (4 000,00 € au total) : " +
          "C2 (2 300,00 €), C3 (1 700,00 €). Ils sont listés dans les montants lus, mais ne sont pas comptés dans le " +
          "total du devis : si ce sont des montants du devis, mettez-les dans la colonne des montants, sur leur ligne, " +
          "puis relancez.",
      ],
    ]);
    expect(texteConservation(chiffre.conservation as Conservation).replace(/[\u00a0\u202f]/g, " ")).toContain(
      " Nombres d'une colonne sans en-tête, lus et listés (hors total) : C2:C3 (4 000,00 €).",
    );
  });
});

describe("une autre devise, « (3 k€) », un net après le total (issue 10, restes)", () => {
  it("« 500 $ », « 500 $/day », « 500 USD/jour » : montant-devise, listés en devise ; « (3 k€) » dit ce qui est lu", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Montant"],
      ["21", "Réalisateur", 5000],
      ["22", "Compositeur", "500 $"],
      ["23", "Steadicamer", "500 $/day"],
      ["24", "Drone", "500 USD/jour"],
      ["25", "Avoir montage", "(3 k€)"],
      [null, "Total", { formula: "SUM(C2:C6)", result: 5000 }],
    ]);
    const d = importerDevis(s);
    expect(e(d.total)).toBe("5000.00");
    // 5 000 (line) + 5 000 (proven total) − 3 000 (listed at its reading); the dollars read, listed, never summed.
    expect(d.conservation).toMatchObject({ lu: 700000, totauxProuves: 500000, listes: -300000, ecart: 0 });
    expect(d.conservation?.nonComptees).toEqual([]);
    expect(d.conservation?.enDevise).toEqual([
      { cellule: "Devis!C3", texte: "500 $", devise: "dollars" },
      { cellule: "Devis!C4", texte: "500 $/day", devise: "dollars" },
      { cellule: "Devis!C5", texte: "500 USD/jour", devise: "dollars US" },
    ]);
    const suite = "Prodbook compte en euros et n'applique aucun taux de change : la ligne n'est pas comptée.";
    const tarif =
      "Indiquez le montant de la ligne en euros (ou le tarif en euros dans la colonne du tarif et le nombre dans " +
      "celle de la quantité), puis relancez.";
    expect(nommes(d, "montant-devise", "montant-tarif", "montant-illisible")).toEqual([
      [
        "montant-illisible",
        "alerte",
        "Devis!C6",
        "Devis!C6 « Avoir montage » : « (3 k€) » se lit −3 000,00 € (en milliers d'euros, entre parenthèses : " +
          "négatif), mais un montant écrit avec son unité n'est pas compté sans vérification : la ligne n'est pas " +
          "comptée. Écrivez ce montant en euros dans la cellule, puis relancez.",
      ],
      [
        "montant-devise",
        "alerte",
        "Devis!C3",
        `Devis!C3 « Compositeur » : « 500 $ » est en dollars ; ${suite} Convertissez-le ou indiquez le montant en ` +
          "euros, puis relancez.",
      ],
      [
        "montant-devise",
        "alerte",
        "Devis!C4",
        `Devis!C4 « Steadicamer » : « 500 $/day » est un tarif en dollars (par jour), pas le montant ; ${suite} ${tarif}`,
      ],
      [
        "montant-devise",
        "alerte",
        "Devis!C5",
        `Devis!C5 « Drone » : « 500 USD/jour » est un tarif en dollars US (par jour), pas le montant ; ${suite} ${tarif}`,
      ],
    ]);
    // The pane shows a French title for the code, never the code itself.
    expect(titreConstat("montant-devise")).toBe("Montant dans une autre devise que l'euro");
  });

  it("« Net à payer » = total prouvé − acompte : une info qui dit pourquoi il n'est pas compté ; sans preuve, l'alerte", async () => {
    const feuille = (net: number) =>
      feuilleXlsx("Devis", [
        ["Code", "Désignation", "Montant"],
        ["21", "Réalisateur", 2500],
        ["22", "Scripte", 1500],
        [null, "TOTAL", { formula: "SUM(C2:C3)", result: 4000 }],
        [null, "Acompte versé", 1000],
        [null, "Net à payer", net],
      ]);
    const d = importerDevis(await feuille(3000));
    expect(e(d.total)).toBe("4000.00");
    expect(d.conservation).toMatchObject({ nonPlaces: 400000, ecart: 0, nonComptees: [] });
    expect(nommes(d, "ligne-hors-chapitre")).toEqual([
      [
        "ligne-hors-chapitre",
        "alerte",
        "Devis!C5",
        // Under the total: outside the devis, or to be moved into its chapter (before: « give it a chapter title »).
        "Devis!C5 « Acompte versé » : cette ligne est sous le total du devis « TOTAL » (Devis!C4, 4 000,00 €) et " +
          "n'est rattachée à aucun chapitre : son montant 1 000,00 € n'est pas compté dans le total ; il est listé " +
          "parmi les montants non placés. S'il est hors devis, il n'y a rien à faire. S'il fait partie du devis, " +
          "déplacez la ligne dans son chapitre, au-dessus du total, et ajoutez son montant au sous-total du chapitre " +
          "et au total, puis relancez.",
      ],
      [
        "ligne-hors-chapitre",
        "info",
        "Devis!C6",
        "Devis!C6 « Net à payer » : 3 000,00 € vaut le total Devis!C4 (4 000,00 €) moins Devis!C5 « Acompte versé » " +
          "(1 000,00 €) : un net calculé après le total du devis, pas une ligne de dépense ; il n'est pas compté dans " +
          "le total.",
      ],
    ]);
    // 2 900 is not 4 000 − 1 000: the words alone prove nothing, the row stays an alerte.
    const faux = importerDevis(await feuille(2900));
    expect(nommes(faux, "ligne-hors-chapitre").map((c) => [c[1], c[2]])).toEqual([
      ["alerte", "Devis!C5"],
      ["alerte", "Devis!C6"],
    ]);
  });
});
