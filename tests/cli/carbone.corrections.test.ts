import ExcelJS from "exceljs";
import { ligneDe } from "../helpers/bilanCarbone";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { COL } from "../../src/core/carbone/colonnes";
import { lancerCli } from "../helpers/cli";

/**
 * The corrections typed in « Bilan carbone » follow their devis line when the producer inserts a line above it
 * (issue 15: « kept across refreshes, like comments in a comparison », which are keyed by the line, not its row).
 */
const PLAN = path.resolve(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbone-corrections-"));
const col = (c: number) => String.fromCharCode(65 + c);

const lancer = (args: string[]) => lancerCli(main, args);

/**
 * Inserts a devis line at `ligne` of « Budget Gardiens » the way Excel does: the rows below move down one row and
 * their formulas follow them (ROUND(C44*E44*F44,2) becomes ROUND(C45*E45*F45,2), SUM(G43:G48) becomes SUM(G43:G49)).
 */
function insererLigne(ws: ExcelJS.Worksheet, ligne: number, valeurs: (string | number)[]) {
  ws.spliceRows(ligne, 0, valeurs);
  const decaler = (f: string) =>
    f.replace(
      /(\$?[A-Z]{1,3}\$?)(\d+)/g,
      (_m, c: string, n: string) => `${c}${Number(n) >= ligne ? Number(n) + 1 : n}`,
    );
  ws.eachRow((row, i) => {
    row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === "object" && "formula" in v && i !== ligne) c.value = { ...v, formula: decaler(v.formula) };
    });
  });
  const r = ws.getRow(ligne);
  r.getCell(7).value = { formula: `ROUND(C${ligne}*E${ligne}*F${ligne},2)`, result: 70 } as ExcelJS.CellFormulaValue;
}

interface ActiviteJson {
  cellule: string;
  libelle: string;
  quantite: string | null;
  corrigee: boolean;
}

test("une ligne insérée au-dessus dans le devis : chaque correction reste sur sa ligne, la nouvelle ligne n'en reçoit aucune", async () => {
  const premier = path.join(dir, "premier.xlsx");
  let r = await lancer(["carbone", PLAN, "--planning", "PDT", "--date", "2026-06-01", "-o", premier]);
  expect(r.err).toBe("");

  // The chargé de production types the train's passager·km and a comment on the lodging line…
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(premier);
  const bilan = wb.getWorksheet("Bilan carbone")!;
  bilan.getCell(`${col(COL.quantite)}${ligneDe(bilan, "devis:Budget Gardiens!43")}`).value = 28320;
  bilan.getCell(`${col(COL.commentaire)}${ligneDe(bilan, "devis:Budget Gardiens!45")}`).value = "Hôtel du phare";
  // …then adds a taxi line above the train in the devis (row 43): the train is now row 44, the lodging row 46.
  insererLigne(wb.getWorksheet("Budget Gardiens")!, 43, ["", "Taxi gare de Brest", 2, "course", 1, 35]);
  const modifie = path.join(dir, "modifie.xlsx");
  await wb.xlsx.writeFile(modifie);

  const second = path.join(dir, "second.xlsx");
  r = await lancer(["carbone", modifie, "--planning", "PDT", "--date", "2026-06-01", "--json", "-o", second]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.sortie[0]) as { categories: { code: string; activites: ActiviteJson[] }[]; total: string };
  const transport = j.categories.find((c) => c.code === "transport")!.activites;
  const taxi = transport.find((a) => a.cellule === "'Budget Gardiens'!B43")!;
  const train = transport.find((a) => a.cellule === "'Budget Gardiens'!B44")!;
  expect(taxi).toMatchObject({ libelle: "Taxi gare de Brest", corrigee: false });
  expect(taxi.quantite).not.toBe("28320");
  expect(train).toMatchObject({ libelle: "Train Paris–Brest A/R", quantite: "28320", corrigee: true });

  const relu = new ExcelJS.Workbook();
  await relu.xlsx.readFile(second);
  const b = relu.getWorksheet("Bilan carbone")!;
  expect(b.getCell(`${col(COL.quantite)}${ligneDe(b, "devis:Budget Gardiens!44")}`).value).toBe(28320);
  expect(b.getCell(`${col(COL.commentaire)}${ligneDe(b, "devis:Budget Gardiens!46")}`).value).toBe("Hôtel du phare");
  expect(b.getCell(`${col(COL.commentaire)}${ligneDe(b, "devis:Budget Gardiens!45")}`).value).toBeNull();
});

test("une correction dont la ligne a disparu du devis n'est pas posée ailleurs : elle est signalée, avec sa valeur", async () => {
  const premier = path.join(dir, "premier-b.xlsx");
  let r = await lancer(["carbone", PLAN, "--planning", "PDT", "--date", "2026-06-01", "-o", premier]);
  expect(r.err).toBe("");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(premier);
  const bilan = wb.getWorksheet("Bilan carbone")!;
  bilan.getCell(`${col(COL.quantite)}${ligneDe(bilan, "devis:Budget Gardiens!43")}`).value = 28320;
  // The train line is replaced in place by another line: same row, another label.
  wb.getWorksheet("Budget Gardiens")!.getCell("B43").value = "Navette aéroport";
  const modifie = path.join(dir, "modifie-b.xlsx");
  await wb.xlsx.writeFile(modifie);

  r = await lancer(["carbone", modifie, "--planning", "PDT", "--date", "2026-06-01", "--json"]);
  expect(r.err).toBe("");
  const j = JSON.parse(r.sortie[0]) as {
    categories: { code: string; activites: ActiviteJson[] }[];
    manquants: { cellule: string; message: string }[];
  };
  const toutes = j.categories.flatMap((c) => c.activites);
  expect(toutes.filter((a) => a.corrigee)).toEqual([]);
  expect(toutes.filter((a) => a.quantite === "28320")).toEqual([]);
  expect(j.manquants).toContainEqual({
    cellule: "'Budget Gardiens'!B43",
    message:
      "Correction non reprise : la ligne « Train Paris–Brest A/R » n'est plus dans le devis (quantité retenue 28320). " +
      "Saisissez-la à nouveau sur la bonne ligne de « Bilan carbone ».",
  });
});
