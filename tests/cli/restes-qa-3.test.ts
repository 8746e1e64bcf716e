import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * Hostile QA round 3, the remainders: each input a real file written here, each refusal exit 2 with a French message
 * naming the file (or the cell), nothing on stdout.
 */
const dossier = dossierTemporaire("prodbook-restes-qa-3-");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

function refus(r: { code: number; out: string; err: string }, message: RegExp) {
  expect([r.code, r.out]).toEqual([2, ""]);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/Erreur interne|Error|ENO[A-Z]+|at .*\.js/);
}

describe("versions lister / comparer : un classeur endommagé est refusé, pas « aucune version »", () => {
  let avecVersion: string;
  beforeAll(async () => {
    avecVersion = path.join(dossier(), "versions.xlsx");
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      EXEMPLE,
      "--nom",
      "V1",
      "--date",
      "2026-01-01",
      "-o",
      avecVersion,
    ]);
    expect(r.code).toBe(0);
  });

  /** `avecVersion` without its shared strings (the « Versions » sheet's texts): the part dropped from the zip. */
  async function sansTextesPartages(): Promise<string> {
    const zip = await JSZip.loadAsync(await fs.readFile(avecVersion));
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    zip.remove("xl/sharedStrings.xml");
    const f = path.join(dossier(), "sans-textes.xlsx");
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
    return f;
  }

  it("le classeur intact liste sa version", async () => {
    const r = await lancerCli(main, ["versions", "lister", avecVersion, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { versions: { nom: string }[] }).versions.map((v) => v.nom)).toEqual(["V1"]);
  });

  it("sans xl/sharedStrings.xml : lister et comparer refusent le fichier en le nommant (avant : « Aucune version », 0)", async () => {
    const f = await sansTextesPartages();
    const message =
      /^Le fichier « sans-textes\.xlsx » n'est pas un classeur Excel lisible \(\.xlsx\) : il y manque la partie « xl\/sharedStrings\.xml » \(les textes des cellules\), l'archive est endommagée : ouvrez-le dans Excel/;
    refus(await lancerCli(main, ["versions", "lister", f]), message);
    refus(await lancerCli(main, ["versions", "lister", f, "--json"]), message);
    refus(await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "courant"]), message);
    refus(await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "V1", "--json"]), message);
    // The same refusal as every other command reading the file.
    refus(await lancerCli(main, ["devis", f, "--date", "2026-01-15"]), message);
  });

  it("tronqué : lister et comparer refusent le fichier en le nommant", async () => {
    const octets = await fs.readFile(avecVersion);
    const f = path.join(dossier(), "tronque.xlsx");
    await fs.writeFile(f, octets.subarray(0, Math.floor(octets.length / 2)));
    const message =
      /^Le fichier « tronque\.xlsx » n'est pas un classeur Excel lisible \(\.xlsx\) : l'archive est endommagée/;
    refus(await lancerCli(main, ["versions", "lister", f]), message);
    refus(await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "courant", "--json"]), message);
  });
});
