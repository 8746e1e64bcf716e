/**
 * A plan de financement row naming a financeur and its nature with an empty amount (« CNC | FSA | ») was read as a
 * section title: its words then classified the rows below it, and « Producteur | Apport | 30 000 » became the CNC's
 * soutien automatique, a public aid (intensity 30 % instead of 0 %). It is now a source without an amount: named with
 * its cell (lecture-plan), not counted, and no title for the rows below. A one-cell title still classifies them.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-qa-financeur-sans-montant-");

async function plan(nom: string, lignes: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan de financement");
  ws.addRow(["Coût de production", 100000]);
  ws.addRow([]);
  ws.addRow(["Partenaire", "Nature", "Montant"]);
  for (const l of lignes) ws.addRow(l);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

interface Financement {
  parCategorie: { categorie: string; montant: string; public: boolean }[];
  aidesPubliques: string;
  controles: { regle: string; gravite: string; cellule?: string; message: string }[];
}

describe("financement : une ligne « financeur | nature » sans montant n'est pas un titre de section", () => {
  it("« CNC | FSA | » vide ne fait pas de l'apport du producteur une aide publique, et il est nommé", async () => {
    const f = await plan("cnc-vide.xlsx", [
      ["Arte", "Préachat", 40000],
      ["CNC", "FSA", null],
      ["Producteur", "Apport", 30000],
      ["TOTAL", "", 70000],
    ]);
    const r = binaire(["financement", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Financement;
    expect(j.aidesPubliques).toBe("0.00");
    expect(j.parCategorie).toEqual([
      { categorie: "diffuseur-preachat", montant: "40000.00", public: false },
      { categorie: "autre", montant: "30000.00", public: false },
    ]);
    const c = j.controles.filter((x) => x.cellule === "'Plan de financement'!C5");
    expect(c.map((x) => [x.regle, x.gravite, espacesSimples(x.message)])).toEqual([
      [
        "lecture-plan",
        "alerte",
        "'Plan de financement'!C5 : « CNC — FSA » sans montant (cellule vide) : ligne non comptée, ni lue comme un " +
          "titre de section. Si c'est un financement, écrivez son montant.",
      ],
    ]);
  });

  it("un titre d'une seule cellule (« CNC ») classe toujours les lignes qui le suivent", async () => {
    const f = await plan("titre.xlsx", [
      ["CNC", null, null],
      ["Compte de soutien", "Automatique", 30000],
      ["TOTAL", "", 30000],
    ]);
    const j = JSON.parse(binaire(["financement", f, "--json"]).out) as Financement;
    expect(j.aidesPubliques).toBe("30000.00");
    expect(j.controles.filter((x) => x.regle === "lecture-plan")).toEqual([]);
  });

  it("un titre sur deux cellules (« AIDES PUBLIQUES | sélectives ») ne laisse pas le titre d'avant classer les lignes qui suivent", async () => {
    // Review of 8 December 2026: the row, named, kept « APPORTS PRODUCTEUR » above as the section, and « Partenaire A »
    // became a producer's contribution without a word. Left to its own words: « autre », and said (source-non-classee).
    const f = await plan("titre-deux-cellules.xlsx", [
      ["APPORTS PRODUCTEUR", null, null],
      ["Les Films du Nord", "Numéraire", 20000],
      ["AIDES PUBLIQUES", "sélectives", null],
      ["Partenaire A", null, 30000],
      ["TOTAL", "", 50000],
    ]);
    const j = JSON.parse(binaire(["financement", f, "--json"]).out) as Financement;
    expect(j.parCategorie).toEqual([
      { categorie: "apport-numeraire", montant: "20000.00", public: false },
      { categorie: "autre", montant: "30000.00", public: false },
    ]);
    expect(j.controles.filter((x) => x.cellule === "'Plan de financement'!C7").map((x) => x.regle)).toEqual([
      "source-non-classee",
    ]);
  });
});
