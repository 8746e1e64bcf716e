import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { dossierTemporaire, lancerCli, refus } from "../helpers/cli";

/**
 * What a new chargé de production met trying the CLI on their own files, each found wrong and fixed: exit 2, a French
 * message naming what is wrong, nothing written.
 */
const dossier = dossierTemporaire("prodbook-sondes-");
const lancer = (args: string[]) => lancerCli(main, args, { espaces: "simples" });

async function devis(nom: string): Promise<string> {
  const f = path.join(dossier(), nom);
  await ecrireDevisFiction(f);
  return f;
}

/** A file holding `contenu`, made read-only (mode 444). */
async function lectureSeule(nom: string, contenu: string): Promise<string> {
  const f = path.join(dossier(), nom);
  await fs.writeFile(f, contenu);
  await fs.chmod(f, 0o444);
  return f;
}

describe("-o sur un fichier en lecture seule", () => {
  // The workbook is written beside its name then renamed: the folder's rights would let it replace a read-only file.
  it("devis -o : refusé, le fichier garde son contenu et ses droits", async () => {
    const f = await devis("ro-devis.xlsx");
    const ro = await lectureSeule("ro-sortie.xlsx", "à garder");
    const r = await lancer(["devis", f, "-o", ro]);
    refus(
      r,
      `Écriture impossible de « ${ro} » : le fichier est en lecture seule, Prodbook ne le remplace pas ` +
        `(indiquez un autre nom, ou autorisez son écriture).`,
    );
    expect(await fs.readFile(ro, "utf8")).toBe("à garder");
    expect((await fs.stat(ro)).mode & 0o777).toBe(0o444);
    expect((await fs.readdir(dossier())).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("--json -o : même refus, rien sur la sortie standard", async () => {
    const f = await devis("ro-devis-json.xlsx");
    const ro = await lectureSeule("ro-sortie-json.xlsx", "à garder");
    const r = await lancer(["devis", f, "--json", "-o", ro]);
    refus(r, /« .*ro-sortie-json\.xlsx » : le fichier est en lecture seule/);
    expect(await fs.readFile(ro, "utf8")).toBe("à garder");
  });

  it("carbone --csv sur un fichier en lecture seule : refusé, ni le CSV ni le classeur écrits", async () => {
    const f = await devis("ro-carbone.xlsx");
    const csv = await lectureSeule("ro-export.csv", "ancien export");
    const sortie = path.join(dossier(), "ro-carbone-sortie.xlsx");
    const r = await lancer(["carbone", f, "--csv", csv, "-o", sortie]);
    refus(r, /« .*ro-export\.csv » : le fichier est en lecture seule/, sortie);
    expect(await fs.readFile(csv, "utf8")).toBe("ancien export");
  });

  it("un fichier qu'on peut écrire est remplacé comme avant", async () => {
    const f = await devis("rw-devis.xlsx");
    const rw = path.join(dossier(), "rw-sortie.xlsx");
    await fs.writeFile(rw, "ancien");
    const r = await lancer(["devis", f, "-o", rw]);
    expect(r.code).toBe(0);
    expect(existsSync(rw)).toBe(true);
    expect((await fs.readFile(rw)).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("planning --livraison et --debut ensemble", () => {
  it("une erreur d'option, nommée par ses options et non par le classeur ; rien d'écrit", async () => {
    const f = await devis("planning-deux-dates.xlsx");
    const sortie = path.join(dossier(), "planning-deux-dates-sortie.xlsx");
    const r = await lancer(["planning", f, "--livraison", "2026-10-30", "--debut", "2026-04-01", "-o", sortie]);
    refus(
      r,
      "Les options --livraison et --debut s'excluent : le planning part soit de la livraison (à rebours), soit du début.",
      sortie,
    );
  });
});
