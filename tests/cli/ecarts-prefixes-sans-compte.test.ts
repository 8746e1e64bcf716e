/**
 * A correspondance whose account prefix starts no account of the ledger read (« 0641 » typed for « 641 », « 6999 »)
 * maps nothing: `prodbook ecarts` (and `carbone --fec`, through the same réalisé) says so as an alerte naming the CSV
 * line or the sheet cell and the key, instead of accepting it silently. The default PCG table's generic prefixes are
 * never named (one ledger need not use them all), even once written to the Correspondances sheet and read back.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { dossierTemporaire, espacesSimples, lancerCli, type ConstatJson as Controle } from "../helpers/cli";

const FEC = path.resolve(__dirname, "../fixtures/fec/production-2024.txt");

const lancer = (args: string[]) => lancerCli(main, args);

const sansCompte = (cs: Controle[]) =>
  cs.filter((c) => c.regle === "correspondance-sans-compte").map((c) => [c.gravite, espacesSimples(c.message)]);

const dossier = dossierTemporaire("ecarts-prefixes-");

describe("prodbook ecarts : une correspondance qui ne commence aucun compte du grand livre est nommée", () => {
  let devis: string;
  let corr: string;
  beforeAll(async () => {
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    corr = path.join(dossier(), "correspondances.csv");
    // 641, 611, 625 start accounts of the fixture (641100, 611000, 625100); 0641 and 6999 start none.
    fs.writeFileSync(
      corr,
      "compte;poste;libelle\n641;2;Salaires\n0641;2;Zéro en tête\n611;8;Post-production\n6999;8;Inexistant\n625;6;Déplacements\n",
    );
  });

  test("fichier de correspondances : l'alerte nomme le fichier, la ligne et la clé ; les préfixes trouvés ne disent rien", async () => {
    const r = await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as { controles: Controle[] };
    expect(sansCompte(j.controles)).toEqual([
      [
        "alerte",
        "correspondances.csv, ligne 3 : aucun compte du grand livre ne commence par « 0641 » ; la correspondance " +
          "0641 → 2 n'affecte aucune ligne.",
      ],
      [
        "alerte",
        "correspondances.csv, ligne 5 : aucun compte du grand livre ne commence par « 6999 » ; la correspondance " +
          "6999 → 8 n'affecte aucune ligne.",
      ],
    ]);
    // The text names them too, with the finding's French title.
    const texte = espacesSimples((await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr])).out);
    expect(texte).toContain(
      "[alerte] Correspondance sans compte du grand livre — correspondances.csv, ligne 3 : aucun compte du grand " +
        "livre ne commence par « 0641 »",
    );
  });

  test("feuille Correspondances relue : l'alerte nomme la cellule ; la table par défaut écrite puis relue ne dit rien", async () => {
    const sortie = path.join(dossier(), "ecarts.xlsx");
    expect((await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", sortie])).code).toBe(0);
    // The sheet as written: where each key sits, read here, not assumed.
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const ws = lu.getWorksheet("Correspondances")!;
    const cellules: Record<string, string> = {};
    ws.eachRow((row, r) => {
      const v = String(row.getCell(1).value ?? "");
      if (v === "0641" || v === "6999") cellules[v] = `Correspondances!A${r}`;
    });
    expect(Object.keys(cellules).sort()).toEqual(["0641", "6999"]);
    const r = await lancer(["ecarts", sortie, "--fec", FEC, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(sansCompte((JSON.parse(r.out) as { controles: Controle[] }).controles).map((c) => c[1])).toEqual([
      `${cellules["0641"]} : aucun compte du grand livre ne commence par « 0641 » ; la correspondance 0641 → 2 ` +
        "n'affecte aucune ligne.",
      `${cellules["6999"]} : aucun compte du grand livre ne commence par « 6999 » ; la correspondance 6999 → 8 ` +
        "n'affecte aucune ligne.",
    ]);

    // The default table (many generic prefixes this small ledger does not use): nothing said, neither directly nor
    // once written to the Correspondances sheet and read back from it.
    const defaut = await lancer(["ecarts", devis, "--fec", FEC, "--json"]);
    expect(sansCompte((JSON.parse(defaut.out) as { controles: Controle[] }).controles)).toEqual([]);
    const ecrit = path.join(dossier(), "ecarts-defaut.xlsx");
    expect((await lancer(["ecarts", devis, "--fec", FEC, "-o", ecrit])).code).toBe(0);
    const relu = await lancer(["ecarts", ecrit, "--fec", FEC, "--json"]);
    expect(relu.err).toBe("");
    const j = JSON.parse(relu.out) as { controles: Controle[]; correspondances?: unknown };
    expect(sansCompte(j.controles)).toEqual([]);
  });

  test("carbone --fec : le même réalisé, la même alerte", async () => {
    const r = await lancer([
      "carbone",
      devis,
      "--fec",
      FEC,
      "--correspondances",
      corr,
      "--date",
      "2026-06-01",
      "--json",
    ]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out) as { controles: Controle[] };
    expect(sansCompte(j.controles).map((c) => c[1])).toEqual([
      expect.stringMatching(/^correspondances\.csv, ligne 3 : aucun compte du grand livre ne commence par « 0641 »/),
      expect.stringMatching(/^correspondances\.csv, ligne 5 : aucun compte du grand livre ne commence par « 6999 »/),
    ]);
  });
});
