/**
 * A plan de financement whose « Coût de production » cell holds a date or #REF!, and no devis: the refusal said « coût
 * de production introuvable (ni feuille de devis, ni ligne « Coût » dans le plan) » while the line is there. It now
 * names the cell and what it holds; still code 2, nothing written.
 */
import ExcelJS from "exceljs";
import { existsSync } from "fs";
import * as path from "path";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-qa-cout-illisible-");

type Valeur = ExcelJS.CellValue;

/** « Plan de financement »: the cost above the header (B1) or as a row of the plan (C5), then three sources. */
async function plan(nom: string, cout: Valeur, dansLePlan = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan de financement");
  if (!dansLePlan) ws.addRow(["Coût de production", cout]);
  ws.addRow(["Partenaire", "Nature", "Montant"]);
  ws.addRow(["Arte", "Préachat", 40000]);
  ws.addRow(["CNC", "FSA", 30000]);
  ws.addRow(["Région", "Aide à la production", 30000]);
  if (dansLePlan) ws.addRow(["Coût de production", "", cout]);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("financement : la cellule du coût illisible est nommée", () => {
  it.each([
    ["date.xlsx", new Date("2026-01-01T00:00:00Z"), false, "'Plan de financement'!B1 : une date (01/01/2026)"],
    ["ref.xlsx", { error: "#REF!" } as Valeur, false, "'Plan de financement'!B1 : « #REF! »"],
    ["ligne-ref.xlsx", { error: "#REF!" } as Valeur, true, "'Plan de financement'!C5 : « #REF! »"],
  ])("%s : code 2, la cellule et ce qu'elle tient, rien d'écrit", async (nom, cout, dansLePlan, dit) => {
    const f = await plan(nom, cout, dansLePlan);
    const sortie = path.join(dossier(), `sortie-${nom}`);
    const r = binaire(["financement", f, "-o", sortie]);
    expect(r.code).toBe(2);
    expect(espacesSimples(r.err.trim())).toBe(
      `${nom} : coût de production illisible en ${dit} n'est pas un montant (et pas de feuille de devis). ` +
        "Corrigez la cellule, ou indiquez --devis FEUILLE ou --cout MONTANT.",
    );
    expect(r.out).toBe("");
    expect(existsSync(sortie)).toBe(false);
  });

  it("avec un coût donné (--cout), la cellule illisible du plan reste nommée dans les contrôles (volet et CLI)", async () => {
    // Review of 8 December 2026: only the CLI's refusal named it; with a cost, nothing said B1 held #REF!.
    const f = await plan("ref-cout.xlsx", { error: "#REF!" });
    const r = binaire(["financement", f, "--cout", "100000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { controles: { regle: string; cellule?: string; message: string }[] };
    expect(
      j.controles.filter((x) => x.cellule === "'Plan de financement'!B1").map((x) => espacesSimples(x.message)),
    ).toEqual([
      "'Plan de financement'!B1 : le coût de production du plan (« Coût de production ») tient « #REF! », qui n'est " +
        "pas un montant : il n'est pas lu. Écrivez-y le coût en euros.",
    ]);
  });
});
