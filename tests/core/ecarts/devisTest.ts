import ExcelJS from "exceljs";

/** A producer's devis in its own layout (title row, chapter rows, qty × rate formulas, a territory column). */
export async function ecrireDevisTest(chemin: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget doc");
  ws.addRow(["Mon documentaire — devis"]);
  ws.addRow([]);
  ws.addRow(["Code", "Libellé", "Quantité", "Tarif", "Montant", "Territoire"]);
  const lignes: (string | number)[][] = [
    ["1", "DROITS ARTISTIQUES"],
    ["1.1", "Droits d'auteur", 1, 12000],
    ["2", "PERSONNEL"],
    ["2.1", "Réalisateur", 15, 500],
    ["2.2", "Monteur", 10, 200],
    ["3", "INTERPRÉTATION"],
    ["3.1", "Comédiens", 3, 500],
    ["4", "CHARGES SOCIALES"],
    ["4.1", "Charges sociales", 1, 4000],
    ["6", "TRANSPORTS"],
    ["6.1", "Train et défraiements", 1, 800, "Étranger"],
    ["7", "MOYENS TECHNIQUES"],
    ["7.1", "Caméra", 10, 300],
    ["8", "POST-PRODUCTION"],
    ["8.1", "Montage et étalonnage", 1, 9000],
    ["9", "ASSURANCES ET DIVERS"],
    ["9.1", "Assurance production", 1, 1200],
  ];
  for (const l of lignes) {
    if (l.length === 2) ws.addRow(l);
    else {
      const r = ws.addRow([l[0], l[1], l[2], l[3], null, l[4] ?? "France"]);
      r.getCell(5).value = {
        formula: `C${r.number}*D${r.number}`,
        result: (l[2] as number) * (l[3] as number),
      } as ExcelJS.CellFormulaValue;
    }
  }
  await wb.xlsx.writeFile(chemin);
}
