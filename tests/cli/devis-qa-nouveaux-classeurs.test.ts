import ExcelJS from "exceljs";
import * as path from "path";
import { devisJsonBinaire, dossierTemporaire } from "../helpers/cli";

/**
 * Devis a new user tried (exploratory QA, December 2026), each a real .xlsx through the built binary: every euro read
 * is a placed line, a proven total or listed with its cell.
 */
const dossier = dossierTemporaire("prodbook-qa-classeurs-");

type Valeur = string | number | null | { formula: string; result: number };

async function classeur(
  nom: string,
  feuille: string,
  rangees: Valeur[][],
  format?: { colonne: string; numFmt: string },
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(feuille);
  for (const r of rangees) ws.addRow(r);
  if (format) ws.getColumn(format.colonne).numFmt = format.numFmt;
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("prodbook devis : un devis à deux colonnes dont les montants sont écrits en texte", () => {
  it("est lu (avant : refusé, code 2, « c'est un plan de financement »), chaque montant compté", async () => {
    // « Poste | Montant » and every amount typed as text, as pasted from a PDF or a mail: « € 1 234,56 » (no-break and
    // narrow no-break spaces), « €1 200 », « 500 EUR », « 1 200 € HT », « +300,00 », « 250 euros ».
    const f = await classeur("deux-colonnes-textes.xlsx", "Budget", [
      ["Poste", "Montant"],
      ["07 MOYENS TECHNIQUES"],
      ["Caméra", "€\u00a01\u202f234,56"],
      ["Son", "€1\u00a0200"],
      ["Lumière", "500 EUR"],
      ["Groupe", "1 200 € HT"],
      ["Machinerie", "+300,00"],
      ["Câbles", "250 euros"],
      ["TOTAL", "4 684,56 €"],
    ]);
    const { devis } = devisJsonBinaire(f);
    expect(devis.feuille).toBe("Budget");
    expect(devis.total).toBe("4684.56");
    expect(devis.lignes).toBe(6);
    expect(devis.conservation).toMatchObject({
      lu: "9369.12",
      lignes: "4684.56",
      totauxProuves: "4684.56",
      nonPlaces: "0.00",
      ecart: "0.00",
      cellules: { lues: 7, lignes: 6, totauxProuves: 1 },
    });
  });
});

describe("prodbook devis : un nombre saisi au-delà du centime, au-dessus de quelques milliers d'euros", () => {
  it("est dit arrondi (avant : 4 123,456 et 12 345,678 comptés arrondis sans un mot), en euros comme en k€", async () => {
    const f = await classeur("sous-centime-grands.xlsx", "Devis", [
      ["Poste", "Qté", "Montant"],
      ["07 MOYENS TECHNIQUES"],
      ["Caméra", null, 4123.456],
      ["Son", null, 12345.678],
      // A float's noise on a large amount stays silent.
      ["Lumière", null, 1000000.1 + 0.2],
    ]);
    const { devis, controles } = devisJsonBinaire(f);
    expect(devis.total).toBe("1016469.44");
    expect(controles.filter((c) => c.regle === "montant-sous-centime").map((c) => c.message)).toEqual([
      "Devis!C3 « Caméra » : « 4123,456 » a plus de deux décimales ; la ligne est comptée pour 4 123,46 € (arrondi au centime).",
      "Devis!C4 « Son » : « 12345,678 » a plus de deux décimales ; la ligne est comptée pour 12 345,68 € (arrondi au centime).",
    ]);
    // « Montant (k€) »: 4,123456 k€ is 4 123,456 €, beyond the cent once read in euros.
    const k = await classeur("sous-centime-keuros.xlsx", "Budget", [
      ["Poste", "Qté", "Montant (k€)"],
      ["07 MOYENS TECHNIQUES"],
      ["Caméra", null, 4.123456],
      ["Son", null, 1.5],
    ]);
    const lu = devisJsonBinaire(k);
    expect(lu.devis.total).toBe("5623.46");
    expect(lu.controles.filter((c) => c.regle === "montant-sous-centime").map((c) => c.cellule)).toEqual(["Budget!C3"]);
  });
});

describe("prodbook devis : « Prévu » et « Réel » fusionnés au-dessus de deux « Qté | Montant »", () => {
  it("le prévu est lu, le réalisé nommé et jamais compté (avant : le réalisé lu, le plus à droite, 4 600 € pour 4 000 €)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    for (const r of [
      [null, null, "Prévu", null, "Réel", null],
      ["Code", "Désignation", "Qté", "Montant", "Qté", "Montant"],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra", 5, 3000, 6, 3600],
      ["7.2", "Son", 5, 1000, 5, 1000],
      [null, "TOTAL", null, 4000, null, 4600],
    ])
      ws.addRow(r);
    ws.mergeCells("C1:D1");
    ws.mergeCells("E1:F1");
    const f = path.join(dossier(), "prevu-reel-fusionnes.xlsx");
    await wb.xlsx.writeFile(f);
    const { devis, controles } = devisJsonBinaire(f);
    expect(devis.total).toBe("4000.00");
    expect(devis.colonneMontant.retenue).toMatchObject({ colonne: "D", entete: "Montant" });
    expect(devis.colonnesNonLues).toEqual([
      { colonne: "F", cellule: "Budget!F2", entete: "Réel / Montant", nature: "realise", somme: "9200.00" },
    ]);
    expect(devis.conservation).toMatchObject({
      lu: "8000.00",
      lignes: "4000.00",
      totauxProuves: "4000.00",
      ecart: "0.00",
    });
    expect(devis.conservation.horsColonnes ?? []).toEqual([]);
    expect(controles.filter((c) => c.regle === "colonnes-lues").map((c) => c.message)).toEqual([
      "Budget!D2 : la colonne D « Montant » est lue comme le montant du devis. N'est pas comptée : F « Réel / Montant » " +
        "(Budget!F2, somme 9 200,00 €) : le réalisé se compare au devis (écarts avec le Grand livre), il n'en fait pas partie.",
    ]);
  });

  it("de même quand « Prévu » et « Réel » sont écrits sans fusion au-dessus de la première colonne de chaque paire", async () => {
    const f = await classeur("prevu-reel-sans-fusion.xlsx", "Budget", [
      [null, null, "Prévu", null, "Réel", null, null],
      ["Code", "Désignation", "Qté", "Montant", "Qté", "Montant", "Notes"],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra", 5, 3000, 6, 3600, 12],
      ["7.2", "Son", 5, 1000, 5, 1000],
      [null, "TOTAL", null, 4000, null, 4600],
    ]);
    const { devis } = devisJsonBinaire(f);
    expect(devis.total).toBe("4000.00");
    expect(devis.colonnesNonLues).toEqual([
      { colonne: "F", cellule: "Budget!F2", entete: "Réel / Montant", nature: "realise", somme: "9200.00" },
    ]);
    // « Notes » right of the réalisé is no « Montant » under « Réel »: its number is still listed, never dropped.
    expect(devis.conservation.horsColonnes).toEqual([
      expect.objectContaining({ colonne: "G", entete: "Notes", nombres: 1, total: "12.00" }),
    ]);
  });
});

describe("prodbook devis : une ligne dont la formule fait la somme d'autres lignes", () => {
  it("est nommée avec les lignes qu'elle reprend (avant : 7 500 € comptés deux fois sans un mot)", async () => {
    const f = await classeur("forfait-somme.xlsx", "Devis", [
      ["Code", "Poste", "Montant"],
      ["2", "PERSONNEL"],
      ["2.1", "Chef op", 4500],
      ["2.2", "Ingé son", 3000],
      ["2.3", "Équipe image et son (forfait)", { formula: "C3+C4", result: 7500 }],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Caméra A", 2000],
      // The same rate taken again (=C7): one line repeated, no sum of lines.
      ["7.2", "Caméra B", { formula: "C7", result: 2000 }],
      ["7.3", "Charges caméra", { formula: "(C7+C8)*0.1", result: 400 }],
      [null, "TOTAL", { formula: "SUM(C3:C9)", result: 19400 }],
    ]);
    const { devis, controles } = devisJsonBinaire(f);
    expect(devis.total).toBe("19400.00");
    expect(devis.conservation).toMatchObject({ lignes: "19400.00", totauxProuves: "19400.00", ecart: "0.00" });
    expect(controles.filter((c) => c.regle === "ligne-somme-lignes")).toEqual([
      {
        regle: "ligne-somme-lignes",
        gravite: "alerte",
        cellule: "Devis!C5",
        message:
          "Devis!C5 « Équipe image et son (forfait) » : sa formule =C3+C4 fait la somme de 2 lignes du devis, comptées " +
          "elles aussi (Devis!C3 « Chef op » (4 500,00 €), Devis!C4 « Ingé son » (3 000,00 €)) : ces 7 500,00 € sont " +
          "comptés deux fois dans le total du devis, 19 400,00 € (11 900,00 € sans cette ligne). Si c'est un " +
          "sous-total, écrivez « Sous-total » dans son libellé ; si c'est une ligne, saisissez son propre montant. " +
          "Puis relancez.",
      },
    ]);
  });
});

describe("prodbook devis : des mots qui ne disent pas que le réalisé ne l'écartent pas", () => {
  it("« DÉPENSES » au-dessus des coûts, « RECETTES » à côté : aucune colonne n'est prise pour le réalisé, le choix reste une alerte", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    for (const r of [
      ["DÉPENSES", null, null, "RECETTES", null],
      ["Poste", "Montant", null, "Financeur", "Montant"],
      ["Réalisateur", 10000, null, "CNC", 30000],
      ["Caméra", 25000, null, "Région", 15000],
      ["Montage", 8000, null, "Apport", 2000],
      ["TOTAL", 43000, null, "TOTAL", 47000],
    ])
      ws.addRow(r);
    ws.mergeCells("A1:B1");
    ws.mergeCells("D1:E1");
    const f = path.join(dossier(), "depenses-recettes.xlsx");
    await wb.xlsx.writeFile(f);
    const { devis, controles } = devisJsonBinaire(f);
    // Before this fix: the « DÉPENSES » column called the réalisé, the recettes read with an info only.
    expect((devis.colonnesNonLues ?? []).filter((c: { nature: string }) => c.nature === "realise")).toEqual([]);
    expect(controles.filter((c) => c.regle === "colonnes-lues").map((c) => c.gravite)).toEqual(["alerte"]);
  });
});

describe("prodbook devis : une ligne qui fait la somme de lignes non placées", () => {
  it("n'est pas nommée : ces lignes ne sont pas comptées, rien n'est compté deux fois", async () => {
    const f = await classeur("somme-non-places.xlsx", "Devis", [
      ["Poste", "Montant", "Qté"],
      ["Blabla", 4500],
      ["Truc machin", 3000],
      ["07 MOYENS TECHNIQUES"],
      ["Caméra", { formula: "B2+B3", result: 7500 }, 1],
    ]);
    const { devis, controles } = devisJsonBinaire(f);
    expect(devis.total).toBe("7500.00");
    expect(controles.filter((c) => c.regle === "ligne-somme-lignes")).toEqual([]);
  });
});
