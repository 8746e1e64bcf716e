import * as fc from "fast-check";
import * as iconv from "iconv-lite";
import { LecteurFec, type EncodageFec } from "../../../src/core/comptabilite/fec";
import { arbLigne, arbVariante, lignesTexte, octets, type LigneGen, type VarianteFec } from "./genererFec";

function lire(b: Uint8Array, tailles: number[], encodage?: EncodageFec) {
  const l = new LecteurFec({ conserver: true, encodage });
  let p = 0;
  for (let i = 0; p < b.length; i++) {
    const n = Math.max(1, tailles[i % tailles.length]);
    l.pousser(b.subarray(p, p + n));
    p += n;
  }
  return l.terminer();
}

/** Same text in Windows-1252 as in ISO-8859-15 except for these: force the encoding when they appear. */
const forcer = (v: VarianteFec, ls: LigneGen[]): EncodageFec | undefined =>
  v.encodage === "iso-8859-15"
    ? "iso-8859-15"
    : v.encodage === "windows-1252" && ls.every((l) => !/[^\x00-\x7f]/.test(l.libelle))
      ? undefined
      : v.encodage === "windows-1252"
        ? "windows-1252"
        : undefined;

describe("FEC : propriétés", () => {
  test("un FEC valide, dans chaque variante, redonne ses lignes et ses totaux au centime", () => {
    fc.assert(
      fc.property(
        arbVariante,
        fc.array(arbLigne, { minLength: 0, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.nat(11), { maxLength: 3 }),
        (v, ls, tailles, vides) => {
          const texte = lignesTexte(ls, v, new Set(vides));
          const r = lire(octets(texte, v), tailles, forcer(v, ls));
          expect(r.erreurs).toEqual([]);
          expect(r.ecritures).toBe(ls.length);
          expect(r.debit).toBe(ls.reduce((s, l) => s + l.debit, 0));
          expect(r.credit).toBe(ls.reduce((s, l) => s + l.credit, 0));
          expect(r.format.separateur).toBe(v.sep === "\t" ? "tab" : "pipe");
          expect(r.format.montants).toBe(v.montants);
          expect(r.format.colonnes).toBe(v.colonnes);
          // Physical line numbers: position in the text (header = 1, blank lines counted).
          const attendues = texte.map((t, i) => (i > 0 && t !== "" ? i + 1 : 0)).filter((n) => n > 0);
          expect(r.lignes!.map((l) => l.ligne)).toEqual(attendues);
          expect(r.lignes!.map((l) => [l.compte, l.libelle, l.date])).toEqual(
            ls.map((l) => [l.compte, l.libelle, Number(l.date)]),
          );
          if (/[^\x00-\x7f]/.test(ls.map((l) => l.libelle).join("")) && !forcer(v, ls))
            expect(r.format.encodage).toBe(v.encodage);
          expect(r.ecrituresDistinctes).toBe(new Set(ls.map((l) => `${l.journal}\u0000${l.num}`)).size);
        },
      ),
      { numRuns: 6000 },
    );
  });

  test("le même FEC en UTF-16 (LE ou BE, avec ou sans BOM) redonne les mêmes lignes, encodage nommé", () => {
    fc.assert(
      fc.property(
        arbVariante.map((v) => ({ ...v, encodage: "utf-8" as const, bom: false })),
        fc.array(arbLigne, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("utf-16le" as const, "utf-16be" as const),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }),
        (v, ls, enc, bom, tailles) => {
          const texte = lignesTexte(ls, v);
          const t = (bom ? "\ufeff" : "") + texte.join(v.fin) + (v.finFichier ? v.fin : "");
          const b = new Uint8Array(iconv.encode(t, enc === "utf-16le" ? "utf16le" : "utf16be"));
          const r = lire(b, tailles);
          const ref = lire(octets(texte, v), [1 << 20]);
          expect(r.erreurs).toEqual([]);
          expect(r.lignes).toEqual(ref.lignes);
          expect([r.debit, r.credit, r.ecrituresDistinctes]).toEqual([ref.debit, ref.credit, ref.ecrituresDistinctes]);
          expect(r.format).toMatchObject({ encodage: enc, bom });
        },
      ),
      { numRuns: 1000 },
    );
  });

  const corruptions: ((cs: string[], sep: string) => string[])[] = [
    (cs) => ((cs[11] = "12,3x"), cs), // amount
    (cs) => ((cs[3] = "20230231"), cs), // impossible date
    (cs) => ((cs[3] = "2023-01-05"), cs), // wrong date format
    (cs) => cs.slice(0, 9), // missing fields
    (cs, sep) => ((cs[10] = cs[10] + sep + "suite"), cs), // separator inside EcritureLib (recovered)
    (cs, sep) => ((cs[5] = cs[5] + sep + "x" + sep + "y"), cs), // separators inside CompteLib
    (cs) => ((cs[4] = "   "), cs), // empty CompteNum
    (cs) => ((cs[0] = ""), cs), // empty JournalCode
    // Four decimals (below the cent). « 1,234 » is no longer a corruption: read by the file's convention (ambigus test).
    (cs) => ((cs[12] = "1,2345"), cs),
    (cs) => [...cs, "x", "y", "z"], // extra fields at the end
    (cs) => ((cs[9] = "2023011"), cs), // PieceDate too short
    // Separator inside EcritureLib before digits, last field empty: read as a trailing separator, the digits
    // would become Debit and every amount would shift by one column.
    (cs, sep) => ((cs[10] = cs[10] + sep + "2024"), (cs[cs.length - 1] = ""), cs),
    (cs, sep) => ((cs[10] = cs[10] + sep + "12,50"), (cs[cs.length - 1] = ""), cs),
  ];

  test("un FEC abîmé ne perd jamais une ligne en silence : importées + rejetées = lignes de données", () => {
    fc.assert(
      fc.property(
        arbVariante.filter((v) => v.montants === "debit-credit"),
        fc.array(fc.tuple(arbLigne, fc.option(fc.nat(corruptions.length - 1), { nil: undefined })), {
          minLength: 1,
          maxLength: 15,
        }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 }),
        (v, items, tailles) => {
          const texte = lignesTexte(
            items.map((x) => x[0]),
            { ...v, sepFinal: false },
          );
          for (let i = 0; i < items.length; i++) {
            const k = items[i][1];
            if (k === undefined) continue;
            texte[i + 1] = corruptions[k](texte[i + 1].split(v.sep), v.sep).join(v.sep);
          }
          const r = lire(
            octets(texte, { ...v, sepFinal: false }),
            tailles,
            v.encodage === "utf-8" ? undefined : v.encodage,
          );
          expect(r.ecritures + r.erreurs.length).toBe(items.length);
          expect(r.lignesDonnees).toBe(items.length);
          const vues = [...r.lignes!.map((l) => l.ligne), ...r.erreurs.map((e) => e.ligne)].sort((a, b) => a - b);
          expect(vues).toEqual(items.map((_, i) => i + 2));
          for (const e of r.erreurs) expect(e.message).toMatch(new RegExp(`^Ligne ${e.ligne} rejetée : `));
          // Lines left intact are always imported.
          items.forEach(([, k], i) => {
            if (k === undefined) expect(r.lignes!.some((l) => l.ligne === i + 2)).toBe(true);
          });
          // An imported line, repaired or not, has its own amounts: never read from a shifted column.
          for (const l of r.lignes!) {
            const g = items[l.ligne - 2][0];
            expect([l.ligne, l.debit, l.credit]).toEqual([l.ligne, g.debit, g.credit]);
          }
        },
      ),
      { numRuns: 4000 },
    );
  });
});
