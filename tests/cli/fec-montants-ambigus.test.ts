import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { lancerCli } from "../helpers/cli";

/**
 * `prodbook fec` and `prodbook ecarts -o` on a real FEC (123456789FEC20500930.txt, 10 756 lines, CR CR LF) rewritten
 * as an export may write some amounts: « 215,000 » (three decimals) and « 3.000 » (dot grouping). The file's « 0,00 » prove a decimal comma: read by it, the totals are the original file's; the decision
 * and its evidence are an alerte (--json alertes, line 0), listed by ecarts with its findings and on the Écarts and
 * Coût définitif sheets. The same amounts in a file that proves both conventions are refused, each with its line.
 */
const REEL = path.join(__dirname, "../fixtures/fec-reel/123456789FEC20500930.txt");
const CORR = path.join(__dirname, "../fixtures/fec/correspondances.csv");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-fec-ambigus-"));

/** The real file with the Debit / Credit of `lignes` (physical numbers) rewritten by `f`. */
function variante(nom: string, f: (montant: string, ligne: number) => string): string {
  const lignes = fs.readFileSync(REEL, "latin1").split("\n");
  for (let i = 1; i < lignes.length; i++) {
    const cs = lignes[i].split("\t");
    if (cs.length < 18) continue;
    cs[11] = f(cs[11], i + 1);
    cs[12] = f(cs[12], i + 1);
    lignes[i] = cs.join("\t");
  }
  const chemin = path.join(dir, nom);
  fs.writeFileSync(chemin, lignes.join("\n"), "latin1");
  return chemin;
}

/** « 3000,00 » → « 3.000 », « 215,00 » → « 215,000 »: both ambiguous, both meaning the original amount in a comma file. */
const ambigu = (m: string) =>
  m.replace(/^([1-9]\d{0,2})000,00$/, "$1.000").replace(/^([1-9]\d{0,2}),(\d\d)$/, "$1,$20");

type Fec = {
  debit: string;
  credit: string;
  erreurs: { ligne: number; message: string }[];
  alertes: { ligne: number; message: string }[];
};

describe("FEC réel aux montants « 3.000 » / « 215,000 » : lus selon la convention prouvée par le fichier", () => {
  const resolu = variante("ambigus.txt", ambigu);

  test("fec --json : les totaux du fichier d'origine, aucune ligne rejetée, l'alerte de la convention en ligne 0", async () => {
    const ref = JSON.parse((await lancerCli(main, ["fec", REEL, "--json"])).out) as Fec;
    const r = await lancerCli(main, ["fec", resolu, "--json", "--strict"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Fec;
    expect([j.debit, j.credit, j.erreurs]).toEqual([ref.debit, ref.credit, []]);
    expect(j.alertes.slice(1)).toEqual(ref.alertes);
    expect(j.alertes[0].ligne).toBe(0);
    expect(j.alertes[0].message).toMatch(
      /^Convention du fichier : virgule décimale, prouvée ligne 2 \(aucun montant au point décimal\) ; [\d ]+\u00a0montants ambigus \(un seul séparateur suivi de trois chiffres\) lus selon elle : ligne \d+ (Debit|Credit) « /,
    );
    // The text output says it too.
    const t = await lancerCli(main, ["fec", resolu]);
    expect(t.out).toContain("Convention du fichier\u00a0: virgule décimale, prouvée ligne 2");
  });

  test("ecarts -o : la convention et sa preuve dans les constats (--json controles) et sur « Écarts » et « Coût définitif »", async () => {
    const sortie = path.join(dir, "ecarts.xlsx");
    const ref = JSON.parse(
      (await lancerCli(main, ["ecarts", EXEMPLE, "--fec", REEL, "--correspondances", CORR, "--json"])).out,
    );
    const r = await lancerCli(main, [
      "ecarts",
      EXEMPLE,
      "--fec",
      resolu,
      "--correspondances",
      CORR,
      "-o",
      sortie,
      "--json",
    ]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as typeof ref;
    expect(j.totaux).toEqual(ref.totaux);
    const convention = (j.controles as { regle: string; message: string }[]).filter((c) =>
      c.message.startsWith("Convention"),
    );
    expect(convention.map((c) => c.regle)).toEqual(["grand-livre-fichier"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    for (const nom of ["Écarts", "Coût définitif"]) {
      const lignes: ExcelJS.CellValue[][] = [];
      wb.getWorksheet(nom)!.eachRow((row) => lignes.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));
      expect(lignes.filter((l) => l[3] === convention[0].message)).toEqual([
        ["Alerte", "Fichier du grand livre à vérifier", null, convention[0].message],
      ]);
    }
  });

  test("le fichier écrit aussi « 0.00 » (point décimal) : chaque montant ambigu rejeté, sa ligne, ses deux lectures, les deux preuves", async () => {
    const mixte = variante("mixte.txt", (m, ligne) =>
      ligne === 5 ? m.replace(",", ".") : ligne === 101 ? ambigu(m) : m,
    );
    const r = await lancerCli(main, ["fec", mixte, "--json"]);
    const j = JSON.parse(r.out) as Fec;
    expect(j.erreurs.length).toBeGreaterThan(0);
    for (const e of j.erreurs) {
      expect(e.ligne).toBe(101);
      expect(e.message).toMatch(
        /^Ligne 101 rejetée : (Debit|Credit) « [\d.,]+ » peut se lire .+ et le fichier écrit ses montants des deux façons : virgule décimale ligne 2, point décimal ligne 5 \(écrivez « /,
      );
    }
    expect(j.alertes.filter((a) => a.message.startsWith("Convention"))).toEqual([]);
    // --strict: a rejected line stops a script (exit 1).
    expect((await lancerCli(main, ["fec", mixte, "--strict"])).code).toBe(1);
  });
});
