import ExcelJS from "exceljs";
export async function ecrireDevisFiction(chemin: string, parametres?: [string, string | number][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Devis — Les Gardiens du phare (fiction 52')"]);
  ws.addRow([]);
  ws.addRow(["Code", "Désignation", "Qté", "Nb", "Tarif", "Montant", "Territoire", "Éligible CI"]);
  const L = (
    code: string,
    lib: string,
    q: number | null,
    n: number | null,
    t: number | null,
    m: number,
    terr?: string,
    el?: string,
  ) => ws.addRow([code, lib, q, n, t, m, terr ?? null, el ?? null]);
  ws.addRow(["1", "DROITS ARTISTIQUES"]);
  L("1.1", "Droits d'auteur scénario", 1, 1, 40000, 40000);
  ws.addRow(["2", "PERSONNEL"]);
  L("2.1", "Réalisateur", 20, 1, 3000, 60000);
  ws.addRow(["3", "INTERPRÉTATION"]);
  L("3.1", "Comédiens", 40, 1, 2000, 80000);
  ws.addRow(["4", "CHARGES SOCIALES"]);
  L("4.1", "Charges sociales", 1, 1, 70000, 70000);
  L("4.2", "Taxe d'apprentissage", 1, 1, 1000, 1000);
  ws.addRow(["5", "DÉCORS ET COSTUMES"]);
  L("5.1", "Décors", 1, 1, 20000, 20000, "France", "Non");
  ws.addRow(["6", "TRANSPORTS, DÉFRAIEMENTS, RÉGIE"]);
  L("6.1", "Hôtel équipe", 20, 1, 150, 3000);
  ws.addRow(["7", "MOYENS TECHNIQUES"]);
  L("7.1", "Location caméra", 1, 1, 30000, 30000, "50 %");
  ws.addRow(["8", "POST-PRODUCTION"]);
  L("8.1", "Montage", 1, 1, 50000, 50000);
  L("8.2", "Mixage à Bruxelles", 1, 1, 10000, 10000, "Étranger");
  ws.addRow(["9", "ASSURANCES ET DIVERS"]);
  L("9.1", "Assurance production", 1, 1, 5000, 5000);
  ws.addRow([null, "Frais généraux", null, null, null, 30000]);
  ws.addRow([null, "Imprévus", null, null, null, 20000]);
  ws.addRow([null, "TOTAL", null, null, null, 419000]);
  if (parametres) {
    const p = wb.addWorksheet("Paramètres");
    p.addRow(["Paramètre", "Valeur", "Commentaire"]);
    for (const [k, v] of parametres) p.addRow([k, v, null]);
  }
  await wb.xlsx.writeFile(chemin);
}
