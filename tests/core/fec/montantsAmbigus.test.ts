import * as fs from "fs";
import * as path from "path";
import { analyserDebut, LecteurFec, type ResultatFec } from "../../../src/core/comptabilite/fec";
import { assemblerFec } from "../../../src/core/comptabilite/fec/lecteurFec";

/**
 * A FEC amount whose lone « . » or « , » precedes exactly three digits (« 13.000 », « 45,900 ») reads two ways. The
 * reader defers such a line to the end of the file and reads it by the convention the file's other amounts prove
 * (« 1234,56 »: decimal comma; « 1234.56 »: decimal dot), saying so in one alerte of the whole file; without a
 * proof, or with both, the line is refused with its number and both readings. On a real FEC
 * (0000000001FEC20220831.txt, 5 422 lines, decimal comma), rewritten the ways an export may write its amounts:
 * read by the convention, every figure is the original file's, to the cent.
 */
const REEL = path.join(__dirname, "../../fixtures/fec-reel/0000000001FEC20220831.txt");
const DEBIT = 11;
const CREDIT = 12;

function lire(octets: Uint8Array | string): ResultatFec {
  const l = new LecteurFec({ conserver: true });
  if (typeof octets === "string") l.pousserTexte(octets);
  else for (let p = 0; p < octets.length; p += 65536) l.pousser(octets.subarray(p, p + 65536));
  return l.terminer();
}

/** The real file with its Debit and Credit fields rewritten by `f` (null: unchanged); the lines changed, by number. */
function reecrit(f: (montant: string, ligne: number, champ: number) => string | null): {
  texte: string;
  changees: number[];
} {
  const lignes = fs.readFileSync(REEL, "utf8").split("\n");
  const changees: number[] = [];
  for (let i = 1; i < lignes.length; i++) {
    const cs = lignes[i].split("\t");
    if (cs.length < 18) continue;
    let change = false;
    for (const k of [DEBIT, CREDIT]) {
      const n = f(cs[k], i + 1, k);
      if (n !== null && n !== cs[k]) {
        cs[k] = n;
        change = true;
      }
    }
    if (change) {
      changees.push(i + 1);
      lignes[i] = cs.join("\t");
    }
  }
  return { texte: lignes.join("\n"), changees };
}

/** Thousands written « 13.000 » (dot grouping) and cents written « 45,900 » (three decimals): comma files. */
const ambiguVirgule = (m: string) =>
  m.replace(/^([1-9]\d{0,2})000,00$/, "$1.000").replace(/^([1-9]\d{0,2}),(\d\d)$/, "$1,$20");
/** The same file as a dot-decimal export writes it. */
const point = (m: string) => m.replace(",", ".");
/** « 13,000 » (comma grouping) and « 45.900 » in a dot-decimal file. */
const ambiguPoint = (m: string) =>
  m.replace(/^([1-9]\d{0,2})000,00$/, "$1,000").replace(/^([1-9]\d{0,2}),(\d\d)$/, "$1.$20");

/** The result without its first alerte (the convention's), which must be it. */
function sansConvention(r: ResultatFec, debut: string): ResultatFec {
  expect(r.alertes[0]).toMatchObject({ ligne: 0, message: expect.stringMatching(new RegExp(`^${debut}`)) });
  return { ...r, alertes: r.alertes.slice(1) };
}

describe("FEC : montant « 12.000 » lu selon la convention que prouve le fichier", () => {
  const reference = lire(new Uint8Array(fs.readFileSync(REEL)));

  test("virgule décimale prouvée (ligne 2) : « 13.000 » = 13 000,00 €, « 45,900 » = 45,90 €, au centime près du fichier d'origine", () => {
    const { texte, changees } = reecrit(ambiguVirgule);
    expect(changees.length).toBeGreaterThan(100);
    const r = lire(texte);
    expect(r.erreurs).toEqual([]);
    expect(
      sansConvention(
        r,
        "Convention du fichier : virgule décimale, prouvée ligne 2 \\(aucun montant au point décimal\\) ; ",
      ),
    ).toEqual(reference);
    const message = r.alertes[0].message;
    const n = (message.match(/ligne \d+ (Debit|Credit) « /g) ?? []).length;
    expect(n).toBe(8); // the first eight, then « … »
    expect(message).toMatch(/ ; et \d[\d ]* autres\. Vérifiez-les dans l'export comptable\.$/);
    // The first one named is the first line changed, with its text and what it was read as.
    const premiere = changees[0];
    expect(message).toMatch(new RegExp(`lus selon elle : ligne ${premiere} (Debit|Credit) « [\\d.,]+ » = `));
  });

  test("point décimal prouvé : « 13,000 » = 13 000,00 €, « 45.900 » = 45,90 € ; l'alerte cite la preuve", () => {
    const refPoint = lire(reecrit(point).texte);
    expect([refPoint.erreurs, refPoint.debit, refPoint.credit]).toEqual([[], reference.debit, reference.credit]);
    const r = lire(reecrit((m) => (ambiguPoint(m) !== m ? ambiguPoint(m) : point(m))).texte);
    expect(r.erreurs).toEqual([]);
    expect(
      sansConvention(
        r,
        "Convention du fichier : point décimal, prouvé ligne 2 \\(aucun montant à la virgule décimale\\)",
      ),
    ).toEqual(refPoint);
  });

  test("une seule ligne ambiguë, sa preuve plus loin dans le fichier : lue à sa place (Grand livre dans l'ordre)", () => {
    // Line 2's credit « 13500,00 » proves nothing once written « 13500 »; the first proof is then further down.
    const { texte } = reecrit((m, ligne, k) =>
      ligne === 2 ? m.replace(",00", "") : ligne === 20 && k === DEBIT ? "111,000" : null,
    );
    const r = lire(texte);
    expect(r.erreurs).toEqual([]);
    expect(r.alertes[0].message).toBe(
      "Convention du fichier : virgule décimale, prouvée ligne 3 (aucun montant au point décimal) ; 1\u00a0montant ambigu " +
        "(un seul séparateur suivi de trois chiffres) lu selon elle : ligne 20 Debit « 111,000 » = 111,00\u00a0€. " +
        "Vérifiez-le dans l'export comptable.",
    );
    expect(r.lignes!.map((l) => l.ligne)).toEqual(reference.lignes!.map((l) => l.ligne));
    expect(r.lignes![18]).toEqual(reference.lignes![18]);
  });

  test("les deux conventions dans le fichier : chaque ligne ambiguë rejetée, son numéro, ses deux lectures et les deux preuves", () => {
    const { texte } = reecrit((m, ligne, k) =>
      ligne === 3 ? point(m) : ligne === 20 && k === DEBIT ? "111.000" : null,
    );
    const r = lire(texte);
    expect(r.erreurs).toEqual([
      {
        ligne: 20,
        message:
          "Ligne 20 rejetée : Debit « 111.000 » peut se lire 111,00\u00a0€ ou 111\u202f000,00\u00a0€ et le fichier écrit ses " +
          "montants des deux façons : virgule décimale ligne 2, point décimal ligne 3 (écrivez « 111,00 » ou « 111000,00 »).",
      },
    ]);
    expect(r.ecritures + r.erreurs.length).toBe(reference.ecritures);
    expect(r.alertes.filter((a) => a.message.startsWith("Convention"))).toEqual([]);
  });

  test("rien ne prouve la convention : rejetée avec les deux lectures ; la ligne se prouve elle-même par son autre montant", () => {
    const entete = fs
      .readFileSync(REEL, "utf8")
      .replace(/^\ufeff/, "")
      .split("\n")[0];
    const ligne = (debit: string, credit: string) =>
      `AC\tAchats\t1\t20220105\t606400\tFournitures\t\t\tF1\t20220105\tPapier\t${debit}\t${credit}\t\t\t20220105\t\t`;
    const r = lire([entete, ligne("12.000", ""), ligne("", "12000")].join("\n"));
    expect(r.erreurs).toEqual([
      {
        ligne: 2,
        message:
          "Ligne 2 rejetée : Debit « 12.000 » peut se lire 12,00\u00a0€ ou 12\u202f000,00\u00a0€ et aucun autre montant du " +
          "fichier ne dit lequel (ni « 1234,56 » ni « 1234.56 ») (écrivez « 12,00 » ou « 12000,00 »).",
      },
    ]);
    // « 0,00 » beside it proves a decimal comma: the dot groups thousands.
    const seule = lire([entete, ligne("12.000", "0,00")].join("\n"));
    expect([seule.erreurs, seule.debit]).toEqual([[], 1200000]);
    expect(seule.alertes[0].message).toMatch(
      /^Convention du fichier : virgule décimale, prouvée ligne 2 .* = 12\u202f000,00\u00a0€\./,
    );
    // Below the cent by the file's convention: refused, saying so.
    const sous = lire([entete, ligne("0,00", "0,00"), ligne("12,345", "")].join("\n"));
    expect(sous.erreurs.map((e) => e.message)).toEqual([
      "Ligne 3 rejetée : Debit « 12,345 » se lit 12,345 € selon la convention du fichier (virgule décimale, prouvée " +
        "ligne 2) : plus de deux décimales, ce n'est pas un montant au centime.",
    ]);
  });

  test("lu en parties (les fils de la CLI) : le même résultat, lignes différées comprises, numéros de ligne du fichier", () => {
    const { texte } = reecrit(ambiguVirgule);
    const octets = new TextEncoder().encode(texte);
    const seul = lire(octets);
    for (const n of [2, 4]) {
      const finEntete = octets.indexOf(10) + 1;
      const b = [0];
      for (let i = 1; i < n; i++) b.push(octets.indexOf(10, Math.floor((octets.length * i) / n)) + 1);
      b.push(octets.length);
      const entete = analyserDebut(octets.subarray(0, finEntete)).premiereLigne;
      const parties = b.slice(0, -1).map((debut, i) => {
        const l = new LecteurFec(i === 0 ? { conserver: true } : { conserver: true, suite: { entete } });
        l.pousser(octets.subarray(debut, b[i + 1]));
        return l.terminerPartiel();
      });
      expect([n, assemblerFec(parties)]).toEqual([n, seul]);
    }
  });
});
