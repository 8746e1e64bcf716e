/**
 * The three commands that read the plan de travail (planning, carbone, credit-impot) name a row repeating another
 * exactly — counted once — with the same « ligne-en-double » alert and both rows' cells, in their JSON `controles` and
 * in their text, through the built binary (bin/prodbook.js, npm run build:cli). `planning` says where it counts it once
 * (its working-time uses); carbone and credit-impot, every reading of the plan.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { binaire, type ConstatJson as Controle, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-planning-doublons-commandes-");

const prodbook = (...args: string[]) => binaire(args);

/** A fiction devis, and a « PDT » of three days whose row 3 is written again as row 4 (same person, day and hours). */
async function classeur(nom: string, avecDoublon: boolean): Promise<string> {
  const f = path.join(dossier(), nom);
  await ecrireDevisFiction(f);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Début", "Fin", "Pause (min)"]);
  ws.addRow(["11/05/2026", "Yann Le Goff", "07:00", "17:00", 60]);
  ws.addRow(["12/05/2026", "Yann Le Goff", "09:00", "18:00", 60]);
  if (avecDoublon) ws.addRow(["12/05/2026", "Yann Le Goff", "09:00", "18:00", 60]);
  ws.addRow(["13/05/2026", "Anne Kerbrat", "09:00", "17:30", 30]);
  await wb.xlsx.writeFile(f);
  return f;
}

const DEBUT =
  "Yann Le Goff le 12 mai 2026 : la ligne 4 (PDT!B4, PDT!A4, PDT!C4, PDT!D4) répète la ligne 3 (PDT!B3, " +
  "PDT!A3, PDT!C3, PDT!D3) : même personne, même jour, mêmes horaires (09:00–18:00, pause 60 min). Comptée une seule fois ";
const FIN =
  " : supprimez la ligne en double, ou corrigez-la si elle devait dire une autre personne, un autre jour ou d'autres horaires.";
const PLANNING =
  "(durée du jour et de la semaine, repos, heures supplémentaires, dimanches et fériés, quantités du devis, feuille " +
  "Plan de travail)";
const LU = "dans tout ce qui est lu du plan de travail";

const COMMANDES: [string, string[], string][] = [
  ["planning", [], PLANNING],
  ["carbone", [], LU],
  [
    "credit-impot",
    ["--regime", "international", "--genre", "fiction", "--annee", "2025", "--jours-tournage-france", "3"],
    LU,
  ],
];

describe("planning, carbone et credit-impot nomment la même ligne en double du plan de travail", () => {
  it.each(COMMANDES)("prodbook %s : le même constat, en JSON et en texte", async (commande, options, comptee) => {
    const f = await classeur(`doublon-${commande}.xlsx`, true);
    const r = prodbook(commande, f, ...options, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const message = `${DEBUT}${comptee}${FIN}`;
    const doublons = (JSON.parse(r.out) as { controles: Controle[] }).controles.filter(
      (c) => c.regle === "ligne-en-double",
    );
    expect(doublons.map((c) => ({ ...c, message: espacesSimples(c.message) }))).toEqual([
      { regle: "ligne-en-double", gravite: "alerte", message, cellule: "PDT!B4" },
    ]);
    const texte = prodbook(commande, f, ...options);
    expect(texte.code).toBe(0);
    expect(espacesSimples(texte.out)).toContain(`Ligne du plan de travail en double — ${message}`);
  });

  it.each(COMMANDES)("prodbook %s : sans ligne répétée, aucun constat", async (commande, options) => {
    const f = await classeur(`sans-doublon-${commande}.xlsx`, false);
    const r = prodbook(commande, f, ...options, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const controles = (JSON.parse(r.out) as { controles: Controle[] }).controles;
    expect(controles.filter((c) => c.regle === "ligne-en-double")).toEqual([]);
  });
});
