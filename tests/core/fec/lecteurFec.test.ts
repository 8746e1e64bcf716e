import * as iconv from "iconv-lite";
import { assemblerFec, FecFormatError, LecteurFec, lireFec } from "../../../src/core/comptabilite/fec";

const E =
  "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
const l = (num: string, compte: string, lib: string, d: string, c: string, date = "20240105") =>
  `AC|Achats|${num}|${date}|${compte}|Cpt|||P1|${date}|${lib}|${d}|${c}|||${date}||`;

describe("lecteur FEC", () => {
  test("séparateur dans EcritureLib : ligne récupérée avec une alerte qui nomme l'écriture", () => {
    const r = lireFec(
      [E, l("A1", "606400", "Café | croissants", "10,00", ""), l("A1", "401000", "Café", "", "10,00")].join("\n"),
      { conserver: true },
    );
    expect(r.erreurs).toEqual([]);
    expect(r.lignes![0].libelle).toBe("Café | croissants");
    expect(r.alertes).toEqual([{ ligne: 2, ecritureNum: "A1", message: expect.stringContaining("EcritureLib") }]);
    expect([r.debit, r.credit]).toEqual([1000, 1000]);
  });

  test("séparateur en trop impossible à situer : ligne rejetée avec son numéro", () => {
    // CompteLib, CompAuxLib, PieceRef or EcritureLib could each hold the stray "|": the line is refused.
    const r = lireFec([E, "AC|Achats|A1|20240105|606400|Cpt|F1|a|b|||lib|10,00|0,00|||20240105||"].join("\n"));
    expect(r.ecritures).toBe(0);
    expect(r.erreurs).toEqual([
      {
        ligne: 2,
        message: expect.stringMatching(
          /^Ligne 2 rejetée : 19 champs au lieu de 18 : séparateur en trop, champ ambigu \(EcritureLib ou CompteLib/,
        ),
      },
    ]);
  });

  test("séparateur en trop dont la lecture décalerait les montants : ligne rejetée avec son numéro", () => {
    // « Facture | 2024 » with an empty last field: read as a trailing separator, Debit would be 2024,00 and Credit
    // the real debit; read as a stray « | » in EcritureLib, Debit is 10,00. Both fit as well: rejected.
    const r = lireFec(
      [E, l("A1", "606400", "Facture | 2024", "10,00", ""), l("A2", "401000", "x", "", "3,00")].join("\n"),
    );
    expect(r.erreurs).toEqual([
      {
        ligne: 2,
        message:
          "Ligne 2 rejetée : 19 champs au lieu de 18 : séparateur en trop ou en fin de ligne, lecture ambiguë des montants " +
          "(EcritureLib ou séparateur final).",
      },
    ]);
    expect([r.ecritures, r.debit, r.credit]).toEqual([1, 0, 300]);
  });

  test("séparateur en trop : la lecture qui remplit les colonnes de montants et de dates l'emporte", () => {
    // Credit « 0,00 » written: the EcritureLib reading fills Debit, Credit, PieceDate, ValidDate; the trailing one
    // leaves ValidDate empty.
    const r = lireFec([E, l("A1", "606400", "Facture | 2024", "10,00", "0,00")].join("\n"), { conserver: true });
    expect(r.erreurs).toEqual([]);
    expect(r.lignes![0]).toMatchObject({ libelle: "Facture | 2024", debit: 1000, credit: 0 });
  });

  test("séparateur final sur chaque ligne (sans l'en-tête) : lu, puis une ligne à séparateur en trop est récupérée", () => {
    const f = (s: string) => s + "|";
    const r = lireFec(
      [
        E,
        f(l("A1", "606400", "Facture", "100,00", "")),
        f(l("A1", "401000", "Facture", "", "100,00")),
        f(l("A2", "606400", "Café | thé", "5,00", "0,00")),
        f(l("A2", "401000", "Café", "", "5,00")),
      ].join("\n"),
      { conserver: true },
    );
    expect(r.erreurs).toEqual([]);
    expect([r.ecritures, r.debit, r.credit]).toEqual([4, 10500, 10500]);
    expect(r.lignes![2]).toMatchObject({ libelle: "Café | thé", debit: 500, credit: 0 });
    expect(r.alertes).toEqual([{ ligne: 4, ecritureNum: "A2", message: expect.stringContaining("EcritureLib") }]);
  });

  test("écritures distinctes (JournalCode + EcritureNum) : les mêmes, lu d'un bloc ou en parties (lecture parallèle)", () => {
    const lignes = [
      l("A1", "606400", "x", "1,00", ""),
      l("A1", "401000", "x", "", "1,00"), // A1 straddles the border between the parts
      l("A2", "606400", "y", "2,00", ""),
      l("A2", "401000", "y", "", "2,00"),
      l("A1", "606400", "x", "1,00", "").replace("AC|", "VT|"), // same number, other journal: another entry
      l("A1", "401000", "x", "", "1,00").replace("AC|", "VT|"),
    ];
    const entier = lireFec([E, ...lignes].join("\n"));
    expect(entier.ecrituresDistinctes).toBe(3);
    const p0 = new LecteurFec();
    p0.pousser(new TextEncoder().encode([E, lignes[0]].join("\n") + "\n"));
    const p1 = new LecteurFec({ suite: { entete: E } });
    p1.pousser(new TextEncoder().encode(lignes.slice(1).join("\n")));
    const parties = assemblerFec([p0.terminerPartiel(), p1.terminerPartiel()]);
    expect([parties.ecritures, parties.ecrituresDistinctes]).toEqual([6, 3]);
  });

  test("écritures distinctes en parties : numéros dans l'ordre, hors d'ordre, repris plus loin, journaux entrelacés", () => {
    // Each case: the lines' numbers (journal « VT: » prefixed), cut into parts after the given line counts.
    const cas: [string[], number[]][] = [
      [
        ["9", "10", "10", "11", "VT:1", "12", "VT:2"],
        [2, 3],
      ], // 9 < 10 by length first; 10 straddles a border
      [["A1", "A2", "A3", "A1"], [2]], // A1 again in the second part: not added twice
      [["A3", "A1", "A2", "A1"], [1]], // out of order within a part
      [["A5", "A6", "A2", "A3"], [2]], // each part in order, the second starts before the first ended
      [
        ["A1", "A1", "A1", "A2"],
        [1, 1],
      ], // one entry over three parts
      [
        ["VT:A1", "A1", "VT:A1", "A2"],
        [1, 2],
      ], // an entry of another journal, listed again after a border
    ];
    for (const [nums, coupes] of cas) {
      const lignes = nums.map((n) =>
        n.startsWith("VT:")
          ? l(n.slice(3), "606400", "x", "1,00", "").replace("AC|", "VT|")
          : l(n, "606400", "x", "1,00", ""),
      );
      const attendu = new Set(nums).size;
      expect(lireFec([E, ...lignes].join("\n")).ecrituresDistinctes).toBe(attendu);
      const parties = [];
      let debut = 0;
      for (const fin of [...coupes.map((c, i) => coupes.slice(0, i + 1).reduce((a, b) => a + b, 0)), lignes.length]) {
        const p = debut === 0 ? new LecteurFec() : new LecteurFec({ suite: { entete: E } });
        const texte = (debut === 0 ? [E] : []).concat(lignes.slice(debut, fin)).join("\n") + "\n";
        p.pousser(new TextEncoder().encode(texte));
        parties.push(p.terminerPartiel());
        debut = fin;
      }
      expect([nums.join(" "), assemblerFec(parties).ecrituresDistinctes]).toEqual([nums.join(" "), attendu]);
    }
  });

  test("écriture déséquilibrée (JournalCode + EcritureNum), même non contiguë", () => {
    const r = lireFec(
      [
        E,
        l("B7", "606400", "x", "10,00", "0"),
        l("B8", "606400", "y", "5,00", ""),
        l("B8", "401000", "y", "", "5,00"),
        l("B7", "401000", "x", "", "9,99"),
      ].join("\r\n"),
    );
    expect(r.alertes).toEqual([
      {
        ligne: 2,
        ecritureNum: "B7",
        message: "Écriture AC B7 déséquilibrée : débit − crédit = 0,01\u00a0€.",
        nature: "desequilibre",
      },
    ]);
  });

  test("Montant/Sens en +1/-1, montant vide = 0, tabulation et CR CR LF", () => {
    const t = [
      "journalcode\tjournallib\tecriturenum\tecrituredate\tcomptenum\tcomptelib\tcompauxnum\tcompauxlib\tpieceref\tpiecedate\tecriturelib\tmontant\tsens\tecriturelet\tdatelet\tvaliddate\tmontantdevise\tidevise",
      "OD\tOD\t1\t20240229\t641100\tSalaires\t\t\tP\t20240229\tPaie\t1234.5\t+1\t\t\t20240301\t\t",
      "OD\tOD\t1\t20240229\t421000\tPersonnel\t\t\tP\t20240229\tPaie\t1234,50\t-1\t\t\t20240301\t\t",
      "OD\tOD\t2\t20240229\t421000\tPersonnel\t\t\tP\t20240229\tVide\t\tD\t\t\t20240301\t\t",
    ].join("\r\r\n");
    const r = lireFec(t);
    expect(r.format).toMatchObject({ separateur: "tab", montants: "montant-sens", colonnes: 18 });
    expect([r.ecritures, r.debit, r.credit]).toEqual([3, 123450, 123450]);
    expect(r.parClasse.get("6")).toEqual({ debit: 123450, credit: 0 });
  });

  test("Windows-1252 détecté (é = 0xE9), ou imposé", () => {
    const b = new Uint8Array(
      iconv.encode(
        [E, l("1", "606400", "Thé glacé", "1,00", ""), l("1", "401000", "Thé glacé", "", "1,00")].join("\n"),
        "windows-1252",
      ),
    );
    const r = lireFec(b, { conserver: true });
    expect(r.format.encodage).toBe("windows-1252");
    expect(r.lignes![0].libelle).toBe("Thé glacé");
    expect(lireFec(b, { encodage: "windows-1252" }).format).toMatchObject({
      encodage: "windows-1252",
      encodageForce: true,
    });
  });

  test("dates impossibles et montants illisibles : raison en français et numéro de ligne physique", () => {
    const r = lireFec(
      [E, "", l("1", "606400", "x", "1,00", "", "20230229"), l("1", "606400", "x", "1,0O", "")].join("\n"),
    );
    expect(r.erreurs).toEqual([
      { ligne: 3, message: "Ligne 3 rejetée : EcritureDate « 20230229 » n'est pas une date AAAAMMJJ valide." },
      { ligne: 4, message: "Ligne 4 rejetée : Debit « 1,0O » n'est pas un montant." },
    ]);
    expect(r.lignesVides).toBe(1);
  });

  test("en-tête sans colonnes obligatoires, fichier vide : erreur de format", () => {
    expect(() => lireFec("JournalCode|CompteNum|Libelle\nAC|606|x\n")).toThrow(FecFormatError);
    expect(() => lireFec("JournalCode|CompteNum|Libelle\n")).toThrow(
      /EcritureNum, EcritureDate, Debit\/Credit ou Montant\/Sens/,
    );
    expect(() => lireFec("")).toThrow(/vide/);
  });

  test("un texte sans séparateur : dit en clair, sans référence d'article de loi", () => {
    let message = "";
    try {
      lireFec("Réunion de production du 12 mars\nOrdre du jour\n");
    } catch (e) {
      expect(e).toBeInstanceOf(FecFormatError);
      message = (e as Error).message;
    }
    expect(message).toBe(
      "Ligne 1 : le fichier n'a pas les colonnes d'un FEC (JournalCode, EcritureNum, CompteNum…, séparées par des " +
        "tabulations ou des « | »), ni celles d'un grand livre CSV lisible (colonnes Compte, Date et Débit/Crédit ou " +
        "Montant/Sens, séparées par « ; » ou « , »).",
    );
    expect(message).not.toMatch(/A\.?47|LPF|article/);
  });

  test("une colonne de la norme absente : alerte sans référence d'article de loi", () => {
    const sansLib = E.split("|")
      .filter((c) => c !== "CompteLib")
      .join("|");
    const r = lireFec(`${sansLib}\n`);
    expect(r.alertes.map((a) => a.message)).toEqual([
      "Colonne prévue par la norme FEC (18 colonnes) absente de l'en-tête : CompteLib. Les montants sont lus ; les " +
        "comptes n'auront pas de libellé. Demandez un FEC complet au cabinet comptable.",
    ]);
  });
});
