import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { ecrireClasseurs } from "../core/financement/plans";
import { classeurPlanning } from "../core/planning/classeur";
import { lancerCli } from "../helpers/cli";

/** Every cell of the README's exit-code table, command by command. */
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FIX = path.resolve(__dirname, "../fixtures/fec");
const FEC = path.join(FIX, "production-2024.txt");
const CORR = path.join(FIX, "correspondances.csv");

async function code(args: string[]) {
  const r = await lancerCli(main, args);
  if (r.code === 2) {
    expect(r.sortie).toEqual([]);
    expect(r.err).not.toMatch(/Erreur interne|\bat .+:\d+:\d+|Unknown|Error:/);
  }
  return r.code;
}

let dir: string;
let absent: string;
let fecRejet: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-codes-"));
  absent = path.join(dir, "absent.xlsx");
  fecRejet = path.join(dir, "rejet.txt");
  const entete =
    "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|" +
    "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
  fs.writeFileSync(
    fecRejet,
    [
      entete,
      "AC|Achats|1|20240105|606400|Fournitures|||F1|20240105|Café|100,00|0,00|||20240110||",
      "AC|Achats|1|20240105|401000|Fournisseurs|||F1|20240105|Café|0,00|100,00|||20240110||",
      "AC|Achats|2|20240231|606400|Fournitures|||F2|20240105|Date impossible|10,00|0,00|||20240110||",
    ].join("\n") + "\n",
  );
});

describe("codes de sortie du README", () => {
  test("devis : 0 fait (constats compris), 1 avec --strict et une erreur, 2 entrée invalide", async () => {
    expect(await code(["devis", EXEMPLE, "--json"])).toBe(0);
    expect(await code(["devis", EXEMPLE, "--json", "--strict"])).toBe(1);
    expect(await code(["devis", absent])).toBe(2);
  });

  test("fec : 0 même avec des lignes rejetées, 1 avec --strict, 2 entrée invalide", async () => {
    expect(await code(["fec", fecRejet, "--json"])).toBe(0);
    expect(await code(["fec", fecRejet, "--json", "--strict"])).toBe(1);
    expect(await code(["fec", FEC, "--strict"])).toBe(0);
    expect(await code(["fec", path.join(dir, "absent.txt")])).toBe(2);
  });

  test("ecarts : 0 fait (lignes rejetées comprises), 1 avec --strict et une erreur, 2 entrée invalide ou option obligatoire absente", async () => {
    const devis = path.join(dir, "devis-ecarts.xlsx");
    await ecrireDevisTest(devis);
    expect(await code(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json"])).toBe(0);
    expect(await code(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--strict"])).toBe(0);
    // A rejected line is a finding « erreur » (lignes-fec-rejetees): part of the result, 1 only with --strict.
    expect(await code(["ecarts", devis, "--fec", fecRejet, "--correspondances", CORR, "--json"])).toBe(0);
    expect(await code(["ecarts", devis, "--fec", fecRejet, "--correspondances", CORR, "--strict"])).toBe(1);
    expect(await code(["ecarts", devis, "--correspondances", CORR])).toBe(2);
    // Without --correspondances: the default table (or the workbook's « Correspondances » sheet), as in the pane.
    expect(await code(["ecarts", devis, "--fec", FEC])).toBe(0);
  });

  test("financement : 0 fait, 1 avec --strict et une erreur, 2 entrée invalide ou coût introuvable", async () => {
    const c = await ecrireClasseurs();
    const args = ["financement", c.cinema, "--cout", "2000000", "--json", "--date", "2026-01-15"];
    expect(await code(args)).toBe(0);
    expect(await code([...args, "--strict"])).toBe(1);
    expect(await code(["financement", absent])).toBe(2);
    expect(await code(["financement", EXEMPLE])).toBe(2); // a devis, no plan de financement
  });

  test("planning : 0 fait, 1 avec --strict et une erreur, 2 entrée invalide", async () => {
    const f = await classeurPlanning(path.join(dir, "planning.xlsx"));
    expect(await code(["planning", f, "--livraison", "2026-05-15", "--json"])).toBe(0);
    expect(await code(["planning", f, "--livraison", "2026-05-15", "--json", "--strict"])).toBe(1);
    expect(await code(["planning", f, "--livraison", "2026-02-30"])).toBe(2);
  });

  test("credit-impot : 0 fait, jamais 1 (pas de --strict), 2 entrée invalide ou --regime/--genre absents", async () => {
    const args = ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52"];
    expect(await code([...args, "--annee", "2025", "--json"])).toBe(0);
    expect(await code([...args, "--annee", "2025", "--strict"])).toBe(2);
    expect(await code(["credit-impot", EXEMPLE, "--genre", "fiction"])).toBe(2);
    expect(await code(["credit-impot", EXEMPLE, "--regime", "cinema"])).toBe(2);
  });

  test("carbone, regles, versions : jamais 1 (pas de --strict), 2 entrée invalide", async () => {
    expect(await code(["regles", "--json"])).toBe(0);
    expect(await code(["regles", "--strict"])).toBe(2);
    expect(await code(["carbone", EXEMPLE, "--strict"])).toBe(2);
    expect(await code(["carbone", absent])).toBe(2);
    expect(await code(["versions", "lister", absent])).toBe(2);
  });
});
