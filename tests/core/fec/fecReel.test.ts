import * as fs from "fs";
import * as path from "path";
import { LecteurFec, lireFec } from "../../../src/core/comptabilite/fec";

const DOSSIER = path.resolve(__dirname, "../../fixtures/fec-reel");

/** Expected figures computed independently: simple split of the raw text, amounts summed as decimal strings. */
function attendu(fichier: string) {
  const brut = fs.readFileSync(path.join(DOSSIER, fichier), "latin1");
  const lignes = brut.split(/\r*\n|\r/).filter((l) => l.trim() !== "");
  const sep = lignes[0].includes("\t") ? "\t" : "|";
  const noms = lignes[0].split(sep).map((n) => n.trim().toLowerCase());
  const iD = noms.indexOf("debit");
  const iC = noms.indexOf("credit");
  const centimes = (s: string) => {
    const [e, d = ""] = s.trim().split(",");
    return BigInt(e || "0") * 100n + BigInt((d + "00").slice(0, 2));
  };
  let debit = 0n;
  let credit = 0n;
  for (const l of lignes.slice(1)) {
    const c = l.split(sep);
    debit += centimes(c[iD]);
    credit += centimes(c[iC]);
  }
  return { donnees: lignes.length - 1, debit: Number(debit), credit: Number(credit) };
}

const FICHIERS: [
  string,
  Partial<Record<"separateur" | "encodage" | "montants", string>> & { colonnes: number; bom: boolean },
][] = [
  [
    "0000000001FEC20220831.txt",
    { separateur: "tab", encodage: "utf-8", montants: "debit-credit", colonnes: 18, bom: true },
  ],
  [
    "000000000FEC20231231.txt",
    { separateur: "tab", encodage: "utf-8", montants: "debit-credit", colonnes: 22, bom: false },
  ],
  [
    "111111111FEC20221231.TXT",
    { separateur: "pipe", encodage: "windows-1252", montants: "debit-credit", colonnes: 18, bom: false },
  ],
  [
    "123456789FEC20500930.txt",
    { separateur: "tab", encodage: "utf-8", montants: "debit-credit", colonnes: 18, bom: false },
  ],
];

describe("FEC réels (neolegal-fr/fec-reader)", () => {
  test.each(FICHIERS)("%s : lu entièrement, équilibré au centime", (fichier, format) => {
    const a = attendu(fichier);
    const r = lireFec(new Uint8Array(fs.readFileSync(path.join(DOSSIER, fichier))));
    expect(r.erreurs).toEqual([]);
    expect(r.ecritures).toBe(a.donnees);
    expect(r.lignesDonnees).toBe(a.donnees);
    expect(r.debit).toBe(a.debit);
    expect(r.credit).toBe(a.credit);
    expect(r.debit).toBe(r.credit);
    expect(r.format).toMatchObject(format);
    let d = 0;
    let c = 0;
    for (const v of r.parClasse.values()) {
      d += v.debit;
      c += v.credit;
    }
    expect([d, c]).toEqual([r.debit, r.credit]);
  });

  test("les nombres de lignes du tableau de SOURCES.md (dans le dépôt, à côté des fichiers)", () => {
    const sources = fs.readFileSync(path.join(DOSSIER, "SOURCES.md"), "utf8");
    const annonce = new Map(
      [...sources.matchAll(/^\| (\S+FEC\S+) \|.*\| ([\d,]+) \|$/gm)].map((m) => [m[1], Number(m[2].replace(",", ""))]),
    );
    expect([...annonce.keys()].sort()).toEqual(FICHIERS.map(([f]) => f).sort());
    const n = FICHIERS.map(([f]) => lireFec(new Uint8Array(fs.readFileSync(path.join(DOSSIER, f)))).ecritures);
    expect(n).toEqual(FICHIERS.map(([f]) => annonce.get(f)));
    expect(n).toEqual([5422, 2102, 934, 10756]);
  });

  test("lecture par petits morceaux = lecture d'un bloc (CR CR LF coupé entre deux morceaux)", () => {
    const octets = new Uint8Array(fs.readFileSync(path.join(DOSSIER, "123456789FEC20500930.txt")));
    const l = new LecteurFec({ conserver: true });
    for (let i = 0; i < octets.length; i += 4093) l.pousser(octets.subarray(i, i + 4093));
    const r = l.terminer();
    const ref = lireFec(octets);
    expect([r.ecritures, r.debit, r.credit, r.comptes.size]).toEqual([
      ref.ecritures,
      ref.debit,
      ref.credit,
      ref.comptes.size,
    ]);
    expect(r.lignes!.length).toBe(10756);
    expect(r.lignes![0].ligne).toBe(2);
    expect(r.lignes![10755].ligne).toBe(10757);
  });

  test("accents décodés (UTF-8 avec BOM) et libellés conservés", () => {
    const r = lireFec(new Uint8Array(fs.readFileSync(path.join(DOSSIER, "0000000001FEC20220831.txt"))), {
      conserver: true,
    });
    expect(r.comptes.get("101500")?.libelle).toBe("Capital souscrit appelé, versé");
    expect(r.lignes![0].libelle).toBe("Report à nouveau");
  });

  test("FEC à champs remplis d'espaces et séparateur final : montants « 0000000069,60 »", () => {
    const r = lireFec(new Uint8Array(fs.readFileSync(path.join(DOSSIER, "111111111FEC20221231.TXT"))), {
      conserver: true,
    });
    expect(r.lignes![0]).toMatchObject({
      journal: "VE",
      compte: "70100000",
      credit: 6960,
      debit: 0,
      libelle: "VENTE NECTAR FRAISE",
      date: 20230109,
    });
  });
});
