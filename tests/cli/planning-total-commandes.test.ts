/**
 * The three commands that read the plan de travail (planning, carbone, credit-impot for the days in France) say the
 * producer's proven TOTAL row the same way: the same « total-plan-de-travail » finding, with its cell, in their JSON
 * `controles` and in their text, through the built binary (bin/prodbook.js, npm run build:cli).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { binaire, type ConstatJson as Controle, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-planning-total-commandes-");

const prodbook = (...args: string[]) => binaire(args);

/** A fiction devis, and a « PDT » of three days whose TOTAL row gives the worked hours as a duration (29:00, [h]:mm). */
async function classeur(nom: string, avecTotal: boolean): Promise<string> {
  const f = path.join(dossier(), nom);
  await ecrireDevisFiction(f);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Début", "Fin", "Pause (min)", "Heures"]);
  ws.addRow(["11/05/2026", "Yann Le Goff", "07:00", "21:00", 60, 13 / 24]);
  ws.addRow(["12/05/2026", "Yann Le Goff", "09:00", "18:00", 60, 8 / 24]);
  ws.addRow(["13/05/2026", "Anne Kerbrat", "09:00", "17:30", 30, 8 / 24]);
  if (avecTotal) ws.addRow([null, "TOTAL", null, null, 150, 29 / 24]);
  ws.getColumn(6).numFmt = "[h]:mm";
  await wb.xlsx.writeFile(f);
  return f;
}

const TOTAL =
  "PDT!B5 : ligne 5 « TOTAL » lue comme un total du plan de travail, pas comme une journée : PDT!E5 (150) : somme " +
  "de sa colonne au-dessus ; PDT!F5 (29:00) : somme de sa colonne au-dessus. Non comptée dans les durées ni les " +
  "quantités.";

const COMMANDES: [string, string[], (j: unknown) => Controle[]][] = [
  ["planning", [], (j) => (j as { controles: Controle[] }).controles],
  ["carbone", [], (j) => (j as { controles: Controle[] }).controles],
  [
    "credit-impot",
    ["--regime", "international", "--genre", "fiction", "--annee", "2025", "--jours-tournage-france", "3"],
    (j) => (j as { controles: Controle[] }).controles,
  ],
];

describe("planning, carbone et credit-impot nomment la même ligne « TOTAL » du plan de travail", () => {
  it.each(COMMANDES)("prodbook %s : le même constat, en JSON et en texte", async (commande, options, controles) => {
    const f = await classeur(`total-${commande}.xlsx`, true);
    const r = prodbook(commande, f, ...options, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const totaux = controles(JSON.parse(r.out)).filter((c) => c.regle === "total-plan-de-travail");
    expect(totaux.map((c) => ({ ...c, message: espacesSimples(c.message) }))).toEqual([
      { regle: "total-plan-de-travail", gravite: "info", message: TOTAL, cellule: "PDT!B5" },
    ]);
    const texte = prodbook(commande, f, ...options);
    expect(texte.code).toBe(0);
    expect(espacesSimples(texte.out)).toContain(`[information] Ligne de total du plan de travail — ${TOTAL}`);
  });

  it.each(COMMANDES)(
    "prodbook %s : sans ligne de total, aucun constat de total",
    async (commande, options, controles) => {
      const f = await classeur(`sans-total-${commande}.xlsx`, false);
      const r = prodbook(commande, f, ...options, "--json");
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(controles(JSON.parse(r.out)).filter((c) => c.regle === "total-plan-de-travail")).toEqual([]);
    },
  );
});
