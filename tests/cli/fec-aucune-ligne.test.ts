/**
 * A FEC with no usable line — only its header, or every line rejected — is never said « équilibré »: its zero totals
 * prove nothing. `prodbook fec` says « aucune ligne lue » (and how many lines were rejected), its JSON adds
 * `aucuneLigneLue`; `prodbook ecarts` says the réalisé is read from no line (`grand-livre-sans-charges`). Inputs are
 * built from the real FEC tests/fixtures/fec-reel/000000000FEC20231231.txt.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { dossierTemporaire, espacesSimples, lancerCli, type ConstatJson } from "../helpers/cli";

const REEL = path.resolve(__dirname, "../fixtures/fec-reel/000000000FEC20231231.txt");
const CORRESPONDANCES = path.resolve(__dirname, "../fixtures/fec/correspondances.csv");
const dossier = dossierTemporaire("fec-aucune-ligne-");
const lancer = async (args: string[]) => {
  const r = await lancerCli(main, args);
  return { ...r, out: espacesSimples(r.out) };
};

describe("FEC sans ligne utilisable", () => {
  let enteteSeul: string;
  let toutRejete: string;
  let devis: string;
  beforeAll(async () => {
    const lignes = fs.readFileSync(REEL, "utf8").split(/\r?\n/);
    enteteSeul = path.join(dossier(), "entete-seul.txt");
    fs.writeFileSync(enteteSeul, `${lignes[0]}\n`);
    // Three real lines whose EcritureDate (4th field) is no date: each is rejected by the reader.
    const abimees = lignes.slice(1, 4).map((l) => {
      const f = l.split("\t");
      expect(f[3]).toMatch(/^\d{8}$/);
      f[3] = "31/02/XX";
      return f.join("\t");
    });
    toutRejete = path.join(dossier(), "tout-rejete.txt");
    fs.writeFileSync(toutRejete, [lignes[0], ...abimees, ""].join("\n"));
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
  });

  test("en-tête seul : « aucune ligne lue », jamais « équilibré »", async () => {
    const r = await lancer(["fec", enteteSeul]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Lignes importées : 0 sur 0 ligne de données (0 rejetée)");
    expect(r.out).toContain("Débit : 0,00 €   Crédit : 0,00 €   (aucune ligne lue)");
    expect(r.out).not.toMatch(/équilibré/i);
    const j = JSON.parse((await lancer(["fec", enteteSeul, "--json"])).out);
    expect([j.ecritures, j.lignesImportees, j.aucuneLigneLue, j.debit, j.credit]).toEqual([0, 0, true, "0.00", "0.00"]);
  });

  test("toutes les lignes rejetées : « aucune ligne lue, 3 lignes rejetées »", async () => {
    const r = await lancer(["fec", toutRejete]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Lignes importées : 0 sur 3 lignes de données (3 rejetées)");
    expect(r.out).toContain("Débit : 0,00 €   Crédit : 0,00 €   (aucune ligne lue, 3 lignes rejetées)");
    expect(r.out).not.toMatch(/équilibré/i);
    const j = JSON.parse((await lancer(["fec", toutRejete, "--json"])).out);
    expect([j.ecritures, j.aucuneLigneLue, j.erreurs.map((e: { ligne: number }) => e.ligne)]).toEqual([
      0,
      true,
      [2, 3, 4],
    ]);
  });

  test("un FEC lu garde « équilibré » et aucuneLigneLue faux", async () => {
    const r = await lancer(["fec", REEL]);
    expect(r.out).toContain("Débit : 1 265 350,82 €   Crédit : 1 265 350,82 €   (équilibré)");
    expect(JSON.parse((await lancer(["fec", REEL, "--json"])).out).aucuneLigneLue).toBe(false);
  });

  test("ecarts : le réalisé n'est lu d'aucune ligne, en-tête seul ou tout rejeté", async () => {
    const constat = async (fec: string) => {
      const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", CORRESPONDANCES, "--json"]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as { controles: ConstatJson[] };
      return j.controles.filter((c) => c.regle === "grand-livre-sans-charges").map((c) => espacesSimples(c.message));
    };
    expect(await constat(enteteSeul)).toEqual([
      "Aucune ligne du FEC n'est lue (en-tête seul) : le réalisé n'est lu d'aucune ligne, il vaut 0,00 € partout " +
        "sans rien prouver. Vérifiez le fichier exporté et sa période.",
    ]);
    expect(await constat(toutRejete)).toEqual([
      "Aucune ligne du FEC n'est lue (3 lignes rejetées, aucune importée) : le réalisé n'est lu d'aucune ligne, il " +
        "vaut 0,00 € partout sans rien prouver. Vérifiez le fichier exporté et sa période.",
    ]);
    const texte = (await lancer(["ecarts", devis, "--fec", toutRejete, "--correspondances", CORRESPONDANCES])).out;
    expect(texte).toContain("[alerte] Grand livre sans charges — Aucune ligne du FEC n'est lue (3 lignes rejetées");
  });
});
