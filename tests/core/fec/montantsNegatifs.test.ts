/**
 * Negative amounts in Debit/Credit (« -12,00 », « (12,00) »): read as written and named by their lines
 * (ResultatFec.montantsNegatifs), the same whether the file is read whole or in parts side by side (the CLI's threads),
 * and in a ledger CSV. The amounts are never changed. Input: the real FEC
 * tests/fixtures/fec-reel/0000000001FEC20220831.txt with negatives written on lines far apart.
 */
import * as fs from "fs";
import * as path from "path";
import { analyserDebut, LecteurFec, lireGrandLivreCsv, devinerMapping } from "../../../src/core/comptabilite/fec";
import { assemblerFec } from "../../../src/core/comptabilite/fec/lecteurFec";

const REEL = path.resolve(__dirname, "../../fixtures/fec-reel/0000000001FEC20220831.txt");

describe("montants négatifs", () => {
  const lignes = fs.readFileSync(REEL, "utf8").split("\n");
  // Twelve lines with a non-zero Debit, spread over the file: their Debit written negative, two ways.
  const choisies = lignes
    .map((l, i) => ({ f: l.split("\t"), n: i + 1 }))
    .filter(({ f, n }) => n > 1 && f[11] && f[11] !== "0,00")
    .filter((_, k) => k % 200 === 7)
    .slice(0, 12);
  let retire = 0;
  for (const [k, { f, n }] of choisies.entries()) {
    retire += 2 * Math.round(Number(f[11].replace(",", ".")) * 100);
    f[11] = k % 2 ? `-${f[11]}` : `(${f[11]})`;
    lignes[n - 1] = f.join("\t");
  }
  const octets = new Uint8Array(Buffer.from(lignes.join("\n"), "utf8"));
  const numeros = choisies.map((c) => c.n);

  test("lu d'un bloc : le nombre, les dix premières lignes, les montants tels qu'écrits", () => {
    expect(numeros).toHaveLength(12);
    const avant = new LecteurFec();
    avant.pousser(new Uint8Array(fs.readFileSync(REEL)));
    const r0 = avant.terminer();
    expect(r0.montantsNegatifs).toBeUndefined();
    const l = new LecteurFec();
    l.pousser(octets);
    const r = l.terminer();
    expect(r.montantsNegatifs).toEqual({ nombre: 12, lignes: numeros.slice(0, 10) });
    expect(r.debit).toBe(r0.debit - retire);
    expect(r.erreurs).toEqual([]);
  });

  test("lu en parties (comme les fils de la CLI) : les mêmes lignes, numérotées dans le fichier", () => {
    const coupe = (n: number) => {
      let k = 0;
      for (let i = 0; i < n; i++) k = octets.indexOf(10, k) + 1;
      return k;
    };
    const bornes = [0, coupe(numeros[3]), coupe(numeros[8] + 1), octets.length];
    const entete = analyserDebut(octets.subarray(0, bornes[1])).premiereLigne;
    const parties = bornes.slice(0, -1).map((debut, i) => {
      const l = i === 0 ? new LecteurFec() : new LecteurFec({ suite: { entete } });
      l.pousser(octets.subarray(debut, bornes[i + 1]));
      return l.terminerPartiel();
    });
    expect(assemblerFec(parties).montantsNegatifs).toEqual({ nombre: 12, lignes: numeros.slice(0, 10) });
  });

  test("grand livre CSV : un débit « -12,00 » est nommé de même", () => {
    const csv = [
      "Journal;Date;N° pièce;Compte;Libellé;Débit;Crédit",
      "AC;05/01/2024;F001;613500;Location caméra;1 200,00;",
      "AC;05/01/2024;F001;401000;Location caméra;;1 200,00",
      "AC;06/01/2024;F002;613500;Avoir caméra;-200,00;",
      "AC;06/01/2024;F002;401000;Avoir caméra;;-200,00",
    ].join("\r\n");
    const r = lireGrandLivreCsv(csv, devinerMapping(csv.split("\r\n")[0].split(";"))!);
    expect(r.montantsNegatifs).toEqual({ nombre: 2, lignes: [4, 5] });
    expect([r.debit, r.credit]).toEqual([100000, 100000]);
  });
});
