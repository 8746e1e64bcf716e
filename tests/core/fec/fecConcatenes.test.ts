import * as fs from "fs";
import * as path from "path";
import { assemblerFec, LecteurFec, lireFec } from "../../../src/core/comptabilite/fec";

/**
 * Two FEC exports appended (the second header line mid-file) or one period exported twice: the header met again is
 * neither a rejected line nor an amount, named at its line; an entry listed twice (same JournalCode, EcritureNum,
 * EcritureDate and lines) is named with both line ranges and its amount, the totals kept as the file gives them.
 */
const E =
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
const l = (j: string, num: string, date: string, compte: string, d: string, c: string) =>
  `${j}\tJournal\t${num}\t${date}\t${compte}\tCpt\t\t\tP1\t${date}\tlib\t${d}\t${c}\t\t\t${date}\t\t`;

const premier = [
  E,
  l("AC", "1", "20240105", "606400", "100,00", "0,00"),
  l("AC", "1", "20240105", "401000", "0,00", "100,00"),
  l("AC", "2", "20240106", "641000", "250,50", "0,00"),
  l("AC", "2", "20240106", "421000", "0,00", "250,50"),
];
const second = [
  E,
  l("AC", "2", "20240106", "641000", "250,50", "0,00"),
  l("AC", "2", "20240106", "421000", "0,00", "250,50"),
  l("AC", "3", "20240107", "623000", "40,00", "0,00"),
  l("AC", "3", "20240107", "401000", "0,00", "40,00"),
];

describe("FEC mis bout à bout", () => {
  test("en-tête répété : ni ligne rejetée ni montant, alerte à sa ligne ; écriture en double nommée", () => {
    const r = lireFec([...premier, ...second].join("\n") + "\n");
    expect(r.erreurs).toEqual([]);
    expect(r.ecritures).toBe(8);
    expect(r.lignesDonnees).toBe(8);
    // The arithmetic of the file: AC 2 counted twice.
    expect([r.debit, r.credit]).toEqual([10000 + 25050 * 2 + 4000, 10000 + 25050 * 2 + 4000]);
    expect(r.entetesRepetes).toEqual([6]);
    expect(r.alertes).toContainEqual({
      ligne: 6,
      message: expect.stringContaining("En-tête du FEC répété (deux exports mis bout à bout ?)"),
      nature: "entete-repete",
    });
    expect(r.doublons).toEqual({
      nombre: 1,
      debit: 25050,
      nombreLignes: 2,
      ecritures: [
        {
          journal: "AC",
          ecritureNum: "2",
          date: 20240106,
          lignes: { du: 7, au: 8 },
          premieres: { du: 4, au: 5 },
          nombreLignes: 2,
          debit: 25050,
          credit: 25050,
        },
      ],
    });
  });

  test("la seconde copie commence par la marque UTF-8 : reconnue comme en-tête", () => {
    const r = lireFec([...premier, "\ufeff" + second[0], ...second.slice(1)].join("\r\n"));
    expect(r.erreurs).toEqual([]);
    expect(r.entetesRepetes).toEqual([6]);
  });

  test("même numéro, autres lignes ou autre date : pas un doublon", () => {
    const r = lireFec(
      [
        ...premier,
        l("AC", "2", "20240106", "641000", "250,51", "0,00"),
        l("AC", "2", "20240106", "421000", "0,00", "250,51"),
        l("AC", "1", "20240205", "606400", "100,00", "0,00"),
        l("AC", "1", "20240205", "401000", "0,00", "100,00"),
      ].join("\n"),
    );
    expect(r.doublons).toBeUndefined();
    expect(r.entetesRepetes).toBeUndefined();
  });

  test("une ligne qui ressemble à l'en-tête sans l'être reste rejetée", () => {
    const r = lireFec([...premier, E.replace("Debit", "Debit2")].join("\n"));
    expect(r.entetesRepetes).toBeUndefined();
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0].ligne).toBe(6);
  });

  test("lu en parties (coupées au milieu d'une écriture) : mêmes doublons, mêmes lignes", () => {
    const texte = Buffer.from([...premier, ...second, ...second.slice(1)].join("\n") + "\n");
    const entier = lireFec(texte);
    expect(entier.doublons?.nombre).toBe(3);
    const lignes = texte.toString().split("\n");
    // Cut after every line: each part read apart, as the parallel reading does, then assembled.
    for (let k = 2; k < lignes.length - 1; k++) {
      const debut = Buffer.from(lignes.slice(0, k).join("\n") + "\n");
      const p0 = new LecteurFec();
      p0.pousser(debut);
      const p1 = new LecteurFec({ suite: { entete: E } });
      p1.pousser(texte.subarray(debut.length));
      const r = assemblerFec([p0.terminerPartiel(), p1.terminerPartiel()]);
      expect({ doublons: r.doublons, entetes: r.entetesRepetes, debit: r.debit, erreurs: r.erreurs }).toEqual({
        doublons: entier.doublons,
        entetes: entier.entetesRepetes,
        debit: entier.debit,
        erreurs: entier.erreurs,
      });
    }
  });

  test("20 000 écritures exportées deux fois (plus d'un bloc d'enregistrement) : chacune nommée, en un fil comme en deux", () => {
    const n = 20_000;
    const copie = [E];
    for (let k = 1; k <= n; k++) {
      const montant = `${k},${String(k % 100).padStart(2, "0")}`;
      copie.push(
        l("AC", String(k), "20240105", "606400", montant, "0,00"),
        l("AC", String(k), "20240105", "401000", "0,00", montant),
      );
    }
    const texte = Buffer.from([...copie, ...copie].join("\n") + "\n");
    const entier = lireFec(texte);
    const lignesCopie = 2 * n + 1;
    expect(entier.doublons?.nombre).toBe(n);
    expect(entier.doublons?.nombreLignes).toBe(2 * n);
    expect(entier.doublons?.debit).toBe(entier.debit / 2);
    // The first one cited names its lines in the second copy; every entry is counted, those of the last blocks too.
    expect(entier.doublons?.ecritures[0]).toMatchObject({
      ecritureNum: "1",
      lignes: { du: lignesCopie + 2, au: lignesCopie + 3 },
    });
    // Cut in the second copy: the parallel reading's parts, assembled, find the same.
    const coupe = texte.indexOf(`\nAC\tJournal\t${n - 100}\t`, texte.length / 2) + 1;
    const p0 = new LecteurFec();
    p0.pousser(texte.subarray(0, coupe));
    const p1 = new LecteurFec({ suite: { entete: E } });
    p1.pousser(texte.subarray(coupe));
    const r = assemblerFec([p0.terminerPartiel(), p1.terminerPartiel()]);
    expect(r.doublons).toEqual(entier.doublons);
  });

  test("les FEC réels du dépôt n'ont ni doublon ni en-tête répété ; mis bout à bout, chaque écriture l'est", () => {
    const dir = path.join(__dirname, "../../fixtures/fec-reel");
    for (const f of fs.readdirSync(dir).filter((n) => /\.txt$/i.test(n))) {
      const octets = fs.readFileSync(path.join(dir, f));
      const seul = lireFec(octets);
      expect([f, seul.doublons, seul.entetesRepetes]).toEqual([f, undefined, undefined]);
      const deux = lireFec(
        Buffer.concat([octets, octets[octets.length - 1] === 10 ? Buffer.alloc(0) : Buffer.from("\n"), octets]),
      );
      expect(deux.entetesRepetes).toHaveLength(1);
      expect(deux.erreurs).toEqual(seul.erreurs.length ? expect.any(Array) : []);
      expect(deux.debit).toBe(seul.debit * 2);
      expect(deux.doublons!.debit).toBe(seul.debit);
    }
  });
});
