import * as fs from "fs";
import * as path from "path";
import { analyserDebut, LecteurFec } from "../../../src/core/comptabilite/fec";
import { assemblerFec } from "../../../src/core/comptabilite/fec/lecteurFec";

/**
 * Dates written AAAA-MM-JJ or JJ/MM/AAAA instead of AAAAMMJJ (exports that are not A47 A-1 to the letter): read as
 * written — both forms are unambiguous — and said once for the whole file, naming its first such line, even when the
 * file is read in parts (the parallel reading); a date that is in neither form, or impossible, still rejects its line.
 */
const SOURCE = fs
  .readFileSync(path.join(__dirname, "../../fixtures/fec/production-2024.txt"), "utf8")
  .replace(/\n$/, "")
  .split("\n");

/** The fixture with EcritureDate rewritten by `forme` on the data lines (line numbers: header = 1). */
function fichier(forme: (aaaammjj: string, ligne: number) => string): Uint8Array {
  const lignes = SOURCE.map((l, i) => {
    if (i === 0) return l;
    const c = l.split("\t");
    c[3] = forme(c[3], i + 1);
    return c.join("\t");
  });
  return new TextEncoder().encode(lignes.join("\n") + "\n");
}

const jjmmaaaa = (d: string) => `${d.slice(6, 8)}/${d.slice(4, 6)}/${d.slice(0, 4)}`;
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

function lire(octets: Uint8Array, parties = 1) {
  if (parties === 1) {
    const l = new LecteurFec({ conserver: true });
    l.pousser(octets);
    return assemblerFec([l.terminerPartiel()]);
  }
  const finEntete = octets.indexOf(10) + 1;
  const entete = analyserDebut(octets.subarray(0, finEntete)).premiereLigne;
  const coupe = octets.indexOf(10, Math.floor(octets.length / 2)) + 1;
  const a = new LecteurFec({ conserver: true });
  a.pousser(octets.subarray(0, coupe));
  const b = new LecteurFec({ conserver: true, suite: { entete } });
  b.pousser(octets.subarray(coupe));
  return assemblerFec([a.terminerPartiel(), b.terminerPartiel()]);
}

const reference = lire(fichier((d) => d));

describe("FEC : dates AAAA-MM-JJ ou JJ/MM/AAAA", () => {
  test.each([1, 2])("JJ/MM/AAAA dès la ligne 5 (en %i partie(s)) : lues, une alerte pour le fichier", (parties) => {
    const r = lire(
      fichier((d, ligne) => (ligne >= 5 ? jjmmaaaa(d) : d)),
      parties,
    );
    expect(r.erreurs).toEqual([]);
    expect([r.debit, r.credit, r.ecritures]).toEqual([reference.debit, reference.credit, reference.ecritures]);
    expect(r.lignes!.map((l) => l.date)).toEqual(reference.lignes!.map((l) => l.date));
    expect(r.alertes).toEqual([
      {
        ligne: 0,
        message:
          "Dates écrites JJ/MM/AAAA au lieu de AAAAMMJJ (format de l'article A47 A-1 du LPF), la première ligne 5 " +
          "(EcritureDate « 31/01/2024 ») : lues comme écrites, le jour avant le mois. Corrigez l'export comptable " +
          "pour un FEC conforme.",
      },
    ]);
  });

  test("AAAA-MM-JJ lues ; « 2024/01/31 », « 31-01-2024 » et « 31/02/2024 » rejettent leur ligne", () => {
    const r = lire(
      fichier((d, ligne) =>
        ligne === 3 ? "2024/01/10" : ligne === 4 ? "31-01-2024" : ligne === 6 ? "31/02/2024" : iso(d),
      ),
    );
    expect(r.erreurs.map((e) => e.message)).toEqual([
      "Ligne 3 rejetée : EcritureDate « 2024/01/10 » n'est pas une date AAAAMMJJ valide.",
      "Ligne 4 rejetée : EcritureDate « 31-01-2024 » n'est pas une date AAAAMMJJ valide.",
      "Ligne 6 rejetée : EcritureDate « 31/02/2024 » n'est pas une date AAAAMMJJ valide.",
    ]);
    expect(r.ecritures).toBe(reference.ecritures - 3);
    expect(r.periode).toEqual({ du: 20240110, au: 20240325 });
    expect(r.alertes.filter((a) => a.ligne === 0).map((a) => a.message)).toEqual([
      "Dates écrites AAAA-MM-JJ au lieu de AAAAMMJJ (format de l'article A47 A-1 du LPF), la première ligne 2 " +
        "(EcritureDate « 2024-01-10 ») : lues comme écrites. Corrigez l'export comptable pour un FEC conforme.",
    ]);
  });
  test.each([1, 2])("une ligne rejetée ne compte pas comme la première date lue (en %i partie(s))", (parties) => {
    // Line 2 (AAAA-MM-JJ) refused for its Debit, line 3 as the norm, from line 4 on AAAA-MM-JJ: line 4 is named.
    const lignes = new TextDecoder()
      .decode(fichier((d, ligne) => (ligne === 2 || ligne >= 4 ? iso(d) : d)))
      .split("\n");
    const c = lignes[1].split("\t");
    c[11] = "douze";
    lignes[1] = c.join("\t");
    const r = lire(new TextEncoder().encode(lignes.join("\n")), parties);
    expect(r.erreurs.map((e) => e.ligne)).toEqual([2]);
    expect(r.alertes.filter((a) => a.ligne === 0).map((a) => a.message)).toEqual([
      "Dates écrites AAAA-MM-JJ au lieu de AAAAMMJJ (format de l'article A47 A-1 du LPF), la première ligne 4 " +
        "(EcritureDate « 2024-01-31 ») : lues comme écrites. Corrigez l'export comptable pour un FEC conforme.",
    ]);
  });
});
