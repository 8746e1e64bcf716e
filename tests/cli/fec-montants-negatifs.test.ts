/**
 * Amounts written negative in the Debit or Credit column (« -12,00 », « (12,00) »: a reversal written as negatives)
 * are read as written — a negative debit or credit, never changed — and named: `prodbook fec` lists them (count and
 * first lines; `montantsNegatifs` in --json), `prodbook ecarts` gives an information finding `fec-montants-negatifs`
 * citing the lines. Input: the real FEC tests/fixtures/fec-reel/0000000001FEC20220831.txt, whose entry ACH 1
 * (lines 79–81) is rewritten with its three amounts negative.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { dossierTemporaire, espacesSimples, lancerCli, type ConstatJson } from "../helpers/cli";

const REEL = path.resolve(__dirname, "../fixtures/fec-reel/0000000001FEC20220831.txt");
const CORRESPONDANCES = path.resolve(__dirname, "../fixtures/fec/correspondances.csv");
const dossier = dossierTemporaire("fec-montants-negatifs-");
const lancer = async (args: string[]) => {
  const r = await lancerCli(main, args);
  return { ...r, out: espacesSimples(r.out) };
};
/** Cents of « 1234,56 », read here without Prodbook's reader. */
const cts = (s: string) => Math.round(Number(s.replace(",", ".")) * 100);
const euros = (c: number) => (c / 100).toFixed(2);

describe("montants négatifs au débit ou au crédit", () => {
  let fec: string;
  /** ACH 1's debit and credit as the real file writes them (positive), and its class-6 debit. */
  let debitAch1 = 0;
  let creditAch1 = 0;
  let debit6Ach1 = 0;
  beforeAll(() => {
    const lignes = fs.readFileSync(REEL, "utf8").split("\n");
    const ach1 = lignes
      .map((l, i) => ({ f: l.split("\t"), n: i + 1 }))
      .filter(({ f }) => f[0] === "ACH" && f[2] === "1");
    expect(ach1.map((x) => [x.n, x.f[4], x.f[11], x.f[12]])).toEqual([
      [79, "401000", "0,00", "184,03"],
      [80, "606300", "153,36", "0,00"],
      [81, "445661", "30,67", "0,00"],
    ]);
    // Written negative three ways: « -184,03 » in Credit, « (153,36) » and « -30,67 » in Debit.
    const [l79, l80, l81] = ach1;
    debitAch1 = cts("153,36") + cts("30,67");
    creditAch1 = cts("184,03");
    debit6Ach1 = cts("153,36");
    l79.f[12] = "-184,03";
    l80.f[11] = "(153,36)";
    l81.f[11] = "-30,67";
    for (const x of ach1) lignes[x.n - 1] = x.f.join("\t");
    fec = path.join(dossier(), "fec-negatifs.txt");
    fs.writeFileSync(fec, lignes.join("\n"));
  });

  test("fec : lues telles qu'écrites, nommées en texte et en --json", async () => {
    const avant = JSON.parse((await lancer(["fec", REEL, "--json"])).out);
    expect(avant.montantsNegatifs).toBeNull();
    const j = JSON.parse((await lancer(["fec", fec, "--json"])).out);
    expect(j.montantsNegatifs).toEqual({ nombre: 3, lignes: [79, 80, 81] });
    // Read as written: each amount counts negative (2 × its value less than the real file), nothing rejected.
    expect(j.erreurs).toEqual([]);
    expect(j.debit).toBe(euros(cts(avant.debit) - 2 * debitAch1));
    expect(j.credit).toBe(euros(cts(avant.credit) - 2 * creditAch1));
    expect(j.parClasse["6"].debit).toBe(euros(cts(avant.parClasse["6"].debit) - 2 * debit6Ach1));
    // The entry, all negative, still balances: no alerte on it.
    expect(j.alertes.filter((a: { ligne: number }) => a.ligne >= 79 && a.ligne <= 81)).toEqual([]);
    const texte = (await lancer(["fec", fec])).out;
    expect(texte).toContain(
      "  Montants négatifs :\n    3 lignes du FEC portent un montant négatif au débit ou au crédit (« -12,00 », " +
        "« (12,00) ») : lignes 79, 80 et 81. Elles sont lues telles qu'écrites, en débit ou crédit négatif, et le " +
        "réalisé les prend ainsi (une contre-passation écrite en négatif ?).",
    );
    expect((await lancer(["fec", REEL])).out).not.toContain("Montants négatifs");
  });

  test("ecarts : un constat d'information qui cite les lignes", async () => {
    const devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", CORRESPONDANCES, "--json"]);
    expect(r.code).toBe(0);
    const c = (JSON.parse(r.out).controles as (ConstatJson & { fec?: unknown })[]).filter(
      (x) => x.regle === "fec-montants-negatifs",
    );
    expect(c).toEqual([
      {
        regle: "fec-montants-negatifs",
        gravite: "info",
        message: expect.stringContaining("3 lignes du FEC portent un montant négatif au débit ou au crédit"),
        cellule: null,
        fec: { lignes: [79, 80, 81], nombreLignes: 3, comptes: [] },
      },
    ]);
    const texte = (await lancer(["ecarts", devis, "--fec", fec, "--correspondances", CORRESPONDANCES])).out;
    expect(texte).toMatch(
      /\[information\] Montants négatifs au grand livre — 3 lignes du FEC portent un montant négatif/,
    );
    const reel = await lancer(["ecarts", devis, "--fec", REEL, "--correspondances", CORRESPONDANCES, "--json"]);
    expect(reel.out).not.toContain("fec-montants-negatifs");
  });
});
