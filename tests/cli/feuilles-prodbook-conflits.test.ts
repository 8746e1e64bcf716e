/**
 * Prodbook writes its own sheets beside the user's (src/core/port/possession.ts): what the user's workbook may already
 * hold in its way is the user's to change, said in French (exit 2, nothing written), or worked around — never an
 * internal error. Real workbooks written with ExcelJS from the cinema financing plan of the financement tests:
 *  - a table of the user's named like one Prodbook writes (« tblFinancement » of its sheet « Plan de financement
 *    (Prodbook) », Excel's names compared regardless of case): refused, the table and the sheet named;
 *  - sheets « Plan de financement » and « Plan de financement (Prodbook) » both the user's (the second copied from
 *    another workbook, whose register of Prodbook's sheets does not follow): Prodbook's next name was
 *    « Plan de financement (Prodbook 2) », 32 characters, refused by an internal check (« Nom de feuille invalide »,
 *    a plain Error: « Erreur interne »). The name is now shortened to fit Excel's 31.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireClasseurs } from "../core/financement/plans";
import { dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

const dossier = dossierTemporaire("feuilles-prodbook-conflits-");
const variante = fabriqueVariantes(dossier);
const OPTIONS = ["--devis", "Budget", "--premier-film", "--date", "2026-01-15"];

let cinema: string;
beforeAll(async () => {
  cinema = (await ecrireClasseurs()).cinema;
});

describe("financement -o : ce que le classeur de l'utilisateur a déjà sur le chemin de Prodbook", () => {
  it("un tableau de l'utilisateur nommé « TblFinancement » : code 2, le tableau et la feuille nommés, rien d'écrit", async () => {
    const f = await variante(cinema, "tableau-tblFinancement.xlsx", (wb) => {
      wb.addWorksheet("Suivi").addTable({
        name: "TblFinancement",
        ref: "A1",
        headerRow: true,
        columns: [{ name: "Source" }, { name: "Montant" }],
        rows: [["Région", 300000]],
      });
    });
    const sortie = path.join(dossier(), "jamais-financement.xlsx");
    const r = await lancerCli(main, ["financement", f, ...OPTIONS, "-o", sortie]);
    refus(
      r,
      "tableau-tblFinancement.xlsx\u00a0: Le classeur a déjà un tableau nommé «\u00a0tblFinancement\u00a0»\u00a0: Prodbook a " +
        "besoin de ce nom pour sa feuille «\u00a0Plan de financement (Prodbook)\u00a0». Renommez ce tableau dans Excel " +
        "(Création de tableau › Nom du tableau), puis recommencez.",
      sortie,
    );
    expect(fs.readdirSync(dossier()).filter((n) => n.includes("jamais"))).toEqual([]);
  });

  it("« Plan de financement (Prodbook) » déjà à l'utilisateur : le plan écrit sous un nom de 31 caractères (avant : « Erreur interne »)", async () => {
    const f = await variante(cinema, "copie-prodbook.xlsx", (wb) => {
      wb.addWorksheet("Plan de financement (Prodbook)").getCell("A1").value = "Copie d'un autre classeur";
    });
    const sortie = path.join(dossier(), "plan-nom-court.xlsx");
    const r = await lancerCli(main, ["financement", f, ...OPTIONS, "-o", sortie]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("«\u00a0Plan de financemen (Prodbook 2)\u00a0»");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    expect(wb.getWorksheet("Plan de financement (Prodbook)")?.getCell("A1").value).toBe("Copie d'un autre classeur");
    const plan = wb.getWorksheet("Plan de financemen (Prodbook 2)");
    expect(plan?.getTable("tblFinancement")).toBeDefined();
    // Run again on its own output: the same sheet is found as Prodbook's and replaced, no third one made.
    const encore = path.join(dossier(), "plan-nom-court-2.xlsx");
    const r2 = await lancerCli(main, ["financement", sortie, ...OPTIONS, "-o", encore]);
    expect([r2.code, r2.err]).toEqual([0, ""]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(encore);
    expect(wb2.worksheets.map((w) => w.name).filter((n) => n.startsWith("Plan de financem"))).toEqual([
      "Plan de financement",
      "Plan de financement (Prodbook)",
      "Plan de financemen (Prodbook 2)",
    ]);
  });
});
