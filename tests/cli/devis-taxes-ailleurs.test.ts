import ExcelJS from "exceljs";
import * as path from "path";
import { devisBinaire, dossierTemporaire, devisJsonBinaire, espacesSimples } from "../helpers/cli";

/**
 * Issue 10 through the built binary (npm run build:cli) on committed workbooks (tests/fixtures/devis-reels/generer.js,
 * taxesAilleurs): a « TTC » mention typed elsewhere than a line's amount read — in the TVA column beside the HT read, on
 * a subtotal or the total — is named with its cell, never added nor compared unsaid; a line out of every chapter is
 * never said « compté » by one finding and « pas compté » by another. The conservation stays at 0,00 €.
 */
const DIR = path.join(__dirname, "../fixtures/devis-reels");
const sp = espacesSimples;
const dossier = dossierTemporaire("prodbook-taxes-ailleurs-");

const lire = (fichier: string) => devisJsonBinaire(path.join(DIR, fichier));

describe("prodbook devis : une mention TTC ailleurs que dans le montant lu d'une ligne", () => {
  it("« 1 200 TTC » dans la colonne TVA, le HT rempli : la ligne compte son HT, la cellule TVA est nommée", () => {
    const { devis, controles } = lire("ttc-dans-tva-ht.xlsx");
    // Son 2 000 + Catering 1 000 (its HT) + Lumière 1 500.
    expect(devis.total).toBe("4500.00");
    expect(devis.chapitres).toEqual([{ code: "7", libelle: "Moyens techniques", total: "4500.00" }]);
    expect(devis.conservation).toMatchObject({
      lu: "9000.00",
      lignes: "4500.00",
      totauxProuves: "4500.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
      nonComptees: [],
    });
    expect(controles.filter((c) => c.regle === "montant-taxe-ecrite")).toEqual([
      {
        regle: "montant-taxe-ecrite",
        gravite: "alerte",
        cellule: "Budget!C6",
        message:
          "Budget!C6 « Catering » : la colonne « TVA » tient « 1 200 TTC », un montant TTC et non une TVA ; il n'est ni " +
          "ajouté au devis ni lu comme TVA. La ligne est comptée pour son montant HT 1 000,00 € (B6). Écrivez la TVA de " +
          "cette ligne dans la colonne « TVA » (200,00 € si ce TTC est juste), puis relancez.",
      },
    ]);
  });

  it("« 12 000 TTC » sur un sous-total ou le total : chaque cellule nommée, aucune comparaison TTC/HT tue", () => {
    const { devis, controles } = lire("ttc-sur-total.xlsx");
    expect(devis.total).toBe("12000.00");
    expect(devis.chapitres).toEqual([
      { code: "7", libelle: "Moyens techniques", total: "10000.00" },
      { code: "8", libelle: "Post-production", total: "2000.00" },
    ]);
    // The two TTC subtotals listed (12 000 + 2 500), the TOTAL proven by the 12 000 € of lines, never a line.
    expect(devis.conservation).toMatchObject({
      lu: "38500.00",
      lignes: "12000.00",
      totauxProuves: "12000.00",
      listes: "14500.00",
      ecart: "0.00",
      cellules: { lues: 6, lignes: 3, totauxProuves: 1, nonPlaces: 0, listees: 2 },
      nonComptees: [],
    });
    const taxes = controles.filter((c) => c.regle === "montant-taxe-ecrite");
    expect(taxes.map((c) => [c.cellule, c.gravite, c.message])).toEqual([
      [
        "Budget!B10",
        "alerte",
        "Budget!B10 « Total chapitre 08 » : « 2 500 TTC » : sous-total écrit TTC dans la colonne des montants HT : " +
          "2 500,00 € ne se compare pas aux lignes HT qu'il couvre (2 000,00 €) ; il n'est pas compté, le devis compte " +
          "ses lignes HT. Vérifiez ce sous-total et sa mention « TTC ».",
      ],
      [
        "Budget!B11",
        "alerte",
        "Budget!B11 « TOTAL » : « 12 000 TTC » : total écrit TTC dans la colonne des montants HT ; il est pourtant la " +
          "somme, au centime, des lignes qu'il couvre (12 000,00 €), lues comme HT. Le devis compte ces lignes telles " +
          "qu'écrites : vérifiez si elles sont TTC ou si la mention « TTC » du total est fausse.",
      ],
      [
        "Budget!B7",
        "info",
        "Budget!B7 « Total chapitre 07 » : « 12 000 TTC » : sous-total écrit TTC dans la colonne des montants HT : " +
          "12 000,00 € TTC correspond aux lignes qu'il couvre (10 000,00 € HT) avec une TVA à 20 % ; il n'est pas " +
          "compté, le devis compte ses lignes HT.",
      ],
    ]);
    // Its lines taxed at 20 %: no écart said for B7; B10 (2 500 over 2 000, no TVA rate) keeps its écart.
    expect(controles.filter((c) => c.regle === "sous-total-producteur").map((c) => c.cellule)).toEqual(["Budget!B10"]);
  });
});

describe("prodbook devis : une ligne hors de tout chapitre n'est jamais dite comptée", () => {
  const PARTICIPATION =
    "Budget!B4 « Participation » : « 1 200 TTC » : montant écrit TTC dans la colonne des montants HT, lu tel quel " +
    "(1 200,00 €) ; la ligne n'est rattachée à aucun chapitre : ce montant n'est pas compté dans le total du devis (il " +
    "figure parmi les montants non placés, voir le contrôle « Montant hors chapitre »).";
  const HORS =
    "Budget!B4 « Participation » : le montant 1 200,00 € n'est rattaché à aucun chapitre (ni code, ni titre de chapitre " +
    "au-dessus, ni mot-clé reconnu) ; il n'est pas compté dans le total. Il est listé parmi les montants non placés " +
    "(hors total). Indiquez le chapitre de la ligne dans une colonne « Chapitre » ou par un titre de chapitre au-dessus " +
    "d'elle (« 07 MOYENS TECHNIQUES »), puis relancez.";

  it("--json : montant-taxe-ecrite et montant-sous-centime disent « non compté », comme ligne-hors-chapitre", () => {
    const { devis, controles } = lire("hors-chapitre-tel-quel.xlsx");
    expect(devis.total).toBe("3500.00");
    expect(devis.conservation).toMatchObject({
      lignes: "3500.00",
      nonPlaces: "1212.35",
      ecart: "0.00",
      cellules: { nonPlaces: 2 },
      nonComptees: [],
    });
    const de = (cellule: string) => controles.filter((c) => c.cellule === cellule).map((c) => [c.regle, c.message]);
    expect(de("Budget!B4")).toEqual([
      ["montant-taxe-ecrite", PARTICIPATION],
      ["ligne-hors-chapitre", HORS],
    ]);
    expect(de("Budget!B5")).toEqual([
      [
        "montant-sous-centime",
        "Budget!B5 « Frais de dossier » : « 12,3456 » a plus de deux décimales ; lu 12,35 € (arrondi au centime), mais " +
          "la ligne n'est rattachée à aucun chapitre : ce montant n'est pas compté dans le total du devis (il figure " +
          "parmi les montants non placés, voir le contrôle « Montant hors chapitre »).",
      ],
      [
        "ligne-hors-chapitre",
        HORS.replace(/B4 « Participation » : le montant 1 200,00 €/, "B5 « Frais de dossier » : le montant 12,35 €"),
      ],
    ]);
    for (const [, m] of [...de("Budget!B4"), ...de("Budget!B5")]) expect(m).not.toMatch(/compté(e)? (tel quel|pour)/);
  });

  it("texte et feuille Contrôles : les mêmes phrases, sous « Montants non placés (hors total) »", async () => {
    const sortie = path.join(dossier(), "hors-chapitre.xlsx");
    const r = devisBinaire(path.join(DIR, "hors-chapitre-tel-quel.xlsx"), "-o", sortie);
    expect(r.code).toBe(0);
    const out = sp(r.out);
    expect(out).toContain("Montants non placés (hors total) :\n  Budget!B4 « Participation » 1 200,00 €\n");
    expect(out).toContain(`[alerte] Montant hors chapitre — ${HORS}`);
    expect(out).toContain(`[alerte] Mention HT ou TTC contraire à la colonne — ${PARTICIPATION}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Contrôles") as ExcelJS.Worksheet;
    const messages: string[] = [];
    ws.eachRow((row) => messages.push(sp(String(row.getCell(3).value ?? ""))));
    expect(messages).toEqual(expect.arrayContaining([HORS, PARTICIPATION]));
    expect(sp(String(ws.getCell("A3").value))).toContain("non placés 1 212,35 €");
  });
});
