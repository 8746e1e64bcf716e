import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as path from "path";
import {
  analyserDebut,
  contradictionEncodage,
  decoderOctets,
  estEbcdic,
  FecFormatError,
  LecteurFec,
  lireFec,
  natureBinaire,
  TABLES_8_BITS,
  type ResultatFec,
} from "../../../src/core/comptabilite/fec";

/**
 * EBCDIC (IBM-1147, the French euro code page, which article A47 A-1 of the LPF allows: « ASCII, norme ISO 8859-15 ou
 * EBCDIC ») and CP850 (DOS), read by table then like any FEC. Real FEC files of tests/fixtures/fec-reel are written in
 * each code page here and must read back to the same lines, texts and totals, to the cent.
 */
const REEL = path.join(__dirname, "../../fixtures/fec-reel");
const FIXTURES = ["000000000FEC20231231.txt", "0000000001FEC20220831.txt", "123456789FEC20500930.txt"];
const texteReel = (f: string) =>
  fs
    .readFileSync(path.join(REEL, f), "utf8")
    .replace(/^\ufeff/, "")
    .replace(/\r\n|\r/g, "\n");

/** The inverse of the reader's table (the two record ends left out: each line end is written as asked). */
const INVERSE = new Map<string, number>();
for (let o = 255; o >= 0; o--) if (o !== 0x15 && o !== 0x25) INVERSE.set(TABLES_8_BITS.ebcdic[o], o);

/** Text → IBM-1147 bytes by the inverse of the reader's table; each line end written `fin`. */
function enEbcdic(texte: string, fin: number[]): Uint8Array {
  const sortie = new Uint8Array(texte.length * 2);
  let k = 0;
  for (const c of texte) {
    if (c === "\n") for (const o of fin) sortie[k++] = o;
    else {
      const o = INVERSE.get(c);
      if (o === undefined) throw new Error(`pas en IBM-1147 : ${c}`);
      sortie[k++] = o;
    }
  }
  return sortie.slice(0, k);
}

/** What must be the same whatever the encoding: lines, texts, totals. */
function essentiel(r: ResultatFec) {
  return {
    importees: r.ecritures,
    debit: r.debit,
    credit: r.credit,
    erreurs: r.erreurs,
    comptes: [...r.comptes].map(([k, v]) => [k, v.libelle, v.debit, v.credit]),
    lignes: r.lignes?.map((l) => [
      l.ligne,
      l.journal,
      l.ecritureNum,
      l.date,
      l.compte,
      l.compteLib,
      l.compAux,
      l.pieceRef,
      l.libelle,
      l.debit,
      l.credit,
    ]),
  };
}

describe("table IBM-1147 (mapping ICU ibm-1147_P100-1997 / IBM-297 avec l'euro)", () => {
  const t = TABLES_8_BITS.ebcdic;
  test("les positions publiées : chiffres F0–F9, lettres C1–E9 et 81–A9, espace 40, tabulation 05, « | » BB", () => {
    expect(t.slice(0xf0, 0xfa)).toBe("0123456789");
    expect(t.slice(0xc1, 0xca) + t.slice(0xd1, 0xda) + t.slice(0xe2, 0xea)).toBe("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    expect(t.slice(0x81, 0x8a) + t.slice(0x91, 0x9a) + t.slice(0xa2, 0xaa)).toBe("abcdefghijklmnopqrstuvwxyz");
    expect([t[0x40], t[0x05], t[0xbb], t[0x4f], t[0x6b], t[0x4b], t[0x60], t[0x61]]).toEqual([
      " ",
      "\t",
      "|",
      "!",
      ",",
      ".",
      "-",
      "/",
    ]);
  });
  test("les lettres françaises et l'euro : é C0, è D0, à 7C, ç E0, ù 6A, € 9F (¤ en IBM-297), fins NL 15 et LF 25", () => {
    expect([t[0xc0], t[0xd0], t[0x7c], t[0xe0], t[0x6a], t[0x9f], t[0x0d]]).toEqual([
      "é",
      "è",
      "à",
      "ç",
      "ù",
      "€",
      "\r",
    ]);
    expect([t[0x15], t[0x25]]).toEqual(["\n", "\n"]);
    // A bijection apart from the two record ends.
    expect(new Set(t).size).toBe(255);
  });
  test("CP850 : la table est celle d'iconv-lite, octet par octet", () => {
    const tous = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(TABLES_8_BITS.cp850).toBe(iconv.decode(Buffer.from(tous), "cp850"));
    expect(decoderOctets(tous, "cp850")).toBe(iconv.decode(Buffer.from(tous), "cp850"));
  });
});

describe("FEC en EBCDIC (IBM-1147)", () => {
  test.each(FIXTURES)("%s écrit en EBCDIC (fins NL, LF, CR LF) : détecté, mêmes lignes, textes et totaux", (f) => {
    const texte = texteReel(f);
    const attendu = essentiel(lireFec(new TextEncoder().encode(texte), { conserver: true }));
    expect(attendu.importees).toBeGreaterThan(2000);
    for (const fin of [[0x15], [0x25], [0x0d, 0x25]]) {
      const b = enEbcdic(texte, fin);
      expect(estEbcdic(b.subarray(0, 4096))).toBe(true);
      const r = lireFec(b, { conserver: true });
      expect(r.format).toMatchObject({ encodage: "ebcdic", encodageForce: false });
      expect(essentiel(r)).toEqual(attendu);
      expect(essentiel(lireFec(b, { conserver: true, encodage: "ebcdic" }))).toEqual(attendu);
    }
  });

  test("lu par petits morceaux (7 octets) : la première ligne est attendue avant de décider", () => {
    const texte = texteReel(FIXTURES[0]);
    const b = enEbcdic(texte, [0x15]);
    const l = new LecteurFec();
    for (let i = 0; i < b.length; i += 7) l.pousser(b.subarray(i, i + 7));
    const r = l.terminer();
    expect(r.format.encodage).toBe("ebcdic");
    expect(essentiel(r)).toEqual(essentiel(lireFec(new TextEncoder().encode(texte))));
  });

  test("« € » (9F) et les accents d'un libellé, séparateur « | » (BB)", () => {
    const entete =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|" +
      "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
    const texte =
      `${entete}\nAC|Achats|1|20240105|606400|Régie à façon|||P1|20240105|Cachet 1 200 € élève|1200,00|0,00|||20240105||\n` +
      `AC|Achats|1|20240105|401000|Fournisseurs|||P1|20240105|Cachet 1 200 € élève|0,00|1200,00|||20240105||\n`;
    const r = lireFec(enEbcdic(texte, [0x15]), { conserver: true });
    expect(r.format).toMatchObject({ encodage: "ebcdic", separateur: "pipe" });
    expect(r.lignes!.map((l) => [l.compteLib, l.libelle])).toEqual([
      ["Régie à façon", "Cachet 1 200 € élève"],
      ["Fournisseurs", "Cachet 1 200 € élève"],
    ]);
    expect([r.debit, r.credit]).toEqual([120000, 120000]);
  });

  test("espaces insécables (U+00A0) en bord de champ gardés, écriture en double nommée : comme en UTF-8 et CP850", () => {
    const entete =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|" +
      "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
    const ecriture =
      "AC|Achats|1|20240105|606400|\u00a0Régie\u00a0|||P1|20240105| Cachet\u00a0|12,00|0,00|||20240105||\n" +
      "AC|Achats|1|20240105|401000|Fournisseurs|||P1|20240105| Cachet\u00a0|0,00|12,00|||20240105||\n";
    const autre = ecriture.replace(/\|1\|/g, "|2|");
    const texte = `${entete}\n${ecriture}${autre}${ecriture}`;
    const utf8 = lireFec(new TextEncoder().encode(texte), { conserver: true });
    expect(utf8.lignes![0]).toMatchObject({ compteLib: "\u00a0Régie\u00a0", libelle: "Cachet\u00a0" });
    expect(utf8.alertes.map((a) => a.message)).toContainEqual(expect.stringMatching(/^Écriture en double/));
    for (const r of [
      lireFec(enEbcdic(texte, [0x15]), { conserver: true }),
      lireFec(iconv.encode(texte, "cp850"), { conserver: true, encodage: "cp850" }),
    ]) {
      expect(essentiel(r)).toEqual(essentiel(utf8));
      expect(r.alertes).toEqual(utf8.alertes);
    }
  });

  test("les octets décident seuls : un fichier ASCII, UTF-8 ou Windows-1252 n'est jamais pris pour de l'EBCDIC", () => {
    for (const f of fs.readdirSync(REEL).filter((x) => /fec/i.test(x))) {
      const b = fs.readFileSync(path.join(REEL, f));
      expect(estEbcdic(b.subarray(0, 4096))).toBe(false);
      expect(lireFec(b).format.encodage).not.toBe("ebcdic");
    }
    const cp1252 = iconv.encode(texteReel(FIXTURES[1]), "windows-1252");
    expect(estEbcdic(cp1252)).toBe(false);
  });

  test("la première ligne, tabulation 05 et NL 15, n'est pas prise pour des octets binaires ; analyserDebut la lit", () => {
    const b = enEbcdic(texteReel(FIXTURES[0]), [0x15]).subarray(0, 4096);
    expect(natureBinaire(b)).toBeUndefined();
    const d = analyserDebut(b);
    expect(d).toMatchObject({ ebcdic: true, csv: false });
    expect(d.premiereLigne.startsWith("JournalCode\tJournalLib\t")).toBe(true);
    expect(d.binaire).toBeUndefined();
  });

  test("un autre encodage imposé sur un fichier EBCDIC, ou l'EBCDIC imposé sur un fichier ASCII : refus qui le dit", () => {
    const b = enEbcdic(texteReel(FIXTURES[0]), [0x15]);
    expect(() => lireFec(b, { encodage: "windows-1252" })).toThrow(
      new FecFormatError(
        "Ligne 1 : le fichier est encodé en EBCDIC (IBM-1147, français) : sa ligne d'en-tête se lit dans ce jeu de " +
          "caractères et n'a aucune lettre ASCII ; l'encodage Windows-1252 demandé ne peut pas le lire. Choisissez " +
          "l'encodage EBCDIC (IBM-1147, français) ou la détection automatique.",
      ),
    );
    expect(() => lireFec(fs.readFileSync(path.join(REEL, FIXTURES[0])), { encodage: "ebcdic" })).toThrow(
      "Ligne 1 : le fichier n'est pas encodé en EBCDIC (IBM-1147, français) : sa ligne d'en-tête se lit en ASCII",
    );
  });
});

describe("FEC en CP850 (DOS), imposé", () => {
  test.each(FIXTURES)("%s écrit en CP850 et lu en CP850 : mêmes lignes, textes et totaux", (f) => {
    // CP850 has no « € » (iconv-lite would write « ? »): « EUR » in both readings.
    const texte = texteReel(f).replace(/€/g, "EUR");
    const attendu = essentiel(lireFec(new TextEncoder().encode(texte), { conserver: true }));
    const b = iconv.encode(texte, "cp850");
    const r = lireFec(b, { conserver: true, encodage: "cp850" });
    expect(r.format).toMatchObject({ encodage: "cp850", encodageForce: true });
    expect(r.format.contradictionEncodage).toBeUndefined();
    expect(essentiel(r)).toEqual(attendu);
  });

  test("jamais détecté : sans --encodage le même fichier est lu en Windows-1252 (les octets ne les distinguent pas)", () => {
    const b = iconv.encode(texteReel(FIXTURES[1]), "cp850");
    expect(lireFec(b).format.encodage).toBe("windows-1252");
  });

  test("CP850 imposé sur un fichier UTF-8 : la contradiction est dite, comme pour Windows-1252", () => {
    const b = fs.readFileSync(path.join(REEL, FIXTURES[0]));
    const r = lireFec(b, { encodage: "cp850" });
    expect(r.format.contradictionEncodage).toMatchObject({ force: "cp850", montre: "utf-8" });
    expect(contradictionEncodage(Uint8Array.from([0xc3, 0xa9]), "cp850")).toEqual({
      force: "cp850",
      montre: "utf-8",
      attendu: "é",
      lu: "├®",
    });
  });
});

describe("FEC en UTF-16 avec une page de code imposée", () => {
  test("converti quoi qu'on impose : CP850 ou EBCDIC comme Windows-1252, mêmes lignes, même format, rien à dire", () => {
    const texte = texteReel(FIXTURES[1]);
    const attendu = essentiel(lireFec(new TextEncoder().encode(texte), { conserver: true }));
    for (const [enc, octets] of [
      ["utf-16le", iconv.encode("\ufeff" + texte, "utf16le")],
      ["utf-16be", iconv.encode("\ufeff" + texte, "utf16be")],
      ["utf-16le", iconv.encode(texte, "utf16le")],
    ] as const) {
      const temoin = lireFec(octets, { conserver: true, encodage: "windows-1252" });
      expect(temoin.format).toMatchObject({ encodage: enc, encodageForce: false });
      expect(essentiel(temoin)).toEqual(attendu);
      for (const page of ["cp850", "ebcdic"] as const) {
        const r = lireFec(octets, { conserver: true, encodage: page });
        expect(r.format).toEqual(temoin.format);
        expect(r.alertes).toEqual(temoin.alertes);
        expect(essentiel(r)).toEqual(attendu);
        // The start pushed in small chunks (7 bytes): the same decision once the first line is there.
        const l = new LecteurFec({ encodage: page });
        for (let i = 0; i < 4096; i += 7) l.pousser(octets.subarray(i, Math.min(i + 7, 4096)));
        l.pousser(octets.subarray(4096));
        const m = l.terminer();
        expect(m.format).toEqual(temoin.format);
        expect([m.ecritures, m.debit, m.credit]).toEqual([attendu.importees, attendu.debit, attendu.credit]);
      }
    }
  });
});

describe("enregistrements de longueur fixe (article A47 A-1 : « fixe ou variable, avec ou sans séparateur de zone »)", () => {
  /** The real FEC with every zone padded with spaces to its column's width (amounts right-aligned), joined by `sep`. */
  function enLongueurFixe(texte: string, sep: string): string {
    const lignes = texte.split("\n").filter((l) => l !== "");
    const zones = lignes.map((l) => l.split("\t"));
    const n = zones[0].length;
    const largeurs = Array.from({ length: n }, (_, i) => Math.max(...zones.map((z) => (z[i] ?? "").length)));
    const montant = new Set(["Debit", "Credit"].map((c) => zones[0].indexOf(c)));
    const pad = (z: string[], entete: boolean) =>
      Array.from({ length: n }, (_, i) =>
        montant.has(i) && !entete ? (z[i] ?? "").padStart(largeurs[i]) : (z[i] ?? "").padEnd(largeurs[i]),
      ).join(sep);
    return lignes.map((l, k) => pad(zones[k], k === 0)).join("\n") + "\n";
  }

  test("avec séparateur (zones complétées par des espaces) : lu, mêmes lignes, textes et totaux", () => {
    const texte = texteReel(FIXTURES[0]);
    const attendu = essentiel(lireFec(new TextEncoder().encode(texte), { conserver: true }));
    const fixe = enLongueurFixe(texte, "\t");
    expect(fixe.split("\n")[1].length).toBe(fixe.split("\n")[2].length);
    expect(essentiel(lireFec(new TextEncoder().encode(fixe), { conserver: true }))).toEqual(attendu);
  });

  test("sans séparateur : refusé en le nommant (la largeur des zones n'est que dans la description jointe)", () => {
    const fixe = enLongueurFixe(texteReel(FIXTURES[0]), " ");
    expect(() => lireFec(new TextEncoder().encode(fixe))).toThrow(
      new FecFormatError(
        "Ligne 1 : FEC à enregistrements de longueur fixe sans séparateur de zone (« JournalCode JournalLib " +
          "EcritureNum… » séparés par des espaces). L'article A47 A-1 du LPF le permet, mais la largeur de chaque zone " +
          "n'est donnée que par la description jointe au fichier : Prodbook ne le lit pas. Demandez le FEC avec des " +
          "zones séparées par des tabulations ou des « | ».",
      ),
    );
  });
});
