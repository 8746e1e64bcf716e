import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as path from "path";
import { analyserDebut, LecteurFec } from "../../../src/core/comptabilite/fec";
import { assemblerFec } from "../../../src/core/comptabilite/fec/lecteurFec";

/**
 * The core side of the parallel FEC reading (src/cli/commands/fec.ts cuts the file, tests/cli/fecParallele.test.ts
 * runs it with worker threads): the file cut at line ends where the CLI cuts it, the first part read with its
 * header, each other one given the header line as the CLI reads it (analyserDebut: mark dropped), the parts
 * assembled. On every real FEC of tests/fixtures/fec-reel (and one in Windows-1252), in 2 to 9 parts: the same
 * result as one reading — header read once, separator and encoding kept, line numbers global.
 */
const REEL = path.join(__dirname, "../../fixtures/fec-reel");
const FICHIERS = fs.readdirSync(REEL).filter((f) => /\.txt$/i.test(f));

/** The CLI's cut: after the first LF at or after each i/n of the file, never inside the header line. */
function bornes(octets: Uint8Array, n: number): number[] {
  const finEntete = octets.indexOf(10) + 1;
  const out = [0];
  for (let i = 1; i < n; i++) {
    const k = octets.indexOf(10, Math.max(finEntete, Math.floor((octets.length * i) / n)));
    if (k < 0 || k + 1 <= out[out.length - 1]) break;
    out.push(k + 1);
  }
  out.push(octets.length);
  return out;
}

function enParties(octets: Uint8Array, n: number) {
  const b = bornes(octets, n);
  const entete = analyserDebut(octets.subarray(0, b[1])).premiereLigne;
  const parties = b.slice(0, -1).map((debut, i) => {
    const l = i === 0 ? new LecteurFec() : new LecteurFec({ suite: { entete } });
    // Chunks of 64 KiB, as a stream gives them.
    for (let p = debut; p < b[i + 1]; p += 65536) l.pousser(octets.subarray(p, Math.min(p + 65536, b[i + 1])));
    return l.terminerPartiel();
  });
  return { parties: parties.length, resultat: assemblerFec(parties) };
}

const cas: [string, Uint8Array][] = [
  ...FICHIERS.map((f): [string, Uint8Array] => [f, new Uint8Array(fs.readFileSync(path.join(REEL, f)))]),
  [
    "000000000FEC20231231.txt en Windows-1252",
    new Uint8Array(iconv.encode(fs.readFileSync(path.join(REEL, "000000000FEC20231231.txt"), "utf8"), "windows-1252")),
  ],
];

describe("lecture d'un FEC réel en parties (comme les fils de la CLI) = lecture d'un seul tenant", () => {
  it.each(cas)("%s", (_nom, octets) => {
    const seul = new LecteurFec();
    seul.pousser(octets);
    const attendu = seul.terminer();
    expect(attendu.ecritures).toBeGreaterThan(100);
    for (const n of [2, 3, 4, 9]) {
      const { parties, resultat } = enParties(octets, n);
      expect(parties).toBe(n);
      expect([n, resultat]).toEqual([n, attendu]);
    }
  });

  it.each(cas.slice(0, 2))(
    "%s : les premières lignes de chaque compte, numéros du fichier, en 4 parties",
    (_nom, octets) => {
      // Independent figure: the lines kept one by one (conserver), grouped by account.
      const garde = new LecteurFec({ conserver: true });
      garde.pousser(octets);
      const parCompte = new Map<string, number[]>();
      const lignes = garde.terminer().lignes!;
      for (const l of lignes) parCompte.set(l.compte, [...(parCompte.get(l.compte) ?? []), l.ligne]);
      // The first part ends about a quarter down the file.
      const quart = lignes[lignes.length - 1].ligne / 4;
      const { resultat } = enParties(octets, 4);
      expect(resultat.comptes.size).toBe(parCompte.size);
      let auDela = 0;
      for (const [compte, ls] of parCompte) {
        const s = resultat.comptes.get(compte)!;
        expect([compte, s.lignes, s.nombreLignes]).toEqual([compte, ls.slice(0, 10), ls.length]);
        if (ls[Math.min(9, ls.length - 1)] > quart) auDela++;
      }
      // Some accounts have lines read by a later part: the offsets are tried.
      expect(auDela).toBeGreaterThan(0);
    },
  );

  it("le fichier en Windows-1252 est lu comme tel, par chaque partie", () => {
    const octets = cas[cas.length - 1][1];
    expect(enParties(octets, 4).resultat.format.encodage).toBe("windows-1252");
  });
});
