/**
 * A plan de financement with a « % » column beside the amounts: the amounts are the figures, and a percentage that
 * says another share (30 % written where 50 000 / 200 000 = 25 %) is named with its cell (pourcent-plan), never ignored
 * in silence nor read as a figure. Before: the column was recognised and left aside without a word.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, lancerCli } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-financement-pourcent-");
const lancer = (args: string[]) => lancerCli(main, args, { espaces: "simples" });

type Pourcent = number | string | { v: number; pct: true };

/**
 * A plan « Plan » (Financeur | Montant | %), its lines then « Total » (200 000 €); a `{ v, pct }` percentage is a
 * number formatted « 0 % ».
 */
async function plan(nom: string, lignes: [string, number, Pourcent][], cout?: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  if (cout !== undefined) ws.addRow(["Coût de production", cout]);
  ws.addRow(["Financeur", "Montant", "%"]);
  for (const [f, m, p] of lignes) {
    const row = ws.addRow([f, m, typeof p === "object" ? p.v : p]);
    if (typeof p === "object") row.getCell(3).numFmt = "0%";
  }
  ws.addRow(["Total", lignes.reduce((s, l) => s + l[1], 0)]);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

const pct = (v: number) => ({ v, pct: true as const });

async function constats(f: string, ...args: string[]) {
  const r = await lancer(["financement", f, "--json", ...args]);
  expect([r.code, r.err]).toEqual([0, ""]);
  return controlesJson(r.out).filter((c) => c.regle === "pourcent-plan");
}

describe("financement : une colonne % qui contredit les montants (pourcent-plan)", () => {
  it("30 % écrit pour 50 000 / 200 000 (25 %) : nommé avec la cellule, l'écrit, le montant et la part ; les montants comptent", async () => {
    const f = await plan(
      "contredit.xlsx",
      [
        ["Apport producteur", 150000, pct(0.75)],
        ["France Télévisions", 50000, pct(0.3)],
      ],
      200000,
    );
    const r = await lancer(["financement", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { total: string };
    expect(j.total).toBe("200000.00");
    const c = controlesJson(r.out).filter((x) => x.regle === "pourcent-plan");
    expect(c).toEqual([
      {
        regle: "pourcent-plan",
        gravite: "alerte",
        cellule: "Plan!C4",
        message: expect.stringMatching(/^Plan!C4 : « 30 % » écrit pour « France Télévisions », mais son montant/),
      },
    ]);
    expect(c[0].message.replace(/\u00a0/g, " ")).toBe(
      "Plan!C4 : « 30 % » écrit pour « France Télévisions », mais son montant (50 000,00 €, Plan!B4) fait 25,00 % du " +
        "total des financements (200 000,00 €) et 25,00 % du coût de production (200 000,00 €). Le pourcentage " +
        "n'est pas lu : ce sont les montants qui comptent. Corrigez le pourcentage ou le montant.",
    );
    // In the text output too, under its title.
    const t = await lancer(["financement", f]);
    expect(t.out).toMatch(/Plan!C4 : « 30 % » écrit pour « France Télévisions »/);
  });

  it("des pourcentages justes (du total, à 0,01 % près, ou écrits 25 sans format %) : rien à dire", async () => {
    const f = await plan("justes.xlsx", [
      ["Apport producteur", 133333.33, pct(0.6666667)],
      ["France Télévisions", 50000, 25],
      ["Région", 16666.67, "8,33 %"],
    ]);
    expect(await constats(f, "--cout", "1000000")).toEqual([]);
  });

  it("des pourcentages du coût (et non du total) : rien à dire", async () => {
    const f = await plan("du-cout.xlsx", [
      ["Apport producteur", 150000, pct(0.15)],
      ["France Télévisions", 50000, pct(0.05)],
    ]);
    expect(await constats(f, "--cout", "1000000")).toEqual([]);
  });

  it("ni du total ni du coût : les deux parts nommées", async () => {
    const f = await plan("ni-l-un-ni-l-autre.xlsx", [
      ["Apport producteur", 150000, pct(0.75)],
      ["France Télévisions", 50000, pct(0.1)],
    ]);
    const c = await constats(f, "--cout", "1000000");
    expect(c.map((x) => [x.cellule, x.message.replace(/\u00a0/g, " ")])).toEqual([
      [
        "Plan!C3",
        expect.stringContaining(
          "« 10 % » écrit pour « France Télévisions », mais son montant (50 000,00 €, Plan!B3) fait 25,00 % du total " +
            "des financements (200 000,00 €) et 5,00 % du coût de production (1 000 000,00 €).",
        ),
      ],
    ]);
  });
});
