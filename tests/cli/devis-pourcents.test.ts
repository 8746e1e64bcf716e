import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, devisBinaire, devisJsonBinaire, dossierTemporaire, FICTION_52_2025, refus } from "../helpers/cli";

/**
 * Percentages typed as text in a devis (« Territoire », « Taux », « Charges » columns), through the built binary on real
 * .xlsx files: their figure is read by the shared number reader (« −20 % » with U+2212, « 1 500 % » grouped with a
 * space, a no-break or a narrow no-break space); « 1.500 % » is read only when the sheet proves its convention, else
 * named with its cell and both readings, never read as 1,5 % nor dropped.
 */
const dossier = dossierTemporaire("prodbook-pourcents-");

type Ligne = [string, string, number, string | number, number, string, string?];

/** A devis « Budget »: Code, Libellé, Quantité, Taux, Montant, Territoire, Charges (A to G), one row per `lignes`. */
async function devis(nom: string, lignes: Ligne[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Libellé", "Quantité", "Taux", "Montant", "Territoire", "Charges"]);
  for (const l of lignes) ws.addRow(l);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const constats = (f: string) =>
  devisJsonBinaire(f)
    .controles.filter((c: { regle: string }) => /^(territoire-|montant-illisible)/.test(c.regle))
    .map((c: { regle: string; cellule?: string; message: string }) => `${c.regle} ${c.cellule} ${nbsp(c.message)}`);
const credit = (f: string) => binaire(["credit-impot", f, ...FICTION_52_2025, "--json"]);

describe("prodbook devis : pourcentages écrits en texte", () => {
  it("« 1.500 % » sans convention prouvée : nommé avec ses deux lectures dans Territoire, Taux et Charges", async () => {
    const f = await devis("ambigus.xlsx", [
      ["7.1", "Location caméra", 1, 10000, 10000, "1.500 %"],
      ["2.1", "Réalisateur", 1, 3000, 3000, "France", "55.500 %"],
      ["2.2", "Assistant", 2, "12.500 %", 1000, "France"],
    ]);
    expect(constats(f)).toEqual([
      "montant-illisible Budget!G3 Budget!G3 « Réalisateur » : la cellule des charges « 55.500 % » peut se lire " +
        "55,5 % ou 55 500 %, sans que la feuille dise lequel ; ces charges ne sont pas comptées (la ligne l'est, avec " +
        "son montant lu, 3 000,00 €). Saisissez « 55,5 % » ou « 55 500 % », puis relancez.",
      "montant-illisible Budget!D4 Budget!D4 « Assistant » : le taux « 12.500 % » peut se lire 12,5 % ou 12 500 %, " +
        "sans que la feuille dise lequel ; la ligne est comptée avec son montant lu, 1 000,00 €. Saisissez « 12,5 % » " +
        "ou « 12 500 % », puis relancez.",
      "territoire-illisible Budget!F2 Budget!F2 : territoire « 1.500 % » de la ligne « Location caméra » : peut se lire " +
        "1,5 % ou 1 500 %, sans que la feuille dise lequel ; la part France n'est pas lue. Saisissez « France », " +
        "« Étranger » ou la part avec « % » (« 80 % »), puis relancez.",
    ]);
    // credit-impot never takes 1,5 % (nor 100 % by default): refused, the cell and both readings named, exit 2.
    const r = credit(f);
    refus(r, /^ambigus\.xlsx\s:\sBudget!F2\s:\s/);
    expect(nbsp(r.err)).toBe(
      "ambigus.xlsx : Budget!F2 : territoire « 1.500 % » de la ligne « Location caméra » : 1,5 % ou 1 500 % ? " +
        "Saisissez « France », « Étranger » ou la part avec « % » dans la colonne « Territoire ».\n",
    );
  });

  it("« 1.500 % » dans une feuille qui écrit « 1 234,56 » : lu 1 500 %, hors de 0 à 100 %, nommé comme tel", async () => {
    const f = await devis("convention-fr.xlsx", [
      ["7.1", "Location caméra", 1, 10000, 10000, "1.500 %"],
      ["7.2", "Location lumière", 1, 1234.56, "1 234,56" as unknown as number, "France"],
    ]);
    expect(constats(f)).toEqual([
      "territoire-hors-bornes Budget!F2 Budget!F2 : part France « 1 500 % » de la ligne « Location caméra » hors de " +
        "0 à 100 % : corrigez la colonne « Territoire ».",
    ]);
  });

  it("« −20 % » (signe moins U+2212) et « 1 500 % » groupé d'espaces : lus, hors bornes, nommés", async () => {
    const f = await devis("signes.xlsx", [
      ["7.1", "Location caméra", 1, 10000, 10000, "\u221220 %"],
      ["7.2", "Location lumière", 1, 5000, 5000, "1\u00a0500 %"],
      ["7.3", "Location machinerie", 1, 2000, 2000, "1\u202f500 %"],
      ["7.4", "Location groupe", 1, 1000, 1000, "1 500 %"],
    ]);
    const hors = (c: string, l: string, p: string) =>
      `territoire-hors-bornes Budget!${c} Budget!${c} : part France « ${p} » de la ligne « ${l} » hors de 0 à 100 % : ` +
      `corrigez la colonne « Territoire ».`;
    expect(constats(f)).toEqual([
      hors("F2", "Location caméra", "\u221220 %"),
      hors("F3", "Location lumière", "1 500 %"),
      hors("F4", "Location machinerie", "1 500 %"),
      hors("F5", "Location groupe", "1 500 %"),
    ]);
  });

  it("« 80 % » écrit avec une espace insécable et « 7,5 % » en taux : lus sans constat", async () => {
    const f = await devis("lus.xlsx", [
      ["7.1", "Location caméra", 1, 10000, 10000, "80\u00a0%"],
      ["8.1", "Imprévus", 1, "7,5 %", 750, "France"],
    ]);
    expect(constats(f)).toEqual([]);
    const r = credit(f);
    expect([r.code, r.err]).toEqual([0, ""]);
  });
});

/** A devis « Budget »: Code, Libellé, Quantité, Taux, Montant (A to E), one row per `lignes`. */
async function devisLibelles(nom: string, lignes: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Libellé", "Quantité", "Taux", "Montant"]);
  for (const l of lignes) ws.addRow(l);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

const SALAIRES: (string | number | null)[][] = [
  ["21", "Réalisateur", 1, 10000, 10000],
  ["31", "Acteur", 1, 5000, 5000],
  [null, "Total", null, null, 15000],
];

describe("prodbook devis : pourcentage écrit dans le libellé d'une ligne de frais généraux ou d'imprévus", () => {
  it("« 1.500 % » et « 1,500 % » sans convention prouvée : nommés avec leurs deux lectures, jamais lus 1,5 %", async () => {
    // Before: both read as 1,5 % in silence (225,00 € of imprévus computed on 15 000,00 €).
    const f = await devisLibelles("libelles-ambigus.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 1.500 %", null, null, null],
      ["", "Frais généraux 1,500 %", null, null, 300],
      ["", "Remise 2.500 %", null, null, null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.total).toBe("15300.00");
    expect(d.chapitres.map((c: { code: string; total: string }) => `${c.code} ${c.total}`)).toEqual([
      "2 10000.00",
      "3 5000.00",
      "FG 300.00",
    ]);
    expect(d.conservation.ecart).toBe("0.00");
    expect(d.remisesSansMontant).toBeUndefined();
    const suite = (p: string, m: string) =>
      `le pourcentage du libellé « ${p} » peut se lire ${m.replace(".", ",")} % ou ${m.replace(".5", " 500")} %, sans ` +
      `que la feuille dise lequel ; `;
    expect(constats(f)).toEqual([
      `montant-illisible Budget!B5 Budget!B5 « Imprévus 1.500 % » : ${suite("1.500 %", "1.5")}le montant n'est pas ` +
        `calculé sans cette valeur ; la ligne n'est pas comptée. Saisissez « 1,5 % » ou « 1 500 % », puis relancez.`,
      `montant-illisible Budget!B6 Budget!B6 « Frais généraux 1,500 % » : ${suite("1,500 %", "1.5")}la ligne est ` +
        `comptée avec son montant lu, 300,00 €. Saisissez « 1,5 % » ou « 1 500 % », puis relancez.`,
      `montant-illisible Budget!B7 Budget!B7 « Remise 2.500 % » : ${suite("2.500 %", "2.5")}le montant n'est pas ` +
        `calculé sans cette valeur ; la ligne n'est pas comptée. Saisissez « 2,5 % » ou « 2 500 % », puis relancez.`,
    ]);
  });

  it("« Imprévus 5-10 % » : une fourchette nommée, jamais 10 % pris", async () => {
    // Before: read as 10 % (its upper figure), 1 500,00 € of imprévus on 15 000,00 €.
    const f = await devisLibelles("libelle-fourchette.xlsx", [...SALAIRES, ["", "Imprévus 5-10 %", null, null, null]]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.total).toBe("15000.00");
    expect(d.conservation.ecart).toBe("0.00");
    expect(constats(f)).toEqual([
      "montant-illisible Budget!B5 Budget!B5 « Imprévus 5-10 % » : le pourcentage du libellé « 5-10 % » est une " +
        "fourchette, pas un taux ; le montant n'est pas calculé sans cette valeur ; la ligne n'est pas comptée. " +
        "Saisissez le taux retenu, puis relancez.",
    ]);
  });

  it("« Imprévus 5 -10 % », « 10 à 5 % », « Remise 5-10 % » : des fourchettes nommées, jamais −10 % compté", async () => {
    // Before: « 5 -10 % » read as −10 % (−1 500,00 € of imprévus), « Remise 5-10 % » named with no word of a range.
    const f = await devisLibelles("libelle-fourchettes.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 5 -10 %", null, null, null],
      ["", "Frais généraux 10 à 5 %", null, null, null],
      ["", "Remise 5-10 %", null, null, null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.total).toBe("15000.00");
    expect(d.conservation.ecart).toBe("0.00");
    expect(d.remisesSansMontant).toBeUndefined();
    const fourchette = (c: string, l: string, p: string) =>
      `montant-illisible ${c} ${c} « ${l} » : le pourcentage du libellé « ${p} » est une fourchette, pas un taux ; le ` +
      "montant n'est pas calculé sans cette valeur ; la ligne n'est pas comptée. Saisissez le taux retenu, puis relancez.";
    expect(constats(f)).toEqual([
      fourchette("Budget!B5", "Imprévus 5 -10 %", "5 -10 %"),
      fourchette("Budget!B6", "Frais généraux 10 à 5 %", "10 à 5 %"),
      fourchette("Budget!B7", "Remise 5-10 %", "5-10 %"),
    ]);
  });

  it("« 1,500 % » dans une feuille qui écrit « 1 234,56 » : lu 1,5 %, comme un montant l'est", async () => {
    const f = await devisLibelles("libelle-convention-fr.xlsx", [
      ["21", "Réalisateur", 1, 10000, "10 000,00"],
      ["31", "Acteur", 1, 5000, 5000],
      [null, "Total", null, null, 15000],
      ["", "Imprévus 1,500 %", null, null, null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.chapitres.find((c: { code: string }) => c.code === "IMP")?.total).toBe("225.00");
    expect(constats(f)).toEqual([]);
  });

  it("« 1 500 % » groupé, « 0,5 % », « −5 % » et « 7,5 % » : lus comme dans une cellule", async () => {
    const f = await devisLibelles("libelles-lus.xlsx", [
      ...SALAIRES,
      ["", "Frais généraux 7,5 %", null, null, null],
      ["", "Imprévus 0,5 %", null, null, null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.chapitres.map((c: { code: string; total: string }) => `${c.code} ${c.total}`)).toEqual([
      "2 10000.00",
      "3 5000.00",
      "FG 1125.00",
      "IMP 75.00",
    ]);
    const g = await devisLibelles("libelles-signes.xlsx", [
      ...SALAIRES,
      ["", "Imprévus \u22125 %", null, null, null],
      ["", "Frais généraux 1\u00a0500 %", null, null, null],
    ]);
    const e = devisJsonBinaire(g).devis;
    expect(e.chapitres.map((c: { code: string; total: string }) => `${c.code} ${c.total}`)).toEqual([
      "2 10000.00",
      "3 5000.00",
      "FG 225000.00",
      "IMP -750.00",
    ]);
  });
});

const pourcentages = (f: string) =>
  devisJsonBinaire(f)
    .controles.filter((c: { regle: string }) => /^(montant-pourcentage|montant-illisible)/.test(c.regle))
    .map(
      (c: { regle: string; gravite: string; cellule?: string; message: string }) =>
        `${c.regle} ${c.gravite} ${c.cellule} ${nbsp(c.message)}`,
    );
const totauxChapitres = (d: { chapitres: { code: string; total: string }[] }) =>
  d.chapitres.map((c) => `${c.code} ${c.total}`);

describe("prodbook devis : une somme de taux dans un libellé (« Imprévus 5 + 10 % »)", () => {
  it("sans montant : nommée avec ses termes, jamais un terme pris ni la ligne comptée", async () => {
    // Before: « 5 + 10 % » and « 5+10% » read as 10 % (1 500,00 €), « 5 % + 10 % » as 5 % (750,00 €), in silence.
    const f = await devisLibelles("libelle-sommes.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 5 + 10 %", null, null, null],
      ["", "Frais généraux 5 % + 10 %", null, null, null],
      ["", "Frais financiers 5+10%", null, null, null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.total).toBe("15000.00");
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00"]);
    expect(d.conservation.ecart).toBe("0.00");
    const somme = (c: string, l: string, p: string) =>
      `montant-illisible alerte ${c} ${c} « ${l} » : le pourcentage du libellé « ${p} » est une somme de taux ` +
      "(5 % + 10 %), pas un taux unique ; le montant n'est pas calculé sans cette valeur ; la ligne n'est pas " +
      "comptée. Saisissez le taux retenu, puis relancez.";
    expect(pourcentages(f)).toEqual([
      somme("Budget!B5", "Imprévus 5 + 10 %", "5 + 10 %"),
      somme("Budget!B6", "Frais généraux 5 % + 10 %", "5 % + 10 %"),
      somme("Budget!B7", "Frais financiers 5+10%", "5+10%"),
    ]);
  });

  it("avec son montant : 15 % lu seulement si le montant le prouve (15 % × 15 000,00 € = 2 250,00 €)", async () => {
    const f = await devisLibelles("libelle-sommes-montants.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 5 + 10 %", null, null, 2250],
      ["", "Frais généraux 2 % + 3 %", null, null, 100],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    // Both lines counted with their amounts read; only the one the amount proves is read as a rate.
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00", "FG 100.00", "IMP 2250.00"]);
    expect(d.conservation.ecart).toBe("0.00");
    expect(pourcentages(f)).toEqual([
      "montant-illisible alerte Budget!B6 Budget!B6 « Frais généraux 2 % + 3 % » : le pourcentage du libellé " +
        "« 2 % + 3 % » est une somme de taux (2 % + 3 %), pas un taux unique ; la ligne est comptée avec son montant " +
        "lu, 100,00 €. Saisissez le taux retenu, puis relancez.",
    ]);
  });

  it("« Budget 2025 - 5 % » reste 5 % ; la cellule du montant à 15 % prouve « 5 + 10 % », à 10 % non", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Code", "Libellé", "Quantité", "Taux", "Montant"]);
    for (const l of SALAIRES) ws.addRow(l);
    ws.addRow(["", "Imprévus 5 + 10 %", null, null, 0.15]);
    ws.addRow(["", "Frais généraux 5 + 10 %", null, null, 0.1]);
    ws.addRow(["", "Frais financiers 2025 - 5 %", null, null, null]);
    ws.getCell("E5").numFmt = "0%";
    ws.getCell("E6").numFmt = "0%";
    const f = path.join(dossier(), "libelle-sommes-cellule.xlsx");
    await wb.xlsx.writeFile(f);
    const { devis: d } = devisJsonBinaire(f);
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00", "FG 1500.00", "IMP 2250.00", "FF 750.00"]);
    expect(pourcentages(f)).toEqual([
      "montant-pourcentage alerte Budget!E6 Budget!E6 « Frais généraux 5 + 10 % » : « 10 % » dans la colonne des " +
        "montants est lu comme le taux de la ligne, pas comme un montant : 10 % du coût hors frais (15 000,00 €), soit " +
        "1 500,00 €. Le libellé dit « 5 + 10 % », une somme de taux (5 % + 10 %) et non un taux unique : c'est le taux " +
        "de la cellule qui est lu ; corrigez celui des deux qui est faux.",
      "montant-pourcentage info Budget!E5 Budget!E5 « Imprévus 5 + 10 % » : « 15 % » dans la colonne des montants " +
        "est lu comme le taux de la ligne, pas comme un montant : 15 % du coût hors frais (15 000,00 €), soit " +
        "2 250,00 €.",
    ]);
    expect(d.pourcentagesMontant).toEqual([
      { cellule: "Budget!E5", libelle: "Imprévus 5 + 10 %", pourcentage: "0.15", montant: "2250.00" },
      {
        cellule: "Budget!E6",
        libelle: "Frais généraux 5 + 10 %",
        pourcentage: "0.1",
        pourcentageLibelleNonLu: { texte: "5 + 10 %", somme: { termes: ["0.05", "0.1"] } },
        montant: "1500.00",
      },
    ]);
  });
});

describe("prodbook devis : le taux de la colonne Taux et celui du libellé", () => {
  it("un libellé qui dit un autre taux, une fourchette, une somme ou « 1.500 % » : les deux cellules nommées", async () => {
    // Before: the Taux column's rate read, the label's other rate (or range) said nowhere.
    const f = await devisLibelles("taux-libelle.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 5 %", null, "10 %", null],
      ["", "Frais généraux 5-10 %", null, "7 %", null],
      ["", "Frais financiers 1 + 2 %", null, "2 %", null],
      ["", "Imprévus 1.500 %", null, "1,5 %", null],
      ["", "Frais généraux 1 + 2 %", null, "3 %", null],
      ["", "Imprévus 4 %", null, "4 %", null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(d.pourcentagesTaux).toEqual([
      {
        cellule: "Budget!D5",
        celluleLibelle: "Budget!B5",
        libelle: "Imprévus 5 %",
        pourcentage: "0.1",
        pourcentageLibelle: "0.05",
        montant: "1500.00",
      },
      {
        cellule: "Budget!D6",
        celluleLibelle: "Budget!B6",
        libelle: "Frais généraux 5-10 %",
        pourcentage: "0.07",
        pourcentageLibelleNonLu: { texte: "5-10 %", fourchette: true },
        montant: "1050.00",
      },
      {
        cellule: "Budget!D7",
        celluleLibelle: "Budget!B7",
        libelle: "Frais financiers 1 + 2 %",
        pourcentage: "0.02",
        pourcentageLibelleNonLu: { texte: "1 + 2 %", somme: { termes: ["0.01", "0.02"] } },
        montant: "300.00",
      },
    ]);
    const debut = (c: string, l: string, p: string, m: string) =>
      `montant-pourcentage alerte ${c} ${c} « ${l} » : le taux « ${p} » de la colonne des taux est lu comme le taux ` +
      `de la ligne : ${p} du coût hors frais (15 000,00 €), soit ${m}.`;
    const fin = " : c'est le taux de la cellule qui est lu ; corrigez celui des deux qui est faux.";
    // « 1.500 % » one of whose readings is 1,5 %, « 1 + 2 % » whose total is 3 %, « 4 % » agreeing: nothing to say.
    expect(pourcentages(f)).toEqual([
      debut("Budget!D5", "Imprévus 5 %", "10 %", "1 500,00 €") + " Le libellé (Budget!B5) dit 5 %" + fin,
      debut("Budget!D6", "Frais généraux 5-10 %", "7 %", "1 050,00 €") +
        " Le libellé (Budget!B6) dit « 5-10 % », une fourchette" +
        fin,
      debut("Budget!D7", "Frais financiers 1 + 2 %", "2 %", "300,00 €") +
        " Le libellé (Budget!B7) dit « 1 + 2 % », une somme de taux (1 % + 2 %) et non un taux unique" +
        fin,
    ]);
  });
});

describe("prodbook devis : un taux au format pourcentage écrit en français", () => {
  it("15 au format « 0 % » se dit « 1 500 % » (groupé), −0,125 « −12,5 % » (signe moins, virgule)", async () => {
    // Before: « 1500 % » and « -12,5 % ».
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Code", "Libellé", "Quantité", "Taux", "Montant"]);
    for (const l of SALAIRES) ws.addRow(l);
    ws.addRow(["", "Imprévus", null, null, 15]);
    ws.addRow(["", "Frais généraux", null, null, -0.125]);
    ws.getCell("E5").numFmt = "0%";
    ws.getCell("E6").numFmt = "0.0%";
    const f = path.join(dossier(), "pourcentages-affiches.xlsx");
    await wb.xlsx.writeFile(f);
    const { devis: d, controles } = devisJsonBinaire(f);
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00", "FG -1875.00", "IMP 225000.00"]);
    const messages = controles
      .filter((c: { regle: string }) => c.regle === "montant-pourcentage")
      .map((c: { message: string }) => c.message);
    // The JSON keeps the narrow no-break spaces of French typography (devisJsonBinaire reads them as plain spaces).
    expect(messages).toEqual([
      "Budget!E5 « Imprévus » : « 1 500 % » dans la colonne des montants est lu comme le taux de la ligne, pas comme " +
        "un montant : 1 500 % du coût hors frais (15 000,00 €), soit 225 000,00 €.",
      "Budget!E6 « Frais généraux » : « \u221212,5 % » dans la colonne des montants est lu comme le taux de la ligne, " +
        "pas comme un montant : \u221212,5 % du coût hors frais (15 000,00 €), soit \u22121 875,00 €.",
    ]);
    const brut = JSON.parse(devisBinaire(f, "--json").out).controles.map((c: { message: string }) => c.message);
    expect(brut.join("\n")).toContain("« 1\u202f500 % »");
  });
});

describe("prodbook credit-impot : les taux des libellés non lus, dits comme devis les dit", () => {
  it("taux lu dans la cellule contre un libellé qui en dit un autre, une fourchette ou une somme : mêmes alertes", async () => {
    // Before: credit-impot computed on these lines as read without a word of their labels.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Code", "Libellé", "Quantité", "Taux", "Montant"]);
    for (const l of SALAIRES) ws.addRow(l);
    ws.addRow(["", "Imprévus 5 %", null, "10 %", null]);
    ws.addRow(["", "Frais généraux 5 + 10 %", null, null, 0.1]);
    ws.addRow(["", "Frais financiers 5-10 %", null, null, null]);
    ws.getCell("E6").numFmt = "0%";
    const f = path.join(dossier(), "credit-taux-libelles.xlsx");
    await wb.xlsx.writeFile(f);
    const devisAlertes = devisJsonBinaire(f)
      .controles.filter((c: { regle: string }) => c.regle === "montant-pourcentage")
      .map((c: { cellule: string; message: string }) => [c.cellule, c.message]);
    expect(devisAlertes.map((c: string[]) => c[0]).sort()).toEqual(["Budget!D5", "Budget!E6"]);
    const r = credit(f);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    const alertes = j.controles
      .filter((c: { regle: string }) => c.regle === "montant-pourcentage")
      .map((c: { gravite: string; cellule: string; message: string }) => [c.cellule, nbsp(c.message), c.gravite]);
    expect(alertes.sort()).toEqual(devisAlertes.map((c: string[]) => [...c, "alerte"]).sort());
    // The range with no amount: the line is not counted, its label cell named among the amounts not read.
    expect(j.alertes.map(nbsp)).toContain(
      "Une cellule du devis « Budget » sans montant lu (Budget!B7) : le crédit d'impôt est calculé sans elle. Le " +
        "contrôle du devis dit pourquoi ; corrigez-la, puis relancez.",
    );
    // The text output prints them too.
    const texte = nbsp(binaire(["credit-impot", f, ...FICTION_52_2025]).out);
    expect(texte).toContain("Budget!D5 « Imprévus 5 % » : le taux « 10 % » de la colonne des taux est lu");
    expect(texte).toContain("Le libellé dit « 5 + 10 % », une somme de taux (5 % + 10 %) et non un taux unique");
  });
});

describe("prodbook devis : le taux d'une ligne contre son montant saisi, et sa base", () => {
  const tauxMontant = (f: string) =>
    devisJsonBinaire(f)
      .controles.filter((c: { regle: string; message: string }) => c.regle === "montant-pourcentage")
      .map(
        (c: { gravite: string; cellule: string; message: string }) => `${c.gravite} ${c.cellule} ${nbsp(c.message)}`,
      );

  it("« Imprévus 7 % » saisi 1 000,00 € quand 7 % × 15 000,00 € = 1 050,00 € : compté tel que saisi, l'écart nommé", async () => {
    // Before: read as 7 % with 1 000,00 € and nothing said (and the Devis sheet wrote no formula for it).
    const f = await devisLibelles("taux-contre-montant.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 7 %", null, null, 1000],
      // 2,5 % × 15 000,00 € = 375,00 € typed: nothing to say.
      ["", "Frais généraux 2,5 %", null, null, 375],
      // 0,333 % × 15 000,00 € = 49,95 €; 0,3335 % = 50,025 € rounds half-up to 50,03 €, typed: nothing to say.
      ["", "Frais financiers 0,3335 %", null, null, 50.03],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00", "FG 375.00", "IMP 1000.00", "FF 50.03"]);
    expect(d.conservation.ecart).toBe("0.00");
    expect(d.tauxContreMontant).toEqual([
      {
        cellule: "Budget!E5",
        celluleTaux: "Budget!B5",
        dans: "libelle",
        libelle: "Imprévus 7 %",
        pourcentage: "0.07",
        base: "15000.00",
        nomBase: "coût hors frais",
        calcule: "1050.00",
        montant: "1000.00",
      },
    ]);
    expect(tauxMontant(f)).toEqual([
      "alerte Budget!E5 Budget!E5 « Imprévus 7 % » : le libellé dit 7 % du coût hors frais (15 000,00 €), soit " +
        "1 050,00 € ; le montant saisi est 1 000,00 € (écart de −50,00 €). C'est le montant saisi qui est compté ; " +
        "corrigez celui des deux qui est faux.",
    ]);
  });

  it("« Imprévus 7 % » saisi 700,00 €, 7 % du sous-total du producteur au-dessus : cette base dite, sans alerte", async () => {
    // The only base the devis computes a rate on is the coût hors frais; a producer's total or subtotal above the line
    // whose rate is the amount typed, to the cent, is the base the producer used: said (info), never an alert.
    const f = await devisLibelles("taux-sous-total.xlsx", [
      ["21", "Réalisateur", 1, 10000, 10000],
      [null, "Sous-total personnel", null, null, 10000],
      ["31", "Acteur", 1, 5000, 5000],
      [null, "Total", null, null, 15000],
      ["", "Imprévus 7 %", null, null, 700],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00", "IMP 700.00"]);
    expect(d.tauxContreMontant[0].autreBase).toEqual({
      cellule: "Budget!E3",
      libelle: "Sous-total personnel",
      montant: "10000.00",
    });
    expect(tauxMontant(f)).toEqual([
      "info Budget!E6 Budget!E6 « Imprévus 7 % » : le montant saisi, 700,00 €, est 7 % du total « Sous-total " +
        "personnel » (Budget!E3 : 10 000,00 €), et non du coût hors frais lu (15 000,00 €, dont 7 % donnerait " +
        "1 050,00 €) ; c'est le montant saisi qui est compté.",
    ]);
  });

  it("une assurance du chapitre 9 à 3 % en Taux : calculée sans elle-même, les frais généraux sur le coût qui la compte", async () => {
    // Before: the insurance computed on 15 000,00 €, then counted in the coût hors frais (15 450,00 €), while frais
    // généraux at 10 % were computed on 15 000,00 € and said « 10 % du coût hors frais (15 450,00 €), soit 1 500,00 € ».
    const f = await devisLibelles("assurance-chapitre-9.xlsx", [
      ...SALAIRES,
      ["91", "Frais d'assurance", null, "3 %", null],
      // Typed 400,00 € where 2 % of the same base gives 300,00 €: counted as typed, named with that base.
      ["92", "Assurance complémentaire", null, "2 %", 400],
      ["", "Frais généraux 5 %", null, "10 %", null],
    ]);
    const { devis: d } = devisJsonBinaire(f);
    // 3 % × 15 000,00 € = 450,00 €; coût hors frais 15 000 + 450 + 400 = 15 850,00 €; 10 % of it = 1 585,00 €.
    expect(totauxChapitres(d)).toEqual(["2 10000.00", "3 5000.00", "9 850.00", "FG 1585.00"]);
    expect(d.total).toBe("17435.00");
    expect(d.conservation.ecart).toBe("0.00");
    expect(tauxMontant(f)).toEqual([
      "alerte Budget!D7 Budget!D7 « Frais généraux 5 % » : le taux « 10 % » de la colonne des taux est lu comme le " +
        "taux de la ligne : 10 % du coût hors frais (15 850,00 €), soit 1 585,00 €. Le libellé (Budget!B7) dit 5 % : " +
        "c'est le taux de la cellule qui est lu ; corrigez celui des deux qui est faux.",
      // A cost line: its rate may apply to another base (a commission on one fee), an information, not an alert.
      "info Budget!E6 Budget!E6 « Assurance complémentaire » : le taux de la colonne des taux (Budget!D6) dit 2 % ; " +
        "le montant saisi, 400,00 €, n'est pas 2 % du coût hors frais sans les lignes en pourcentage (15 000,00 €, " +
        "soit 300,00 €) : le taux porte sur une autre base (un cachet, une partie du coût ?). C'est le montant saisi " +
        "qui est compté ; vérifiez la base du taux.",
    ]);
  });
});

describe("prodbook credit-impot : un taux de libellé non lu sur une ligne comptée avec son montant", () => {
  it("« Frais généraux 1,500 % » avec 300,00 € : son montant est lu, la cellule n'est pas « sans montant lu »", async () => {
    // Before: Budget!B6 listed with Budget!B5 and Budget!B7 as « 3 cellules … sans montant lu », while its 300,00 €
    // were read and counted.
    const f = await devisLibelles("credit-libelle-compte.xlsx", [
      ...SALAIRES,
      ["", "Imprévus 1.500 %", null, null, null],
      ["", "Frais généraux 1,500 %", null, null, 300],
      ["", "Remise 2.500 %", null, null, null],
    ]);
    const r = credit(f);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.alertes.map(nbsp).filter((a: string) => a.includes("sans montant lu"))).toEqual([
      "2 cellules du devis « Budget » sans montant lu (Budget!B5, Budget!B7) : le crédit d'impôt est calculé sans " +
        "elles. Le contrôle du devis dit pourquoi pour chacune ; corrigez-les, puis relancez.",
    ]);
  });
});
