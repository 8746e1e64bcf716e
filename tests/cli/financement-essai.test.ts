/**
 * Plans de financement laid out as producers lay them out, tried as a new user would: a second table below the plan's
 * total (a recap by status), the cost written in one cell (« Coût total : 2 000 000 € ») or as text, and the refusal of
 * a missing --feuille on a workbook whose devis header also reads as a financing plan.
 */
import path from "node:path";
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { dossierTemporaire, espacesSimples, lancerCli } from "../helpers/cli";
import { lireRecalcule, nombre, recalculerSansCache } from "../helpers/libreoffice";

type Valeur = string | number | null | { formula: string; result: number };

const dossier = dossierTemporaire("prodbook-financement-essai-");

async function classeur(nom: string, feuille: string, lignes: Valeur[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(feuille);
  lignes.forEach((l, i) => {
    ws.getRow(i + 1).values = l as ExcelJS.CellValue[];
  });
  const fichier = path.join(dossier(), nom);
  await wb.xlsx.writeFile(fichier);
  return fichier;
}

const lancer = (args: string[]) => lancerCli(main, args);

interface PlanJson {
  total: string;
  cout: string;
  resteAFinancer: string;
  parCategorie: { categorie: string; montant: string }[];
  controles: { regle: string; gravite: string; message: string; cellule?: string }[];
}

describe("prodbook financement : un second tableau sous le total du plan", () => {
  const lignes: Valeur[][] = [
    ["Coût", null, 1000000],
    [],
    ["Nature", "Financeur", "Montant", "%", "Statut"],
    ["Apport producteur", "Prod SARL", 200000, null, "acquis"],
    ["Préachat", "France 3", 500000, null, "acquis"],
    ["SOFICA", "Cinémage", 300000, null, "en cours"],
    ["TOTAL", null, { formula: "SUM(C4:C6)", result: 1000000 }],
    [],
    ["RÉPARTITION PAR STATUT"],
    ["Acquis", null, 700000],
    ["En cours", null, 300000],
    ["Reste à financer", null, 0],
  ];

  test("le récapitulatif par statut n'est pas compté une seconde fois : nommé cellule par cellule", async () => {
    const fichier = await classeur("recap-statut.xlsx", "Plan", lignes);
    const r = await lancer(["financement", fichier, "--json", "--date", "2026-01-15"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    // 200 000 + 500 000 + 300 000: the plan, not 2 000 000 (the recap's 700 000 + 300 000 read as two more sources).
    expect(j).toMatchObject({ total: "1000000.00", cout: "1000000.00", resteAFinancer: "0.00" });
    expect(j.parCategorie.map((c) => [c.categorie, c.montant])).toEqual([
      ["apport-numeraire", "200000.00"],
      ["diffuseur-preachat", "500000.00"],
      ["sofica", "300000.00"],
    ]);
    const sous = j.controles.filter((c) => /sous le total du plan/.test(c.message));
    expect(sous.map((c) => [c.regle, c.gravite, c.cellule])).toEqual([
      ["lecture-plan", "alerte", "Plan!C10"],
      ["lecture-plan", "alerte", "Plan!C11"],
    ]);
    expect(espacesSimples(sous[0].message)).toBe(
      "Plan!C10 : 700 000,00 € (« Acquis ») sous le total du plan (Plan!C7, égal à la somme des sources " +
        "au-dessus) : lu comme un autre tableau, non compté. Si c'est un financement, placez sa ligne au-dessus du " +
        "total et corrigez le total.",
    );
    // The producer's total is the plan's (C7), checked equal: no « total ≠ somme » alert from the recap's own total.
    expect(j.controles.filter((c) => c.regle === "total-plan")).toEqual([]);
  });

  test("des totaux de section (« Total » sous chaque bloc) ne ferment pas le plan : tout est compté", async () => {
    const fichier = await classeur("totaux-sections.xlsx", "Plan", [
      ["Coût", null, 900000],
      ["Nature", "Financeur", "Montant", "%", "Statut"],
      ["APPORTS"],
      ["Apport producteur", "Prod SARL", 200000, null, "acquis"],
      ["Total", null, 200000],
      ["DIFFUSEURS"],
      ["Préachat", "France 3", 700000, null, "acquis"],
      ["Total", null, 700000],
      ["TOTAL GÉNÉRAL", null, 900000],
    ]);
    const r = await lancer(["financement", fichier, "--json", "--date", "2026-01-15"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    expect(j).toMatchObject({ total: "900000.00", resteAFinancer: "0.00" });
    expect(j.controles.filter((c) => /sous le total du plan/.test(c.message))).toEqual([]);
  });
});

describe("prodbook financement : un montant hors de sa colonne, une date à la place d'un montant", () => {
  test("chaque euro du classeur est compté ou nommé avec sa cellule", async () => {
    const fichier = await classeur("hors-colonne.xlsx", "Plan", [
      ["Coût", null, 1000000],
      ["N°", "Nature", "Financeur", "Montant", "%", null],
      [1, "APPORTS"],
      [null, "Apport producteur", "Prod SARL", 200000],
      [null, "Aide régionale", "Région Bretagne", null, null, 150000],
      [null, "Aide départementale", "Département du Finistère", "2026-03-15"],
      [2, "DIFFUSEURS"],
      [null, "Préachat", "France 3", 500000],
      [null, "Récapitulatif public", 150000],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fichier);
    // A date typed in the amount cell, as Excel stores it.
    wb.getWorksheet("Plan")!.getCell("D6").value = new Date(Date.UTC(2026, 2, 15));
    await wb.xlsx.writeFile(fichier);
    const r = await lancer(["financement", fichier, "--json", "--date", "2026-01-15"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    expect(j).toMatchObject({ total: "700000.00", resteAFinancer: "300000.00" });
    // Errors first, then alerts (the order of every finding list).
    const lus = j.controles.filter((c) => c.regle === "lecture-plan");
    expect(lus.map((c) => [c.gravite, c.cellule, espacesSimples(c.message)])).toEqual([
      [
        "erreur",
        "Plan!D6",
        "Plan!D6 : une date (15/03/2026) à la place d'un montant pour « Département du Finistère » ; ligne non comptée.",
      ],
      [
        "alerte",
        "Plan!F5",
        "Plan!F5 : 150 000,00 € sur la ligne « Aide régionale », hors de la colonne des montants (Plan!D5, vide) : " +
          "non compté. Si c'est un financement, écrivez-le dans la colonne des montants.",
      ],
      [
        "alerte",
        "Plan!C9",
        "Plan!C9 : 150 000,00 € sur la ligne « Récapitulatif public », hors de la colonne des montants (Plan!D9, " +
          "vide) : non compté. Si c'est un financement, écrivez-le dans la colonne des montants.",
      ],
    ]);
    // The text output titles every one of them « Lecture du plan de financement » (a date, an amount outside its
    // column: not « Cellule du plan illisible », which fit only the first).
    const texte = espacesSimples((await lancer(["financement", fichier, "--date", "2026-01-15"])).out);
    expect(texte).toContain("[erreur] Lecture du plan de financement — Plan!D6 : une date (15/03/2026)");
    expect(texte).toContain("[alerte] Lecture du plan de financement — Plan!F5 : 150 000,00 € sur la ligne");
    expect(texte).not.toContain("illisible");
    // The numbering « 1 », « 2 » left of the labels is no amount; « Préachat » stays classed under DIFFUSEURS.
    expect(j.parCategorie.map((c) => [c.categorie, c.montant])).toEqual([
      ["apport-numeraire", "200000.00"],
      ["diffuseur-preachat", "500000.00"],
    ]);
  });
});

describe("prodbook financement : colonnes « Acquis | En cours | À trouver »", () => {
  test("un montant lu seulement dans la colonne Total n'est jamais pris pour acquis", async () => {
    const fichier = await classeur("statuts-total.xlsx", "PF", [
      ["Budget", "1 000 000,00 €"],
      ["Financeur", "Acquis", "En cours", "À trouver", "Total"],
      ["Apport producteur numéraire", 100000, null, null, 100000],
      ["France Télévisions préachat", 300000, 100000, null, 400000],
      ["Région Occitanie", null, null, null, 200000],
      ["CNC avance sur recettes", null, 300000, null, 300000],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fichier);
    // The status cell of a row shows an Excel error; its « Total » still says 200 000.
    wb.getWorksheet("PF")!.getCell("D5").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    await wb.xlsx.writeFile(fichier);
    const r = await lancer(["financement", fichier, "--json", "--date", "2026-01-15"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    expect(j).toMatchObject({ total: "1000000.00", resteAFinancer: "0.00" });
    const messages = j.controles.map((c) => [c.regle, c.cellule, espacesSimples(c.message)]);
    expect(messages).toContainEqual([
      "lecture-plan",
      "PF!E5",
      "PF!E5 : 200 000,00 € pour « Région Occitanie » sans montant lisible dans les colonnes de statut (Acquis, " +
        "En cours, À trouver) : statut inconnu, compté comme « envisagé ».",
    ]);
    expect(messages).toContainEqual(["lecture-plan", "PF!D5", "PF!D5 : montant « #DIV/0! » illisible ; non compté."]);
    // 200 000 envisaged (20 % of the plan), not acquired.
    const envisage = j.controles.find((c) => c.regle === "statut-envisage" && c.gravite === "alerte");
    expect(espacesSimples(envisage?.message ?? "")).toMatch(
      /^200 000,00 € \(20,00 % du plan\) seulement envisagés : Région Occitanie/,
    );
  });
});

describe("prodbook financement : le coût écrit par le producteur", () => {
  const sources: Valeur[][] = [
    ["Nature", "Financeur", "Montant", "%", "Statut"],
    ["Apport producteur", "Prod SARL", 200000, null, "acquis"],
    ["Préachat", "France 3", 800000, null, "acquis"],
  ];

  test("« Coût total : 2 000 000 € » dans une seule cellule donne le coût, avec sa cellule", async () => {
    const fichier = await classeur("cout-une-cellule.xlsx", "Plan", [["Coût total : 2 000 000 €"], [], ...sources]);
    const r = await lancer(["financement", fichier, "--date", "2026-01-15", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    expect(j).toMatchObject({ total: "1000000.00", cout: "2000000.00", resteAFinancer: "1000000.00" });
    const texte = await lancer(["financement", fichier, "--date", "2026-01-15"]);
    expect(espacesSimples(texte.out)).toMatch(
      /Coût de production — coût indiqué dans le plan, Plan!A1 +2 000 000,00 €/,
    );
  });

  test.each([
    ["en texte dans sa cellule", [["Coût", null, "1 000 000 €"]]],
    ["dans le libellé", [["Coût : 1 000 000 €"]]],
  ])(
    "coût %s : la feuille écrite garde un coût nombre, ses formules recalculées par LibreOffice",
    async (_, haut) => {
      const fichier = await classeur(`cout-texte-${haut[0].length}.xlsx`, "Plan", [
        ...(haut as Valeur[][]),
        [],
        ...sources,
      ]);
      const sortie = path.join(dossier(), `sortie-${haut[0].length}.xlsx`);
      const r = await lancer(["financement", fichier, "--date", "2026-01-15", "-o", sortie]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const wb = await lireRecalcule(await recalculerSansCache(sortie));
      const ws = wb.getWorksheet("Plan de financement")!;
      // A link to a text cell (« =Plan!C1 ») would give text, and the reste à financer #VALUE!.
      expect(ws.getCell("B2").value).toBe(1000000);
      const reste = ws.getColumn(1).values.findIndex((v) => v === "Reste à financer (négatif : excédent)");
      expect(nombre(ws.getCell(`B${reste}`))).toBe(0);
      await fs.rm(sortie);
    },
    120000,
  );
});

describe("prodbook financement : le total du devis écrit en texte", () => {
  test("« 1 000 000 € » en texte au total du devis : la feuille écrite garde un coût nombre et dit sa cellule", async () => {
    const wb = new ExcelJS.Workbook();
    const rangees = (nom: string, lignes: Valeur[][]) => {
      const ws = wb.addWorksheet(nom);
      lignes.forEach((l, i) => {
        ws.getRow(i + 1).values = l as ExcelJS.CellValue[];
      });
    };
    rangees("Devis", [
      ["N°", "Poste", "Montant"],
      ["1", "DROITS ARTISTIQUES"],
      ["1.1", "Scénario", 400000],
      ["2", "PERSONNEL"],
      ["2.1", "Réalisatrice", 600000],
      [null, "TOTAL", "1 000 000 €"],
    ]);
    rangees("Plan", [
      ["Nature", "Financeur", "Montant", "%", "Statut"],
      ["Apport producteur", "Prod SARL", 200000, null, "acquis"],
      ["Préachat", "France 3", 700000, null, "acquis"],
    ]);
    const fichier = path.join(dossier(), "devis-total-texte.xlsx");
    await wb.xlsx.writeFile(fichier);
    const sortie = path.join(dossier(), "sortie-devis-total-texte.xlsx");
    const r = await lancer(["financement", fichier, "--feuille", "Plan", "--date", "2026-01-15", "-o", sortie]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(espacesSimples(r.out)).toMatch(/Coût de production — total du devis « Devis », Devis!C6 +1 000 000,00 €/);
    const lu = await lireRecalcule(await recalculerSansCache(sortie));
    const ws = lu.getWorksheet("Plan de financement")!;
    // A link to the text cell (« =Devis!C6 ») would give text, and the reste à financer #VALUE! (or 0).
    expect(ws.getCell("B2").value).toBe(1000000);
    expect(ws.getCell("C2").value).toBe("total du devis « Devis », Devis!C6");
    const reste = ws.getColumn(1).values.findIndex((v) => v === "Reste à financer (négatif : excédent)");
    expect(nombre(ws.getCell(`B${reste}`))).toBe(100000);
    await fs.rm(sortie);
  }, 120000);
});

describe("--feuille absente, classeur dont le devis se lit aussi comme un plan", () => {
  test("la feuille du devis est proposée, jamais dite « un plan de financement »", async () => {
    const fichier = await classeur("devis-poste-montant.xlsx", "Budget", [
      ["N°", "Poste", "Montant"],
      ["1", "DROITS ARTISTIQUES"],
      ["1.1", "Scénario", 12000],
      ["2", "PERSONNEL"],
      ["2.1", "Réalisatrice", 8000],
    ]);
    const devis = await lancer(["devis", fichier, "--date", "2026-01-15"]);
    expect(devis.code).toBe(0);
    expect(espacesSimples(devis.out)).toMatch(/Devis lu dans la feuille « Budget »/);
    const r = await lancer([
      "credit-impot",
      fichier,
      "--regime",
      "cinema",
      "--genre",
      "fiction",
      "--feuille",
      "Devis 2",
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(espacesSimples(r.err)).toBe(
      "devis-poste-montant.xlsx : La feuille de devis « Devis 2 » n'existe pas dans le classeur (feuilles : « Budget »).",
    );
  });
});
