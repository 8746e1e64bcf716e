import * as fs from "fs";
import * as path from "path";
import { lireBlobFec } from "../../../src/workers/lireFichierFec";

const DOSSIER = path.resolve(__dirname, "../../fixtures/fec-reel");

describe("lecture d'un fichier choisi dans le volet (Blob, par blocs d'1 Mio, avec progression)", () => {
  test("FEC réel : même résultat que la lecture en ligne de commande, progression croissante jusqu'à 100 %", async () => {
    const octets = fs.readFileSync(path.join(DOSSIER, "123456789FEC20500930.txt"));
    const progres: number[] = [];
    const { resultat } = await lireBlobFec(new Blob([octets]), { onProgress: (f, t) => progres.push(f / t) });
    expect([resultat.ecritures, resultat.debit, resultat.credit, resultat.erreurs.length]).toEqual([
      10756, 825808373, 825808373, 0,
    ]);
    expect(resultat.lignes!.length).toBe(10756);
    expect(progres[progres.length - 1]).toBe(1);
    expect([...progres].sort((a, b) => a - b)).toEqual(progres);
  });

  test("grand livre CSV « ; » en Windows-1252 : colonnes devinées, mapping renvoyé pour être enregistré", async () => {
    const csv =
      "Date;Compte;Libellé;Débit;Crédit\r\n05/01/2024;613500;Caméra été;1 200,00;\r\n05/01/2024;401000;Caméra été;;1 200,00\r\n";
    const { resultat, mapping } = await lireBlobFec(new Blob([Buffer.from(csv, "latin1")]));
    expect(mapping?.colonnes).toMatchObject({ compte: "Compte", date: "Date", debit: "Débit", credit: "Crédit" });
    expect([resultat.ecritures, resultat.debit, resultat.format.type]).toEqual([2, 120000, "csv"]);
    expect(resultat.lignes![0].libelle).toBe("Caméra été");
  });

  test("UTF-16 avec BOM : FEC et grand livre CSV lus comme par la ligne de commande, encodage nommé", async () => {
    const fec = fs.readFileSync(path.join(DOSSIER, "111111111FEC20221231.TXT"), "utf8");
    const f16 = await lireBlobFec(new Blob([Buffer.from("\ufeff" + fec, "utf16le")]));
    const f8 = await lireBlobFec(new Blob([Buffer.from(fec, "utf8")]));
    expect(f16.resultat.format).toMatchObject({ encodage: "utf-16le", bom: true, separateur: "pipe" });
    expect([f16.resultat.ecritures, f16.resultat.debit, f16.resultat.ecrituresDistinctes]).toEqual([
      f8.resultat.ecritures,
      f8.resultat.debit,
      f8.resultat.ecrituresDistinctes,
    ]);
    expect(f16.resultat.lignes).toEqual(f8.resultat.lignes);
    const csv = "\ufeffDate;Compte;Libellé;Débit;Crédit\r\n05/01/2024;613500;Caméra;1 200,00;\r\n";
    const c16 = await lireBlobFec(new Blob([Buffer.from(csv, "utf16le")]));
    expect([c16.resultat.ecritures, c16.resultat.debit, c16.resultat.format.encodage]).toEqual([1, 120000, "utf-16le"]);
    expect(c16.resultat.lignes![0].libelle).toBe("Caméra");
  });

  test("un classeur .xlsx choisi pour le grand livre : refusé comme par `prodbook fec` (même cas d'usage)", async () => {
    const xlsx = fs.readFileSync(path.join(__dirname, "../../fixtures/hostiles/prefixes-xml.xlsx"));
    await expect(lireBlobFec(new Blob([xlsx]))).rejects.toThrow(
      "Ce fichier n'est pas un FEC lisible : c'est un classeur Excel (.xlsx), pas un fichier texte : ouvrez-le dans " +
        "Excel et enregistrez-le en texte (Fichier › Enregistrer sous › Texte (séparateur : tabulation) ou CSV).",
    );
  });
});
