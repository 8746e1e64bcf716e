import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fabriqueVariantes, lancerCli } from "../helpers/cli";

/**
 * Three faults left by the « nothing lost, nothing guessed » sweep: the minus sign U+2212 of a figure pasted from a
 * PDF or Word, an amount shown in a foreign currency, a correspondances key that is no account number.
 */
const dossier = dossierTemporaire("prodbook-moins-devise-");
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const variante = fabriqueVariantes(dossier);

interface Constat {
  regle: string;
  gravite: string;
  message: string;
  cellule: string | null;
}
const controles = (out: string) => (JSON.parse(out) as { controles: Constat[] }).controles;

describe("le signe moins U+2212 (« −300 », collé d'un PDF ou de Word)", () => {
  it("devis : « −300 » et « −1 234,56 € » lus comme des montants négatifs (avant : « n'est pas un montant », non comptés)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    ws.addRow(["21", "Réalisateur", 1, 1, 5000, 5000]);
    ws.addRow(["22", "Remise scripte", null, null, null, "\u2212300"]);
    ws.addRow(["23", "Avoir régie", null, null, null, "\u22121\u00a0234,56\u00a0€"]);
    const f = path.join(dossier(), "devis-moins.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { devis: { total: string; conservation: { lu: string; ecart: string } } };
    expect(j.devis.total).toBe("3465.44");
    expect([j.devis.conservation.lu, j.devis.conservation.ecart]).toEqual(["3465.44", "0.00"]);
    expect(controles(r.out).filter((c) => /n'est pas un montant/.test(c.message))).toEqual([]);
  });

  it("FEC : un débit « −12000,00 » est lu −12 000,00 € (avant : la ligne rejetée, « n'est pas un montant »)", async () => {
    const fec = path.join(dossier(), "fec-moins.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n");
    lignes[1] = lignes[1].replace("\t12000,00\t", "\t\u221212000,00\t");
    await fs.writeFile(fec, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", fec, "--json"]);
    const j = JSON.parse(r.out) as { lignesImportees: number; debit: string; erreurs: unknown[] };
    expect([j.lignesImportees, j.debit, j.erreurs]).toEqual([23, "23112.65", []]);
  });

  it("grand livre CSV : un crédit « 12000,00− » (signe en fin) est lu −12 000,00 €", async () => {
    const csv = path.join(dossier(), "grand-livre-moins.csv");
    const lignes = (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";").split("\n");
    lignes[2] = lignes[2].replace(";12000,00;", ";12000,00\u2212;");
    await fs.writeFile(csv, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    const j = JSON.parse(r.out) as { lignesImportees: number; credit: string; erreurs: unknown[] };
    expect([j.lignesImportees, j.credit, j.erreurs]).toEqual([23, "23112.65", []]);
  });

  it("financement : « −50 000 » est un montant négatif, nommé comme tel (avant : « illisible »)", async () => {
    const f = await variante(FICTION, "fin-moins.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E5").value = "\u221250\u00a0000";
      ws.getCell("F5").value = null;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => c.cellule === "Financement!E5")).toEqual([
      expect.objectContaining({
        gravite: "erreur",
        message: expect.stringMatching(
          /^Financement!E5 : montant négatif \(.50\u202f000,00\u00a0€\) pour « Région Bretagne »/,
        ),
      }),
    ]);
  });
});
