import * as fs from "fs";
import * as path from "path";
import { lireFec } from "../../../src/core/comptabilite/fec";
import { lireCorrespondancesCsv } from "../../../src/core/comptabilite/correspondances";
import { GrandLivreTropGrandError, rapprocher } from "../../../src/core/ecarts/rapprocher";
import { ErreurDonnees } from "../../../src/core/erreurs";
import { cents } from "../../../src/core/money";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";

const FIX = path.resolve(__dirname, "../../fixtures/fec");
const fec = () => lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
const corr = () => lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));

function devis(): Record<string, CelluleMemoire[][]> {
  const rows: CelluleMemoire[][] = [
    ["Mon documentaire"],
    [],
    ["Code", "Libellé", "Quantité", "Tarif", "Montant", "Territoire"],
  ];
  const l = (code: string, lib: string, q: number, t: number, terr = "France") => {
    const n = rows.length + 1;
    rows.push([code, lib, q, t, { f: `C${n}*D${n}`, v: q * t }, terr]);
  };
  rows.push(["1", "DROITS ARTISTIQUES"]);
  l("1.1", "Droits d'auteur", 1, 12000);
  rows.push(["2", "PERSONNEL"]);
  l("2.1", "Réalisateur", 15, 500);
  l("2.2", "Monteur", 10, 200);
  rows.push(["3", "INTERPRÉTATION"]);
  l("3.1", "Comédiens", 3, 500);
  rows.push(["6", "TRANSPORTS"]);
  l("6.1", "Train et défraiements", 1, 800, "Étranger");
  rows.push(["7", "MOYENS TECHNIQUES"]);
  l("7.1", "Caméra", 10, 300);
  rows.push(["8", "POST-PRODUCTION"]);
  l("8.1", "Montage et étalonnage", 1, 9000);
  return { "Budget doc": rows };
}

/** The workbook as the user would have it after editing some cells of Prodbook's sheets. */
async function rouvrir(
  wb: MemoryWorkbook,
  edits: Record<string, Record<string, number>> = {},
): Promise<MemoryWorkbook> {
  const feuilles: Record<string, CelluleMemoire[][]> = {};
  for (const n of await wb.listSheets()) {
    const s = (await wb.readSheet(n))!;
    feuilles[n] = s.rows.map((r) => r.map((c) => (c.f ? { f: c.f, v: c.v } : c.v)));
    for (const [ref, v] of Object.entries(edits[n] ?? {})) {
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      feuilles[n][+m[2] - 1][m[1].charCodeAt(0) - 65] = v;
    }
  }
  return new MemoryWorkbook(feuilles, { prodbook: await wb.feuillesProdbook() });
}

describe("rapprocher (Grand livre ↔ devis)", () => {
  test("écrit Grand livre, Correspondances, Écarts et Coût définitif ; la feuille du producteur reste intacte", async () => {
    const wb = new MemoryWorkbook(devis());
    const avant = await wb.readSheet("Budget doc");
    const { rapport, feuilles } = await rapprocher(wb, { fec: fec(), correspondances: corr() });
    expect(feuilles).toEqual(["Grand livre", "Correspondances", "Écarts", "Coût définitif"]);
    expect(await wb.readSheet("Budget doc")).toEqual(avant);
    const ch = Object.fromEntries(
      rapport.chapitres.map((c) => [c.code, [c.budget, c.realise, c.reste, c.estimation, c.ecartEstime]]),
    );
    expect(ch["1"]).toEqual([1200000, 1200000, 0, 1200000, 0]);
    expect(ch["2"]).toEqual([950000, 800000, 150000, 950000, 0]);
    expect(ch["3"]).toEqual([150000, 150050, 0, 150050, 50]);
    expect(ch["4"]).toEqual([0, 410025, 0, 410025, 410025]); // booked, not budgeted
    expect(ch["8"]).toEqual([900000, 950000, 0, 950000, 50000]);
    expect(rapport.chapitres.find((c) => c.code === "4")!.alerte).toBe(true);
    // Écart = réalisé − budget; écart estimé = estimation finale − budget (chapter 2: 8 000 − 9 500 = −1 500 €, 0 estimated).
    expect(rapport.chapitres.find((c) => c.code === "2")).toMatchObject({ ecart: -150000, ecartEstime: 0 });
    expect(rapport.total.ecart).toBe(rapport.total.realise - rapport.total.budget);
    expect(rapport.realise.nonAffectes.map((c) => c.compte)).toEqual(["606400", "616000"]);

    // Grand livre: mapped class-6 lines first, grouped by chapter then poste; text stays text.
    const gl = wb.ecrites.get("Grand livre")!;
    // Written out, not imported from grandLivre.ts: the sheet's header is what the user sees, pinned here on its own.
    expect(gl.rows[0]).toEqual([
      "Ligne FEC",
      "Journal",
      "N° écriture",
      "Date",
      "Compte",
      "Libellé compte",
      "Compte auxiliaire",
      "Pièce",
      "Libellé",
      "Débit",
      "Crédit",
      "Section",
      "Poste",
      "Chapitre",
    ]);
    expect(gl.rows.length).toBe(24);
    expect(gl.rows[1].slice(8)).toEqual(["=Contrat auteur (option)", 12000, 0, null, "1.1", "1"]);
    expect(gl.rows.filter((r) => r[12] === "8").map((r) => [r[9], r[10]])).toEqual([
      [9800, 0],
      [0, 300],
    ]);
    expect(gl.tables).toEqual([expect.objectContaining({ name: "tblGrandLivre", range: "A1:N24" })]);

    // Écarts: live formulas, link to the poste's rows in the Grand livre, chart of chapters.
    const ec = wb.ecrites.get("Écarts")!;
    const i8 = ec.rows.findIndex((r, i) => i > 12 && r[0] === "8");
    const huit = ec.rows[i8];
    expect(huit[6]).toEqual({
      formula: expect.stringMatching(
        /^SUMIFS\('Grand livre'!\$J\$2:\$J\$24,'Grand livre'!\$M\$2:\$M\$24,\$A\d+\)-SUMIFS/,
      ),
      result: 9500,
    });
    const plage = gl.rows.map((r, i) => (r[12] === "8" ? i + 1 : 0)).filter((x) => x);
    // Écart = réalisé − budget (as in the pane and the CLI), then écart estimé = estimation finale − budget.
    expect(ec.rows[4].slice(6, 11)).toEqual([
      "Réalisé",
      "Reste à engager",
      "Estimation finale",
      "Écart",
      "Écart estimé",
    ]);
    const r8 = i8 + 1;
    // (Poste « 8 » is booked at chapter level: no budget of its own, 9 500 € réalisé.)
    expect([huit[9], huit[10]]).toEqual([
      { formula: `G${r8}-D${r8}`, result: 9500 },
      { formula: `I${r8}-D${r8}`, result: 9500 },
    ]);
    expect(huit[13]).toEqual({
      formula: `HYPERLINK("#'Grand livre'!A${plage[0]}:N${plage[1]}","2 écritures")`,
      result: "2 écritures",
    });
    expect(ec.charts![0]).toMatchObject({
      type: "column",
      categories: "'Écarts'!$B$6:$B$12",
      series: [{ name: "Budget" }, { name: "Réalisé" }],
    });
    expect(ec.conditionalFormats!.length).toBeGreaterThan(0);
    const cd = wb.ecrites.get("Coût définitif")!;
    expect(cd.rows[3]).toEqual([
      "Chapitre",
      "Libellé",
      "Budget (devis)",
      "Coût définitif (réalisé)",
      "Écart",
      "Écart %",
      "Part France",
      "France",
      "Étranger",
    ]);
    const six = cd.rows.find((r) => r[0] === "6")!;
    expect(six[6]).toBe(0);
  });

  test("relancer : même classeur, et les saisies de l'utilisateur (budget révisé, reste à engager, seuils) sont gardées", async () => {
    const wb = new MemoryWorkbook(devis());
    await rapprocher(wb, { fec: fec(), correspondances: corr() });
    const ec = wb.ecrites.get("Écarts")!;
    const ligne8 = ec.rows.findIndex((r, i) => i > 12 && r[0] === "8") + 1;
    const chap2 = ec.rows.findIndex((r, i) => i >= 5 && r[0] === "2") + 1;
    const edite = await rouvrir(wb, { Écarts: { [`E${ligne8}`]: 9600, [`H${chap2}`]: 2500, B2: 0.01, D2: 100 } });
    const { rapport } = await rapprocher(edite, { fec: fec(), correspondances: corr() });
    const l8 = rapport.lignes.find((l) => l.code === "8")!;
    expect(l8.budgetRevise).toBe(cents(960000));
    const c2 = rapport.chapitres.find((c) => c.code === "2")!;
    expect([c2.reste, c2.estimation, c2.ecartEstime, c2.alerte]).toEqual([250000, 1050000, 100000, true]);
    expect(c2.ecart).toBe(c2.realise - c2.budget);
    expect(rapport.seuils).toEqual({ pct: "0.01", montant: 10000 });
    expect(await edite.listSheets()).toEqual([
      "Budget doc",
      "Grand livre",
      "Correspondances",
      "Écarts",
      "Coût définitif",
    ]);
    const ec2 = edite.ecrites.get("Écarts")!;
    expect(ec2.rows[ligne8 - 1][4]).toBe(9600);
    expect(ec2.rows[chap2 - 1][7]).toBe(2500);
    expect(ec2.rows[1].slice(0, 4)).toEqual(["Seuil d'alerte (%)", 0.01, "Seuil d'alerte (€)", 100]);
  });

  test("sans correspondances fournies : la feuille « Correspondances » du classeur, sinon la table PCG par défaut", async () => {
    const wb = new MemoryWorkbook(devis());
    const r1 = await rapprocher(wb, { fec: fec() });
    expect(r1.correspondances.source?.id).toBe("correspondances-pcg");
    const edite = await rouvrir(wb, {});
    const r2 = await rapprocher(edite, { fec: fec() });
    expect(r2.correspondances.comptes.length).toBe(r1.correspondances.comptes.length);
    expect(r2.rapport.total.realise).toBe(r1.rapport.total.realise);
  });

  test("une feuille de l'utilisateur nommée « Écarts » n'est jamais touchée", async () => {
    const wb = new MemoryWorkbook({ ...devis(), Écarts: [["mes notes"]] });
    const { feuilles } = await rapprocher(wb, { fec: fec(), correspondances: corr() });
    expect(feuilles).toContain("Écarts (Prodbook)");
    expect((await wb.readSheet("Écarts"))!.rows[0][0].v).toBe("mes notes");
  });
});

describe("rapprocher : un Grand livre plus grand qu'une feuille Excel", () => {
  it("refuse avant d'écrire, en nommant le nombre de lignes (erreur de données : code 2 dans la CLI)", async () => {
    const wb = new MemoryWorkbook(devis());
    const lu = fec();
    const trop = { ...lu, lignes: Object.assign(new Array(1048576), { 0: lu.lignes![0] }) };
    const refus = rapprocher(wb, { fec: trop, correspondances: corr() });
    await expect(refus).rejects.toBeInstanceOf(GrandLivreTropGrandError);
    await expect(refus).rejects.toBeInstanceOf(ErreurDonnees);
    await expect(refus).rejects.toThrow(
      /^Le FEC compte 1 048 576 lignes importées : le Grand livre ne tient pas dans une feuille Excel \(1 048 575 lignes au plus/,
    );
    expect(wb.ecritures).toBe(0);
  });
});
