import * as fc from "fast-check";
import * as iconv from "iconv-lite";
import { COLONNES_NORME_FEC_ORACLE } from "../../helpers/normeFec";

/** Random FEC files in every variant the reader accepts, with their expected figures (tests only). */
export interface VarianteFec {
  sep: "\t" | "|";
  encodage: "utf-8" | "windows-1252" | "iso-8859-15";
  bom: boolean;
  fin: "\n" | "\r\n" | "\r" | "\r\r\n";
  colonnes: 18 | 19 | 22;
  montants: "debit-credit" | "montant-sens";
  sens: "DC" | "+1-1";
  padding: boolean;
  zeros: boolean;
  point: boolean;
  sepFinal: boolean;
  casse: "normal" | "minuscules" | "majuscules";
  finFichier: boolean;
}

export interface LigneGen {
  journal: string;
  num: string;
  date: string;
  compte: string;
  libelle: string;
  debit: number;
  credit: number;
}

// The norm's columns around the amounts (Debit, Credit, or Montant, Sens in their place).
const BASE = COLONNES_NORME_FEC_ORACLE.slice(0, 11);
const APRES = COLONNES_NORME_FEC_ORACLE.slice(13);

export const arbVariante: fc.Arbitrary<VarianteFec> = fc.record({
  sep: fc.constantFrom("\t" as const, "|" as const),
  encodage: fc.constantFrom("utf-8" as const, "windows-1252" as const, "iso-8859-15" as const),
  bom: fc.boolean(),
  fin: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const, "\r\r\n" as const),
  colonnes: fc.constantFrom(18 as const, 19 as const, 22 as const),
  montants: fc.constantFrom("debit-credit" as const, "montant-sens" as const),
  sens: fc.constantFrom("DC" as const, "+1-1" as const),
  padding: fc.boolean(),
  zeros: fc.boolean(),
  point: fc.boolean(),
  sepFinal: fc.boolean(),
  casse: fc.constantFrom("normal" as const, "minuscules" as const, "majuscules" as const),
  finFichier: fc.boolean(),
});

const texte = fc
  .array(fc.constantFrom(..."abcdeéèàçùôÉ ABCXYZ0123456789-'/.,€=+@"), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join("").trim())
  .filter((s) => s.length > 0);
const date = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ""));

export const arbLigne: fc.Arbitrary<LigneGen> = fc
  .record({
    journal: fc.constantFrom("AC", "VT", "BQ", "OD", "ANO"),
    num: fc.stringMatching(/^[A-Z0-9-]{1,10}$/),
    date,
    compte: fc.stringMatching(/^[1-7][0-9]{2,8}$/),
    libelle: texte,
    montant: fc.integer({ min: 0, max: 99_999_999_99 }),
    sensDebit: fc.boolean(),
  })
  .map((r) => ({
    journal: r.journal,
    num: r.num,
    date: r.date,
    compte: r.compte,
    libelle: r.libelle,
    debit: r.sensDebit ? r.montant : 0,
    credit: r.sensDebit ? 0 : r.montant,
  }));

function montant(c: number, v: VarianteFec): string {
  const s = `${Math.floor(c / 100)}${v.point ? "." : ","}${String(c % 100).padStart(2, "0")}`;
  return v.zeros ? s.padStart(13, "0") : s;
}

export function entetes(v: VarianteFec): string[] {
  const noms = [...BASE, ...(v.montants === "debit-credit" ? ["Debit", "Credit"] : ["Montant", "Sens"]), ...APRES];
  if (v.colonnes === 19) noms.push("CodeEtablissement");
  if (v.colonnes === 22) noms.push("DateRglt", "ModeRglt", "NatOp", "IdClient");
  return noms.map((n) => (v.casse === "minuscules" ? n.toLowerCase() : v.casse === "majuscules" ? n.toUpperCase() : n));
}

export function champs(l: LigneGen, v: VarianteFec): string[] {
  const p = (s: string, w = 10) => (v.padding ? s.padEnd(w, " ") : s);
  const base = [
    p(l.journal, 4),
    "Journal",
    p(l.num),
    l.date,
    p(l.compte),
    p("Compte " + l.compte, 20),
    "",
    "",
    p("P" + l.num),
    l.date,
    p(l.libelle, 30),
  ];
  const mts =
    v.montants === "debit-credit"
      ? [montant(l.debit, v), montant(l.credit, v)]
      : [
          montant(l.debit || l.credit, v),
          l.debit || !l.credit ? (v.sens === "DC" ? "D" : "+1") : v.sens === "DC" ? "C" : "-1",
        ];
  const out = [...base, ...mts, "", "", l.date, "", "EUR"];
  if (v.colonnes === 19) out.push("01");
  if (v.colonnes === 22) out.push(l.date, "CB", "", "");
  return out;
}

/** Lines of text (header first); `vides` inserts blank lines before the given data indices. */
export function lignesTexte(lignes: LigneGen[], v: VarianteFec, vides: Set<number> = new Set()): string[] {
  const j = (cs: string[]) => cs.join(v.sep) + (v.sepFinal ? v.sep : "");
  const out = [j(entetes(v))];
  lignes.forEach((l, i) => {
    if (vides.has(i)) out.push("");
    out.push(j(champs(l, v)));
  });
  return out;
}

export function octets(lignes: string[], v: VarianteFec): Uint8Array {
  const t = lignes.join(v.fin) + (v.finFichier ? v.fin : "");
  const corps = v.encodage === "utf-8" ? Buffer.from(t, "utf8") : iconv.encode(t, v.encodage);
  return new Uint8Array(
    v.bom && v.encodage === "utf-8" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), corps]) : corps,
  );
}
