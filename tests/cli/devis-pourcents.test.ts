import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, devisJsonBinaire, dossierTemporaire, FICTION_52_2025, refus } from "../helpers/cli";

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
