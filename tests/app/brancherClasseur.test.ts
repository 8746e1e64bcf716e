import { brancherClasseur, envoyer } from "../../src/app/catalogue";
import type { WorkbookPort } from "../../src/core/port/workbook";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";

/**
 * The pane's composition root gives the catalogue a loader of the Office workbook (a chunk of its own, out of the
 * first load): the catalogue calls it on the first command only, runs every command on the workbook it gives, and
 * when it fails says so in French and calls it again at the next command.
 */
describe("brancherClasseur avec un chargeur du classeur", () => {
  it("le chargeur est appelé une fois, au premier envoi ; chaque commande lit le classeur qu'il donne", async () => {
    const wb = new MemoryWorkbook({ Devis: [["Poste", "Montant"]], Notes: [["Repérages"]] });
    let appels = 0;
    brancherClasseur(async () => {
      appels++;
      return wb;
    });
    expect(appels).toBe(0);
    expect(await envoyer("listerFeuilles", {})).toEqual({ feuilles: ["Devis", "Notes"], prodbook: [] });
    await envoyer("selectionnerCellule", { cellule: "Devis!B2" });
    expect(wb.selections).toEqual(["Devis!B2"]);
    expect(appels).toBe(1);
  });

  it("un chargement qui échoue : message en français, puis nouvel essai à la commande suivante", async () => {
    const wb = new MemoryWorkbook({ Devis: [["Poste"]] });
    const essais: Array<() => Promise<WorkbookPort>> = [
      () => Promise.reject(new Error("ChunkLoadError: Loading chunk classeur-office failed.")),
      async () => wb,
    ];
    let appels = 0;
    brancherClasseur(() => essais[appels++]());
    await expect(envoyer("listerFeuilles", {})).rejects.toThrow(
      "Prodbook n'a pas pu charger l'accès au classeur : vérifiez la connexion puis recommencez.",
    );
    expect(await envoyer("listerFeuilles", {})).toEqual({ feuilles: ["Devis"], prodbook: [] });
    expect(appels).toBe(2);
  });
});
