import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { creerEnvoyeur } from "../../src/app/catalogue";
import { optionsFinancementDe } from "../../src/app/contexte";
import type { ContexteProduction } from "../../src/core/production/contexte";
import { ClasseurLu } from "../helpers/classeurLu";

/**
 * The crédit d'impôt added to the plan depends on the year of the expenses: the pane's Financement page takes the
 * year given on the Crédit d'impôt page (as the Tableau de bord does), and without a year nor a date the current
 * year's rules are said in an alert, never taken silently.
 */
const RACINE = path.join(__dirname, "../..");

async function classeurSansCredit() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(RACINE, "tests/fixtures/financement/cinema.xlsx"));
  // The plan without its own crédit d'impôt line ('Plan de financement'!C19): the one of the devis is added.
  wb.getWorksheet("Plan de financement")!.spliceRows(19, 1);
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-annee-")), "cinema-sans-ci.xlsx");
  await wb.xlsx.writeFile(p);
  return ClasseurLu.depuis(path.relative(RACINE, p));
}

const contexte: ContexteProduction = {
  creditImpotPlan: true,
  oeuvre: "cinema",
  genre: "fiction",
  langue: "francais",
  feuilleDevis: "Budget",
};

type Controle = { gravite: string; message: string };
const anneeDite = (controles: Controle[]) => controles.filter((x) => x.message.includes("année des dépenses"));

it("financement du volet : sans année, l'année en cours est dite ; l'année de la production est celle du crédit", async () => {
  const envoyer = creerEnvoyeur(await classeurSansCredit());
  const annee = new Date().getFullYear();
  const sans = await envoyer("analyserFinancement", optionsFinancementDe(contexte));
  expect(sans.parCategorie.some((x) => x.categorie === "credit-impot")).toBe(true);
  expect(anneeDite(sans.controles)).toEqual([
    expect.objectContaining({
      gravite: "alerte",
      message:
        `Crédit d'impôt calculé par Prodbook : année des dépenses non précisée, crédit calculé selon les règles de ${annee} ` +
        "(l'année en cours) ; pour une autre année, indiquez l'année des dépenses (page Crédit d'impôt ; en ligne de commande, la date des règles).",
    }),
  ]);
  // The year typed on the Crédit d'impôt page: passed to the plan's credit, nothing assumed, as the dashboard's.
  const avecAnnee = { ...contexte, annee: " 2026 " };
  expect(optionsFinancementDe(avecAnnee).annee).toBe(2026);
  const avec = await envoyer("analyserFinancement", optionsFinancementDe(avecAnnee));
  expect(anneeDite(avec.controles)).toEqual([]);
  const tdb = await envoyer("lireTableauDeBord", { contexte: avecAnnee, date: "2026-12-03" });
  expect(tdb.creditImpot.annee).toBe(2026);
  // Not a year (« 26 »): not taken, the current year is said again.
  expect(optionsFinancementDe({ ...contexte, annee: "26" }).annee).toBeUndefined();
});
