/**
 * A producer's « TOTAL » row under the plan de travail (as scheduling tools export it), through the built binary
 * (bin/prodbook.js, npm run build:cli): a row without a date whose numbers are proven totals of the rows above (their
 * sum, or a formula on their column) is no day of work, and is named; the same words with an unproven number are
 * refused as before, the cell named.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { dossierTemporaire, espacesSimples } from "../helpers/cli";

const BINAIRE = path.join(__dirname, "../../bin/prodbook.js");
const dossier = dossierTemporaire("prodbook-planning-total-");

function prodbook(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BINAIRE, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Valeur = string | number | null | { formula: string; result: number };

/** A « PDT » sheet: Date | Nom | Fonction | Début | Fin | Pause (min) | Heures, three days of Alice, then `total`. */
async function classeur(nom: string, total: Valeur[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)", "Heures"]);
  ws.addRow(["15/04/2026", "Alice Martin", "Cheffe monteuse", "07:00", "21:00", 60, 13]);
  ws.addRow(["16/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60, 8]);
  ws.addRow(["17/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "17:30", 30, 8]);
  ws.addRow(total);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

interface Sortie {
  controles: { regle: string; gravite: string; message: string; cellule: string | null }[];
}

describe("prodbook planning : la ligne « TOTAL » du producteur sous le plan de travail", () => {
  it.each([
    [
      "une formule sur sa colonne",
      { formula: "SUM(G2:G4)", result: 29 },
      "PDT!G5 (29, =SUM(G2:G4)) : formule sur sa colonne au-dessus",
    ],
    ["la somme de sa colonne", 29, "PDT!G5 (29) : somme de sa colonne au-dessus"],
  ])("un total prouvé par %s : pas une journée, nommé avec sa cellule", async (_, heures, preuve) => {
    const f = await classeur(`total-${typeof heures}.xlsx`, [null, "TOTAL", null, null, null, 150, heures]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Sortie;
    expect(j.controles.filter((c) => c.regle === "total-plan-de-travail")).toEqual([
      {
        regle: "total-plan-de-travail",
        gravite: "info",
        cellule: "PDT!B5",
        message: expect.any(String),
      },
    ]);
    const message = espacesSimples(j.controles.find((c) => c.regle === "total-plan-de-travail")!.message);
    expect(message).toBe(
      "PDT!B5 : ligne 5 « TOTAL » lue comme un total du plan de travail, pas comme une journée : PDT!F5 (150) : " +
        `somme de sa colonne au-dessus ; ${preuve}. Non comptée dans les durées ni les quantités.`,
    );
    // Only Alice's three days are work: the 15th (14 h span − 1 h = 13 h) is the one over 12 h; no « TOTAL » person.
    expect(
      j.controles.filter((c) => c.regle === "duree-quotidienne" && c.gravite !== "info").map((c) => c.cellule),
    ).toEqual(["PDT!E2"]);
    // Three days read, no « TOTAL » person in any other finding.
    expect(espacesSimples(j.controles.find((c) => c.regle === "convention-supposee")?.message ?? "")).toContain(
      "(3 journées)",
    );
    expect(j.controles.filter((c) => c.regle !== "total-plan-de-travail" && c.message.includes("TOTAL"))).toEqual([]);
    const texte = espacesSimples(prodbook("planning", f).out);
    expect(texte).toContain("[information] Ligne de total du plan de travail — PDT!B5 : ligne 5 « TOTAL »");
  });

  it("« TOTAL » dont un nombre n'est pas la somme de sa colonne : refusé comme avant, la cellule nommée", async () => {
    const f = await classeur("total-faux.xlsx", [null, "TOTAL", null, null, null, null, 30]);
    const r = prodbook("planning", f, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(espacesSimples(r.err).trim()).toBe(
      "total-faux.xlsx : Ligne 5 : heure de début manquante pour TOTAL (PDT!D5) ; attendu HH:MM.",
    );
  });

  it("une formule qui lit une autre colonne ne prouve rien : refusé", async () => {
    const f = await classeur("total-autre-colonne.xlsx", [
      null,
      "TOTAL",
      null,
      null,
      null,
      null,
      { formula: "SUM(F2:F4)*0+29", result: 29 },
    ]);
    // 29 is the sum of G2:G4 by arithmetic: the formula is not the proof, the sum is; a wrong sum with it is refused.
    expect(prodbook("planning", f, "--json").code).toBe(0);
    const g = await classeur("total-autre-colonne-faux.xlsx", [
      null,
      "TOTAL",
      null,
      null,
      null,
      null,
      { formula: "SUM(F2:F4)", result: 150 },
    ]);
    const r = prodbook("planning", g, "--json");
    expect(r.code).toBe(2);
    expect(espacesSimples(r.err)).toContain("PDT!D5");
  });
});
