/**
 * One EcritureNum used in several journals (« 0 » in ac, ve, bq, od, ca and AD of the real FEC
 * tests/fixtures/fec-reel/000000000FEC20231231.txt): an unbalanced entry is named by its journal and number
 * (« Écriture od 0 déséquilibrée »), in `prodbook fec`'s alerte and text as in `prodbook ecarts`'s finding, never the
 * ambiguous « Écriture 0 déséquilibrée ».
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { dossierTemporaire, espacesSimples, lancerCli, type ConstatJson } from "../helpers/cli";

const REEL = path.resolve(__dirname, "../fixtures/fec-reel/000000000FEC20231231.txt");
const CORRESPONDANCES = path.resolve(__dirname, "../fixtures/fec/correspondances.csv");
const dossier = dossierTemporaire("fec-journal-desequilibre-");
const lancer = async (args: string[]) => {
  const r = await lancerCli(main, args);
  return { ...r, out: espacesSimples(r.out) };
};

describe("écriture déséquilibrée nommée par son journal", () => {
  let fec: string;
  let ligneOd: number;
  beforeAll(() => {
    const lignes = fs.readFileSync(REEL, "utf8").split("\n");
    const champs = (n: number) => lignes[n - 1].replace(/\r$/, "").split("\t");
    // EcritureNum « 0 » in six journals of the real file.
    const journaux = new Set(
      lignes
        .slice(1)
        .filter((l) => l.split("\t")[2] === "0")
        .map((l) => l.split("\t")[0]),
    );
    expect([...journaux].sort()).toEqual(["AD", "ac", "bq", "ca", "od", "ve"]);
    // The first line of journal od, entry 0: its debit raised by 1,00 €.
    ligneOd = lignes.findIndex((l) => /^od\t[^\t]*\t0\t/.test(l)) + 1;
    const f = champs(ligneOd);
    expect(f[11]).toBe("1971,00");
    f[11] = "1972,00";
    lignes[ligneOd - 1] = f.join("\t") + (lignes[ligneOd - 1].endsWith("\r") ? "\r" : "");
    fec = path.join(dossier(), "fec-od-0.txt");
    fs.writeFileSync(fec, lignes.join("\n"));
  });

  test("fec : « Écriture od 0 déséquilibrée », en --json et en texte", async () => {
    const j = JSON.parse((await lancer(["fec", fec, "--json"])).out);
    const alertes = (j.alertes as { ecritureNum?: string; message: string }[]).filter((a) => a.ecritureNum === "0");
    expect(alertes).toEqual([
      {
        ligne: expect.any(Number),
        ecritureNum: "0",
        message: "Écriture od 0 déséquilibrée : débit − crédit = 1,00 €.",
      },
    ]);
    const texte = (await lancer(["fec", fec])).out;
    expect(texte).toMatch(/Ligne \d+ : écriture od 0 déséquilibrée : débit − crédit = 1,00 €\./);
    expect(texte).not.toMatch(/écriture 0 déséquilibrée/i);
  });

  test("ecarts : le constat nomme la même écriture, « écriture od 0 »", async () => {
    const devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", CORRESPONDANCES, "--json"]);
    expect(r.code).toBe(0);
    const c = (JSON.parse(r.out).controles as ConstatJson[]).find((x) => x.regle === "fec-ecritures-desequilibrees")!;
    expect(c.message).toMatch(/: écriture od 0 \(ligne \d+\) débit − crédit = 1,00 €/);
  });
});
