import * as iconv from "iconv-lite";
import {
  avertissementEncodage,
  contradictionEncodage,
  decoderCsv,
  decoderOctets,
  detecterEncodage,
  LecteurFec,
  lireFec,
  lireGrandLivreOctets,
} from "../../../src/core/comptabilite/fec";

/**
 * The three encodings a FEC may use (arrêté du 29 juillet 2013: « ISO 8859-15 », and in practice Windows-1252 and
 * UTF-8), on the characters where they differ: € is 0x80 in Windows-1252 and 0xA4 in ISO-8859-15, Œ 0x8C and 0xBC,
 * ’ 0x92 in Windows-1252 only, ÿ 0xFF in both. Bytes are written out by hand, not produced by the code under test.
 */
const E =
  "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
/** The FEC b pushed to a reader keeping its lines, cut at each offset of `coupes`. */
function lireEnMorceaux(b: Uint8Array, coupes: number[]) {
  const lecteur = new LecteurFec({ conserver: true });
  let p = 0;
  for (const c of [...coupes, b.length]) {
    lecteur.pousser(b.subarray(p, c));
    p = c;
  }
  return lecteur.terminer();
}
/** A balanced two-line FEC whose libellés are the given bytes. */
function fec(libelle: number[], compteLib: number[] = ascii("Cpt")): Uint8Array {
  const l = (compte: string, d: string, c: string) => [
    ...ascii(`AC|Achats|A1|20240105|${compte}|`),
    ...compteLib,
    ...ascii("|||P1|20240105|"),
    ...libelle,
    ...ascii(`|${d}|${c}|||20240105||`),
  ];
  return Uint8Array.from([...ascii(E + "\n"), ...l("606400", "10,00", ""), 10, ...l("401000", "", "10,00"), 10]);
}

// « Régie € Œuvre ’ ÿ » in each 8-bit encoding.
const CP1252 = [...ascii("R"), 0xe9, ...ascii("gie "), 0x80, ...ascii(" "), 0x8c, ...ascii("uvre "), 0x92, 0x20, 0xff];
const ISO15 = [...ascii("R"), 0xe9, ...ascii("gie "), 0xa4, ...ascii(" "), 0xbc, ...ascii("uvre "), 0x27, 0x20, 0xff];

describe("encodages du FEC : Windows-1252, ISO-8859-15, UTF-8", () => {
  test("Windows-1252 détecté : €, Œ, ’ et ÿ lus tels quels (0x80, 0x8C, 0x92, 0xFF)", () => {
    const r = lireFec(fec(CP1252, [0x80, ...ascii(" frais")]), { conserver: true });
    expect(r.format).toMatchObject({ encodage: "windows-1252", encodageForce: false, bom: false });
    expect(r.lignes!.map((l) => l.libelle)).toEqual(["Régie € Œuvre ’ ÿ", "Régie € Œuvre ’ ÿ"]);
    expect(r.lignes![0].compteLib).toBe("€ frais");
    expect(r.comptes.get("606400")?.libelle).toBe("€ frais");
  });

  test("ISO-8859-15 imposé : € = 0xA4, Œ = 0xBC, ÿ = 0xFF ; les mêmes octets lus en Windows-1252 donnent ¤ et ¼", () => {
    const b = fec(ISO15);
    const r = lireFec(b, { conserver: true, encodage: "iso-8859-15" });
    expect(r.format).toMatchObject({ encodage: "iso-8859-15", encodageForce: true });
    expect(r.lignes![0].libelle).toBe("Régie € Œuvre ' ÿ");
    expect(lireFec(b, { conserver: true, encodage: "windows-1252" }).lignes![0].libelle).toBe("Régie ¤ ¼uvre ' ÿ");
  });

  test("UTF-8 avec BOM : marque retirée et signalée, texte exact", () => {
    const texte = new TextEncoder().encode("Régie € Œuvre ’ ÿ");
    const b = Uint8Array.from([0xef, 0xbb, 0xbf, ...fec(Array.from(texte))]);
    const r = lireFec(b, { conserver: true });
    expect(r.format).toMatchObject({ encodage: "utf-8", bom: true });
    expect(r.lignes![1].libelle).toBe("Régie € Œuvre ’ ÿ");
    expect(r.alertes).toEqual([]);
  });

  test("UTF-8 imposé sur des octets Windows-1252 : « � » et une alerte qui propose Windows-1252", () => {
    const r = lireFec(fec(CP1252), { conserver: true, encodage: "utf-8" });
    expect(r.lignes![0].libelle).toBe("R\ufffdgie \ufffd \ufffduvre \ufffd \ufffd");
    expect(r.alertes.map((a) => a.message)).toEqual([expect.stringContaining("l'encodage Windows-1252.")]);
  });

  test("en-tête Windows-1252 accentué (« EcritureLibellé », octet E9), corps ASCII : aucune alerte d'octets invalides", () => {
    const [avant, apres] = E.split("EcritureLib|");
    const entete = [...ascii(avant + "EcritureLibell"), 0xe9, ...ascii("|" + apres)];
    const b = Uint8Array.from([...entete, ...fec(ascii("Regie")).slice(E.length)]);
    for (const morceau of [1, 7, 1 << 16]) {
      const lecteur = new LecteurFec();
      for (let i = 0; i < b.length; i += morceau) lecteur.pousser(b.subarray(i, Math.min(b.length, i + morceau)));
      const r = lecteur.terminer();
      expect([r.ecritures, r.debit, r.credit]).toEqual([2, 1000, 1000]);
      expect(r.alertes.map((a) => a.message).filter((m) => m.includes("UTF-8"))).toEqual([]);
    }
  });

  test("caractère UTF-8 coupé entre deux morceaux lus : toujours UTF-8", () => {
    const b = fec(Array.from(new TextEncoder().encode("Œuvre €")));
    const k = b.indexOf(0xc5) + 1; // inside Œ (C5 92), the file's first non-ASCII byte
    const lecteur = new LecteurFec({ conserver: true });
    lecteur.pousser(b.subarray(0, k));
    lecteur.pousser(b.subarray(k));
    const r = lecteur.terminer();
    expect(r.format.encodage).toBe("utf-8");
    expect(r.lignes![0].libelle).toBe("Œuvre €");
    expect(r.alertes).toEqual([]);
    // The same cut, the bytes at hand ending inside the sequence: undecided, the next bytes decide.
    expect(detecterEncodage(b.subarray(0, k), k - 1)).toBeUndefined();
    expect(detecterEncodage(b.subarray(0, k + 1), k - 1)).toBe("utf-8");
    // At the end of the file, a cut sequence is not UTF-8.
    expect(detecterEncodage(b.subarray(0, k), k - 1, true)).toBe("windows-1252");
    expect(detecterEncodage(Uint8Array.from([0xc5, 0x41]), 0)).toBe("windows-1252");
  });

  test("UTF-8 « é » (C3 A9) ou « € » (E2 82 AC) coupé entre deux morceaux, ou lu octet par octet : UTF-8, sans alerte", () => {
    for (const libelle of ["Régie", "€ régie"]) {
      const b = fec(Array.from(new TextEncoder().encode(libelle)));
      const k = b.findIndex((o) => o > 0x7f) + 1;
      for (const coupes of [[k], Array.from({ length: b.length }, (_, i) => i + 1)]) {
        const r = lireEnMorceaux(b, coupes);
        expect(r.format.encodage).toBe("utf-8");
        expect(r.lignes!.map((l) => l.libelle)).toEqual([libelle, libelle]);
        expect(r.alertes).toEqual([]);
      }
    }
  });

  test("Windows-1252 dont le premier octet non ASCII (« é », E9) finit un morceau : Windows-1252, « é » intact, sans alerte", () => {
    const b = fec([...ascii("R"), 0xe9, ...ascii("gie")]);
    const k = b.indexOf(0xe9) + 1; // the chunk ends right after E9, which alone looks like the start of a UTF-8 sequence
    for (const coupes of [[k], Array.from({ length: b.length }, (_, i) => i + 1)]) {
      const r = lireEnMorceaux(b, coupes);
      expect(r.format.encodage).toBe("windows-1252");
      expect(r.lignes!.map((l) => l.libelle)).toEqual(["Régie", "Régie"]);
      expect([r.ecritures, r.debit, r.credit]).toEqual([2, 1000, 1000]);
      expect(r.alertes).toEqual([]);
    }
  });

  test("octets 0x80–0xFF : même lecture qu'iconv-lite (les cinq octets non définis de Windows-1252 exceptés)", () => {
    const octets = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const nonDefinis = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    const cp = Array.from(decoderOctets(octets, "windows-1252"));
    const attendu = Array.from(iconv.decode(Buffer.from(octets), "windows-1252"));
    expect(cp.filter((_, i) => !nonDefinis.includes(0x80 + i))).toEqual(
      attendu.filter((_, i) => !nonDefinis.includes(0x80 + i)),
    );
    expect(nonDefinis.map((o) => cp[o - 0x80].charCodeAt(0))).toEqual(nonDefinis); // C1 controls, as browsers
    expect(decoderOctets(octets, "iso-8859-15")).toBe(iconv.decode(Buffer.from(octets), "iso-8859-15"));
  });

  test("grand livre CSV en Windows-1252 : € et ’ lus, pas de caractère de contrôle", () => {
    const lignes = [
      ascii("Journal;Date;Compte;Libell"),
      [0xe9, ...ascii(";D"), 0xe9, ...ascii("bit;Cr"), 0xe9, ...ascii("dit")],
      [
        ...ascii("AC;05/01/2024;606400;"),
        0x80,
        ...ascii(" r"),
        0xe9,
        ...ascii("gie l"),
        0x92,
        0x8c,
        ...ascii("uvre;10,00;"),
      ],
      ascii("AC;05/01/2024;401000;Fournisseur;;10,00"),
    ];
    const b = Uint8Array.from([...lignes[0], ...lignes[1], 13, 10, ...lignes[2], 13, 10, ...lignes[3], 13, 10]);
    const lu = lireGrandLivreOctets(b)!;
    expect(lu.resultat.format).toMatchObject({ encodage: "windows-1252", bom: false });
    expect(lu.resultat.lignes![0].libelle).toBe("€ régie l’Œuvre");
    expect([lu.resultat.debit, lu.resultat.credit]).toEqual([1000, 1000]);
  });
});

describe("encodage imposé contredit par les octets : trouvé par le lecteur, dans les octets qu'il lit", () => {
  // « Régie » in UTF-8 (C3 A9) and in Windows-1252 (E9), written by hand.
  const UTF8 = [...ascii("R"), 0xc3, 0xa9, ...ascii("gie")];
  const LATIN = [...ascii("R"), 0xe9, ...ascii("gie")];
  const CONSEIL = "conseil.";

  test("UTF-8 imposé windows-1252 ou ISO-8859-15 : « é » est lu « Ã© » ; l'inverse : « é » est lu « � »", () => {
    const r = lireFec(fec(UTF8), { encodage: "windows-1252" });
    expect(r.format.contradictionEncodage).toEqual({ force: "windows-1252", montre: "utf-8", attendu: "é", lu: "Ã©" });
    expect(avertissementEncodage(r.format.contradictionEncodage!, CONSEIL)).toBe(
      "Le fichier semble encodé en UTF-8 : « é » est lu « Ã© » ; conseil.",
    );
    expect(lireFec(fec(UTF8), { encodage: "iso-8859-15" }).format.contradictionEncodage).toMatchObject({
      montre: "utf-8",
      lu: "Ã©",
    });
    const inverse = lireFec(fec(LATIN), { encodage: "utf-8" }).format.contradictionEncodage!;
    expect(inverse).toEqual({ force: "utf-8", montre: "windows-1252", attendu: "é", lu: "\ufffd" });
    expect(avertissementEncodage(inverse, CONSEIL)).toBe(
      "Le fichier ne semble pas encodé en UTF-8 : « é » (en Windows-1252) est lu « \ufffd » ; conseil.",
    );
  });

  test("rien à dire : encodage des octets imposé, encodage détecté, fichier tout ASCII, UTF-16", () => {
    expect(lireFec(fec(UTF8), { encodage: "utf-8" }).format.contradictionEncodage).toBeUndefined();
    expect(lireFec(fec(LATIN), { encodage: "windows-1252" }).format.contradictionEncodage).toBeUndefined();
    expect(lireFec(fec(UTF8)).format.contradictionEncodage).toBeUndefined();
    expect(lireFec(fec(ascii("Regie")), { encodage: "windows-1252" }).format.contradictionEncodage).toBeUndefined();
    const utf16 = Uint8Array.from(iconv.encode("\ufeff" + new TextDecoder().decode(fec(UTF8)), "utf-16le"));
    const r = lireFec(utf16, { encodage: "windows-1252" });
    expect([r.format.encodage, r.format.contradictionEncodage]).toEqual(["utf-16le", undefined]);
  });

  test("en flux, octet par octet dans un tampon réutilisé : le même avertissement (les octets sont copiés)", () => {
    const octets = fec(UTF8);
    const l = new LecteurFec({ encodage: "windows-1252" });
    const tampon = new Uint8Array(1);
    for (const o of octets) {
      tampon[0] = o;
      l.pousser(tampon);
    }
    expect(l.terminer().format.contradictionEncodage).toEqual({
      force: "windows-1252",
      montre: "utf-8",
      attendu: "é",
      lu: "Ã©",
    });
  });

  test("seul le premier mégaoctet compte : des accents au-delà ne contredisent rien", () => {
    // 1 MiB of ASCII lines after the header, then the two lines with UTF-8 accents.
    const ascii2 = fec(ascii("Regie"));
    const lignes = ascii2.subarray(E.length + 1);
    const n = Math.ceil((1 << 20) / lignes.length);
    const accents = fec(UTF8).subarray(E.length + 1);
    const octets = Buffer.concat([ascii2, ...Array.from({ length: n }, () => lignes), accents]);
    const r = lireFec(octets, { encodage: "windows-1252", conserver: true });
    expect([r.erreurs.length, r.lignes!.at(-1)!.libelle]).toEqual([0, "RÃ©gie"]);
    expect(r.format.contradictionEncodage).toBeUndefined();
    // The same accents within the first megabyte: said.
    const tot = Buffer.concat([ascii2, accents, ...Array.from({ length: n }, () => lignes)]);
    expect(lireFec(tot, { encodage: "windows-1252" }).format.contradictionEncodage).toMatchObject({ lu: "Ã©" });
  });

  test("grand livre CSV : le même avertissement, sur les octets déjà lus", () => {
    const octets = Uint8Array.from([
      ...ascii("Compte;Date;Libelle;Debit;Credit\n606400;05/01/2024;"),
      ...UTF8,
      ...ascii(";10,00;\n"),
    ]);
    const lu = lireGrandLivreOctets(octets, { encodage: "windows-1252" })!;
    expect(lu.resultat.format.contradictionEncodage).toEqual({
      force: "windows-1252",
      montre: "utf-8",
      attendu: "é",
      lu: "Ã©",
    });
    expect(lireGrandLivreOctets(octets)!.resultat.format.contradictionEncodage).toBeUndefined();
  });
});

describe("une séquence UTF-8 coupée par la fin des octets ne prouve rien à elle seule", () => {
  const csv = "Compte;Libelle;Debit\n606400;R";
  test("grand livre CSV Windows-1252 qui finit par « é » (E9) sans fin de ligne : Windows-1252, « é » intact", () => {
    const lu = decoderCsv(Uint8Array.from([...ascii(csv), 0xe9]));
    expect([lu.encodage, lu.texte.endsWith("Ré")]).toEqual(["windows-1252", true]);
  });
  test("UTF-8 tronqué (« été » complet, puis C3 coupé en fin de fichier) : UTF-8, la coupure lue « � »", () => {
    const lu = decoderCsv(Uint8Array.from([...ascii(csv), 0xc3, 0xa9, 0x74, 0xc3, 0xa9, 0x3b, 0xc3]));
    expect([lu.encodage, lu.texte.endsWith("Rété;\ufffd")]).toEqual(["utf-8", true]);
  });
  test("encodage imposé : un premier mégaoctet dont le seul octet non ASCII est coupé à sa fin ne contredit rien", () => {
    expect(contradictionEncodage(Uint8Array.from([...ascii(csv), 0xc3]), "windows-1252")).toBeUndefined();
    expect(contradictionEncodage(Uint8Array.from([...ascii(csv), 0xe9]), "utf-8")).toBeUndefined();
    // A complete sequence still decides, a cut one after it changing nothing.
    expect(contradictionEncodage(Uint8Array.from([...ascii(csv), 0xc3, 0xa9, 0xc3]), "windows-1252")).toMatchObject({
      montre: "utf-8",
      attendu: "é",
    });
    expect(contradictionEncodage(Uint8Array.from([...ascii(csv), 0xe9, 0x3b, 0xe9]), "utf-8")).toMatchObject({
      montre: "windows-1252",
      attendu: "é",
    });
  });
});

describe("UTF-16 coupé au milieu d'une paire de substitution (nombre pair d'octets)", () => {
  const ligne = (lib: string, d: string, c: string) =>
    `AC|Achats|1|20260105|601000|Achats|||F1|20260105|${lib}|${d}|${c}||||||`;
  const texte = [
    E,
    ligne("Caméra", "100,00", "0,00"),
    ligne("Caméra", "0,00", "100,00"),
    ligne("Clap 🎬", "1,00", "0,00"),
  ].join("\r\n");
  const octets = Uint8Array.from(iconv.encode("\ufeff" + texte, "utf-16le"));
  test("coupé après la première moitié de 🎬 : caractère invalide en UTF-16 à sa ligne, pas un texte « déjà abîmé »", () => {
    const coupe = octets.subarray(0, 2 + (texte.indexOf("🎬") + 1) * 2);
    expect(coupe.length % 2).toBe(0);
    const r = lireFec(coupe);
    const messages = r.alertes.map((a) => `${a.ligne} ${a.message}`);
    expect(messages.filter((m) => m.includes("demi-caractère isolé"))).toEqual([
      expect.stringMatching(/^4 Caractère invalide en UTF-16LE \(demi-caractère isolé\)/),
    ]);
    expect(messages.some((m) => m.includes("déjà abîmé"))).toBe(false);
  });
  test("le même fichier entier : aucun caractère invalide ni abîmé (seul le déséquilibre voulu de l'exemple est dit)", () => {
    expect(lireFec(octets).alertes.map((a) => a.nature ?? a.message)).toEqual(["desequilibre"]);
  });
});
