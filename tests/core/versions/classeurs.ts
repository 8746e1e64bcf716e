/**
 * A producer's devis and a modified copy, as real .xlsx files (written with ExcelJS):
 * - « Archives INA » (1.2) removed;
 * - 2.2 « Directrice de production »: quantity 12 → 15 days at 412,37 € (Δ 1 237,11 €, all quantity effect);
 * - 2.3 « Chef opérateur » renamed « Directeur de la photographie », rate 350 → 380 € (Δ 540,00 €);
 * - 7.3 « Drone et télépilote » added (1 800,00 €);
 * - the uncoded « Consommables » renamed « Consommables (cartes, disques) », same amount (a rename, Δ 0).
 * Total Δ: −6 000 + 1 237,11 + 540 + 1 800 = −2 422,89 €.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../src/cli/main";

type Ligne = [string | null, string, number, number, string, number];

const INITIAL: [string, Ligne[]][] = [
  [
    "1 - DROITS ARTISTIQUES",
    [
      ["1.1", "Auteur-réalisateur — droits d'auteur", 1, 1, "forfait", 12000],
      ["1.2", "Archives INA", 4, 1, "minute", 1500],
    ],
  ],
  [
    "2 - PERSONNEL",
    [
      ["2.1", "Réalisateur", 6, 1, "semaine", 1850],
      ["2.2", "Directrice de production", 12, 1, "jour", 412.37],
      ["2.3", "Chef opérateur", 18, 1, "jour", 350],
    ],
  ],
  [
    "7 - MOYENS TECHNIQUES",
    [
      ["7.1", "Location caméra et optiques", 4, 1, "semaine", 1212.345],
      ["7.2", "Kit son HF", 4, 1, "semaine", 350],
      [null, "Consommables", 1, 1, "forfait", 600],
    ],
  ],
];

function modifier(): [string, Ligne[]][] {
  const m: [string, Ligne[]][] = INITIAL.map(([t, ls]) => [t, ls.map((l) => l.slice() as Ligne)]);
  m[0][1].splice(1, 1);
  m[1][1][1][2] = 15;
  m[1][1][2][1] = "Directeur de la photographie";
  m[1][1][2][5] = 380;
  m[2][1].splice(2, 0, ["7.3", "Drone et télépilote", 2, 1, "jour", 900]);
  m[2][1][3][1] = "Consommables (cartes, disques)";
  return m;
}

export const DELTA_TOTAL_CENTIMES = -242289;

function remplir(ws: ExcelJS.Worksheet, chapitres: [string, Ligne[]][]): void {
  ws.addRow(["DEVIS — « Les Gardiens du littoral »"]);
  ws.addRow(["Code", "Désignation", "Qté", "Nb", "Unité", "Tarif", "Montant"]);
  const sousTotaux: number[] = [];
  for (const [titre, lignes] of chapitres) {
    ws.addRow([titre]);
    const debut = ws.rowCount + 1;
    for (const [code, lib, q, nb, u, t] of lignes) {
      const r = ws.rowCount + 1;
      const res = Math.round(q * nb * t * 100 + 1e-9) / 100;
      ws.addRow([code, lib, q, nb, u, t, { formula: `ROUND(C${r}*D${r}*F${r},2)`, result: res }]);
    }
    const fin = ws.rowCount;
    let st = 0;
    for (let r = debut; r <= fin; r++) st += ((ws.getCell(r, 7).value as { result: number }).result ?? 0) * 100;
    ws.addRow([
      null,
      `Sous-total ${titre}`,
      null,
      null,
      null,
      null,
      { formula: `SUM(G${debut}:G${fin})`, result: Math.round(st) / 100 },
    ]);
    sousTotaux.push(ws.rowCount);
  }
  const total = sousTotaux.reduce((s, r) => s + (ws.getCell(r, 7).value as { result: number }).result * 100, 0);
  ws.addRow([
    null,
    "TOTAL HT",
    null,
    null,
    null,
    null,
    { formula: sousTotaux.map((r) => `G${r}`).join("+"), result: Math.round(total) / 100 },
  ]);
}

export async function ecrireDevis(fichier: string, modifie = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  remplir(wb.addWorksheet("Budget"), modifie ? modifier() : INITIAL);
  await wb.xlsx.writeFile(fichier);
}

/** Replaces the « Budget » sheet of `fichier` (a workbook Prodbook already wrote into) by the modified devis. */
export async function modifierDevis(fichier: string, sortie: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  wb.removeWorksheet((wb.getWorksheet("Budget") as ExcelJS.Worksheet).id);
  remplir(wb.addWorksheet("Budget"), modifier());
  await wb.xlsx.writeFile(sortie);
}

export async function dossierTemp(prefixe: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefixe));
}

/** Devis initial saved, the devis modified, Dépôt agrément saved (through the CLI): the comparison tests' files. */
export async function deuxVersions(d: string): Promise<{ v1m: string; v2: string }> {
  const io = { out: () => undefined, err: (t: string) => void process.stderr.write(t) };
  const init = path.join(d, "devis.xlsx");
  await ecrireDevis(init);
  const v1 = path.join(d, "v1.xlsx");
  if (
    (await main(["versions", "enregistrer", init, "--nom", "Devis initial", "--date", "2026-11-02", "-o", v1], io)) !==
    0
  )
    throw new Error("enregistrer Devis initial");
  const v1m = path.join(d, "v1-modifie.xlsx");
  await modifierDevis(v1, v1m);
  const v2 = path.join(d, "v2.xlsx");
  if (
    (await main(["versions", "enregistrer", v1m, "--nom", "Dépôt agrément", "--date", "2026-11-20", "-o", v2], io)) !==
    0
  )
    throw new Error("enregistrer Dépôt agrément");
  return { v1m, v2 };
}
