import * as fc from "fast-check";
import { LecteurFec, sequenceUtf8, type EncodageFec } from "../../../src/core/comptabilite/fec";

/**
 * The reader checks every byte read as UTF-8 in place, sequence by sequence (sequenceUtf8), instead of decoding every
 * chunk with TextDecoder (0.8 s of CPU per million lines). The check must say exactly what the WHATWG decoder says,
 * whatever the chunks: these tests hold it to TextDecoder itself.
 */
const strict = new TextDecoder("utf-8", { fatal: true });
function valide(b: Uint8Array, suite = false): boolean {
  try {
    // A fresh decoder in stream mode: one left holding bytes would read the next call's with them.
    (suite ? new TextDecoder("utf-8", { fatal: true }) : strict).decode(b, { stream: suite });
    return true;
  } catch {
    return false;
  }
}

describe("sequenceUtf8 : la séquence lue comme la lit TextDecoder (fatal)", () => {
  /** The reference: the shortest prefix TextDecoder reads whole; else -1 when it may begin a character (stream), else 0. */
  function attendu(u: Uint8Array): number {
    for (let k = 2; k <= u.length; k++) if (valide(u.subarray(0, k))) return k;
    return valide(u, true) ? -1 : 0;
  }
  const ecarts = (us: Uint8Array[]) =>
    us
      .map((u) => [...u, sequenceUtf8(u, 0)])
      .filter((x) => x[x.length - 1] !== attendu(Uint8Array.from(x.slice(0, -1))));

  test("tout premier octet 0x80–0xFF, suivi de tout octet au deuxième, troisième ou quatrième rang", () => {
    const us: Uint8Array[] = [];
    // Second bytes that continue each lead byte (E0 wants A0–BF, ED 80–9F, F0 90–BF, F4 80–8F).
    const deuxiemes = [0x80, 0x90, 0xa0];
    for (let c = 0x80; c <= 0xff; c++)
      for (let x = 0; x <= 0xff; x++) {
        us.push(Uint8Array.from([c, x, 0x80, 0x80]));
        for (const b1 of deuxiemes) us.push(Uint8Array.from([c, b1, x, 0x80]), Uint8Array.from([c, b1, 0x80, x]));
      }
    expect(ecarts(us)).toEqual([]);
    expect(us.filter((u) => sequenceUtf8(u, 0) > 0).length).toBeGreaterThan(1000);
    expect(strict.decode(Uint8Array.from([0xef, 0xbf, 0xbd]))).toBe("\ufffd");
  });

  test("coupée par la fin des octets : -1 tant que ce qui est là peut commencer un caractère (TextDecoder en flux)", () => {
    const us: Uint8Array[] = [];
    for (let c = 0x80; c <= 0xff; c++) {
      us.push(Uint8Array.from([c]));
      for (let x = 0; x <= 0xff; x++) us.push(Uint8Array.from([c, x]), Uint8Array.from([c, x, 0x80]));
    }
    expect(ecarts(us)).toEqual([]);
    expect(us.filter((u) => sequenceUtf8(u, 0) < 0).length).toBeGreaterThan(100);
  });
});

const ENTETE =
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t" +
  "EcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n";
const enc = new TextEncoder();

/** A balanced FEC whose EcritureLib of each line is the bytes given (tabs and line ends taken out). */
function fec(libelles: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [enc.encode(ENTETE)];
  libelles.forEach((l, i) => {
    const propre = l.map((o) => (o === 9 || o === 10 || o === 13 ? 0x2d : o));
    const [d, c] = i % 2 ? ["0,00", "10,00"] : ["10,00", "0,00"];
    parts.push(enc.encode(`AC\tAchats\t${i >> 1}\t20240105\t${i % 2 ? "401000" : "606400"}\tCpt\t\t\tP1\t20240105\t`));
    parts.push(propre, enc.encode(`\t${d}\t${c}\t\t\t20240105\t\t\n`));
  });
  const t = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let p = 0;
  for (const x of parts) {
    t.set(x, p);
    p += x.length;
  }
  return t;
}

function lire(b: Uint8Array, tailles: number[], encodage?: EncodageFec) {
  const l = new LecteurFec({ encodage });
  for (let i = 0, p = 0; p < b.length; i++) {
    const n = tailles[i % tailles.length];
    l.pousser(b.subarray(p, p + n));
    p += n;
  }
  return l.terminer();
}

const INVALIDES = "Octets invalides en UTF-8";
const ABIME = "Caractère de remplacement";

/** Libellés mixing ASCII, valid UTF-8 (« é », « € », « 🎬 », « � ») and stray bytes. */
const arbLibelle = fc
  .array(
    fc.oneof(
      fc.constantFrom("Location", " caméra ", "€", "🎬", "\ufffd", "Œuvre").map((s) => enc.encode(s)),
      fc.uint8Array({ minLength: 1, maxLength: 3, min: 0x80, max: 0xff }),
    ),
    { maxLength: 4 },
  )
  .map((xs) => Uint8Array.from(xs.flatMap((x) => [...x])));

describe("octets invalides en UTF-8 : vus où qu'ils soient, quel que soit le découpage en morceaux", () => {
  test("UTF-8 imposé : l'alerte « Octets invalides » si et seulement si TextDecoder refuse le fichier ; « � » à sa ligne", () => {
    fc.assert(
      fc.property(
        fc.array(arbLibelle, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 61 }), { minLength: 1, maxLength: 4 }),
        (libelles, tailles) => {
          const b = fec(libelles);
          const entier = lire(b, [b.length], "utf-8");
          const morceaux = lire(b, tailles, "utf-8");
          expect(morceaux.alertes).toEqual(entier.alertes);
          const messages = entier.alertes.map((a) => a.message);
          expect(messages.some((m) => m.startsWith(INVALIDES))).toBe(!valide(b));
          if (valide(b)) {
            // The first line holding a valid « � » (EF BF BD), numbered from the header (line 1).
            const k = libelles.findIndex((l) => strict.decode(l).includes("\ufffd"));
            expect(entier.alertes.filter((a) => a.message.startsWith(ABIME)).map((a) => a.ligne)).toEqual(
              k < 0 ? [] : [k + 2],
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("encodage détecté : lu en UTF-8, en morceaux comme en un bloc, l'alerte dit ce que dit TextDecoder", () => {
    fc.assert(
      fc.property(
        fc.array(arbLibelle, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 61 }), { minLength: 1, maxLength: 4 }),
        (libelles, tailles) => {
          const b = fec(libelles);
          // The encoding is decided on the bytes at hand (64 KiB at most), so small chunks may decide otherwise.
          for (const r of [lire(b, [b.length]), lire(b, tailles)])
            if (r.format.encodage === "utf-8")
              expect(r.alertes.some((a) => a.message.startsWith(INVALIDES))).toBe(!valide(b));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("un « � » avant un octet invalide : les deux alertes, quel que soit le découpage (avant : selon la coupe des morceaux, l'une pouvait manquer)", () => {
    const b = fec([enc.encode("Location \ufffd caméra"), Uint8Array.from([0x41, 0xff, 0x42])]);
    for (const tailles of [[b.length], [1], [7, 3], [64]]) {
      const r = lire(b, tailles, "utf-8");
      expect(r.alertes.filter((a) => a.message.startsWith(ABIME)).map((a) => a.ligne)).toEqual([2]);
      expect(r.alertes.filter((a) => a.message.startsWith(INVALIDES))).toHaveLength(1);
    }
  });

  test("un caractère coupé par la fin du fichier (sans fin de ligne) : octets invalides, en un bloc comme en morceaux", () => {
    const entier = fec([enc.encode("Location")]);
    // The last line without its line end, ending on the two first bytes of « € » (E2 82 AC).
    const b = Uint8Array.from([...entier.subarray(0, entier.length - 1), 0xe2, 0x82]);
    expect(valide(b)).toBe(false);
    for (const tailles of [[b.length], [1], [5]])
      expect(lire(b, tailles, "utf-8").alertes.some((a) => a.message.startsWith(INVALIDES))).toBe(true);
  });
});
