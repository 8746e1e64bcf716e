import { importerDevis } from "../../../src/core/devis/import";
import { trouverFeuilleDevis } from "../../../src/core/devis/trouver";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents | undefined) => (c === undefined ? undefined : centsToDecimalString(c));
const chapitres = (d: ReturnType<typeof importerDevis>) => d.chapitres.map((c) => [c.code, e(c.total)]);

describe("importerDevis sur des mises en page variées", () => {
  it("en-têtes anglais, codes « 02.03 », montants en texte anglais", async () => {
    const s = await feuilleXlsx("Budget", [
      ["Production budget — Blue Whales (ep. 1)"],
      ["Code", "Description", "Qty", "Unit", "Rate", "Amount", "Category"],
      ["01.01", "Writer fee", 1, "lump sum", 9000, "9,000.00"],
      ["02.03", "Editor", 15, "day", 250, "3,750.00"],
      ["02.05", "Sound recordist", 10, "day", 300, "3000"],
      ["07.01", "Camera rental", 2, "week", 1100.5, "(2,201.00)", "prestation"],
      ["", "Grand total", "", "", "", "13,549.00"],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.chapitre, l.sousChapitre, l.placement, e(l.montant)])).toEqual([
      ["01.01", "1", "11", "code", "9000.00"],
      ["02.03", "2", "23", "code", "3750.00"],
      ["02.05", "2", "25", "code", "3000.00"],
      ["07.01", "7", "71", "code", "-2201.00"],
    ]);
    expect(d.lignes[3].categorie).toBe("prestation");
    expect(d.totauxProducteur).toEqual([
      expect.objectContaining({ type: "total", montant: 1354900, cellule: "Budget!F7" }),
    ]);
  });

  it("codes à deux chiffres « 23 » et à trois « 203 », sans titres de chapitre", async () => {
    const s = await feuilleXlsx("Devis prod", [
      ["N°", "Libellé", "Nb", "Qté", "Tarif", "Montant HT"],
      [11, "Droits du sujet", null, null, null, 4000],
      [23, "Réalisatrice", 1, 20, 350, { formula: "C3*D3*E3", result: 7000 }],
      [203, "Monteuse", 1, 15, 240, 3600],
      [81, "Mixage", null, null, null, 1800],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.chapitre, l.sousChapitre, l.placement])).toEqual([
      ["1", "11", "code"],
      ["2", "23", "code"],
      ["2", undefined, "code"],
      ["8", "81", "code"],
    ]);
    expect(d.lignes[1].montantFormule).toBe(true);
    expect(d.lignes[1].nombre).toBe("1");
    expect(d.lignes[1].quantite).toBe("20");
  });

  it("une simple numérotation 1, 2, 3… n'est pas prise pour des codes : mots-clés", async () => {
    const rows: (string | number | null)[][] = [["N°", "Désignation", "Montant"]];
    const libelles = [
      "Droits d'auteur",
      "Réalisateur",
      "Ingénieur du son",
      "Comédien",
      "Charges sociales",
      "Décor",
      "Hôtel",
      "Location caméra",
      "Montage",
      "Mixage",
      "Assurance",
      "Catering",
      "Train",
    ];
    libelles.forEach((l, i) => rows.push([i + 1, l, 1000 + i]));
    const d = importerDevis(await feuilleXlsx("Feuil1", rows));
    expect(d.lignes.map((l) => l.chapitre)).toEqual(["1", "2", "2", "3", "4", "5", "6", "7", "8", "8", "9", "6", "6"]);
    expect(d.lignes.every((l) => l.placement === "mot-cle")).toBe(true);
  });

  it("titres fusionnés, titre de chapitre portant le montant, sous-totaux imbriqués, ligne de commentaire", async () => {
    const s = await feuilleXlsx(
      "Budget",
      [
        ["DEVIS FICTION « Nuit blanche »"],
        ["Poste", "Désignation", "Quantité", "Unité", "Taux", "Montant"],
        ["CHAPITRE 2 PERSONNEL", null, null, null, null, 10500],
        [null, "Préparation"],
        [null, "Directeur de production", 10, "jour", 400, 4000],
        [null, "Régisseur général", 10, "jour", 250, 2500],
        [null, "Sous-total préparation", null, null, null, 6500],
        [null, "Tournage"],
        [null, "Scripte", 16, "jour", 250, 4000],
        [null, "Total chapitre 2", null, null, null, 10500],
        ["POST-PRODUCTION"],
        [null, "Montage image", 1, "forfait", 2000, 2000],
        [null, "Commentaire : devis mixage à recevoir"],
        [null, "Sous-total post-production", null, null, null, 2100],
      ],
      { merges: ["A1:F1", "A3:E3", "A11:F11"] },
    );
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre])).toEqual([
      ["Directeur de production", "2"],
      ["Régisseur général", "2"],
      ["Scripte", "2"],
      ["Montage image", "8"],
    ]);
    expect(
      d.totauxProducteur.map((t) => [t.libelle, t.chapitre, e(t.montant), t.lignesCouvertes.length, t.preuve]),
    ).toEqual([
      ["CHAPITRE 2 PERSONNEL", "2", "10500.00", 3, "somme"],
      ["Sous-total préparation", "2", "6500.00", 2, "somme"],
      ["Total chapitre 2", "2", "10500.00", 3, "somme"],
      // 2 100 € for a line of 2 000 €: not proven, but within 10 % of what it covers — the producer's subtotal
      // with a mistake (listed by its finding), not a line of 2 100 € counted on top (issue 10 §1).
      ["Sous-total post-production", "8", "2100.00", 1, undefined],
    ]);
    expect(chapitres(d)).toEqual([
      ["2", "10500.00"],
      ["8", "2000.00"],
    ]);
    expect(d.totauxNonProuves).toEqual([]);
    expect(d.conservation).toMatchObject({ ecart: 0, nonComptees: [] });
  });

  it("montant vide calculé depuis quantité × nombre × taux ; « Imprévus 7 % » sans montant calculé sur le coût hors frais", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Nb", "Tarif", "Montant", "Taux charges", "Territoire", "Éligible CI"],
      ["2.1", "Cadreur", 3, 2, "281,54", null, "65 %", "France", "oui"],
      ["7.1", "Caméra", 1, 1, 1000.004, null, null, "Étranger", "non"],
      ["", "Imprévus 7 %", null, null, null, null],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [e(l.montant), l.montantCalcule, l.tauxCharges, l.partFrance, l.eligibleCI])).toEqual([
      ["1689.24", true, "0.65", "1", "oui"],
      ["1000.00", true, undefined, "0", "non"],
      ["188.25", true, undefined, undefined, "auto"],
    ]);
    expect(d.lignes[2].chapitre).toBe("IMP");
    expect(e(d.total)).toBe("2877.49");
  });

  it("devis de type CNC en capitales : sous-totaux « ENSEMBLE DES », coût total global, TVA, TTC et coût par minute ignorés", async () => {
    const s = await feuilleXlsx("DEVIS", [
      ["POSTES", "DÉTAIL", "MONTANT"],
      ["DROITS ARTISTIQUES"],
      ["Auteur", null, 10000],
      ["Réalisateur (droits)", null, 5000],
      ["SOUS-TOTAL ENSEMBLE DES DROITS ARTISTIQUES", null, 15000],
      ["PERSONNEL"],
      ["Directeur de production", "10 j", 4000],
      ["SOUS-TOTAL PERSONNEL", null, 4000],
      ["CHARGES SOCIALES"],
      ["Charges sur salaires", null, 2400],
      ["SOUS-TOTAL CHARGES SOCIALES", null, 2400],
      ["COUT TOTAL GLOBAL", null, 21400],
      ["FRAIS GENERAUX"],
      ["Frais de structure", null, 2000],
      ["TVA 20 %", null, 4680],
      ["TOTAL TTC", null, 28080],
      ["Coût par minute", null, 411.54],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre])).toEqual([
      ["Auteur", "1"],
      ["Réalisateur (droits)", "1"],
      ["Directeur de production", "2"],
      ["Charges sur salaires", "4"],
      ["Frais de structure", "FG"],
    ]);
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, t.montant])).toEqual([
      ["sous-total", "1", 1500000],
      ["sous-total", "2", 400000],
      ["sous-total", "4", 240000],
      ["total", undefined, 2140000],
    ]);
    expect(e(d.total)).toBe("23400.00");
    expect(d.nonPlaces).toEqual([]);
  });

  it("en-têtes longs : « Nature de la dépense », « Nombre de jours », « Tarif journalier », « Montant € HT »", async () => {
    const s = await feuilleXlsx("Prévisionnel", [
      [
        "Item",
        "Nature de la dépense",
        "Nombre de personnes",
        "Nombre de jours",
        "Tarif journalier",
        "Montant € HT :",
        "Montant TTC",
      ],
      ["2.1", "Monteur", 1, 10, "235,60 €", 2356, 2827.2],
      ["8.1", "Auditorium de mixage", 1, 2, 900, 1800, 2160],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.libelle, l.nombre, l.quantite, l.taux, e(l.montant), l.chapitre])).toEqual([
      ["2.1", "Monteur", "1", "10", "235.6", "2356.00", "2"],
      ["8.1", "Auditorium de mixage", "1", "2", "900", "1800.00", "8"],
    ]);
  });

  it("un bloc « Récapitulatif » répétant les chapitres n'est ni compté ni contrôlé", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1 - DROITS ARTISTIQUES"],
      ["1.1", "Auteur", 1, 3000, 3000],
      ["2 - PERSONNEL"],
      ["2.1", "Monteur", 10, 250, 2500],
      [null, "TOTAL", null, null, 5500],
      [null, "RÉCAPITULATIF"],
      [null, "Droits artistiques", null, null, 3000],
      ["2", "PERSONNEL", null, null, 2500],
      [null, "Frais généraux", null, null, 550],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => l.libelle)).toEqual(["Auteur", "Monteur"]);
    expect(d.totauxProducteur.map((t) => t.type)).toEqual(["total"]);
    expect(e(d.total)).toBe("5500.00");
  });

  it("un titre en capitales portant un montant sans lignes dessous est le forfait du chapitre ; après le total, un rappel", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["1", "DROITS ARTISTIQUES", null, null, 3000],
      ["2", "PERSONNEL", null, null, 2500],
      ["2.1", "Monteur", 10, 250, 2500],
      [null, "TOTAL", null, null, 5500],
      ["2", "PERSONNEL", null, null, 2500],
    ]);
    const d = importerDevis(s);
    expect(d.totauxProducteur.map((t) => [t.chapitre, t.montant])).toEqual([
      ["2", 250000],
      [undefined, 550000],
    ]);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre, l.source.cellules.montant])).toEqual([
      ["DROITS ARTISTIQUES", "1", "Devis!E2"],
      ["Monteur", "2", "Devis!E4"],
    ]);
    expect(e(d.total)).toBe("5500.00");
  });

  it("les montants illisibles (erreur Excel, texte) sont listés, jamais perdus", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Montant"],
      ["7.1", "Caméra", { formula: "1/0", result: { error: "#DIV/0!" } }],
      ["7.2", "Drone", "à définir"],
      ["7.4", "Grip", { formula: "800*1.1" }],
      [null, "Note : devis drone en attente"],
      ["7.3", "Son", 800],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => l.libelle)).toEqual(["Son"]);
    expect(d.illisibles?.map((m) => [m.cellule, m.texte, m.erreurExcel])).toEqual([
      ["Devis!C2", "#DIV/0!", true],
      ["Devis!C3", "à définir", false],
      ["Devis!C4", "=800*1.1", false],
    ]);
    const { controlerDevis } = await import("../../../src/core/devis/regles");
    expect(controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite])).toEqual([
      ["montant-illisible", "erreur"],
      ["montant-illisible", "erreur"],
      ["montant-illisible", "alerte"],
    ]);
  });

  it("mots-clés : formes féminines et libellés anglais, sans codes ni titres", async () => {
    const rows: (string | number | null)[][] = [["Description", "Amount"]];
    const cas: [string, string][] = [
      ["Réalisatrice", "2"],
      ["Monteuse", "2"],
      ["Chargée de production", "2"],
      ["Comédienne", "3"],
      ["Editor", "2"],
      ["Sound recordist", "2"],
      ["Voice over", "3"],
      ["Flights Paris–Montréal", "6"],
      ["Equipment rental", "7"],
      ["Colour grading", "8"],
      ["Insurance", "9"],
      ["Overheads 10 %", "FG"],
      ["Contingency", "IMP"],
      ["Producer's fee", "PROD"],
    ];
    cas.forEach(([l], i) => rows.push([l, 100 + i]));
    const d = importerDevis(await feuilleXlsx("Budget", rows));
    expect(d.lignes.map((l) => [l.libelle, l.chapitre])).toEqual(cas);
  });

  it("un total placé en haut, avant toute ligne, couvre tout le devis", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Montant"],
      [null, "TOTAL DU DEVIS", 4500],
      ["1 - DROITS ARTISTIQUES"],
      ["1.1", "Auteur", 3000],
      ["2 - PERSONNEL"],
      ["2.1", "Monteur", 1500],
    ]);
    const d = importerDevis(s);
    expect(d.totauxProducteur.map((t) => [t.type, t.lignesCouvertes.length, t.montant])).toEqual([
      ["total", 2, 450000],
    ]);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre])).toEqual([
      ["Auteur", "1"],
      ["Monteur", "2"],
    ]);
  });

  it("trouverFeuilleDevis choisit la feuille qui a un en-tête de devis", async () => {
    const notes = await feuilleXlsx("Notes", [["Compte rendu"], ["Montant", 12]]);
    const budget = await feuilleXlsx("Budget v3", [
      ["Code", "Libellé", "Quantité", "Tarif", "Montant"],
      ["2.1", "Monteur", 5, 240, 1200],
    ]);
    expect(trouverFeuilleDevis([notes, budget])?.name).toBe("Budget v3");
    expect(trouverFeuilleDevis([notes])).toBeUndefined();
  });
});
