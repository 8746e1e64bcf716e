import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * A new user's and a hostile tester's inputs to the CLI (real .xlsx written here with ExcelJS): every amount
 * the import reads is accounted for by `devis.conservation`, and bad input gives a French message, exit 2 and
 * nothing written.
 */
const dossier = dossierTemporaire("prodbook-hostile-qa-");

const ENTETE = ["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"];

async function devisXlsx(nom: string, lignes: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  ws.addRow(ENTETE);
  for (const l of lignes) ws.addRow(l);
  const chemin = path.join(dossier(), nom);
  await wb.xlsx.writeFile(chemin);
  return chemin;
}

interface DevisJson {
  devis: {
    total: string;
    lignes: number;
    conservation: { lu: string; lignes: string; ecart: string; cellules: { lues: number }; nonComptees: unknown[] };
  };
}

describe("devis : conservation de tout montant lu", () => {
  it("un montant en texte précédé d'une apostrophe (« '5000 ») compté dans le total l'est aussi dans la conservation", async () => {
    const f = await devisXlsx("apostrophe.xlsx", [
      [null, "PERSONNEL"],
      ["21", "Réalisateur", null, null, null, "'5000"],
      ["22", "Scripte", null, null, null, "'2 000,50"],
      ["23", "Chef opérateur", null, null, null, "1 000 EUR."],
    ]);
    const r = await lancerCli(main, ["devis", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as DevisJson;
    expect(j.devis.total).toBe("8000.50");
    // Before: « lu » 0,00 € over 0 cells while the total counted 8 000,50 € (the cells were invisible to it).
    expect(j.devis.conservation).toMatchObject({ lu: "8000.50", lignes: "8000.50", ecart: "0.00", nonComptees: [] });
    expect(j.devis.conservation.cellules.lues).toBe(3);
  });
});
