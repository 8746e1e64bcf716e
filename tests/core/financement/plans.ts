/**
 * Real-shaped plans de financement, each in a different producer layout, written as .xlsx with ExcelJS.
 * - cinéma : long métrage ≈ 3 M€, sections + sous-totaux + TOTAL, budget line above the header, one date column,
 *   plus a « Budget » devis sheet totalling exactly 3 000 000 €;
 * - fiction TV 52' : « Source de financement | Type | Pays | Statut | Montant | Tranche 1 | Date 1 | Tranche 2 | Date 2 »;
 * - documentaire : amounts as text, month columns (« janv. 2026 »…) instead of dates, no status column.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

type Ligne = (string | number | Date | null | { formula: string; result?: number })[];

function feuille(wb: ExcelJS.Workbook, nom: string, lignes: Ligne[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(nom);
  lignes.forEach((l, i) => {
    l.forEach((v, j) => {
      if (v === null) return;
      const c = ws.getCell(i + 1, j + 1);
      c.value = v as ExcelJS.CellValue;
      if (v instanceof Date) c.numFmt = "dd/mm/yyyy";
    });
  });
  return ws;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Cinema, first feature of the director: total 3 000 000 €, public aid 1 050 000 € (35 %). */
export const LIGNES_CINEMA: Ligne[] = [
  ["LA NUIT DES ÉTOURNEAUX — Plan de financement prévisionnel"],
  ["Budget du film :", null, 3000000],
  [],
  ["Financeur", "Nature", "Montant (€)", "%", "Statut", "Date de versement"],
  ["APPORTS PRODUCTEUR"],
  ["Les Films de l'Estran", "Apport en numéraire", 150000, 0.05, "Acquis", d("2026-02-01")],
  ["Les Films de l'Estran", "Mise en participation salaire producteur", 60000, 0.02, "Acquis", null],
  ["Les Films de l'Estran", "Mise en participation frais généraux", 90000, 0.03, "Acquis", null],
  ["Sous-total apports producteur", null, { formula: "SUM(C6:C8)", result: 300000 }],
  ["CHAÎNES DE TÉLÉVISION"],
  ["Canal+", "Préachat", 700000, null, "Acquis", d("2026-06-15")],
  ["France 2 Cinéma", "Coproduction", 400000, null, "Acquis", d("2026-04-01")],
  ["Ciné+", "Préachat", 100000, null, "En négociation", d("2026-09-01")],
  ["CNC"],
  ["CNC", "Avance sur recettes avant réalisation", 500000, null, "Acquis", d("2026-03-01")],
  ["Région Île-de-France", "Fonds de soutien", 300000, null, "En cours", d("2026-05-01")],
  ["Cofimage 37", "SOFICA", 200000, null, "Envisagé", d("2026-07-01")],
  ["Pyramide Distribution", "Minimum garanti salles", 250000, null, "Signé", d("2026-10-01")],
  ["DGFiP", "Crédit d'impôt cinéma", 250000, null, "Acquis", d("2027-03-01")],
  ["TOTAL", null, { formula: "SUM(C6:C8,C11:C13,C15:C19)", result: 3000000 }],
];

/** The cinema devis, in a producer's layout, totalling 3 000 000 €. */
export const LIGNES_DEVIS_CINEMA: Ligne[] = [
  ["Code", "Désignation", "Montant"],
  ["1", "DROITS ARTISTIQUES", null],
  ["1.1", "Droits d'auteur scénario", 180000],
  ["2", "PERSONNEL", null],
  ["2.1", "Réalisateur", 120000],
  ["2.2", "Équipe technique", 900000],
  ["3", "INTERPRÉTATION", null],
  ["3.1", "Rôles principaux", 400000],
  ["4", "CHARGES SOCIALES", null],
  ["4.1", "Charges sociales", 500000],
  ["7", "MOYENS TECHNIQUES", null],
  ["7.1", "Matériel caméra", 350000],
  ["8", "POST-PRODUCTION", null],
  ["8.1", "Montage, étalonnage, mixage", 400000],
  ["9", "ASSURANCES ET DIVERS", null],
  ["9.1", "Assurances", 150000],
  ["TOTAL", null, { formula: "SUM(C3:C16)", result: 3000000 }],
];

/** TV fiction 52', total 1 000 000 €, a Belgian coproducer (foreign), payments in two tranches. */
export const LIGNES_FICTION: Ligne[] = [
  ["Source de financement", "Type", "Pays", "Statut", "Montant", "Tranche 1", "Date 1", "Tranche 2", "Date 2"],
  ["France Télévisions (France 2)", "Préachat", "France", "Acquis", 300000, 150000, "15/01/2026", 150000, "15/06/2026"],
  ["Panache Productions", "Coproduction", "Belgique", "Acquis", 100000, 100000, "01/03/2026", null, null],
  ["CNC", "FSA", "France", "Acquis", 150000, 75000, "01/02/2026", 75000, "01/09/2026"],
  ["Région Bretagne", "Fonds d'aide", "France", "Envisagé", 100000, 100000, "01/04/2026", null, null],
  ["Crédit d'impôt audiovisuel", "", "France", "En négociation", 200000, null, null, 200000, "01/12/2026"],
  ["Société de production", "Apport producteur", "France", "Acquis", 150000, 50000, "01/01/2026", 100000, "01/05/2026"],
];

/** Documentary: amounts as text, month columns, no status (taken as acquired), one line nobody can classify. */
export const LIGNES_DOCUMENTAIRE: Ligne[] = [
  ["Documentaire « Les gardiens du phare » — 52 min"],
  ["Coût de production", "180 000,00 €"],
  [],
  ["Partenaire", "Nature de l'apport", "Total", "janv. 2026", "mars 2026", "juin 2026"],
  ["Arte France", "Préachat", "45 000,00 €", "20 000,00 €", "25 000,00 €", null],
  ["CNC", "Compte automatique FSA", "30 000,00 €", null, "30 000,00 €", null],
  ["Procirep-Angoa", "Aide à la production", "15 000,00 €", null, null, "15 000,00 €"],
  ["Ulule", "Financement participatif", "12 000,00 €", "12 000,00 €", null, null],
  ["Fondation du littoral", "Mécénat", "8 000,00 €", null, null, "8 000,00 €"],
  ["M. et Mme Le Goff", "Don des familles", "5 000,00 €", null, "5 000,00 €", null],
  ["Crédit d'impôt audiovisuel", "CIA", "40 000,00 €", null, null, "40 000,00 €"],
  ["Apport producteur", "Numéraire", "25 000,00 €", "25 000,00 €", null, null],
  ["TOTAL", null, "180 000,00 €"],
];

/**
 * Animation special 26', cost 400 000 € written in the plan, 40 000 € still to find: France Télévisions brings
 * 90 000 € = 22,5 % of the cost (but 25 % of the 360 000 € financed).
 */
export const LIGNES_ANIMATION: Ligne[] = [
  ["Plan de financement — « Le Petit Phare », spécial animation 26 min"],
  ["Coût total", 400000],
  [],
  ["Financeur", "Nature", "Montant", "Statut"],
  ["France Télévisions", "Préachat", 90000, "Acquis"],
  ["CNC", "Compte automatique FSA", 80000, "Acquis"],
  ["Région Occitanie", "Fonds d'aide", 60000, "En cours"],
  ["Crédit d'impôt audiovisuel", "Crédit d'impôt", 50000, "En cours"],
  ["Studio Lumen", "Apport producteur", 80000, "Acquis"],
  ["TOTAL", null, { formula: "SUM(C5:C9)", result: 360000 }],
];

/**
 * Live-show adaptation (captation) 90', cost 100 000 €: France 3 brings 25 000 € in cash and 5 000 € in industry
 * (30 % of the cost), under the 30 000 € cash floor (20 000 € per hour) but above 12 000 € per hour.
 */
export const LIGNES_SPECTACLE: Ligne[] = [
  ["Captation « Les Fourberies », 90 min"],
  ["Coût de production", 100000],
  [],
  ["Financeur", "Nature", "Montant", "Statut"],
  ["France 3", "Préachat", 25000, "Acquis"],
  ["France 3", "Apport en industrie (moyens techniques)", 5000, "Acquis"],
  ["CNC", "Compte automatique FSA", 20000, "Acquis"],
  ["Compagnie du Lierre", "Apport producteur", 35000, "Acquis"],
  ["Crédit d'impôt audiovisuel", "Crédit d'impôt", 15000, "En cours"],
  ["TOTAL", null, { formula: "SUM(C5:C9)", result: 100000 }],
];

/** The animation and live-show plans (FSA floors per genre), in a fresh temporary folder. */
export async function ecrireClasseursGenres(): Promise<{ dossier: string; animation: string; spectacle: string }> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-financement-genres-"));
  const ecrire = async (nom: string, lignes: Ligne[]) => {
    const wb = new ExcelJS.Workbook();
    feuille(wb, "Plan de financement", lignes);
    const p = path.join(dossier, nom);
    await wb.xlsx.writeFile(p);
    return p;
  };
  return {
    dossier,
    animation: await ecrire("animation.xlsx", LIGNES_ANIMATION),
    spectacle: await ecrire("spectacle.xlsx", LIGNES_SPECTACLE),
  };
}

export interface Classeurs {
  dossier: string;
  cinema: string;
  fiction: string;
  documentaire: string;
}

/** Writes the three workbooks in a fresh temporary folder. */
export async function ecrireClasseurs(): Promise<Classeurs> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-financement-"));
  const ecrire = async (nom: string, feuilles: [string, Ligne[]][]) => {
    const wb = new ExcelJS.Workbook();
    for (const [n, l] of feuilles) feuille(wb, n, l);
    const p = path.join(dossier, nom);
    await wb.xlsx.writeFile(p);
    return p;
  };
  return {
    dossier,
    cinema: await ecrire("cinema.xlsx", [
      ["Plan de financement", LIGNES_CINEMA],
      ["Budget", LIGNES_DEVIS_CINEMA],
    ]),
    fiction: await ecrire("fiction.xlsx", [["Financement", LIGNES_FICTION]]),
    documentaire: await ecrire("documentaire.xlsx", [["Plan fin.", LIGNES_DOCUMENTAIRE]]),
  };
}
